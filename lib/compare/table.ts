// The comparison as a table: one row per metric, one column per author. Which numbers a row shows
// (reported by the source or computed from the paper list), the best value of each row, the order
// of the columns, and the CSV export are decided here, so the view only draws.

import type { CompareRow } from './service';
import { csvCell, csvDocument } from '../saved/exporters';

/** Reported by the source, computed from the paper list, or both side by side. */
export type NumbersShown = 'reported' | 'computed' | 'both';

export interface MetricDef {
  id: string;
  label: string;
  /** How the row's number is defined, for the row header's description. */
  definition: string;
  /** Higher is better (marked best); null: no best (years). */
  higherIsBetter: boolean | null;
  reported: (row: CompareRow) => number | null;
  computed: (row: CompareRow) => number | null;
  /** Digits after the point. */
  digits: number;
}

const ratio = (a: number | null | undefined, b: number | null | undefined) => (a === null || a === undefined || !b ? null : a / b);
const YEARS_SINCE = (row: CompareRow, currentYear: number) => (row.computed?.firstYear ? currentYear - row.computed.firstYear + 1 : null);

export function metricDefs(currentYear: number): MetricDef[] {
  return [
    { id: 'citations', label: 'Total citations', definition: 'Citations to all the author\u2019s papers', higherIsBetter: true, reported: (r) => r.author.citationCount, computed: (r) => r.computed?.citations ?? null, digits: 0 },
    { id: 'h', label: 'h-index', definition: 'h papers with at least h citations each', higherIsBetter: true, reported: (r) => r.author.hIndex, computed: (r) => r.computed?.hIndex ?? null, digits: 0 },
    { id: 'i10', label: 'i10-index', definition: 'Papers with at least 10 citations', higherIsBetter: true, reported: () => null, computed: (r) => r.computed?.i10Index ?? null, digits: 0 },
    { id: 'g', label: 'g-index', definition: 'The g most cited papers have at least g\u00b2 citations together', higherIsBetter: true, reported: () => null, computed: (r) => r.computed?.gIndex ?? null, digits: 0 },
    { id: 'papers', label: 'Papers', definition: 'Papers the source lists for the author', higherIsBetter: true, reported: (r) => r.author.paperCount, computed: (r) => r.computed?.papers ?? null, digits: 0 },
    { id: 'perPaper', label: 'Citations per paper', definition: 'Total citations divided by papers', higherIsBetter: true, reported: (r) => ratio(r.author.citationCount, r.author.paperCount), computed: (r) => r.computed?.citationsPerPaper ?? null, digits: 1 },
    { id: 'm', label: 'm-quotient', definition: 'h-index divided by the years since the first paper (counted inclusively)', higherIsBetter: true, reported: (r) => ratio(r.author.hIndex, YEARS_SINCE(r, currentYear)), computed: (r) => r.computed?.mQuotient ?? null, digits: 2 },
    { id: 'first', label: 'First publication', definition: 'Year of the earliest paper listed', higherIsBetter: null, reported: () => null, computed: (r) => r.computed?.firstYear ?? null, digits: 0 },
    { id: 'latest', label: 'Latest publication', definition: 'Year of the newest paper listed', higherIsBetter: null, reported: () => null, computed: (r) => r.computed?.latestYear ?? null, digits: 0 },
  ];
}

/** The number a row uses for its best mark and for sorting: reported where the source gives one, unless computed is chosen. */
export function shownValue(def: MetricDef, row: CompareRow, shown: NumbersShown): number | null {
  if (shown === 'computed') return def.computed(row);
  return def.reported(row) ?? def.computed(row);
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
export function formatMetric(value: number | null, def: MetricDef, locale?: string): string {
  if (value === null) return '–';
  if (def.higherIsBetter === null) return String(value);
  return new Intl.NumberFormat(locale, { minimumFractionDigits: def.digits, maximumFractionDigits: def.digits }).format(value);
}

/** The comparison as CSV: a row per metric with reported and computed columns per author. */
export function compareCsv(names: readonly string[], rows: readonly (CompareRow | null)[], currentYear: number): string {
  const header = ['metric', ...names.flatMap((name) => [`${name} (reported)`, `${name} (computed)`])];
  const defs = metricDefs(currentYear);
  const plain = (value: number | null, digits: number) => (value === null ? null : Number(value.toFixed(digits)));
  const lines = defs.map((def) => [def.label, ...rows.flatMap((row) => (row ? [plain(def.reported(row), def.digits), plain(def.computed(row), def.digits)] : [null, null]))]);
  lines.push(['source', ...rows.flatMap((row) => (row ? ['Semantic Scholar', row.complete ? 'Semantic Scholar paper list' : 'Semantic Scholar paper list (first 5,000 papers)'] : [null, null]))]);
  lines.push(['fetched', ...rows.flatMap((row) => (row ? [new Date(row.author.fetchedAt).toISOString(), row.listFetchedAt ? new Date(row.listFetchedAt).toISOString() : null] : [null, null]))]);
  return csvDocument([header, ...lines].map((line) => line.map(csvCell).join(',')));
}
