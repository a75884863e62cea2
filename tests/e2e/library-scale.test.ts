import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SavedPaper } from '../../lib/core/saved/model';
import { fillSavedSource, REPLY_SPY, savedLibrary, type RepliesSeen } from '../fixtures/savedLibrary';
import { ours } from './closedUi';
import { launch, type Harness } from './harness';

const SAVED = 5000;
let harness: Harness;
let papers: SavedPaper[];

beforeAll(async () => {
  harness = await launch();
  // The extension creates its database when first asked: an empty library asks.
  const first = await harness.context.newPage();
  await first.goto(`chrome-extension://${harness.extensionId}/library.html`);
  await ours(first).locator('.ss-status', { hasText: 'Nothing saved yet' }).waitFor();
  await first.close();
  papers = savedLibrary(SAVED);
  await harness.worker.evaluate(fillSavedSource(papers));
  // A worker woken fresh, as after the browser was idle: the list is read from the store.
  await harness.stopServiceWorker();
});
afterAll(async () => harness?.close());

/** Papers with every word somewhere in their text, as the library's search promises (newest saved first). */
const matching = (text: string) => {
  const words = text.toLowerCase().split(/\s+/);
  return papers.filter((paper) => words.every((word) => [paper.title, ...paper.authors, paper.abstract, ...paper.tags, paper.note, paper.arxivId].join('\n').toLowerCase().includes(word)));
};

describe('the library with 5,000 saved papers in real Chromium', () => {
  it('shows the first page, searches in the worker and never sends the abstracts', async () => {
    const library = await harness.context.newPage();
    await library.addInitScript(REPLY_SPY);
    await library.goto(`chrome-extension://${harness.extensionId}/library.html`);
    await expect.poll(() => library.locator('.ss-status').textContent(), { timeout: 20_000 }).toBe(`${SAVED} of ${SAVED} match`);
    const items = library.locator('.ss-saved-item');
    await expect.poll(() => items.count()).toBe(100);
    expect(await items.first().textContent()).toContain(papers[0]!.title);

    // A search answered by the worker: its count, its papers, in the saved order.
    const expected = matching('problem 1234');
    expect(expected.length).toBeGreaterThan(5);
    await library.getByRole('searchbox').fill('problem 1234');
    await expect.poll(() => library.locator('.ss-status').textContent()).toBe(`${expected.length} of ${SAVED} match`);
    await expect.poll(() => items.count()).toBe(expected.length);
    expect(await items.first().textContent()).toContain(expected[0]!.title);
    // Words in abstracts and notes are searched too, though the abstracts stay in the worker.
    await library.getByRole('searchbox').fill('appendix question');
    await expect.poll(() => library.locator('.ss-status').textContent()).toBe(`${matching('appendix question').length} of ${SAVED} match`);

    // The next hundred on request.
    await library.getByRole('searchbox').fill('');
    await expect.poll(() => library.locator('.ss-status').textContent()).toBe(`${SAVED} of ${SAVED} match`);
    await library.getByRole('button', { name: /^Show 100 more/ }).click();
    await expect.poll(() => items.count()).toBe(200);

    const replies = (await library.evaluate('window.__replies')) as RepliesSeen;
    expect(replies.abstracts).toBe(0);
    // All the abstracts alone would be over 5 MB.
    expect(replies.bytes).toBeGreaterThan(10_000);
    expect(replies.bytes).toBeLessThan(1_000_000);
    await library.close();
  });
});
