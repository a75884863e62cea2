import { instantGates } from '../fixtures/gates';
import { rootOf } from '../../lib/page/shadow';
import { trustedClick } from './trusted';
import { describe, expect, it, onTestFinished } from 'vitest';
import { annotateEntries } from '../../lib/page/annotate';
import { everythingNear, type NearView } from '../../lib/page/nearView';
import { groupIds } from '../../lib/page/placement';
import { extractArxivPage as extractListPage } from '../../lib/core/sites/arxiv';
import { createBackground } from '../../lib/background';
import { openDatabase } from '../../lib/background/store/db';
import { listedAuthors, renderListingPage } from '../fixtures/arxivPages';
import { recordedFetch } from '../fixtures/recordedApi';
import { listingRecords, registerPapers } from '../fixtures/recordedPapers';

const LISTING = 'https://arxiv.org/list/cs/new';

function loadListing(count: number) {
  const records = listingRecords(count);
  const doc = new DOMParser().parseFromString(renderListingPage('cs', 'Computer Science', [{ heading: 'New submissions', records }]), 'text/html');
  document.body.innerHTML = doc.body.innerHTML;
  return { records, context: extractListPage(document, LISTING)! };
}

const noPause = async () => {};
const LIST = { badges: true, eagerChips: false };

describe('annotating a listing', () => {
  it('groups ids by the batch limit, without duplicates', () => {
    const { context } = loadListing(120);
    const twice = [...context.entries, ...context.entries];
    expect(groupIds(twice, 50).map((group) => group.length)).toEqual([50, 50, 20]);
  });

  it('asks for the first screen, then once per 500 papers, and draws a badge on every entry and chips for known papers', { timeout: 60_000 }, async () => {
    const { records, context } = loadListing(600);
    registerPapers(records.slice(0, 550)); // the last 50 are unknown to the source
    const db = await openDatabase(`listing-${Math.random()}`);
    const log: { method: string; url: string }[] = [];
    const service = createBackground({ db: async () => db, fetch: recordedFetch(log), gates: instantGates() });
    const asked: number[] = [];
    await annotateEntries(
      context.entries,
      {
        doc: document,
        css: '',
        papers: (ids, options) => (asked.push(ids.length), service.papers(ids, options)),
        authorCard: service.authorCard,
        pause: noPause,
        nearView: everythingNear,
      },
      LIST,
    );
    // The first screen alone (20), then the rest in groups of up to 500: ceil(600 / 500) + 1 requests.
    expect(asked).toEqual([20, 500, 80]);
    expect(log.filter((entry) => entry.url.includes('/paper/batch'))).toHaveLength(3);
    const badges = [...document.querySelectorAll('scholarscope-badge')];
    expect(badges).toHaveLength(600);
    for (const dt of document.querySelectorAll('dl#articles > dt')) {
      expect(dt.querySelector('a[title="Abstract"]')!.nextElementSibling!.tagName).toBe('SCHOLARSCOPE-BADGE');
    }
    // Entries of 0704.0374 (the listing repeats the real records) are also marked withdrawn: its comment says so.
    const unknownBadges = badges.filter((badge) => rootOf(badge)!.querySelector('.ss-badge-unknown')?.textContent === '–');
    expect(unknownBadges).toHaveLength(50);
    const withdrawn = records.filter((record) => record.comments === 'This paper has been withdrawn').length;
    expect(withdrawn).toBeGreaterThan(0);
    expect(badges.filter((badge) => rootOf(badge)!.querySelector('.ss-withdrawn'))).toHaveLength(withdrawn);
    const knownAuthors = records.slice(0, 550).reduce((sum, record) => sum + listedAuthors(record).length, 0);
    expect(document.querySelectorAll('scholarscope-chip')).toHaveLength(knownAuthors);
    // The shared stylesheet or one <style> per root; either way nothing lands outside shadow roots.
    expect(document.querySelectorAll('#dlpage .ss-chip, #dlpage .ss-badge')).toHaveLength(0);
  });

  it('marks every badge when the background fails, and draws nothing twice on a second run', async () => {
    const { context } = loadListing(30);
    const deps = { doc: document, css: '', papers: async () => Promise.reject(new Error('api.semanticscholar.org answered 503')), authorCard: async () => Promise.reject(new Error('x')), pause: noPause, nearView: everythingNear };
    await annotateEntries(context.entries, deps, LIST);
    const badges = [...document.querySelectorAll('scholarscope-badge')];
    expect(badges).toHaveLength(30);
    expect(badges.every((badge) => rootOf(badge)!.querySelector('.ss-badge-error')!.getAttribute('aria-label')!.includes('503'))).toBe(true);
    await annotateEntries(context.entries, deps, LIST);
    expect(document.querySelectorAll('scholarscope-badge')).toHaveLength(30);
  });

  it('yields to the page between slices', { timeout: 60_000 }, async () => {
    const { records, context } = loadListing(200);
    registerPapers(records);
    let pauses = 0;
    const db = await openDatabase(`slices-${Math.random()}`);
    const service = createBackground({ db: async () => db, fetch: recordedFetch(), gates: instantGates() });
    const slow = () => {
      const until = performance.now() + 1;
      while (performance.now() < until);
    };
    await annotateEntries(
      context.entries,
      { doc: document, css: '', papers: service.papers, authorCard: service.authorCard, pause: async () => void (pauses += 1, slow()), nearView: everythingNear },
      LIST,
    );
    expect(pauses).toBeGreaterThan(0);
  });
});

describe('trying again', () => {
  it('asks again for every failed paper when the reader clicks an error badge, and draws the answers', async () => {
    const { records, context } = loadListing(20);
    registerPapers(records);
    const db = await openDatabase(`retry-${Math.random()}`);
    const service = createBackground({ db: async () => db, fetch: recordedFetch(), gates: instantGates() });
    let down = true;
    const papers = (ids: string[]) => (down ? Promise.reject(new Error('Could not reach api.semanticscholar.org')) : service.papers(ids));
    await annotateEntries(context.entries, { doc: document, css: '', papers, authorCard: service.authorCard, pause: noPause, nearView: everythingNear }, LIST);
    const badge = () => rootOf(document.querySelector('scholarscope-badge')!)!.querySelector<HTMLElement>('.ss-badge')!;
    expect(badge().getAttribute('aria-label')).toMatch(/Could not reach .*Try again$/);
    down = false;
    // A script's click (a page's, say) does nothing; the reader's does.
    badge().click();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(badge().getAttribute('aria-label')).toMatch(/Try again$/);
    trustedClick(badge());
    // The retry goes through the service's batching window and IndexedDB: wait for it, not a fixed time.
    await expect.poll(() => badge().textContent, { timeout: 5_000 }).toMatch(/cited$/);
    expect(document.querySelectorAll('scholarscope-badge')).toHaveLength(20);
    expect(document.querySelectorAll('scholarscope-chip').length).toBeGreaterThan(0);
  });
});

