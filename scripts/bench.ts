// `npm run bench`: what each surface costs, measured in real headless Chromium with the built
// extension on recorded pages and answers (every API answer delayed by LATENCY_MS, as a network
// would). Prints a table and saves bench-results/latest.json; `npm run bench:check` holds the
// figures to the budgets.

import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { CHROMIUM, EXTENSION_DIR, launch, type Harness } from '../tests/e2e/harness';
import { renderAbsPage } from '../tests/fixtures/arxivAbs';
import { renderListingPage } from '../tests/fixtures/arxivPages';
import { listingRecords, registerPapers } from '../tests/fixtures/recordedPapers';
import { hiperRecord } from '../tests/fixtures/seedWorld';

const LATENCY_MS = 150;
const ONLY = process.argv.find((arg) => arg.startsWith('--only='))?.slice('--only='.length);
const LISTING_SIZES = [100, 500, 2000];
const LISTING_URL = 'https://arxiv.org/list/cs/new';
const ABS_URL = 'https://arxiv.org/abs/2602.16165';

// Collected in the page: long tasks, and our own measures on the performance timeline.
const OBSERVE = () => {
  const w = window as unknown as { __longTasks: number[] };
  w.__longTasks = [];
  new PerformanceObserver((list) => list.getEntries().forEach((entry) => w.__longTasks.push(entry.duration))).observe({ type: 'longtask', buffered: true });
};

interface ListingRun {
  entries: number;
  cache: 'cold' | 'warm';
  visibleMs: number;
  allMs: number;
  ourMainThreadMs: number;
  ourLongestMs: number;
  longestTaskMs: number;
  paperRequests: number;
  apiRequests: number;
  heapMb: number;
}

async function heapMb(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  await cdp.detach();
  return Math.round(((metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0) / 1e6) * 10) / 10;
}

async function ourMeasures(page: Page): Promise<{ total: number; longest: number; longestTask: number }> {
  return page.evaluate(() => {
    const ours = performance.getEntriesByType('measure').filter((entry) => entry.name.startsWith('scholarscope:'));
    const tasks = (window as unknown as { __longTasks: number[] }).__longTasks;
    return {
      total: ours.reduce((sum, entry) => sum + entry.duration, 0),
      longest: Math.max(0, ...ours.map((entry) => entry.duration)),
      longestTask: Math.max(0, ...tasks),
    };
  });
}

async function listingRun(harness: Harness, entries: number, cache: 'cold' | 'warm'): Promise<ListingRun> {
  harness.apiRequests.length = 0;
  const page = await harness.context.newPage();
  await page.addInitScript(OBSERVE);
  const started = Date.now();
  await page.goto(LISTING_URL, { waitUntil: 'domcontentloaded' });
  // Every entry in view at load has its badge.
  await page.waitForFunction(
    () => {
      const inView = [...document.querySelectorAll('dl#articles > dt')].filter((dt) => dt.getBoundingClientRect().top < innerHeight);
      return inView.length > 0 && inView.every((dt) => dt.querySelector('scholarscope-badge'));
    },
    null,
    { timeout: 120_000, polling: 10 },
  );
  const visibleMs = Date.now() - started;
  await page.waitForFunction((n) => document.querySelectorAll('scholarscope-badge').length === n, entries, { timeout: 300_000, polling: 50 });
  const allMs = Date.now() - started;
  const ours = await ourMeasures(page);
  const run: ListingRun = {
    entries,
    cache,
    visibleMs,
    allMs,
    ourMainThreadMs: Math.round(ours.total),
    ourLongestMs: Math.round(ours.longest),
    longestTaskMs: Math.round(ours.longestTask),
    paperRequests: harness.apiRequests.filter((r) => r.url.includes('/paper/batch')).length,
    apiRequests: harness.apiRequests.length,
    heapMb: await heapMb(page),
  };
  await page.close();
  return run;
}

