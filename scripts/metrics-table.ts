// The table of metrics in docs/metrics.md, written from the metric registry (lib/core/metrics/registry.ts).
// `npx tsx scripts/metrics-table.ts --write` puts it between the page's markers; a unit test fails
// when the page and the registry disagree.

import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { METRICS, type MetricInputs } from '../lib/core/metrics/registry';

export const START = '<!-- metrics table: written by scripts/metrics-table.ts -->';
export const END = '<!-- end of metrics table -->';

// Which sources a metric comes from is read off the registry by asking each with inputs that have everything.
const probe: MetricInputs = {
  reported: { authorId: '1', name: 'x', affiliations: [], citationCount: 1, hIndex: 1, paperCount: 1, url: '', source: 'semanticscholar', fetchedAt: 0 },
  openAlex: { id: 'A1', name: 'x', institutions: [], citationCount: 1, worksCount: 1, hIndex: 1, i10Index: 1, twoYearMeanCitedness: 1, countsByYear: [{ year: 2026, citations: 1, works: 1 }], url: '' },
  list: { papers: [{ year: 2026, citations: 1 }], ranked: [1], total: 1, years: [2026] },
  currentYear: 2026,
};

export function metricsTable(): string {
  const yes = (value: number | null) => (value === null ? '–' : 'yes');
  const lines = [
    '| metric | definition | reference | Semantic Scholar reports | OpenAlex reports | computed from the paper list | on the author card |',
    '|---|---|---|---|---|---|---|',
    ...METRICS.map((metric) => {
      const card = metric.card ? (metric.card.headline ? 'at the top' : 'in the table by source') : '–';
      return `| ${metric.label} | ${metric.definition} | ${metric.reference} | ${yes(metric.reported(probe))} | ${yes(metric.openAlex(probe))} | ${yes(metric.computed(probe))} | ${card} |`;
    }),
  ];
  return `${START}\n${lines.join('\n')}\n${END}`;
}

/** Where the table lives. */
export const METRICS_PAGE = 'docs/metrics.md';

export function withTable(readme: string): string {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`docs/metrics.md has no metrics table markers (${START} … ${END})`);
  return readme.slice(0, start) + metricsTable() + readme.slice(end + END.length);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const page = readFileSync(METRICS_PAGE, 'utf8');
  if (process.argv.includes('--write')) writeFileSync(METRICS_PAGE, withTable(page));
  else console.log(metricsTable());
}
