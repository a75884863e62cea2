// Zotero: matching its items to papers (Zotero's own arXiv items), the items we send, and the
// background's index against the local server as zotero/zotero's tests describe it.

import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createBackground } from '../../lib/background';
import { openDatabase } from '../../lib/background/store/db';
import { keysOfZoteroItem, zoteroItem, ZOTERO_ORIGIN } from '../../lib/core/zotero';
import type { SavedPaper } from '../../lib/core/saved/model';
import { createZoteroWorld, translatorItems, zoteroFetch, zoteroKey, type ZoteroWorld } from '../fixtures/zoteroWorld';
import { recordedFetch } from '../fixtures/recordedApi';
import { SEED_AUTHOR_ID } from '../fixtures/seedWorld';
import type { AuthorCardData } from '../../lib/core/model';

describe('Zotero items as papers', () => {
  it("matches every arXiv item Zotero's translator saves, by arXiv id and published DOI, whatever the version", () => {
    const keys = translatorItems().map((item) => keysOfZoteroItem(item));
    expect(keys).toEqual([
      ['1107.4612', 'doi:10.1111/j.1365-2966.2011.19851.x'],
      ['astro-ph/0603274', 'doi:10.1086/507935'],
      ['1307.1469', 'doi:10.1086/672573'],
      ['1402.1516'],
      ['1810.04805'],
      ['1810.04805'],
      ['2201.00738'],
      ['math/0211159'],
      ['2305.16311', 'doi:10.1145/3610548.3618154'],
    ]);
    // An item from elsewhere: its DOI only; an item with no identifier: none.
    expect(keysOfZoteroItem({ itemType: 'journalArticle', DOI: '10.1234/Example.DOI', url: 'https://example.org/x' })).toEqual(['doi:10.1234/example.doi']);
    expect(keysOfZoteroItem({ itemType: 'book', title: 'Deep Learning' })).toEqual([]);
    expect(keysOfZoteroItem('not an item')).toEqual([]);
  });

  it("builds a preprint as Zotero's translator does, and the published version when one is known", () => {
    const bert = translatorItems()[4]!;
    const paper = { key: '1810.04805', arxivId: '1810.04805', title: bert.title as string, authors: ['Jacob Devlin', 'Ming-Wei Chang', 'Kenton Lee', 'Kristina Toutanova'], abstract: null, publicationDate: '2018-10-11', year: 2018, primaryCategory: 'cs.CL', doi: null };
    const item = zoteroItem(paper);
    for (const field of ['itemType', 'title', 'DOI', 'archiveID', 'repository', 'url']) expect(item[field], field).toEqual(bert[field]);
    expect(item.extra).toBe('arXiv:1810.04805 [cs.CL]');
    expect(item.creators).toEqual((bert.creators as unknown[]).slice(0, 4));
    expect(keysOfZoteroItem(item)).toEqual(['1810.04805']);
    const mnras = translatorItems()[0]!;
    const published = zoteroItem({ ...paper, key: '1107.4612', arxivId: '1107.4612', title: mnras.title as string, authors: ["D. T. O'Dea"], primaryCategory: 'astro-ph.CO', published: { venue: 'Monthly Notices of the Royal Astronomical Society', label: 'MNRAS 2012', kind: 'journal', year: 2012, volume: '419', number: '2', pages: '1795-1803', doi: '10.1111/j.1365-2966.2011.19851.x', basis: 'asserted by Crossref' } });
    for (const field of ['itemType', 'publicationTitle', 'volume', 'issue', 'pages', 'DOI', 'url', 'extra']) expect(published[field], field).toEqual(mnras[field]);
    expect(keysOfZoteroItem(published)).toEqual(['1107.4612', 'doi:10.1111/j.1365-2966.2011.19851.x']);
  });
});

const saved = (key: string, title: string): SavedPaper => ({ key, arxivId: key, version: 2, title, authors: ['Ashish Vaswani', 'Noam Shazeer'], abstract: 'A', publicationDate: '2017-06-12', year: 2017, primaryCategory: 'cs.CL', doi: null, citationCount: 1, savedAt: 1, tags: [], note: '', status: 'to-read' });

async function background(world: ZoteroWorld, granted = true) {
  const log: { url: string; headers: Record<string, string>; body: string | null }[] = [];
  const db = await openDatabase(`zotero-${Math.random()}`);
  await db.put('saved', saved('1706.03762', 'Attention Is All You Need'));
  const zoteroAnswers = zoteroFetch(world, log);
  const apis = recordedFetch();
  // Zotero on this computer, the APIs from their recordings.
  const fetch = (input: string, init?: RequestInit) => (input.startsWith('http://127.0.0.1:23119/') ? zoteroAnswers(input, init) : apis(input, init));
  const service = createBackground({ db: async () => db, fetch, hostAllowed: async (origin) => granted && origin === ZOTERO_ORIGIN });
  const call = <T>(name: 'zoteroStatus' | 'zoteroWhich' | 'zoteroSend' | 'authorCard', payload: object) => (service.handlers[name] as (p: object, s: unknown) => Promise<T>)(payload, {});
  return { service, log, call, db };
}

