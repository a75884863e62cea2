// OpenAlex list requests, within its real limits: at most 100 results a page (pages until
// `meta.count` is reached, with `page=`, which needs no key), at most 100 values OR-ed in a filter,
// `authorships` cut at 100 in list answers (`is_authors_truncated`; the work alone, a free
// singleton, has them all), and filter values split on commas (a DOI holding one is asked alone).

import type { PaperKey } from '../../../core/ids';
import type { OpenAlexAuthor } from '../../../core/model';
import { pathSegment } from '../pathSegment';
import { isRecord, readCount } from '../../../core/validate';
import { failPart, isHostRefusal, SourceError } from '../http';
import { askOpenAlex, doiForKey, isOpenAlexAuthorId, normaliseOpenAlexAuthor, normaliseOpenAlexWork, PER_PAGE, WORKS_FILTER_LIMIT, type OpenAlexOptions, type OpenAlexWork } from './client';

// primary_location, biblio: where the work was published; is_retracted (core/published.ts).
const WORK_FIELDS = 'id,doi,display_name,publication_date,publication_year,cited_by_count,authorships,is_authors_truncated,abstract_inverted_index,primary_location,biblio,is_retracted';
/** Truncated works completed from singletons per paper request (a listing of big collaborations would otherwise ask one per paper). */
export const COMPLETED_PER_REQUEST = 20;

function listPage(body: unknown): { results: unknown[]; count: number | null } {
  if (!isRecord(body) || !Array.isArray(body.results)) throw new SourceError('malformed', 'OpenAlex sent a list without results');
  return { results: body.results, count: isRecord(body.meta) ? readCount(body.meta.count) : null };
}

/** Every result of a list request, a page of PER_PAGE at a time, up to `maxPages` pages; a longer list is an error, never a silent cut. */
async function listAll(path: 'works' | 'authors', query: Record<string, string>, options: OpenAlexOptions, maxPages: number): Promise<unknown[]> {
  const results: unknown[] = [];
  for (let page = 1; page <= maxPages; page++) {
    const body = await askOpenAlex(path, { ...query, per_page: String(PER_PAGE), page: String(page) }, options);
    const { results: items, count } = listPage(body);
    results.push(...items);
    // Without a count, a short page is the last one.
    if (items.length === 0 || (count === null ? items.length < PER_PAGE : results.length >= count)) return results;
  }
  throw new SourceError('too-large', `OpenAlex lists more than ${maxPages * PER_PAGE} ${path} for this request`);
}

const works = (raw: unknown[]) => raw.map(normaliseOpenAlexWork).filter((work): work is OpenAlexWork => work !== null);

/** A work's whole author list, from the work alone (a singleton, free of the daily allowance); the cut list when that fails. */
async function completed(work: OpenAlexWork, options: OpenAlexOptions): Promise<OpenAlexWork> {
  try {
    const whole = normaliseOpenAlexWork(await askOpenAlex(`works/${pathSegment(work.id)}`, { select: WORK_FIELDS }, options));
    return whole ? { ...whole, key: work.key, authorsTruncated: false } : work;
  } catch (error) {
    if (isHostRefusal(error)) throw error;
    return work;
  }
}

/** The works with their whole author lists where a list answer cut them, at most `max` singletons. */
export async function completeAuthorships(list: OpenAlexWork[], options: OpenAlexOptions, max = Infinity): Promise<OpenAlexWork[]> {
  let asked = 0;
  const result: OpenAlexWork[] = [];
  for (const work of list) result.push(work.authorsTruncated && asked++ < max ? await completed(work, options) : work);
  return result;
}

/** OpenAlex splits a filter on commas and ORs on `|`: a DOI holding either is asked alone. */
const filterSafe = (doi: string) => !/[,|]/.test(doi);

async function workByDoi(key: PaperKey, options: OpenAlexOptions): Promise<OpenAlexWork | null> {
  const path = pathSegment(doiForKey(key), '/');
  try {
    const work = normaliseOpenAlexWork(await askOpenAlex(`works/doi:${path}`, { select: WORK_FIELDS }, options));
    return work ? { ...work, key } : null;
  } catch (error) {
    if (error instanceof SourceError && error.kind === 'not-found') return null;
    throw error;
  }
}

/**
 * Works by paper key (arXiv ids through arXiv's DOIs, `doi:` keys), one list request per 100 keys
 * (more pages if OpenAlex files more works under them); keys OpenAlex does not know are left out.
 * A request that fails costs its own keys (their Error), not the others'.
 */
