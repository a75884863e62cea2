// `npm run demo`: the built extension in Chromium on a recorded arXiv abstract page with recorded
// API answers; no account, no network. With a display it opens a window to try it by hand; without
// one it runs headless and saves screenshots of the annotated page, the hover card, the popup, a listing, a profile
// panel, the saved-papers library and the compare view (demo-output/); the stores' screenshots at
// 1280×800 (docs/store/screenshots/); and, given a display, the toolbar button in Chromium and in
// Firefox (docs/toolbar-*.png).

import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { ours } from '../tests/e2e/closedUi';
import { launch } from '../tests/e2e/harness';
import { renderAbsPage } from '../tests/fixtures/arxivAbs';
import { renderListingPage } from '../tests/fixtures/arxivPages';
import { renderDblpPage } from '../tests/fixtures/profilePages';
import { listingRecords, registerPapers } from '../tests/fixtures/recordedPapers';
import { hiperRecord } from '../tests/fixtures/seedWorld';
import { chromiumToolbar, firefoxToolbar } from './demo/toolbar';

const PAPER_URL = 'https://arxiv.org/abs/2602.16165';
const LISTING_URL = 'https://arxiv.org/list/cs/new';
const DBLP_URL = 'https://dblp.org/pid/36/8449.html';
const listing = listingRecords(120);
registerPapers(listing.slice(0, 110));
const OUT = resolve('demo-output');
const STORE = resolve('docs/store/screenshots');
const STORE_SIZE = { width: 1280, height: 800 };
// With a display someone looks at, the demo opens a window to try by hand; otherwise (no display, a
// virtual one from scripts/with-display.mjs, or --headless) it takes screenshots.
const headless = !process.env.DISPLAY || process.env.SCHOLARSCOPE_VIRTUAL_DISPLAY === '1' || process.argv.includes('--headless');
// Profile sites are granted by accepting the browser's prompt, which needs a display.
const profileSites = Boolean(process.env.DISPLAY);