async function listingBench(): Promise<{ runs: ListingRun[]; withoutExtension: Record<number, { heapMb: number; longestTaskMs: number }> }> {
  const runs: ListingRun[] = [];
  const withoutExtension: Record<number, { heapMb: number; longestTaskMs: number }> = {};
  for (const entries of LISTING_SIZES) {
    const records = listingRecords(entries);
    registerPapers(records);
    const page = renderListingPage('cs', 'Computer Science', [{ heading: `New submissions (showing ${entries} of ${entries} entries)`, records }]);
    const harness = await launch({ apiLatencyMs: LATENCY_MS });
    harness.pages.set(LISTING_URL, page);
    runs.push(await listingRun(harness, entries, 'cold'));
    runs.push(await listingRun(harness, entries, 'warm'));
    await harness.close();
    const plain = await launch({ withoutExtension: true });
    plain.pages.set(LISTING_URL, page);
    const tab = await plain.context.newPage();
    await tab.addInitScript(OBSERVE);
    await tab.goto(LISTING_URL);
    await tab.waitForTimeout(500);
    withoutExtension[entries] = { heapMb: await heapMb(tab), longestTaskMs: Math.round((await ourMeasures(tab)).longestTask) };
    await plain.close();
  }
  return { runs, withoutExtension };
}

/** The naive way, for comparison: one request per author on the page, nothing cached. */
async function naiveBaseline(entries: number): Promise<{ entries: number; requests: number; ms: number }> {
  const records = listingRecords(entries);
  const harness = await launch({ withoutExtension: true, apiLatencyMs: LATENCY_MS });
  harness.pages.set(LISTING_URL, renderListingPage('cs', 'Computer Science', [{ heading: 'New submissions', records }]));
  const page = await harness.context.newPage();
  await page.goto(LISTING_URL);
  const ms = await page.evaluate(async () => {
    const started = performance.now();
    const names = [...document.querySelectorAll('.list-authors a')].map((a) => a.textContent ?? '');
    await Promise.all(
      names.map((name) =>
        fetch(`https://api.semanticscholar.org/graph/v1/author/search?query=${encodeURIComponent(name)}&fields=hIndex,citationCount`).catch(() => null),
      ),
    );
    return performance.now() - started;
  });
  const requests = harness.apiRequests.length;
  await harness.close();
  return { entries, requests, ms: Math.round(ms) };
}

async function absBench(): Promise<{ chipsAfterDclMs: number; loadWithMs: number; loadWithoutMs: number }> {
  const harness = await launch({ apiLatencyMs: LATENCY_MS });
  harness.pages.set(ABS_URL, renderAbsPage(hiperRecord));
  const warmUp = await harness.context.newPage();
  await warmUp.goto(ABS_URL);
  await warmUp.locator('scholarscope-chip button.ss-chip').first().waitFor({ timeout: 30_000 });
  await warmUp.close();
  const page = await harness.context.newPage();
  await page.addInitScript(() => {
    const w = window as unknown as { __chipAt: number };
    const timer = setInterval(() => {
      if (!document.querySelector('scholarscope-chip')?.shadowRoot?.querySelector('button.ss-chip')) return;
      w.__chipAt = performance.now();
      clearInterval(timer);
    }, 2);
  });
  await page.goto(ABS_URL);
  await page.waitForFunction(() => (window as unknown as { __chipAt?: number }).__chipAt !== undefined, null, { timeout: 30_000 });
  const timing = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    return { chipAt: (window as unknown as { __chipAt: number }).__chipAt, dcl: nav.domContentLoadedEventEnd, load: nav.loadEventEnd };
  });
  await harness.close();
  const plain = await launch({ withoutExtension: true });
  plain.pages.set(ABS_URL, renderAbsPage(hiperRecord));
  const loads: number[] = [];
  for (let i = 0; i < 3; i++) {
    const tab = await plain.context.newPage();
    await tab.goto(ABS_URL);
    loads.push(await tab.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd));
    await tab.close();
  }
  await plain.close();
  return {
    chipsAfterDclMs: Math.round(timing.chipAt - timing.dcl),
    loadWithMs: Math.round(timing.load),
    loadWithoutMs: Math.round(Math.min(...loads)),
  };
}

