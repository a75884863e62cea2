import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { loadAbsRecord, renderAbsPage } from '../fixtures/arxivAbs';
import { openAlexAuthorObject, openAlexIdFor } from '../fixtures/openAlexWorld';
import { hiperRecord, registerArxivOnly } from '../fixtures/seedWorld';
import { ours } from './closedUi';
import { launch, type Harness } from './harness';

// Semantic Scholar, OpenAlex and arXiv in real Chromium: which one a page's numbers come from when
// one of them is down, slow, or the reader's choice, and what the reader is told.

const PAPER_URL = 'https://arxiv.org/abs/2602.16165';
const NEW_PAPER = loadAbsRecord('2403.10561'); // in the recorded world only arXiv lists it
const NEW_URL = `https://arxiv.org/abs/${NEW_PAPER.id}`;
registerArxivOnly([NEW_PAPER]);

let harness: Harness;
afterEach(async () => harness?.close());

async function open(): Promise<Harness> {
  harness = await launch();
  harness.pages.set(PAPER_URL, renderAbsPage(hiperRecord));
  harness.pages.set(NEW_URL, renderAbsPage(NEW_PAPER));
  return harness;
}

const chipTexts = (page: Page) => ours(page).locator('div.authors > scholarscope-chip .ss-chip').allTextContents();
const requestsTo = (host: string) => harness.apiRequests.filter((request) => new URL(request.url).host === host);
const compact = (value: number) => (value < 1000 ? String(value) : new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 }).format(value).toLowerCase());

/** The chip OpenAlex's numbers give for a name of the HiPER paper. */
function openAlexChip(name: string): string {
  const author = openAlexAuthorObject(openAlexIdFor(name)) as { cited_by_count: number; summary_stats: { h_index: number } };
  return `h ${compact(author.summary_stats.h_index)} · ${compact(author.cited_by_count)}`;
}

/** Waits until every author of the HiPER page has a chip with numbers. */
async function chipsDrawn(page: Page): Promise<void> {
  await expect.poll(async () => (await chipTexts(page)).filter((text) => text.startsWith('h ')).length, { timeout: 15_000 }).toBe(hiperRecord.authors.length);
}

async function visit(url: string): Promise<Page> {
  const page = await harness.context.newPage();
  await page.goto(url);
  return page;
}

