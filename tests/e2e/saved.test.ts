import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { loadAbsRecord, renderAbsPage } from '../fixtures/arxivAbs';
import { renderListingPage } from '../fixtures/arxivPages';
import { registerPapers } from '../fixtures/recordedPapers';
import { hiperRecord } from '../fixtures/seedWorld';
import { ours } from './closedUi';
import { launch, type Harness } from './harness';

const PAPER_URL = 'https://arxiv.org/abs/2602.16165';
const LISTING_URL = 'https://arxiv.org/list/cs/new';
const FIVE = ['1810.04805', '0704.0105', '0704.0833', '1501.00001', '2004.05256'].map(loadAbsRecord);
// Not saved by the earlier tests, so each tab's click saves.
const TABS = ['0704.0833', '1501.00001', '2004.05256', 'math_0202001', '1605.09669'].map(loadAbsRecord);
const SHORTCUT = loadAbsRecord('0704.0044');
let harness: Harness;

beforeAll(async () => {
  harness = await launch();
  registerPapers([...FIVE, ...TABS, SHORTCUT]);
  harness.pages.set(PAPER_URL, renderAbsPage(hiperRecord));
  harness.pages.set(LISTING_URL, renderListingPage('cs', 'Computer Science', [{ heading: 'New submissions', records: FIVE.slice(0, 3) }]));
  for (const record of [...FIVE, ...TABS, SHORTCUT]) harness.pages.set(`https://arxiv.org/abs/${record.id}`, renderAbsPage(record));
});
afterAll(async () => harness?.close());

const saveButton = (page: Page) => ours(page).locator('scholarscope-badge .ss-save');

async function openLibrary(): Promise<Page> {
  const library = await harness.context.newPage();
  await library.goto(`chrome-extension://${harness.extensionId}/library.html`);
  return library;
}