async function popupBench(): Promise<{ rowsMs: number; cardAfterClickMs: number }> {
  const harness = await launch({ apiLatencyMs: LATENCY_MS });
  harness.pages.set(ABS_URL, renderAbsPage(hiperRecord));
  const page = await harness.context.newPage();
  await page.goto(ABS_URL);
  await page.locator('scholarscope-chip button.ss-chip').first().waitFor({ timeout: 30_000 });
  // Warm the author card once.
  const first = await harness.openPopup(ABS_URL);
  await first.locator('.ss-author-toggle').first().click();
  await first.locator('.ss-author-panel .ss-pub').first().waitFor({ timeout: 30_000 });
  await first.close();
  // Timed inside the popup: from its navigation start to the author rows, and from the click to the filled card.
  const popup = await harness.openPopup(ABS_URL);
  await popup.locator('.ss-author-toggle').first().waitFor({ timeout: 30_000 });
  const rowsMs = await popup.evaluate(`new Promise((resolve) => {
    const at = performance.getEntriesByType('mark').find((mark) => mark.name === 'rows');
    resolve(at ? at.startTime : performance.now());
  })`);
  const cardAfterClickMs = await popup.evaluate(`new Promise((resolve) => {
    const started = performance.now();
    document.querySelector('.ss-author-toggle').click();
    const timer = setInterval(() => {
      if (!document.querySelector('.ss-author-panel .ss-pub')) return;
      clearInterval(timer);
      resolve(performance.now() - started);
    }, 1);
  })`);
  await harness.close();
  return { rowsMs: Math.round(rowsMs as number), cardAfterClickMs: Math.round(cardAfterClickMs as number) };
}

type StoreFigures = {
  authors: number;
  savedPapers: number;
  readAuthorsMs: number;
  readSavedMs: number;
  getEachSavedMs: number;
  savedListMessageMs: number;
  libraryShownMs: number;
};

// The extension's own database (`scholarscope`, the schema the extension created), filled with
// 1,000 authors and 5,000 saved papers in their real record shapes; then read as the service worker
// reads them, asked for as the library asks, and shown as the library shows them.
async function storeBench(): Promise<StoreFigures> {
  const harness = await launch();
  const libraryUrl = `chrome-extension://${harness.extensionId}/library.html`;
  // The extension creates its database when first asked: an empty library asks.
  const first = await harness.context.newPage();
  await first.goto(libraryUrl);
  await first.locator('.ss-library .ss-status').waitFor();
  await first.close();
  const AUTHORS = 1000;
  const SAVED = 5000;
  // Passed as source text: the bundler's helpers do not exist inside the worker.
  const figures = (await harness.worker.evaluate(`(async () => {
    const open = () =>
      new Promise((resolve, reject) => {
        const request = indexedDB.open('scholarscope');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    const done = (tx) => new Promise((resolve, reject) => ((tx.oncomplete = resolve), (tx.onerror = () => reject(tx.error))));
    let db = await open();
    if (!db.objectStoreNames.contains('saved')) throw new Error('the extension has not created its database');
    const write = db.transaction(['authors', 'saved'], 'readwrite');
    for (let i = 0; i < ${AUTHORS}; i++) {
      write.objectStore('authors').put({ authorId: String(100000 + i), name: \`Author \${i}\`, affiliations: ['University of Somewhere'], citationCount: i * 7, hIndex: i % 60, paperCount: i % 300, url: \`https://www.semanticscholar.org/author/\${100000 + i}\`, source: 'semanticscholar', fetchedAt: Date.now() });
    }
    for (let i = 0; i < ${SAVED}; i++) {
      const id = \`2601.\${String(10000 + i)}\`;
      write.objectStore('saved').put({
        key: id, arxivId: id, version: 1 + (i % 3), title: \`A study of problem \${i} in large-scale learning\`,
        authors: Array.from({ length: 6 }, (_, j) => \`Author \${(i + j) % ${AUTHORS}}\`), abstract: 'We study '.repeat(120),
        publicationDate: '2026-01-15', year: 2026, primaryCategory: 'cs.LG', doi: null, citationCount: i % 500,
        savedAt: Date.now() - i * 1000, tags: i % 3 === 0 ? ['to cite', 'rl'] : [], note: i % 5 === 0 ? 'Check the appendix.' : '', status: 'to-read',
      });
    }
    await done(write);
    db.close();
    db = await open();
    const time = async (fn) => {
      const started = performance.now();
      await fn();
      return performance.now() - started;
    };
    const getAll = (store) =>
      new Promise((resolve) => {
        const request = db.transaction(store).objectStore(store).getAll();
        request.onsuccess = () => resolve(request.result);
      });
    const readAuthorsMs = await time(() => getAll('authors'));
    const readSavedMs = await time(() => getAll('saved'));
    const getEachSavedMs = await time(async () => {
      const store = db.transaction('saved').objectStore('saved');
      await Promise.all(Array.from({ length: ${SAVED} }, (_, i) => new Promise((resolve) => (store.get(\`2601.\${String(10000 + i)}\`).onsuccess = resolve))));
    });
    db.close();
    return { readAuthorsMs, readSavedMs, getEachSavedMs };
  })()`)) as Record<string, number>;
  const library = await harness.context.newPage();
  await library.goto(libraryUrl);
  const libraryShownMs = (await library.evaluate(`new Promise((resolve) => {
    const check = () => (document.querySelector('.ss-show-more') && document.querySelector('.ss-status')?.textContent.startsWith('${SAVED} of') ? resolve(performance.now()) : setTimeout(check, 5));
    check();
  })`)) as number;
  const savedListMessageMs = (await library.evaluate(`(async () => {
    const started = performance.now();
    const reply = await chrome.runtime.sendMessage({ type: 'savedList' });
    if (!reply.ok || reply.data.papers.length !== ${SAVED}) throw new Error('savedList did not answer with every paper');
    return performance.now() - started;
  })()`)) as number;
  await harness.close();
  const round = (ms: number) => Math.round(ms);
  return {
    authors: AUTHORS,
    savedPapers: SAVED,
    readAuthorsMs: round(figures.readAuthorsMs!),
    readSavedMs: round(figures.readSavedMs!),
    getEachSavedMs: round(figures.getEachSavedMs!),
    savedListMessageMs: round(savedListMessageMs),
    libraryShownMs: round(libraryShownMs),
  };
}

