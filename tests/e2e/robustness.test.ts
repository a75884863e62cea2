// What an independent tester found on the build before these fixes, each in real Chromium: a
// library too big to restore its own backup, one bad value breaking a whole listing, absurd numbers
// breaking the layout, and a chip stuck on "…" after a long Retry-After.

import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAbsRecord, renderAbsPage } from '../fixtures/arxivAbs';
import { listedAuthors, renderListingPage } from '../fixtures/arxivPages';
import { recordedAnswer } from '../fixtures/recordedApi';
import { registerPapers } from '../fixtures/recordedPapers';
import { hiperRecord, SEED_AUTHOR_ID } from '../fixtures/seedWorld';
import { ours } from './closedUi';
import { launch, type ApiRequest, type Harness } from './harness';

const LISTING_URL = 'https://arxiv.org/list/cs/pastweek';
const LISTING = [hiperRecord, loadAbsRecord('0704.0833'), loadAbsRecord('1605.09669')];
const WAITING = loadAbsRecord('1611.08171');
let harness: Harness;

beforeAll(async () => {
  harness = await launch();
  registerPapers([...LISTING, WAITING]);
  harness.pages.set(LISTING_URL, renderListingPage('cs', 'Computer Science', [{ heading: 'New submissions', records: LISTING }]));
  harness.pages.set(`https://arxiv.org/abs/${hiperRecord.id}`, renderAbsPage(hiperRecord));
  harness.pages.set(`https://arxiv.org/abs/${WAITING.id}`, renderAbsPage(WAITING));
});
afterAll(async () => harness?.close());

/** The recorded answer to a request, changed by `edit`. */
function edited(request: ApiRequest, edit: (body: unknown) => void) {
  const answer = recordedAnswer(request.method, request.url, request.body ?? null)!;
  const body = JSON.parse(answer.body) as unknown;
  edit(body);
  return { status: answer.status, body: JSON.stringify(body), headers: { 'content-type': 'application/json' } };
}

const batches = () => harness.apiRequests.filter((r) => r.url.includes('/paper/batch'));

/** Empties the cache stores, as the settings' Clear cache does. */
async function clearCache() {
  const options = await harness.openOptions();
  await options.evaluate(() => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage({ type: 'clearCache' }));
  await options.close();
}

describe('one bad value costs that value only', () => {
  it('an author id with a lone surrogate in one paper of a listing: that author loses its chip, nothing else does', async () => {
    harness.apiOverride = (request) =>
      request.url.includes('/paper/batch')
        ? edited(request, (body) => {
            const second = (body as { externalIds: { ArXiv: string }; authors: { authorId: string }[] }[]).find((paper) => paper?.externalIds?.ArXiv === LISTING[1]!.id)!;
            second.authors[0]!.authorId = '99\uDC00';
          })
        : null;
    const page = await harness.context.newPage();
    await page.goto(LISTING_URL);
    const expected = LISTING.reduce((sum, record) => sum + listedAuthors(record).length, 0) - 1;
    await expect.poll(() => ours(page).locator('scholarscope-chip').count(), { timeout: 15_000 }).toBe(expected);
    expect(await ours(page).locator('scholarscope-badge .ss-badge-error').count()).toBe(0);
    expect(await ours(page).locator('scholarscope-badge .ss-badge').count()).toBe(LISTING.length);
    // The damaged author's name has no chip; the next author on that paper has one.
    const secondEntry = page.locator('dl#articles > dd').nth(1);
    const names = secondEntry.locator('.list-authors a');
    expect(await names.nth(0).evaluate((a) => a.nextElementSibling?.tagName ?? null)).not.toBe('SCHOLARSCOPE-CHIP');
    expect(await names.nth(1).evaluate((a) => a.nextElementSibling?.tagName ?? null)).toBe('SCHOLARSCOPE-CHIP');
    harness.apiOverride = null;
    await page.close();
  });

  it('an author with h-index 1e308, 1e15 citations and a 100,000-character affiliation: the chip and the card keep their layout', async () => {
    await clearCache(); // the seed paper was cached by the listing above
    harness.apiOverride = (request) => {
      const absurd = { hIndex: 1e308, citationCount: 1e15, paperCount: 2 ** 60, affiliations: ['Institute of '.repeat(8000)] };
      if (request.url.includes('/paper/batch')) return edited(request, (body) => Object.assign((body as { authors: Record<string, unknown>[] }[])[0]!.authors[0]!, absurd));
      if (request.url.includes(`/author/${SEED_AUTHOR_ID}?`)) return edited(request, (body) => Object.assign(body as object, absurd));
      return null;
    };
    const page = await harness.context.newPage();
    await page.goto(`https://arxiv.org/abs/${hiperRecord.id}`);
    const chip = ours(page).locator('div.authors > scholarscope-chip').first();
    await expect.poll(() => chip.locator('.ss-chip').textContent(), { timeout: 15_000 }).toBe('h – · –');
    expect((await chip.boundingBox())!.width).toBeLessThan(120);
    await chip.locator('.ss-chip').click();
    const card = ours(page).locator('scholarscope-card .ss-card');
    await expect.poll(() => card.locator('.ss-metric dd').allTextContents(), { timeout: 15_000 }).toEqual(['–', '–', '–']);
    const cardBox = (await card.boundingBox())!;
    expect(cardBox.width).toBeLessThanOrEqual(440);
    for (const metric of await card.locator('.ss-metric').all()) {
      const box = (await metric.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(cardBox.x + cardBox.width + 1);
    }
    expect((await card.locator('.ss-affiliation').textContent())!.length).toBeLessThanOrEqual(300);
    harness.apiOverride = null;
    await page.close();
  });
});

describe('a long Retry-After', () => {
  it('says until when the source asked us to wait, sends nothing until then, and asks again on a page opened after it', async () => {
    const waitSeconds = 14;
    harness.apiRequests.length = 0;
    harness.apiOverride = (request) => {
      if (request.url.includes('/paper/batch')) return { status: 429, body: '{"message":"Too Many Requests"}', headers: { 'retry-after': String(waitSeconds) } };
      // The other sources do not know the paper either, so the chips say what Semantic Scholar said.
      if (!request.url.startsWith('https://api.semanticscholar.org/')) return { status: 404, body: '{}' };
      return null;
    };
    const started = Date.now();
    const page = await harness.context.newPage();
    await page.goto(`https://arxiv.org/abs/${WAITING.id}`);
    const chip = ours(page).locator('div.authors > scholarscope-chip .ss-chip').first();
    await expect.poll(() => chip.textContent(), { timeout: 10_000 }).toBe('!');
    // The 429 came before the chip said so: the wait ends at most this long after now.
    const waitEnds = Date.now() + waitSeconds * 1000;
    expect(await chip.getAttribute('aria-label')).toMatch(/api\.semanticscholar\.org asked ScholarScope to wait until \d{1,2}:\d{2}.*; it will ask again then/);
    expect(batches()).toHaveLength(1); // no retries slept through: the chip answered at once
    expect(Date.now() - started).toBeLessThan(waitSeconds * 1000);
    // Another page within the wait: nothing is sent, the chip says the same.
    await page.reload();
    await expect.poll(() => chip.getAttribute('aria-label'), { timeout: 10_000 }).toMatch(/wait until/);
    expect(batches()).toHaveLength(1);
    // The source recovered; a page opened after the wait asks again and shows the numbers.
    harness.apiOverride = null;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, waitEnds + 500 - Date.now())));
    await page.reload();
    await expect.poll(() => chip.textContent(), { timeout: 15_000 }).toMatch(/^h \d/);
    expect(batches()).toHaveLength(2);
    await page.close();
  });
});

