// The axe-core engine on every surface, in real Chromium, light and dark: no serious or critical
// violations. axe runs through the DevTools protocol (extension pages' content security policy would
// refuse an injected script tag): in extension pages as they are, and on arXiv's and DBLP's pages in
// our content script's world, where `shadowRoot` is made to open our closed roots for axe alone.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { renderAbsPage } from '../fixtures/arxivAbs';
import { renderListingPage } from '../fixtures/arxivPages';
import { renderDblpPage } from '../fixtures/profilePages';
import { listingRecords, registerPapers } from '../fixtures/recordedPapers';
import { hiperRecord } from '../fixtures/seedWorld';
import { inContentScriptWorld, ours as ourUi } from './closedUi';
import { launch, type Harness } from './harness';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const PAPER_URL = 'https://arxiv.org/abs/2602.16165';
const LISTING_URL = 'https://arxiv.org/list/cs/new';
const DBLP_URL = 'https://dblp.org/pid/36/8449.html';
const LISTING = listingRecords(30);

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** Serious and critical violations; on arXiv's and DBLP's pages, only those inside our own elements. */
async function violations(page: Page, ours: boolean): Promise<Violation[]> {
  const run = `axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => JSON.stringify(n.target)) })))`;
  let found: Violation[];
  if (ours) {
    // In that world only: the page's own scripts still see no root.
    const open = `Object.defineProperty(Element.prototype, 'shadowRoot', { configurable: true, get() { return chrome.dom.openOrClosedShadowRoot(this); } });`;
    await inContentScriptWorld(page, `${open}\n${AXE}\n;true`);
    found = await inContentScriptWorld<Violation[]>(page, run, 60_000);
  } else {
    await page.evaluate(AXE);
    found = (await page.evaluate(run)) as Violation[];
  }
  return found
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ ...v, targets: ours ? v.targets.filter((t) => t.includes('scholarscope')) : v.targets }))
    .filter((v) => v.targets.length > 0);
}

for (const scheme of ['light', 'dark'] as const) {
  describe(`accessibility in real Chromium, ${scheme} mode`, () => {
    let harness: Harness;
    beforeAll(async () => {
      harness = await launch({ colorScheme: scheme, profileSites: true });
      registerPapers(LISTING);
      harness.pages.set(PAPER_URL, renderAbsPage(hiperRecord));
      harness.pages.set(LISTING_URL, renderListingPage('cs', 'Computer Science', [{ heading: 'New submissions', records: LISTING }]));
      harness.pages.set(DBLP_URL, renderDblpPage('36/8449'));
    });
    afterAll(async () => harness?.close());

    /** Opens an arXiv or profile page, waits until `ready`, and returns what axe finds in what ScholarScope drew. */
    async function auditPage(url: string, ready: (page: Page) => Promise<unknown>): Promise<Violation[]> {
      const page = await harness.context.newPage();
      await page.goto(url);
      await ready(page);
      const found = await violations(page, true);
      await page.close();
      return found;
    }

    it('the abstract page with its chips, badge, related section and an open hover card', async () => {
      const found = await auditPage(PAPER_URL, async (page) => {
        await ourUi(page).locator('scholarscope-chip .ss-chip', { hasText: 'h 5' }).first().waitFor({ timeout: 15_000 });
        await ourUi(page).locator('scholarscope-related summary').click();
        await ourUi(page).locator('scholarscope-related .ss-related-item').first().waitFor({ timeout: 15_000 });
        await page.locator('div.authors > a').first().focus();
        await ourUi(page).locator('scholarscope-card .ss-pub').first().waitFor({ timeout: 15_000 });
      });
      expect(found).toEqual([]);
    });

    it('a listing with badges, chips and the triage bar', async () => {
      expect(await auditPage(LISTING_URL, (page) => ourUi(page).locator('scholarscope-triage select').waitFor({ timeout: 30_000 }))).toEqual([]);
    });

    it('the profile panel on DBLP', async () => {
      expect(await auditPage(DBLP_URL, (page) => ourUi(page).locator('scholarscope-panel .ss-pub').first().waitFor({ timeout: 15_000 }))).toEqual([]);
    });

    it('the popup, the library, the compare view, the Following tab and the options page', async () => {
      const paper = await harness.context.newPage();
      await paper.goto(PAPER_URL);
      const popup = await harness.openPopup(PAPER_URL);
      await popup.locator('.ss-author-toggle').first().click();
      await popup.locator('.ss-author-panel .ss-pub').first().waitFor({ timeout: 15_000 });
      await popup.locator('.ss-popup-related .ss-related-list').first().waitFor({ timeout: 15_000 });
      expect(await violations(popup, false)).toEqual([]);
      await popup.getByRole('button', { name: /Compare all \d+ authors/ }).click();
      await popup.locator('.ss-author-panel .ss-save, .ss-save').first().click();

      const library = await harness.context.newPage();
      await library.goto(`chrome-extension://${harness.extensionId}/library.html`);
      await library.locator('.ss-saved-item').first().waitFor({ timeout: 15_000 });
      expect(await violations(library, false)).toEqual([]);
      await library.goto(`chrome-extension://${harness.extensionId}/library.html#compare`);
      await library.locator('.ss-chart svg[role="img"]').first().waitFor({ timeout: 30_000 });
      await library.locator('td.ss-status', { hasText: '…' }).first().waitFor({ state: 'detached', timeout: 30_000 });
      expect(await violations(library, false)).toEqual([]);
      // The Following tab, with an author followed and the check run (its status line and buttons).
      await library.evaluate(() => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage({ type: 'follow', author: { authorId: '9000001', name: 'Zhaoran Wang' } }));
      await library.goto(`chrome-extension://${harness.extensionId}/library.html#following`);
      await library.locator('.ss-follow-item').first().waitFor({ timeout: 15_000 });
      await library.getByRole('button', { name: 'Check now' }).click();
      await library.locator('.ss-following [role="status"]').waitFor({ timeout: 15_000 });
      expect(await violations(library, false)).toEqual([]);

      const options = await harness.openOptions();
      await options.locator('main, form, body').first().waitFor();
      expect(await violations(options, false)).toEqual([]);
      await Promise.all([paper.close(), popup.close(), library.close(), options.close()]);
    });
  });
}
