// The services' real limits in real Chromium (the harness answers within them: fixtures/serviceLimits.ts):
// a key Semantic Scholar refuses, OpenAlex's spent daily allowance and its "slow down", a listing
// whose batch passes 10 MB, and arXiv's one connection at a time.

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { loadAbsRecord, renderAbsPage, type AbsRecord } from '../fixtures/arxivAbs';
import { renderListingPage } from '../fixtures/arxivPages';
import { registerPapers } from '../fixtures/recordedPapers';
import { createLimits } from '../fixtures/serviceLimits';
import { hiperRecord } from '../fixtures/seedWorld';
import { ours } from './closedUi';
import { launch, type Harness } from './harness';

const PAPER_URL = 'https://arxiv.org/abs/2602.16165';
const LISTING_URL = 'https://arxiv.org/list/hep-ex/new';
let harness: Harness;

// A listing of big collaborations (synthetic: a real record under new ids, 3,500 authors each, as a
// combined LHC paper has): a screenful's batch with every author's numbers is over Semantic Scholar's 10 MB.
const base = loadAbsRecord('1810.04805');
const collaborations: AbsRecord[] = Array.from({ length: 40 }, (_, paper) => ({
  ...base,
  id: `2611.${String(20000 + paper)}`,
  authors: Array.from({ length: 3500 }, (_, n) => `Collaboration Member ${paper}-${n + 1} of the Synthetic Detector Group`),
}));

beforeAll(async () => {
  harness = await launch();
  harness.pages.set(PAPER_URL, renderAbsPage(hiperRecord));
  registerPapers(collaborations);
  harness.pages.set(LISTING_URL, renderListingPage('hep-ex', 'High Energy Physics - Experiment', [{ heading: 'New submissions (showing 40 of 40 entries)', records: collaborations }]));
});
afterAll(async () => harness?.close());
beforeEach(async () => {
  harness.limits = createLimits();
  harness.apiOverride = null;
  await harness.stopServiceWorker();
  harness.apiRequests.length = 0;
});

const chips = (page: Page) => ours(page).locator('div.authors > scholarscope-chip .ss-chip');

async function saveKeys(keys: { s2?: string; openAlex?: string }) {
  const options = await harness.openOptions();
  if (keys.s2 !== undefined) await options.locator('#api-key').fill(keys.s2);
  if (keys.openAlex !== undefined) await options.locator('#openalex-key').fill(keys.openAlex);
  await options.locator('section[aria-labelledby="api-heading"]').getByRole('button', { name: 'Save' }).click();
  await expect.poll(() => options.locator('.ss-options [role="status"]').first().textContent()).toMatch(/^Saved\./);
  return options;
}

