// The comparison as a table: one row per metric, one column per author. Which numbers a row shows
// (reported by the source or computed from the paper list), the best value of each row, the order
// of the columns, and the CSV export are decided here, so the view only draws.

import type { CompareRow } from '../protocol/wire';
import { csvCell, csvDocument } from '../saved/exporters';
import type { SelfCitationView } from '../selfCitations';
import { computeMetrics } from './compute';
import { METRICS, paperStats, type MetricId, type MetricInputs } from './registry';

/**
 * Which numbers the cells show: as the author's source reports them (OpenAlex, then computed, where
 * it reports none), OpenAlex's, computed from the paper list, reported beside computed, or the two
 * sources side by side.
 */
export type NumbersShown = 'reported' | 'openalex' | 'computed' | 'both' | 'sources';

/** Where a cell's number came from. */
export type ValueOrigin = 'reported' | 'openalex' | 'computed';

/** A metric of the registry, read off compare rows. */
export interface MetricDef {
  id: MetricId;
  label: string;
  /** How the row's number is defined, for the row header's description. */
  definition: string;
  /** Higher is better (marked best); null: no best (years). */
  higherIsBetter: boolean | null;
  /** As the author's source (usually Semantic Scholar) reports it. */
  reported: (row: CompareRow) => number | null;
  /** As OpenAlex reports it, where it knows the author. */
  openAlex: (row: CompareRow) => number | null;
  computed: (row: CompareRow) => number | null;
  /** Digits after the point. */
  digits: number;
}

/** What the registry's metrics read of a compare row. */
export function rowInputs(row: CompareRow, currentYear: number): MetricInputs {
  return {
    reported: row.author,
    openAlex: row.openAlex.status === 'matched' ? row.openAlex.author : null,
    list: row.listFetchedAt === null ? null : paperStats(row.papers, currentYear),
    currentYear,
  };
}

// A view asks for the same cell several times (value, best mark, order): each is computed once per row.
const memo = new WeakMap<CompareRow, Map<string, number | null>>();
function cached(row: CompareRow, key: string, compute: () => number | null): number | null {
  let values = memo.get(row);
  if (!values) memo.set(row, (values = new Map()));
  if (!values.has(key)) values.set(key, compute());
  return values.get(key) ?? null;
}

/** The registry's metrics (core/metrics/registry.ts) as compare rows read them. */
export function metricDefs(currentYear: number): MetricDef[] {
  return METRICS.map((metric) => {
    const read = (origin: 'reported' | 'openAlex' | 'computed') => (row: CompareRow) => cached(row, `${metric.id}:${origin}:${currentYear}`, () => metric[origin](rowInputs(row, currentYear)));
    return { id: metric.id, label: metric.label, definition: metric.definition, higherIsBetter: metric.higherIsBetter, digits: metric.digits, reported: read('reported'), openAlex: read('openAlex'), computed: read('computed') };
  });
}

/**
 * How a computed number's paper list falls short of what the source reports for the author: fewer
 * papers than it counts, fewer citations than its total, or a list cut at the paging cap; null when
 * the list covers it (or for a merged person, whose list is no one profile's). A number computed
 * from such a list is a lower bound, and is shown with this basis ("from 3 of 11 papers").
 */
export function listShortfall(row: CompareRow): { papers: number; of: number | null; text: string } | null {
  if (row.listFetchedAt === null || row.person) return null;
  const papers = row.papers.length;
  const of = row.author.paperCount;
  const cited = row.papers.reduce((sum, paper) => sum + Math.max(0, paper.citations ?? 0), 0);
  const fewerPapers = of !== null && papers < of;
  const fewerCitations = row.author.citationCount !== null && cited < row.author.citationCount;
  if (!fewerPapers && !fewerCitations && row.complete) return null;
  const text = papers === 0 ? 'no papers in the list the source gave' : fewerPapers ? `from ${papers} of ${of} papers` : fewerCitations ? `from papers with ${cited} of ${row.author.citationCount} citations` : `from the first ${papers} papers`;
  return { papers, of, text };
}

const PREFERENCE: Record<NumbersShown, ValueOrigin[]> = {
  reported: ['reported', 'openalex', 'computed'],
  both: ['reported', 'openalex', 'computed'],
  sources: ['reported', 'openalex', 'computed'],
  openalex: ['openalex', 'reported', 'computed'],
  computed: ['computed'],
};

/** The number a cell uses for its best mark and for sorting, and where it came from: the first origin of the view's preference that has one. */
export function shownOrigin(def: MetricDef, row: CompareRow, shown: NumbersShown): { value: number | null; origin: ValueOrigin | null } {
  for (const origin of PREFERENCE[shown]) {
    const value = origin === 'reported' ? def.reported(row) : origin === 'openalex' ? def.openAlex(row) : def.computed(row);
    if (value !== null) return { value, origin };
  }
  return { value: null, origin: null };
}

export function shownValue(def: MetricDef, row: CompareRow, shown: NumbersShown): number | null {
  return shownOrigin(def, row, shown).value;
}

