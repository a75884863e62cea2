import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { loadAbsRecord, renderAbsPage } from '../fixtures/arxivAbs';
import { registerPapers } from '../fixtures/recordedPapers';
import { hiperRecord } from '../fixtures/seedWorld';
import { ours } from './closedUi';
import { launch, type Harness } from './harness';

// Each case uses its own paper, so nothing is served from an earlier case's cache.
const CASES = ['1810.04805', '0704.0105', '0704.0833', '1501.00001', '2004.05256', 'math_0202001', '1605.09669', '1611.08171'].map(loadAbsRecord);
const url = (id: string) => `https://arxiv.org/abs/${id}`;
let harness: Harness;

beforeAll(async () => {
  harness = await launch();
  registerPapers(CASES);
  for (const record of [...CASES, hiperRecord]) harness.pages.set(url(record.id), renderAbsPage(record));
});
afterAll(async () => harness?.close());
// Every case starts from a fresh worker: no circuit or in-flight state carries over.
beforeEach(async () => {
  harness.apiOverride = null;
  harness.apiGate = null;
  await harness.stopServiceWorker();
  harness.apiRequests.length = 0;
});

const batches = () => harness.apiRequests.filter((r) => r.url.includes('/paper/batch'));
const chips = (page: Page) => ours(page).locator('div.authors > scholarscope-chip .ss-chip');

async function visit(id: string): Promise<Page> {
  const page = await harness.context.newPage();
  await page.goto(url(id));
  return page;
}

describe('faults in real Chromium', () => {
  it('completes a page whose request was cut off by the service worker stopping', async () => {
    let release: () => void = () => {};
    let arrived: () => void = () => {};
    const firstArrived = new Promise<void>((resolve) => (arrived = resolve));
    harness.apiGate = (request) => {
      if (!request.url.includes('/paper/batch') || batches().length > 1) return Promise.resolve();
      arrived();
      return new Promise<void>((resolve) => (release = resolve));
    };
    const page = await visit(hiperRecord.id);
    await firstArrived;
    await harness.stopServiceWorker();
    release();
    await expect.poll(() => chips(page).first().textContent(), { timeout: 15_000 }).toBe('h 5 · 74');
    expect(batches()).toHaveLength(2);
    await page.close();
  });

  it('waits as a 429 Retry-After asks, then shows the numbers', async () => {
    harness.apiOverride = () => (batches().length === 1 ? { status: 429, body: '{"message":"Too Many Requests"}', headers: { 'retry-after': '1' } } : null);
    const page = await visit(CASES[0]!.id);
    await expect.poll(() => chips(page).first().textContent(), { timeout: 15_000 }).toMatch(/^h \d/);
    expect(batches()).toHaveLength(2);
    await page.close();
  });

  it('gives up after three tries on a 503 and says so on every chip', async () => {
    harness.apiOverride = () => ({ status: 503, body: '<html>Service Unavailable</html>' });
    const page = await visit(CASES[1]!.id);
    await expect.poll(() => chips(page).first().textContent(), { timeout: 20_000 }).toBe('!');
    expect(await chips(page).first().getAttribute('aria-label')).toMatch(/answered 503\. Try again$/);
    expect(batches()).toHaveLength(3);
    // The source is back; the reader tries again from the chip.
    harness.apiOverride = null;
    await chips(page).first().click();
    await expect.poll(() => chips(page).first().textContent(), { timeout: 15_000 }).toMatch(/^h \d/);
    expect(batches()).toHaveLength(4);
    await page.close();
  });

  it('does not retry an answer that is not JSON', async () => {
    harness.apiOverride = () => ({ status: 200, body: '<html>Please verify you are human</html>' });
    const page = await visit(CASES[2]!.id);
    await expect.poll(() => chips(page).first().getAttribute('aria-label'), { timeout: 15_000 }).toContain('not JSON');
    expect(batches()).toHaveLength(1);
    await page.close();
  });

  it('reports a network failure after a bounded number of tries', async () => {
    harness.apiOverride = () => ({ status: 0, body: '' });
    const page = await visit(CASES[3]!.id);
    await expect.poll(() => chips(page).first().getAttribute('aria-label'), { timeout: 20_000 }).toContain('Could not reach');
    expect(batches()).toHaveLength(3);
    await page.close();
  });

  it('keeps the cache intact: a paper seen before still shows while the source is down', async () => {
    const good = await visit(CASES[4]!.id);
    await expect.poll(() => chips(good).first().textContent(), { timeout: 15_000 }).toMatch(/^h \d/);
    const numbers = await chips(good).allTextContents();
    await good.close();
    harness.apiRequests.length = 0;
    harness.apiOverride = () => ({ status: 503, body: '' });
    const again = await visit(CASES[4]!.id);
    await expect.poll(() => chips(again).allTextContents(), { timeout: 15_000 }).toEqual(numbers);
    expect(harness.apiRequests).toEqual([]);
    await again.close();
  });

  it('stops asking a host that keeps failing, and says when it will ask again', async () => {
    harness.apiOverride = () => ({ status: 503, body: '' });
    for (const record of CASES.slice(5, 7)) {
      const page = await visit(record.id);
      await expect.poll(() => chips(page).first().textContent(), { timeout: 20_000 }).toBe('!');
      await page.close();
    }
    // Five failed attempts open the circuit: the second page got two tries, not three.
    expect(batches()).toHaveLength(5);
    const page = await visit(CASES[7]!.id);
    await expect.poll(() => chips(page).first().getAttribute('aria-label'), { timeout: 15_000 }).toMatch(/keeps failing; ScholarScope will ask again in \d+ s/);
    expect(batches()).toHaveLength(5);
    await page.close();
  });
});
