// Finding papers in the saved list: words in title, authors, abstract, tags and notes; a tag;
// a reading status; and an order. The background keeps an index of the list (each paper's summary
// and its searchable text), so a keystroke's search never reads the store or sends abstracts.

import type { ReadStatus, SavedPaper, SavedSummary } from './model';

export type SavedSort = 'saved' | 'published' | 'citations';

/** Papers with a published version known, or without one (still preprints, as far as the sources say). */
export type VersionFilter = 'published' | 'preprint' | 'retracted';
export const VERSION_FILTERS: readonly VersionFilter[] = ['published', 'preprint', 'retracted'];

export interface SavedQuery {
  text: string;
  tag: string | null;
  status: ReadStatus | null;
  sort: SavedSort;
  version?: VersionFilter;
}

export const EMPTY_QUERY: SavedQuery = { text: '', tag: null, status: null, sort: 'saved' };

const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

function haystack(paper: SavedPaper): string {
  return fold([paper.title, paper.authors.join(' '), paper.abstract ?? '', paper.tags.join(' '), paper.note, paper.arxivId ?? '', paper.doi ?? ''].join('\n'));
}

const COMPARE: Record<SavedSort, (a: SavedSummary, b: SavedSummary) => number> = {
  // Ties newest key first, as the store's savedAt index read backwards gives them (the library's opening page).
  saved: (a, b) => b.savedAt - a.savedAt || (a.key < b.key ? 1 : a.key > b.key ? -1 : 0),
  published: (a, b) => (b.publicationDate ?? String(b.year ?? '')).localeCompare(a.publicationDate ?? String(a.year ?? '')),
  citations: (a, b) => (b.citationCount ?? -1) - (a.citationCount ?? -1),
};

/** A paper as the index holds it: what the library shows, and its text folded for search. */
export interface IndexedPaper {
  paper: SavedSummary;
  text: string;
}

/** What the library lists of a paper: all but the abstract. */
export function savedSummary(paper: SavedPaper): SavedSummary {
  const { abstract: _abstract, ...summary } = paper;
  return summary;
}

export function indexPaper(paper: SavedPaper): IndexedPaper {
  return { paper: savedSummary(paper), text: haystack(paper) };
}

/** Every word must appear somewhere (accents and case ignored); then the chosen order. */
export function searchSaved(index: Iterable<IndexedPaper>, query: SavedQuery): SavedSummary[] {
  const words = fold(query.text).split(/\s+/).filter(Boolean);
  const found: SavedSummary[] = [];
  for (const { paper, text } of index) {
    if (query.tag && !paper.tags.includes(query.tag)) continue;
    if (query.status && paper.status !== query.status) continue;
    if (query.version === 'retracted' ? !paper.retraction && !paper.withdrawn : query.version && (query.version === 'published') !== Boolean(paper.published)) continue;
    if (words.every((word) => text.includes(word))) found.push(paper);
  }
  return found.sort(COMPARE[query.sort]);
}

export function allTags(papers: Iterable<SavedSummary>): string[] {
  const tags = new Set<string>();
  for (const paper of papers) for (const tag of paper.tags) tags.add(tag);
  return [...tags].sort((a, b) => a.localeCompare(b));
}
