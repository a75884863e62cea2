// Hostile text and hostile pages in real Chromium with the built extension. Payloads arrive from
// every side: the arXiv page, the Semantic Scholar answers, the reader's own tags and notes, and an
// imported file. Nothing may run (a page-side flag stays unset), nothing may become markup, links
// stay on known https hosts, layout holds, and no exception escapes our code.

import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderAbsPage, type AbsRecord } from '../fixtures/arxivAbs';
import { renderListingPage } from '../fixtures/arxivPages';
import { paperAnswer, registerPapers, syntheticAuthorId } from '../fixtures/recordedPapers';
import { hiperRecord } from '../fixtures/seedWorld';
import { ours } from '../e2e/closedUi';
import { launch, type Harness } from '../e2e/harness';
import { HOSTILE_TEXTS } from './payloads';
import { expectClean as expectCleanFor, inspectOurUi, watchExceptions as watchExceptionsIn } from './inspect';

// A page served as UTF-8 cannot hold a lone surrogate (it arrives as U+FFFD); API answers can, so
// it stays in the abstract and affiliations.
const NAMES = HOSTILE_TEXTS.filter((text) => text.trim().length > 0 && text.length < 1000 && text.isWellFormed());
const HOSTILE: AbsRecord = { ...hiperRecord, id: '2602.16166', title: `${HOSTILE_TEXTS[0]} ${HOSTILE_TEXTS[2]} ${'A'.repeat(3000)}`, authors: NAMES, abstract: HOSTILE_TEXTS.join(' ') };
const PAPER_URL = `https://arxiv.org/abs/${HOSTILE.id}`;
let harness: Harness;

/** The author and author-papers answers for the hostile names, in the recorded shapes. */
function hostileAuthorAnswers(url: string): { status: number; body: string } | null {
  const papers = /\/graph\/v1\/author\/(\d+)\/papers/.exec(url);
  const author = /\/graph\/v1\/author\/(\d+)(\?|$)/.exec(url);
  const name = NAMES.find((candidate) => syntheticAuthorId(candidate) === (papers ?? author)?.[1]);
  if (!name) return null;
  if (papers) {
    const entry = { ...(paperAnswer(HOSTILE) as Record<string, unknown>), abstract: HOSTILE.abstract };
    return { status: 200, body: JSON.stringify({ offset: 0, data: [entry] }) };
  }
  const id = syntheticAuthorId(name);
  return { status: 200, body: JSON.stringify({ authorId: id, url: `https://www.semanticscholar.org/author/${id}`, name, affiliations: HOSTILE_TEXTS.slice(0, 5), paperCount: 3, citationCount: 99, hIndex: 2 }) };
}

beforeAll(async () => {
  harness = await launch();
  registerPapers([HOSTILE]);
  harness.pages.set(PAPER_URL, renderAbsPage(HOSTILE));
  harness.apiOverride = (request) => hostileAuthorAnswers(request.url);
});
afterAll(async () => harness?.close());
const watchExceptions = (page: Parameters<typeof watchExceptionsIn>[1]) => watchExceptionsIn(harness, page);
const expectClean = (report: Awaited<ReturnType<typeof inspectOurUi>>) => expectCleanFor(harness, report);

