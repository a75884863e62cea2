import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { loadAbsRecord } from '../fixtures/arxivAbs';
import { listedAuthors, renderHtmlPaper, renderListingPage, renderSearchPage } from '../fixtures/arxivPages';
import { realPage } from '../fixtures/realPages';
import { listingRecords, registerPapers } from '../fixtures/recordedPapers';
import { ours } from './closedUi';
import { launch, type Harness } from './harness';

const LISTING_URL = 'https://arxiv.org/list/cs/new';
const SEARCH_URL = 'https://arxiv.org/search/?query=Devlin%2C+J&searchtype=author';
const HTML_URL = 'https://arxiv.org/html/1810.04805v2';
const ENTRIES = 1200;
const KNOWN = 1100; // the last 100 entries are unknown to the recorded source

let harness: Harness;
const records = listingRecords(ENTRIES);

beforeAll(async () => {
  harness = await launch();
  registerPapers(records.slice(0, KNOWN));
  harness.pages.set(
    LISTING_URL,
    renderListingPage('cs', 'Computer Science', [
      { heading: 'New submissions (showing 800 of 800 entries)', records: records.slice(0, 800) },
      { heading: 'Cross submissions (showing 300 of 300 entries)', records: records.slice(800, 1100), type: 'cross' },
      { heading: 'Replacement submissions (showing 100 of 100 entries)', records: records.slice(1100), type: 'rep' },
    ]),
  );
  harness.pages.set(SEARCH_URL, renderSearchPage('Devlin, J', [loadAbsRecord('1810.04805'), loadAbsRecord('1411.4413'), loadAbsRecord('0704.0833')]));
  harness.pages.set(HTML_URL, renderHtmlPaper(loadAbsRecord('1810.04805'), 2));
});
afterAll(async () => harness?.close());

const paperRequests = () => harness.apiRequests.filter((r) => r.url.includes('/graph/v1/paper/batch'));
const requestedIds = (request: { body?: string }) => (JSON.parse(request.body ?? '{}') as { ids: string[] }).ids;
const arxivIds = (slice: typeof records) => slice.map((record) => `arXiv:${record.id}`);

async function waitForBadges(page: Page, count: number) {
  await expect.poll(() => ours(page).locator('scholarscope-badge').count(), { timeout: 20_000 }).toBe(count);
}
/** Every answer is in (drawn or not): the content script marks the timeline. */
async function waitForAnswers(page: Page) {
  await page.waitForFunction(() => performance.getEntriesByName('scholarscope:answers').length > 0, null, { timeout: 20_000, polling: 50 });
}
/** Empties the cache with the settings' button, as a reader would, so the next visit is cold. */
async function clearCache() {
  const options = await harness.openOptions();
  await options.getByRole('button', { name: 'Clear cache' }).click();
  await expect.poll(() => options.getByRole('status').textContent()).toBe('Cache cleared.');
  await options.close();
}
/** Which listing entries (1-based, as arXiv numbers them) carry a badge. */
const badgedItems = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('dl#articles > dt')].flatMap((dt, index) => (dt.querySelector('scholarscope-badge') ? [index + 1] : [])),
  );

