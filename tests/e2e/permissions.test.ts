import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { renderDblpPage } from '../fixtures/profilePages';
import { ours } from './closedUi';
import { acceptPermissionPrompt, launch, type Harness } from './harness';

// Profile sites are optional permissions: nothing runs on them until the reader turns a site on in
// the settings and accepts the browser's prompt; turning it off gives the access back.

const DBLP_URL = 'https://dblp.org/pid/36/8449.html';
let harness: Harness;

beforeAll(async () => {
  harness = await launch({ headless: false }); // the prompt is a native window (see harness.ts)
  harness.pages.set(DBLP_URL, renderDblpPage('36/8449'));
});
afterAll(async () => harness?.close());

const hasAccess = () => harness.worker.evaluate("chrome.permissions.contains({ origins: ['https://dblp.org/*', 'https://dblp.uni-trier.de/*'] })") as Promise<boolean>;

/** Whether ScholarScope's panel appears on the DBLP page within a few seconds of loading. */
async function panelShows(): Promise<boolean> {
  const page = await harness.context.newPage();
  await page.goto(DBLP_URL);
  const shown = await ours(page)
    .locator('scholarscope-panel .ss-pub')
    .first()
    .waitFor({ timeout: 4000 })
    .then(() => true, () => false);
  await page.close();
  return shown;
}

describe('profile sites as optional permissions in real Chromium', () => {
  let options: Page;
  const dblp = () => options.getByRole('checkbox', { name: 'DBLP person pages' });

  it('runs nothing on a profile site the reader has not turned on', async () => {
    expect(await hasAccess()).toBe(false);
    expect(await panelShows()).toBe(false);
    options = await harness.openOptions();
    await expect.poll(() => dblp().isChecked()).toBe(false);
    expect(await options.getByRole('checkbox', { name: /^arXiv/ }).isChecked()).toBe(true);
  });

  it('asks the browser when the reader turns a site on, and the site works once they allow it', async () => {
    let before = '';
    await acceptPermissionPrompt(
      async () => {
        before = (await options.getByRole('status').textContent()) ?? '';
        await dblp().click();
      },
      async () => {
        const status = (await options.getByRole('status').textContent()) ?? '';
        if (status.startsWith('Turned on') && (await hasAccess())) return 'granted';
        return status !== before && status.startsWith('Access to dblp was not given') ? 'denied' : 'pending';
      },
    );
    await expect.poll(() => options.getByRole('status').textContent(), { timeout: 10_000 }).toBe('Turned on. Pages of that site opened from now on show ScholarScope.');
    expect(await hasAccess()).toBe(true);
    expect(await dblp().isChecked()).toBe(true);
    // Only DBLP: the other profile sites are still not granted.
    expect(await harness.worker.evaluate("chrome.permissions.contains({ origins: ['https://orcid.org/*'] })")).toBe(false);
    await expect.poll(panelShows, { timeout: 15_000 }).toBe(true);
  });

  it('gives the access back when the reader turns the site off, and the site gets nothing again', async () => {
    await dblp().click();
    await expect.poll(() => options.getByRole('status').textContent(), { timeout: 10_000 }).toBe('Turned off, and the access given back.');
    expect(await dblp().isChecked()).toBe(false);
    expect(await hasAccess()).toBe(false);
    await expect.poll(async () => (await harness.worker.evaluate('chrome.scripting.getRegisteredContentScripts().then((scripts) => scripts.length)')) as number).toBe(0);
    expect(await panelShows()).toBe(false);
  });
});
