// Listings of 100, 500 and 2,000 entries (unique papers and authors, arXiv's markup), cold and warm,
// with each build; beside them, in the same run, the floors: the page alone, and a bare page script
// drawing the same chips (for the authors in view, and for all of them).

import type { Page } from 'playwright-core';
import { launch, type ApiRequest, type Harness } from '../../tests/e2e/harness';
import { renderListingPage } from '../../tests/fixtures/arxivPages';
import { listingRecords, registerPapers } from '../../tests/fixtures/recordedPapers';
import { startProfile } from './profile';
import { inContentScriptWorld, whenContentScriptStarts } from '../../tests/e2e/closedUi';
import { FLOOR, SCROLL, WATCH } from './probes';

export const LISTING_URL = 'https://arxiv.org/list/cs/new';
/** Scrolling at a skimming reader's pace: about two screens a second. */
const SCROLL_PX_PER_SECOND = 1600;
const SCROLL_MS = 8000;

/** The API's latency grows with the batch: 100 ms, plus 4 ms per paper asked for. */
export function modelLatency(request: ApiRequest): number {
  if (!request.url.includes('/paper/batch')) return 100;
  return 100 + 4 * ((JSON.parse(request.body ?? '{}') as { ids?: unknown[] }).ids?.length ?? 0);
}

export interface ListingRun {
  build: string;
  entries: number;
  authors: number;
  cache: 'cold' | 'warm';
  dclMs: number;
  /** Authors in the first viewport show numbers (ms from navigation start). */
  inViewMs: number | null;
  inViewAuthors: number;
  /** Every author on the page shows numbers; null when off-screen entries are drawn only as they come near. */
  allMs: number | null;
  /** Every answer is in the page (the extension's own mark), drawn or not. */
  answersMs: number | null;
  paperRequests: number[];
  apiRequests: number;
  ourLongestMs: number;
  /** Which of our measured steps that was (extract, start, slice, receive…). */
  ourLongestStep: string;
  longTasksAfterDcl: number;
  longestTaskAfterDclMs: number;
  heapMb: number;
  scroll?: { frames: number; blankFrames: number; worstBlank: number; scrolledPx: number };
}

export interface ListingFloor {
  entries: number;
  dclMs: number;
  inViewChipsMs: number;
  inViewChips: number;
  allChipsMs: number;
  allChips: number;
  heapMb: number;
  longestTaskAfterDclMs: number;
}

export async function heapMb(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  await cdp.detach();
  return Math.round(((metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0) / 1e6) * 10) / 10;
}

interface Watched {
  dcl: number;
  inViewAt: number | null;
  allAt: number | null;
  inViewCount: number;
  authors: number;
  longTasks: { start: number; duration: number }[];
  ours: { name: string; duration: number; end: number }[];
}

const READ_WATCH = `(() => {
  const ss = window.__ss;
  const ours = performance.getEntriesByType('measure').filter((entry) => entry.name.startsWith('scholarscope:'));
  const marks = performance.getEntriesByType('mark').filter((entry) => entry.name.startsWith('scholarscope:'));
  return { ...ss, settled: undefined, ours: [...ours.map((m) => ({ name: m.name, duration: m.duration, end: m.startTime + m.duration })), ...marks.map((m) => ({ name: m.name, duration: 0, end: m.startTime }))] };
})()`;
/** The watch's figures: from the extension's content script world (where WATCH runs with it), or from the page. */
const readWatch = (page: Page, withExtension = true) => (withExtension ? inContentScriptWorld<Watched>(page, READ_WATCH) : (page.evaluate(READ_WATCH) as Promise<Watched>));
/** Polls `expression` in the content script's world until it is true. */
async function until(page: Page, expression: string, timeoutMs: number, everyMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await inContentScriptWorld<boolean>(page, expression, timeoutMs))) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${expression}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