describe('hostile text in real Chromium', () => {
  it('on the abstract page, the hover card, the popup, the library and the compare view: nothing runs, nothing becomes markup', async () => {
    const page = await harness.context.newPage();
    const { errors } = await watchExceptions(page);
    await page.goto(PAPER_URL);
    await expect.poll(() => ours(page).locator('scholarscope-chip .ss-chip', { hasText: /^h \d+ · / }).count(), { timeout: 15_000 }).toBe(NAMES.length);
    // The hover card of a hostile author, with the hostile publication's abstract open.
    await page.locator('div.authors > a').first().focus();
    const card = ours(page).locator('scholarscope-card .ss-popover');
    await card.locator('.ss-pub').first().waitFor({ timeout: 15_000 });
    await card.getByRole('button', { name: 'Show abstract' }).click();
    expect(await card.locator('.ss-name').textContent()).toBe(NAMES[0]);
    // As text, capped at 20,000 characters; a lone surrogate crosses HTTP as U+FFFD, as from the real API.
    expect(await card.locator('.ss-abstract-text').textContent()).toBe(HOSTILE.abstract.toWellFormed().slice(0, 20_000));
    const report = await inspectOurUi(page, false);
    // Our closed roots were opened and looked into: the chips, the badge, the card.
    expect(report.roots).toBeGreaterThan(NAMES.length);
    expectClean(report);
    // Our chips stay chip-sized whatever the names.
    expect(report.widest).toBeLessThan(200);
    // Save it and add it to the compare tray from the card.
    await card.locator('.ss-compare:not(.ss-follow)').click();
    await page.keyboard.press('Escape');
    await ours(page).locator('scholarscope-badge .ss-save').click();
    await expect.poll(() => ours(page).locator('scholarscope-badge .ss-save').getAttribute('aria-pressed')).toBe('true');
    expect(errors).toEqual([]);

    const popup = await harness.openPopup(PAPER_URL);
    await popup.locator('.ss-author-row').first().waitFor({ timeout: 15_000 });
    await popup.locator('.ss-author-toggle').first().click();
    await popup.locator('.ss-author-panel .ss-pub').first().waitFor({ timeout: 15_000 });
    expect(await popup.locator('.ss-author-name').allTextContents()).toEqual(NAMES);
    expectClean(await inspectOurUi(popup, true));

    const library = await harness.context.newPage();
    await library.goto(`chrome-extension://${harness.extensionId}/library.html`);
    const item = library.locator('.ss-saved-item').first();
    await item.waitFor({ timeout: 15_000 });
    await item.locator('.ss-tags-input').fill(`${HOSTILE_TEXTS[0]}, ${HOSTILE_TEXTS[3]}`);
    await item.locator('.ss-tags-input').press('Tab');
    await item.locator('textarea').fill(HOSTILE_TEXTS.join('\n'));
    await item.locator('textarea').press('Tab');
    await library.locator('.ss-library-controls select').first().locator('option', { hasText: 'onerror' }).waitFor({ state: 'attached', timeout: 10_000 });
    // The title as text (cut to the snapshot's length limit).
    const savedTitle = (await item.locator('.ss-saved-title').textContent())!;
    expect(savedTitle.length).toBeGreaterThan(1000);
    expect(HOSTILE.title.startsWith(savedTitle)).toBe(true);
    // An imported file full of payloads is text too.
    const hostileFile = JSON.stringify({
      format: 'scholarscope-saved-papers',
      version: 1,
      papers: [{ key: '1810.04805', arxivId: '1810.04805', version: 2, title: HOSTILE_TEXTS[2], authors: NAMES, abstract: HOSTILE_TEXTS[1], publicationDate: null, year: 2018, primaryCategory: HOSTILE_TEXTS[3], doi: null, citationCount: null, savedAt: 1, tags: [HOSTILE_TEXTS[4]!], note: HOSTILE_TEXTS[0], status: 'read' }],
    });
    await library.locator('input[type="file"]').setInputFiles({ name: `${HOSTILE_TEXTS[0]}.json`, mimeType: 'application/json', buffer: Buffer.from(hostileFile) });
    await expect.poll(() => library.locator('.ss-saved-item').count(), { timeout: 10_000 }).toBe(2);
    expect(await library.locator('.ss-saved-title').allTextContents()).toContain(HOSTILE_TEXTS[2]);
    expectClean(await inspectOurUi(library, true));
    const download = library.waitForEvent('download');
    await library.getByRole('button', { name: 'BibTeX' }).click();
    const bibtex = readFileSync(await (await download).path(), 'utf8');
    // BibTeX is text, not markup: what matters there is that TeX's specials are escaped.
    expect(bibtex).toContain('window.\\_\\_scholarscopePwned');
    expect(bibtex).toContain('{\\textbraceleft}{\\textbraceleft}constructor.constructor');
    expect(bibtex).not.toMatch(/\\[{}]/); // never a lone escaped brace, which BibTeX still counts

    await library.goto(`chrome-extension://${harness.extensionId}/library.html#compare`);
    await library.locator('.ss-compare-name').first().waitFor({ timeout: 15_000 });
    await expect.poll(() => library.locator('.ss-chart svg[role="img"]').count(), { timeout: 15_000 }).toBe(1);
    expect(await library.locator('.ss-compare-name').first().textContent()).toBe(NAMES[0]);
    expectClean(await inspectOurUi(library, true));
    await Promise.all([page.close(), popup.close(), library.close()]);
  });

  it('refuses messages from a web page and malformed messages from anywhere', async () => {
    const page = await harness.context.newPage();
    await page.goto(PAPER_URL);
    const fromPage = await page.evaluate((id) => {
      const runtime = (window as unknown as { chrome?: { runtime?: { sendMessage?: (id: string, message: unknown) => unknown } } }).chrome?.runtime;
      try {
        if (!runtime?.sendMessage) return 'no way to send';
        runtime.sendMessage(id, { type: 'savedQuery', query: { text: '', tag: null, status: null, sort: 'saved' }, offset: 0, limit: 10 });
        return 'sent';
      } catch {
        return 'refused';
      }
    }, harness.extensionId);
    expect(['no way to send', 'refused']).toContain(fromPage);
    const options = await harness.openOptions();
    const replies = await options.evaluate(async () => {
      const send = (message: unknown) => chrome.runtime.sendMessage(message) as Promise<{ ok: boolean; error?: string }>;
      return Promise.all([
        send({ type: 'papers', keys: ['<script>alert(1)</script>'] }),
        send({ type: 'savePaper', key: '2602.16166', page: { title: 'x'.repeat(5000), authors: [], version: null, primaryCategory: null } }),
        send({ type: 'compareAdd', authors: [{ authorId: 'javascript:1', name: 'x' }] }),
        send({ type: 'importSaved', content: 42 }),
        send({ type: '__proto__' }),
        send(null),
      ]);
    });
    for (const reply of replies) expect(reply).toMatchObject({ ok: false });
    await Promise.all([page.close(), options.close()]);
  });
});

