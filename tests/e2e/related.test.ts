import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderAbsPage } from '../fixtures/arxivAbs';
import { renderListingPage } from '../fixtures/arxivPages';
import { listingRecords, registerPapers, syntheticAuthor } from '../fixtures/recordedPapers';
import { relatedRecords } from '../fixtures/relatedWorld';
import { hiperRecord, seed } from '../fixtures/seedWorld';
import { ours } from './closedUi';
import { launch, type Harness } from './harness';

const PAPER_URL = 'https://arxiv.org/abs/2602.16165';
const SMALL_LISTING = 'https://arxiv.org/list/cs.LG/new';
const BIG_LISTING = 'https://arxiv.org/list/cs/new';
const BIG = listingRecords(500);
const OTHERS = BIG.slice(0, 3);
let harness: Harness;

beforeAll(async () => {
  harness = await launch();
  registerPapers(BIG);
  harness.pages.set(PAPER_URL, renderAbsPage(hiperRecord));
  harness.pages.set(SMALL_LISTING, renderListingPage('cs.LG', 'Machine Learning', [{ heading: 'New submissions', records: [OTHERS[0]!, hiperRecord, OTHERS[1]!, OTHERS[2]!] }]));
  harness.pages.set(BIG_LISTING, renderListingPage('cs', 'Computer Science', [{ heading: 'New submissions (showing 500 of 500 entries)', records: BIG }]));
});
afterAll(async () => harness?.close());

describe('related papers in real Chromium', () => {
  it('appear in the popup for an abstract page, and on the page when its section is opened', async () => {
    const page = await harness.context.newPage();
    await page.goto(PAPER_URL);
    const popup = await harness.openPopup(PAPER_URL);
    const lists = popup.locator('.ss-popup-related .ss-related-list');
    await expect.poll(() => lists.nth(1).locator('.ss-related-item').count(), { timeout: 15_000 }).toBe(relatedRecords().citing.length);
    const others = seed.publications.slice(1).map((p) => p.title);
    expect(await lists.nth(0).locator('.ss-pub-title').allTextContents()).toEqual([...others, ...relatedRecords().recommended.map((r) => r.title)]);
    // Saving a recommended paper from the popup puts it on the list.
    await lists.nth(0).locator('.ss-related-item').first().locator('.ss-save').click();
    await expect.poll(() => lists.nth(0).locator('.ss-related-item').first().locator('.ss-save').getAttribute('aria-pressed')).toBe('true');
    await popup.close();

    // On the page: one closed line until opened; then the same lists, from the cache.
    const section = ours(page).locator('scholarscope-related details');
    await section.waitFor({ timeout: 10_000 });
    expect(await section.getAttribute('open')).toBeNull();
    const before = harness.apiRequests.length;
    await section.locator('summary').click();
    await expect.poll(() => section.locator('.ss-related-item').count(), { timeout: 10_000 }).toBe(others.length + 4 + relatedRecords().citing.length);
    expect(harness.apiRequests.length).toBe(before);
    await page.close();
  });
});

describe('following authors and listing triage in real Chromium', () => {
  it('following an author marks their entries on a listing, and the popup lists them as new', async () => {
    const page = await harness.context.newPage();
    await page.goto(PAPER_URL);
    // The card opens from a name once the page's chips are drawn.
    await ours(page).locator('scholarscope-chip .ss-chip', { hasText: 'h 5' }).first().waitFor({ timeout: 15_000 });
    await page.locator('div.authors > a').first().focus();
    const card = ours(page).locator('scholarscope-card .ss-popover');
    const follow = card.getByRole('button', { name: 'Follow Zhaoran Wang' });
    await follow.waitFor({ timeout: 15_000 });
    await follow.click();
    await expect.poll(() => card.locator('.ss-follow', { hasText: 'Following' }).count()).toBe(1);

    const listing = await harness.context.newPage();
    await listing.goto(SMALL_LISTING);
    // Marked in the entry's own badge, inside our closed root; never on the page's elements, where its scripts could read whom the reader follows.
    await expect.poll(() => ours(listing).locator('scholarscope-badge .ss-followed').allTextContents(), { timeout: 15_000 }).toEqual(['● Zhaoran Wang']);
    expect(await ours(listing).locator(`dt:has(a[id="${hiperRecord.id}"]) scholarscope-badge .ss-followed`).count()).toBe(1);
    expect(await ours(listing).locator('[data-scholarscope-followed]').count()).toBe(0);
    // The triage bar can pull them to the top.
    await ours(listing).locator('scholarscope-triage select').selectOption('followed');
    expect(await listing.locator('dl#articles > dt a[title="Abstract"]').evaluateAll((links) => links.map((a) => a.id))).toEqual([hiperRecord.id, OTHERS[0]!.id, OTHERS[1]!.id, OTHERS[2]!.id]);
    await ours(listing).locator('scholarscope-triage input[type="checkbox"]').check();
    expect(await listing.locator('dl#articles > dt:visible').count()).toBe(1);

    const popup = await harness.openPopup(SMALL_LISTING);
    await expect.poll(() => popup.locator('.ss-news .ss-pub-title').allTextContents(), { timeout: 10_000 }).toEqual([hiperRecord.title]);
    await Promise.all([page.close(), listing.close(), popup.close()]);
  });

  it("sorting a 500-entry listing by h-index reorders it without reloading, and arXiv's order comes back", async () => {
    const page = await harness.context.newPage();
    await page.goto(BIG_LISTING);
    const bar = ours(page).locator('scholarscope-triage select');
    await bar.waitFor({ timeout: 30_000 });
    // In arXiv's top paging line, not the one below the entries.
    expect(await ours(page).locator('#dlpage > .paging').first().locator('scholarscope-triage').count()).toBe(1);
    expect(await ours(page).locator('scholarscope-triage').count()).toBe(1);
    const ids = () => page.locator('dl#articles > dt a[title="Abstract"]').evaluateAll((links) => links.map((a) => a.id));
    const arxivOrder = BIG.map((record) => record.id);
    expect(await ids()).toEqual(arxivOrder);
    // The highest h-index among each paper's authors, from the recorded answers; ties keep arXiv's order.
    const hMax = new Map(BIG.map((record) => [record.id, Math.max(...record.authors.map((name) => syntheticAuthor(name).hIndex))]));
    const expected = [...arxivOrder].sort((a, b) => hMax.get(b)! - hMax.get(a)! || arxivOrder.indexOf(a) - arxivOrder.indexOf(b));
    const navigations: string[] = [];
    page.on('framenavigated', (frame) => navigations.push(frame.url()));
    await bar.selectOption('h');
    expect(await ids()).toEqual(expected);
    expect(expected).not.toEqual(arxivOrder);
    // Each dd still follows its dt.
    expect(await page.locator('dl#articles > dt + dd').count()).toBe(500);
    await bar.selectOption('arxiv');
    expect(await ids()).toEqual(arxivOrder);
    expect(navigations).toEqual([]);
    await page.close();
  });
});