describe('a library over 20,000 papers', () => {
  it('exports 20,011 papers as JSON and a fresh browser imports all of them', { timeout: 240_000 }, async () => {
    const total = 20_011;
    // Filled straight into the extension's database: 20,011 saved papers with 1 kB abstracts.
    await harness.worker.evaluate(async (count) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('scholarscope');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const tx = db.transaction('saved', 'readwrite');
      for (let i = 0; i < count; i++) {
        const id = `${String(2001 + Math.floor(i / 9000)).slice(2)}${String(1 + (Math.floor(i / 900) % 10)).padStart(2, '0')}.${String(10000 + (i % 900) + 900 * Math.floor(i / 9000)).slice(-5)}`;
        tx.objectStore('saved').put({ key: `doi:10.5555/paper.${i}`, arxivId: null, version: null, title: `Paper ${i} ${id}`, authors: [`Author ${i % 97}`, 'Second Author'], abstract: 'x'.repeat(1000), publicationDate: '2024-01-01', year: 2024, primaryCategory: null, doi: `10.5555/paper.${i}`, citationCount: i % 50, savedAt: 1_700_000_000_000 + i, tags: i % 3 === 0 ? ['three'] : [], note: '', status: 'to-read' });
      }
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    }, total);
    const library = await harness.context.newPage();
    await library.goto(`chrome-extension://${harness.extensionId}/library.html`);
    await library.locator('.ss-saved-item').first().waitFor({ timeout: 60_000 });
    const download = library.waitForEvent('download', { timeout: 120_000 });
    await library.getByRole('button', { name: 'JSON (backup)' }).click();
    const file = await (await download).path();
    expect((JSON.parse(readFileSync(file, 'utf8')) as { papers: unknown[] }).papers).toHaveLength(total);
    await library.close();

    const fresh = await launch();
    try {
      const page = await fresh.context.newPage();
      await page.goto(`chrome-extension://${fresh.extensionId}/library.html`);
      await page.locator('input[type="file"]').setInputFiles(file);
      await expect.poll(() => ours(page).getByRole('status').textContent(), { timeout: 180_000 }).toMatch(/Imported .*: 20011 added, 0 merged/);
      expect(await fresh.worker.evaluate(() => new Promise<number>((resolve) => {
        const open = indexedDB.open('scholarscope');
        open.onsuccess = () => {
          const request = open.result.transaction('saved').objectStore('saved').count();
          request.onsuccess = () => resolve(request.result);
        };
      }))).toBe(total);
      await page.close();
    } finally {
      await fresh.close();
    }
  });
});
