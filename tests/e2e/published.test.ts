// The published version of a preprint, as far as Semantic Scholar's record asserts it: a venue badge
// by the title on arXiv's abstract page, saying how it is known; none for a paper only on arXiv.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAbsRecord, renderAbsPage } from '../fixtures/arxivAbs';
import { renderListingPage } from '../fixtures/arxivPages';
import { registerPapers } from '../fixtures/recordedPapers';
import { hiperRecord } from '../fixtures/seedWorld';
import { ours } from './closedUi';
import { launch, type Harness } from './harness';

// A 1991 preprint whose arXiv record gives its journal (Phys.Lett.B278:51-55,1992) and DOI.
const PUBLISHED = loadAbsRecord('hep-th_9108002');
const PUBLISHED_URL = `https://arxiv.org/abs/${PUBLISHED.id}`;
const PREPRINT_URL = `https://arxiv.org/abs/${hiperRecord.id}`;
let harness: Harness;

beforeAll(async () => {
  harness = await launch();
  registerPapers([PUBLISHED]);
  harness.pages.set(PUBLISHED_URL, renderAbsPage(PUBLISHED));
  harness.pages.set(PREPRINT_URL, renderAbsPage(hiperRecord));
});
afterAll(async () => harness?.close());

describe('the venue badge in real Chromium', () => {
  it('shows where a paper was published by its title, with the basis in its label; a preprint gets none', async () => {
    const page = await harness.context.newPage();
    await page.goto(PUBLISHED_URL);
    const venue = ours(page).locator('h1.title scholarscope-badge .ss-venue');
    await expect.poll(() => venue.textContent(), { timeout: 10_000 }).toBe('Phys.Lett.B 1992');
    const label = await venue.getAttribute('aria-label');
    expect(label).toBe(`Published: Phys.Lett.B 1992, DOI 10.1016/0370-2693(92)90710-l; asserted by Semantic Scholar (paper ${Buffer.from(PUBLISHED.id).toString('hex').padEnd(40, '0').slice(0, 40)})`);
    expect(await venue.getAttribute('title')).toBe(label);
    // The request asked for the venue fields.
    expect(harness.apiRequests.some((request) => request.url.includes('/paper/batch') && /publicationVenue/.test(decodeURIComponent(request.url)))).toBe(true);
    await page.goto(PREPRINT_URL);
    await expect.poll(() => ours(page).locator('h1.title scholarscope-badge .ss-badge').textContent(), { timeout: 10_000 }).toMatch(/cited$/);
    expect(await ours(page).locator('scholarscope-badge .ss-venue').count()).toBe(0);
    await page.close();
  });

  it('shows the venue by the published entry of a listing, none by the preprint', async () => {
    const url = 'https://arxiv.org/list/hep-th/new';
    harness.pages.set(url, renderListingPage('hep-th', 'High Energy Physics - Theory', [{ heading: 'New submissions (showing 2 of 2 entries)', records: [hiperRecord, PUBLISHED] }]));
    const page = await harness.context.newPage();
    await page.goto(url);
    const badges = ours(page).locator('scholarscope-badge');
    await expect.poll(() => badges.count(), { timeout: 10_000 }).toBe(2);
    const venues = ours(page).locator('scholarscope-badge .ss-venue');
    await expect.poll(() => venues.count(), { timeout: 10_000 }).toBe(1);
    expect(await venues.textContent()).toBe('Phys.Lett.B 1992');
    // It sits in the published paper's entry: the second one, after the preprint's.
    expect(await badges.nth(1).locator('.ss-venue').count()).toBe(1);
    expect(await badges.nth(0).locator('.ss-venue').count()).toBe(0);
    await page.close();
  });

  it('marks a paper arXiv says was withdrawn, with arXiv’s comment as the basis', async () => {
    const withdrawn = loadAbsRecord('0704.0374');
    const url = `https://arxiv.org/abs/${withdrawn.id}`;
    harness.pages.set(url, renderAbsPage(withdrawn));
    const page = await harness.context.newPage();
    await page.goto(url);
    const mark = ours(page).locator('h1.title scholarscope-badge .ss-withdrawn');
    await expect.poll(() => mark.textContent(), { timeout: 10_000 }).toBe('withdrawn');
    expect(await mark.getAttribute('aria-label')).toBe('Withdrawn: "This paper has been withdrawn" (arXiv\'s comment on this page)');
    // Saved from this page, the library says so too.
    await ours(page).locator('h1.title scholarscope-badge .ss-save').click();
    await expect.poll(() => ours(page).locator('h1.title scholarscope-badge .ss-save').textContent(), { timeout: 10_000 }).toBe('★ Saved');
    const library = await harness.context.newPage();
    await library.goto(`chrome-extension://${harness.extensionId}/library.html`);
    await expect.poll(() => library.locator('.ss-saved-item .ss-withdrawn').getAttribute('title'), { timeout: 10_000 }).toBe('Withdrawn: "This paper has been withdrawn" (arXiv\'s comment, when saved)');
    await library.close();
    await page.goto(PREPRINT_URL);
    await expect.poll(() => ours(page).locator('h1.title scholarscope-badge .ss-badge').count(), { timeout: 10_000 }).toBe(1);
    expect(await ours(page).locator('scholarscope-badge .ss-withdrawn').count()).toBe(0);
    await page.close();
  });
});
