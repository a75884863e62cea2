import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderAbsPage } from '../fixtures/arxivAbs';
import { recordedAnswer } from '../fixtures/recordedApi';
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

describe('stale while revalidate, in real Chromium', () => {
  it('shows cached numbers at once, refreshes them in the background, and updates the page', async () => {
    const first = await harness.context.newPage();
    await first.goto(PAPER_URL);
    const chip = (page: typeof first) => ours(page).locator('div.authors > scholarscope-chip .ss-chip').first();
    await expect.poll(() => chip(first).textContent(), { timeout: 10_000 }).toBe('h 5 · 74');
    await first.close();

    // Eight days pass for the cached paper (its lifetime is seven).
    await harness.worker.evaluate(async (key) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('scholarscope');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      await new Promise<void>((resolve, reject) => {
        const store = db.transaction('papers', 'readwrite').objectStore('papers');
        const get = store.get(key);
        get.onsuccess = () => {
          const put = store.put({ ...get.result, fetchedAt: Date.now() - 8 * 86_400_000 });
          put.onsuccess = () => resolve();
          put.onerror = () => reject(put.error);
        };
      });
      db.close();
    }, '2602.16165');

    // Meanwhile Semantic Scholar's numbers changed; hold its answer until the stale ones are seen.
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    harness.apiRequests.length = 0;
    harness.apiGate = () => held;
    harness.apiOverride = (request) => {
      const answer = recordedAnswer(request.method, request.url, JSON.stringify({ ids: ['arXiv:2602.16165'] }))!;
      const body = JSON.parse(answer.body) as { authors: { hIndex: number; citationCount: number }[] }[];
      body[0]!.authors[0]!.hIndex = 6;
      body[0]!.authors[0]!.citationCount = 80;
      return { status: 200, body: JSON.stringify(body), headers: { 'content-type': 'application/json' } };
    };

    const page = await harness.context.newPage();
    await page.goto(PAPER_URL);
    await expect.poll(() => chip(page).textContent(), { timeout: 10_000 }).toBe('h 5 · 74');
    await expect.poll(() => harness.apiRequests.length, { timeout: 10_000 }).toBe(1);
    release();
    await expect.poll(() => chip(page).textContent(), { timeout: 10_000 }).toBe('h 6 · 80');
    expect(await ours(page).locator('div.authors > scholarscope-chip').count()).toBe(hiperRecord.authors.length);
    harness.apiGate = null;
    harness.apiOverride = null;
    await page.close();
  });
});
