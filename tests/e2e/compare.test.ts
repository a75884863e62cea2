import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { renderAbsPage } from '../fixtures/arxivAbs';
import { renderDblpPage } from '../fixtures/profilePages';
import { authorAnswer, hiperRecord, SEED_AUTHOR_ID } from '../fixtures/seedWorld';
import { openAlexAuthorObject, openAlexIdFor } from '../fixtures/openAlexWorld';
import { ours } from './closedUi';
import { launch, type Harness } from './harness';

const PAPER_URL = 'https://arxiv.org/abs/2602.16165';
const DBLP_URL = 'https://dblp.org/pid/36/8449.html';
// Three co-authors from the abstract page (positions 1 to 3), the seed author from DBLP.
const FROM_PAGE = hiperRecord.authors.slice(1, 4);
let harness: Harness;

beforeAll(async () => {
  harness = await launch({ profileSites: true });
  harness.pages.set(PAPER_URL, renderAbsPage(hiperRecord));
  harness.pages.set(DBLP_URL, renderDblpPage('36/8449'));
});
afterAll(async () => harness?.close());

interface Reported {
  name: string;
  citationCount: number;
  hIndex: number;
  paperCount: number;
}

/** What OpenAlex reports for the same person (the recorded world files each name under one id). */
function openAlexFor(name: string) {
  const object = openAlexAuthorObject(openAlexIdFor(name)) as { cited_by_count: number; counts_by_year: { year: number; cited_by_count: number }[] };
  const recent = object.counts_by_year.filter((entry) => entry.year > 2021 && entry.year <= 2026).reduce((sum, entry) => sum + entry.cited_by_count, 0);
  return { citations: object.cited_by_count, recent };
}

function reportedFor(name: string): Reported {
  const ids = Array.from({ length: 40 }, (_, i) => String(9100001 + i));
  const found = [SEED_AUTHOR_ID, ...ids].map((id) => authorAnswer(id) as Reported | null).find((answer) => answer?.name === name);
  if (!found) throw new Error(`No recorded author named ${name}`);
  return found;
}

async function badgeText(): Promise<string> {
  const page = await harness.context.newPage();
  await page.goto(`chrome-extension://${harness.extensionId}/options.html`);
  const text = (await page.evaluate('chrome.action.getBadgeText({})')) as string;
  await page.close();
  return text;
}

const cells = (view: Page, metric: string) => view.locator(`tr[data-metric="${metric}"] td`);

