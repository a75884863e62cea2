import { describe, expect, it } from 'vitest';
import type { CompareRow } from '../../lib/core/protocol/wire';
import { bestOf, citationsPerYear, compareCsv, formatMetric, metricDefs, shownValue, sortColumns } from '../../lib/core/metrics/table';
import type { Author, OpenAlexAuthor } from '../../lib/core/model';

const YEAR = 2026;
const defs = metricDefs(YEAR);
const def = (id: string) => defs.find((d) => d.id === id)!;

function row(name: string, reported: { citations: number | null; h: number | null; papers: number | null }, papers: { year: number; citations: number }[] | null, openAlex: CompareRow['openAlex'] = { status: 'unmatched', looked: 3, fetchedAt: Date.UTC(2026, 10, 22) }): CompareRow {
  const author: Author = {
    authorId: String(name.length),
    name,
    affiliations: [],
    citationCount: reported.citations,
    hIndex: reported.h,
    paperCount: reported.papers,
    url: 'https://www.semanticscholar.org/author/1',
    source: 'semanticscholar',
    fetchedAt: Date.UTC(2026, 10, 20),
  };
  return { author, papers: papers ?? [], complete: true, computedError: papers ? null : 'HTTP 500', listFetchedAt: papers ? Date.UTC(2026, 10, 21) : null, openAlex };
}

// Ada: 10, 8, 5, 4, 3 (h 4, g 5, i10 1); Ben: 40, 2 (h 2, g 2, i10 1); Cy: no list.
// Ada is in OpenAlex too, with numbers of its own (citations per year: 2022…2026 sum to 30).
const adaOpenAlex: CompareRow['openAlex'] = {
  status: 'matched',
  agreeing: 4,
  looked: 5,
  fetchedAt: Date.UTC(2026, 10, 22),
  author: {
    id: 'A5000000001',
    name: 'Ada',
    institutions: [],
    citationCount: 33,
    worksCount: 6,
    hIndex: 4,
    i10Index: 2,
    twoYearMeanCitedness: 1.5,
    countsByYear: [2021, 2022, 2023, 2024, 2025, 2026].map((year, i) => ({ year, citations: [3, 5, 6, 8, 9, 2][i]!, works: 1 })),
    url: 'https://openalex.org/A5000000001',
  },
};
const ada = row('Ada', { citations: 30, h: 4, papers: 5 }, [2018, 2019, 2020, 2024, 2025].map((year, i) => ({ year, citations: [10, 8, 5, 4, 3][i]! })), adaOpenAlex);
const ben = row('Ben', { citations: 45, h: 2, papers: 3 }, [{ year: 2022, citations: 40 }, { year: 2023, citations: 2 }]);
const cy = row('Cy', { citations: 45, h: 1, papers: 1 }, null);