describe('saved papers in real Chromium', () => {
  it('saves from an abstract page and from a listing entry; the popup and the library show it', async () => {
    const abs = await harness.context.newPage();
    await abs.goto(PAPER_URL);
    await expect.poll(() => saveButton(abs).textContent(), { timeout: 10_000 }).toBe('☆ Save');
    await saveButton(abs).click();
    await expect.poll(() => saveButton(abs).getAttribute('aria-pressed')).toBe('true');
    expect(await saveButton(abs).textContent()).toBe('★ Saved');
    // The toggle sits inside arXiv's title heading, so no line is added.
    expect(await ours(abs).locator('h1.title scholarscope-badge').count()).toBe(1);

    const popup = await harness.openPopup(PAPER_URL);
    await expect.poll(() => popup.locator('.ss-save').getAttribute('aria-pressed'), { timeout: 10_000 }).toBe('true');
    await popup.close();

    const listing = await harness.context.newPage();
    await listing.goto(LISTING_URL);
    await expect.poll(() => saveButton(listing).count(), { timeout: 10_000 }).toBe(3);
    await saveButton(listing).nth(1).click();
    await expect.poll(() => saveButton(listing).nth(1).getAttribute('aria-pressed')).toBe('true');

    const library = await openLibrary();
    await expect.poll(() => library.locator('.ss-saved-title').allTextContents(), { timeout: 10_000 }).toEqual([FIVE[1]!.title, hiperRecord.title]);
    await abs.close();
    await listing.close();
    await library.close();
  });

  it('tags, annotates, filters, exports and imports again', async () => {
    const library = await openLibrary();
    await library.locator('.ss-saved-item').first().waitFor({ timeout: 10_000 });
    const hiper = library.locator('.ss-saved-item', { hasText: 'HiPER' });
    await hiper.locator('.ss-tags-input').fill('rl, agents');
    await hiper.locator('.ss-tags-input').press('Tab');
    await hiper.locator('textarea').fill('Read the HAE section; "Bal\\u00e1zs" & 100% {braces}');
    await hiper.locator('textarea').press('Tab');
    await hiper.locator('select').selectOption('reading');
    await expect.poll(() => library.locator('select[aria-label], .ss-library-controls select').first().locator('option').allTextContents()).toContain('rl');
    await library.locator('.ss-library-controls select').first().selectOption('rl');
    await expect.poll(() => library.locator('.ss-saved-title').allTextContents()).toEqual([hiperRecord.title]);
    await library.locator('.ss-library-controls select').first().selectOption('');
    await library.getByRole('searchbox').fill('symplectic RIGID');
    await expect.poll(() => library.locator('.ss-saved-title').allTextContents()).toEqual([FIVE[1]!.title]);
    await library.getByRole('searchbox').fill('');

    const bib = library.waitForEvent('download');
    await library.getByRole('button', { name: 'BibTeX' }).click();
    const bibtex = readFileSync(await (await bib).path(), 'utf8');
    expect(bibtex).toMatch(/@misc\{[a-z]+2026hiper,/);
    expect(bibtex).toMatch(/eprint\s+= \{2602\.16165\}/);
    // The category comes from the page's Subjects line.
    expect(bibtex).toMatch(/primaryClass\s+= \{cs\.LG\}/);

    const json = library.waitForEvent('download');
    await library.getByRole('button', { name: 'JSON (backup)' }).click();
    const backup = await (await json).path();

    // Remove everything, undo once, remove again, then restore from the backup.
    await library.getByLabel(/Select all \d+ matching/).check();
    await library.getByRole('button', { name: 'Remove selected' }).click();
    await expect.poll(() => library.locator('.ss-saved-item').count()).toBe(0);
    await library.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => library.locator('.ss-saved-item').count()).toBe(2);
    await library.getByLabel(/Select all \d+ matching/).check();
    await library.getByRole('button', { name: 'Remove selected' }).click();
    await expect.poll(() => library.locator('.ss-saved-item').count()).toBe(0);

    await library.locator('input[type="file"]').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "scholarscope-saved-papers", "version": 1, "papers": [{"key": "x"}]}') });
    await expect.poll(() => library.getByRole('status').textContent()).toContain('broken.json was not imported: Paper 1');
    expect(await library.locator('.ss-saved-item').count()).toBe(0);

    await library.locator('input[type="file"]').setInputFiles(backup);
    await expect.poll(() => library.locator('.ss-saved-item').count()).toBe(2);
    const restored = library.locator('.ss-saved-item', { hasText: 'HiPER' });
    expect(await restored.locator('.ss-tags-input').inputValue()).toBe('rl, agents');
    expect(await restored.locator('textarea').inputValue()).toBe('Read the HAE section; "Bal\\u00e1zs" & 100% {braces}');
    expect(await restored.locator('select').inputValue()).toBe('reading');
    await library.close();
  });

  it('five tabs saving at once end with all five saved', async () => {
    const tabs = await Promise.all(TABS.map(() => harness.context.newPage()));
    await Promise.all(tabs.map((tab, index) => tab.goto(`https://arxiv.org/abs/${TABS[index]!.id}`)));
    await Promise.all(tabs.map((tab) => expect.poll(() => saveButton(tab).count(), { timeout: 10_000 }).toBe(1)));
    await Promise.all(tabs.map((tab) => saveButton(tab).click()));
    const library = await openLibrary();
    await expect.poll(() => library.locator('.ss-saved-item').count(), { timeout: 10_000 }).toBe(7);
    const titles = await library.locator('.ss-saved-title').allTextContents();
    for (const record of TABS) expect(titles).toContain(record.title);
    await library.close();
    await Promise.all(tabs.map((tab) => tab.close()));
  });

  it('the keyboard shortcut saves the paper in the tab, and the page toggle shows it', async () => {
    const page = await harness.context.newPage();
    await page.goto(`https://arxiv.org/abs/${SHORTCUT.id}`);
    await expect.poll(() => saveButton(page).getAttribute('aria-pressed'), { timeout: 10_000 }).toBe('false');
    // Headless Chromium has no browser window to catch the accelerator, so the test fires the
    // command event the browser fires for Alt+Shift+S, with the tab as the browser passes it.
    const command = await harness.worker.evaluate(`(async () => {
      const shortcut = chrome.runtime.getManifest().commands['save-paper'].suggested_key.default;
      const [tab] = await chrome.tabs.query({ url: 'https://arxiv.org/abs/${SHORTCUT.id}' });
      chrome.commands.onCommand.dispatch('save-paper', tab);
      return shortcut;
    })()`);
    expect(command).toBe('Alt+Shift+S');
    await expect.poll(() => saveButton(page).getAttribute('aria-pressed'), { timeout: 10_000 }).toBe('true');
    const library = await openLibrary();
    await expect.poll(() => library.locator('.ss-saved-title').allTextContents(), { timeout: 10_000 }).toContain(SHORTCUT.title);
    await library.close();
    await page.close();
  });
});
