// Content scripts are untrusted, tried as an attacker would in real Chromium against the built
// extension: code in our content script's isolated world (reached through the DevTools protocol, as
// a compromised renderer would run it) and the page's own scripts in its main world. Each refused
// operation is refused and changes nothing; the reader's own use is unchanged.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { renderAbsPage } from '../fixtures/arxivAbs';
import { hiperRecord } from '../fixtures/seedWorld';
import { inContentScriptWorld, ours } from './closedUi';
import { launch, type Harness } from './harness';

const PAPER_URL = `https://arxiv.org/abs/${hiperRecord.id}`;
const OTHER_URL = `${PAPER_URL}v1`;
/** A paper the reader saved elsewhere: not on the attacked page. */
const ELSEWHERE = '1706.03762';
const WALKING_DOI = 'doi:10.1234/../../../graph/v1/author/999';

type Reply = { ok: boolean; error?: string; data?: unknown };
let harness: Harness;
let options: Page;

/** A message from an extension page (the reader's own). */
const fromOptions = (message: unknown) => options.evaluate((m) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<Reply> } } }).chrome.runtime.sendMessage(m), message);
/** Messages from our content script's world of `page`, as a compromised renderer sends them. */
const fromContentScript = (page: Page, messages: unknown[]) => inContentScriptWorld<Reply[]>(page, `Promise.all(${JSON.stringify(messages)}.map((m) => chrome.runtime.sendMessage(m)))`);

beforeAll(async () => {
  harness = await launch();
  harness.pages.set(PAPER_URL, renderAbsPage(hiperRecord));
  harness.pages.set(OTHER_URL, renderAbsPage(hiperRecord));
  options = await harness.openOptions();
  expect((await fromOptions({ type: 'saveSettings', settings: { s2ApiKey: 'readerS2Key0001', openAlexApiKey: 'readerOaKey0001', openAlexEmail: 'reader@example.org' } })).ok).toBe(true);
  expect((await fromOptions({ type: 'savePaper', key: ELSEWHERE, page: { title: 'Attention Is All You Need', authors: ['Ashish Vaswani'], version: 7, primaryCategory: 'cs.CL' } })).ok).toBe(true);
});
afterAll(async () => harness?.close());

async function openPaper(url = PAPER_URL): Promise<Page> {
  const page = await harness.context.newPage();
  await page.goto(url);
  await expect.poll(() => ours(page).locator('scholarscope-chip .ss-chip', { hasText: /^h \d/ }).count(), { timeout: 15_000 }).toBeGreaterThan(0);
  return page;
}

const savedKeys = async () => ((await fromOptions({ type: 'savedRecords', offset: 0, limit: 100 })).data as { papers: { key: string }[] }).papers.map((paper) => paper.key).sort();

