// OpenAlex client: an author's numbers as OpenAlex counts them (citations per year, i10-index,
// two-year mean citedness, which Semantic Scholar does not give) and works looked up by DOI, which
// is how an author of ours is found there and how a paper Semantic Scholar lacks gets its authors.
// Everything is validated here; a malformed answer becomes an error or an entry left out.

import { paperKeyFor, parseDoi, sourceOfAuthorId, type PaperKey } from '../../../core/ids';
import type { OpenAlexAuthor } from '../../../core/model';
import { CEILING, isRecord, readCount, readIsoDate, readString } from '../../../core/validate';
import { requestJson, SourceError, type RequestOptions } from '../http';

export const OPENALEX_API = 'https://api.openalex.org';
/** OpenAlex ORs at most 100 values in one filter (and answers up to 200 a page). */
export const WORKS_FILTER_LIMIT = 100;

export interface OpenAlexOptions extends RequestOptions {
  /** Sent as `mailto`: OpenAlex's polite pool, and a way for them to reach the reader. */
  email?: string;
  /** Sent as `api_key`: OpenAlex's daily allowance is tiny without one. */
  apiKey?: string;
}

/** A work's authors as OpenAlex lists them, for matching authors and for papers others lack. */
export interface OpenAlexWork {
  key: PaperKey;
  id: string;
  title: string;
  abstract: string | null;
  publicationDate: string | null;
  year: number | null;
  citationCount: number | null;
  authorships: { authorId: string | null; name: string }[];
}

const AUTHOR_ID = /^A\d{1,15}$/;
const WORK_ID = /^W\d{1,15}$/;

