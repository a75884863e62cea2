import { describe, expect, it } from 'vitest';
import { createHostGate, MAX_WAITING, type GatePolicy } from '../../lib/background/sources/hostGate';
import { requestText, retryAfterMs, SourceError } from '../../lib/background/sources/http';
import { createBackground } from '../../lib/background';
import { openDatabase } from '../../lib/background/store/db';
import { recordedFetch } from '../fixtures/recordedApi';

const POLICY: GatePolicy = { host: 'api.example.org', minIntervalMs: 1000, failuresToOpen: 3, openMs: 60_000 };

function clockedGate(policy = POLICY) {
  let clock = 0;
  const starts: number[] = [];
  const gate = createHostGate(policy, () => clock, async (ms) => void (clock += ms));
  return { gate, starts, advance: (ms: number) => void (clock += ms), time: () => clock };
}

const fault = (kind: 'server' | 'client' | 'not-found' | 'network') => Promise.reject(new SourceError(kind, `${kind} fault`));

describe('host gate', () => {
  it('spaces requests to one host', async () => {
    const { gate, starts, time } = clockedGate();
    await Promise.all([1, 2, 3].map(() => gate.run(async () => void starts.push(time()))));
    expect(starts).toEqual([0, 1000, 2000]);
  });

  it('lets at most MAX_WAITING requests wait for their turn, refuses more at once, and takes new ones as the queue drains', async () => {
    const { gate } = clockedGate();
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const queued = Array.from({ length: MAX_WAITING }, () => gate.run(() => held));
    await expect(gate.run(async () => 'one too many')).rejects.toThrow(`${MAX_WAITING} requests are already waiting for api.example.org`);
    release();
    await Promise.all(queued);
    expect(await gate.run(async () => 'after')).toBe('after');
  });

  it('opens after repeated host faults, refuses while open, lets one try after the wait, closes on success', async () => {
    const { gate, advance } = clockedGate();
    let reached = 0;
    for (let i = 0; i < 3; i++) await expect(gate.run(() => (reached++, fault('server')))).rejects.toMatchObject({ kind: 'server' });
    expect(gate.state()).toBe('open');
    await expect(gate.run(async () => reached++)).rejects.toMatchObject({ kind: 'unavailable', message: expect.stringMatching(/keeps failing; ScholarScope will ask again in \d+ s/) });
    expect(reached).toBe(3);
    advance(60_000);
    expect(gate.state()).toBe('half-open');
    await expect(gate.run(() => (reached++, fault('network')))).rejects.toMatchObject({ kind: 'network' });
    expect(gate.state()).toBe('open'); // the trial failed: wait again
    advance(60_000);
    expect(await gate.run(async () => 'ok')).toBe('ok');
    expect(gate.state()).toBe('closed');
  });

  it('does not count answers about the request itself (404, 400)', async () => {
    const { gate } = clockedGate();
    for (let i = 0; i < 5; i++) await expect(gate.run(() => fault(i % 2 ? 'client' : 'not-found'))).rejects.toBeInstanceOf(SourceError);
    expect(gate.state()).toBe('closed');
  });

  it('sees every attempt of a retried request, so a failing host opens the circuit within one page', async () => {
    const { gate } = clockedGate();
    let calls = 0;
    const fetch = async () => (calls++, new Response('', { status: 503 }));
    const options = { fetch, gate, retries: 2, sleep: async () => {} };
    await expect(requestText('https://api.example.org/x', {}, options)).rejects.toMatchObject({ kind: 'server' });
    expect(calls).toBe(3);
    expect(gate.state()).toBe('open');
    await expect(requestText('https://api.example.org/y', {}, options)).rejects.toMatchObject({ kind: 'unavailable' });
    expect(calls).toBe(3);
  });
});

describe('a long Retry-After', () => {
  it('is not waited for: the page hears until when the host asked us to wait, nothing is sent until then, and a page after that asks again', async () => {
    let clock = Date.UTC(2026, 10, 25, 14, 0);
    const log: string[] = [];
    let limited = true;
    const fetch = async (url: string, init?: RequestInit) => {
      log.push(url);
      if (limited && url.includes('/paper/batch')) return new Response('{"message":"Too Many Requests"}', { status: 429, headers: { 'retry-after': '3600' } });
      // The fallback sources are down too, so the primary's answer is what the page hears.
      if (!url.startsWith('https://api.semanticscholar.org/')) return new Response('{}', { status: 404 });
      return recordedFetch()(url, init);
    };
    const db = await openDatabase(`long-wait-${Math.random()}`);
    const background = createBackground({ db: async () => db, fetch, now: () => clock, sleep: async () => {} });
    const asked = () => log.filter((url) => url.includes('/paper/batch')).length;
    const until = new Date(clock + 3600_000).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
    await expect(background.papers(['2602.16165'])).rejects.toThrow(`api.semanticscholar.org asked ScholarScope to wait until ${until}; it will ask again then`);
    expect(asked()).toBe(1); // no retries slept through
    clock += 30 * 60_000;
    await expect(background.papers(['2602.16165'])).rejects.toThrow(/wait until/);
    expect(asked()).toBe(1); // nothing sent while the host asked us to wait
    limited = false;
    clock += 31 * 60_000;
    expect((await background.papers(['2602.16165']))['2602.16165']!.authors[0]!.name).toBe('Zhaoran Wang');
    expect(asked()).toBe(2);
  });

  it('is read from an HTTP date as well', () => {
    const now = Date.UTC(2026, 10, 25, 14, 0);
    expect(retryAfterMs(new Date(now + 7200_000).toUTCString(), now, Infinity)).toBe(7200_000);
    expect(retryAfterMs('3600', now)).toBe(60_000); // capped where it is slept for
  });
});