describe('hostile pages in real Chromium', () => {
  const many: AbsRecord = { ...hiperRecord, id: '2602.16167', authors: Array.from({ length: 10_000 }, (_, i) => `Author Number${i}`) };
  const cases: { name: string; url: string; html: () => string }[] = [
    { name: 'an abstract page with 10,000 authors', url: `https://arxiv.org/abs/${many.id}`, html: () => renderAbsPage(many) },
    {
      name: 'an abstract page with no title, no authors block and duplicated ids',
      url: 'https://arxiv.org/abs/2602.16165',
      html: () => renderAbsPage(hiperRecord).replace(/<h1 class="title[^]*?<\/h1>/, '').replace('<div class="authors">', '<div class="authorz">').replace('<div id="abs">', '<div id="abs"></div><div id="abs">'),
    },
    {
      name: 'a listing inside 3,000 nested divs, with duplicated entries and a dt without its dd',
      url: 'https://arxiv.org/list/cs/pastweek',
      html: () => {
        const listing = renderListingPage('cs', 'Computer Science', [{ heading: 'New', records: [hiperRecord, hiperRecord] }]);
        const dl = /<dl id=['"]articles['"]>[^]*<\/dl>/.exec(listing)![0];
        const broken = dl.replace('</dl>', '<dt><a href="/abs/2602.99999" title="Abstract" id="2602.99999">arXiv:2602.99999</a></dt></dl>');
        return listing.replace(dl, '<div>'.repeat(3000) + broken + broken + '</div>'.repeat(3000));
      },
    },
  ];

  it.each(cases.map((c, index) => [c.name, index] as const))('%s: no exception escapes and no task of ours passes 50 ms', async (_name, index) => {
    const { url, html } = cases[index]!;
    harness.pages.set(url, html());
    const page = await harness.context.newPage();
    const { errors } = await watchExceptions(page);
    await page.goto(url);
    // Give the content script time to do all it will do.
    await page.waitForTimeout(2500);
    const measures = await page.evaluate(() => performance.getEntriesByType('measure').filter((m) => m.name.startsWith('scholarscope:')).map((m) => ({ name: m.name, duration: m.duration })));
    expect(errors).toEqual([]);
    // The content script did run (its steps are on the timeline), and none of them ran long.
    expect(measures.length).toBeGreaterThan(0);
    for (const measure of measures) expect(measure.duration, measure.name).toBeLessThan(50);
    expectClean(await inspectOurUi(page, false));
    // The page still answers.
    expect(await page.evaluate(() => document.title.length >= 0)).toBe(true);
    await page.close();
  });
});

declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };
