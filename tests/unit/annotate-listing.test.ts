import { instantGates } from '../fixtures/gates';
import { describe, expect, it } from 'vitest';
import { annotateEntries } from '../../lib/page/annotate';
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

  it('asks once per 500 papers and draws a badge on every entry and chips for known papers', { timeout: 60_000 }, async () => {
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
        papers: (ids) => (asked.push(ids.length), service.papers(ids)),
        authorCard: service.authorCard,
        pause: noPause,
      },
      LIST,
    );
    expect(asked.sort((a, b) => b - a)).toEqual([500, 100]);
    expect(log.filter((entry) => entry.url.includes('/paper/batch'))).toHaveLength(2);
    const badges = [...document.querySelectorAll('scholarscope-badge')];
    expect(badges).toHaveLength(600);
    for (const dt of document.querySelectorAll('dl#articles > dt')) {
      expect(dt.querySelector('a[title="Abstract"]')!.nextElementSibling!.tagName).toBe('SCHOLARSCOPE-BADGE');
    }
    const unknownBadges = badges.filter((badge) => badge.shadowRoot!.textContent === '–');
    expect(unknownBadges).toHaveLength(50);
    const knownAuthors = records.slice(0, 550).reduce((sum, record) => sum + listedAuthors(record).length, 0);
    expect(document.querySelectorAll('scholarscope-chip')).toHaveLength(knownAuthors);
    // The shared stylesheet or one <style> per root; either way nothing lands outside shadow roots.
    expect(document.querySelectorAll('#dlpage .ss-chip, #dlpage .ss-badge')).toHaveLength(0);
  });

  it('marks every badge when the background fails, and draws nothing twice on a second run', async () => {
    const { context } = loadListing(30);
    const deps = { doc: document, css: '', papers: async () => Promise.reject(new Error('api.semanticscholar.org answered 503')), authorCard: async () => Promise.reject(new Error('x')), pause: noPause };
    await annotateEntries(context.entries, deps, LIST);
    const badges = [...document.querySelectorAll('scholarscope-badge')];
    expect(badges).toHaveLength(30);
    expect(badges.every((badge) => badge.shadowRoot!.querySelector('.ss-badge-error')!.getAttribute('aria-label')!.includes('503'))).toBe(true);
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
      { doc: document, css: '', papers: service.papers, authorCard: service.authorCard, pause: async () => void (pauses += 1, slow()) },
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
    await annotateEntries(context.entries, { doc: document, css: '', papers, authorCard: service.authorCard, pause: noPause }, LIST);
    const badge = () => document.querySelector('scholarscope-badge')!.shadowRoot!.querySelector<HTMLElement>('.ss-badge')!;
    expect(badge().getAttribute('aria-label')).toMatch(/Could not reach .*Try again$/);
    down = false;
    badge().click();
    // The retry goes through the service's batching window and IndexedDB: wait for it, not a fixed time.
    await expect.poll(() => badge().textContent, { timeout: 5_000 }).toMatch(/cited$/);
    expect(document.querySelectorAll('scholarscope-badge')).toHaveLength(20);
    expect(document.querySelectorAll('scholarscope-chip').length).toBeGreaterThan(0);
  });
});
