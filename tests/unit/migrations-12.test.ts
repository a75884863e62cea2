// The step to version 12 (persons, their self-citation counts, the profile searches), from a
// version 11 database with the reader's data in it.

import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../lib/background/store/db';
import { openVersion11 } from '../fixtures/schemaVersions';

const STORES = ['alertState', 'alerts', 'authors', 'citationLists', 'compare', 'follows', 'openalex', 'papers', 'persons', 'pins', 'prefs', 'profileSearches', 'publications', 'publishedChecks', 'related', 'saved', 'selfCitations', 'settings', 'sightings', 'zoteroItems', 'zoteroState'];

describe('schema migration to version 12', () => {
  it('upgrades version 11 to 12: adds persons and the profile searches; announcements, follows and pins kept', async () => {
    const name = `migrate-11-${Math.random()}`;
    const v11 = await openVersion11(name);
    const alert = { key: '2602.16165', title: 'HiPER', arxivId: '2602.16165', authors: [{ authorId: '9000001', name: 'Zhaoran Wang' }], foundAt: 9, seen: false };
    await v11.put('alerts', alert);
    await v11.put('follows', { authorId: '9000001', name: 'Zhaoran Wang', followedAt: 5 });
    await v11.put('pins', { profile: 'dblp:36/8449', authorId: '9000001', pinnedAt: 3 });
    v11.close();
    const db = await openDatabase(name);
    expect(db.version).toBe(13);
    expect([...db.objectStoreNames].sort()).toEqual(STORES);
    expect([...db.transaction('persons').store.indexNames]).toEqual(['authorIds']);
    expect(db.transaction('persons').store.index('authorIds').multiEntry).toBe(true);
    expect([...db.transaction('profileSearches').store.indexNames]).toEqual(['usedAt']);
    expect(await db.get('alerts', '2602.16165')).toEqual(alert);
    expect(await db.get('follows', '9000001')).toEqual({ authorId: '9000001', name: 'Zhaoran Wang', followedAt: 5 });
    expect(await db.get('pins', 'dblp:36/8449')).toEqual({ profile: 'dblp:36/8449', authorId: '9000001', pinnedAt: 3 });
    // A person written after the upgrade is found by any of its profiles.
    await db.put('persons', { personId: '9000001', authorIds: ['9000001', '9300001'], dropped: [], figures: null, updatedAt: 1 });
    expect((await db.getAllFromIndex('persons', 'authorIds', '9300001')).map((person) => person.personId)).toEqual(['9000001']);
    db.close();
  });
});
