// The IndexedDB schema. One `openDB` whose `upgrade` walks the versions in order;
// each step is tested by opening a database at the version before it.

import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { PaperCitations } from '../../core/metrics/compute';
import type { Author, OpenAlexAuthor, Paper, PaperKey, PrimarySource } from '../../core/model';
import type { SavedPaper } from '../../core/saved/model';
import { ALL_SITES_ON, type Site } from '../../core/sites/ids';

export const DB_NAME = 'scholarscope';
export const DB_VERSION = 10;

/**
 * A paper as one source knows it, with its authors' metrics as fetched with it (so a page of 2,000
 * papers is read back with 2,000 gets, not one per author too); `paper` is null when the source
 * does not know the id.
 */
export interface PaperRecord {
  /** The paper's key: arXiv id without version, or `doi:<doi>`. */
  key: PaperKey;
  paper: Paper | null;
  authors: Author[];
  fetchedAt: number;
  /** When a page last showed it (updated at most hourly); the least recently used go first. */
  usedAt: number;
  /** Who answered, when not Semantic Scholar: OpenAlex, or arXiv (metadata only, no authors' numbers). */
  source?: 'openalex' | 'arxiv';
}

export interface PublicationsRecord {
  authorId: string;
  papers: Paper[];
  fetchedAt: number;
  usedAt: number;
}

/** The reader's settings, one record. */
export interface Settings {
  /** Semantic Scholar API key, sent as `x-api-key`; empty for the shared pool. */
  s2ApiKey: string;
  /** How many days cached papers, authors and lists are used without asking again. */
  cacheDays: number;
  /** Where ScholarScope works; a site switched off gets no chips, badges or panel. */
  sites: Record<Site, boolean>;
  /** Light or dark, or as the system says. */
  theme: Theme;
  /** Whose numbers the cards show first: Semantic Scholar's, or OpenAlex's where it knows the author. */
  primarySource: PrimarySource;
  /** Sent to OpenAlex as `mailto` (its polite pool); empty sends none. */
  openAlexEmail: string;
  /** Sent to OpenAlex as `api_key`; empty for the small keyless allowance. */
  openAlexApiKey: string;
}

export type { PrimarySource };
export const PRIMARY_SOURCES: readonly PrimarySource[] = ['semanticscholar', 'openalex'];

export type Theme = 'system' | 'light' | 'dark';
export const THEMES: readonly Theme[] = ['system', 'light', 'dark'];

export const CACHE_DAYS = { min: 1, max: 90, default: 7 } as const;
export const DEFAULT_SETTINGS: Settings = {
  s2ApiKey: '',
  cacheDays: CACHE_DAYS.default,
  sites: ALL_SITES_ON,
  theme: 'system',
  primarySource: 'semanticscholar',
  openAlexEmail: '',
  openAlexApiKey: '',
};

/** The reader's choice of who a profile page is; it wins over every other evidence. */
export interface PinRecord {
  /** `<site>:<profile key>`, e.g. `dblp:36/8449`. */
  profile: string;
  authorId: string;
  pinnedAt: number;
}

/** Every paper's year and citation count for an author, for the computed metrics. */
export interface CitationListRecord {
  authorId: string;
  papers: PaperCitations[];
  /** False when the list stopped at the paging cap. */
  complete: boolean;
  fetchedAt: number;
  usedAt: number;
}

/** An author in the compare tray, in the reader's order. */
export interface CompareEntry {
  authorId: string;
  /** The name as it was shown when added, so the tray reads well before any fetch. */
  name: string;
  position: number;
  addedAt: number;
}

/** Papers related to one paper: recommended for it, and the most cited of those citing it. */
export interface RelatedRecord {
  key: PaperKey;
  recommended: Paper[];
  citing: Paper[];
  fetchedAt: number;
  usedAt: number;
}

/** An author the reader follows. */
export interface FollowRecord {
  authorId: string;
  name: string;
  followedAt: number;
}

/** A paper by a followed author, as seen on a page. */
export interface SightingRecord {
  key: PaperKey;
  title: string;
  arxivId: string | null;
  authors: string[];
  /** The followed authors on it. */
  followed: { authorId: string; name: string }[];
  seenAt: number;
}

/** What OpenAlex says of one of our authors: the person it files the same papers under, and their numbers. */
export interface OpenAlexRecord {
  /** Our author id (Semantic Scholar's, or OpenAlex's own for authors only OpenAlex knows). */
  authorId: string;
  /** OpenAlex's id for the same person; null when the author's papers did not agree on one. */
  openAlexId: string | null;
  author: OpenAlexAuthor | null;
  /** Of the author's papers OpenAlex knows (`looked`), on how many it lists `openAlexId` for them. */
  evidence: { agreeing: number; looked: number };
  fetchedAt: number;
  usedAt: number;
}

/** Small interface preferences. */
export interface Prefs {
  panelCollapsed: boolean;
  /** When the popup last showed the papers by followed authors (what is newer is new). */
  sightingsSeenAt?: number;
}

export const DEFAULT_PREFS: Prefs = { panelCollapsed: false };

