// The Firefox add-on in real Firefox: what a reader does on arXiv, in the popup, the library and the
// settings, and the event page being unloaded and woken. Same recorded pages and API answers as the
// Chromium suite.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { renderAbsPage } from '../fixtures/arxivAbs';
import { listedAuthors, renderListingPage } from '../fixtures/arxivPages';
import { listingRecords, registerPapers } from '../fixtures/recordedPapers';
import { hiperRecord, seed } from '../fixtures/seedWorld';
import { BACKGROUND_IDLE_MS, launchFirefox, waitFor, type FirefoxHarness } from './harness';

const ABS_URL = `https://arxiv.org/abs/${hiperRecord.id}`;
const LISTING_URL = 'https://arxiv.org/list/cs/new';
const LISTING = listingRecords(60);
let firefox: FirefoxHarness;

beforeAll(async () => {
  firefox = await launchFirefox();
  registerPapers(LISTING);
  firefox.pages.set(ABS_URL, renderAbsPage(hiperRecord));
  firefox.pages.set(LISTING_URL, renderListingPage('cs', 'Computer Science', [{ heading: 'New submissions (showing 60 of 60 entries)', records: LISTING }]));
}, 60_000);
afterAll(async () => firefox?.close());

const paperRequests = () => firefox.apiRequests.filter((request) => request.url.includes('/paper/batch'));
// Firefox gives content scripts the root, open or closed, as a property of the element.
type Host = Element & { openOrClosedShadowRoot: ShadowRoot | null };
/** Texts inside the closed shadow roots of our elements of one kind, read in the content script's world. */
const shadowTexts = (page: Page, tag: string, selector: string) =>
  firefox.inContent(page, (tag: string, selector: string) => [...document.querySelectorAll(tag)].map((host) => (host as Host).openOrClosedShadowRoot?.querySelector(selector)?.textContent ?? null), tag, selector);

async function visit(url: string): Promise<Page> {
  const page = await firefox.browser.newPage();
  await page.goto(url);
  return page;
}