export async function fetchWorksByKey(keys: readonly PaperKey[], options: OpenAlexOptions, completeUpTo = COMPLETED_PER_REQUEST): Promise<Map<PaperKey, OpenAlexWork | Error>> {
  const found = new Map<PaperKey, OpenAlexWork | Error>();
  const unique = [...new Set(keys)];
  const listed = unique.filter((key) => filterSafe(doiForKey(key)));
  for (let start = 0; start < listed.length; start += WORKS_FILTER_LIMIT) {
    const chunk = listed.slice(start, start + WORKS_FILTER_LIMIT);
    try {
      const wanted = new Set(chunk);
      const answer = works(await listAll('works', { filter: `doi:${chunk.map(doiForKey).join('|')}`, select: WORK_FIELDS }, options, 3));
      for (const work of await completeAuthorships(answer.filter((w) => wanted.has(w.key)), options, Math.max(0, completeUpTo - found.size))) {
        if (!found.has(work.key)) found.set(work.key, work);
      }
    } catch (error) {
      failPart(found, chunk, error);
    }
  }
  for (const key of unique.filter((k) => !filterSafe(doiForKey(k)))) {
    try {
      const work = await workByDoi(key, options);
      if (work) found.set(key, work);
    } catch (error) {
      failPart(found, [key], error);
    }
  }
  return found;
}

/** Several authors by OpenAlex id, one list request per 100; ids OpenAlex does not know are left out, ids whose request failed are in `failed`. */
export async function fetchOpenAlexAuthors(ids: readonly string[], options: OpenAlexOptions): Promise<{ found: Map<string, OpenAlexAuthor>; failed: Map<string, Error> }> {
  const found = new Map<string, OpenAlexAuthor>();
  const failed = new Map<string, Error>();
  const valid = [...new Set(ids)].filter(isOpenAlexAuthorId);
  for (let start = 0; start < valid.length; start += WORKS_FILTER_LIMIT) {
    const chunk = valid.slice(start, start + WORKS_FILTER_LIMIT);
    try {
      for (const author of (await listAll('authors', { filter: `openalex:${chunk.join('|')}` }, options, 2)).map(normaliseOpenAlexAuthor)) if (author) found.set(author.id, author);
    } catch (error) {
      failPart(failed, chunk, error);
    }
  }
  return { found, failed };
}

/** An author's works, `count` of them in `sort` order (newest first by default), for the card of an author only OpenAlex knows. */
export async function fetchOpenAlexAuthorWorks(id: string, options: OpenAlexOptions, count = 50, sort = 'publication_date:desc'): Promise<OpenAlexWork[]> {
  if (!isOpenAlexAuthorId(id)) throw new SourceError('client', `Not an OpenAlex author id: ${id}`);
  const result: OpenAlexWork[] = [];
  const size = Math.min(PER_PAGE, count);
  // Bounded by the pages `count` needs, whatever the answers hold (a page of damaged works adds none).
  for (let page = 1; result.length < count && page <= Math.ceil(count / size); page++) {
    const body = await askOpenAlex('works', { filter: `author.id:${id}`, sort, per_page: String(size), page: String(page), select: WORK_FIELDS }, options);
    const { results } = listPage(body);
    result.push(...works(results));
    if (results.length < size) break;
  }
  return result.slice(0, count);
}

/** New works of up to 100 authors are at most this many pages (2,000 works); more is an error, not a silent cut. */
const SINCE_MAX_PAGES = 20;

/**
 * Works by any of up to 100 authors published from `fromDate` (ISO day), newest first, every page
 * (checked against `meta.count`), each with its whole author list: a followed author past the 100th
 * is found. `from_publication_date` rather than `from_created_date`, which OpenAlex has documented
 * as a Premium filter; an arXiv preprint's publication date is its posting.
 */
export async function fetchWorksByAuthorsSince(authorIds: readonly string[], fromDate: string, options: OpenAlexOptions): Promise<OpenAlexWork[]> {
  const ids = [...new Set(authorIds)].filter(isOpenAlexAuthorId);
  if (ids.length === 0) return [];
  if (ids.length > WORKS_FILTER_LIMIT) throw new SourceError('client', `OpenAlex ORs at most ${WORKS_FILTER_LIMIT} authors`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(fromDate)) throw new SourceError('client', `Not a date: ${fromDate}`);
  const query = { filter: `authorships.author.id:${ids.join('|')},from_publication_date:${fromDate}`, sort: 'publication_date:desc', select: WORK_FIELDS };
  return completeAuthorships(works(await listAll('works', query, options, SINCE_MAX_PAGES)), options);
}