describe('the services’ limits in real Chromium', () => {
  it('a refused Semantic Scholar key: numbers still come, keyless, and the popup and settings say what to fix', async () => {
    const options = await saveKeys({ s2: 'expiredKey12345' });
    const page = await harness.context.newPage();
    await page.goto(PAPER_URL);
    await expect.poll(() => chips(page).first().textContent(), { timeout: 15_000 }).toBe('h 5 · 74');
    const batches = harness.apiRequests.filter((request) => request.url.includes('/paper/batch'));
    expect(batches.map((request) => request.headers['x-api-key'] ?? null)).toEqual(['expiredKey12345', null]);
    const popup = await harness.openPopup(PAPER_URL);
    await expect.poll(() => popup.locator('.ss-source-notice').first().textContent(), { timeout: 10_000 }).toContain('Semantic Scholar rejected your API key');
    expect(await popup.locator('.ss-popup-title').textContent()).toBe(hiperRecord.title);
    await options.reload();
    await expect.poll(() => options.locator('.ss-source-notice').first().textContent()).toContain('Fix it in Settings → Sources and keys');
    // A key it accepts: the notice goes.
    await saveKeys({ s2: 'TestKey0123456789' });
    await options.reload();
    await expect.poll(() => options.locator('.ss-source-notice').count()).toBe(0);
    await Promise.all([page.close(), popup.close(), options.close()]);
  });

  it('OpenAlex’s spent keyless allowance reads as a quota in the popup, and the card still shows', async () => {
    harness.limits.openAlexKeylessLeft = 0;
    const page = await harness.context.newPage();
    await page.goto(PAPER_URL);
    const popup = await harness.openPopup(PAPER_URL);
    await popup.locator('.ss-author-toggle', { hasText: 'Zhaoran Wang' }).click();
    await popup.locator('.ss-author-panel .ss-card').first().waitFor({ timeout: 15_000 });
    await expect.poll(() => popup.locator('.ss-source-notice').first().textContent(), { timeout: 15_000 }).toMatch(/OpenAlex’s daily allowance is used up until .*free key from openalex\.org\/settings\/api/);
    await Promise.all([popup.close(), page.close()]);
  });

  it('OpenAlex’s 403 “slow down” on a busy network is waited out: its numbers still come', async () => {
    const options = await harness.openOptions();
    await options.getByRole('button', { name: 'Clear cache' }).click();
    await expect.poll(() => options.getByRole('status').textContent()).toBe('Cache cleared.');
    await options.close();
    // Semantic Scholar down, so OpenAlex answers the page; on this network it answers one request a second.
    harness.limits.openAlexPerSecond = 1;
    harness.apiOverride = (request) => (request.url.startsWith('https://api.semanticscholar.org/') ? { status: 503, body: '{"message":"Service Unavailable"}' } : null);
    const page = await harness.context.newPage();
    await page.goto(PAPER_URL);
    await expect.poll(async () => (await chips(page).allTextContents()).filter((text) => text.startsWith('h ')).length, { timeout: 20_000 }).toBe(hiperRecord.authors.length);
    expect(await chips(page).first().textContent()).toBe('h 5 · 81'); // the seed author, as OpenAlex counts
    expect(harness.limits.openAlexSlowDowns).toBeGreaterThanOrEqual(1); // its authors request came within the second
    await page.close();
  });

  it('a listing whose batch passes 10 MB is asked in parts: every entry gets its numbers', async () => {
    const page = await harness.context.newPage();
    await page.goto(LISTING_URL);
    // Entries are drawn near the view: scroll through, noting which carry numbers; none says "!".
    const numbered = new Set<number>();
    for (let index = 0; index < collaborations.length; index++) {
      await page.locator('dl#articles > dt').nth(index).scrollIntoViewIfNeeded();
      await expect.poll(() => ours(page).locator('dl#articles > dt').nth(index).locator('scholarscope-badge .ss-badge').count(), { timeout: 15_000 }).toBe(1);
      expect(await ours(page).locator('scholarscope-badge .ss-badge-error').count()).toBe(0);
      // In the content script's world, where our closed roots open.
      const drawn = await ours(page)
        .locator('dl#articles > dt')
        .evaluateAll((dts) => {
          const dom = (globalThis as unknown as { chrome: { dom: { openOrClosedShadowRoot(element: Element): ShadowRoot | null } } }).chrome.dom;
          return dts.flatMap((dt, at) => {
            const host = dt.querySelector('scholarscope-badge');
            return host && dom.openOrClosedShadowRoot(host)?.querySelector('.ss-badge:not(.ss-badge-error)') ? [at] : [];
          });
        });
      for (const at of drawn) numbered.add(at);
    }
    expect(numbered.size).toBe(collaborations.length);
    const batches = harness.apiRequests.filter((request) => request.url.includes('/paper/batch'));
    expect(harness.limits.s2TooLarge).toBeGreaterThanOrEqual(1); // refused whole, then asked in halves
    expect(batches.length).toBeGreaterThanOrEqual(3);
    await page.close();
  });

  it('arXiv gets one connection at a time, however slow its answers', { timeout: 90_000 }, async () => {
    const options = await harness.openOptions();
    await options.getByRole('button', { name: 'Clear cache' }).click();
    await expect.poll(() => options.getByRole('status').textContent()).toBe('Cache cleared.');
    await options.close();
    harness.apiGate = (request) => (request.url.includes('export.arxiv.org') ? new Promise((resolve) => setTimeout(resolve, 2500)) : Promise.resolve());
    const page = await harness.context.newPage();
    await page.goto(PAPER_URL);
    // Two authors' cards at once: each asks arXiv for its papers' versions.
    const popup = await harness.openPopup(PAPER_URL);
    const toggles = popup.locator('.ss-author-toggle');
    await toggles.first().waitFor({ timeout: 10_000 });
    await toggles.nth(0).click();
    await toggles.nth(1).click();
    await expect.poll(() => harness.apiRequests.filter((request) => request.url.includes('export.arxiv.org')).length, { timeout: 30_000 }).toBeGreaterThanOrEqual(2);
    expect(harness.limits.arxivOverlaps).toBe(0);
    harness.apiGate = null;
    await Promise.all([popup.close(), page.close()]);
  });
});
