import { zoteroMessages } from '../../lib/core/protocol/zotero';
import { describe, expect, it } from 'vitest';
import { createBackground } from '../../lib/background';
import { createContentGate } from '../../lib/background/contentGate';
import { handleMessage, type Handlers } from '../../lib/background/router';
import { openDatabase } from '../../lib/background/store/db';
import { PROTOCOL, parseRequest as parseBackgroundRequest } from '../../lib/core/protocol';
import { MAX_IDS_PER_MESSAGE } from '../../lib/core/protocol/define';
import { paperMessages } from '../../lib/core/protocol/papers';
import { peopleMessages } from '../../lib/core/protocol/people';
import { savedMessages } from '../../lib/core/protocol/saved';
import { settingsMessages } from '../../lib/core/protocol/settings';
import { DEFAULT_SETTINGS } from '../../lib/core/settings';
import { ALL_SITES_ON, SITE_IDS } from '../../lib/core/sites/registry';
import { instantGates } from '../fixtures/gates';
import { recordedFetch } from '../fixtures/recordedApi';

const OWN_ID = 'own-extension-id';
const OWN = { id: OWN_ID, origin: `chrome-extension://${OWN_ID}/` };
/** The popup, as the browser describes it when it sends. */
const POPUP = { id: OWN_ID, url: `chrome-extension://${OWN_ID}/popup.html?tab=3` };
const EMPTY_CACHE = { papers: 0, authors: 0, publications: 0, citationLists: 0, related: 0, openalex: 0, profileSearches: 0, publishedChecks: 0 };

/** Handlers that log what they were asked; the few the tests look at answer like the background. */
function fakeHandlers(): Handlers & { calls: string[] } {
  const calls: string[] = [];
  const unused = async () => {
    throw new Error('not used by this test');
  };
  const handlers = Object.fromEntries(Object.keys(PROTOCOL).map((name) => [name, unused])) as unknown as Handlers;
  return {
    ...handlers,
    calls,
    papers: async ({ keys }) => (calls.push(`papers:${keys.join(',')}`), {}),
    authorCard: async ({ authorId }) => {
      calls.push(`authorCard:${authorId}`);
      throw new Error('Semantic Scholar answered 404');
    },
    saveSettings: async ({ settings }) => (calls.push(`saveSettings:${settings.s2ApiKey}`), { ...DEFAULT_SETTINGS, ...settings }),
    clearCache: async () => (calls.push('clearCache'), EMPTY_CACHE),
    resolveProfile: async ({ profile }) => (calls.push(`resolve:${profile.profile}`), { status: 'unknown' }),
    pinProfile: async ({ profile, authorId }) => (calls.push(`pin:${profile}:${authorId}`), null),
  };
}

describe('the protocol table', () => {
  it('declares every message once', () => {
    const groups = [paperMessages, savedMessages, peopleMessages, settingsMessages, zoteroMessages].map((group) => Object.keys(group));
    const names = groups.flat();
    expect(new Set(names).size).toBe(names.length);
    expect(Object.keys(PROTOCOL).sort()).toEqual([...names].sort());
  });

  it('refuses names that are not messages, even those every object has', () => {
    for (const type of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) expect(parseBackgroundRequest({ type })).toEqual({ error: `Unknown message type: ${type}` });
  });
});

