import { describe, expect, it } from 'vitest';
import { createSpacer } from '../../lib/background/sources/spacing';

describe('createSpacer', () => {
  it('starts tasks at least the interval apart, in order, even when one fails', async () => {
    let clock = 0;
    const starts: number[] = [];
    const spacer = createSpacer(3000, () => clock, async (ms) => void (clock += ms));
    const task = (fail = false) => async () => {
      starts.push(clock);
      if (fail) throw new Error('down');
      return clock;
    };
    const results = await Promise.allSettled([spacer.run(task()), spacer.run(task(true)), spacer.run(task())]);
    expect(starts).toEqual([0, 3000, 6000]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  });
});