describe('comparing authors in real Chromium', () => {
  it('adds three authors from an abstract page and one from a profile page, compares them, and exports CSV', async () => {
    const page = await harness.context.newPage();
    await page.goto(PAPER_URL);
    // The card opens from a name once the page's chips are drawn.
    await expect.poll(() => ours(page).locator('div.authors > scholarscope-chip .ss-chip', { hasText: /^h / }).count(), { timeout: 15_000 }).toBe(hiperRecord.authors.length);
    const card = ours(page).locator('scholarscope-card .ss-popover');
    for (const name of FROM_PAGE) {
      await page.locator('div.authors > a', { hasText: name }).focus();
      await expect.poll(() => card.getAttribute('aria-label'), { timeout: 10_000 }).toBe(`Author card: ${name}`);
      const toggle = card.locator('.ss-compare:not(.ss-follow)');
      // Each first card asks the arXiv API for versions, which arXiv wants 3 s apart: the third waits longest.
      await expect.poll(() => toggle.getAttribute('aria-pressed'), { timeout: 20_000 }).toBe('false');
      await toggle.click();
      await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('true');
      await page.keyboard.press('Escape');
    }
    expect(await badgeText()).toBe('3');

    const profile = await harness.context.newPage();
    await profile.goto(DBLP_URL);
    const panelToggle = ours(profile).locator('scholarscope-panel .ss-compare:not(.ss-follow)');
    await expect.poll(() => panelToggle.getAttribute('aria-pressed'), { timeout: 20_000 }).toBe('false');
    // The panel's card offers Follow too.
    expect(await ours(profile).locator('scholarscope-panel').getByRole('button', { name: 'Follow Zhaoran Wang' }).count()).toBe(1);
    await panelToggle.click();
    await expect.poll(() => panelToggle.getAttribute('aria-pressed')).toBe('true');
    expect(await badgeText()).toBe('4');

    // The tray outlives the service worker.
    await harness.stopServiceWorker();
    const view = await harness.context.newPage();
    await view.setViewportSize({ width: 1200, height: 900 });
    await view.goto(`chrome-extension://${harness.extensionId}/library.html#compare`);
    const names = [...FROM_PAGE, 'Zhaoran Wang'];
    await expect.poll(() => view.locator('.ss-compare-name').allTextContents(), { timeout: 10_000 }).toEqual(names);
    await expect.poll(() => view.locator('td.ss-status', { hasText: '…' }).count(), { timeout: 10_000 }).toBe(0);

    const reported = names.map(reportedFor);
    const number = (value: number) => new Intl.NumberFormat('en-US').format(value);
    const values = async (metric: string) => (await cells(view, metric).allTextContents()).map((text) => text.replace(' ★', ''));
    expect(await values('citations')).toEqual(reported.map((r) => number(r.citationCount)));
    expect(await values('h')).toEqual(reported.map((r) => String(r.hIndex)));
    expect(await values('papers')).toEqual(reported.map((r) => String(r.paperCount)));
    // Best marks: every author holding the row's largest value.
    const marked = async (metric: string) => (await cells(view, metric).evaluateAll((tds) => tds.map((td) => td.classList.contains('ss-best'))));
    for (const [metric, key] of [['citations', 'citationCount'], ['h', 'hIndex'], ['papers', 'paperCount']] as const) {
      const top = Math.max(...reported.map((r) => r[key]));
      expect(await marked(metric)).toEqual(reported.map((r) => r[key] === top));
    }

    // Ordering by h-index puts the largest first; back to the tray's order after.
    await view.locator('tr[data-metric="h"] .ss-sort').click();
    const byH = [...names].sort((a, b) => reportedFor(b).hIndex - reportedFor(a).hIndex || names.indexOf(a) - names.indexOf(b));
    expect(await view.locator('.ss-compare-name').allTextContents()).toEqual(byH);
    await view.getByRole('button', { name: 'Back to your order' }).click();
    expect(await view.locator('.ss-compare-name').allTextContents()).toEqual(names);

    // OpenAlex, the second source: citations in the last five years (2022–2026) from its per-year counts.
    const fromOpenAlex = names.map(openAlexFor);
    expect((await values('recent')).map((text) => text.replace(' (OpenAlex)', ''))).toEqual(fromOpenAlex.map((o) => number(o.recent)));
    // The two sources side by side.
    await view.getByRole('combobox', { name: 'Numbers' }).selectOption('sources');
    expect(await values('citations')).toEqual(reported.map((r, i) => `${number(r.citationCount)} · OpenAlex ${number(fromOpenAlex[i]!.citations)}`));
    await view.getByRole('combobox', { name: 'Numbers' }).selectOption('reported');

    // Two charts, a line per author each: citations received per year (OpenAlex), and citations to
    // each year's papers (computed); each with its numbers in a table.
    const charts = view.locator('.ss-chart');
    expect(await charts.locator('figcaption').allTextContents()).toEqual(['Citations received per year (OpenAlex)', "Citations to each year's papers"]);
    expect(await charts.nth(0).locator('.ss-series polyline').count()).toBe(4);
    // The recorded papers of these authors have no citations yet: the chart says so instead of drawing four lines at 0.
    expect(await charts.nth(1).locator('.ss-series polyline').count()).toBe(0);
    expect(await charts.nth(1).locator('.ss-status').textContent()).toBe('Nothing to chart: every value is 0 in the lists at hand.');
    expect(await charts.nth(0).locator('.ss-chart-data thead th').allTextContents()).toEqual(['Year', ...names]);
    const seedRow = await charts.nth(0).locator('.ss-chart-data tbody tr', { hasText: '2025' }).locator('td').allTextContents();
    expect(seedRow[3]).toBe('10'); // Zhaoran Wang's 2025 citations in OpenAlex

    const download = view.waitForEvent('download');
    await view.getByRole('button', { name: 'Export CSV' }).click();
    const csv = readFileSync(await (await download).path(), 'utf8').replace(/^\uFEFF/, '').split('\r\n');
    expect(csv[0]).toBe(['metric', ...names.flatMap((name) => [`${name} (reported)`, `${name} (OpenAlex)`, `${name} (computed)`])].join(','));
    const hLine = csv.find((line) => line.startsWith('h-index,'))!.split(',');
    expect(hLine.filter((_, index) => index % 3 === 1)).toEqual(reported.map((r) => String(r.hIndex)));
    const recentLine = csv.find((line) => line.startsWith('Citations in the last 5 years,'))!.split(',');
    expect(recentLine.filter((_, index) => index % 3 === 2)).toEqual(fromOpenAlex.map((o) => String(o.recent)));

    // Reorder and remove; the badge follows.
    await view.getByRole('button', { name: `Move ${names[0]} right` }).click();
    await expect.poll(() => view.locator('.ss-compare-name').allTextContents()).toEqual([names[1], names[0], names[2], names[3]]);
    await view.getByRole('button', { name: `Remove ${names[3]}` }).click();
    await expect.poll(() => view.locator('.ss-compare-name').count()).toBe(3);
    expect(await badgeText()).toBe('3');
    await Promise.all([page.close(), profile.close(), view.close()]);
  }, 150_000); // four first cards (arXiv asks 3 s between requests), a profile page, the compare view and a download

  it('adds every author of the paper from the popup at once', async () => {
    const page = await harness.context.newPage();
    await page.goto(PAPER_URL);
    const popup = await harness.openPopup(PAPER_URL);
    const all = popup.getByRole('button', { name: /Compare all \d+ authors/ });
    await all.waitFor({ timeout: 10_000 });
    await all.click();
    await expect.poll(() => popup.locator('.ss-compare-all button').textContent()).toBe('All authors are in the compare tray');
    // The three already in the tray stay; the paper's other authors join them.
    expect(await badgeText()).toBe(String(hiperRecord.authors.length));
    await Promise.all([popup.close(), page.close()]);
  });
});
