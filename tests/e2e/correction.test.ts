import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderAbsPage } from '../fixtures/arxivAbs';
import { hiperRecord } from '../fixtures/seedWorld';
import { ours } from './closedUi';
import { launch, type Harness } from './harness';

const PAPER_URL = 'https://arxiv.org/abs/2602.16165';
let harness: Harness;

beforeAll(async () => {
  harness = await launch();
  harness.pages.set(PAPER_URL, renderAbsPage(hiperRecord));
});
afterAll(async () => harness?.close());

describe('correcting who an author is, in real Chromium', () => {
  it('from the hover card: the chips change at once, and after a reload, and the popup agrees', async () => {
    const page = await harness.context.newPage();
    await page.goto(PAPER_URL);
    const firstChip = ours(page).locator('div.authors > scholarscope-chip .ss-chip').first();
    await expect.poll(() => firstChip.textContent(), { timeout: 10_000 }).toBe('h 5 · 74');

    // Keyboard: Tab to the chip, Enter into the card, then "Not this person?".
    await page.locator('div.authors > a').first().focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    const card = ours(page).locator('scholarscope-card .ss-popover');
    await card.locator('.ss-pub').first().waitFor({ timeout: 10_000 });
    await card.getByRole('button', { name: 'Not this person?' }).click();
    const choice = card.getByRole('button', { name: 'This is Zhaoran Wang (9200001)' });
    await choice.waitFor({ timeout: 10_000 });
    // The profile shown now is not offered again: the namesake and the two other profiles of tests/fixtures/personWorld.ts.
    expect(await card.locator('.ss-candidate').count()).toBe(3);
    await choice.click();
    await expect.poll(() => card.locator('.ss-metric dd').allTextContents(), { timeout: 10_000 }).toEqual(['340', '7', '12']);
    expect(await card.locator('.ss-source').textContent()).toContain('the profile you chose');
    expect(await firstChip.textContent()).toBe('h 7 · 340');

    await page.reload();
    await expect.poll(() => ours(page).locator('div.authors > scholarscope-chip .ss-chip').first().textContent(), { timeout: 10_000 }).toBe('h 7 · 340');

    const popup = await harness.openPopup(PAPER_URL);
    await popup.locator('.ss-author-toggle').first().waitFor({ timeout: 10_000 });
    expect(await popup.locator('.ss-author-metrics').first().textContent()).toBe('h 7 · 340');

    // And back, from the popup.
    await popup.locator('.ss-author-toggle').first().click();
    await popup.getByRole('button', { name: 'Not this person?' }).click();
    await popup.getByRole('button', { name: 'This is Zhaoran Wang (9000001)' }).click();
    await expect.poll(() => popup.locator('.ss-author-metrics').first().textContent(), { timeout: 10_000 }).toBe('h 5 · 74');
    await popup.close();
    await page.reload();
    await expect.poll(() => ours(page).locator('div.authors > scholarscope-chip .ss-chip').first().textContent(), { timeout: 10_000 }).toBe('h 5 · 74');
    await page.close();
  });
});