async function run(harness: Harness, build: string, entries: number, cache: 'cold' | 'warm', options: { scroll: boolean; profile?: string }): Promise<ListingRun> {
  harness.apiRequests.length = 0;
  const page = await harness.context.newPage();
  await whenContentScriptStarts(page, WATCH);
  const profile = options.profile ? await startProfile(page, harness, options.profile) : null;
  await page.goto(LISTING_URL, { waitUntil: 'domcontentloaded' });
  await until(page, 'window.__ss?.inViewAt != null', 120_000, 50);
  // Every answer in (marked by the extension), or, for a build without the mark, every chip drawn.
  await until(page, "window.__ss.allAt !== null || performance.getEntriesByName('scholarscope:answers').length > 0", 300_000, 100);
  // Drawing may go on after the last answer: let it finish before reading the long tasks and the heap.
  await page.waitForTimeout(1500);
  await profile?.stop();
  const watched = await readWatch(page);
  const scroll = options.scroll ? await inContentScriptWorld<NonNullable<ListingRun['scroll']>>(page, SCROLL(SCROLL_PX_PER_SECOND, SCROLL_MS), 60_000) : undefined;
  const afterDcl = watched.longTasks.filter((task) => task.start >= watched.dcl);
  const answers = watched.ours.find((entry) => entry.name === 'scholarscope:answers');
  const result: ListingRun = {
    build,
    entries,
    authors: watched.authors,
    cache,
    dclMs: Math.round(watched.dcl),
    inViewMs: watched.inViewAt === null ? null : Math.round(watched.inViewAt),
    inViewAuthors: watched.inViewCount,
    allMs: watched.allAt === null ? null : Math.round(watched.allAt),
    answersMs: answers ? Math.round(answers.end) : null,
    paperRequests: harness.apiRequests.filter((r) => r.url.includes('/paper/batch')).map((r) => (JSON.parse(r.body ?? '{}') as { ids: unknown[] }).ids.length),
    apiRequests: harness.apiRequests.length,
    ourLongestMs: Math.round(Math.max(0, ...watched.ours.map((entry) => entry.duration))),
    ourLongestStep: [...watched.ours].sort((a, b) => b.duration - a.duration)[0]?.name.replace('scholarscope:', '') ?? '',
    longTasksAfterDcl: afterDcl.length,
    longestTaskAfterDclMs: Math.max(0, ...afterDcl.map((task) => task.duration)),
    heapMb: await heapMb(page),
    ...(scroll ? { scroll } : {}),
  };
  await page.close();
  return result;
}

async function floor(html: string, entries: number, css: string): Promise<ListingFloor> {
  const plain = await launch({ withoutExtension: true });
  try {
    plain.pages.set(LISTING_URL, html);
    const measureFloor = async (which: 'inView' | 'all') => {
      const page = await plain.context.newPage();
      await page.addInitScript(WATCH);
      await page.addInitScript(FLOOR(css, which));
      await page.goto(LISTING_URL);
      await page.waitForFunction(() => (window as unknown as { __floor: unknown }).__floor !== null, null, { timeout: 60_000 });
      const figures = (await page.evaluate(() => (window as unknown as { __floor: { dcl: number; drawn: number; chips: number } }).__floor)) as { dcl: number; drawn: number; chips: number };
      await page.close();
      return figures;
    };
    const inView = await measureFloor('inView');
    const all = await measureFloor('all');
    const page = await plain.context.newPage();
    await page.addInitScript(WATCH);
    await page.goto(LISTING_URL);
    await page.waitForTimeout(1500);
    const watched = await readWatch(page, false);
    const result: ListingFloor = {
      entries,
      dclMs: Math.round(watched.dcl),
      inViewChipsMs: Math.round(inView.drawn - inView.dcl),
      inViewChips: inView.chips,
      allChipsMs: Math.round(all.drawn),
      allChips: all.chips,
      heapMb: await heapMb(page),
      longestTaskAfterDclMs: Math.max(0, ...watched.longTasks.filter((task) => task.start >= watched.dcl).map((task) => task.duration)),
    };
    await page.close();
    return result;
  } finally {
    await plain.close();
  }
}

export interface ListingBench {
  runs: ListingRun[];
  floors: ListingFloor[];
}

/** Each size: the floors, then each build cold and warm (the warm 2,000-entry run also scrolls). */
export async function listingBench(builds: { name: string; dir: string }[], sizes: number[], css: string, profileDir?: string): Promise<ListingBench> {
  const runs: ListingRun[] = [];
  const floors: ListingFloor[] = [];
  for (const entries of sizes) {
    const records = listingRecords(entries, { uniqueAuthors: true });
    registerPapers(records);
    const html = renderListingPage('cs', 'Computer Science', [{ heading: `New submissions (showing ${entries} of ${entries} entries)`, records }]);
    floors.push(await floor(html, entries, css));
    for (const build of builds) {
      const harness = await launch({ apiLatencyMs: modelLatency, extensionDir: build.dir });
      try {
        harness.pages.set(LISTING_URL, html);
        const profile = profileDir && entries === Math.max(...sizes) ? `${profileDir}/${build.name}-listing-${entries}` : undefined;
        runs.push(await run(harness, build.name, entries, 'cold', { scroll: false, profile: profile && `${profile}-cold` }));
        runs.push(await run(harness, build.name, entries, 'warm', { scroll: true, profile: profile && `${profile}-warm` }));
      } finally {
        await harness.close();
      }
    }
  }
  return { runs, floors };
}