/** Which of `rows` hold the row's best value (all of them on a tie); none when fewer than two have a value or all are equal. */
export function bestOf(def: MetricDef, rows: readonly (CompareRow | null)[], shown: NumbersShown): Set<number> {
  const best = new Set<number>();
  if (def.higherIsBetter === null) return best;
  const values = rows.map((row) => (row ? shownValue(def, row, shown) : null));
  const known = values.filter((value): value is number => value !== null);
  if (known.length < 2 || known.every((value) => value === known[0])) return best;
  const top = def.higherIsBetter ? Math.max(...known) : Math.min(...known);
  values.forEach((value, index) => value === top && best.add(index));
  return best;
}

/** Column order when sorted by a row: largest first (or smallest with `ascending`), unknown values last, ties in tray order. */
export function sortColumns(def: MetricDef, rows: readonly (CompareRow | null)[], shown: NumbersShown, ascending = false): number[] {
  const values = rows.map((row) => (row ? shownValue(def, row, shown) : null));
  return values
    .map((value, index) => ({ value, index }))
    .sort((a, b) => {
      if (a.value === null || b.value === null) return a.value === null ? (b.value === null ? a.index - b.index : 1) : -1;
      return (ascending ? a.value - b.value : b.value - a.value) || a.index - b.index;
    })
    .map((entry) => entry.index);
}

/** A row's number for the reader's locale: `12,345`, `6.5`; years as years. */
export function formatMetric(value: number | null, def: Pick<MetricDef, 'digits' | 'higherIsBetter'>, locale?: string): string {
  if (value === null) return '–';
  if (def.higherIsBetter === null) return String(value);
  return new Intl.NumberFormat(locale, { minimumFractionDigits: def.digits, maximumFractionDigits: def.digits }).format(value);
}

/** The comparison as CSV: a row per metric with reported, OpenAlex and computed columns per author. */
export function compareCsv(names: readonly string[], rows: readonly (CompareRow | null)[], currentYear: number, self: readonly (SelfCitationView | null)[] = []): string {
  const header = ['metric', ...names.flatMap((name) => [`${name} (reported)`, `${name} (OpenAlex)`, `${name} (computed)`])];
  const defs = metricDefs(currentYear);
  const plain = (value: number | null, digits: number) => (value === null ? null : Number(value.toFixed(digits)));
  const empty = [null, null, null];
  const lines = defs.map((def) => [def.label, ...rows.flatMap((row) => (row ? [plain(def.reported(row), def.digits), plain(def.openAlex(row), def.digits), plain(def.computed(row), def.digits)] : empty))]);
  const sourceName = (row: CompareRow) => (row.author.source === 'openalex' ? 'OpenAlex' : 'Semantic Scholar');
  lines.push([
    'source',
    ...rows.flatMap((row) =>
      row
        ? [sourceName(row), row.openAlex.status === 'matched' ? `OpenAlex ${row.openAlex.author.id}` : null, `${sourceName(row)} paper list${row.complete ? '' : ' (incomplete)'}`]
        : empty,
    ),
  ]);
  // Which figures are the reader's merged person: the computed column, from the merged paper list.
  if (rows.some((row) => row?.person)) lines.push([
    'merged person',
    ...rows.flatMap((row) =>
      row?.person ? [`profile ${row.author.authorId} only`, null, `recomputed for ${row.person.profiles.length} merged profiles (${row.person.profiles.map((profile) => profile.authorId).join(' ')})${row.person.dropped > 0 ? `, ${row.person.dropped} dropped` : ''}`] : empty,
    ),
  ]);
  // Self-citations, where counted: recomputed without them, in the computed column.
  const selfFigures = rows.map((_, index) => (self[index]?.status === 'done' ? (self[index]?.figures ?? null) : null));
  if (selfFigures.some(Boolean)) {
    lines.push(['h-index without self-citations', ...selfFigures.flatMap((figures) => [null, null, figures?.hIndexWithout ?? null])]);
    lines.push(['citations without self-citations', ...selfFigures.flatMap((figures) => [null, null, figures?.citationsWithout ?? null])]);
  }
  const iso = (at: number | null) => (at ? new Date(at).toISOString() : null);
  lines.push(['fetched', ...rows.flatMap((row) => (row ? [iso(row.author.fetchedAt), row.openAlex.status === 'unavailable' ? null : iso(row.openAlex.fetchedAt), iso(row.listFetchedAt)] : empty))]);
  return csvDocument([header, ...lines].map((line) => line.map(csvCell).join(',')));
}

/** Citations received per year from OpenAlex, for the chart; empty when OpenAlex has no counts for the author. */
export function citationsPerYear(row: CompareRow): { year: number; value: number }[] {
  if (row.openAlex.status !== 'matched') return [];
  const counts = row.openAlex.author.countsByYear;
  if (counts.length === 0) return [];
  // OpenAlex leaves out years with nothing in them; on a chart they are zeros.
  const byYear = new Map(counts.map((entry) => [entry.year, entry.citations]));
  const first = counts[0]!.year;
  const last = counts[counts.length - 1]!.year;
  return Array.from({ length: last - first + 1 }, (_, index) => ({ year: first + index, value: byYear.get(first + index) ?? 0 }));
}

/** The citations that each year's papers have today, from the paper list, for the chart. */
export function citationsToEachYear(row: CompareRow, currentYear: number): { year: number; value: number }[] {
  return computeMetrics(row.papers, currentYear).byPublicationYear.map((entry) => ({ year: entry.year, value: entry.citations }));
}
