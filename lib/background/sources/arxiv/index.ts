// arXiv behind the sources' interface: for papers too new for both other sources, their title,
// abstract and names (no one's numbers); and the latest version of papers for the card.

import { arxivIdOfKey, type PaperKey } from '../../../core/ids';
import type { Paper } from '../../../core/model';
import { publishedFromArxiv } from '../../../core/published';
import type { SourceDeps } from '../semanticScholar';
import type { PaperSource, SourceAnswer } from '../types';
import { fetchArxivEntries, fetchLatestVersions, type ArxivEntry } from './client';

export function arxivPaper(entry: ArxivEntry): Paper {
  return {
    arxivId: entry.id,
    version: entry.version,
    s2PaperId: null,
    title: entry.title,
    abstract: entry.abstract,
    publicationDate: entry.published,
    year: entry.published ? Number(entry.published.slice(0, 4)) : null,
    citationCount: null,
    authors: entry.authors.map((name) => ({ authorId: null, name })),
    published: publishedFromArxiv(entry.journalRef, entry.doi),
  };
}

export function createArxiv({ fetch, gate, sleep, now }: Pick<SourceDeps, 'fetch' | 'gate' | 'sleep' | 'now'>) {
  const options = { fetch, gate, sleep, now };
  const source: PaperSource = {
    name: 'arxiv',
    async papers(keys) {
      const ids = keys.map(arxivIdOfKey).filter((id): id is string => id !== null);
      const found = new Map<PaperKey, SourceAnswer>();
      if (ids.length === 0) return found;
      for (const [id, entry] of await fetchArxivEntries(ids, options)) found.set(id, { paper: arxivPaper(entry), authors: [], source: 'arxiv' });
      return found;
    },
  };
  return { ...source, latestVersions: (ids: readonly string[]) => fetchLatestVersions(ids, options) };
}
