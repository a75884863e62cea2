// One way to call a JSON or text API: bounded time, bounded retries, typed failures.

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export type SourceErrorKind =
  | 'network'
  | 'timeout'
  | 'rate-limited'
  /** A daily allowance is spent (OpenAlex): nothing more until it resets, at `retryAt`. */
  | 'quota'
  /** The answer would pass the host's size limit (Semantic Scholar: 10 MB): ask for less. */
  | 'too-large'
  | 'server'
  | 'client'
  | 'not-found'
  | 'malformed'
  | 'unavailable';

export class SourceError extends Error {
  constructor(
    readonly kind: SourceErrorKind,
    message: string,
    readonly status: number | null = null,
    /** When the host asked to be asked again (a long Retry-After); null when it did not say. */
    readonly retryAt: number | null = null,
    /** What the host's error body said (its `error` or `message`), for the one who reads the error. */
    readonly detail: string | null = null,
  ) {
    super(message);
    this.name = 'SourceError';
  }
}

/** A 429 or 5xx answer, with the wait the server asked for (`waitMs`, uncapped; null when it did not say). */
class RetryableHttpError extends SourceError {
  constructor(kind: SourceErrorKind, message: string, status: number, readonly waitMs: number | null) {
    super(kind, message, status);
  }
}

/**
 * A Retry-After up to this long is waited for and the request tried again; a longer one is not
 * waited for: the request fails at once, saying until when the host asked us to wait, and the host's
 * gate sends nothing until then (a page opened afterwards asks again).
 */
export const LONG_WAIT_MS = 10_000;

/** `14:32`, for "asked us to wait until 14:32". */
export function clockTime(at: number): string {
  return new Date(at).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
}

export function waitError(host: string, status: number | null, retryAt: number): SourceError {
  return new SourceError('rate-limited', `${host} asked ScholarScope to wait until ${clockTime(retryAt)}; it will ask again then`, status, retryAt);
}

/** Runs each attempt (spacing, circuit); see hostGate.ts. */
export interface AttemptGate {
  run<T>(attempt: () => Promise<T>): Promise<T>;
}

export interface RequestOptions {
  fetch: FetchLike;
  /** The host's gate; every attempt, retries included, passes through it. */
  gate?: AttemptGate;
  timeoutMs?: number;
  /** Extra tries after the first, for 429 and 5xx answers and network faults. */
  retries?: number;
  /** Waits between tries; replaced in tests. */
  sleep?: (ms: number) => Promise<void>;
  /** The clock Retry-After dates and waits are read against; replaced in tests. */
  now?: () => number;
  /** A status other than 429 by which the host says "too many requests a second": waited out and tried again, like a 429. */
  slowDownStatus?: number;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Milliseconds a `Retry-After` header asks for (seconds or an HTTP date), capped. */
export function retryAfterMs(header: string | null, now = Date.now(), capMs = 60_000): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.min(seconds * 1000, capMs);
  const date = Date.parse(header);
  if (!Number.isNaN(date)) return Math.min(Math.max(0, date - now), capMs);
  return null;
}

function classify(status: number, slowDownStatus: number | undefined): SourceErrorKind {
  if (status === 404) return 'not-found';
  if (status === 429 || status === slowDownStatus) return 'rate-limited';
  if (status >= 500) return 'server';
  return 'client';
}

async function attempt(url: string, init: RequestInit, options: RequestOptions): Promise<Response> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs ?? 15_000);
  try {
    // No cookies: the APIs need none, and a reader's session on those sites is none of their business here.
    return await options.fetch(url, { ...init, credentials: 'omit', signal: controller.signal });
  } catch (error) {
    if (controller.signal.aborted) throw new SourceError('timeout', `No answer from ${new URL(url).host} in time`);
    throw new SourceError('network', `Could not reach ${new URL(url).host}: ${String(error)}`);
  } finally {
    clearTimeout(timer);
  }
}

/** The `error` or `message` of a JSON error body, else its first line; bounded. */
function errorDetail(body: string): string | null {
  try {
    const parsed = JSON.parse(body) as unknown;
    if (typeof parsed === 'object' && parsed !== null) {
      const { error, message } = parsed as Record<string, unknown>;
      const text = [error, message].filter((part): part is string => typeof part === 'string').join(': ');
      if (text) return text.slice(0, 300);
    }
  } catch {
    // Not JSON: an HTML error page or plain text.
  }
  const line = body.trim().split('\n')[0]?.trim() ?? '';
  return line && !line.startsWith('<') ? line.slice(0, 300) : null;
}

/** When a spent daily allowance comes back: `X-RateLimit-Reset` (seconds from now, or a Unix time), else `Retry-After`, else the next UTC midnight. */
function quotaResetAt(headers: Headers, now: number): number {
  const reset = Number(headers.get('x-ratelimit-reset'));
  if (Number.isFinite(reset) && reset > 0) return reset > 1e9 ? reset * 1000 : now + reset * 1000;
  const wait = retryAfterMs(headers.get('retry-after'), now, Infinity);
  if (wait !== null && wait > 0) return now + wait;
  const midnight = new Date(now);
  midnight.setUTCHours(24, 0, 0, 0);
  return midnight.getTime();
}

