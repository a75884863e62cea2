import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { loadAbsRecord, renderAbsPage } from '../fixtures/arxivAbs';
import { hiperRecord, seed } from '../fixtures/seedWorld';
import { ours } from './closedUi';
import { launch, type Harness } from './harness';

const PAPER_URL = 'https://arxiv.org/abs/2602.16165';
const UNKNOWN_URL = 'https://arxiv.org/abs/hep-th/9108002';

let harness: Harness;

beforeAll(async () => {
  harness = await launch();
  harness.pages.set(PAPER_URL, renderAbsPage(hiperRecord));
  harness.pages.set(UNKNOWN_URL, renderAbsPage(loadAbsRecord('hep-th_9108002')));
});
afterAll(async () => harness?.close());

async function chipTexts(page: Page): Promise<string[]> {
  return ours(page).locator('scholarscope-chip .ss-chip').allTextContents();
}

async function waitForChips(page: Page, count: number) {
  await expect.poll(async () => (await chipTexts(page)).filter((text) => text.startsWith('h ')).length, { timeout: 10_000 }).toBe(count);
}

async function seedCardFacts(popup: Page) {
  const card = popup.locator('.ss-author-panel .ss-card').first();
  await card.locator('.ss-pub').first().waitFor({ timeout: 10_000 });
  return {
    name: await card.locator('.ss-name').textContent(),
    avatar: await card.locator('.ss-avatar').textContent(),
    labels: await card.locator('.ss-metric dt').allTextContents(),
    metrics: await card.locator('.ss-metric dd').allTextContents(),
    ids: await card.locator('.ss-arxiv-id').allTextContents(),
    dates: await card.locator('.ss-date').allTextContents(),
    titles: await card.locator('.ss-pub-title').allTextContents(),
    more: await card.locator('.ss-more').allTextContents(),
    citations: await card.locator('.ss-citations').allTextContents(),
    firstAuthors: await card.locator('.ss-pub').first().locator('.ss-pub-author').allTextContents(),
    source: await card.locator('.ss-source').textContent(),
  };
}

