// Who cites a paper, by author id, for counting self-citations (core/selfCitations.ts): the paper
// batch with `citations.authors` (the papers' own authors beside), SELF_CITATION_BATCH papers a
// request. Semantic Scholar lists at most 9,999 citations in one batch answer, all papers together
// (s2-folks #199): the papers past that come back with `citations: []` though they are cited, and
// the one at the edge with part of its list. Those are marked `cut` and counted from
// `/paper/{id}/citations`, a page of 1,000 at a time, which lists at most 9,999 for one paper.

import { pathSegment } from '../pathSegment';
import { CITATIONS_LISTED_MAX } from '../../../core/selfCitations';
import { isRecord, readCount } from '../../../core/validate';
import { askInHalves, requestJson, SourceError } from '../http';
import { headers, normaliseAuthorRefs, S2_API, type S2Options } from './client';

/** A cited paper's author ids and each citing paper's author ids (null for authors without one). */
export interface CitingAuthors {
  authors: (string | null)[];
  citing: (string | null)[][];
  /** Semantic Scholar's count of citing papers; null when it gave none. */
  count: number | null;
  /** The batch answer cut this paper's list (its total cap): count it again page by page. */
  cut: boolean;
  /** Whether `citing` is every citing paper the service lists (false past its 9,999 a paper). */
  complete: boolean;
}

const FIELDS = 'citationCount,authors,citations.authors';
const CITATIONS_PAGE = 1000;
/** Bound on a hostile answer: authors per paper read. */
const MAX_AUTHORS = 500;

const authorIds = (raw: unknown) => normaliseAuthorRefs(isRecord(raw) ? raw.authors : null, MAX_AUTHORS).map((author) => author.authorId);

async function batch(paperIds: readonly string[], fields: string, options: S2Options): Promise<unknown[]> {
  const body = await requestJson(`${S2_API}/paper/batch?fields=${encodeURIComponent(fields)}`, { method: 'POST', headers: headers(options, true), body: JSON.stringify({ ids: paperIds }) }, options);
  if (!Array.isArray(body) || body.length !== paperIds.length) throw new SourceError('malformed', 'Semantic Scholar sent a paper batch of the wrong shape');
  return body;
}

/**
 * Semantic Scholar paper ids (40 hex) → their authors and their citing papers' authors; unknown ids
 * are left out. Papers whose list the answer cut are marked (`cut`); a batch too large for the
 * service's 10 MB is split, and a paper too large alone is marked cut with its authors only.
 */
export async function fetchCitingAuthors(paperIds: readonly string[], options: S2Options): Promise<Map<string, CitingAuthors>> {
  const found = new Map<string, CitingAuthors>();
  // The cap is on one answer: each part's answer is read on its own.
  const read = (part: readonly string[], body: unknown[]) => {
    let listed = 0;
    part.forEach((paperId, index) => {
      const entry = body[index];
      if (!isRecord(entry)) return;
      const citations = Array.isArray(entry.citations) ? entry.citations.slice(0, CITATIONS_LISTED_MAX) : [];
      const count = readCount(entry.citationCount);
      listed += citations.length;
      // Short of its count with nothing listed, or where the answer's cap was reached: cut, not counted.
      const cut = count !== null && citations.length < count && (citations.length === 0 || listed >= CITATIONS_LISTED_MAX);
      found.set(paperId, { authors: authorIds(entry), citing: citations.map(authorIds), count, cut, complete: !cut });
    });
  };
  await askInHalves(
    paperIds,
    async (part) => read(part, await batch(part, FIELDS, options)),
    // Too large even alone: its authors only, and no citations, so it is counted page by page.
    async (part, error) => {
      if (!(error instanceof SourceError && error.kind === 'too-large')) throw error;
      read(part, (await batch(part, 'citationCount,authors', options)).map((entry) => (isRecord(entry) ? { ...entry, citations: [] } : entry)));
    },
  );
  return found;
}

/**
 * Every citing paper's author ids the service lists for one paper (pages of 1,000, at most 9,999),
 * and whether that is all of them: not when it stops at its 9,999 short of the paper's `count`.
 */
export async function fetchCitingPages(paperId: string, options: S2Options, count: number | null = null): Promise<{ citing: (string | null)[][]; complete: boolean }> {
  if (!/^[0-9a-f]{40}$/.test(paperId)) throw new SourceError('client', 'Not a Semantic Scholar paper id');
  const citing: (string | null)[][] = [];
  for (let offset = 0; offset < CITATIONS_LISTED_MAX; ) {
    const limit = Math.min(CITATIONS_PAGE, CITATIONS_LISTED_MAX - offset);
    const body = await requestJson(`${S2_API}/paper/${pathSegment(paperId)}/citations?fields=authors&offset=${offset}&limit=${limit}`, { headers: headers(options) }, options);
    if (!isRecord(body) || !Array.isArray(body.data)) throw new SourceError('malformed', 'Semantic Scholar sent a citation list of the wrong shape');
    for (const entry of body.data) citing.push(authorIds(isRecord(entry) ? entry.citingPaper : null));
    const next = readCount(body.next);
    if (next === null || next <= offset || body.data.length === 0) return { citing, complete: !(citing.length >= CITATIONS_LISTED_MAX && (count ?? 0) > citing.length) };
    offset = next;
  }
  return { citing, complete: false };
}
