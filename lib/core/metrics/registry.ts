// Every metric ScholarScope shows, each declared once: its label, its definition with the
// reference it follows, how each source reports it and how it is computed from an author's paper
// list, and where the author card shows it. The card, the compare table, its CSV and docs/metrics.md's
// metrics table all read this list; adding a metric is adding a row.

import type { Author, OpenAlexAuthor } from '../model';
import { citationsInLastYears, gIndex, hIndex, i10Index, mQuotient, type PaperCitations } from './compute';

/** An author's paper list, prepared once for every metric computed from it. */
export interface PaperStats {
  papers: readonly PaperCitations[];
  /** Citation counts, largest first (negative or fractional counts count as 0). */
  ranked: readonly number[];
  total: number;
  /** Plausible publication years. */
  years: readonly number[];
}

/** What a metric is read or computed from; null where that source or list is not at hand. */
export interface MetricInputs {
  /** The author as their own source reports them (Semantic Scholar, or OpenAlex for authors only it lists). */
  reported: Author | null;
  /** OpenAlex's record of the same person, where it knows them. */
  openAlex: OpenAlexAuthor | null;
  /** Every paper's year and citations, where the list could be had. */
  list: PaperStats | null;
  currentYear: number;
}

export type MetricValue = (inputs: MetricInputs) => number | null;

export interface Metric {
  id: string;
  label: string;
  /** What the number is, for the compare table's row header and docs/metrics.md. */
  definition: string;
  /** Where the definition comes from, and the choices made where it leaves them open. */
  reference: string;
  /** Higher is better (marked best); null: no best (years). */
  higherIsBetter: boolean | null;
  /** Digits after the point. */
  digits: number;
  /** As the author's own source reports it. */
  reported: MetricValue;
  /** As OpenAlex reports it. */
  openAlex: MetricValue;
  /** Computed from the paper list. */
  computed: MetricValue;
  /** Where the author card shows it: among the numbers at the top (`headline`, with its label there), and in the table by source (`short`, its column header). */
  card: { headline: string | null; short: string } | null;
}

const none: MetricValue = () => null;
const ratio = (a: number | null | undefined, b: number | null | undefined) => (a === null || a === undefined || !b ? null : a / b);
const yearsSinceFirst = ({ list, currentYear }: MetricInputs) => (list && list.years.length > 0 ? currentYear - Math.min(...list.years) + 1 : null);
const fromList = (compute: (list: PaperStats, inputs: MetricInputs) => number | null): MetricValue => (inputs) => (inputs.list ? compute(inputs.list, inputs) : null);