describe('the comparison table', () => {
  it('takes OpenAlex\u2019s numbers where it knows the author, and says so when it is the only source of a row', () => {
    expect(def('recent').openAlex(ada)).toBe(30);
    expect(citationsPerYear(ada).map((point) => point.year)).toEqual([2021, 2022, 2023, 2024, 2025, 2026]);
    const gappy = { ...ada, openAlex: { ...adaOpenAlex, author: { ...(adaOpenAlex as { author: OpenAlexAuthor }).author, countsByYear: [{ year: 2019, citations: 4, works: 1 }, { year: 2022, citations: 7, works: 0 }] } } } as CompareRow;
    expect(citationsPerYear(gappy)).toEqual([{ year: 2019, value: 4 }, { year: 2020, value: 0 }, { year: 2021, value: 0 }, { year: 2022, value: 7 }]); // OpenAlex leaves out empty years
    expect(citationsPerYear(ben)).toEqual([]);
    expect(def('recent').openAlex(ben)).toBeNull(); // unmatched: no per-year counts
    expect(def('i10').openAlex(ada)).toBe(2);
    expect(def('twoYear').openAlex(ada)).toBe(1.5);
    expect(shownValue(def('citations'), ada, 'openalex')).toBe(33);
    expect(shownValue(def('citations'), ben, 'openalex')).toBe(45); // no OpenAlex: the reported one
    expect(shownValue(def('i10'), ada, 'reported')).toBe(2); // Semantic Scholar gives none: OpenAlex before computed
    expect(shownValue(def('i10'), ben, 'reported')).toBe(1); // computed
    expect(shownValue(def('i10'), ada, 'computed')).toBe(1);
    expect([...bestOf(def('recent'), [ada, ben, cy], 'reported')]).toEqual([]); // one value: nothing to beat
    expect(sortColumns(def('citations'), [ada, ben, cy], 'openalex')).toEqual([1, 2, 0]); // 45, 45, 33
  });

  it('uses reported numbers where the source gives them, computed ones otherwise or on request', () => {
    expect(shownValue(def('citations'), ben, 'reported')).toBe(45);
    expect(shownValue(def('citations'), ben, 'computed')).toBe(42);
    expect(shownValue(def('g'), ada, 'reported')).toBe(5); // no reported g: computed
    expect(shownValue(def('g'), cy, 'reported')).toBeNull();
    expect(shownValue(def('perPaper'), ben, 'reported')).toBe(15);
    expect(shownValue(def('m'), ada, 'computed')).toBe(4 / 9); // 2018…2026
  });

  it('marks the best value of each row, every author on a tie, and none for years, a single value or all equal', () => {
    expect([...bestOf(def('h'), [ada, ben, cy], 'reported')]).toEqual([0]);
    expect([...bestOf(def('citations'), [ada, ben, cy], 'reported')]).toEqual([1, 2]);
    expect([...bestOf(def('citations'), [ada, ben, cy], 'computed')]).toEqual([1]);
    expect([...bestOf(def('first'), [ada, ben], 'reported')]).toEqual([]);
    expect([...bestOf(def('g'), [ada, cy], 'reported')]).toEqual([]);
    expect([...bestOf(def('h'), [ada, null, ben], 'reported')]).toEqual([0]);
    // Everyone equal: nothing stands out.
    expect([...bestOf(def('citations'), [ben, cy], 'reported')]).toEqual([]);
  });

  it('orders columns by a row, unknown values last, ties in tray order', () => {
    expect(sortColumns(def('h'), [ben, cy, ada], 'reported')).toEqual([2, 0, 1]);
    expect(sortColumns(def('h'), [ben, cy, ada], 'reported', true)).toEqual([1, 0, 2]);
    expect(sortColumns(def('citations'), [ada, cy, ben], 'reported')).toEqual([1, 2, 0]);
    expect(sortColumns(def('g'), [cy, ada, ben], 'reported')).toEqual([1, 2, 0]);
  });

  it('formats counts for the locale, ratios with their digits, years as years', () => {
    expect(formatMetric(12345, def('citations'), 'en-US')).toBe('12,345');
    expect(formatMetric(4 / 9, def('m'), 'en-US')).toBe('0.44');
    expect(formatMetric(2018, def('first'), 'en-US')).toBe('2018');
    expect(formatMetric(null, def('h'))).toBe('–');
  });

  it('exports reported and computed numbers per author as CSV', () => {
    const csv = compareCsv(['Ada', 'Ben, "the second"', 'Cy'], [ada, ben, cy], YEAR);
    const lines = csv.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'metric,Ada (reported),Ada (OpenAlex),Ada (computed),"Ben, ""the second"" (reported)","Ben, ""the second"" (OpenAlex)","Ben, ""the second"" (computed)",Cy (reported),Cy (OpenAlex),Cy (computed)',
    );
    expect(lines.find((line) => line.startsWith('h-index,'))).toBe('h-index,4,4,4,2,,2,1,,');
    expect(lines.find((line) => line.startsWith('Total citations,'))).toBe('Total citations,30,33,30,45,,42,45,,');
    expect(lines.find((line) => line.startsWith('g-index,'))).toBe('g-index,,,5,,,2,,,');
    expect(lines.find((line) => line.startsWith('Citations per paper,'))).toBe('Citations per paper,6,5.5,6,15,,21,45,,');
    expect(lines.find((line) => line.startsWith('First publication,'))).toBe('First publication,,,2018,,,2022,,,');
    expect(lines.find((line) => line.startsWith('Citations in the last 5 years,'))).toBe('Citations in the last 5 years,,30,,,,,,,');
    expect(lines.find((line) => line.startsWith('Papers in the last 5 years,'))).toBe('Papers in the last 5 years,,,2,,,2,,,'); // 2024, 2025; 2022, 2023
    expect(lines.find((line) => line.startsWith('source,'))).toBe('source,Semantic Scholar,OpenAlex A5000000001,Semantic Scholar paper list,Semantic Scholar,,Semantic Scholar paper list,Semantic Scholar,,Semantic Scholar paper list');
    expect(lines.find((line) => line.startsWith('fetched,'))).toBe(
      'fetched,2026-11-20T00:00:00.000Z,2026-11-22T00:00:00.000Z,2026-11-21T00:00:00.000Z,2026-11-20T00:00:00.000Z,2026-11-22T00:00:00.000Z,2026-11-21T00:00:00.000Z,2026-11-20T00:00:00.000Z,2026-11-22T00:00:00.000Z,',
    );
    // No person, no self-citations counted: no rows for them.
    expect(lines.some((line) => line.startsWith('merged person,') || line.includes('self-citations'))).toBe(false);
  });

  it('says which figures are a merged person\'s and gives those without self-citations where counted', () => {
    const person = row('Zhaoran Wang', { citations: 74, h: 5, papers: 3 }, [{ year: 2026, citations: 40 }, { year: 2025, citations: 37 }]);
    const merged = { ...person, person: { personId: '3', profiles: [person.author, { ...person.author, authorId: '9300001' }], dropped: 1 } };
    const other = row('Ada', { citations: 30, h: 4, papers: 5 }, [{ year: 2024, citations: 30 }]);
    const self = { status: 'done' as const, checked: 2, cap: 2, papers: 2, error: null, updatedAt: 1, figures: { hIndex: 2, hIndexWithout: 1, citations: 77, citationsWithout: 52, selfCitations: 25, citingChecked: 77, incomplete: 0 } };
    const lines = compareCsv(['Zhaoran Wang', 'Ada'], [merged, other], YEAR, [self, null]).replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(lines.find((line) => line.startsWith('merged person,'))).toBe('merged person,profile 12 only,,"recomputed for 2 merged profiles (12 9300001), 1 dropped",,,');
    expect(lines.find((line) => line.startsWith('h-index without self-citations,'))).toBe('h-index without self-citations,,,1,,,');
    expect(lines.find((line) => line.startsWith('citations without self-citations,'))).toBe('citations without self-citations,,,52,,,');
  });
});

