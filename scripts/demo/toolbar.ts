// The toolbar button in each browser's own window: a screenshot of the X display (a page screenshot
// has no toolbar). Chromium opens the popup, which shows the button beside the address bar; Firefox
// gets the button placed in its toolbar, as a reader who pins it has it.
import type { Page as PuppeteerPage } from 'puppeteer-core';
import { ours } from '../../tests/e2e/closedUi';
import { launch } from '../../tests/e2e/harness';
import { ADDON_ID, launchFirefox, waitFor } from '../../tests/firefox/harness';
import { screenToPng, type Crop } from './screen';

const pause = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Chromium with a window, on `url` served as `html`, the popup opened by the extension itself. */
export async function chromiumToolbar(url: string, html: string, path: string, crop: Crop): Promise<void> {
  const harness = await launch({ headless: false, window: { width: crop.x + crop.width, height: crop.y + crop.height } });
  try {
    harness.pages.set(url, html);
    const page = harness.context.pages()[0] ?? (await harness.context.newPage());
    await page.goto(url);
    await ours(page).locator('scholarscope-chip .ss-chip', { hasText: /^h \d/ }).first().waitFor({ timeout: 15_000 });
    await page.bringToFront();
    await harness.worker.evaluate('chrome.action.openPopup()');
    await pause(1500);
    screenToPng(path, crop);
  } finally {
    await harness.close();
  }
}

/** Firefox with a window and the button in its toolbar (Firefox puts new buttons in the extensions menu). */
export async function firefoxToolbar(url: string, html: string, path: string, crop: Crop): Promise<void> {
  const widget = `${ADDON_ID.toLowerCase().replace(/[^a-z0-9_-]/g, '_')}-browser-action`;
  const navBar = ['back-button', 'forward-button', 'stop-reload-button', 'urlbar-container', widget, 'unified-extensions-button'];
  const harness = await launchFirefox({
    window: { width: crop.x + crop.width, height: crop.y + crop.height },
    prefs: { 'browser.uiCustomization.state': JSON.stringify({ placements: { 'nav-bar': navBar }, seen: [widget], dirtyAreaCache: [], currentVersion: 23, newElementCount: 0 }) },
  });
  try {
    harness.pages.set(url, html);
    const page: PuppeteerPage = await harness.browser.newPage();
    await page.goto(url);
    await waitFor(() => page.evaluate(() => document.querySelectorAll('scholarscope-chip').length), (count) => count > 0);
    // Only the page's tab: not the first blank tab, nor the harness's extension page behind it.
    for (const other of await harness.browser.pages()) if (other !== page && other.url() === 'about:blank') await other.close();
    await page.bringToFront();
    await pause(1500);
    screenToPng(path, crop);
  } finally {
    await harness.close();
  }
}
