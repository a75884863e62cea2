import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { DB_VERSION, openDatabase } from '../../lib/background/store/db';
import { createBackground } from '../../lib/background';
import { ALL_SITES_ON } from '../../lib/core/sites/registry';
import { createVersion1, createVersion2, createVersion3, createVersion4, createVersion5, createVersion8 } from '../fixtures/schemaVersions';

// Each step of the schema, recreated by hand exactly as that version shipped, filled with data,
// then opened by the current code: nothing may be lost.

const STORES = ['alertState', 'alerts', 'authors', 'citationLists', 'compare', 'follows', 'openalex', 'papers', 'persons', 'pins', 'prefs', 'profileSearches', 'publications', 'publishedChecks', 'related', 'saved', 'selfCitations', 'settings', 'sightings', 'zoteroItems', 'zoteroState'];

describe('schema migrations', () => {
  it('is at version 12', () => {
    expect(DB_VERSION).toBe(13);
  });

  it('upgrades version 10 to 12: adds the announcements of new papers and the check\'s state; follows, sightings and settings kept', async () => {
    const name = `migrate-10-${Math.random()}`;
    await createVersion8(name);
    const v10 = await openDB(name, 10, {
      upgrade(database, oldVersion) {
        if (oldVersion < 9) {
          database.createObjectStore('related', { keyPath: 'key' }).createIndex('usedAt', 'usedAt');
          database.createObjectStore('follows', { keyPath: 'authorId' });
          database.createObjectStore('sightings', { keyPath: 'key' }).createIndex('seenAt', 'seenAt');
        }
        database.createObjectStore('openalex', { keyPath: 'authorId' }).createIndex('usedAt', 'usedAt');
      },
    });
    const settings10 = { s2ApiKey: 'k3y', cacheDays: 14, sites: ALL_SITES_ON, theme: 'dark', primarySource: 'openalex', openAlexEmail: 'a@b.org', openAlexApiKey: '' };
    await v10.put('settings', settings10, 'settings');
    await v10.put('follows', { authorId: '9000001', name: 'Zhaoran Wang', followedAt: 5 });
    const sighting = { key: '2602.16165', title: 'HiPER', arxivId: '2602.16165', authors: ['Zhaoran Wang'], followed: [{ authorId: '9000001', name: 'Zhaoran Wang' }], seenAt: 7 };
    await v10.put('sightings', sighting);
    v10.close();
    const db = await openDatabase(name);
    expect(db.version).toBe(13);
    expect([...db.objectStoreNames].sort()).toEqual(STORES);
    expect([...db.transaction('alerts').store.indexNames]).toEqual(['foundAt']);
    expect(await db.count('alerts')).toBe(0);
    expect(await db.get('follows', '9000001')).toEqual({ authorId: '9000001', name: 'Zhaoran Wang', followedAt: 5 });
    expect(await db.get('sightings', '2602.16165')).toEqual(sighting);
    const service = createBackground({ db: async () => db, fetch: async () => Promise.reject(new Error('offline')) });
    // Settings of version 10 read with the new defaults: a daily check, no notifications.
    expect(await service.settings()).toEqual({ ...settings10, alertSchedule: 'daily', alertNotifications: false });
    expect((await service.alerts.view()).state).toMatchObject({ lastSuccessAt: null, failures: 0 });
    db.close();
  });

  it('upgrades version 9 to 12: adds the OpenAlex store; settings of version 9 read with the new defaults; nothing else touched', async () => {
    const name = `migrate-9-${Math.random()}`;
    await createVersion8(name);
    const v9 = await openDB(name, 9, {
      upgrade(database) {
        database.createObjectStore('related', { keyPath: 'key' }).createIndex('usedAt', 'usedAt');
        database.createObjectStore('follows', { keyPath: 'authorId' });
        database.createObjectStore('sightings', { keyPath: 'key' }).createIndex('seenAt', 'seenAt');
      },
    });
    const settings9 = { s2ApiKey: 'k3y', cacheDays: 14, sites: ALL_SITES_ON, theme: 'dark' };
    await v9.put('settings', settings9, 'settings');
    await v9.put('follows', { authorId: '9000001', name: 'Zhaoran Wang', followedAt: 5 });
    await v9.put('papers', { key: '2602.16165', paper: null, authors: [], fetchedAt: 9, usedAt: 9 });
    v9.close();
    const db = await openDatabase(name);
    expect(db.version).toBe(13);
    expect([...db.objectStoreNames].sort()).toEqual(STORES);
    expect([...db.transaction('openalex').store.indexNames]).toEqual(['usedAt']);
    expect(await db.get('settings', 'settings')).toEqual(settings9);
    expect(await db.get('follows', '9000001')).toEqual({ authorId: '9000001', name: 'Zhaoran Wang', followedAt: 5 });
    expect(await db.get('papers', '2602.16165')).toEqual({ key: '2602.16165', paper: null, authors: [], fetchedAt: 9, usedAt: 9 });
    const service = createBackground({ db: async () => db, fetch: async () => Promise.reject(new Error('offline')) });
    expect(await service.settings()).toEqual({ ...settings9, primarySource: 'semanticscholar', openAlexEmail: '', openAlexApiKey: '', alertSchedule: 'daily', alertNotifications: false });
    db.close();
  });

  it('upgrades version 8 to 12: adds related papers, follows and sightings, keeps the tray, the saved list and the rest', async () => {
    const name = `migrate-8-${Math.random()}`;
    await createVersion8(name);
    const v8 = await openDB(name, 8);
    await v8.put('compare', { authorId: '9000001', name: 'Zhaoran Wang', position: 0, addedAt: 3 });
    await v8.put('citationLists', { authorId: '9000001', papers: [{ year: 2026, citations: 0 }], complete: true, fetchedAt: 4, usedAt: 4 });
    v8.close();
    const db = await openDatabase(name);
    expect(db.version).toBe(13);
    expect([...db.objectStoreNames].sort()).toEqual(STORES);
    expect(await db.get('compare', '9000001')).toEqual({ authorId: '9000001', name: 'Zhaoran Wang', position: 0, addedAt: 3 });
    expect(await db.get('citationLists', '9000001')).toMatchObject({ complete: true });
    expect(await db.get('pins', 'dblp:36/8449')).toMatchObject({ authorId: '9000001' });
    expect(await db.get('prefs', 'prefs')).toEqual({ panelCollapsed: true });
    expect([...db.transaction('sightings').store.indexNames]).toEqual(['seenAt']);
    expect(await db.count('follows')).toBe(0);
    db.close();
  });

  it('upgrades version 7 to 12: adds the compare tray and citation lists, keeps the saved list and everything else', async () => {
    const name = `migrate-7-${Math.random()}`;
    await createVersion5(name);
    const v7 = await openDB(name, 7, {
      async upgrade(database, _old, _new, transaction) {
        transaction.objectStore('papers').createIndex('usedAt', 'usedAt');
        transaction.objectStore('publications').createIndex('usedAt', 'usedAt');
        transaction.objectStore('authors').createIndex('fetchedAt', 'fetchedAt');
        database.createObjectStore('saved', { keyPath: 'key' }).createIndex('savedAt', 'savedAt');
      },
    });
    const saved = { key: '2602.16165', arxivId: '2602.16165', version: 1, title: 'HiPER', authors: ['Zhaoran Wang'], abstract: null, publicationDate: '2026-02-18', year: 2026, primaryCategory: 'cs.LG', doi: null, citationCount: 0, savedAt: 5, tags: ['rl'], note: 'n', status: 'reading' };
    await v7.put('saved', saved);
    await v7.put('papers', { key: '2602.16165', paper: null, authors: [], fetchedAt: 9, usedAt: 9 });
    v7.close();
    const db = await openDatabase(name);
    expect(db.version).toBe(13);
    expect([...db.objectStoreNames].sort()).toEqual(STORES);
    expect(await db.get('saved', '2602.16165')).toEqual(saved);
    expect(await db.get('papers', '2602.16165')).toMatchObject({ usedAt: 9 });
    expect(await db.get('pins', 'dblp:36/8449')).toMatchObject({ authorId: '9000001' });
    expect(await db.get('settings', 'settings')).toEqual({ s2ApiKey: 'k3y' });
    expect(await db.count('compare')).toBe(0);
    expect([...db.transaction('compare').store.indexNames]).toEqual(['position']);
    expect([...db.transaction('citationLists').store.indexNames]).toEqual(['usedAt']);
    db.close();
  });

  it('upgrades version 6 to 12: adds the saved list, keeps everything', async () => {
    const name = `migrate-6-${Math.random()}`;
    await createVersion5(name);
    const v6 = await openDB(name, 6, {
      async upgrade(_database, _old, _new, transaction) {
        transaction.objectStore('papers').createIndex('usedAt', 'usedAt');
        transaction.objectStore('publications').createIndex('usedAt', 'usedAt');
        transaction.objectStore('authors').createIndex('fetchedAt', 'fetchedAt');
      },
    });
    await v6.put('papers', { key: '2602.16165', paper: null, authors: [], fetchedAt: 9, usedAt: 9 });
    v6.close();
    const db = await openDatabase(name);
    expect(db.version).toBe(13);
    expect([...db.objectStoreNames].sort()).toEqual(STORES);
    expect(await db.count('saved')).toBe(0);
    expect(await db.get('papers', '2602.16165')).toEqual({ key: '2602.16165', paper: null, authors: [], fetchedAt: 9, usedAt: 9 });
    expect(await db.get('pins', 'dblp:36/8449')).toMatchObject({ authorId: '9000001' });
    db.close();
  });

  it('upgrades version 5 to 12: every record kept and marked used when it was fetched, indexes added', async () => {
    const name = `migrate-5-${Math.random()}`;
    await createVersion5(name);
    const db = await openDatabase(name);
    expect(db.version).toBe(13);
    expect(await db.get('papers', 'doi:10.1145/1')).toEqual({ key: 'doi:10.1145/1', paper: null, authors: [], fetchedAt: 7, usedAt: 7 });
    expect(await db.get('publications', '42')).toEqual({ authorId: '42', papers: [], fetchedAt: 8, usedAt: 8 });
    expect(await db.getAllFromIndex('papers', 'usedAt')).toHaveLength(1);
    expect(await db.get('pins', 'dblp:36/8449')).toMatchObject({ authorId: '9000001' });
    expect(await db.get('settings', 'settings')).toEqual({ s2ApiKey: 'k3y' });
    expect([...db.transaction('authors').store.indexNames]).toEqual(['fetchedAt']);
    db.close();
  });

  it('upgrades version 4 to 12: pins, prefs, settings, authors kept; the paper cache rekeyed (emptied)', async () => {
    const name = `migrate-4-${Math.random()}`;
    await createVersion4(name);
    const db = await openDatabase(name);
    expect(db.version).toBe(13);
    expect([...db.objectStoreNames].sort()).toEqual(STORES);
    expect(db.transaction('papers').store.keyPath).toBe('key');
    expect(await db.count('papers')).toBe(0);
    expect(await db.get('pins', 'dblp:36/8449')).toEqual({ profile: 'dblp:36/8449', authorId: '9000001', pinnedAt: 3 });
    expect(await db.get('prefs', 'prefs')).toEqual({ panelCollapsed: true });
    expect(await db.get('settings', 'settings')).toEqual({ s2ApiKey: 'k3y' });
    expect((await db.get('authors', '9000001'))!.hIndex).toBe(5);
    db.close();
  });

  it('upgrades version 3 to 12 keeping every record of the reader and adding pins and prefs', async () => {
    const name = `migrate-3-${Math.random()}`;
    await createVersion3(name);
    const db = await openDatabase(name);
    expect(db.version).toBe(13);
    expect([...db.objectStoreNames].sort()).toEqual(STORES);
    expect(await db.count('papers')).toBe(0);
    expect(await db.get('settings', 'settings')).toEqual({ s2ApiKey: 'k3y' });
    expect((await db.get('authors', '9000001'))!.hIndex).toBe(5);
    expect(await db.count('pins')).toBe(0);
    db.close();
  });

  it('upgrades version 1 to 12: authors and publications kept, settings added, old-shape paper cache dropped', async () => {
    const name = `migrate-1-${Math.random()}`;
    await createVersion1(name);
    const db = await openDatabase(name);
    expect(db.version).toBe(13);
    expect([...db.objectStoreNames].sort()).toEqual(STORES);
    expect(await db.count('papers')).toBe(0);
    expect((await db.get('authors', '9000001'))!.hIndex).toBe(5);
    expect(await db.get('publications', '9000001')).toEqual({ authorId: '9000001', papers: [], fetchedAt: 1, usedAt: 1 });
    expect(await db.get('settings', 'settings')).toBeUndefined();
    db.close();
  });

  it("upgrades version 2 to 12 keeping the reader's settings", async () => {
    const name = `migrate-2-${Math.random()}`;
    await createVersion2(name);
    const db = await openDatabase(name);
    expect(db.version).toBe(13);
    expect(await db.get('settings', 'settings')).toEqual({ s2ApiKey: 'k3y' });
    expect((await db.get('authors', '9000001'))!.citationCount).toBe(74);
    expect(await db.count('papers')).toBe(0);
    db.close();
  });

  it('creates the current schema from nothing', async () => {
    const db = await openDatabase(`fresh-${Math.random()}`);
    expect([...db.objectStoreNames].sort()).toEqual(STORES);
    db.close();
  });
});