// A long listing draws only what is near the view; the data for every entry is there all the same.
describe('drawing as the reader scrolls', () => {
  it('asks for the entries in view first, alone; draws those near, then the others as they come near; triage facts cover every entry', async () => {
    const { records, context } = loadListing(40);
    // Opened at an anchor: what is in view is what the first report says.
    location.hash = '#entry-3';
    onTestFinished(() => void (location.hash = ''));
    registerPapers(records);
    const db = await openDatabase(`near-${Math.random()}`);
    const service = createBackground({ db: async () => db, fetch: recordedFetch(), gates: instantGates() });
    let report: (near: Element[], inView: Element[]) => void = () => undefined;
    let watched: readonly Element[] = [];
    const forgotten: Element[] = [];
    const nearView: NearView = (elements, onNear) => {
      watched = elements;
      // The first five entries are near at once, the first two of them in view, as an IntersectionObserver reports them.
      queueMicrotask(() => onNear(elements.slice(0, 5), elements.slice(0, 2)));
      report = onNear;
      return { forget: (element) => void forgotten.push(element), stop: () => undefined };
    };
    const asked: { keys: string[]; urgent: boolean; authorLimit?: number }[] = [];
    const papers: typeof service.papers = (keys, options) => (asked.push({ keys: [...keys], urgent: options?.urgent === true, authorLimit: options?.authorLimit }), service.papers(keys, options));
    const annotation = await annotateEntries(context.entries, { doc: document, css: '', papers, authorCard: service.authorCard, pause: noPause, nearView }, LIST);
    // In view first, alone and urgent; then the other 38 in one group; each cut to the names a listing shows.
    expect(asked.map((request) => [request.keys.length, request.urgent])).toEqual([
      [2, true],
      [38, false],
    ]);
    expect(asked[0]!.keys).toEqual(context.entries.slice(0, 2).map((entry) => entry.key));
    const namesShown = (keys: string[]) => Math.max(...context.entries.filter((entry) => keys.includes(entry.key)).map((entry) => entry.authors.length));
    expect(asked.map((request) => request.authorLimit)).toEqual(asked.map((request) => namesShown(request.keys)));
    expect(watched).toHaveLength(40);
    expect(document.querySelectorAll('scholarscope-badge')).toHaveLength(5);
    const drawnChips = document.querySelectorAll('scholarscope-chip').length;
    expect(drawnChips).toBe(records.slice(0, 5).reduce((sum, record) => sum + listedAuthors(record).length, 0));
    // Every entry's numbers are known, drawn or not: triage orders all 40.
    const facts = annotation.facts();
    expect(facts).toHaveLength(40);
    expect(facts.every((fact) => fact.citations !== null && fact.hMax !== null)).toBe(true);
    // Scrolling on: entries 20 to 24 come near and are drawn after their own entries, once.
    report(watched.slice(20, 25) as Element[], []);
    await expect.poll(() => document.querySelectorAll('scholarscope-badge').length).toBe(10);
    const dts = [...document.querySelectorAll('dl#articles > dt')];
    expect(dts.slice(20, 25).every((dt) => dt.querySelector('scholarscope-badge'))).toBe(true);
    expect(dts.slice(5, 20).some((dt) => dt.querySelector('scholarscope-badge'))).toBe(false);
    expect(forgotten).toHaveLength(10);
  });

  it('in a hidden tab (no report of what is in view until shown), asks for everything at once, none of it urgent', async () => {
    const { records, context } = loadListing(30);
    location.hash = '#entry-3';
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    onTestFinished(() => {
      location.hash = '';
      delete (document as { visibilityState?: unknown }).visibilityState;
    });
    registerPapers(records);
    const db = await openDatabase(`hidden-${Math.random()}`);
    const service = createBackground({ db: async () => db, fetch: recordedFetch(), gates: instantGates() });
    const asked: [number, boolean][] = [];
    const silent: NearView = () => ({ forget: () => undefined, stop: () => undefined });
    const papers: typeof service.papers = (keys, options) => (asked.push([keys.length, options?.urgent === true]), service.papers(keys, options));
    await annotateEntries(context.entries, { doc: document, css: '', papers, authorCard: service.authorCard, pause: noPause, nearView: silent }, LIST);
    expect(asked).toEqual([[30, false]]);
    // Nothing is drawn until the tab is shown and reports what is near.
    expect(document.querySelectorAll('scholarscope-badge')).toHaveLength(0);
  });

  it('opened at its top, asks for its first screen of entries at once and draws them, before anything is reported near', async () => {
    const { records, context } = loadListing(60);
    registerPapers(records);
    const db = await openDatabase(`top-${Math.random()}`);
    const service = createBackground({ db: async () => db, fetch: recordedFetch(), gates: instantGates() });
    const asked: [number, boolean][] = [];
    let reports = 0;
    const nearView: NearView = (elements, onNear) => {
      setTimeout(() => (reports++, onNear(elements.slice(0, 3), elements.slice(0, 3))), 20);
      return { forget: () => undefined, stop: () => undefined };
    };
    const papers: typeof service.papers = (keys, options) => (asked.push([keys.length, options?.urgent === true]), service.papers(keys, options));
    const pending = annotateEntries(context.entries, { doc: document, css: '', papers, authorCard: service.authorCard, pause: noPause, nearView }, LIST);
    expect(reports).toBe(0);
    expect(asked).toEqual([[20, true]]);
    await pending;
    // The rest, from a task of its own.
    expect(asked).toEqual([
      [20, true],
      [40, false],
    ]);
    // The first screen is drawn on its answer; of the rest only what was reported near.
    expect(document.querySelectorAll('scholarscope-badge')).toHaveLength(20);
    const badged = [...document.querySelectorAll('dl#articles > dt')].map((dt) => dt.querySelector('scholarscope-badge') !== null);
    expect(badged.slice(0, 20).every(Boolean)).toBe(true);
    expect(badged.slice(20).some(Boolean)).toBe(false);
  });
});
