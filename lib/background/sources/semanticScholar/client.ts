// Semantic Scholar Graph API client: fetch, validate, normalise into the common records.

import { publishedFromS2 } from '../../../core/published';
import { pathSegment } from '../pathSegment';
import { type Author, type AuthorRef, type Paper } from '../../../core/model';
import { arxivIdOfKey, isAuthorId, ORCID_ID, parseArxivId, s2PaperRef, sourceOfAuthorId, type PaperKey } from '../../../core/ids';
import { CEILING, isRecord, readCount, readIsoDate, readString, readStringList } from '../../../core/validate';
import type { PaperCitations } from '../../../core/metrics/compute';
import { PAPER_BATCH_LIMIT } from '../../../core/protocol/define';
import { paperIds } from '../../../core/person';
import { askInHalves, askSmaller, failPart, requestJson, SourceError, type RequestOptions } from '../http';

export const S2_API = 'https://api.semanticscholar.org/graph/v1';

const AUTHOR_FIELDS = ['authorId', 'name', 'url', 'affiliations', 'citationCount', 'hIndex', 'paperCount'];
// One paper request carries everything the chips need: the paper and its authors' metrics.
// venue, publicationVenue, journal, publicationTypes: where the paper was published (core/published.ts).
const PAPER_BATCH_FIELDS = [
  'paperId', 'externalIds', 'title', 'publicationDate', 'year', 'citationCount', 'venue', 'publicationVenue', 'journal', 'publicationTypes',
  ...AUTHOR_FIELDS.map((field) => `authors.${field}`),
].join(',');
const AUTHOR_PAPER_FIELDS = 'paperId,externalIds,title,abstract,publicationDate,year,citationCount,venue,publicationVenue,journal,publicationTypes,authors';
/** Newest papers first is how the author papers endpoint pages; one page is plenty for a card. */
export const AUTHOR_PAPERS_PAGE = 100;

export interface S2Options extends RequestOptions {
  apiKey?: string;
}

export function headers(options: S2Options, json = false): Record<string, string> {
  const result: Record<string, string> = {};
  if (json) result['content-type'] = 'application/json';
  if (options.apiKey) result['x-api-key'] = options.apiKey;
  return result;
}

export function authorPageUrl(authorId: string): string {
  return `https://www.semanticscholar.org/author/${encodeURIComponent(authorId)}`;
}

/** Semantic Scholar's author ids are digits; anything else (a lone surrogate, markup) is damage: no id. */
function readAuthorId(value: unknown): string | null {
  const id = readString(value, 64);
  return id && isAuthorId(id) && sourceOfAuthorId(id) === 'semanticscholar' ? id : null;
}

function normaliseAuthorRef(raw: unknown): AuthorRef | null {
  if (!isRecord(raw)) return null;
  const name = readString(raw.name, 500);
  if (!name) return null;
  return { authorId: readAuthorId(raw.authorId), name };
}

/** A paper's `authors` list as author references (at most `max`); bad entries are left out. */
export function normaliseAuthorRefs(raw: unknown, max = Infinity): AuthorRef[] {
  return Array.isArray(raw) ? raw.slice(0, max).map(normaliseAuthorRef).filter((author): author is AuthorRef => author !== null) : [];
}

/** An author record with reported metrics; null when the entry has no id or name. */
export function normaliseAuthor(raw: unknown, fetchedAt: number): Author | null {
  if (!isRecord(raw)) return null;
  const authorId = readAuthorId(raw.authorId);
  const name = readString(raw.name, 500);
  if (!authorId || !name) return null;
  return {
    authorId,
    name,
    affiliations: readStringList(raw.affiliations, 20, 300),
    citationCount: readCount(raw.citationCount, CEILING.citations),
    hIndex: readCount(raw.hIndex, CEILING.hIndex),
    paperCount: readCount(raw.paperCount, CEILING.papers),
    url: authorPageUrl(authorId),
    source: 'semanticscholar',
    fetchedAt,
  };
}

/** A paper; null when the entry is not a paper at all (for example `null` in a batch). */
export function normalisePaper(raw: unknown): Paper | null {
  if (!isRecord(raw)) return null;
  const s2PaperId = readString(raw.paperId, 64);
  const title = readString(raw.title, 2000);
  if (!s2PaperId && !title) return null;
  const externalIds = isRecord(raw.externalIds) ? raw.externalIds : {};
  const arxiv = typeof externalIds.ArXiv === 'string' ? parseArxivId(externalIds.ArXiv) : null;
  const authors = normaliseAuthorRefs(raw.authors);
  return {
    arxivId: arxiv?.id ?? null,
    version: null,
    s2PaperId,
    title: title ?? '',
    abstract: readString(raw.abstract, 20_000),
    publicationDate: readIsoDate(raw.publicationDate),
    year: readCount(raw.year, CEILING.year),
    citationCount: readCount(raw.citationCount, CEILING.citations),
    authors,
    // Only what the record was asked for: a list asked without venues says nothing either way.
    ...('venue' in raw || 'journal' in raw || 'publicationVenue' in raw ? { published: publishedFromS2(raw) } : {}),
  };
}

