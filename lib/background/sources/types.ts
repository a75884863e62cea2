// The one interface every source answers behind: papers by key, and authors by the source's own ids.

import type { PaperKey } from '../../core/ids';
import type { PaperCitations } from '../../core/metrics/compute';
import type { Author, Paper, SourceName } from '../../core/model';

export type PaperSourceName = SourceName | 'arxiv';

export interface SourceAnswer {
  paper: Paper;
  authors: Author[];
  source: PaperSourceName;
}

/**
 * A source of papers by key; keys it does not know are left out of the answer, keys whose part of
 * the request failed map to that Error (one record's trouble costs that record only).
 */
export interface PaperSource {
  name: PaperSourceName;
  papers(keys: PaperKey[]): Promise<Map<PaperKey, SourceAnswer | Error>>;
}

/** A source of authors, asked by its own ids (core/ids.ts tells whose an id is). */
export interface AuthorSource {
  name: SourceName;
  author(authorId: string): Promise<Author>;
  /** The author's newest papers, for the card. */
  publications(authorId: string): Promise<Paper[]>;
  /** Year and citations of every paper (paged, capped), for the metrics computed from the list. */
  citationList(author: Author): Promise<{ papers: PaperCitations[]; complete: boolean }>;
}

export type Source = PaperSource & AuthorSource;
