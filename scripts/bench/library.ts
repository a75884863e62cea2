// The library with 5,000 saved papers (1 kB abstracts each) in the extension's own database: when
// the first page is on screen, how long a keystroke in the search takes to update the list, and how
// many bytes the library's messages carry (all 5,000 abstracts would be over 5 MB).

import { launch } from '../../tests/e2e/harness';
import { fillSavedSource, REPLY_SPY, savedLibrary, type RepliesSeen } from '../../tests/fixtures/savedLibrary';

export const SAVED = 5000;

export interface LibraryFigures {
  build: string;
  savedPapers: number;
  /** From opening the library to its first page of papers on screen. */
  firstPageMs: number;
  /** From one keystroke in the search box to the list showing its matches. */
  keystrokeMs: number;
  /** The largest message answer the library received by then (all 5,000 abstracts alone are 5.6 MB). */
  largestReplyKb: number;
  /** Message answers that carried an abstract. */
  repliesWithAbstracts: number;
}

export async function libraryBench(build: { name: string; dir: string }): Promise<LibraryFigures> {
  const harness = await launch({ extensionDir: build.dir });
  try {
    const url = `chrome-extension://${harness.extensionId}/library.html`;
    // The extension creates its database when first asked: an empty library asks.
    const first = await harness.context.newPage();
    await first.goto(url);
    await first.locator('.ss-library .ss-status').waitFor();
    await first.close();
    await harness.worker.evaluate(fillSavedSource(savedLibrary(SAVED)));
    // A worker woken fresh, as after the browser was idle: nothing of the list in memory.
    await harness.stopServiceWorker();
    const library = await harness.context.newPage();
    await library.addInitScript(REPLY_SPY);
    await library.goto(url);
    const firstPageMs = (await library.evaluate(`new Promise((resolve) => {
      const check = () => (document.querySelectorAll('.ss-saved-item').length >= 20 && /^${SAVED} of ${SAVED}/.test(document.querySelector('.ss-status')?.textContent ?? '') ? resolve(performance.now()) : setTimeout(check, 2));
      check();
    })`)) as number;
    // Type "problem 12", then time one more keystroke: from the input to the list saying its new count.
    const search = library.locator('input[type="search"]');
    await search.pressSequentially('problem 12', { delay: 30 });
    await library.waitForFunction(() => !/^5000 of/.test(document.querySelector('.ss-status')?.textContent ?? ''), null, { timeout: 30_000 });
    await library.waitForTimeout(500);
    const keystrokeMs = (await library.evaluate(`new Promise((resolve) => {
      const input = document.querySelector('input[type="search"]');
      const before = document.querySelector('.ss-status').textContent;
      const started = performance.now();
      input.value = 'problem 123';
      input.dispatchEvent(new Event('input', { bubbles: true }));
      const check = () => (document.querySelector('.ss-status').textContent !== before ? resolve(performance.now() - started) : requestAnimationFrame(check));
      requestAnimationFrame(check);
    })`)) as number;
    const replies = (await library.evaluate('window.__replies')) as RepliesSeen;
    return { build: build.name, savedPapers: SAVED, firstPageMs: Math.round(firstPageMs), keystrokeMs: Math.round(keystrokeMs), largestReplyKb: Math.round(replies.largest / 1024), repliesWithAbstracts: replies.abstracts };
  } finally {
    await harness.close();
  }
}