export interface PaperBatchEntry {
  paper: Paper;
  authors: Author[];
}

/** One entry of a paper batch; a bad field drops that field or author, a bad record only that record (null). */
function batchEntry(key: PaperKey, raw: unknown, fetchedAt: number): PaperBatchEntry | null {
  try {
    const paper = normalisePaper(raw);
    if (!paper || !isRecord(raw)) return null;
    const authors = Array.isArray(raw.authors) ? raw.authors.map((author) => normaliseAuthor(author, fetchedAt)).filter((a): a is Author => a !== null) : [];
    // The batch answers in request order; an arXiv key is the paper's arXiv id even if externalIds omits it.
    return { paper: { ...paper, arxivId: arxivIdOfKey(key) ?? paper.arxivId }, authors };
  } catch {
    return null;
  }
}

/**
 * Papers by key (arXiv ids without versions, `doi:` keys), with their authors' metrics, in one
 * request per `PAPER_BATCH_LIMIT` keys. Unknown papers map to null. A batch whose answer would pass
 * Semantic Scholar's 10 MB limit (big collaborations with every author's numbers) is split in
 * halves and asked again; a part that still fails costs its own keys only (their Error), never the
 * papers the other parts answered.
 */
export async function fetchPapersByKey(
  keys: readonly PaperKey[],
  options: S2Options,
  now: () => number = Date.now,
): Promise<Map<PaperKey, PaperBatchEntry | null | Error>> {
  const result = new Map<PaperKey, PaperBatchEntry | null | Error>();
  async function ask(chunk: readonly PaperKey[]): Promise<void> {
    const body = await requestJson(
      `${S2_API}/paper/batch?fields=${encodeURIComponent(PAPER_BATCH_FIELDS)}`,
      { method: 'POST', headers: headers(options, true), body: JSON.stringify({ ids: chunk.map(s2PaperRef) }) },
      options,
    );
    if (!Array.isArray(body) || body.length !== chunk.length) {
      throw new SourceError('malformed', 'Semantic Scholar sent a paper batch of the wrong shape');
    }
    const fetchedAt = now();
    chunk.forEach((key, index) => result.set(key, batchEntry(key, body[index], fetchedAt)));
  }
  for (let start = 0; start < keys.length; start += PAPER_BATCH_LIMIT) {
    await askInHalves(keys.slice(start, start + PAPER_BATCH_LIMIT), ask, (part, error) => failPart(result, part, error));
  }
  return result;
}

/** 404 "Author with id … not found" (test_not_found.yaml): an id Semantic Scholar merged into another profile or removed; a cached paper may still name it. */
function authorGone(authorId: string, error: unknown): unknown {
  if (!(error instanceof SourceError && error.kind === 'not-found')) return error;
  return new SourceError('not-found', `Semantic Scholar no longer lists author ${authorId} (merged into another profile, or removed)`, error.status, null, error.detail);
}

export async function fetchAuthor(authorId: string, options: S2Options, now: () => number = Date.now): Promise<Author> {
  let body: unknown;
  try {
    body = await requestJson(`${S2_API}/author/${pathSegment(authorId)}?fields=${AUTHOR_FIELDS.join(',')}`, { headers: headers(options) }, options);
  } catch (error) {
    throw authorGone(authorId, error);
  }
  const author = normaliseAuthor(body, now());
  if (!author) throw new SourceError('malformed', 'Semantic Scholar sent an author record without id or name');
  return author;
}

/**
 * The author's newest papers (one page), newest first. A page of a big collaboration's member (papers
 * of thousands of authors each) passes Semantic Scholar's 10 MB limit: a smaller page then.
 */
export async function fetchAuthorPapers(authorId: string, options: S2Options): Promise<Paper[]> {
  let body: unknown;
  try {
    body = await askSmaller(AUTHOR_PAPERS_PAGE, 1, (limit) => requestJson(`${S2_API}/author/${pathSegment(authorId)}/papers?fields=${AUTHOR_PAPER_FIELDS}&limit=${limit}`, { headers: headers(options) }, options));
  } catch (error) {
    throw authorGone(authorId, error);
  }
  if (!isRecord(body) || !Array.isArray(body.data)) {
    throw new SourceError('malformed', 'Semantic Scholar sent an author paper list of the wrong shape');
  }
  return sortNewestFirst(body.data.map(normalisePaper).filter((paper): paper is Paper => paper !== null));
}

/** A paper reference in a URL path: `arXiv:2602.16165`, `DOI:10.1145/3292500`; anything else escaped. */
export function pathRef(key: PaperKey): string {
  return pathSegment(s2PaperRef(key), ':/._()-');
}

/** A listed paper's ids, so a paper under two profiles of one person counts once (core/person.ts). */
function citationIds(record: Record<string, unknown>): string[] {
  const paper = normalisePaper(record);
  const externalIds = isRecord(record.externalIds) ? record.externalIds : {};
  return paper ? paperIds({ ...paper, doi: readString(externalIds.DOI, 300) }) : [];
}

/** Metrics need every paper's count: pages of this size, at most this many papers. */
export const CITATION_LIST_PAGE = 1000;
export const CITATION_LIST_MAX = 5000;