describe('arXiv abstract page in real Chromium', () => {
  let page: Page;

  it('annotates every author with h-index and citations, without touching arXiv markup', async () => {
    page = await harness.context.newPage();
    await page.goto(PAPER_URL);
    await waitForChips(page, hiperRecord.authors.length);
    const texts = await chipTexts(page);
    expect(texts[0]).toBe('h 5 · 74');
    // Chips sit right after arXiv's own author links; arXiv's links are untouched.
    const structure = await page.evaluate(() =>
      [...document.querySelectorAll('div.authors > a')].map((a) => ({
        text: a.textContent,
        next: a.nextElementSibling?.tagName,
        // Closed: the page's own scripts see no root at all.
        closed: a.nextElementSibling?.shadowRoot === null,
      })),
    );
    expect(structure.map((s) => s.text)).toEqual(hiperRecord.authors);
    expect(structure.every((s) => s.next === 'SCHOLARSCOPE-CHIP' && s.closed)).toBe(true);
    // Our CSS does not leak out: the page's links keep arXiv's colour.
    expect(await page.locator('div.authors > a').first().evaluate((a) => getComputedStyle(a).color)).toBe('rgb(0, 102, 204)');
    // Chips are no taller than the names beside them, so arXiv's lines keep their height,
    // and removing them puts every block back where it was except for inline wrapping.
    const layout = await page.evaluate(() => {
      const pairs = [...document.querySelectorAll('div.authors > a')].map((a) => [a.getBoundingClientRect(), a.nextElementSibling!.getBoundingClientRect()]);
      const box = (selector: string) => document.querySelector(selector)!.getBoundingClientRect();
      const before = { title: box('h1.title').top, column: box('.leftcolumn').width };
      document.querySelectorAll<HTMLElement>('scholarscope-chip').forEach((chip) => chip.style.setProperty('display', 'none', 'important'));
      const after = { title: box('h1.title').top, column: box('.leftcolumn').width };
      document.querySelectorAll<HTMLElement>('scholarscope-chip').forEach((chip) => chip.style.setProperty('display', 'inline', 'important'));
      return { tallest: Math.max(...pairs.map(([a, chip]) => chip!.height - a!.height)), before, after };
    });
    expect(layout.tallest).toBeLessThanOrEqual(1);
    expect(layout.after).toEqual(layout.before);
    // One paper request for the page.
    expect(harness.apiRequests.map((r) => `${r.method} ${new URL(r.url).pathname}`)).toEqual(['POST /graph/v1/paper/batch']);
  });

  it('opens the author card by keyboard and closes it with Escape', async () => {
    const firstAuthor = page.locator('div.authors > a').first();
    await firstAuthor.focus();
    const frame = ours(page).locator('scholarscope-card .ss-popover');
    await expect.poll(() => frame.isVisible()).toBe(true);
    expect(await frame.getAttribute('aria-label')).toBe('Author card: Zhaoran Wang');
    await frame.locator('.ss-pub').first().waitFor({ timeout: 10_000 });
    expect(await frame.locator('.ss-metric dd').allTextContents()).toEqual(['74', '5', '3']);
    await page.keyboard.press('Escape');
    await expect.poll(() => frame.isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Zhaoran Wang');

    // Tab to the chip, Enter moves focus into the card, Escape brings it back to the chip.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('SCHOLARSCOPE-CHIP');
    await page.keyboard.press('Enter');
    await expect.poll(() => frame.isVisible()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('SCHOLARSCOPE-CARD');
    await page.keyboard.press('Escape');
    await expect.poll(() => frame.isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('SCHOLARSCOPE-CHIP');
  });

  it('shows the paper and the seed author card in the popup', async () => {
    const popup = await harness.openPopup(PAPER_URL);
    await popup.locator('.ss-author-toggle').first().waitFor({ timeout: 10_000 });
    expect(await popup.locator('.ss-paper-id').textContent()).toBe('arXiv:2602.16165v1');
    expect(await popup.locator('.ss-popup-title').textContent()).toBe(hiperRecord.title);
    expect((await popup.locator('.ss-author-name').allTextContents()).slice(0, 5)).toEqual(seed.publications[0]!.authorsShown);
    await popup.locator('.ss-author-toggle', { hasText: 'Zhaoran Wang' }).click();
    const facts = await seedCardFacts(popup);
    expect(facts.name).toBe(seed.author.name);
    expect(facts.avatar).toBe(seed.author.avatarInitial);
    expect(facts.labels).toEqual(['Total Citations', 'h-index', 'Papers']);
    expect(facts.metrics).toEqual([seed.author.totalCitations, seed.author.hIndex, seed.author.papers].map(String));
    expect(facts.ids).toEqual(seed.publications.map((p) => `${p.arxivId}v${p.version}`));
    expect(facts.dates).toEqual(seed.publications.map((p) => p.dateShown));
    expect(facts.titles).toEqual(seed.publications.map((p) => p.title));
    expect(facts.more).toEqual(['+2', '+11', '+4']);
    expect(facts.citations).toEqual(seed.publications.map((p) => `${p.citations} Citations`));
    expect(facts.firstAuthors).toEqual(['Zhaoran Wang', 'Jian Peng', 'Yuanxin Liu', 'Charles Fleming', 'Alfredo García']);
    expect(facts.source).toContain('Numbers from Semantic Scholar, updated just now');
    // Related papers load with the popup; let them land in the cache before it closes.
    await popup.locator('.ss-popup-related .ss-related-list').first().waitFor({ timeout: 10_000 });
    await popup.close();
  });

  it('makes zero API requests on a second visit', async () => {
    harness.apiRequests.length = 0;
    const again = await harness.context.newPage();
    await again.goto(PAPER_URL);
    await waitForChips(again, hiperRecord.authors.length);
    expect((await chipTexts(again))[0]).toBe('h 5 · 74');
    const popup = await harness.openPopup(PAPER_URL);
    await popup.locator('.ss-author-toggle', { hasText: 'Zhaoran Wang' }).click();
    expect((await seedCardFacts(popup)).metrics).toEqual(['74', '5', '3']);
    expect(harness.apiRequests).toEqual([]);
    await popup.close();
    await again.close();
  });

  it('says plainly when the source does not know a paper', async () => {
    const unknown = await harness.context.newPage();
    await unknown.goto(UNKNOWN_URL);
    await expect.poll(() => chipTexts(unknown), { timeout: 10_000 }).toEqual(['?']);
    const popup = await harness.openPopup(UNKNOWN_URL);
    await expect.poll(() => popup.locator('.ss-status').first().textContent(), { timeout: 10_000 }).toContain('No source lists this paper yet');
    expect(await popup.locator('.ss-paper-id').textContent()).toBe('arXiv:hep-th/9108002v1');
    await popup.close();
    await unknown.close();
  });

  it('reads the paper id from a PDF address, where no content script runs', async () => {
    const pdfUrl = 'https://arxiv.org/pdf/2602.16165v1';
    harness.pages.set(pdfUrl, '<html><body><embed type="application/pdf"></body></html>');
    const pdf = await harness.context.newPage();
    await pdf.goto(pdfUrl);
    const popup = await harness.openPopup(pdfUrl);
    await popup.locator('.ss-author-toggle').first().waitFor({ timeout: 10_000 });
    expect(await popup.locator('.ss-paper-id').textContent()).toBe('arXiv:2602.16165v1');
    expect(await popup.locator('.ss-popup-title').textContent()).toBe(hiperRecord.title);
    expect(await popup.locator('.ss-author-metrics').first().textContent()).toBe('h 5 · 74');
    await popup.close();
    await pdf.close();
  });

  it('explains what it does on a page that is not a paper', async () => {
    harness.pages.set('https://arxiv.org/list/cs.LG/new', '<html><body><h1>New submissions</h1></body></html>');
    const listing = await harness.context.newPage();
    await listing.goto('https://arxiv.org/list/cs.LG/new');
    const popup = await harness.openPopup('https://arxiv.org/list/cs.LG/new');
    await expect.poll(() => popup.locator('.ss-empty').textContent(), { timeout: 10_000 }).toContain('This tab is not an arXiv paper.');
    await popup.close();
    await listing.close();
  });

  it('shows an error chip when the API keeps failing', async () => {
    const failing = 'https://arxiv.org/abs/1810.04805';
    harness.pages.set(failing, renderAbsPage(loadAbsRecord('1810.04805')));
    harness.apiRequests.length = 0;
    harness.apiOverride = () => ({ status: 400, body: '{"error":"Unrecognized or unsupported fields: [unknown]"}' });
    const tab = await harness.context.newPage();
    await tab.goto(failing);
    await expect.poll(() => chipTexts(tab), { timeout: 10_000 }).toEqual(['!', '!', '!', '!']);
    expect(await ours(tab).locator('scholarscope-chip .ss-chip').first().getAttribute('aria-label')).toContain('answered 400');
    // One paper request and no retry of a 400 (related-paper requests of earlier popups may still be on their way).
    expect(harness.apiRequests.filter((request) => request.url.includes('/paper/batch'))).toHaveLength(1);
    harness.apiOverride = null;
    await tab.close();
  });
});
