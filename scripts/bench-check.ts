// `npm run bench:check`: holds the latest benchmark figures (bench-results/latest.json, written by
// `npm run bench`) to the targets of the speed work, each against the floor measured in the same
// run; prints every figure with its target and the build before (when measured), and fails if any
// target is missed.

import { readFileSync } from 'node:fs';
import type { ListingBench, ListingRun } from './bench/listing';
import type { LibraryFigures } from './bench/library';

interface Results {
  builds: string[];
  listing: ListingBench;
  abs: ({ build: string } & { chipsAfterDclMs: number })[];
  popup: ({ build: string } & { rowsMs: number })[];
  library: LibraryFigures[];
  bundles: { file: string; gzipKb: number }[];
}

/** The first screen's own request on a cold listing: its paper batch (100 ms + 4 ms a paper), then its authors (100 ms). */
const SMALL_REQUEST_MS = 100 + 4 * 20 + 100;

let results: Results;
try {
  results = JSON.parse(readFileSync('bench-results/latest.json', 'utf8')) as Results;
} catch {
  console.error('No bench-results/latest.json: run `npm run bench` first.');
  process.exit(2);
}

const CURRENT = 'current';
const checks: { target: string; figure: string; before: string; ok: boolean }[] = [];
const check = (target: string, figure: number | string, ok: boolean, before: number | string | null = null) =>
  checks.push({ target, figure: String(figure), before: before === null ? '' : String(before), ok });

const { runs, floors } = results.listing;
const beforeOf = (run: ListingRun) => runs.find((r) => r.build !== CURRENT && r.entries === run.entries && r.cache === run.cache) ?? null;
const afterDcl = (run: ListingRun | null) => (run?.inViewMs == null ? null : run.inViewMs - run.dclMs);

for (const run of runs.filter((r) => r.build === CURRENT)) {
  const floor = floors.find((f) => f.entries === run.entries)!;
  const inView = afterDcl(run);
  const label = `${run.entries} entries, ${run.cache}`;
  if (run.cache === 'warm') {
    const target = Math.max(100, 2 * floor.inViewChipsMs);
    check(`${label}: authors in view show numbers ≤ max(100, 2 × floor ${floor.inViewChipsMs}) ms after DCL`, `${inView} ms`, inView !== null && inView <= target, afterDcl(beforeOf(run)));
    check(`${label}: zero API requests`, run.apiRequests, run.apiRequests === 0, beforeOf(run)?.apiRequests ?? null);
  } else {
    const target = floor.inViewChipsMs + SMALL_REQUEST_MS + 100;
    check(`${label}: in view ≤ floor ${floor.inViewChipsMs} + small request ${SMALL_REQUEST_MS} + 100 ms after DCL`, `${inView} ms`, inView !== null && inView <= target, afterDcl(beforeOf(run)));
    const most = Math.ceil(run.entries / 500) + 1;
    check(`${label}: in view asked first, alone; ≤ ceil(n/500) + 1 = ${most} paper requests`, run.paperRequests.join('+'), run.paperRequests.length <= most && run.paperRequests[0]! < 100);
  }
  if (run.entries === 2000) {
    check(`${label}: no task of ours over 50 ms`, `${run.ourLongestMs} ms`, run.ourLongestMs <= 50, beforeOf(run)?.ourLongestMs ?? null);
    const heap = Math.round((run.heapMb - floor.heapMb) * 10) / 10;
    const before = beforeOf(run);
    check(`${label}: heap added ≤ 10 MB`, `${heap} MB`, heap <= 10, before ? Math.round((before.heapMb - floor.heapMb) * 10) / 10 : null);
    if (run.scroll) check(`${label}: no frame with an author in view blank while scrolling`, `${run.scroll.blankFrames} of ${run.scroll.frames}`, run.scroll.blankFrames === 0);
  }
}

const current = <T extends { build: string }>(rows: T[]) => rows.find((row) => row.build === CURRENT)!;
const before = <T extends { build: string }>(rows: T[]) => rows.find((row) => row.build !== CURRENT) ?? null;
check('abstract page, warm: chips ≤ 100 ms after DCL', `${current(results.abs).chipsAfterDclMs} ms`, current(results.abs).chipsAfterDclMs <= 100, before(results.abs)?.chipsAfterDclMs ?? null);
check('popup, warm: author rows ≤ 150 ms after opening', `${current(results.popup).rowsMs} ms`, current(results.popup).rowsMs <= 150, before(results.popup)?.rowsMs ?? null);
const library = current(results.library);
const libraryBefore = before(results.library);
check(`library of ${library.savedPapers}: first page ≤ 200 ms`, `${library.firstPageMs} ms`, library.firstPageMs <= 200, libraryBefore?.firstPageMs ?? null);
check(`library of ${library.savedPapers}: a keystroke's results ≤ 100 ms`, `${library.keystrokeMs} ms`, library.keystrokeMs <= 100, libraryBefore?.keystrokeMs ?? null);
check(`library of ${library.savedPapers}: no message carries abstracts`, `${library.repliesWithAbstracts} (largest ${library.largestReplyKb} kB)`, library.repliesWithAbstracts === 0, libraryBefore ? `${libraryBefore.repliesWithAbstracts} (largest ${libraryBefore.largestReplyKb} kB)` : null);
for (const bundle of results.bundles.filter((b) => b.file.startsWith('content-scripts/'))) {
  check(`${bundle.file} under 30 kB gzipped`, `${bundle.gzipKb} kB`, bundle.gzipKb < 30);
}

console.table(checks);
const missed = checks.filter((c) => !c.ok).length;
console.log(`${checks.length - missed} passed, ${missed} failed`);
process.exit(missed > 0 ? 1 : 0);
