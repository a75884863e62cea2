// The schema's history: one step per version, applied in order from the version a database has.
// Every step is tested by opening a database made as that version shipped (tests/unit/migrations).

import type { DBSchema, IDBPDatabase, IDBPTransaction } from 'idb';
import type { ScholarScopeDB, StoreName } from './schema';

type Upgrading = { db: IDBPDatabase<ScholarScopeDB>; tx: IDBPTransaction<ScholarScopeDB, StoreName[], 'versionchange'>; oldVersion: number };

/** Version 5's records as they were stored, for the step that gives them `usedAt`. */
interface SchemaV5 extends DBSchema {
  papers: { key: string; value: { key: string; fetchedAt: number } };
  publications: { key: string; value: { authorId: string; fetchedAt: number } };
}

/** The step that brings a database to `version`. */
const STEPS: { version: number; up(upgrading: Upgrading): void | Promise<void> }[] = [
  {
    version: 1,
    up: ({ db }) => {
      db.createObjectStore('papers', { keyPath: 'arxivId' });
      db.createObjectStore('authors', { keyPath: 'authorId' });
      db.createObjectStore('publications', { keyPath: 'authorId' });
    },
  },
  { version: 2, up: ({ db }) => void db.createObjectStore('settings') },
  {
    version: 3,
    // Paper records now carry their authors instead of author ids. The store is a cache of Semantic
    // Scholar answers, so old-shape records are dropped and fetched again when needed.
    up: ({ tx, oldVersion }) => {
      if (oldVersion >= 1) void tx.objectStore('papers').clear();
    },
  },
  {
    version: 4,
    up: ({ db }) => {
      db.createObjectStore('pins', { keyPath: 'profile' });
      db.createObjectStore('prefs');
    },
  },
  {
    version: 5,
    // Papers are keyed by paper key (arXiv id or DOI) instead of arXiv id; the cache is recreated empty.
    up: ({ db }) => {
      db.deleteObjectStore('papers');
      db.createObjectStore('papers', { keyPath: 'key' });
    },
  },
  {
    version: 6,
    // Least-recently-used eviction needs to know when records were last shown; until now they were
    // last shown when fetched.
    up: async ({ tx }) => {
      tx.objectStore('papers').createIndex('usedAt', 'usedAt');
      tx.objectStore('publications').createIndex('usedAt', 'usedAt');
      tx.objectStore('authors').createIndex('fetchedAt', 'fetchedAt');
      const old = tx as unknown as IDBPTransaction<SchemaV5, ('papers' | 'publications')[], 'versionchange'>;
      for (const name of ['papers', 'publications'] as const) {
        for (let cursor = await old.objectStore(name).openCursor(); cursor; cursor = await cursor.continue()) {
          await cursor.update({ ...cursor.value, usedAt: cursor.value.fetchedAt } as never);
        }
      }
    },
  },
  { version: 7, up: ({ db }) => db.createObjectStore('saved', { keyPath: 'key' }).createIndex('savedAt', 'savedAt') },
  {
    version: 8,
    up: ({ db }) => {
      db.createObjectStore('compare', { keyPath: 'authorId' }).createIndex('position', 'position');
      db.createObjectStore('citationLists', { keyPath: 'authorId' }).createIndex('usedAt', 'usedAt');
    },
  },
  {
    version: 9,
    up: ({ db }) => {
      db.createObjectStore('related', { keyPath: 'key' }).createIndex('usedAt', 'usedAt');
      db.createObjectStore('follows', { keyPath: 'authorId' });
      db.createObjectStore('sightings', { keyPath: 'key' }).createIndex('seenAt', 'seenAt');
    },
  },
  // OpenAlex's view of each author; settings records gain their new fields from the defaults when read.
  { version: 10, up: ({ db }) => db.createObjectStore('openalex', { keyPath: 'authorId' }).createIndex('usedAt', 'usedAt') },
  {
    version: 11,
    // New papers by followed authors, found by the scheduled check, and where that check stands.
    up: ({ db }) => {
      db.createObjectStore('alerts', { keyPath: 'key' }).createIndex('foundAt', 'foundAt');
      db.createObjectStore('alertState');
    },
  },
  {
    version: 12,
    // Persons the reader assembled and their self-citation counts (their own data), and the name searches that offer profiles to merge (a cache).
    up: ({ db }) => {
      db.createObjectStore('persons', { keyPath: 'personId' }).createIndex('authorIds', 'authorIds', { multiEntry: true });
      db.createObjectStore('profileSearches', { keyPath: 'authorId' }).createIndex('usedAt', 'usedAt');
      db.createObjectStore('selfCitations', { keyPath: 'personId' });
    },
  },
  {
    version: 13,
    // The published-version resolver's answers (a cache, like the paper records), and the index of
    // what the reader's Zotero library holds (rebuilt from Zotero at any time).
    up: ({ db }) => {
      db.createObjectStore('publishedChecks', { keyPath: 'key' });
      db.createObjectStore('zoteroItems', { keyPath: 'itemKey' });
      db.createObjectStore('zoteroState');
    },
  },
];

export const DB_VERSION = STEPS[STEPS.length - 1]!.version;

/** Applies every step after `oldVersion`, in order. */
export async function upgrade(db: IDBPDatabase<ScholarScopeDB>, oldVersion: number, tx: Upgrading['tx']): Promise<void> {
  for (const step of STEPS) {
    if (step.version <= oldVersion) continue;
    // Only a step with requests to wait for is awaited: the upgrade transaction must not idle.
    const pending = step.up({ db, tx, oldVersion });
    if (pending) await pending;
  }
}