/** `A123` from `https://openalex.org/A123` or `A123`; null for anything else. */
export function shortOpenAlexId(value: unknown, pattern = AUTHOR_ID): string | null {
  if (typeof value !== 'string') return null;
  const short = value.replace(/^https:\/\/openalex\.org\//i, '');
  return pattern.test(short) ? short : null;
}

const isOpenAlexAuthorId = (value: string) => sourceOfAuthorId(value) === 'openalex';

/** A mean citedness; past the ceiling it is damage. */
function readNumber(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 100_000 ? value : null;
}

function params(options: OpenAlexOptions, extra: Record<string, string>): string {
  const query = new URLSearchParams(extra);
  if (options.email) query.set('mailto', options.email);
  if (options.apiKey) query.set('api_key', options.apiKey);
  return query.toString();
}

/** An author object (docs.openalex.org, "Author object"); null without an id or a name. */
export function normaliseOpenAlexAuthor(raw: unknown): OpenAlexAuthor | null {
  if (!isRecord(raw)) return null;
  const id = shortOpenAlexId(raw.id);
  const name = readString(raw.display_name, 500);
  if (!id || !name) return null;
  const stats = isRecord(raw.summary_stats) ? raw.summary_stats : {};
  const institutions = Array.isArray(raw.last_known_institutions)
    ? raw.last_known_institutions.map((entry) => (isRecord(entry) ? readString(entry.display_name, 300) : null)).filter((value): value is string => !!value)
    : [];
  const years = new Map<number, { year: number; citations: number; works: number }>();
  for (const entry of Array.isArray(raw.counts_by_year) ? raw.counts_by_year : []) {
    if (!isRecord(entry)) continue;
    const year = readCount(entry.year, CEILING.year);
    if (year === null || year < 1900 || year > 2200) continue;
    years.set(year, { year, citations: readCount(entry.cited_by_count, CEILING.citations) ?? 0, works: readCount(entry.works_count, CEILING.papers) ?? 0 });
  }
  return {
    id,
    name,
    institutions: institutions.slice(0, 20),
    citationCount: readCount(raw.cited_by_count, CEILING.citations),
    worksCount: readCount(raw.works_count, CEILING.papers),
    hIndex: readCount(stats.h_index, CEILING.hIndex),
    i10Index: readCount(stats.i10_index, CEILING.papers),
    twoYearMeanCitedness: readNumber(stats['2yr_mean_citedness']),
    countsByYear: [...years.values()].sort((a, b) => a.year - b.year),
    url: `https://openalex.org/${id}`,
  };
}

/** OpenAlex keeps abstracts as word -> positions; this puts the words back in order. */
export function abstractFromInvertedIndex(raw: unknown, maxWords = 5000): string | null {
  if (!isRecord(raw)) return null;
  const words: string[] = [];
  for (const [word, positions] of Object.entries(raw)) {
    if (!Array.isArray(positions)) continue;
    for (const position of positions) {
      if (typeof position === 'number' && Number.isInteger(position) && position >= 0 && position < maxWords) words[position] = word;
    }
  }
  const text = words.filter((word) => word !== undefined).join(' ');
  return text.length > 0 ? text.slice(0, 20_000) : null;
}

/** The paper key of a work: its arXiv id when its DOI is an arXiv DOI, else `doi:`; null without a DOI. */
function workKey(raw: Record<string, unknown>): PaperKey | null {
  const doi = typeof raw.doi === 'string' ? parseDoi(raw.doi) : null;
  return doi ? paperKeyFor({ doi }) : null;
}

/** A work object; null without a DOI we can key it by, or without a title. */
export function normaliseOpenAlexWork(raw: unknown): OpenAlexWork | null {
  if (!isRecord(raw)) return null;
  const key = workKey(raw);
  const id = shortOpenAlexId(raw.id, WORK_ID);
  const title = readString(raw.display_name, 2000) ?? readString(raw.title, 2000);
  if (!key || !id || !title) return null;
  const authorships = (Array.isArray(raw.authorships) ? raw.authorships : [])
    .map((entry) => {
      const author = isRecord(entry) && isRecord(entry.author) ? entry.author : null;
      const name = author ? readString(author.display_name, 500) : null;
      return name ? { authorId: shortOpenAlexId(author?.id), name } : null;
    })
    .filter((entry): entry is { authorId: string | null; name: string } => entry !== null);
  return {
    key,
    id,
    title,
    abstract: abstractFromInvertedIndex(raw.abstract_inverted_index),
    publicationDate: readIsoDate(raw.publication_date),
    year: readCount(raw.publication_year, CEILING.year),
    citationCount: readCount(raw.cited_by_count, CEILING.citations),
    authorships,
  };
}

/** The DOI OpenAlex files a key under: arXiv's own DOI for arXiv ids. */
export function doiForKey(key: PaperKey): string {
  if (key.startsWith('doi:')) return key.slice(4);
  return `10.48550/arxiv.${key}`;
}

/** One author by OpenAlex id (a singleton request, free of OpenAlex's daily allowance). */
export async function fetchOpenAlexAuthor(id: string, options: OpenAlexOptions): Promise<OpenAlexAuthor> {
  if (!isOpenAlexAuthorId(id)) throw new SourceError('client', `Not an OpenAlex author id: ${id}`);
  const body = await requestJson(`${OPENALEX_API}/authors/${id}?${params(options, {})}`, {}, options);
  const author = normaliseOpenAlexAuthor(body);
  if (!author) throw new SourceError('malformed', 'OpenAlex sent an author without an id or a name');
  return author;
}

/** Several authors by OpenAlex id, one list request per 100; ids OpenAlex does not know are left out. */
export async function fetchOpenAlexAuthors(ids: readonly string[], options: OpenAlexOptions): Promise<Map<string, OpenAlexAuthor>> {
  const found = new Map<string, OpenAlexAuthor>();
  const valid = [...new Set(ids)].filter(isOpenAlexAuthorId);
  for (let start = 0; start < valid.length; start += WORKS_FILTER_LIMIT) {
    const chunk = valid.slice(start, start + WORKS_FILTER_LIMIT);
    const body = await requestJson(`${OPENALEX_API}/authors?${params(options, { filter: `openalex:${chunk.join('|')}`, per_page: String(chunk.length) })}`, {}, options);
    for (const author of listResults(body).map(normaliseOpenAlexAuthor)) if (author) found.set(author.id, author);
  }
  return found;
}

function listResults(body: unknown): unknown[] {
  if (!isRecord(body) || !Array.isArray(body.results)) throw new SourceError('malformed', 'OpenAlex sent a list without results');
  return body.results;
}

const WORK_FIELDS = 'id,doi,display_name,publication_date,publication_year,cited_by_count,authorships,abstract_inverted_index';

/** Works by paper key (arXiv ids through arXiv's DOIs, `doi:` keys), one request per 100 keys; keys OpenAlex does not know are left out. */
export async function fetchWorksByKey(keys: readonly PaperKey[], options: OpenAlexOptions): Promise<Map<PaperKey, OpenAlexWork>> {
  const found = new Map<PaperKey, OpenAlexWork>();
  const unique = [...new Set(keys)];
  for (let start = 0; start < unique.length; start += WORKS_FILTER_LIMIT) {
    const chunk = unique.slice(start, start + WORKS_FILTER_LIMIT);
    const query = params(options, { filter: `doi:${chunk.map(doiForKey).join('|')}`, per_page: String(Math.min(200, chunk.length * 2)), select: WORK_FIELDS });
    const body = await requestJson(`${OPENALEX_API}/works?${query}`, {}, options);
    const wanted = new Set(chunk);
    for (const work of listResults(body).map(normaliseOpenAlexWork)) {
      if (work && wanted.has(work.key) && !found.has(work.key)) found.set(work.key, work);
    }
  }
  return found;
}

/** An author's newest works (one list request), for the card of an author only OpenAlex knows. */
export async function fetchOpenAlexAuthorWorks(id: string, options: OpenAlexOptions, perPage = 50, sort = 'publication_date:desc'): Promise<OpenAlexWork[]> {
  if (!isOpenAlexAuthorId(id)) throw new SourceError('client', `Not an OpenAlex author id: ${id}`);
  const query = params(options, { filter: `author.id:${id}`, sort, per_page: String(Math.min(perPage, 200)), select: WORK_FIELDS });
  const body = await requestJson(`${OPENALEX_API}/works?${query}`, {}, options);
  return listResults(body)
    .map(normaliseOpenAlexWork)
    .filter((work): work is OpenAlexWork => work !== null);
}

/**
 * Works by any of up to 100 authors published from `fromDate` (ISO day), newest first, one list
 * request (its first 200 results). `from_publication_date` rather than `from_created_date`, which
 * OpenAlex has documented as a Premium filter; an arXiv preprint's publication date is its posting.
 */
export async function fetchWorksByAuthorsSince(authorIds: readonly string[], fromDate: string, options: OpenAlexOptions): Promise<OpenAlexWork[]> {
  const ids = [...new Set(authorIds)].filter(isOpenAlexAuthorId);
  if (ids.length === 0) return [];
  if (ids.length > WORKS_FILTER_LIMIT) throw new SourceError('client', `OpenAlex ORs at most ${WORKS_FILTER_LIMIT} authors`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(fromDate)) throw new SourceError('client', `Not a date: ${fromDate}`);
  const query = params(options, { filter: `authorships.author.id:${ids.join('|')},from_publication_date:${fromDate}`, sort: 'publication_date:desc', per_page: '200', select: WORK_FIELDS });
  const body = await requestJson(`${OPENALEX_API}/works?${query}`, {}, options);
  return listResults(body)
    .map(normaliseOpenAlexWork)
    .filter((work): work is OpenAlexWork => work !== null);
}
