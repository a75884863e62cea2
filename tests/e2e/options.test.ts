import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderAbsPage } from '../fixtures/arxivAbs';
import { hiperRecord } from '../fixtures/seedWorld';
import { ours } from './closedUi';
import { launch, type Harness } from './harness';

const PAPER_URL = 'https://arxiv.org/abs/2602.16165v1';
let harness: Harness;

beforeAll(async () => {
  harness = await launch();
  harness.pages.set(PAPER_URL, renderAbsPage(hiperRecord, { requestedVersion: 1 }));
});
afterAll(async () => harness?.close());

async function visit() {
  const page = await harness.context.newPage();
  await page.goto(PAPER_URL);
  await expect.poll(() => ours(page).locator('scholarscope-chip .ss-chip').first().textContent(), { timeout: 10_000 }).toBe('h 5 · 74');
  await page.close();
}

describe('options page in real Chromium', () => {
  it('sends the saved API key as x-api-key, and clearing the cache makes the next visit ask again', async () => {
    await visit();
    expect(harness.apiRequests).toHaveLength(1);
    expect(harness.apiRequests[0]!.headers['x-api-key']).toBeUndefined();

    const options = await harness.openOptions();
    await options.locator('#api-key').fill('TestKey0123456789');
    await options.locator('section[aria-labelledby="api-heading"]').getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => options.getByRole('status').textContent()).toBe('Saved. Semantic Scholar is the primary source; Semantic Scholar requests now use your key.');
    await expect.poll(() => options.locator('.ss-options').textContent()).toContain('Now cached: 1 papers');

    // Cached: no request, key or not.
    await visit();
    expect(harness.apiRequests).toHaveLength(1);

    await options.getByRole('button', { name: 'Clear cache' }).click();
    await expect.poll(() => options.getByRole('status').textContent()).toBe('Cache cleared.');
    expect(await options.locator('.ss-options').textContent()).toContain('Now cached: 0 papers, 0 authors');

    await visit();
    expect(harness.apiRequests).toHaveLength(2);
    expect(harness.apiRequests[1]!.headers['x-api-key']).toBe('TestKey0123456789');

    // A malformed key is refused with a reason and changes nothing.
    await options.locator('#api-key').fill('not a key; x-evil: 1');
    await options.locator('section[aria-labelledby="api-heading"]').getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => options.getByRole('status').textContent()).toBe('A Semantic Scholar API key is letters and digits only');
    await options.reload();
    await expect.poll(() => options.locator('#api-key').inputValue()).toBe('TestKey0123456789');
  });

  it('switching arXiv off leaves its pages alone; exporting all data and importing it back keeps everything', async () => {
    const options = await harness.openOptions();
    const where = options.locator('section[aria-labelledby="where-heading"]');
    await where.getByLabel(/arXiv \(abstracts/).uncheck();
    await where.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => options.getByRole('status').textContent()).toContain('Saved.');
    const page = await harness.context.newPage();
    await page.goto(PAPER_URL);
    await page.waitForTimeout(1500);
    expect(await ours(page).locator('scholarscope-chip, scholarscope-badge, scholarscope-related').count()).toBe(0);
    await where.getByLabel(/arXiv \(abstracts/).check();
    await options.locator('#cache-days').fill('30');
    await where.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => options.getByRole('status').textContent()).toContain('Saved.');
    await page.reload();
    await expect.poll(() => ours(page).locator('scholarscope-chip .ss-chip').first().textContent(), { timeout: 10_000 }).toBe('h 5 · 74');
    await ours(page).locator('scholarscope-badge .ss-save').click();
    await expect.poll(() => ours(page).locator('scholarscope-badge .ss-save').getAttribute('aria-pressed')).toBe('true');

    const download = options.waitForEvent('download');
    await options.getByRole('button', { name: 'Export all data' }).click();
    const file = await (await download).path();
    const data = JSON.parse(readFileSync(file, 'utf8'));
    expect(data.saved.map((paper: { key: string }) => paper.key)).toEqual([hiperRecord.id]);
    expect(data.settings.cacheDays).toBe(30);
    expect(JSON.stringify(data)).not.toContain('TestKey0123456789');

    // A damaged copy changes nothing and says what is wrong; the good one imports.
    await options.locator('section[aria-labelledby="data-heading"] input[type="file"]').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ ...data, follows: 'everyone' })) });
    await expect.poll(() => options.getByRole('status').textContent()).toContain('bad.json was not imported: follows should be a list');
    await options.locator('section[aria-labelledby="data-heading"] input[type="file"]').setInputFiles(file);
    await expect.poll(() => options.getByRole('status').textContent()).toContain('0 papers added, 1 merged');
    await Promise.all([page.close(), options.close()]);
  });

  it('a chosen theme wins over the system: dark on arXiv pages and extension pages under a light system', async () => {
    const options = await harness.openOptions();
    const where = options.locator('section[aria-labelledby="where-heading"]');
    await where.getByLabel('Dark', { exact: true }).check();
    await where.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => options.getByRole('status').textContent()).toContain('Saved.');
    expect(await options.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    const background = (page: import('playwright-core').Page, selector: string) => page.locator(selector).first().evaluate((el) => getComputedStyle(el).backgroundColor);
    const ourBackground = (page: import('playwright-core').Page, selector: string) => ours(page).locator(selector).first().evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(await background(options, 'body')).toBe('rgb(22, 27, 34)');
    const page = await harness.context.newPage();
    await page.goto(PAPER_URL);
    await expect.poll(() => ours(page).locator('scholarscope-chip .ss-chip').first().textContent(), { timeout: 10_000 }).toBe('h 5 · 74');
    expect(await ours(page).locator('scholarscope-chip').first().getAttribute('data-theme')).toBe('dark');
    expect(await ourBackground(page, 'scholarscope-chip .ss-chip')).toBe('rgb(31, 38, 48)'); // --ss-subtle, dark
    await where.getByLabel('As the system says').check();
    await where.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => options.evaluate(() => document.documentElement.dataset.theme ?? 'system')).toBe('system');
    await page.reload();
    await expect.poll(() => ours(page).locator('scholarscope-chip .ss-chip').first().textContent(), { timeout: 10_000 }).toBe('h 5 · 74');
    expect(await ours(page).locator('scholarscope-chip').first().getAttribute('data-theme')).toBeNull();
    expect(await ourBackground(page, 'scholarscope-chip .ss-chip')).toBe('rgb(246, 248, 250)'); // --ss-subtle, light
    await Promise.all([page.close(), options.close()]);
  });
});