/** Year and citation count of every paper of an author (paged), for the computed metrics. */
export async function fetchAuthorCitationList(authorId: string, options: S2Options): Promise<{ papers: PaperCitations[]; complete: boolean }> {
  const papers: PaperCitations[] = [];
  let offset: number | null = 0;
  while (offset !== null && offset < CITATION_LIST_MAX) {
    const body = await requestJson(
      `${S2_API}/author/${pathSegment(authorId)}/papers?fields=externalIds,year,citationCount&offset=${offset}&limit=${CITATION_LIST_PAGE}`,
      { headers: headers(options) },
      options,
    );
    if (!isRecord(body) || !Array.isArray(body.data)) {
      throw new SourceError('malformed', 'Semantic Scholar sent an author paper list of the wrong shape');
    }
    for (const entry of body.data) {
      // A null entry or a paper without a count is one paper with no known citations.
      const record = isRecord(entry) ? entry : {};
      const ids = citationIds(record);
      papers.push({ year: readCount(record.year, CEILING.year), citations: readCount(record.citationCount, CEILING.citations) ?? 0, ...(ids.length > 0 ? { ids } : {}) });
    }
    const next = readCount(body.next);
    offset = next !== null && next > offset && body.data.length > 0 ? next : null;
  }
  return { papers, complete: offset === null };
}

function sortKey(paper: Paper): string {
  return paper.publicationDate ?? (paper.year ? `${paper.year}-00-00` : '');
}

export function sortNewestFirst(papers: Paper[]): Paper[] {
  return [...papers].sort((a, b) => sortKey(b).localeCompare(sortKey(a)));
}

/**
 * A name as Semantic Scholar's author search can match it: its search finds nobody for hyphenated
 * terms ("Jean-Pierre"), and its documentation says to search them with spaces.
 */
export function authorSearchQuery(name: string): string {
  return encodeURIComponent(name.replace(/[\u002D\u2010-\u2015\u2212]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 200));
}

/** The ORCID iD in an author's `externalIds`, where it has one of the right shape. */
export function readOrcid(raw: Record<string, unknown>): string | null {
  const orcid = isRecord(raw.externalIds) ? readString(raw.externalIds.ORCID, 40) : null;
  return orcid && ORCID_ID.test(orcid) ? orcid : null;
}

/** Profiles a name search asks for. */
const NAME_SEARCH_LIMIT = 10;

/** Authors whose name matches `name`, best first as Semantic Scholar ranks them. */
export async function searchAuthors(name: string, options: S2Options, limit = NAME_SEARCH_LIMIT, now: () => number = Date.now): Promise<Author[]> {
  return (await searchAuthorsWithTitles(name, options, false, now, limit)).map((entry) => entry.author);
}

/**
 * As `searchAuthors`, with each author's paper titles when asked (to compare with a page's list).
 * Titles come for every paper of each profile: a common name's profiles can pass Semantic Scholar's
 * 10 MB limit together, so fewer profiles are asked for, and at last none of their titles.
 */
export async function searchAuthorsWithTitles(
  name: string,
  options: S2Options,
  withTitles: boolean,
  now: () => number = Date.now,
  limit = NAME_SEARCH_LIMIT,
): Promise<{ author: Author; titles: string[]; orcid: string | null }[]> {
  if (!withTitles) return searchWithTitles(name, options, false, now, limit);
  try {
    return await askSmaller(limit, 1, (fewer) => searchWithTitles(name, options, true, now, fewer));
  } catch (error) {
    if (!(error instanceof SourceError && error.kind === 'too-large')) throw error;
    return searchWithTitles(name, options, false, now, limit);
  }
}

async function searchWithTitles(name: string, options: S2Options, withTitles: boolean, now: () => number, limit: number): Promise<{ author: Author; titles: string[]; orcid: string | null }[]> {
  const query = authorSearchQuery(name);
  const fields = [...AUTHOR_FIELDS, 'externalIds', ...(withTitles ? ['papers.title'] : [])];
  const body = await requestJson(
    `${S2_API}/author/search?query=${query}&fields=${fields.join(',')}&limit=${limit}`,
    { headers: headers(options) },
    options,
  );
  if (!isRecord(body)) throw new SourceError('malformed', 'Semantic Scholar sent an author search answer of the wrong shape');
  // An empty result has no `data` at all (test_empty_paginated_results.yaml).
  if (body.data === undefined) return [];
  if (!Array.isArray(body.data)) throw new SourceError('malformed', 'Semantic Scholar sent an author search answer of the wrong shape');
  const fetchedAt = now();
  const result: { author: Author; titles: string[]; orcid: string | null }[] = [];
  for (const raw of body.data) {
    const author = normaliseAuthor(raw, fetchedAt);
    if (!author || !isRecord(raw)) continue;
    const titles = Array.isArray(raw.papers) ? raw.papers.map((paper) => (isRecord(paper) ? readString(paper.title, 2000) : null)).filter((t): t is string => !!t) : [];
    result.push({ author, titles, orcid: readOrcid(raw) });
  }
  return result;
}
