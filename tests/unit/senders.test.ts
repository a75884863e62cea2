import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createBackground } from '../../lib/background';
import { createContentGate, MAX_IN_FLIGHT_PER_TAB, type LedgerStore } from '../../lib/background/contentGate';
import { handleMessage, senderKind, type Handlers } from '../../lib/background/router';
import { openDatabase } from '../../lib/background/store/db';
import { PROTOCOL } from '../../lib/core/protocol';
import { instantGates } from '../fixtures/gates';
import { recordedFetch } from '../fixtures/recordedApi';

// Who may send what: extension pages everything, content scripts (code in a web page's renderer,
// which the page may have compromised) only what their page's drawing needs, about their own papers.

const OWN = { id: 'own-id', origin: 'chrome-extension://own-id/' };
const POPUP = { id: 'own-id', url: 'chrome-extension://own-id/popup.html?tab=7' };
/** The library opened in a tab has a tab too: it is still an extension page. */
const LIBRARY_TAB = { id: 'own-id', url: 'chrome-extension://own-id/library.html', tab: { id: 9 } };
const ARXIV_TAB = { id: 'own-id', url: 'https://arxiv.org/list/cs.LG/new', tab: { id: 7 } };
const OTHER_TAB = { id: 'own-id', url: 'https://arxiv.org/abs/2602.16165', tab: { id: 8 } };

/** Exactly what the two content scripts send (their bundles name no other message). */
const CONTENT_MESSAGES = [
  'authorCard', 'compareAdd', 'compareList', 'compareRemove', 'follow', 'followList', 'pageSettings', 'papers', 'personCandidates', 'personDrop',
  'personMerge', 'personUnmerge', 'pinProfile', 'profileCandidates', 'related', 'resolveProfile', 'savePaper', 'savePrefs', 'savedWhich', 'unfollow', 'unsave', 'zoteroSend', 'zoteroWhich',
];

function recordingHandlers(): Handlers & { calls: string[] } {
  const calls: string[] = [];
  const handlers = Object.fromEntries(Object.keys(PROTOCOL).map((name) => [name, async () => (calls.push(name), null)])) as unknown as Handlers;
  return Object.assign(handlers, { calls });
}

describe('who sends', () => {
  it('tells extension pages from content scripts by the address, not by the tab', () => {
    expect(senderKind(POPUP, OWN)).toEqual({ kind: 'extension' });
    expect(senderKind(LIBRARY_TAB, OWN)).toEqual({ kind: 'extension' });
    expect(senderKind(ARXIV_TAB, OWN)).toEqual({ kind: 'content', tabId: 7 });
    // A page whose address merely contains the extension's origin is still a page.
    expect(senderKind({ id: 'own-id', url: 'https://evil.example/chrome-extension://own-id/', tab: { id: 3 } }, OWN)).toEqual({ kind: 'content', tabId: 3 });
    expect(senderKind({ id: 'other', url: 'chrome-extension://other/popup.html' }, OWN)).toBeNull();
    expect(senderKind({ id: 'own-id', url: 'https://arxiv.org/' }, OWN)).toBeNull();
  });
});

describe('the protocol marks what content scripts may send', () => {
  it('marks exactly the messages the content scripts use', () => {
    const marked = Object.entries(PROTOCOL)
      .filter(([, def]) => def.content)
      .map(([name]) => name)
      .sort();
    expect(marked).toEqual([...CONTENT_MESSAGES].sort());
  });

  it('refuses every other message from a content script, with a clear error and no handler run', async () => {
    const unmarked = Object.keys(PROTOCOL).filter((name) => !CONTENT_MESSAGES.includes(name));
    expect(unmarked).toEqual(expect.arrayContaining(['getSettings', 'saveSettings', 'savedRecords', 'exportAll', 'uploadPart', 'importAll', 'importSaved', 'restoreSaved', 'clearCache']));
    for (const type of unmarked) {
      const handlers = recordingHandlers();
      const reply = await handleMessage(handlers, { type }, ARXIV_TAB, OWN, createContentGate(null));
      expect(reply).toEqual({ ok: false, error: `${type} is for ScholarScope's own pages, not for a web page` });
      expect(handlers.calls).toEqual([]);
    }
  });

  it('lets extension pages send everything, also from a tab', async () => {
    const handlers = recordingHandlers();
    expect(await handleMessage(handlers, { type: 'getSettings' }, LIBRARY_TAB, OWN, createContentGate(null))).toEqual({ ok: true, data: null });
    expect(await handleMessage(handlers, { type: 'unsave', keys: ['2602.16165', '2401.00001'] }, POPUP, OWN, createContentGate(null))).toEqual({ ok: true, data: null });
    expect(handlers.calls).toEqual(['getSettings', 'unsave']);
  });
});

