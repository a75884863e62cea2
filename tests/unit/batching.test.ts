import { describe, expect, it } from 'vitest';
import { BATCH_WINDOW_MS, createBatcher } from '../../lib/background/papers/batching';

function recordingBatcher(limit = 500) {
  const batches: { keys: string[]; at: number }[] = [];
  const started = Date.now();
  const fetch = createBatcher<string>(async (keys) => {
    batches.push({ keys, at: Date.now() - started });
    return new Map(keys.map((key) => [key, `record ${key}`]));
  }, limit);
  return { fetch, batches };
}

describe('the paper batcher', () => {
  it('merges what is asked within its window into batches of the limit', async () => {
    const { fetch, batches } = recordingBatcher(3);
    const [a, b] = await Promise.all([fetch(['1', '2']), fetch(['3', '4', '2'])]);
    expect(batches.map((batch) => batch.keys)).toEqual([['1', '2', '3'], ['4']]);
    expect(a.get('2')).toBe('record 2');
    expect(b.get('4')).toBe('record 4');
  });

  it('sends urgent keys at once in a batch of their own, and does not ask again for keys already on their way', async () => {
    const { fetch, batches } = recordingBatcher();
    const later = fetch(['10', '11', '12']);
    const urgent = fetch(['1', '2'], true);
    const overlapping = fetch(['10', '3'], true);
    // The urgent batches went out before the window closed; '10', already waiting, was not asked again.
    await urgent;
    expect(batches.map((batch) => batch.keys)).toEqual([['1', '2'], ['3']]);
    expect(batches.every((batch) => batch.at < BATCH_WINDOW_MS)).toBe(true);
    await Promise.all([later, overlapping]);
    expect(batches.map((batch) => batch.keys)).toEqual([['1', '2'], ['3'], ['10', '11', '12']]);
    expect((await overlapping).get('10')).toBe('record 10');
  });
});