describe('parseBackgroundRequest', () => {
  it('accepts well-formed requests', () => {
    expect(parseBackgroundRequest({ type: 'papers', keys: ['2602.16165', 'hep-th/9108002', 'doi:10.1145/3620665.3640400'] })).toEqual({
      type: 'papers',
      keys: ['2602.16165', 'hep-th/9108002', 'doi:10.1145/3620665.3640400'],
    });
    expect(parseBackgroundRequest({ type: 'authorCard', authorId: '2259683' })).toEqual({ type: 'authorCard', authorId: '2259683' });
  });

  it.each([
    [null, /no type/],
    ['papers', /no type/],
    [{ type: 'drop-database' }, /Unknown message type/],
    [{ type: 'papers' }, /1 to/],
    [{ type: 'papers', keys: [] }, /1 to/],
    [{ type: 'papers', keys: ['2602.16165v1'] }, /without version/],
    [{ type: 'papers', keys: ['<img src=x onerror=alert(1)>'] }, /Not a paper key/],
    [{ type: 'papers', keys: ['doi:not-a-doi'] }, /Not a paper key/],
    [{ type: 'papers', keys: ['doi:10.1145/UPPER'] }, /Not a paper key/],
    [{ type: 'papers', keys: [42] }, /Not a paper key/],
    [{ type: 'papers', keys: Array(MAX_IDS_PER_MESSAGE + 1).fill('2602.16165') }, /1 to/],
    [{ type: 'authorCard', authorId: '../../paper/batch' }, /author id/],
    [{ type: 'authorCard', authorId: 12 }, /author id/],
    [{ type: 'saveSettings' }, /s2ApiKey/],
    [{ type: 'resolveProfile', profile: { profile: 'evil:1', name: null, s2AuthorId: null, paperKeys: [], titles: [] } }, /Unknown profile key/],
    [{ type: 'resolveProfile', profile: { profile: 'dblp:36/8449', name: 5, s2AuthorId: null, paperKeys: [], titles: [] } }, /name/],
    [{ type: 'resolveProfile', profile: { profile: 'dblp:36/8449', name: 'X', s2AuthorId: '1; drop', paperKeys: [], titles: [] } }, /author id/],
    [{ type: 'resolveProfile', profile: { profile: 'dblp:36/8449', name: 'X', s2AuthorId: null, paperKeys: ['nope'], titles: [] } }, /arXiv ids/],
    [{ type: 'pinProfile', profile: 'dblp:36/8449', authorId: 'abc' }, /author id or null/],
    [{ type: 'resolveProfile', profile: { profile: 'scholar:x y', name: 'X', s2AuthorId: null, paperKeys: [], titles: [] } }, /Unknown profile key/],
    [{ type: 'resolveProfile', profile: { profile: 'scholar:Qi2PSmEAAAAJ', name: 'X', s2AuthorId: null, paperKeys: [], titles: ['t'.repeat(501)] } }, /titles/],
    [{ type: 'savePrefs', prefs: { panelCollapsed: 'yes' } }, /panelCollapsed/],
    [{ type: 'savePaper', key: '2602.16165v1', page: { title: 't', authors: [], version: 1, primaryCategory: null } }, /paper key/],
    [{ type: 'savePaper', key: '2602.16165', page: { title: 't', authors: [5], version: 1, primaryCategory: null } }, /what the page shows/],
    [{ type: 'updateSaved', keys: ['2602.16165'], changes: { status: 'done' } }, /changes/],
    [{ type: 'updateSaved', keys: ['2602.16165'], changes: { tags: ['x'.repeat(101)] } }, /changes/],
    [{ type: 'restoreSaved', papers: [{ key: 'nope' }] }, /Paper 1/],
    [{ type: 'importSaved', content: 5 }, /upload of the file/],
    [{ type: 'importAll', upload: '../../x' }, /upload of the file/],
    [{ type: 'uploadPart', upload: 'abcdefgh12', index: 1, total: 1, text: '' }, /index of its part/],
    [{ type: 'savedRecords', offset: 0, limit: 5000 }, /limit from 1 to 2000/],
    [{ type: 'unsave', keys: 'all' }, /paper keys/],
    [{ type: 'saveSettings', settings: { s2ApiKey: 'abc\r\nx-evil: 1' } }, /letters and digits/],
    [{ type: 'saveSettings', settings: { s2ApiKey: 'a'.repeat(101) } }, /letters and digits/],
  ])('refuses %j', (raw, reason) => {
    const parsed = parseBackgroundRequest(raw);
    expect('error' in parsed && parsed.error).toMatch(reason);
  });
});

