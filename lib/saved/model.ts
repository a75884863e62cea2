// A saved paper: a snapshot of its metadata (so the list works offline and survives the source
// changing) plus what the reader adds.

import type { PaperKey } from '../model';

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
}