async function main() {
  mkdirSync(OUT, { recursive: true });
  mkdirSync(STORE, { recursive: true });
  const shots: string[] = [];
  for (const scheme of ['light', 'dark'] as const) {
    const harness = await launch({ headless, colorScheme: scheme, profileSites });
    harness.pages.set(PAPER_URL, renderAbsPage(hiperRecord));
    harness.pages.set(DBLP_URL, renderDblpPage('36/8449'));
    harness.pages.set(LISTING_URL, renderListingPage('cs', 'Computer Science', [{ heading: 'New submissions (showing 120 of 120 entries)', records: listing }]));
    const page = await harness.context.newPage();
    await page.goto(PAPER_URL);
    await ours(page).locator('scholarscope-chip .ss-chip', { hasText: 'h 5' }).first().waitFor({ timeout: 15_000 });
    if (!headless) {
      console.log(`Chromium is open on ${PAPER_URL} with ScholarScope loaded. Hover or Tab to an author name. Close the window to end.`);
      await new Promise((done) => harness.context.on('close', done));
      return;
    }
    const shot = async (name: string, take: (path: string) => Promise<unknown>) => {
      const path = `${OUT}/${name}-${scheme}.png`;
      await take(path);
      shots.push(path);
    };
    // The stores take 1280×800: the page at that size, then back to the size it had.
    const storeShot = async (name: string, on: Page) => {
      if (scheme !== 'light') return;
      const size = on.viewportSize();
      await on.setViewportSize(STORE_SIZE);
      await on.screenshot({ path: `${STORE}/${name}.png` });
      shots.push(`${STORE}/${name}.png`);
      if (size) await on.setViewportSize(size);
    };
    await shot('abstract-page', (path) => page.locator('#abs').screenshot({ path }));
    await page.locator('div.authors > a').first().focus();
    const card = ours(page).locator('scholarscope-card .ss-popover');
    await card.locator('.ss-pub').first().waitFor({ timeout: 15_000 });
    await shot('hover-card', (path) => page.screenshot({ path, clip: { x: 0, y: 0, width: 1000, height: 760 } }));
    await storeShot('1-hover-card', page);
    // The related papers section at the end of the abstract block, opened.
    await page.keyboard.press('Escape');
    await ours(page).locator('scholarscope-related summary').click();
    await ours(page).locator('scholarscope-related .ss-related-item').first().waitFor({ timeout: 15_000 });
    await shot('related', (path) => page.locator('scholarscope-related').screenshot({ path }));
    const popup = await harness.openPopup(PAPER_URL);
    await popup.locator('.ss-author-toggle', { hasText: 'Zhaoran Wang' }).click();
    await popup.locator('.ss-author-panel .ss-pub').first().waitFor({ timeout: 15_000 });
    await shot('popup', (path) => popup.screenshot({ path, fullPage: true }));
    // One person from the fixture world's three profiles of the seed's author, self-citations counted; then taken apart again.
    for (const [name, id] of [['Z. Wang', '9300001'], ['Zhaoran Wang', '9300002']]) {
      await popup.locator('.ss-other-profiles').click();
      await popup.getByRole('button', { name: `Merge ${name} (${id}) into this person` }).click();
      await popup.locator('.ss-person-merged li', { hasText: id }).waitFor({ timeout: 15_000 });
    }
    await popup.getByRole('button', { name: /^Count self-citations/ }).click();
    await popup.locator('.ss-self-figures', { hasText: 'on the 3 most cited' }).waitFor({ timeout: 30_000 });
    await popup.locator('.ss-other-profiles').click();
    await shot('person', (path) => popup.locator('.ss-author-panel').screenshot({ path }));
    await popup.getByRole('button', { name: 'Unmerge these profiles' }).click();
    await popup.locator('.ss-person-merged').waitFor({ state: 'detached', timeout: 15_000 });
    const list = await harness.context.newPage();
    await list.goto(LISTING_URL);
    await ours(list).locator('scholarscope-badge').nth(5).waitFor({ timeout: 15_000 });
    await ours(list).locator('scholarscope-triage select').waitFor({ timeout: 30_000 });
    await list.locator('dl#articles > dt').nth(2).scrollIntoViewIfNeeded();
    await shot('listing', (path) => list.screenshot({ path }));
    await list.evaluate('window.scrollTo(0, 0)');
    await storeShot('2-listing', list);
    // A few papers saved from the listing and the abstract page, one tagged, for the library.
    for (const index of [0, 2, 3]) {
      await ours(list).locator('scholarscope-badge .ss-save').nth(index).click();
      await ours(list).locator('scholarscope-badge .ss-save[aria-pressed="true"]').nth([0, 2, 3].indexOf(index)).waitFor({ timeout: 15_000 });
    }
    await ours(page).locator('scholarscope-badge .ss-save').click();
    await ours(page).locator('scholarscope-badge .ss-save[aria-pressed="true"]').waitFor({ timeout: 15_000 });
    const library = await harness.context.newPage();
    await library.setViewportSize({ width: 1100, height: 900 });
    await library.goto(`chrome-extension://${harness.extensionId}/library.html`);
    await library.locator('.ss-saved-item').nth(3).waitFor({ timeout: 15_000 });
    const first = library.locator('.ss-saved-item').first();
    await first.locator('.ss-tags-input').fill('reading group, rl');
    await first.locator('.ss-tags-input').press('Tab');
    await first.locator('select').selectOption('reading');
    await library.locator('.ss-library-controls select').first().locator('option', { hasText: 'rl' }).waitFor({ state: 'attached', timeout: 15_000 });
    await library.evaluate('document.activeElement?.blur()');
    await shot('library', (path) => library.screenshot({ path }));
    await storeShot('4-library', library);
    // Four authors in the compare tray: everyone on the paper but the hidden co-authors.
    const tray = await harness.openPopup(PAPER_URL);
    const all = tray.getByRole('button', { name: /Compare all \d+ authors/ });
    await all.waitFor({ timeout: 15_000 });
    await all.click();
    await tray.locator('.ss-compare-all button[disabled]').waitFor({ timeout: 15_000 });
    await tray.close();
    const compare = await harness.context.newPage();
    await compare.setViewportSize({ width: 1100, height: 1000 });
    await compare.goto(`chrome-extension://${harness.extensionId}/library.html#compare`);
    for (const name of ['Hidden Coauthor 1-1', 'Hidden Coauthor 1-2', 'Alfredo García']) {
      await compare.getByRole('button', { name: `Remove ${name}` }).click();
      await compare.getByRole('button', { name: `Remove ${name}` }).waitFor({ state: 'detached', timeout: 15_000 });
    }
    await compare.locator('.ss-chart svg[role="img"]').first().waitFor({ timeout: 30_000 });
    await compare.locator('td.ss-status', { hasText: '…' }).first().waitFor({ state: 'detached', timeout: 30_000 });
    await compare.locator('.ss-chart-data summary').first().click();
    await shot('compare', (path) => compare.screenshot({ path, fullPage: true }));
    await storeShot('5-compare', compare);
    if (profileSites) {
      const profile = await harness.context.newPage();
      await profile.goto(DBLP_URL);
      await ours(profile).locator('scholarscope-panel .ss-pub').first().waitFor({ timeout: 15_000 });
      await shot('profile-panel', (path) => profile.screenshot({ path }));
    } else if (scheme === 'light') {
      console.log('No display (install xvfb and xdotool): the profile panel, which needs the profile sites granted at the browser\'s prompt, is not shown.');
    }
    await harness.close();
  }
  await toolbarShots(shots);
  console.log('ScholarScope demo: screenshots of the extension at work on recorded pages:');
  for (const path of shots) console.log(`  ${path}`);
}

/** Each browser's own window with the toolbar button; Chromium's, with the popup open, is also the stores' third screenshot. */
async function toolbarShots(shots: string[]): Promise<void> {
  if (!process.env.DISPLAY) {
    console.log('No display (install xvfb and x11-apps): the toolbar screenshots, which need a browser window, are not taken.');
    return;
  }
  const page = renderAbsPage(hiperRecord);
  await chromiumToolbar(PAPER_URL, page, `${STORE}/3-popup.png`, { x: 0, y: 0, ...STORE_SIZE });
  await chromiumToolbar(PAPER_URL, page, resolve('docs/toolbar-chromium.png'), { x: 0, y: 0, width: 1100, height: 560 });
  shots.push(`${STORE}/3-popup.png`, resolve('docs/toolbar-chromium.png'));
  try {
    await firefoxToolbar(PAPER_URL, page, resolve('docs/toolbar-firefox.png'), { x: 0, y: 0, width: 1150, height: 440 });
    shots.push(resolve('docs/toolbar-firefox.png'));
  } catch (error) {
    // Firefox is served the recorded pages on port 443 (tests/firefox/harness.ts), which needs root.
    console.log(`The Firefox toolbar screenshot was not taken: ${error instanceof Error ? error.message : String(error)}`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