describe('a content script names only the papers its page shows', () => {
  it('may ask which are saved, save and remove only papers its tab asked about', async () => {
    const handlers = recordingHandlers();
    const gate = createContentGate(null);
    const send = (raw: object, sender = ARXIV_TAB) => handleMessage(handlers, raw, sender, OWN, gate);
    expect(await send({ type: 'unsave', keys: ['2602.16165'] })).toEqual({ ok: false, error: 'unsave: a page may name only papers it shows' });
    expect(await send({ type: 'savedWhich', keys: ['2602.16165'] })).toMatchObject({ ok: false });
    expect(await send({ type: 'papers', keys: ['2602.16165', '2401.00001'] })).toEqual({ ok: true, data: null });
    expect(await send({ type: 'savedWhich', keys: ['2602.16165', '2401.00001'] })).toEqual({ ok: true, data: null });
    expect(await send({ type: 'unsave', keys: ['2602.16165'] })).toEqual({ ok: true, data: null });
    // One paper a message, and never another tab's.
    expect(await send({ type: 'unsave', keys: ['2602.16165', '2401.00001'] })).toEqual({ ok: false, error: 'unsave: a page may name at most 1 paper a message' });
    expect(await send({ type: 'unsave', keys: ['2602.16165'] }, OTHER_TAB)).toMatchObject({ ok: false });
    expect(await send({ type: 'savedWhich', keys: ['2602.16165', '1706.03762'] })).toMatchObject({ ok: false });
    expect(handlers.calls).toEqual(['papers', 'savedWhich', 'unsave']);
  });

  it('counts a profile page’s papers as its own', async () => {
    const handlers = recordingHandlers();
    const gate = createContentGate(null);
    const profile = { profile: 'dblp:36/8449', name: 'Zhaoran Wang', s2AuthorId: null, paperKeys: ['2602.16165'], titles: [] };
    await handleMessage(handlers, { type: 'resolveProfile', profile }, ARXIV_TAB, OWN, gate);
    expect(await handleMessage(handlers, { type: 'savedWhich', keys: ['2602.16165'] }, ARXIV_TAB, OWN, gate)).toEqual({ ok: true, data: null });
  });

  it('remembers a page’s papers across a stopped worker, through the session store', async () => {
    let stored: Record<string, string[]> | undefined;
    const store: LedgerStore = { load: async () => stored, save: async (tabs) => void (stored = structuredClone(tabs)) };
    await handleMessage(recordingHandlers(), { type: 'papers', keys: ['2602.16165'] }, ARXIV_TAB, OWN, createContentGate(store));
    await new Promise((resolve) => setTimeout(resolve, 0));
    const restarted = createContentGate(store);
    expect(await handleMessage(recordingHandlers(), { type: 'savePaper', key: '2602.16165', page: { title: 'T', authors: [], version: 1, primaryCategory: null } }, ARXIV_TAB, OWN, restarted)).toEqual({ ok: true, data: null });
    await restarted.forget(7);
    expect(await handleMessage(recordingHandlers(), { type: 'unsave', keys: ['2602.16165'] }, ARXIV_TAB, OWN, createContentGate(store))).toMatchObject({ ok: false });
  });

  it('bounds the messages one tab may have unanswered, and says so', async () => {
    const gate = createContentGate(null);
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const handlers = recordingHandlers();
    handlers.followList = async () => (await held, []);
    const waiting = Array.from({ length: MAX_IN_FLIGHT_PER_TAB }, () => handleMessage(handlers, { type: 'followList' }, ARXIV_TAB, OWN, gate));
    expect(await handleMessage(handlers, { type: 'followList' }, ARXIV_TAB, OWN, gate)).toEqual({ ok: false, error: 'This page has too many requests waiting; try again in a moment' });
    // Another tab is not held up by this one.
    expect(await handleMessage(handlers, { type: 'compareList' }, OTHER_TAB, OWN, gate)).toEqual({ ok: true, data: null });
    release();
    await Promise.all(waiting);
    expect(await handleMessage(handlers, { type: 'followList' }, ARXIV_TAB, OWN, gate)).toEqual({ ok: true, data: [] });
  });
});

describe('the settings a page gets', () => {
  it('hold the theme, the sites and the panel state, never a key or the e-mail', async () => {
    const db = await openDatabase(`senders-${Math.random()}`);
    const background = createBackground({ db: async () => db, fetch: recordedFetch(), gates: instantGates() });
    await background.saveSettings({ s2ApiKey: 'secret-s2-key', openAlexApiKey: 'secret-oa-key', openAlexEmail: 'reader@example.org', theme: 'dark' });
    const reply = await handleMessage(background.handlers, { type: 'pageSettings' }, ARXIV_TAB, OWN, createContentGate(null));
    expect(reply.ok).toBe(true);
    const data = (reply as { data: Record<string, unknown> }).data;
    expect(Object.keys(data).sort()).toEqual(['panelCollapsed', 'sites', 'theme', 'zotero']);
    expect(data.theme).toBe('dark');
    expect(JSON.stringify(data)).not.toMatch(/secret|reader@/);
    expect(await handleMessage(background.handlers, { type: 'getSettings' }, ARXIV_TAB, OWN, createContentGate(null))).toMatchObject({ ok: false });
  });
});