describe('messages from a content script', () => {
  it('are refused unless the page needs them: no keys, no e-mail, no saved list, no settings or imports, no other papers', async () => {
    const page = await openPaper();
    const upload = 'attackupload01';
    const planted = JSON.stringify({ format: 'scholarscope-data', version: 1, saved: [], compare: [], follows: [{ authorId: '666', name: 'Planted', followedAt: 1 }], pins: [{ profile: 'dblp:36/8449', authorId: '666', pinnedAt: 1 }], settings: {}, prefs: { panelCollapsed: false } });
    const attacks = [
      { type: 'getSettings' },
      { type: 'savedRecords', offset: 0, limit: 100 },
      { type: 'exportAll' },
      { type: 'saveSettings', settings: { s2ApiKey: 'attacker-key' } },
      { type: 'uploadPart', upload, index: 0, total: 1, text: planted },
      { type: 'importAll', upload },
      { type: 'unsave', keys: [ELSEWHERE] },
      { type: 'savedWhich', keys: [ELSEWHERE] },
      { type: 'savePaper', key: ELSEWHERE, page: { title: 'x', authors: [], version: null, primaryCategory: null } },
      { type: 'unsave', keys: [hiperRecord.id, ELSEWHERE] },
      { type: 'clearCache' },
    ];
    const replies = await fromContentScript(page, attacks);
    expect(replies.map((reply) => reply.ok)).toEqual(attacks.map(() => false));
    expect(replies.slice(0, 6).map((reply) => reply.error)).toEqual(attacks.slice(0, 6).map(({ type }) => `${type} is for ScholarScope's own pages, not for a web page`));
    expect(replies[6]!.error).toBe('unsave: a page may name only papers it shows');
    expect(replies[9]!.error).toBe('unsave: a page may name at most 1 paper a message');
    // What the page needs, it gets: its settings without keys or e-mail, its own paper's saved state.
    const [settings, which] = await fromContentScript(page, [{ type: 'pageSettings' }, { type: 'savedWhich', keys: [hiperRecord.id] }]);
    expect(settings).toMatchObject({ ok: true, data: { theme: 'system', panelCollapsed: false } });
    expect(JSON.stringify(settings)).not.toMatch(/readerS2Key0001|readerOaKey0001|reader@example\.org/);
    expect(which).toEqual({ ok: true, data: [] });
    // Nothing changed, as the reader's own pages see it.
    const after = (await fromOptions({ type: 'getSettings' })).data as Record<string, string>;
    expect([after.s2ApiKey, after.openAlexApiKey, after.openAlexEmail]).toEqual(['readerS2Key0001', 'readerOaKey0001', 'reader@example.org']);
    expect(await savedKeys()).toEqual([ELSEWHERE]);
    expect((await fromOptions({ type: 'followList' })).data).toEqual([]);
    await page.close();
  });

  it('may not send more than its share of unanswered messages; another tab is served meanwhile', async () => {
    const page = await openPaper();
    const other = await openPaper(OTHER_URL);
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    harness.apiGate = () => held;
    // Papers no one has asked about: each message waits for the (held) batch request.
    const asks = Array.from({ length: 40 }, (_, i) => ({ type: 'papers', keys: [`2601.${String(20_000 + i)}`] }));
    const flood = fromContentScript(page, asks);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await fromContentScript(other, [{ type: 'pageSettings' }])).toEqual([expect.objectContaining({ ok: true })]);
    release();
    harness.apiGate = null;
    const replies = await flood;
    const refused = replies.filter((reply) => reply.error === 'This page has too many requests waiting; try again in a moment');
    expect(refused.length).toBeGreaterThanOrEqual(40 - 24);
    await Promise.all([page.close(), other.close()]);
  });

  it('cannot make an id walk up an API path', async () => {
    const page = await openPaper();
    harness.apiRequests.length = 0;
    const replies = await fromContentScript(page, [
      { type: 'related', key: WALKING_DOI },
      { type: 'papers', keys: [WALKING_DOI] },
      { type: 'related', key: 'doi:10.1234/%2F..%2F..%2Fauthors' },
    ]);
    expect(replies.map((reply) => reply.ok)).toEqual([false, false, false]);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(harness.apiRequests.filter((request) => /\/author\/999|\/recommendations\/v1\/graph|api\.openalex\.org\/authors/.test(request.url))).toEqual([]);
    await page.close();
  });
});

describe("the page's own scripts and our in-page UI", () => {
  it('see no shadow root, and their clicks and those of a script in our world save nothing; the reader’s click does', async () => {
    const page = await openPaper();
    const save = ours(page).locator('h1.title scholarscope-badge .ss-save');
    await expect.poll(() => save.textContent(), { timeout: 10_000 }).toBe('☆ Save');
    // The main world: every host's root is closed, and a click on a host is nothing of ours.
    const fromPage = await page.evaluate(() => {
      const hosts = [...document.querySelectorAll('[data-scholarscope]')];
      hosts.forEach((host) => (host as HTMLElement).click());
      return { hosts: hosts.length, open: hosts.filter((host) => host.shadowRoot !== null).length };
    });
    expect(fromPage.hosts).toBeGreaterThan(5);
    expect(fromPage.open).toBe(0);
    // Our world, as a compromised renderer or a careless script of ours: a synthetic click on Save.
    await save.evaluate((button) => (button as HTMLButtonElement).click());
    await save.evaluate((button) => button.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true })));
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(await save.textContent()).toBe('☆ Save');
    expect(await savedKeys()).toEqual([ELSEWHERE]);
    // The reader's click (a real input event) saves.
    await save.click();
    await expect.poll(() => save.textContent(), { timeout: 10_000 }).toBe('★ Saved');
    expect(await savedKeys()).toEqual([ELSEWHERE, hiperRecord.id].sort());
    await page.close();
  });
});
