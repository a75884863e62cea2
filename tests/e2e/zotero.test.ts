// Zotero in real Chromium, against a Zotero desktop app that answers as zotero/zotero's own tests say
// it does (fixtures/zoteroWorld.ts, holding Zotero's own arXiv items): turned on in the settings with
// the browser's prompt, its state shown, the papers it holds marked on an arXiv page without a
// request per page, and a saved paper sent to it from the library.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAbsRecord } from '../fixtures/arxivAbs';
import { renderSearchPage } from '../fixtures/arxivPages';
import { registerPapers } from '../fixtures/recordedPapers';
import { toJson } from '../../lib/core/saved/exporters';
import type { SavedPaper } from '../../lib/core/saved/model';
import { ours } from './closedUi';
import { acceptPermissionPrompt, launch, type Harness, type PromptState } from './harness';

const SEARCH_URL = 'https://arxiv.org/search/?query=Devlin&searchtype=author';
// BERT is in the Zotero library (the translator's 1810.04805 items, v1 and v2); the others are not.
const RECORDS = [loadAbsRecord('1810.04805'), loadAbsRecord('1411.4413'), loadAbsRecord('0704.0833')];
let harness: Harness;

beforeAll(async () => {
  harness = await launch({ headless: false });
  registerPapers(RECORDS);
  harness.pages.set(SEARCH_URL, renderSearchPage('Devlin', RECORDS));
});
afterAll(async () => harness?.close());

describe('Zotero in real Chromium', () => {
  it('is off until turned on; then says what it found, marks what the library holds, and takes a paper sent to it', async () => {
    // Off: a page asks Zotero nothing.
    const before = await harness.context.newPage();
    await before.goto(SEARCH_URL);
    await expect.poll(() => ours(before).locator('scholarscope-badge').count(), { timeout: 10_000 }).toBe(3);
    await before.close();
    expect(harness.zoteroRequests).toEqual([]);

    const options = await harness.openOptions();
    const toggle = options.getByRole('checkbox', { name: /Use Zotero/ });
    await acceptPermissionPrompt(
      () => toggle.click(),
      async () => ((await options.evaluate(() => chrome.permissions.contains({ origins: ['http://127.0.0.1:23119/*'] }))) ? 'granted' : 'pending') as PromptState,
    );
    const section = options.locator('section[aria-labelledby="zotero-heading"]');
    await expect.poll(() => section.locator('dl').textContent(), { timeout: 10_000 }).toMatch(/running \(version 9\.0\.6\).*Local APIon.*New papers go toMy Library › Reading.*Papers known9 items/);
    expect(harness.zotero.dropped).toBe(0);
    await options.close();

    // Marked from the index: the page's visit asks Zotero nothing.
    const asked = harness.zoteroRequests.length;
    const page = await harness.context.newPage();
    await page.goto(SEARCH_URL);
    const marks = ours(page).locator('scholarscope-badge .ss-zotero');
    await expect.poll(() => marks.count(), { timeout: 10_000 }).toBe(1);
    expect(await marks.getAttribute('aria-label')).toBe('In your Zotero library');
    expect(await ours(page).locator('scholarscope-badge').nth(0).locator('.ss-zotero').count()).toBe(1);
    expect(harness.zoteroRequests.length).toBe(asked);
    // One click sends a paper the library does not hold; it is marked at once.
    await ours(page).locator('scholarscope-badge').nth(2).locator('.ss-zotero-send').click();
    await expect.poll(() => marks.count(), { timeout: 10_000 }).toBe(2);
    await expect.poll(() => harness.zotero.saved.length, { timeout: 10_000 }).toBe(1);
    expect(harness.zotero.saved[0]!.items[0]).toMatchObject({ title: RECORDS[2]!.title, url: `http://arxiv.org/abs/${RECORDS[2]!.id}` });
    await page.close();

    // Sent from the library: Zotero gets the paper as its arXiv translator would save it, and the row is marked.
    const library = await harness.context.newPage();
    await library.goto(`chrome-extension://${harness.extensionId}/library.html`);
    const attention: SavedPaper = { key: '1411.4413', arxivId: '1411.4413', version: 1, title: RECORDS[1]!.title, authors: ['A. Author'], abstract: null, publicationDate: null, year: 2014, primaryCategory: 'cs.LG', doi: null, citationCount: null, savedAt: 1, tags: [], note: '', status: 'to-read' };
    await library.locator('input[type="file"]').setInputFiles({ name: 'papers.json', mimeType: 'application/json', buffer: Buffer.from(toJson([attention])) });
    await expect.poll(() => library.locator('.ss-saved-item').count(), { timeout: 10_000 }).toBe(1);
    expect(await library.locator('.ss-saved-item .ss-zotero').count()).toBe(0);
    await library.getByRole('checkbox', { name: `Select ${attention.title}` }).check();
    await library.getByRole('button', { name: 'Send selected to Zotero' }).click();
    await expect.poll(() => library.getByRole('status').textContent(), { timeout: 10_000 }).toBe('Sent 1 paper to Zotero.');
    expect(harness.zotero.saved).toHaveLength(2);
    expect(harness.zotero.saved[1]!.items[0]).toMatchObject({ itemType: 'preprint', title: attention.title, DOI: '10.48550/arXiv.1411.4413', archiveID: 'arXiv:1411.4413', repository: 'arXiv', extra: 'arXiv:1411.4413 [cs.LG]' });
    await expect.poll(() => library.locator('.ss-saved-item .ss-zotero').count(), { timeout: 10_000 }).toBe(1);
    await library.close();
  }, 90_000);
});

declare const chrome: { permissions: { contains(permissions: { origins: string[] }): Promise<boolean> } };
