import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderAbsPage } from '../fixtures/arxivAbs';
import { hiperRecord } from '../fixtures/seedWorld';
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
  await expect.poll(() => page.locator('scholarscope-chip .ss-chip').first().textContent(), { timeout: 10_000 }).toBe('h 5 · 74');
  await page.close();
}

describe('options page in real Chromium', () => {
  it('sends the saved API key as x-api-key, and clearing the cache makes the next visit ask again', async () => {
    await visit();
    expect(harness.apiRequests).toHaveLength(1);
    expect(harness.apiRequests[0]!.headers['x-api-key']).toBeUndefined();

    const options = await harness.openOptions();
    await options.locator('#api-key').fill('TestKey0123456789');
    await options.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => options.getByRole('status').textContent()).toBe('Saved. Requests now use your key.');
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
    await options.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => options.getByRole('status').textContent()).toBe('A Semantic Scholar API key is letters and digits only');
    await options.reload();
    await expect.poll(() => options.locator('#api-key').inputValue()).toBe('TestKey0123456789');
  });
});
