import { describe, expect, it } from 'vitest';
import { createHostGate, type GatePolicy } from '../../lib/background/sources/hostGate';
import { requestText, SourceError } from '../../lib/background/sources/http';

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