describe('arXiv listings, search and HTML papers in real Chromium', () => {
  it('asks for the entries in view first, then the rest in groups of 500: ceil(1200/500) + 1 requests cold', async () => {
    harness.apiRequests.length = 0;
    const page = await harness.context.newPage();
    await page.goto(LISTING_URL);
    await waitForAnswers(page);
    const requests = paperRequests();
    expect(requests.map((request) => requestedIds(request).length)).toEqual([20, 500, 500, 180]);
    expect(requests.length).toBeLessThanOrEqual(Math.ceil(ENTRIES / 500) + 1);
    // The first request is the top of the page, alone; the others hold every other entry once.
    expect(requestedIds(requests[0]!)).toEqual(arxivIds(records.slice(0, 20)));
    expect(requests.slice(1).flatMap(requestedIds).sort()).toEqual(arxivIds(records.slice(20)).sort());
    // Only the entries near the view are drawn; badges sit after each entry's Abstract link.
    await expect.poll(async () => (await badgedItems(page))[0]).toBe(1);
    const drawn = await badgedItems(page);
    expect(drawn.length).toBeGreaterThan(10);
    expect(drawn.length).toBeLessThan(ENTRIES / 2);
    const placement = await page.evaluate(() =>
      [...document.querySelectorAll('dl#articles > dt')]
        .filter((dt) => dt.querySelector('scholarscope-badge'))
        .every((dt) => dt.querySelector('a[title="Abstract"]')!.nextElementSibling?.tagName === 'SCHOLARSCOPE-BADGE'),
    );
    expect(placement).toBe(true);
    const chipsOfFirst = await ours(page).locator('dl#articles > dd').first().locator('scholarscope-chip').count();
    expect(chipsOfFirst).toBe(listedAuthors(records[0]!).length);
    // The first entry's first author chip shows that author's recorded numbers.
    const firstChip = await ours(page).locator('dl#articles > dd').first().locator('scholarscope-chip .ss-chip').first().textContent();
    expect(firstChip).toMatch(/^h \d+ · [\d.]+k?$/);
    // Scrolling to the end draws the entries there, from answers already at hand: no request.
    const before = paperRequests().length;
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await expect.poll(async () => (await badgedItems(page)).includes(ENTRIES), { timeout: 10_000 }).toBe(true);
    const last = ours(page).locator('dl#articles > dt').last().locator('scholarscope-badge .ss-badge-unknown');
    expect(await last.count()).toBe(1);
    expect(paperRequests()).toHaveLength(before);
    await page.close();
  });

  it('makes zero requests on a warm revisit of the listing', async () => {
    harness.apiRequests.length = 0;
    const page = await harness.context.newPage();
    await page.goto(LISTING_URL);
    await waitForAnswers(page);
    await expect.poll(async () => (await badgedItems(page))[0]).toBe(1);
    expect(harness.apiRequests).toEqual([]);
    await page.close();
  });

  it('opens the author card from a listing by keyboard', async () => {
    const page = await harness.context.newPage();
    await page.goto(LISTING_URL);
    await expect.poll(async () => (await badgedItems(page))[0]).toBe(1);
    const firstAuthor = page.locator('dl#articles > dd .list-authors a').first();
    await firstAuthor.focus();
    const frame = ours(page).locator('scholarscope-card .ss-popover');
    await expect.poll(() => frame.isVisible()).toBe(true);
    expect(await frame.getAttribute('aria-label')).toBe(`Author card: ${records[0]!.authors[0]}`);
    await page.keyboard.press('Escape');
    await expect.poll(() => frame.isVisible()).toBe(false);
    await page.close();
  });

  it('opened at an anchor far down, asks first for the entries the reader sees there', async () => {
    await clearCache();
    harness.apiRequests.length = 0;
    const page = await harness.context.newPage();
    await page.goto(`${LISTING_URL}#item700`);
    await waitForAnswers(page);
    const requests = paperRequests();
    expect(requests.length).toBeLessThanOrEqual(Math.ceil(ENTRIES / 500) + 1);
    const first = requestedIds(requests[0]!);
    // A screen's worth of entries from item 700 on, and nothing from the top of the page.
    expect(first.length).toBeGreaterThan(0);
    expect(first.length).toBeLessThan(40);
    expect(first).toContain(`arXiv:${records[699]!.id}`);
    expect(first).not.toContain(`arXiv:${records[0]!.id}`);
    expect(requests.flatMap(requestedIds)).toHaveLength(ENTRIES);
    const drawn = await badgedItems(page);
    expect(drawn).toContain(700);
    expect(drawn).not.toContain(1);
    await page.close();
  });

  it('annotates search results: badge per result, chips for the authors shown', async () => {
    registerPapers([loadAbsRecord('1810.04805'), loadAbsRecord('1411.4413'), loadAbsRecord('0704.0833')]);
    // The listing visit cached these papers; start cold.
    await clearCache();
    harness.apiRequests.length = 0;
    const page = await harness.context.newPage();
    await page.goto(SEARCH_URL);
    await waitForBadges(page, 3);
    expect(await ours(page).locator('li.arxiv-result').nth(1).locator('scholarscope-chip').count()).toBe(25);
    expect(await ours(page).locator('li.arxiv-result').first().locator('scholarscope-chip').count()).toBe(4);
    expect(paperRequests()).toHaveLength(1);
    await page.close();
  });

  it('annotates an HTML paper and the popup reads it', async () => {
    const page = await harness.context.newPage();
    await page.goto(HTML_URL);
    await waitForBadges(page, 1);
    // Each chip by its name (after the first one's superscript), not after the affiliation lines.
    const names = await page.evaluate(() =>
      [...document.querySelectorAll('.ltx_personname > scholarscope-chip')].map((chip) => chip.previousSibling?.textContent?.trim()),
    );
    expect(names).toEqual(['1', 'Ming-Wei Chang', 'Kenton Lee', 'Kristina Toutanova']);
    const popup = await harness.openPopup(HTML_URL);
    await popup.locator('.ss-author-toggle').first().waitFor({ timeout: 10_000 });
    expect(await popup.locator('.ss-paper-id').textContent()).toBe('arXiv:1810.04805v2');
    expect(await popup.locator('.ss-author-name').allTextContents()).toEqual(['Jacob Devlin', 'Ming-Wei Chang', 'Kenton Lee', 'Kristina Toutanova']);
    await popup.close();
    await page.close();
  });

  it('on LaTeXML\'s own page with four names in one element: a chip after each name\'s mark, each opening its own card', async () => {
    // tests/fixtures/real-pages/latexml/tsp-generalization.html, under an id of ours, with a record of its title and names.
    const url = 'https://arxiv.org/html/2612.00042v1';
    const authors = ['Chaitanya K. Joshi', 'Quentin Cappart', 'Louis-Martin Rousseau', 'Thomas Laurent'];
    registerPapers([{ ...loadAbsRecord('1810.04805'), id: '2612.00042', doi: null, title: 'Learning the Travelling Salesperson Problem Requires Rethinking Generalization', authors }]);
    harness.pages.set(url, realPage('latexml/tsp-generalization.html'));
    const page = await harness.context.newPage();
    await page.goto(url);
    const chips = ours(page).locator('.ltx_personname > scholarscope-chip .ss-chip');
    await expect.poll(() => chips.allTextContents(), { timeout: 20_000 }).toEqual(authors.map(() => expect.stringMatching(/^h \d/)));
    const around = await page.evaluate(() =>
      [...document.querySelectorAll('.ltx_personname > scholarscope-chip')].map((chip) => [chip.previousSibling?.previousSibling?.textContent?.trim(), chip.previousSibling?.nodeName, chip.nextSibling?.textContent?.[0]]),
    );
    expect(around).toEqual(authors.map((name, index) => [index === 0 ? name : `, ${name}`, 'math', index < 3 ? ',' : ' ']));
    await chips.nth(2).click();
    const card = ours(page).locator('scholarscope-card .ss-popover');
    await expect.poll(() => card.getAttribute('aria-label'), { timeout: 10_000 }).toBe('Author card: Louis-Martin Rousseau');
    await page.close();
  });

  it('on a live page whose second name is its own ORCID link: a chip after the link, opening the card and not orcid.org', async () => {
    // The author block of arxiv.org/html/2610.08750 (tests/fixtures/real-pages/arxiv-html), with a record of its title and names.
    const url = 'https://arxiv.org/html/2610.08750v1';
    const authors = ['Jose Eduardo Escrig Molina', 'Daniel Probst'];
    registerPapers([{ ...loadAbsRecord('1810.04805'), id: '2610.08750', doi: null, title: 'Neural Petri flows for chemical reactions', authors }]);
    const block = realPage('arxiv-html/authors-2610-08750.html');
    harness.pages.set(url, `<!DOCTYPE html><html lang="en"><head><title>Neural Petri flows for chemical reactions</title></head><body><div class="ltx_page_main"><div class="ltx_page_content"><article class="ltx_document ltx_authors_1line"><h1 class="ltx_title ltx_title_document">Neural Petri flows for chemical reactions</h1>${block}</article></div></div></body></html>`);
    const page = await harness.context.newPage();
    await page.goto(url);
    const chips = ours(page).locator('.ltx_personname > scholarscope-chip .ss-chip');
    await expect.poll(() => chips.allTextContents(), { timeout: 20_000 }).toEqual(authors.map(() => expect.stringMatching(/^h \d/)));
    expect(await ours(page).locator('a scholarscope-chip').count()).toBe(0);
    expect(await page.evaluate(() => (document.querySelectorAll('.ltx_personname > scholarscope-chip')[1]?.previousElementSibling as HTMLAnchorElement | null)?.href)).toBe('https://orcid.org/0000-0003-1737-4407');
    await chips.nth(1).click();
    const card = ours(page).locator('scholarscope-card .ss-popover');
    await expect.poll(() => card.getAttribute('aria-label'), { timeout: 10_000 }).toBe('Author card: Daniel Probst');
    expect(page.url()).toBe(url);
    await page.close();
  });
});