function bundleSizes(): { file: string; rawKb: number; gzipKb: number }[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(js|css|html)$/.test(name)) files.push(path);
    }
  };
  walk(EXTENSION_DIR);
  const kb = (bytes: number) => Math.round(bytes / 102.4) / 10;
  return files
    .map((path) => {
      const content = readFileSync(path);
      return { file: path.slice(EXTENSION_DIR.length + 1), rawKb: kb(content.length), gzipKb: kb(gzipSync(content).length) };
    })
    .sort((a, b) => Number(b.file.startsWith('content-scripts')) - Number(a.file.startsWith('content-scripts')) || b.gzipKb - a.gzipKb);
}

function table(title: string, rows: Record<string, unknown>[]) {
  console.log(`\n${title}`);
  console.table(rows);
}

async function main() {
  const machine = {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    chromium: execFileSync(CHROMIUM, ['--version']).toString().trim(),
    apiLatencyMs: LATENCY_MS,
    date: new Date().toISOString(),
  };
  console.log('ScholarScope benchmarks on', machine);
  // `--only=store` runs one part, to try a change; the saved results need every part.
  if (ONLY === 'store') return table('Saved list and author store (ms)', [await storeBench()]);
  if (ONLY === 'abs') return table('Abstract page, warm cache (ms)', [await absBench()]);
  if (ONLY === 'popup') return table('Popup, warm cache (ms from opening)', [await popupBench()]);
  const listing = await listingBench();
  table('Listing annotation (ms; requests; heap MB)', listing.runs as unknown as Record<string, unknown>[]);
  table('The same listings without the extension', Object.entries(listing.withoutExtension).map(([entries, figures]) => ({ entries, ...figures })));
  const baseline = await naiveBaseline(500);
  const ours500 = listing.runs.find((run) => run.entries === 500 && run.cache === 'cold')!;
  table('Naive baseline, 500 entries (one request per author, no cache) against ours', [
    { way: 'naive', requests: baseline.requests, ms: baseline.ms },
    { way: 'ScholarScope cold', requests: ours500.apiRequests, ms: ours500.allMs },
    { way: 'ratio', requests: Math.round((baseline.requests / Math.max(1, ours500.apiRequests)) * 10) / 10, ms: Math.round((baseline.ms / ours500.allMs) * 10) / 10 },
  ]);
  const abs = await absBench();
  table('Abstract page, warm cache (ms)', [abs]);
  const popup = await popupBench();
  table('Popup, warm cache (ms from opening)', [popup]);
  const store = await storeBench();
  table('Saved list and author store: reads in the service worker, the library message, the library on screen (ms)', [store]);
  const bundles = bundleSizes();
  table('Bundles (kB)', bundles);
  const results = { machine, listing, baseline, abs, popup, store, bundles };
  mkdirSync('bench-results', { recursive: true });
  writeFileSync('bench-results/latest.json', `${JSON.stringify(results, null, 2)}\n`);
  console.log('\nSaved bench-results/latest.json');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
