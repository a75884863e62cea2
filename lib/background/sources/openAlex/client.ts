// OpenAlex client: an author's numbers as OpenAlex counts them (citations per year, i10-index,
// two-year mean citedness, which Semantic Scholar does not give) and works looked up by DOI, which
// is how an author of ours is found there and how a paper Semantic Scholar lacks gets its authors.
// Everything is validated here; a malformed answer becomes an error or an entry left out.

import { publishedFromOpenAlex, type PublishedVersion, type RetractionMark } from '../../../core/published';
import { pathSegment } from '../pathSegment';
import { paperKeyFor, parseDoi, sourceOfAuthorId, type PaperKey } from '../../../core/ids';
import type { OpenAlexAuthor } from '../../../core/model';
import { CEILING, isRecord, readCount, readIsoDate, readString } from '../../../core/validate';
import { requestJson, SourceError, type RequestOptions } from '../http';

export const OPENALEX_API = 'https://api.openalex.org';
/** OpenAlex ORs at most 100 values in one filter, and answers at most 100 a page. */
export const WORKS_FILTER_LIMIT = 100;
export const PER_PAGE = 100;

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
  /** List answers cut `authorships` at 100 and say so; the work alone (a free singleton) has them all. */
  authorsTruncated: boolean;
  /** Where it was published, as OpenAlex's primary location says (absent when not asked for). */
  published?: PublishedVersion | null;
  /** OpenAlex's `is_retracted`, its second signal after the publisher's (Crossref). */
  retraction?: RetractionMark | null;
}

const AUTHOR_ID = /^A\d{1,15}$/;
export const WORK_ID = /^W\d{1,15}$/;

/** `A123` from `https://openalex.org/A123` or `A123`; null for anything else. */
export function shortOpenAlexId(value: unknown, pattern = AUTHOR_ID): string | null {
  if (typeof value !== 'string') return null;
  const short = value.replace(/^https:\/\/openalex\.org\//i, '');
  return pattern.test(short) ? short : null;
}

export const isOpenAlexAuthorId = (value: string) => sourceOfAuthorId(value) === 'openalex';

/** A mean citedness; past the ceiling it is damage. */
function readNumber(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 100_000 ? value : null;
}

/** OpenAlex answers too many requests a second with 403, "Rate limit exceeded; slow down" (developers.openalex.org/api-reference/errors); a spent day with 429. */
export const OPENALEX_SLOW_DOWN_STATUS = 403;

/** One OpenAlex request for `path` with `query`, the reader's e-mail and key added. */
export function askOpenAlex(path: string, query: Record<string, string>, options: OpenAlexOptions): Promise<unknown> {
  const search = new URLSearchParams(query);
  if (options.email) search.set('mailto', options.email);
  if (options.apiKey) search.set('api_key', options.apiKey);
  return requestJson(`${OPENALEX_API}/${path}?${search.toString()}`, {}, { ...options, slowDownStatus: OPENALEX_SLOW_DOWN_STATUS });
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
    authorsTruncated: raw.is_authors_truncated === true,
    ...('primary_location' in raw ? { published: publishedFromOpenAlex(raw) } : {}),
    ...(raw.is_retracted === true ? { retraction: { kind: 'retraction' as const, basis: `OpenAlex marks work ${id} retracted` } } : {}),
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
  const body = await askOpenAlex(`authors/${pathSegment(id)}`, {}, options);
  const author = normaliseOpenAlexAuthor(body);
  if (!author) throw new SourceError('malformed', 'OpenAlex sent an author without an id or a name');
  return author;
}
