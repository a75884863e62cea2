// Finding papers in the saved list: words in title, authors, abstract, tags and notes; a tag;
// a reading status; and an order.

import type { ReadStatus, SavedPaper } from './model';

export type SavedSort = 'saved' | 'published' | 'citations';

export interface SavedQuery {
  text: string;
  tag: string | null;
  status: ReadStatus | null;
  sort: SavedSort;
}

export const EMPTY_QUERY: SavedQuery = { text: '', tag: null, status: null, sort: 'saved' };

const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

function haystack(paper: SavedPaper): string {
  return fold([paper.title, paper.authors.join(' '), paper.abstract ?? '', paper.tags.join(' '), paper.note, paper.arxivId ?? '', paper.doi ?? ''].join('\n'));
}

const COMPARE: Record<SavedSort, (a: SavedPaper, b: SavedPaper) => number> = {
  saved: (a, b) => b.savedAt - a.savedAt,
  published: (a, b) => (b.publicationDate ?? String(b.year ?? '')).localeCompare(a.publicationDate ?? String(a.year ?? '')),
  citations: (a, b) => (b.citationCount ?? -1) - (a.citationCount ?? -1),
};

/** Every word must appear somewhere (accents and case ignored). */
export function querySaved(papers: readonly SavedPaper[], query: SavedQuery): SavedPaper[] {
  const words = fold(query.text).split(/\s+/).filter(Boolean);
  return papers
    .filter((paper) => (query.tag ? paper.tags.includes(query.tag) : true))
    .filter((paper) => (query.status ? paper.status === query.status : true))
    .filter((paper) => {
      if (words.length === 0) return true;
      const text = haystack(paper);
      return words.every((word) => text.includes(word));
    })
    .sort(COMPARE[query.sort]);
}

export function allTags(papers: readonly SavedPaper[]): string[] {
  return [...new Set(papers.flatMap((paper) => paper.tags))].sort((a, b) => a.localeCompare(b));
}
