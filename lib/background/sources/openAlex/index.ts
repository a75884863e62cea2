// OpenAlex behind the sources' interface, with the reader's e-mail and key; its works and authors
// become the common records, so a paper or author from it shows like any other (and says whose).

import { arxivIdOfKey, type PaperKey } from '../../../core/ids';
import type { Author, OpenAlexAuthor, Paper } from '../../../core/model';
import type { SourceDeps } from '../semanticScholar';
import type { Source, SourceAnswer } from '../types';
import { fetchOpenAlexAuthor, type OpenAlexOptions, type OpenAlexWork } from './client';
import { fetchOpenAlexAuthors, fetchOpenAlexAuthorWorks, fetchWorksByAuthorsSince, fetchWorksByKey } from './works';

/** Of a work's authors, this many are looked up for their numbers: as many as an arXiv listing names (a collaboration's 3,000 would cost 30 requests). */
export const AUTHORS_LOOKED_UP = 101;

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
    ...(work.published !== undefined ? { published: work.published } : {}),
    ...(work.retraction ? { retraction: work.retraction } : {}),
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

export function createOpenAlex({ fetch, gate, settings, now, sleep, notices }: SourceDeps) {
  // Every request carries the reader's key unless OpenAlex refused it (then it goes without).
  const call = async <T>(run: (options: OpenAlexOptions) => Promise<T>, retries?: number): Promise<T> => {
    const { openAlexEmail } = await settings();
    return notices.withKey('openalex', (apiKey) => run({ fetch, email: openAlexEmail || undefined, apiKey, gate, sleep, now, ...(retries === undefined ? {} : { retries }) }));
  };
  const source: Source = {
    name: 'openalex',
    // List requests: the works by DOI (100 a request), then their authors' numbers (100 a request).
    // A request that fails costs the papers it was for, not the others.
    papers: (keys) =>
      call(async (options) => {
        const works = await fetchWorksByKey(keys, options);
        const authorIdsOf = (work: OpenAlexWork) => work.authorships.slice(0, AUTHORS_LOOKED_UP).map((a) => a.authorId).filter((id): id is string => id !== null);
        const answered = [...works.values()].filter((work): work is OpenAlexWork => !(work instanceof Error));
        const ids = answered.flatMap(authorIdsOf);
        const { found: authors, failed } = ids.length > 0 ? await fetchOpenAlexAuthors(ids, options) : { found: new Map<string, OpenAlexAuthor>(), failed: new Map<string, Error>() };
        // A failed authors request is asked again work by work: one work's trouble costs that work only.
        for (const work of failed.size > 0 ? answered : []) {
          const missing = authorIdsOf(work).filter((id) => failed.has(id));
          if (missing.length === 0) continue;
          const again = await fetchOpenAlexAuthors(missing, options);
          for (const id of missing) if (!again.failed.has(id)) failed.delete(id);
          for (const [id, author] of again.found) authors.set(id, author);
        }
        const fetchedAt = now();
        const found = new Map<PaperKey, SourceAnswer | Error>();
        for (const [key, work] of works) {
          if (work instanceof Error) {
            found.set(key, work);
            continue;
          }
          const failure = authorIdsOf(work).map((id) => failed.get(id)).find((error) => error !== undefined);
          if (failure) {
            found.set(key, failure);
            continue;
          }
          const listed = authorIdsOf(work).map((id) => authors.get(id)).filter((author) => author !== undefined);
          found.set(key, { paper: openAlexPaper(work), authors: listed.map((author) => openAlexAuthorRecord(author, fetchedAt)), source: 'openalex' });
        }
        return found;
      }),
    author: (authorId) => call(async (options) => openAlexAuthorRecord(await fetchOpenAlexAuthor(authorId, options), now())),
    publications: (authorId) => call(async (options) => (await fetchOpenAlexAuthorWorks(authorId, options)).map(openAlexPaper)),
    // Two pages of the most cited works (OpenAlex's own h-index and i10 cover the rest).
    citationList: (author) =>
      call(async (options) => {
        const works = await fetchOpenAlexAuthorWorks(author.authorId, options, 200, 'cited_by_count:desc');
        return { papers: works.map((work) => ({ year: work.year, citations: work.citationCount ?? 0 })), complete: author.paperCount !== null && works.length >= author.paperCount };
      }),
  };
  return {
    ...source,
    /** OpenAlex as a second opinion: `retries` kept low so a failing OpenAlex is reported within a card's wait. */
    worksByKey: (keys: readonly PaperKey[], retries?: number) => call((options) => fetchWorksByKey(keys, options), retries),
    authorById: (id: string, retries?: number) => call((options) => fetchOpenAlexAuthor(id, options), retries),
    /** Works by up to 100 authors published from a day on (the check for followed authors). */
    worksByAuthorsSince: (authorIds: readonly string[], fromDate: string) => call((options) => fetchWorksByAuthorsSince(authorIds, fromDate, options)),
  };
}
