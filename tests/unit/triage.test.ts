import { describe, expect, it } from 'vitest';
import { triage, type EntryFacts } from '../../lib/core/triage';

const facts = (hMax: number | null, citations: number | null, followed = false, saved = false): EntryFacts => ({ hMax, citations, followed, saved });

// arXiv's order: A, B, C, D, E.
const LISTING = [facts(12, 3), facts(null, 40, true), facts(30, null), facts(12, 100, false, true), facts(5, 3, true)];

describe('listing triage', () => {
  it("keeps arXiv's order", () => {
    expect(triage(LISTING, 'arxiv', 'all')).toEqual({ order: [0, 1, 2, 3, 4], hidden: [false, false, false, false, false] });
  });

  it('orders by the highest h-index, ties in arXiv order, unknown last', () => {
    expect(triage(LISTING, 'h', 'all').order).toEqual([2, 0, 3, 4, 1]);
  });

  it('orders by citations, unknown last', () => {
    expect(triage(LISTING, 'citations', 'all').order).toEqual([3, 1, 0, 4, 2]);
  });

  it('pulls entries by followed authors to the top, the rest in arXiv order', () => {
    expect(triage(LISTING, 'followed', 'all').order).toEqual([1, 4, 0, 2, 3]);
  });

  it('hides everything but followed and saved entries on request', () => {
    expect(triage(LISTING, 'h', 'followed-or-saved').hidden).toEqual([true, false, true, false, false]);
  });

  it('handles an empty listing and all-unknown facts', () => {
    expect(triage([], 'h', 'all')).toEqual({ order: [], hidden: [] });
    expect(triage([facts(null, null), facts(null, null)], 'citations', 'all').order).toEqual([0, 1]);
  });

  it('is a permutation for a 2,000-entry listing', () => {
    const big = Array.from({ length: 2000 }, (_, i) => facts((i * 7919) % 61, i % 3 === 0 ? null : (i * 31) % 500, i % 50 === 0));
    for (const order of ['arxiv', 'h', 'citations', 'followed'] as const) {
      const result = triage(big, order, 'all').order;
      expect([...result].sort((a, b) => a - b)).toEqual(big.map((_, i) => i));
    }
    const byH = triage(big, 'h', 'all').order.map((i) => big[i]!.hMax!);
    expect(byH).toEqual([...byH].sort((a, b) => b - a));
  });
});
