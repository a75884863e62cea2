// The records that cross the message channel, declared apart from the code that makes them, so
// senders and the background share them without importing each other.

import type { AlertRecord, AlertState } from '../alerts';
import type { PaperCitations } from '../metrics/compute';
import type { Author, OpenAlexView, Paper } from '../model';
import type { PaperKey } from '../ids';
import type { PublishedVersion, RetractionMark } from '../published';
import type { SavedSummary, ReadStatus } from '../saved/model';

/** The stores that only hold copies of what the sources said; clearing them loses nothing of the reader's. */
export const CACHE_STORES = ['papers', 'authors', 'publications', 'citationLists', 'related', 'openalex', 'profileSearches', 'publishedChecks'] as const;
export type CacheStore = (typeof CACHE_STORES)[number];
/** How many records each cache store holds. */
export type CacheInfo = Record<CacheStore, number>;

/** Columns stay readable up to this many authors. */
export const MAX_COMPARE = 12;

/** An author in the compare tray, in the reader's order. */
export interface CompareEntry {
  authorId: string;
  /** The name as it was shown when added, so the tray reads well before any fetch. */
  name: string;
  position: number;
  addedAt: number;
}

/** One compared author's numbers: as the source reports them, as OpenAlex does, and computed from their paper list. */
export interface CompareRow {
  /** As the source reports it (citations, h-index, papers), with when it was fetched. */
  author: Author;
  /** Every paper's year and citations, for the metrics computed from the list (core/metrics/registry.ts); empty when the list could not be had. */
  papers: PaperCitations[];
  /** False when the list stopped at the paging cap, so computed counts are lower bounds. */
  complete: boolean;
  /** Why there are no computed numbers. */
  computedError: string | null;
  /** When the paper list was fetched. */
  listFetchedAt: number | null;
  /** OpenAlex's numbers for the same person (the second source), or why there are none. */
  openAlex: OpenAlexView;
  /** Set when the author is part of a person the reader assembled: `papers` is then the person's merged list. */
  person?: { personId: string; profiles: Author[]; dropped: number };
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

/** The papers the scheduled check announced, newest first, and where the check stands. */
export interface AlertsView {
  papers: AlertRecord[];
  unseen: number;
  state: AlertState;
}

export interface FollowNews {
  /** Announced by the scheduled check (`announced`) or seen on a page. */
  papers: (SightingRecord & { announced?: boolean })[];
  /** Announcements the reader has not marked seen (more than the list may show). */
  unseen: number;
  /** The time the popup last showed papers; null on the first look. */
  since: number | null;
}

/** Papers related to one paper: recommended for it, and the most cited of those citing it. */
export interface RelatedRecord {
  key: PaperKey;
  recommended: Paper[];
  citing: Paper[];
  /** Citing papers looked at, when the source lists more (it lists the newest first); absent when it listed them all. */
  citingOf?: number;
  fetchedAt: number;
  usedAt: number;
}

/** What the page knows of a paper, for the snapshot when the source has no record of it. */
export interface PageSnapshot {
  title: string;
  authors: string[];
  version: number | null;
  primaryCategory: string | null;
  /** arXiv's comment on the page saying the paper was withdrawn. */
  withdrawn?: string;
}

/** A page of the library: what a query matches, from `offset`, without abstracts; and what the library around it needs. */
export interface SavedPage {
  papers: SavedSummary[];
  /** How many papers the query matches, and their keys (for "select all matching"). */
  matching: number;
  keys: PaperKey[];
  /** How many papers are saved, and every tag in use (the tag filter). */
  total: number;
  tags: string[];
  /** Keys of records too damaged to show (kept as they are). */
  unreadable: string[];
  /** The opening page of a worker just woken, read before its index: tags and damaged records not yet known; ask again. */
  partial?: boolean;
}

export interface SavedChanges {
  tags?: string[];
  /** A tag added to each paper's own tags (tagging a selection). */
  addTag?: string;
  note?: string;
  status?: ReadStatus;
  /** The published version the reader accepted (or, undoing, the one before); null: none. */
  published?: PublishedVersion | null;
  /** Set by the background only (a checked retraction notice); no message carries it. */
  retraction?: RetractionMark | null;
}

/** What the published-version resolver found for a paper (background/published). */
export interface PublishedCheck {
  key: PaperKey;
  published: PublishedVersion | null;
  retraction: RetractionMark | null;
  /** By an identifier a source gave, by a title search, or not at all ("no published version found"). */
  found: 'identifier' | 'title' | 'none';
  /** Sources not asked or failing, and why, for the reader. */
  skipped: string[];
  checkedAt: number;
}

/** A check beside what the saved list holds now, for the library's accept and undo. */
export interface PublishedOffer extends PublishedCheck {
  title: string;
  current: PublishedVersion | null;
}

/** What an import of all data changed, part by part. */
export interface ImportSummary {
  saved: { added: number; merged: number };
  compare: number;
  follows: number;
  pins: number;
  /** Announcements of new papers (older exports have none). */
  alerts?: number;
  /** Persons assembled by the reader (older exports have none). */
  persons?: number;
  /** Self-citation counts (older exports have none). */
  selfCitations?: number;
}
