// Records shared by every part of the extension: papers, authors and what a card shows. Identifiers
// and their rules are in ids.ts.

import type { ComputedMetrics } from './metrics/compute';
import type { PublishedVersion, RetractionMark } from './published';

/** An author as a paper lists them; the id is Semantic Scholar's when known. */
export interface AuthorRef {
  authorId: string | null;
  name: string;
}

export interface Paper {
  /** arXiv id without version, when the paper is on arXiv. */
  arxivId: string | null;
  /** Latest arXiv version known, null when unknown. */
  version: number | null;
  s2PaperId: string | null;
  title: string;
  abstract: string | null;
  /** ISO date `YYYY-MM-DD`, or null. */
  publicationDate: string | null;
  year: number | null;
  citationCount: number | null;
  authors: AuthorRef[];
  /** Where it was published, as a source asserts it (absent in records cached before this was read; null: no venue but a preprint server). */
  published?: PublishedVersion | null;
  /** A retraction or withdrawal notice a source gave (OpenAlex's is_retracted; Crossref's, once the library checked the paper). */
  retraction?: RetractionMark | null;
  /** Set on a card's publications the reader's Zotero holds (from the index, when Zotero is on). */
  inZotero?: boolean;
}

export type SourceName = 'semanticscholar' | 'openalex';

/** Whose numbers the cards show first (the reader's choice). */
export type PrimarySource = SourceName;

/** An author's numbers as OpenAlex reports them. */
export interface OpenAlexAuthor {
  /** The short id, `A5023888391`. */
  id: string;
  name: string;
  institutions: string[];
  citationCount: number | null;
  worksCount: number | null;
  hIndex: number | null;
  i10Index: number | null;
  /** Mean citations in the last two years to works of the two years before. */
  twoYearMeanCitedness: number | null;
  /** Citations received and works published per year, oldest first; OpenAlex gives the last ten years. */
  countsByYear: { year: number; citations: number; works: number }[];
  url: string;
}

/** What the card knows of OpenAlex's view of an author. */
export type OpenAlexView =
  | { status: 'matched'; author: OpenAlexAuthor; agreeing: number; looked: number; fetchedAt: number }
  | { status: 'unmatched'; looked: number; fetchedAt: number }
  | { status: 'unavailable'; message: string };

/** The reported metrics of an author, as one source gives them. */
export interface Author {
  authorId: string;
  name: string;
  affiliations: string[];
  citationCount: number | null;
  hIndex: number | null;
  paperCount: number | null;
  /** The author's page at the source. */
  url: string;
  source: SourceName;
  fetchedAt: number;
  /** Set when the reader pinned this author in place of the one the source lists (that one's id). */
  pinnedFrom?: string;
  /** Set when the reader merged this profile into a person (core/person.ts): the numbers are the person's. */
  personId?: string;
}

/** A paper with the authors the source lists for it, ready for chips. */
export interface PaperWithAuthors {
  paper: Paper;
  authors: Author[];
  fetchedAt: number;
  /** Who answered, when not Semantic Scholar: OpenAlex, or arXiv (title and names, no numbers yet). */
  source?: 'openalex' | 'arxiv';
  /**
   * Set when the answer was cut to what a listing shows (the `papers` message's `authorLimit`):
   * `authors` holds the first authors (and any the reader follows), the paper no abstract and no
   * author list; this counts the authors left out and their highest h-index.
   */
  omitted?: { authors: number; hIndexMax: number | null };
}

/** Everything the author card shows. */
export interface AuthorCardData {
  author: Author;
  /** Newest first. */
  publications: Paper[];
  /** When the publication list was fetched. */
  fetchedAt: number;
  /** OpenAlex's numbers for the same person, when they could be had. */
  openAlex?: OpenAlexView;
  /** Whose numbers the card shows first. */
  primary?: PrimarySource;
  /** Set when the author is part of a person the reader assembled. */
  person?: PersonView;
}

/** A paper the reader says is not by this person (core/person.ts): its ids, and its title to list it by. */
export interface DroppedPaper {
  ids: string[];
  title: string;
}

/** A person's recomputed numbers, as last computed (chips show them). */
export interface PersonFigures {
  citations: number;
  hIndex: number;
  papers: number;
  /** False when a profile's list stopped at the paging cap or could not be had. */
  complete: boolean;
  computedAt: number;
}

/** What a card shows of a person: each profile with its own reported numbers, the drops, the recomputed metrics. */
export interface PersonView {
  personId: string;
  profiles: Author[];
  dropped: DroppedPaper[];
  metrics: ComputedMetrics;
  complete: boolean;
  /** Papers listed under more than one profile, counted once. */
  duplicates: number;
}