describe('the index of the reader’s Zotero library', () => {
  it('finds the app, the local API and the library, builds the index, and marks from it without asking Zotero per page', async () => {
    const world = createZoteroWorld();
    const { call, log } = await background(world);
    const status = await call<import('../../lib/core/zotero').ZoteroStatus>('zoteroStatus', {});
    expect(status).toMatchObject({ enabled: true, running: true, version: '9.0.6', localApi: 'on', library: 'My Library', collection: 'Reading', indexed: 9, advice: null });
    // Every request named itself: Zotero would drop it otherwise.
    expect(world.dropped).toBe(0);
    expect(log.every((entry) => entry.headers['X-Zotero-Connector-API-Version'] === '3' && entry.headers['Zotero-Allowed-Request'] === '1')).toBe(true);
    const before = log.length;
    expect(await call('zoteroWhich', { keys: ['1810.04805', '1706.03762', 'math/0211159', 'doi:10.1086/507935'] })).toEqual(['1810.04805', 'math/0211159', 'doi:10.1086/507935']);
    expect(log.length).toBe(before);
  });

  it('sees items added locally (version 0 on Zotero 9) and items moved to the trash, with one request for the key list', async () => {
    const world = createZoteroWorld(3);
    const { service, call, log } = await background(world);
    await call('zoteroStatus', {});
    world.items[0]!.trashed = true;
    const key = zoteroKey();
    world.items.push({ key, version: 0, data: { key, version: 0, ...translatorItems()[4]! }, trashed: false });
    const before = log.length;
    expect(await service.zoteroRefresh()).toBe(3);
    // The key list, then the one new item: the items already known are not read again.
    expect(log.slice(before).map((entry) => new URL(entry.url).pathname + new URL(entry.url).search)).toEqual(['/api/users/0/items/top?format=versions', `/api/users/0/items?itemKey=${key}&format=json&limit=100`]);
    expect(await call('zoteroWhich', { keys: ['1107.4612', '1810.04805'] })).toEqual(['1810.04805']);
  });

  it('builds the index again for another library (another Zotero profile: another server id)', async () => {
    const world = { ...createZoteroWorld(2), serverId: 'AAAA1111' };
    const { service, call } = await background(world);
    await call('zoteroStatus', {});
    expect(await call('zoteroWhich', { keys: ['1107.4612'] })).toEqual(['1107.4612']);
    world.serverId = 'BBBB2222';
    world.items = createZoteroWorld(9).items.slice(4, 5);
    expect(await service.zoteroRefresh()).toBe(1);
    expect(await call('zoteroWhich', { keys: ['1107.4612', '1810.04805'] })).toEqual(['1810.04805']);
  });

  it('says what to enable when the local API is off, and that Zotero is not running when it is not', async () => {
    const world = { ...createZoteroWorld(), localApi: false };
    const { call } = await background(world);
    const off = await call<import('../../lib/core/zotero').ZoteroStatus>('zoteroStatus', {});
    expect(off).toMatchObject({ running: true, localApi: 'off', indexed: null });
    expect(off.advice).toMatch(/Settings → Advanced, turn on “Allow other applications on this computer to communicate with Zotero”/);
    world.running = false;
    const down = await call<import('../../lib/core/zotero').ZoteroStatus>('zoteroStatus', {});
    expect(down).toMatchObject({ running: false });
    expect(down.advice).toMatch(/Zotero is not running/);
  });

  it('asks nothing of Zotero until the reader turns it on', async () => {
    const world = createZoteroWorld();
    const { call, log } = await background(world, false);
    expect(await call('zoteroStatus', {})).toMatchObject({ enabled: false, running: false });
    expect(await call('zoteroWhich', { keys: ['1810.04805'] })).toEqual([]);
    await expect(call('zoteroSend', { keys: ['1706.03762'] })).rejects.toThrow(/turn it on/);
    expect(log).toEqual([]);
  });

  it('sends a saved paper as a preprint item into the selected collection, marks it, and says when the library is read-only', async () => {
    const world = createZoteroWorld(2);
    const { call } = await background(world);
    expect(await call('zoteroSend', { keys: ['1706.03762'] })).toEqual({ sent: 1 });
    expect(world.saved).toHaveLength(1);
    expect(world.saved[0]!.uri).toBe('https://arxiv.org/abs/1706.03762');
    expect(world.saved[0]!.items[0]).toMatchObject({ itemType: 'preprint', title: 'Attention Is All You Need', DOI: '10.48550/arXiv.1706.03762', archiveID: 'arXiv:1706.03762', creators: [{ firstName: 'Ashish', lastName: 'Vaswani', creatorType: 'author' }, { firstName: 'Noam', lastName: 'Shazeer', creatorType: 'author' }] });
    expect(await call('zoteroWhich', { keys: ['1706.03762'] })).toEqual(['1706.03762']);
    world.library.editable = false;
    await expect(call('zoteroSend', { keys: ['1706.03762'] })).rejects.toThrow(/cannot be edited/);
  });

  it("marks the author card's publications the library holds", async () => {
    const world = createZoteroWorld(2);
    const { service, call } = await background(world);
    const first = await call<AuthorCardData>('authorCard', { authorId: SEED_AUTHOR_ID });
    const arxivId = first.publications.find((paper) => paper.arxivId)!.arxivId!;
    expect(first.publications.some((paper) => paper.inZotero)).toBe(false);
    const key = zoteroKey();
    world.items.push({ key, version: 0, data: { key, version: 0, ...zoteroItem({ key: arxivId, arxivId, title: 'T', authors: ['Zhaoran Wang'], abstract: null, publicationDate: null, year: 2026, primaryCategory: null, doi: null }) }, trashed: false });
    await service.zoteroRefresh();
    const card = await call<AuthorCardData>('authorCard', { authorId: SEED_AUTHOR_ID });
    expect(card.publications.filter((paper) => paper.inZotero).map((paper) => paper.arxivId)).toEqual([arxivId]);
  });
});