/** One attempt: the body text of a 2xx answer, else a typed failure. */
async function once(url: string, init: RequestInit, options: RequestOptions, now: () => number): Promise<string> {
  const response = await attempt(url, init, options);
  const host = new URL(url).host;
  if (response.ok) {
    try {
      return await response.text();
    } catch (error) {
      throw new SourceError('network', `The answer from ${host} broke off: ${String(error)}`);
    }
  }
  const detail = errorDetail(await response.text().then((body) => body.slice(0, 20_000), () => ''));
  const kind = classify(response.status, options.slowDownStatus);
  const message = `${host} answered ${response.status}`;
  if (response.status === 400 && detail && /exceed\w* (the )?maximum size/i.test(detail)) {
    throw new SourceError('too-large', `${host} would answer more than its size limit`, 400, null, detail);
  }
  // OpenAlex says what is left of the day's allowance; none left is a quota, not a burst to retry.
  if (response.status === 429 && response.headers.get('x-ratelimit-remaining') === '0') {
    const at = quotaResetAt(response.headers, now());
    throw new SourceError('quota', `${host} says today's allowance is used up; it resets at ${clockTime(at)}`, 429, at, detail);
  }
  if (kind === 'rate-limited' || kind === 'server') {
    const waitMs = retryAfterMs(response.headers.get('retry-after'), now(), Infinity);
    if (waitMs !== null && waitMs > LONG_WAIT_MS) throw waitError(host, response.status, now() + waitMs);
    throw new RetryableHttpError(kind, message, response.status, waitMs);
  }
  throw new SourceError(kind, message, response.status, null, detail);
}

/** Fetches `url`, retrying rate limits, server errors and network faults with backoff; returns the body text. */
export async function requestText(url: string, init: RequestInit, options: RequestOptions): Promise<string> {
  const retries = options.retries ?? 2;
  const sleep = options.sleep ?? defaultSleep;
  const now = options.now ?? Date.now;
  let lastError: SourceError | null = null;
  for (let tryIndex = 0; tryIndex <= retries; tryIndex++) {
    if (tryIndex > 0) {
      const backoff = 1000 * 2 ** (tryIndex - 1) * (0.5 + Math.random());
      await sleep(Math.max(backoff, lastError instanceof RetryableHttpError ? lastError.waitMs ?? 0 : 0));
    }
    try {
      // Inside the gate an attempt fails on any fault, so the circuit sees every one.
      const run = () => once(url, init, options, now);
      return await (options.gate ? options.gate.run(run) : run());
    } catch (error) {
      if (!(error instanceof SourceError)) throw error;
      const retryable = error instanceof RetryableHttpError || error.kind === 'network' || error.kind === 'timeout';
      if (!retryable) throw error;
      lastError = error;
    }
  }
  throw lastError ?? new SourceError('network', `Could not reach ${new URL(url).host}`);
}

/**
 * Whether a failure is the host's as a whole (a refused key, a spent allowance, a circuit open),
 * not of the one request: a batch split in parts stops at such a failure instead of recording it
 * against each part.
 */
export function isHostRefusal(error: unknown): boolean {
  const refusedKey = error instanceof SourceError && error.kind === 'client' && (error.status === 401 || error.status === 403);
  return refusedKey || (error instanceof SourceError && (error.kind === 'quota' || error.kind === 'unavailable' || error.retryAt !== null));
}

/** A part of a batch failed: its keys get the Error (one record's trouble costs that record only); the host's refusal as a whole stops the batch instead. */
export function failPart<K, V>(into: Map<K, V | Error>, keys: readonly K[], error: unknown): void {
  if (isHostRefusal(error) || !(error instanceof Error)) throw error;
  for (const key of keys) into.set(key, error);
}

/**
 * Asks for a list of `limit` items, and for half as many again while the host says the answer would
 * pass its size limit, down to `floor`: lists whose items are large (papers with all their authors).
 */
export async function askSmaller<T>(limit: number, floor: number, ask: (limit: number) => Promise<T>): Promise<T> {
  try {
    return await ask(limit);
  } catch (error) {
    if (!(error instanceof SourceError && error.kind === 'too-large') || limit <= floor) throw error;
    return askSmaller(Math.max(floor, Math.floor(limit / 2)), floor, ask);
  }
}

/**
 * Asks for `keys` in one request, and in halves again while the host says the answer would pass its
 * size limit (Semantic Scholar's 10 MB); a part that fails otherwise, or one key still too large,
 * goes to `failed`.
 */
export async function askInHalves<K>(keys: readonly K[], ask: (part: readonly K[]) => Promise<void>, failed: (part: readonly K[], error: unknown) => Promise<void> | void): Promise<void> {
  try {
    await ask(keys);
  } catch (error) {
    if (error instanceof SourceError && error.kind === 'too-large' && keys.length > 1) {
      const half = Math.ceil(keys.length / 2);
      await askInHalves(keys.slice(0, half), ask, failed);
      await askInHalves(keys.slice(half), ask, failed);
      return;
    }
    await failed(keys, error);
  }
}

export async function requestJson(url: string, init: RequestInit, options: RequestOptions): Promise<unknown> {
  const body = await requestText(url, init, options);
  try {
    return JSON.parse(body) as unknown;
  } catch {
    throw new SourceError('malformed', `${new URL(url).host} sent an answer that is not JSON`);
  }
}