describe('ScholarScope in Firefox', () => {
  it('draws chips on an abstract page, and the author card opens from a chip', async () => {
    firefox.apiRequests.length = 0;
    const page = await visit(ABS_URL);
    const chips = await waitFor(() => shadowTexts(page, 'div.authors > scholarscope-chip', '.ss-chip'), (texts) => texts.length === hiperRecord.authors.length && texts.every((t) => t !== '…'));
    expect(chips[0]).toBe('h 5 · 74');
    expect(paperRequests()).toHaveLength(1);
    // The chip is a button: pressing it opens the card with the seed profile's numbers.
    // The page's own scripts see no root: ours are closed.
    expect(await page.evaluate(() => document.querySelector('div.authors > scholarscope-chip')!.shadowRoot)).toBeNull();
    await firefox.clickInside(page, 'div.authors > scholarscope-chip', 'button');
    const card = await waitFor(
      () => firefox.inContent(page, () => {
        const root = (document.querySelector('scholarscope-card') as Host | null)?.openOrClosedShadowRoot;
        return { name: root?.querySelector('.ss-name')?.textContent ?? null, numbers: [...(root?.querySelectorAll('.ss-metric dd') ?? [])].map((dd) => dd.textContent), publications: root?.querySelectorAll('.ss-pub').length ?? 0 };
      }),
      (value) => value.publications > 0,
    );
    expect(card).toEqual({ name: seed.author.name, numbers: ['74', '5', '3'], publications: seed.publications.length });
    // + Compare puts the author in the tray; the toolbar button (browserAction in Firefox's MV2) counts it.
    await firefox.clickInside(page, 'scholarscope-card', 'button', '+ Compare');
    await waitFor(() => firefox.badgeText(), (text) => text === '1');
    await firefox.clickInside(page, 'scholarscope-card', 'button', '✓ Comparing');
    await waitFor(() => firefox.badgeText(), (text) => text === '');
    // Shadow roots keep our style: the chip is styled as a pill, not a plain page button.
    const radius = await firefox.inContent(page, () => getComputedStyle((document.querySelector('div.authors > scholarscope-chip') as Host).openOrClosedShadowRoot!.querySelector('.ss-chip')!).borderTopLeftRadius);
    expect(parseFloat(radius)).toBeGreaterThan(4);
    await page.close();
  });

  it('annotates a listing: the first screen in a request of its own, then the rest; entries drawn as they come near the view', async () => {
    firefox.apiRequests.length = 0;
    const page = await visit(LISTING_URL);
    await waitFor(() => page.evaluate(() => performance.getEntriesByName('scholarscope:answers').length), (marks) => marks > 0);
    // 20 entries first (the top of the page), then the other 40: ceil(60/500) + 1 requests.
    const ids = paperRequests().map((request) => (JSON.parse(request.body ?? '{}') as { ids: string[] }).ids);
    expect(ids.map((batch) => batch.length)).toEqual([20, 40]);
    expect(ids[0]).toEqual(LISTING.slice(0, 20).map((record) => `arXiv:${record.id}`));
    const badged = () => page.evaluate(() => [...document.querySelectorAll('dl#articles > dt')].map((dt) => dt.querySelector('scholarscope-badge') !== null));
    const drawn = await waitFor(badged, (flags) => flags[0] === true);
    expect(drawn.filter(Boolean).length).toBeLessThan(LISTING.length);
    // The drawn entries' chips all show numbers.
    const firstAuthors = listedAuthors(LISTING[0]!).length;
    const chips = await waitFor(() => shadowTexts(page, 'dl#articles > dd:first-of-type scholarscope-chip', '.ss-chip'), (texts) => texts.length === firstAuthors && texts.every((t) => t?.startsWith('h ')));
    expect(chips).toHaveLength(firstAuthors);
    // Scrolled to the end, the last entries are drawn from the answers at hand.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await waitFor(badged, (flags) => flags[LISTING.length - 1] === true);
    expect(paperRequests()).toHaveLength(2);
    await page.close();
  });

  it('asks nothing on a cached revisit', async () => {
    firefox.apiRequests.length = 0;
    const page = await visit(LISTING_URL);
    await waitFor(() => page.evaluate(() => performance.getEntriesByName('scholarscope:answers').length), (marks) => marks > 0);
    await waitFor(() => shadowTexts(page, 'scholarscope-badge', '.ss-badge'), (texts) => texts.length > 0 && texts.every((t) => t !== null));
    expect(firefox.apiRequests).toEqual([]);
    await page.close();
  });

  it('shows the popup for the tab: the paper and a card for each author', async () => {
    const page = await visit(ABS_URL);
    const tabId = await firefox.tabIdFor(ABS_URL);
    const popup = await firefox.openExtensionPage(`popup.html?tab=${tabId}`);
    const rows = await waitFor(() => popup.evaluate(() => [...document.querySelectorAll('.ss-author-name')].map((node) => node.textContent)), (names) => names.length > 0);
    expect(rows.slice(0, 3)).toEqual(['Zhaoran Wang', 'Jian Peng', 'Yuanxin Liu']);
    expect(await popup.evaluate(() => document.querySelector('.ss-popup-title')?.textContent)).toBe(hiperRecord.title);
    await popup.evaluate(() => document.querySelector<HTMLButtonElement>('.ss-author-toggle')!.click());
    const numbers = await waitFor(() => popup.evaluate(() => [...document.querySelectorAll('.ss-author-panel .ss-metric dd')].map((dd) => dd.textContent)), (values) => values.length === 3);
    expect(numbers).toEqual(['74', '5', '3']);
    await popup.close();
    await page.close();
  });

  it('saves a paper from its page, and the library exports it as BibTeX', async () => {
    const page = await visit(ABS_URL);
    const toggle = () => shadowTexts(page, 'h1.title scholarscope-badge', '.ss-save').then((texts) => texts[0] ?? null);
    await waitFor(toggle, (text) => text === '☆ Save');
    await firefox.clickInside(page, 'h1.title scholarscope-badge', '.ss-save');
    await waitFor(toggle, (text) => text === '★ Saved');
    const library = await firefox.openExtensionPage('library.html');
    await waitFor(() => library.evaluate(() => [...document.querySelectorAll('.ss-saved-title')].map((node) => node.textContent)), (titles) => titles.includes(hiperRecord.title));
    // The file handed to the browser's download: what the library wrote.
    await library.evaluate(() => {
      const files: Blob[] = [];
      (window as unknown as { __files: Blob[] }).__files = files;
      const original = URL.createObjectURL.bind(URL);
      URL.createObjectURL = (blob: Blob) => (files.push(blob), original(blob));
    });
    await library.evaluate(() => [...document.querySelectorAll<HTMLButtonElement>('button')].find((button) => button.textContent === 'BibTeX')!.click());
    const bibtex = await waitFor(() => library.evaluate(() => (window as unknown as { __files: Blob[] }).__files[0]?.text() ?? null), (text) => text !== null);
    expect(bibtex).toMatch(/@misc\{wang2026hiper,/);
    expect(bibtex).toMatch(/eprint\s+= \{2602\.16165\}/);
    expect(bibtex).toMatch(/primaryClass\s+= \{cs\.LG\}/);
    await library.close();
    await page.close();
  });

  it('opens the settings: saves the cache lifetime, lists every site, clears the cache', async () => {
    const options = await firefox.openExtensionPage('options.html');
    await waitFor(() => options.evaluate(() => (document.querySelector<HTMLInputElement>('#cache-days')?.value ?? '')), (value) => value === '7');
    const sites = await options.evaluate(() =>
      Array.from([...document.querySelectorAll('fieldset')].find((set) => set.querySelector('legend')?.textContent?.startsWith('Show chips'))!.querySelectorAll('label'), (label) => label.textContent?.trim()),
    );
    expect(sites[0]).toMatch(/^arXiv/);
    expect(sites.length).toBeGreaterThanOrEqual(6);
    await options.evaluate(() => {
      const input = document.querySelector<HTMLInputElement>('#cache-days')!;
      input.value = '14';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await options.evaluate(() => document.querySelector('#cache-days')!.closest('form')!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click());
    await waitFor(() => options.evaluate(() => document.querySelector('[role="status"]')?.textContent ?? ''), (text) => text.startsWith('Saved.'));
    await options.evaluate(() => [...document.querySelectorAll<HTMLButtonElement>('button')].find((button) => button.textContent === 'Clear cache')!.click());
    await waitFor(() => options.evaluate(() => document.querySelector('[role="status"]')?.textContent ?? ''), (text) => text === 'Cache cleared.');
    await options.close();
    const again = await firefox.openExtensionPage('options.html');
    await waitFor(() => again.evaluate(() => document.querySelector<HTMLInputElement>('#cache-days')?.value ?? ''), (value) => value === '14');
    await again.close();
  });

  it('works on after the event page is unloaded when idle, woken by the next page', async () => {
    // Make the abstract page's paper cached again (the cache was cleared above).
    const first = await visit(ABS_URL);
    await waitFor(() => shadowTexts(first, 'div.authors > scholarscope-chip', '.ss-chip'), (texts) => texts[0] === 'h 5 · 74');
    await first.close();
    expect(await firefox.backgroundRunning()).toBe(true);
    await waitFor(() => firefox.backgroundRunning(), (running) => !running, BACKGROUND_IDLE_MS + 15_000);
    firefox.apiRequests.length = 0;
    const page = await visit(ABS_URL);
    const chips = await waitFor(() => shadowTexts(page, 'div.authors > scholarscope-chip', '.ss-chip'), (texts) => texts[0] === 'h 5 · 74');
    expect(chips).toHaveLength(hiperRecord.authors.length);
    expect(firefox.apiRequests).toEqual([]); // answered from IndexedDB by the woken page
    // The saved state, read again after the restart.
    await waitFor(() => shadowTexts(page, 'h1.title scholarscope-badge', '.ss-save').then((texts) => texts[0] ?? null), (text) => text === '★ Saved');
    await page.close();
  });
});