describe('a number computed from a list that falls short', () => {
  it('names its basis: fewer papers, fewer citations than reported, a cut list, an empty one; none for a full list or a merged person', async () => {
    const { listShortfall } = await import('../../lib/core/metrics/table');
    const full = row('Full', { citations: 15, h: 2, papers: 2 }, [{ year: 2020, citations: 10 }, { year: 2021, citations: 5 }]);
    expect(listShortfall(full)).toBeNull();
    expect(listShortfall(row('Few', { citations: 15, h: 2, papers: 11 }, [{ year: 2020, citations: 10 }, { year: 2021, citations: 5 }, { year: 2022, citations: 0 }]))?.text).toBe('from 3 of 11 papers');
    expect(listShortfall(row('Cited', { citations: 90, h: 2, papers: 2 }, [{ year: 2020, citations: 10 }, { year: 2021, citations: 5 }]))?.text).toBe('from papers with 15 of 90 citations');
    expect(listShortfall({ ...full, complete: false })?.text).toBe('from the first 2 papers');
    expect(listShortfall(row('Empty', { citations: 90, h: 5, papers: 3 }, []))?.text).toBe('no papers in the list the source gave');
    expect(listShortfall(row('None', { citations: 90, h: 5, papers: 3 }, null))).toBeNull();
    expect(listShortfall({ ...row('Person', { citations: 90, h: 5, papers: 30 }, [{ year: 2020, citations: 1 }]), person: { personId: '1', profiles: [], dropped: 0 } })).toBeNull();
  });

});
