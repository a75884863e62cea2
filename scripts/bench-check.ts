// `npm run bench:check`: holds the latest benchmark figures (bench-results/latest.json, written by
// `npm run bench`) to the budgets, prints each with its figure, and fails if any is missed.

import { readFileSync } from 'node:fs';

interface Results {
  listing: { runs: { entries: number; cache: string; ourLongestMs: number; paperRequests: number; apiRequests: number }[] };
  abs: { chipsAfterDclMs: number };
  popup: { rowsMs: number; cardAfterClickMs: number };
  bundles: { file: string; gzipKb: number }[];
}

let results: Results;
try {
  results = JSON.parse(readFileSync('bench-results/latest.json', 'utf8')) as Results;
} catch {
  console.error('No bench-results/latest.json: run `npm run bench` first.');
  process.exit(2);
}

const checks: { budget: string; figure: string; ok: boolean }[] = [];
const check = (budget: string, figure: number | string, ok: boolean) => checks.push({ budget, figure: String(figure), ok });

for (const bundle of results.bundles.filter((b) => b.file.startsWith('content-scripts/'))) {
  check(`${bundle.file} under 30 kB gzipped`, `${bundle.gzipKb} kB`, bundle.gzipKb < 30);
}
for (const run of results.listing.runs) {
  if (run.cache === 'warm') check(`zero requests on a warm revisit (${run.entries} entries)`, run.apiRequests, run.apiRequests === 0);
  else check(`at most ceil(${run.entries}/500) paper requests cold`, run.paperRequests, run.paperRequests <= Math.ceil(run.entries / 500));
}
for (const run of results.listing.runs.filter((r) => r.entries === 2000)) {
  check(`no task of ours over 50 ms on 2,000 entries (${run.cache})`, `${run.ourLongestMs} ms`, run.ourLongestMs <= 50);
}
check('warm chips within 100 ms of DOMContentLoaded (abstract page)', `${results.abs.chipsAfterDclMs} ms`, results.abs.chipsAfterDclMs <= 100);
const popupMs = results.popup.rowsMs + results.popup.cardAfterClickMs;
check('popup card within 150 ms warm (rows, plus the click to the card)', `${popupMs} ms`, popupMs <= 150);

console.table(checks);
const missed = checks.filter((c) => !c.ok).length;
console.log(`${checks.length - missed} passed, ${missed} failed`);
process.exit(missed > 0 ? 1 : 0);
