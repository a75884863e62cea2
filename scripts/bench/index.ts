// `npm run bench`: what each surface costs, measured in real headless Chromium on recorded pages and
// answers, the API's latency growing with the batch (100 ms + 4 ms a paper). Every figure is printed
// beside its floor from the same run (the page without the extension, the same chips drawn by a
// bare script) and beside the build before the speed work (scripts/bench/baseline.ts), also
// measured in this run. Saves bench-results/latest.json; `npm run bench:check` holds the targets.
//
//   --only=listing|abs|popup|library   one part (the saved results need every part)
//   --sizes=100,500,2000               listing sizes
//   --baseline=<commit> | --no-baseline
//   --profile                          CPU profiles of the page and the worker on the largest listing (bench-results/*.cpuprofile)

import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { CHROMIUM, EXTENSION_DIR } from '../../tests/e2e/harness';
import { baselineBuild, BEFORE_SPEED_WORK } from './baseline';
import { libraryBench } from './library';
import { listingBench, type ListingBench } from './listing';
import { absBench, bundleSizes, naiveBaseline, popupBench } from './surfaces';

const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const ONLY = arg('only');
const SIZES = (arg('sizes') ?? '100,500,2000').split(',').map(Number);
const PROFILE = process.argv.includes('--profile');
const CSS = readFileSync('components/styles.css', 'utf8');

function table(title: string, rows: Record<string, unknown>[]) {
  console.log(`\n${title}`);
  console.table(rows);
}

const ms = (value: number | null) => (value === null ? '—' : `${value}`);

function listingTable({ runs, floors }: ListingBench) {
  return runs.map((run) => {
    const floor = floors.find((f) => f.entries === run.entries)!;
    return {
      entries: run.entries,
      cache: run.cache,
      build: run.build,
      'DCL': run.dclMs,
      'in view, after DCL': run.inViewMs === null ? '—' : run.inViewMs - run.dclMs,
      'floor: in-view chips': floor.inViewChipsMs,
      'all authors': ms(run.allMs),
      'all answers': ms(run.answersMs),
      'floor: all chips': floor.allChipsMs,
      'paper requests': run.paperRequests.join('+'),
      'our longest step': `${run.ourLongestMs} (${run.ourLongestStep})`,
      'long tasks after DCL (longest)': `${run.longTasksAfterDcl} (${run.longestTaskAfterDclMs})`,
      'floor: longest task': floor.longestTaskAfterDclMs,
      'heap added MB': Math.round((run.heapMb - floor.heapMb) * 10) / 10,
      'scroll: blank frames': run.scroll ? `${run.scroll.blankFrames}/${run.scroll.frames}` : '',
    };
  });
}

async function main() {
  const machine = {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    chromium: execFileSync(CHROMIUM, ['--version']).toString().trim(),
    apiLatency: '100 ms + 4 ms per paper in a batch',
    date: new Date().toISOString(),
  };
  console.log('ScholarScope benchmarks on', machine);
  const revision = arg('baseline') ?? BEFORE_SPEED_WORK;
  const builds = [{ name: 'current', dir: EXTENSION_DIR }, ...(process.argv.includes('--no-baseline') ? [] : [{ name: `before (${revision})`, dir: baselineBuild(revision) }])];
  const results: Record<string, unknown> = { machine, builds: builds.map((b) => b.name) };
  const part = (name: string) => !ONLY || ONLY === name;

  if (part('listing')) {
    const profileDir = PROFILE ? 'bench-results' : undefined;
    if (profileDir) mkdirSync(profileDir, { recursive: true });
    const listing = await listingBench(builds, SIZES, CSS, profileDir);
    table('Listings: ms from navigation start unless said; floors measured in the same run', listingTable(listing));
    results.listing = listing;
  }
  if (part('abs')) {
    const abs = [];
    for (const build of builds) abs.push({ build: build.name, ...(await absBench(build.dir)) });
    table('Abstract page, warm (ms)', abs);
    results.abs = abs;
  }
  if (part('popup')) {
    const popup = [];
    for (const build of builds) popup.push({ build: build.name, ...(await popupBench(build.dir)) });
    table('Popup, warm (ms from opening)', popup);
    results.popup = popup;
  }
  if (part('library')) {
    const library = [];
    for (const build of builds) library.push(await libraryBench(build));
    table('Library with 5,000 saved papers (1 kB abstracts), worker just woken', library as unknown as Record<string, unknown>[]);
    results.library = library;
  }
  if (!ONLY) {
    const naive = await naiveBaseline(500);
    table('The naive way, 500 entries: one request per author, nothing cached', [naive]);
    results.naive = naive;
    const bundles = builds.map((build) => ({ build: build.name, bundles: bundleSizes(build.dir) }));
    table('Content scripts (kB)', bundles.flatMap(({ build, bundles: files }) => files.filter((f) => f.file.startsWith('content-scripts/')).map((f) => ({ build, ...f }))));
    results.bundles = bundles[0]!.bundles;
    mkdirSync('bench-results', { recursive: true });
    writeFileSync('bench-results/latest.json', `${JSON.stringify(results, null, 2)}\n`);
    console.log('\nSaved bench-results/latest.json');
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