export const METRICS = [
  {
    id: 'citations',
    label: 'Total citations',
    definition: 'Citations to all the author\u2019s papers',
    reference: 'The sum of each paper\u2019s citation count',
    higherIsBetter: true,
    digits: 0,
    reported: (i) => i.reported?.citationCount ?? null,
    openAlex: (i) => i.openAlex?.citationCount ?? null,
    computed: fromList((list) => list.total),
    card: { headline: 'Total Citations', short: 'Citations' },
  },
  {
    id: 'h',
    label: 'h-index',
    definition: 'h papers with at least h citations each',
    reference: 'Hirsch 2005',
    higherIsBetter: true,
    digits: 0,
    reported: (i) => i.reported?.hIndex ?? null,
    openAlex: (i) => i.openAlex?.hIndex ?? null,
    computed: fromList((list) => hIndex(list.ranked)),
    card: { headline: 'h-index', short: 'h' },
  },
  {
    id: 'i10',
    label: 'i10-index',
    definition: 'Papers with at least 10 citations',
    reference: 'Google Scholar',
    higherIsBetter: true,
    digits: 0,
    reported: none,
    openAlex: (i) => i.openAlex?.i10Index ?? null,
    computed: fromList((list) => i10Index(list.ranked)),
    card: { headline: null, short: 'i10' },
  },
  {
    id: 'g',
    label: 'g-index',
    definition: 'The g most cited papers have at least g\u00b2 citations together',
    reference: 'Egghe 2006; capped at the number of papers, as Publish or Perish does',
    higherIsBetter: true,
    digits: 0,
    reported: none,
    openAlex: none,
    computed: fromList((list) => gIndex(list.ranked)),
    card: null,
  },
  {
    id: 'papers',
    label: 'Papers',
    definition: 'Papers the source lists for the author',
    reference: 'The source\u2019s count (OpenAlex: works)',
    higherIsBetter: true,
    digits: 0,
    reported: (i) => i.reported?.paperCount ?? null,
    openAlex: (i) => i.openAlex?.worksCount ?? null,
    computed: fromList((list) => list.papers.length),
    card: { headline: 'Papers', short: 'Papers' },
  },
  {
    id: 'perPaper',
    label: 'Citations per paper',
    definition: 'Total citations divided by papers',
    reference: 'Publish or Perish, "Cites/paper"',
    higherIsBetter: true,
    digits: 1,
    reported: (i) => ratio(i.reported?.citationCount, i.reported?.paperCount),
    openAlex: (i) => ratio(i.openAlex?.citationCount, i.openAlex?.worksCount),
    computed: fromList((list) => ratio(list.total, list.papers.length)),
    card: null,
  },
  {
    id: 'm',
    label: 'm-quotient',
    definition: 'h-index divided by the years since the first paper (counted inclusively)',
    reference: 'Hirsch 2005; years counted as Publish or Perish counts them (a first paper this year is one year)',
    higherIsBetter: true,
    digits: 2,
    reported: (i) => ratio(i.reported?.hIndex, yearsSinceFirst(i)),
    openAlex: (i) => ratio(i.openAlex?.hIndex, yearsSinceFirst(i)),
    computed: fromList((list, i) => mQuotient(hIndex(list.ranked), list.years.length > 0 ? Math.min(...list.years) : null, i.currentYear)),
    card: null,
  },
  {
    id: 'recent',
    label: 'Citations in the last 5 years',
    definition: 'Citations received in the last five calendar years, this one included, as OpenAlex counts them per year',
    reference: 'OpenAlex counts_by_year',
    higherIsBetter: true,
    digits: 0,
    reported: none,
    openAlex: (i) => (i.openAlex?.countsByYear.length ? citationsInLastYears(i.openAlex.countsByYear, i.currentYear) : null),
    computed: none,
    card: { headline: null, short: '5 yrs' },
  },
  {
    id: 'twoYear',
    label: '2-year mean citedness',
    definition: 'Mean citations this year and last to the works of the two years before',
    reference: 'OpenAlex summary_stats',
    higherIsBetter: true,
    digits: 2,
    reported: none,
    openAlex: (i) => i.openAlex?.twoYearMeanCitedness ?? null,
    computed: none,
    card: { headline: null, short: '2-yr' },
  },
  {
    id: 'recentPapers',
    label: 'Papers in the last 5 years',
    definition: 'Papers published in the last five calendar years, this one included',
    reference: 'The paper list\u2019s publication years',
    higherIsBetter: true,
    digits: 0,
    reported: none,
    openAlex: none,
    computed: fromList((list, i) => list.years.filter((year) => year > i.currentYear - 5 && year <= i.currentYear).length),
    card: null,
  },
  {
    id: 'first',
    label: 'First publication',
    definition: 'Year of the earliest paper listed',
    reference: 'The paper list',
    higherIsBetter: null,
    digits: 0,
    reported: none,
    openAlex: none,
    computed: fromList((list) => (list.years.length > 0 ? Math.min(...list.years) : null)),
    card: null,
  },
  {
    id: 'latest',
    label: 'Latest publication',
    definition: 'Year of the newest paper listed',
    reference: 'The paper list',
    higherIsBetter: null,
    digits: 0,
    reported: none,
    openAlex: none,
    computed: fromList((list) => (list.years.length > 0 ? Math.max(...list.years) : null)),
    card: null,
  },
] as const satisfies readonly Metric[];

export type MetricId = (typeof METRICS)[number]['id'];

const prepared = new WeakMap<readonly PaperCitations[], PaperStats>();

/** A paper list prepared for the metrics (once per list). A year outside 1000..next year is a data error, not a date. */
export function paperStats(papers: readonly PaperCitations[], currentYear: number): PaperStats {
  let stats = prepared.get(papers);
  if (!stats) {
    const ranked = papers.map((paper) => (Number.isFinite(paper.citations) && paper.citations > 0 ? Math.floor(paper.citations) : 0)).sort((a, b) => b - a);
    const years = papers.map((paper) => paper.year).filter((year): year is number => year !== null && Number.isInteger(year) && year > 1000 && year <= currentYear + 1);
    stats = { papers, ranked, total: ranked.reduce((sum, count) => sum + count, 0), years };
    prepared.set(papers, stats);
  }
  return stats;
}

/** The card's metrics: those at the top, then the rest of its table, in registry order. */
export const CARD_METRICS: readonly Metric[] = [...METRICS.filter((metric) => metric.card?.headline), ...METRICS.filter((metric) => metric.card && !metric.card.headline)];
