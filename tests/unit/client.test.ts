import { describe, expect, it } from 'vitest';
import { ask, isDroppedMessage, RETRY_DELAYS_MS } from '../../lib/ui/ask';

const noSleep = async () => {};

describe('ask', () => {
  it('asks again when the background went away mid-request, then returns its answer', async () => {
    let calls = 0;
    const send = async () => {
      calls += 1;
      if (calls === 1) throw new Error('The message port closed before a response was received.');
      if (calls === 2) return undefined; // a worker that died before answering
      return { ok: true, data: { s2ApiKey: '' } };
    };
    expect(await ask({ type: 'getSettings' }, send, noSleep)).toEqual({ s2ApiKey: '' });
    expect(calls).toBe(3);
  });

  it('gives up after a bounded number of tries', async () => {
    let calls = 0;
    const send = async () => {
      calls += 1;
      throw new Error('Could not establish connection. Receiving end does not exist.');
    };
    await expect(ask({ type: 'getSettings' }, send, noSleep)).rejects.toThrow(/Receiving end/);
    expect(calls).toBe(RETRY_DELAYS_MS.length + 1);
  });

  it('does not repeat a request the background refused, and reports its reason', async () => {
    let calls = 0;
    const send = async () => (calls++, { ok: false, error: 'Unknown message type: x' });
    await expect(ask({ type: 'getSettings' }, send, noSleep)).rejects.toThrow('Unknown message type: x');
    expect(calls).toBe(1);
    expect(isDroppedMessage(new Error('TypeError: x is undefined'))).toBe(false);
  });
});
