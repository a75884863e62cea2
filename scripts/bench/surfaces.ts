// The abstract page and the popup, warm, with each build; the naive way of asking (one request per
// author) for comparison; and the size of each bundle.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { inContentScriptWorld, ours, whenContentScriptStarts } from '../../tests/e2e/closedUi';
import { launch } from '../../tests/e2e/harness';
import { renderAbsPage } from '../../tests/fixtures/arxivAbs';
import { renderListingPage } from '../../tests/fixtures/arxivPages';
import { listingRecords } from '../../tests/fixtures/recordedPapers';
import { hiperRecord } from '../../tests/fixtures/seedWorld';
import { LISTING_URL, modelLatency } from './listing';

const ABS_URL = 'https://arxiv.org/abs/2602.16165';

/** The naive way, for comparison: one request per author on the page, nothing cached. */
export async function naiveBaseline(entries: number): Promise<{ entries: number; requests: number; ms: number }> {
  const records = listingRecords(entries);
  const harness = await launch({ withoutExtension: true, apiLatencyMs: modelLatency });
  harness.pages.set(LISTING_URL, renderListingPage('cs', 'Computer Science', [{ heading: 'New submissions', records }]));
  const page = await harness.context.newPage();
  await page.goto(LISTING_URL);
  const ms = await page.evaluate(async () => {
    const started = performance.now();
    const names = [...document.querySelectorAll('.list-authors a')].map((a) => a.textContent ?? '');
    await Promise.all(
      names.map((name) =>
        fetch(`https://api.semanticscholar.org/graph/v1/author/search?query=${encodeURIComponent(name)}&fields=hIndex,citationCount`).catch(() => null),
      ),
    );
    return performance.now() - started;
  });
  const requests = harness.apiRequests.length;
  await harness.close();
  return { entries, requests, ms: Math.round(ms) };
}

/** Polls `check` until it is true, for at most `ms`. */
async function expectWithin(check: () => Promise<boolean>, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Not within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

export async function absBench(dir: string): Promise<{ chipsAfterDclMs: number; loadWithMs: number; loadWithoutMs: number }> {
  const harness = await launch({ apiLatencyMs: modelLatency, extensionDir: dir });
  harness.pages.set(ABS_URL, renderAbsPage(hiperRecord));
  const warmUp = await harness.context.newPage();
  await warmUp.goto(ABS_URL);
  await ours(warmUp).locator('scholarscope-chip button.ss-chip').first().waitFor({ timeout: 30_000 });
  await warmUp.close();
  const page = await harness.context.newPage();
  // In the content script's world, the only one that can open its closed roots; started as it appears.
  await whenContentScriptStarts(
    page,
    `(() => { const timer = setInterval(() => {
      const host = document.querySelector('scholarscope-chip');
      if (!host || !chrome.dom.openOrClosedShadowRoot(host)?.querySelector('button.ss-chip')) return;
      window.__chipAt = performance.now();
      clearInterval(timer);
    }, 2); })()`,
  );
  await page.goto(ABS_URL);
  await expectWithin(() => inContentScriptWorld<boolean>(page, 'window.__chipAt !== undefined'), 30_000);
  const timing = await inContentScriptWorld<{ chipAt: number; dcl: number; load: number }>(
    page,
    `(() => { const nav = performance.getEntriesByType('navigation')[0]; return { chipAt: window.__chipAt, dcl: nav.domContentLoadedEventEnd, load: nav.loadEventEnd }; })()`,
  );
  await harness.close();
  const plain = await launch({ withoutExtension: true });
  plain.pages.set(ABS_URL, renderAbsPage(hiperRecord));
  const loads: number[] = [];
  for (let i = 0; i < 3; i++) {
    const tab = await plain.context.newPage();
    await tab.goto(ABS_URL);
    loads.push(await tab.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd));
    await tab.close();
  }
  await plain.close();
  return {
    chipsAfterDclMs: Math.round(timing.chipAt - timing.dcl),
    loadWithMs: Math.round(timing.load),
    loadWithoutMs: Math.round(Math.min(...loads)),
  };
}

export async function popupBench(dir: string): Promise<{ rowsMs: number; dclMs: number; cardAfterClickMs: number }> {
  const harness = await launch({ apiLatencyMs: modelLatency, extensionDir: dir });
  harness.pages.set(ABS_URL, renderAbsPage(hiperRecord));
  const page = await harness.context.newPage();
  await page.goto(ABS_URL);
  await ours(page).locator('scholarscope-chip button.ss-chip').first().waitFor({ timeout: 30_000 });
  // Warm the author card once.
  const first = await harness.openPopup(ABS_URL);
  await first.locator('.ss-author-toggle').first().click();
  await first.locator('.ss-author-panel .ss-pub').first().waitFor({ timeout: 30_000 });
  await first.close();
  // Timed inside the popup: from its navigation start to the author rows, and from the click to the filled card.
  const popup = await harness.openPopup(ABS_URL);
  await popup.locator('.ss-author-toggle').first().waitFor({ timeout: 30_000 });
  const rowsMs = await popup.evaluate(`new Promise((resolve) => {
    const at = performance.getEntriesByType('mark').find((mark) => mark.name === 'rows');
    resolve(at ? at.startTime : performance.now());
  })`);
  // The floor: the popup page itself, parsed and its scripts run, before any answer.
  const dclMs = (await popup.evaluate(`performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd`)) as number;
  const cardAfterClickMs = await popup.evaluate(`new Promise((resolve) => {
    const started = performance.now();
    document.querySelector('.ss-author-toggle').click();
    const timer = setInterval(() => {
      if (!document.querySelector('.ss-author-panel .ss-pub')) return;
      clearInterval(timer);
      resolve(performance.now() - started);
    }, 1);
  })`);
  await harness.close();
  return { rowsMs: Math.round(rowsMs as number), dclMs: Math.round(dclMs), cardAfterClickMs: Math.round(cardAfterClickMs as number) };
}

export function bundleSizes(dir: string): { file: string; rawKb: number; gzipKb: number }[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(js|css|html)$/.test(name)) files.push(path);
    }
  };
  walk(dir);
  const kb = (bytes: number) => Math.round(bytes / 102.4) / 10;
  return files
    .map((path) => {
      const content = readFileSync(path);
      return { file: path.slice(dir.length + 1), rawKb: kb(content.length), gzipKb: kb(gzipSync(content).length) };
    })
    .sort((a, b) => Number(b.file.startsWith('content-scripts')) - Number(a.file.startsWith('content-scripts')) || b.gzipKb - a.gzipKb);
}
