// Where the author card opens, in real Chromium with the page's real layout: below the paper's whole
// author list when it wraps over several lines and the view has room, so the names after the hovered
// one and their chips stay readable.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAbsRecord, renderAbsPage } from '../fixtures/arxivAbs';
import { registerPapers } from '../fixtures/recordedPapers';
import { ours } from './closedUi';
import { launch, type Harness } from './harness';

// 14 authors: the list wraps over more than one line at 1280 px.
const RECORD = loadAbsRecord('0704.0170');
const URL_ = `https://arxiv.org/abs/${RECORD.id}`;
let harness: Harness;

beforeAll(async () => {
  harness = await launch();
  registerPapers([RECORD]);
  harness.pages.set(URL_, renderAbsPage(RECORD));
});
afterAll(async () => harness?.close());

describe('the author card’s place', () => {
  it('opens below the whole author list, not over its next lines', async () => {
    const page = await harness.context.newPage();
    await page.goto(URL_);
    await expect.poll(() => ours(page).locator('div.authors scholarscope-chip .ss-chip').first().textContent(), { timeout: 10_000 }).not.toBe('…');
    const list = await page.locator('div.authors').boundingBox();
    const first = await page.locator('div.authors a').first().boundingBox();
    // The list does wrap: its bottom is lines below the first name's.
    expect(list!.y + list!.height - (first!.y + first!.height)).toBeGreaterThan(10);
    await page.locator('div.authors a').first().hover();
    const card = ours(page).locator('.ss-popover');
    await expect.poll(() => card.isVisible(), { timeout: 10_000 }).toBe(true);
    const box = await card.boundingBox();
    expect(box!.y).toBeGreaterThanOrEqual(list!.y + list!.height);
    expect(box!.y).toBeLessThanOrEqual(list!.y + list!.height + 12);
    await page.close();
  });
});