describe('handleMessage', () => {
  it('dispatches valid requests from this extension', async () => {
    const service = fakeHandlers();
    const reply = await handleMessage(service, { type: 'papers', keys: ['2602.16165'] }, POPUP, OWN, createContentGate(null));
    expect(reply).toEqual({ ok: true, data: {} });
    expect(service.calls).toEqual(['papers:2602.16165']);
  });

  it('refuses other senders without touching the service', async () => {
    const service = fakeHandlers();
    const reply = await handleMessage(service, { type: 'papers', keys: ['2602.16165'] }, { id: 'someone-else', url: 'chrome-extension://someone-else/popup.html' }, OWN, createContentGate(null));
    expect(reply).toEqual({ ok: false, error: 'Messages are accepted only from this extension' });
    expect(await handleMessage(service, { type: 'papers', keys: ['2602.16165'] }, {}, OWN, createContentGate(null))).toMatchObject({ ok: false });
    expect(await handleMessage(service, { type: 'clearCache' }, { id: 'someone-else', url: 'chrome-extension://someone-else/popup.html' }, OWN, createContentGate(null))).toMatchObject({ ok: false });
    expect(service.calls).toEqual([]);
  });

  it('dispatches settings and cache requests, trimming the key', async () => {
    const service = fakeHandlers();
    expect(await handleMessage(service, { type: 'saveSettings', settings: { s2ApiKey: '  abc123  ' } }, POPUP, OWN, createContentGate(null))).toEqual({
      ok: true,
      data: { ...DEFAULT_SETTINGS, s2ApiKey: 'abc123' },
    });
    await handleMessage(service, { type: 'clearCache' }, POPUP, OWN, createContentGate(null));
    expect(service.calls).toEqual(['saveSettings:abc123', 'clearCache']);
  });

  it('dispatches profile requests', async () => {
    const service = fakeHandlers();
    const profile = { profile: 'dblp:36/8449', name: 'Zhaoran Wang', s2AuthorId: null, paperKeys: ['2602.16165'], titles: [] };
    expect(await handleMessage(service, { type: 'resolveProfile', profile }, POPUP, OWN, createContentGate(null))).toEqual({ ok: true, data: { status: 'unknown' } });
    expect(await handleMessage(service, { type: 'pinProfile', profile: 'dblp:36/8449', authorId: null }, POPUP, OWN, createContentGate(null))).toEqual({ ok: true, data: null });
    expect(service.calls).toEqual(['resolve:dblp:36/8449', 'pin:dblp:36/8449:null']);
  });

  it('answers malformed messages and service failures with an error, never a throw', async () => {
    const service = fakeHandlers();
    expect(await handleMessage(service, { type: 'nope' }, POPUP, OWN, createContentGate(null))).toEqual({ ok: false, error: 'Unknown message type: nope' });
    expect(await handleMessage(service, { type: 'authorCard', authorId: '1' }, POPUP, OWN, createContentGate(null))).toEqual({
      ok: false,
      error: 'Semantic Scholar answered 404',
    });
  });
});

describe('compare messages', () => {
  it('accepts well-formed compare requests and keeps only id and name of each author', () => {
    expect(parseBackgroundRequest({ type: 'compareAdd', authors: [{ authorId: '9000001', name: 'Zhaoran Wang', extra: '<script>' }] })).toEqual({ type: 'compareAdd', authors: [{ authorId: '9000001', name: 'Zhaoran Wang' }] });
    expect(parseBackgroundRequest({ type: 'compareMove', authorId: '9000001', to: 2 })).toEqual({ type: 'compareMove', authorId: '9000001', to: 2 });
    expect(parseBackgroundRequest({ type: 'compareRow', authorId: '42' })).toEqual({ type: 'compareRow', authorId: '42' });
    expect(parseBackgroundRequest({ type: 'compareList' })).toEqual({ type: 'compareList' });
  });

  it.each([
    [{ type: 'compareAdd', authors: [] }],
    [{ type: 'compareAdd', authors: [{ authorId: 'abc', name: 'X' }] }],
    [{ type: 'compareAdd', authors: [{ authorId: '1', name: '' }] }],
    [{ type: 'compareAdd', authors: Array.from({ length: 13 }, (_, i) => ({ authorId: String(i + 1), name: 'A' })) }],
    [{ type: 'compareAdd', authors: 'all' }],
    [{ type: 'compareMove', authorId: '1', to: -1 }],
    [{ type: 'compareMove', authorId: '1', to: 1.5 }],
    [{ type: 'compareRemove', authorId: '../1' }],
    [{ type: 'compareRow' }],
    [{ type: 'compareEverything' }],
  ])('refuses %j', (raw) => expect(parseBackgroundRequest(raw)).toHaveProperty('error'));

  it('tells the badge the tray size after adding', async () => {
    const db = await openDatabase(`tray-${Math.random()}`);
    const sizes: number[] = [];
    const background = createBackground({ db: async () => db, fetch: recordedFetch(), gates: instantGates(), onTrayChanged: (size) => sizes.push(size) });
    const reply = await handleMessage(background.handlers, { type: 'compareAdd', authors: [{ authorId: '1', name: 'A' }, { authorId: '2', name: 'B' }] }, POPUP, OWN, createContentGate(null));
    expect(reply.ok).toBe(true);
    expect(sizes).toEqual([2]);
    expect((await background.compare.list()).map((entry) => entry.authorId)).toEqual(['1', '2']);
  });
});