describe('sources in real Chromium', () => {
  it('shows OpenAlex’s numbers while Semantic Scholar is down, in bounded requests, and asks Semantic Scholar again next time', async () => {
    await open();
    harness.apiOverride = (request) => (request.url.startsWith('https://api.semanticscholar.org/') ? { status: 503, body: '{"message":"Service Unavailable"}' } : null);
    const page = await visit(PAPER_URL);
    const expected = hiperRecord.authors.map(openAlexChip);
    await expect.poll(() => chipTexts(page), { timeout: 15_000 }).toEqual(expected);
    expect(expected[0]).toBe('h 5 · 81'); // the seed author, as OpenAlex counts
    expect(requestsTo('api.semanticscholar.org')).toHaveLength(3); // one try and two retries
    expect(requestsTo('api.openalex.org')).toHaveLength(2); // works by DOI, then their authors
    await page.close();

    // Semantic Scholar is back: nothing of the fallback was kept, so the page asks it and shows its numbers.
    harness.apiOverride = null;
    const again = await visit(PAPER_URL);
    await expect.poll(async () => (await chipTexts(again))[0], { timeout: 10_000 }).toBe('h 5 · 74');
    expect(requestsTo('api.semanticscholar.org')).toHaveLength(4);
  });

  it('shows Semantic Scholar’s card whole while OpenAlex is down, and says why OpenAlex’s numbers are missing', async () => {
    await open();
    harness.apiOverride = (request) => (request.url.startsWith('https://api.openalex.org/') ? { status: 503, body: '{"error":"Service Unavailable"}' } : null);
    const page = await visit(PAPER_URL);
    await chipsDrawn(page); // the card opens from a name once its chip is there
    await page.locator('div.authors > a').first().focus();
    const frame = ours(page).locator('scholarscope-card .ss-popover');
    await frame.locator('.ss-pub').first().waitFor({ timeout: 15_000 });
    expect(await frame.locator('.ss-metric dd').allTextContents()).toEqual(['74', '5', '3']);
    expect(await frame.locator('.ss-source-note').textContent()).toBe('OpenAlex: api.openalex.org answered 503');
    expect(requestsTo('api.openalex.org')).toHaveLength(2); // bounded: a second opinion gets one retry
  });

  it('shows both sources on the card when both answer', async () => {
    await open();
    const page = await visit(PAPER_URL);
    await chipsDrawn(page); // the card opens from a name once its chip is there
    await page.locator('div.authors > a').first().focus();
    const frame = ours(page).locator('scholarscope-card .ss-popover');
    await frame.locator('.ss-by-source tbody tr').nth(1).waitFor({ timeout: 15_000 });
    const rows = await frame.locator('.ss-by-source tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((cell) => cell.textContent)));
    expect(rows).toEqual([
      ['Semantic Scholar', '74', '5', '3', '–', '–', '–'],
      ['OpenAlex', '81', '5', '4', '3', '78', '2.25'],
    ]);
    expect(await frame.locator('.ss-source a', { hasText: 'Profile on OpenAlex' }).getAttribute('href')).toBe('https://openalex.org/A5000000001');
  });

  it('uses OpenAlex first once the reader chooses it, sending the e-mail and key only to OpenAlex', async () => {
    await open();
    const options = await harness.openOptions();
    await options.getByRole('radio', { name: 'OpenAlex' }).check();
    await options.getByLabel('E-mail for OpenAlex').fill('reader@example.org');
    await options.getByLabel('OpenAlex API key').fill('oaKey123');
    await options.locator('section[aria-labelledby="api-heading"]').getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => options.getByRole('status').textContent()).toContain('OpenAlex is the primary source');

    // A bad address is refused with the reason, and nothing changes.
    await options.getByLabel('E-mail for OpenAlex').fill('not an address');
    await options.locator('section[aria-labelledby="api-heading"]').getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => options.getByRole('status').textContent()).toBe('The e-mail for OpenAlex should look like name@example.org (or be empty)');

    const page = await visit(PAPER_URL);
    await expect.poll(() => chipTexts(page), { timeout: 15_000 }).toEqual(hiperRecord.authors.map(openAlexChip));
    expect(requestsTo('api.semanticscholar.org')).toHaveLength(0);
    const asked = requestsTo('api.openalex.org').map((request) => new URL(request.url));
    expect(asked.length).toBe(2);
    expect(asked.every((url) => url.searchParams.get('mailto') === 'reader@example.org' && url.searchParams.get('api_key') === 'oaKey123')).toBe(true);

    // The card is OpenAlex's: its numbers, its works, its profile link.
    await chipsDrawn(page);
    await page.locator('div.authors > a').first().focus();
    const frame = ours(page).locator('scholarscope-card .ss-popover');
    await frame.locator('.ss-pub').first().waitFor({ timeout: 15_000 });
    expect(await frame.locator('.ss-metric dd').allTextContents()).toEqual(['81', '5', '4']);
    expect(await frame.locator('.ss-source').textContent()).toContain('Numbers from OpenAlex');
    expect(await frame.locator('.ss-arxiv-id').allTextContents()).toEqual(['2602.16165v1', '2601.18217v1']);
  });

  it('shows what arXiv knows of a paper the others do not list yet', async () => {
    await open();
    const page = await visit(NEW_URL);
    await expect.poll(() => chipTexts(page), { timeout: 15_000 }).toEqual(NEW_PAPER.authors.map(() => '?'));
    expect(requestsTo('export.arxiv.org')).toHaveLength(1);
    const popup = await harness.openPopup(NEW_URL);
    await expect.poll(() => popup.locator('.ss-status').first().textContent(), { timeout: 10_000 }).toContain('Only arXiv lists this paper so far');
    expect(await popup.locator('.ss-popup-title').textContent()).toBe(NEW_PAPER.title.replace(/\s+/g, ' '));
    expect(await popup.locator('.ss-name-list li').allTextContents()).toEqual(NEW_PAPER.authors);
  });
});
