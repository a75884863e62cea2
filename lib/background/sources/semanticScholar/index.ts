// Semantic Scholar behind the sources' interface, with the reader's key, plus what only it offers:
// author search, recommendations and citing papers.

import type { PaperKey } from '../../../core/ids';
import type { Settings } from '../../../core/settings';
import type { HostGate } from '../hostGate';
import type { FetchLike } from '../http';
import type { Source, SourceAnswer } from '../types';
import { fetchAuthorsPapers } from './authorBatch';
import { searchProfiles } from './profileSearch';
import { fetchCitingAuthors } from './citingAuthors';
import { fetchAuthor, fetchAuthorCitationList, fetchAuthorPapers, fetchPapersByKey, fetchRecommendations, fetchTopCiting, searchAuthorsWithTitles, type S2Options } from './client';

export interface SourceDeps {
  fetch: FetchLike;
  gate: HostGate;
  settings: () => Promise<Settings>;
  now: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export function createSemanticScholar({ fetch, gate, settings, now, sleep }: SourceDeps) {
  const options = async (): Promise<S2Options> => ({ fetch, apiKey: (await settings()).s2ApiKey || undefined, gate, sleep, now });
  const source: Source = {
    name: 'semanticscholar',
    async papers(keys) {
      const found = new Map<PaperKey, SourceAnswer>();
      for (const [key, answer] of await fetchPapersByKey(keys, await options(), now)) if (answer) found.set(key, { ...answer, source: 'semanticscholar' });
      return found;
    },
    author: async (authorId) => fetchAuthor(authorId, await options(), now),
    publications: async (authorId) => fetchAuthorPapers(authorId, await options()),
    citationList: async (author) => fetchAuthorCitationList(author.authorId, await options()),
  };
  return {
    ...source,
    /** Authors by name, with their paper titles when asked (to compare with a page's list). */
    search: async (name: string, withTitles: boolean) => searchAuthorsWithTitles(name, await options(), withTitles, now),
    /** Profiles under a name with their papers' years, venues and coauthors (other profiles of one person). */
    profiles: async (name: string) => searchProfiles(name, await options(), now),
    /** Papers' authors and their citing papers' authors (self-citations), up to SELF_CITATION_BATCH papers. */
    citingAuthors: async (paperIds: readonly string[]) => fetchCitingAuthors(paperIds, await options()),
    recommendations: async (key: PaperKey) => fetchRecommendations(key, await options()),
    topCiting: async (key: PaperKey) => fetchTopCiting(key, await options()),
    /** Each author's papers, up to AUTHOR_BATCH_LIMIT authors (the check for followed authors). */
    authorsPapers: async (authorIds: readonly string[]) => fetchAuthorsPapers(authorIds, await options()),
  };
}