describe('person messages', () => {
  it('accepts merges of different profiles and well-formed drops, keeping only what they need', () => {
    expect(parseBackgroundRequest({ type: 'personMerge', authorIds: ['9000001', '9300001'] })).toEqual({ type: 'personMerge', authorIds: ['9000001', '9300001'] });
    const paper = { ids: ['arxiv:2602.05381', 's2:' + 'a'.repeat(40)], title: 'Clinical <b>validation</b>', extra: 1 };
    expect(parseBackgroundRequest({ type: 'personDrop', authorId: '9000001', paper, dropped: true })).toEqual({ type: 'personDrop', authorId: '9000001', paper: { ids: paper.ids, title: paper.title }, dropped: true });
    expect(parseBackgroundRequest({ type: 'personUnmerge', personId: '9000001' })).toEqual({ type: 'personUnmerge', personId: '9000001' });
    expect(parseBackgroundRequest({ type: 'selfCitations', authorId: '9000001', action: 'more' })).toEqual({ type: 'selfCitations', authorId: '9000001', action: 'more' });
  });

  it.each([
    [{ type: 'personMerge', authorIds: ['9000001'] }],
    [{ type: 'personMerge', authorIds: ['9000001', '9000001'] }],
    [{ type: 'personMerge', authorIds: ['9000001', '<img>'] }],
    [{ type: 'personMerge', authorIds: Array.from({ length: 21 }, (_, i) => String(i + 1)) }],
    [{ type: 'personDrop', authorId: '9000001', paper: { ids: ['javascript:1'], title: 'x' }, dropped: true }],
    [{ type: 'personDrop', authorId: '9000001', paper: { ids: ['arxiv:1'], title: 'x'.repeat(2001) }, dropped: true }],
    [{ type: 'personDrop', authorId: '9000001', paper: { ids: ['arxiv:1'], title: 'x' }, dropped: 'yes' }],
    [{ type: 'personUnmerge', personId: '' }],
    [{ type: 'personCandidates' }],
    [{ type: 'selfCitations', authorId: '9000001', action: 'delete' }],
    [{ type: 'selfCitations', authorId: '<b>', action: 'read' }],
  ])('refuses %j', (raw) => expect(parseBackgroundRequest(raw)).toHaveProperty('error'));
});

describe('settings messages', () => {
  it('accepts any subset of checked settings', () => {
    expect(parseBackgroundRequest({ type: 'saveSettings', settings: { cacheDays: 30 } })).toEqual({ type: 'saveSettings', settings: { cacheDays: 30 } });
    expect(parseBackgroundRequest({ type: 'saveSettings', settings: { theme: 'dark' } })).toEqual({ type: 'saveSettings', settings: { theme: 'dark' } });
    // Every site of the registry, on and off in turn.
    const sites = Object.fromEntries(SITE_IDS.map((site, index) => [site, index % 2 === 0]));
    expect(parseBackgroundRequest({ type: 'saveSettings', settings: { sites } })).toEqual({ type: 'saveSettings', settings: { sites } });
    expect(parseBackgroundRequest({ type: 'saveSettings', settings: { primarySource: 'openalex', openAlexEmail: ' reader@example.org ', openAlexApiKey: 'abc123' } })).toEqual({
      type: 'saveSettings',
      settings: { primarySource: 'openalex', openAlexEmail: 'reader@example.org', openAlexApiKey: 'abc123' },
    });
    expect(parseBackgroundRequest({ type: 'saveSettings', settings: { openAlexEmail: '' } })).toEqual({ type: 'saveSettings', settings: { openAlexEmail: '' } });
  });

  it.each([
    [{ cacheDays: 0 }, /1 to 90/],
    [{ cacheDays: 91 }, /1 to 90/],
    [{ cacheDays: 2.5 }, /1 to 90/],
    [{ sites: { arxiv: true } }, /each of arxiv/],
    [{ sites: { ...ALL_SITES_ON, evil: true } }, /each of arxiv/],
    [{ sites: { ...ALL_SITES_ON, arxiv: 'yes' } }, /each of arxiv/],
    [{}, /needs settings/],
    [{ theme: 'sepia' }, /one of system, light, dark/],
    [{ primarySource: 'google' }, /one of semanticscholar, openalex/],
    [{ openAlexEmail: 'not an address' }, /look like name@example.org/],
    [{ openAlexEmail: 'a@b.c&api_key=x y' }, /look like name@example.org/],
    [{ openAlexEmail: 42 }, /look like name@example.org/],
    [{ openAlexApiKey: 'key&mailto=x' }, /letters and digits only/],
  ])('refuses %j', (settings, reason) => expect((parseBackgroundRequest({ type: 'saveSettings', settings }) as { error: string }).error).toMatch(reason));
});
