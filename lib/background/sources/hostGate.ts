// One gate per API host: requests start at least `minIntervalMs` apart, and after
// `failuresToOpen` failures in a row the circuit opens: no request reaches the host for
// `openMs`, after which one request may try again. A page never causes a request storm.

import { SourceError, waitError } from './http';
import { createSpacer } from './spacing';

export interface GatePolicy {
  host: string;
  minIntervalMs: number;
  /** One request at a time: the next starts only when the answer before it has ended. */
  serial?: boolean;
  failuresToOpen: number;
  openMs: number;
}

export const S2_POLICY: GatePolicy = { host: 'api.semanticscholar.org', minIntervalMs: 1000, failuresToOpen: 5, openMs: 60_000 };
// OpenAlex allows 100 requests a second; a few a second is plenty and polite.
export const OPENALEX_POLICY: GatePolicy = { host: 'api.openalex.org', minIntervalMs: 200, failuresToOpen: 5, openMs: 60_000 };
// arXiv asks for one request every three seconds and a single connection at a time.
export const ARXIV_POLICY: GatePolicy = { host: 'export.arxiv.org', minIntervalMs: 3000, serial: true, failuresToOpen: 3, openMs: 5 * 60_000 };
// DBLP asks for at most one request a second (kept with a margin: answers arrive with jitter); Crossref's
// public pool takes 5 a second, one at a time.
// Both serve only the published-version resolver: a host that keeps failing is left out for an hour
// (in practice the reader's session), and the resolver says so beside its results.
export const DBLP_POLICY: GatePolicy = { host: 'dblp.org', minIntervalMs: 1100, serial: true, failuresToOpen: 3, openMs: 60 * 60_000 };
export const CROSSREF_POLICY: GatePolicy = { host: 'api.crossref.org', minIntervalMs: 200, serial: true, failuresToOpen: 3, openMs: 60 * 60_000 };

/**
 * Requests that may wait for their turn at one host. Each tab has at most a few messages unanswered
 * (background/contentGate.ts), so this is reached only by many tabs at once; past it a request fails
 * at once, saying so, instead of waiting minutes.
 */
export const MAX_WAITING = 200;

export interface HostGate {
  run<T>(attempt: () => Promise<T>): Promise<T>;
  /** `closed`: requests flow; `open`: refused until the wait is over; `half-open`: one may try. */
  state(): 'closed' | 'open' | 'half-open';
}

// Faults of the host, not of the request: these count towards opening the circuit.
function hostFault(error: unknown): boolean {
  return error instanceof SourceError && ['network', 'timeout', 'server', 'rate-limited', 'malformed'].includes(error.kind);
}

export function createHostGate(
  policy: GatePolicy,
  now: () => number = Date.now,
  sleep?: (ms: number) => Promise<void>,
): HostGate {
  const spacer = createSpacer(policy.minIntervalMs, now, sleep, policy.serial);
  let failures = 0;
  let openedAt: number | null = null;
  let trial = false;
  // The host asked us to wait until then (a long Retry-After, a spent daily allowance): nothing is
  // sent before, and every request meanwhile fails with what the host said.
  let pausedUntil = 0;
  let pause: SourceError | null = null;
  let waiting = 0;

  const state = () => (openedAt === null ? 'closed' : now() - openedAt < policy.openMs ? 'open' : 'half-open');

  return {
    state,
    async run<T>(attempt: () => Promise<T>): Promise<T> {
      if (now() < pausedUntil) throw pause ?? waitError(policy.host, 429, pausedUntil);
      const current = state();
      if (current === 'open' || (current === 'half-open' && trial)) {
        const seconds = Math.ceil((policy.openMs - (now() - (openedAt ?? now()))) / 1000);
        throw new SourceError('unavailable', `${policy.host} keeps failing; ScholarScope will ask again in ${Math.max(1, seconds)} s`);
      }
      if (waiting >= MAX_WAITING) throw new SourceError('unavailable', `${MAX_WAITING} requests are already waiting for ${policy.host}; ScholarScope will ask again when the page asks`);
      if (current === 'half-open') trial = true;
      waiting += 1;
      let started = false;
      const start = () => ((started = true), (waiting -= 1), attempt());
      try {
        const result = await spacer.run(start);
        failures = 0;
        openedAt = null;
        return result;
      } catch (error) {
        if (error instanceof SourceError && error.retryAt !== null && error.retryAt > pausedUntil) {
          pausedUntil = error.retryAt;
          pause = error;
        }
        if (hostFault(error)) {
          failures += 1;
          if (failures >= policy.failuresToOpen || current === 'half-open') openedAt = now();
        }
        throw error;
      } finally {
        if (!started) waiting -= 1;
        if (current === 'half-open') trial = false;
      }
    },
  };
}

/** A gate that lets everything through at once (tests that are not about limits). */
export function openGate(): HostGate {
  return { run: (attempt) => attempt(), state: () => 'closed' };
}
