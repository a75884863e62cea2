// One person, whole record, in real Chromium: the seed's card offers the other profiles of the
// fixture world with their shared coauthors; merging changes the chips and the compare column;
// dropping the ophthalmology paper changes the numbers; unmerge restores everything.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderAbsPage } from '../fixtures/arxivAbs';
import { EXPECTED_SELF, mergedPaperCitations } from '../fixtures/personWorld';
import { hiperRecord, seed } from '../fixtures/seedWorld';
import { ours } from './closedUi';
import { launch, type Harness } from './harness';

const PAPER_URL = 'https://arxiv.org/abs/2602.16165';
const SEED_CHIP = `h ${seed.author.hIndex} · ${seed.author.totalCitations}`;
let harness: Harness;

beforeAll(async () => {
  harness = await launch();
  harness.pages.set(PAPER_URL, renderAbsPage(hiperRecord));
});
afterAll(async () => harness?.close());

const citations = mergedPaperCitations(seed.publications.map((publication) => publication.citations));
const total = citations.reduce((sum, count) => sum + count, 0);

describe('one person from several profiles, in real Chromium', () => {
  it('offers the other profiles with their evidence, merges them, drops a paper, and unmerges', async () => {
    const page = await harness.context.newPage();
    await page.goto(PAPER_URL);
    const firstChip = ours(page).locator('div.authors > scholarscope-chip .ss-chip').first();
    await expect.poll(() => firstChip.textContent(), { timeout: 10_000 }).toBe(SEED_CHIP);

    // Keyboard into the card; the quiet line says two other profiles look like this person.
    await page.locator('div.authors > a').first().focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    const card = ours(page).locator('scholarscope-card .ss-popover');
    const line = card.locator('.ss-other-profiles');
    await expect.poll(() => line.textContent(), { timeout: 10_000 }).toBe('2 other profiles look like this person');
    const searches = harness.apiRequests.filter((request) => request.url.includes('/author/search')).length;
    expect(searches).toBe(1);
    await line.click();
    const candidates = card.locator('.ss-person ol > li');
    await expect.poll(() => candidates.count()).toBe(3);
    // Both share three coauthors; 9300002's years also overlap the seed's.
    expect(await candidates.nth(0).textContent()).toMatch(/Shared coauthors: .*Asli Celikyilmaz.*Papers 2024–2026 \(overlapping years\)/);
    expect(await candidates.nth(1).textContent()).toMatch(/Shared coauthors: .*Jian Peng/);
    expect(await candidates.nth(2).textContent()).toContain('Shares only the name: not suggested');

    // Merge both suggested profiles, one after the other.
    await card.getByRole('button', { name: 'Merge Z. Wang (9300001) into this person' }).click();
    await expect.poll(() => card.locator('.ss-person-merged .ss-section-title').textContent(), { timeout: 10_000 }).toBe('One person from 2 profiles');
    await card.locator('.ss-other-profiles').click();
    await card.getByRole('button', { name: 'Merge Zhaoran Wang (9300002) into this person' }).click();
    await expect.poll(() => card.locator('.ss-person-merged .ss-section-title').textContent(), { timeout: 10_000 }).toBe('One person from 3 profiles');
    await expect.poll(() => card.locator('.ss-metric dd').allTextContents()).toEqual([String(total), '3', String(citations.length)]);
    expect(await card.locator('.ss-person-merged li').first().textContent()).toContain(`reports ${seed.author.totalCitations} citations`);
    expect(await card.locator('.ss-pub').count()).toBe(citations.length);

    // The chips on the page show the person at once, and after a reload.
    await expect.poll(() => firstChip.textContent(), { timeout: 10_000 }).toBe(`h 3 · ${total}`);
    await page.reload();
    await expect.poll(() => ours(page).locator('div.authors > scholarscope-chip .ss-chip').first().textContent(), { timeout: 10_000 }).toBe(`h 3 · ${total}`);

    // Not by this person: the ophthalmology paper, from the popup's card.
    const popup = await harness.openPopup(PAPER_URL);
    await popup.locator('.ss-author-toggle').first().click();
    const clinical = seed.publications[1]!.title;
    await popup.getByRole('button', { name: `Not by this person: ${clinical}` }).click();
    await expect.poll(() => popup.locator('.ss-metric dd').allTextContents(), { timeout: 10_000 }).toEqual([String(total), '3', String(citations.length - 1)]);
    expect(await popup.locator('.ss-person details summary').textContent()).toBe('Dropped as not by this person (1)');
    expect(await popup.locator('.ss-pub-title').allTextContents()).not.toContain(clinical);

    // Compare shows the person, saying which numbers are merged.
    const view = await harness.context.newPage();
    await popup.locator('.ss-author-panel .ss-compare:not(.ss-follow)').first().click();
    await view.goto(`chrome-extension://${harness.extensionId}/library.html#compare`);
    await expect.poll(() => view.locator('.ss-compare-person').first().textContent(), { timeout: 15_000 }).toContain('One person: 3 profiles merged, 1 paper dropped');
    // The column offers what other profiles are left: only the namesake, sharing nothing but the name.
    await expect.poll(() => view.locator('.ss-compare-author .ss-other-profiles').first().textContent(), { timeout: 15_000 }).toBe('1 other profile shares only the name');

    // Unmerge: the seed's own numbers everywhere again.
    await popup.getByRole('button', { name: 'Unmerge these profiles' }).click();
    await expect.poll(() => popup.locator('.ss-metric dd').allTextContents(), { timeout: 10_000 }).toEqual([String(seed.author.totalCitations), String(seed.author.hIndex), String(seed.author.papers)]);
    await view.reload();
    await expect.poll(() => view.locator('.ss-compare-person').count(), { timeout: 15_000 }).toBe(0);
    await page.reload();
    await expect.poll(() => ours(page).locator('div.authors > scholarscope-chip .ss-chip').first().textContent(), { timeout: 10_000 }).toBe(SEED_CHIP);
    await Promise.all([popup.close(), view.close(), page.close()]);
  }, 90_000);

  it('counts self-citations of the merged person with progress, through a worker restart, in the popup and compare', async () => {
    const page = await harness.context.newPage();
    await page.goto(PAPER_URL);
    const popup = await harness.openPopup(PAPER_URL);
    await popup.locator('.ss-author-toggle').first().click();
    for (const [name, id, count] of [['Z. Wang', '9300001', 2], ['Zhaoran Wang', '9300002', 3]] as const) {
      await popup.locator('.ss-other-profiles').click();
      await popup.getByRole('button', { name: `Merge ${name} (${id}) into this person` }).click();
      await expect.poll(() => popup.locator('.ss-person-merged .ss-section-title').textContent(), { timeout: 10_000 }).toBe(`One person from ${count} profiles`);
    }

    // Hold the citing papers' answer, so the count is seen in progress, then stop the worker under it.
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    harness.apiGate = (request) => (request.url.includes('citations.authors') ? held : Promise.resolve());
    await popup.getByRole('button', { name: /^Count self-citations/ }).click();
    await expect.poll(() => popup.locator('.ss-self [role="status"]').textContent(), { timeout: 10_000 }).toBe('Counting self-citations: 0 of 3 papers checked ');
    expect(await popup.locator('.ss-self progress').getAttribute('max')).toBe('3');
    await harness.stopServiceWorker();
    harness.apiGate = null;
    release();
    // The popup's polling wakes a new worker, which goes on from the stored state.
    await expect.poll(() => popup.locator('.ss-self-figures').textContent(), { timeout: 20_000 }).toBe(
      `Without self-citations: h-index ${EXPECTED_SELF.merged.hIndexWithout} (with: 3), ${EXPECTED_SELF.merged.citationsWithout} citations (with: ${total}). Self-citations: ${EXPECTED_SELF.merged.selfCitations} of ${total} citing papers listed (32%), on the 3 most cited of 3 cited papers.`,
    );

    // The compare row shows the same count (the author is in the tray since the test before, or now).
    const toggle = popup.locator('.ss-author-panel .ss-compare:not(.ss-follow)').first();
    if ((await toggle.getAttribute('aria-pressed')) !== 'true') await toggle.click();
    const view = await harness.context.newPage();
    await view.goto(`chrome-extension://${harness.extensionId}/library.html#compare`);
    await expect.poll(() => view.locator('tr[data-metric="self-citations"] td').first().textContent(), { timeout: 15_000 }).toBe(`h ${EXPECTED_SELF.merged.hIndexWithout} · ${EXPECTED_SELF.merged.citationsWithout} citations (32% self)`);

    await popup.getByRole('button', { name: 'Unmerge these profiles' }).click();
    await expect.poll(() => popup.locator('.ss-person-merged').count(), { timeout: 10_000 }).toBe(0);
    await Promise.all([popup.close(), view.close(), page.close()]);
  }, 90_000);
});
