// One way to call a JSON or text API: bounded time, bounded retries, typed failures.

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export type SourceErrorKind = 'network' | 'timeout' | 'rate-limited' | 'server' | 'client' | 'not-found' | 'malformed' | 'unavailable';

export class SourceError extends Error {
  constructor(
    readonly kind: SourceErrorKind,
    message: string,
    readonly status: number | null = null,
    /** When the host asked to be asked again (a long Retry-After); null when it did not say. */
    readonly retryAt: number | null = null,
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

function classify(status: number): SourceErrorKind {
  if (status === 404) return 'not-found';
  if (status === 429) return 'rate-limited';
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

/** One attempt: the body text of a 2xx answer, else a typed failure. */
async function once(url: string, init: RequestInit, options: RequestOptions, now: () => number): Promise<string> {
  const response = await attempt(url, init, options);
  if (response.ok) {
    try {
      return await response.text();
    } catch (error) {
      throw new SourceError('network', `The answer from ${new URL(url).host} broke off: ${String(error)}`);
    }
  }
  const kind = classify(response.status);
  const message = `${new URL(url).host} answered ${response.status}`;
  if (kind === 'rate-limited' || kind === 'server') {
    const waitMs = retryAfterMs(response.headers.get('retry-after'), now(), Infinity);
    if (waitMs !== null && waitMs > LONG_WAIT_MS) throw waitError(new URL(url).host, response.status, now() + waitMs);
    throw new RetryableHttpError(kind, message, response.status, waitMs);
  }
  throw new SourceError(kind, message, response.status);
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

export async function requestJson(url: string, init: RequestInit, options: RequestOptions): Promise<unknown> {
  const body = await requestText(url, init, options);
  try {
    return JSON.parse(body) as unknown;
  } catch {
    throw new SourceError('malformed', `${new URL(url).host} sent an answer that is not JSON`);
  }
}
