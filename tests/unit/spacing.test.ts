import { describe, expect, it } from 'vitest';
import { createSpacer } from '../../lib/sources/spacing';
import { parseAtomVersions } from '../../lib/sources/arxiv';
import { arxivAtomAnswer } from '../fixtures/seedWorld';

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

describe('parseAtomVersions', () => {
  it('reads the latest version of each entry', () => {
    const versions = parseAtomVersions(arxivAtomAnswer(['2602.16165', '2601.18217', '9999.99999']));
    expect([...versions]).toEqual([
      ['2602.16165', 1],
      ['2601.18217', 1],
    ]);
  });

  it('ignores error entries and the feed id', () => {
    const atom = `<feed><id>http://arxiv.org/api/abc</id><entry><id>http://arxiv.org/api/errors#incorrect_id_format_for_x</id><title>Error</title></entry><entry><id>http://arxiv.org/abs/hep-th/9108002v2</id></entry></feed>`;
    expect([...parseAtomVersions(atom)]).toEqual([['hep-th/9108002', 2]]);
  });
});
