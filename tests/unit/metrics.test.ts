import { describe, expect, it } from 'vitest';
import { citationsInLastYears, citationsPerPaper, computeMetrics, gIndex, hIndex, i10Index, mQuotient } from '../../lib/core/metrics/compute';

// Hand-checked examples. Hirsch's own illustration: citations 10, 8, 5, 4, 3 → h = 4
// (four papers with at least 4 citations; the fifth has 3 < 5).
describe('h-index', () => {
  it.each([
    [[10, 8, 5, 4, 3], 4],
    [[25, 8, 5, 3, 3], 3],
    [[], 0],
    [[0, 0, 0], 0],
    [[1], 1],
    [[100], 1],
    // A tie at the threshold: three papers with exactly 3 citations give h = 3, a fourth 3 does not make it 4.
    [[3, 3, 3], 3],
    [[3, 3, 3, 3], 3],
    [[4, 4, 4, 4], 4],
    // Order does not matter; bad counts count as zero.
    [[3, 10, 4, 8, 5], 4],
    [[5, -2, Number.NaN, 5], 2],
  ])('%j → %i', (citations, h) => expect(hIndex(citations)).toBe(h));
});

describe('g-index', () => {
  it.each([
    // 10, 8, 5, 4, 3: running sums 10, 18, 23, 27, 30 against 1, 4, 9, 16, 25 → g = 5.
    [[10, 8, 5, 4, 3], 5],
    // Egghe's point: one highly cited paper lifts g but never past the number of papers.
    [[100, 0, 0], 3],
    // Running sums 1, 2, 3, 4 against 1, 4, 9, 16: only the first meets its square.
    [[1, 1, 1, 1], 1],
    // 4, 4, 4, 4: sums 4, 8, 12, 16 against 1, 4, 9, 16 → g = 4, a tie exactly at g².
    [[4, 4, 4, 4], 4],
  ])('%j → %i', (citations, g) => expect(gIndex(citations)).toBe(g));
  it('is zero with no papers or no citations', () => {
    expect(gIndex([])).toBe(0);
    expect(gIndex([0, 0])).toBe(0);
  });
  it('is never smaller than h', () => {
    for (const list of [[10, 8, 5, 4, 3], [3, 3, 3], [50, 40, 2, 1], [7]]) expect(gIndex(list)).toBeGreaterThanOrEqual(hIndex(list));
  });
});

describe('i10-index, citations per paper, m-quotient, recent citations', () => {
  it('counts papers with at least ten citations', () => {
    expect(i10Index([10, 9, 11, 100, 0])).toBe(3);
    expect(i10Index([])).toBe(0);
  });
  it('divides citations by papers, and has none without papers', () => {
    expect(citationsPerPaper(30, 5)).toBe(6);
    expect(citationsPerPaper(0, 0)).toBeNull();
  });
  it('divides h by the years since the first paper, counted inclusively', () => {
    expect(mQuotient(10, 2017, 2026)).toBe(1); // 2017…2026 is ten years
    expect(mQuotient(3, 2026, 2026)).toBe(3);
    expect(mQuotient(0, 2020, 2026)).toBe(0);
    expect(mQuotient(5, null, 2026)).toBeNull();
    expect(mQuotient(5, 2030, 2026)).toBeNull();
  });
  it('sums the last five calendar years of per-year citations, this one included', () => {
    const perYear = [2020, 2021, 2022, 2023, 2024, 2025, 2026].map((year) => ({ year, citations: year - 2019 }));
    expect(citationsInLastYears(perYear, 2026)).toBe(3 + 4 + 5 + 6 + 7);
    expect(citationsInLastYears([], 2026)).toBe(0);
  });
});

describe('computeMetrics', () => {
  it('computes every metric from one list', () => {
    const metrics = computeMetrics(
      [
        { year: 2019, citations: 10 },
        { year: 2021, citations: 8 },
        { year: 2021, citations: 5 },
        { year: 2024, citations: 4 },
        { year: null, citations: 3 },
      ],
      2026,
    );
    expect(metrics).toEqual({
      papers: 5,
      citations: 30,
      hIndex: 4,
      gIndex: 5,
      i10Index: 1,
      citationsPerPaper: 6,
      mQuotient: 4 / 8,
      firstYear: 2019,
      latestYear: 2024,
      byPublicationYear: [
        { year: 2019, papers: 1, citations: 10 },
        { year: 2021, papers: 2, citations: 13 },
        { year: 2024, papers: 1, citations: 4 },
      ],
    });
  });
  it('has zeros and no years for an author with no papers', () => {
    expect(computeMetrics([], 2026)).toEqual({ papers: 0, citations: 0, hIndex: 0, gIndex: 0, i10Index: 0, citationsPerPaper: null, mQuotient: null, firstYear: null, latestYear: null, byPublicationYear: [] });
  });
  it('handles all-zero citations', () => {
    const metrics = computeMetrics([{ year: 2025, citations: 0 }, { year: 2026, citations: 0 }], 2026);
    expect([metrics.hIndex, metrics.gIndex, metrics.i10Index, metrics.citationsPerPaper, metrics.mQuotient]).toEqual([0, 0, 0, 0, 0]);
  });
  it('ignores implausible years', () => {
    const metrics = computeMetrics([{ year: 0, citations: 1 }, { year: 3000, citations: 1 }, { year: 2001, citations: 1 }], 2026);
    expect([metrics.firstYear, metrics.latestYear, metrics.byPublicationYear.length]).toEqual([2001, 2001, 1]);
  });
});
