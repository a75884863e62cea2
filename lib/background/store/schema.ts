// The IndexedDB schema as it stands (idb's typed DBSchema), with the records only the background
// stores. Records that also cross the message channel are declared in core/protocol/wire.ts.

import type { DBSchema, StoreNames } from 'idb';
import type { PaperKey } from '../../core/ids';
import type { PaperCitations } from '../../core/metrics/compute';
import type { Author, OpenAlexAuthor, Paper } from '../../core/model';
import type { CompareEntry, FollowRecord, PublishedCheck, RelatedRecord, SightingRecord } from '../../core/protocol/wire';
import type { PersonRecord } from '../../core/person';
import type { SearchedProfile } from '../../core/personCandidates';
import type { SelfCitationRecord } from '../../core/selfCitations';
import type { SavedPaper } from '../../core/saved/model';
import type { AlertRecord, AlertState } from '../../core/alerts';
import type { Prefs, Settings } from '../../core/settings';

export const DB_NAME = 'scholarscope';

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

/** The profiles a name search offered for an author (the card's "other profiles"). */
export interface ProfileSearchRecord {
  authorId: string;
  found: SearchedProfile[];
  fetchedAt: number;
  usedAt: number;
}

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
  /** Papers the scheduled check announced (the reader's own: kept with seen state, in the backup). */
  alerts: { key: string; value: AlertRecord; indexes: { foundAt: number } };
  alertState: { key: 'state'; value: AlertState };
  /** Persons the reader assembled from profiles, with the papers they dropped (the reader's own). */
  persons: { key: string; value: PersonRecord; indexes: { authorIds: string } };
  profileSearches: { key: string; value: ProfileSearchRecord; indexes: { usedAt: number } };
  /** Self-citation counts, by person (the first profile's id), kept to resume after a restart. */
  selfCitations: { key: string; value: SelfCitationRecord };
  /** What the published-version resolver found, by paper key (a cache: asked again as it ages). */
  publishedChecks: { key: string; value: PublishedCheck };
  /** The reader's Zotero library as an index: each top-level item's key, version and the paper keys it stands for. */
  zoteroItems: { key: string; value: ZoteroItemRecord };
  zoteroState: { key: 'state'; value: ZoteroIndexState };
}

export interface ZoteroItemRecord {
  itemKey: string;
  version: number;
  keys: PaperKey[];
}

/** Which library the index is of (Zotero 10's server id; another Zotero profile is another library) and when it was brought up to date. */
export interface ZoteroIndexState {
  serverId: string | null;
  indexedAt: number;
}

export type StoreName = StoreNames<ScholarScopeDB>;