export interface ScholarScopeDB extends DBSchema {
  /** The reader's saved papers: their own data, never evicted or cleared with the cache. */
  saved: { key: string; value: SavedPaper; indexes: { savedAt: number } };
  pins: { key: string; value: PinRecord };
  prefs: { key: 'prefs'; value: Prefs };
  papers: { key: string; value: PaperRecord; indexes: { usedAt: number } };
  authors: { key: string; value: Author; indexes: { fetchedAt: number } };
  publications: { key: string; value: PublicationsRecord; indexes: { usedAt: number } };
  settings: { key: 'settings'; value: Settings };
  compare: { key: string; value: CompareEntry; indexes: { position: number } };
  citationLists: { key: string; value: CitationListRecord; indexes: { usedAt: number } };
  related: { key: string; value: RelatedRecord; indexes: { usedAt: number } };
  follows: { key: string; value: FollowRecord };
  sightings: { key: string; value: SightingRecord; indexes: { seenAt: number } };
  openalex: { key: string; value: OpenAlexRecord; indexes: { usedAt: number } };
}

/** The stores that only hold copies of what the sources said; clearing them loses nothing of the reader's. */
export const CACHE_STORES = ['papers', 'authors', 'publications', 'citationLists', 'related', 'openalex'] as const;

export type Database = IDBPDatabase<ScholarScopeDB>;

/** An older connection (another tab of an older version) holds the database and will not let go. */
export class DatabaseBlockedError extends Error {
  constructor() {
    super('ScholarScope’s database is held open by another ScholarScope page of an older version. Close other ScholarScope tabs and windows, then try again.');
    this.name = 'DatabaseBlockedError';
  }
}

export interface OpenOptions {
  /** How long an upgrade waits for older connections to close before giving up with a clear error. */
  blockedTimeoutMs?: number;
}

export function openDatabase(name = DB_NAME, options: OpenOptions = {}): Promise<Database> {
  return new Promise<Database>((resolve, reject) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let gaveUp = false;
    openDB<ScholarScopeDB>(name, DB_VERSION, {
      // An older connection does not close: wait a while for it, then say what to do.
      blocked: () => {
        timer ??= setTimeout(() => {
          gaveUp = true;
          reject(new DatabaseBlockedError());
        }, options.blockedTimeoutMs ?? 10_000);
      },
      // A newer version wants to upgrade: let go, so it is never blocked by us.
      blocking: (_current, _blocked, event) => (event.target as IDBDatabase).close(),
      async upgrade(db, oldVersion, _newVersion, transaction) {
        if (oldVersion < 1) {
          db.createObjectStore('papers', { keyPath: 'arxivId' });
          db.createObjectStore('authors', { keyPath: 'authorId' });
          db.createObjectStore('publications', { keyPath: 'authorId' });
        }
        if (oldVersion < 2) {
          db.createObjectStore('settings');
        }
        if (oldVersion < 3 && oldVersion >= 1) {
          // Paper records now carry their authors instead of author ids. The store is a cache of
          // Semantic Scholar answers, so old-shape records are dropped and fetched again when needed;
          // authors, publication lists and settings are kept.
          transaction.objectStore('papers').clear();
        }
        if (oldVersion < 4) {
          db.createObjectStore('pins', { keyPath: 'profile' });
          db.createObjectStore('prefs');
        }
        if (oldVersion < 5) {
          // Papers are keyed by paper key (arXiv id or DOI) instead of arXiv id. The store only caches
          // Semantic Scholar answers, so it is recreated empty; everything else is kept.
          db.deleteObjectStore('papers');
          db.createObjectStore('papers', { keyPath: 'key' });
        }
        if (oldVersion < 6) {
          // Least-recently-used eviction needs to know when records were last shown; until now they
          // were last shown when fetched.
          const papers = transaction.objectStore('papers');
          const publications = transaction.objectStore('publications');
          papers.createIndex('usedAt', 'usedAt');
          publications.createIndex('usedAt', 'usedAt');
          transaction.objectStore('authors').createIndex('fetchedAt', 'fetchedAt');
          for (const store of [papers, publications] as const) {
            for (let cursor = await store.openCursor(); cursor; cursor = await cursor.continue()) {
              await cursor.update({ ...cursor.value, usedAt: cursor.value.fetchedAt } as never);
            }
          }
        }
        if (oldVersion < 7) {
          db.createObjectStore('saved', { keyPath: 'key' }).createIndex('savedAt', 'savedAt');
        }
        if (oldVersion < 8) {
          db.createObjectStore('compare', { keyPath: 'authorId' }).createIndex('position', 'position');
          db.createObjectStore('citationLists', { keyPath: 'authorId' }).createIndex('usedAt', 'usedAt');
        }
        if (oldVersion < 9) {
          db.createObjectStore('related', { keyPath: 'key' }).createIndex('usedAt', 'usedAt');
          db.createObjectStore('follows', { keyPath: 'authorId' });
          db.createObjectStore('sightings', { keyPath: 'key' }).createIndex('seenAt', 'seenAt');
        }
        if (oldVersion < 10) {
          // OpenAlex's view of each author; settings records gain their new fields from the defaults when read.
          db.createObjectStore('openalex', { keyPath: 'authorId' }).createIndex('usedAt', 'usedAt');
        }
      },
    }).then(
      (db) => {
        clearTimeout(timer);
        // Opened after we gave up: the caller has moved on, so do not hold the database open.
        if (gaveUp) db.close();
        else resolve(db);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

