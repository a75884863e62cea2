// A saved paper: a snapshot of its metadata (so the list works offline and survives the source
// changing) plus what the reader adds.

import { retractionRemark, type PublishedVersion, type RetractionMark } from '../published';
import type { PaperKey } from '../ids';

export type ReadStatus = 'to-read' | 'reading' | 'read';

export interface SavedPaper {
  key: PaperKey;
  arxivId: string | null;
  version: number | null;
  title: string;
  /** Full names, in order. */
  authors: string[];
  abstract: string | null;
  /** ISO `YYYY-MM-DD`. */
  publicationDate: string | null;
  year: number | null;
  /** arXiv primary category, e.g. `cs.CL`. */
  primaryCategory: string | null;
  doi: string | null;
  citationCount: number | null;
  savedAt: number;
  tags: string[];
  note: string;
  status: ReadStatus;
  /** Where it was published, as a source asserted when it was saved (absent in records saved before). */
  published?: PublishedVersion | null;
  /** arXiv's comment saying the paper was withdrawn, as the page showed it when saved. */
  withdrawn?: string | null;
  /** A retraction or withdrawal notice a source named when the published version was last checked. */
  retraction?: RetractionMark | null;
}

/** A saved paper as the library lists it: everything but the abstract, which it never shows. */
export type SavedSummary = Omit<SavedPaper, 'abstract'>;

/** The saved list holds at most this many papers: saving and importing beyond it is refused with a clear message. */
export const MAX_SAVED_PAPERS = 100_000;

/** The limits the background checks a page's snapshot against (core/protocol/saved.ts). */
export const SNAPSHOT_TITLE_MAX = 2000;
export const SNAPSHOT_NAME_MAX = 500;

/** What a page or the popup knows of a paper, cut to the lengths the background accepts. */
/** arXiv's withdrawal comments are short; a longer one is cut to this. */
export const WITHDRAWN_MAX = 300;

/** How every export says a paper was withdrawn, with the source of the mark. */
export function withdrawnRemark(comment: string): string {
  return `Withdrawn on arXiv: ${comment}`;
}

/** What every export says of a paper's status, with the source of each mark: withdrawn on arXiv, retracted by the publisher. */
export function paperRemarks(paper: Pick<SavedPaper, 'withdrawn' | 'retraction'>): string[] {
  return [paper.withdrawn ? withdrawnRemark(paper.withdrawn) : null, paper.retraction ? retractionRemark(paper.retraction) : null].filter((remark): remark is string => remark !== null);
}

export function pageSnapshot(title: string, authors: readonly string[], version: number | null, primaryCategory: string | null, withdrawn: string | null = null) {
  return {
    title: title.slice(0, SNAPSHOT_TITLE_MAX),
    authors: authors.map((name) => name.slice(0, SNAPSHOT_NAME_MAX)),
    version,
    primaryCategory,
    ...(withdrawn ? { withdrawn: withdrawn.slice(0, WITHDRAWN_MAX) } : {}),
  };
}
