// Semantic Scholar behind the sources' interface, with the reader's key, plus what only it offers:
// author search, recommendations and citing papers.

import type { PaperKey } from '../../../core/ids';
import type { Settings } from '../../../core/settings';
import type { HostGate } from '../hostGate';
import type { FetchLike } from '../http';
import type { SourceNotices } from '../notices';
import type { Source, SourceAnswer } from '../types';
import { fetchAuthorsPapers } from './authorBatch';
import { searchProfiles } from './profileSearch';
import { fetchCitingAuthors, fetchCitingPages } from './citingAuthors';
import { fetchAuthor, fetchAuthorCitationList, fetchAuthorPapers, fetchPapersByKey, searchAuthorsWithTitles, type S2Options } from './client';
import { fetchPublicationIds } from './publication';
import { fetchRecommendations, fetchTopCiting } from './related';

export interface SourceDeps {
  fetch: FetchLike;
  gate: HostGate;
  settings: () => Promise<Settings>;
  now: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** The reader's keys, and what a source said of them (notices.ts). */
  notices: SourceNotices;
}

export function createSemanticScholar({ fetch, gate, now, sleep, notices }: SourceDeps) {
  // Every request carries the reader's key unless Semantic Scholar refused it (then it goes without).
  const call = <T>(run: (options: S2Options) => Promise<T>) => notices.withKey('semanticscholar', (apiKey) => run({ fetch, apiKey, gate, sleep, now }));
  const source: Source = {
    name: 'semanticscholar',
    async papers(keys) {
      const found = new Map<PaperKey, SourceAnswer | Error>();
      for (const [key, answer] of await call((options) => fetchPapersByKey(keys, options, now))) {
        if (answer instanceof Error) found.set(key, answer);
        else if (answer) found.set(key, { ...answer, source: 'semanticscholar' });
      }
      return found;
    },
    author: (authorId) => call((options) => fetchAuthor(authorId, options, now)),
    publications: (authorId) => call((options) => fetchAuthorPapers(authorId, options)),
    citationList: (author) => call((options) => fetchAuthorCitationList(author.authorId, options)),
  };
  return {
    ...source,
    /** Authors by name, with their paper titles when asked (to compare with a page's list). */
    search: (name: string, withTitles: boolean) => call((options) => searchAuthorsWithTitles(name, options, withTitles, now)),
    /** Profiles under a name with their papers' years, venues and coauthors (other profiles of one person). */
    profiles: (name: string) => call((options) => searchProfiles(name, options, now)),
    /** Papers' authors and their citing papers' authors (self-citations), up to SELF_CITATION_BATCH papers. */
    citingAuthors: (paperIds: readonly string[]) => call((options) => fetchCitingAuthors(paperIds, options)),
    /** One paper's citing papers' authors, page by page (papers a batch answer cut). */
    citingPages: (paperId: string, count: number | null) => call((options) => fetchCitingPages(paperId, options, count)),
    recommendations: (key: PaperKey) => call((options) => fetchRecommendations(key, options)),
    topCiting: (key: PaperKey) => call((options) => fetchTopCiting(key, options)),
    /** Each author's papers, up to AUTHOR_BATCH_LIMIT authors (the check for followed authors). */
    authorsPapers: (authorIds: readonly string[]) => call((options) => fetchAuthorsPapers(authorIds, options)),
    /** Papers' venue fields and identifiers (DBLP key, DOI), for the published-version resolver. */
    publicationIds: (keys: readonly PaperKey[]) => call((options) => fetchPublicationIds(keys, options)),
  };
}
