// OpenAlex behind the sources' interface, with the reader's e-mail and key; its works and authors
// become the common records, so a paper or author from it shows like any other (and says whose).

import { arxivIdOfKey, type PaperKey } from '../../../core/ids';
import type { Author, OpenAlexAuthor, Paper } from '../../../core/model';
import type { SourceDeps } from '../semanticScholar';
import type { Source, SourceAnswer } from '../types';
import { fetchOpenAlexAuthor, fetchOpenAlexAuthors, fetchOpenAlexAuthorWorks, fetchWorksByAuthorsSince, fetchWorksByKey, type OpenAlexOptions, type OpenAlexWork } from './client';

export function openAlexPaper(work: OpenAlexWork): Paper {
  return {
    arxivId: arxivIdOfKey(work.key),
    version: null,
    s2PaperId: null,
    title: work.title,
    abstract: work.abstract,
    publicationDate: work.publicationDate,
    year: work.year,
    citationCount: work.citationCount,
    authors: work.authorships.map((authorship) => ({ authorId: authorship.authorId, name: authorship.name })),
  };
}

/** An OpenAlex author as the chips and cards show authors: works count as papers. */
export function openAlexAuthorRecord(author: OpenAlexAuthor, fetchedAt: number): Author {
  return {
    authorId: author.id,
    name: author.name,
    affiliations: author.institutions,
    citationCount: author.citationCount,
    hIndex: author.hIndex,
    paperCount: author.worksCount,
    url: author.url,
    source: 'openalex',
    fetchedAt,
  };
}

export function createOpenAlex({ fetch, gate, settings, now, sleep }: SourceDeps) {
  const options = async (retries?: number): Promise<OpenAlexOptions> => {
    const { openAlexEmail, openAlexApiKey } = await settings();
    return { fetch, email: openAlexEmail || undefined, apiKey: openAlexApiKey || undefined, gate, sleep, now, ...(retries === undefined ? {} : { retries }) };
  };
  const source: Source = {
    name: 'openalex',
    // List requests: the works by DOI (100 a request), then their authors' numbers (100 a request).
    async papers(keys) {
      const settled = await options();
      const works = await fetchWorksByKey(keys, settled);
      const ids = [...works.values()].flatMap((work) => work.authorships.map((authorship) => authorship.authorId)).filter((id): id is string => id !== null);
      const authors = ids.length > 0 ? await fetchOpenAlexAuthors(ids, settled) : new Map<string, OpenAlexAuthor>();
      const fetchedAt = now();
      const found = new Map<PaperKey, SourceAnswer>();
      for (const [key, work] of works) {
        const listed = work.authorships.map((authorship) => (authorship.authorId ? authors.get(authorship.authorId) : undefined)).filter((author) => author !== undefined);
        found.set(key, { paper: openAlexPaper(work), authors: listed.map((author) => openAlexAuthorRecord(author, fetchedAt)), source: 'openalex' });
      }
      return found;
    },
    author: async (authorId) => openAlexAuthorRecord(await fetchOpenAlexAuthor(authorId, await options()), now()),
    publications: async (authorId) => (await fetchOpenAlexAuthorWorks(authorId, await options())).map(openAlexPaper),
    // One page of the most cited works (OpenAlex's own h-index and i10 cover the rest).
    async citationList(author) {
      const works = await fetchOpenAlexAuthorWorks(author.authorId, await options(), 200, 'cited_by_count:desc');
      return { papers: works.map((work) => ({ year: work.year, citations: work.citationCount ?? 0 })), complete: author.paperCount !== null && works.length >= author.paperCount };
    },
  };
  return {
    ...source,
    /** OpenAlex as a second opinion: `retries` kept low so a failing OpenAlex is reported within a card's wait. */
    worksByKey: async (keys: readonly PaperKey[], retries?: number) => fetchWorksByKey(keys, await options(retries)),
    authorById: async (id: string, retries?: number) => fetchOpenAlexAuthor(id, await options(retries)),
    /** Works by up to 100 authors published from a day on (the check for followed authors). */
    worksByAuthorsSince: async (authorIds: readonly string[], fromDate: string) => fetchWorksByAuthorsSince(authorIds, fromDate, await options()),
  };
}
