// Who cites a paper, by author id: the paper batch with `citations.authors` (the papers' own
// authors beside), SELF_CITATION_BATCH papers a request so an answer stays small; for counting
// self-citations (core/selfCitations.ts).

import { isRecord } from '../../../core/validate';
import { requestJson, SourceError } from '../http';
import { headers, normaliseAuthorRefs, S2_API, type S2Options } from './client';

/** A cited paper's author ids and each citing paper's author ids (null for authors without one). */
export interface CitingAuthors {
  authors: (string | null)[];
  citing: (string | null)[][];
}

const FIELDS = 'authors,citations.authors';
/** Bounds on a hostile answer: citing papers per paper and authors per paper read. */
const MAX_CITING = 10_000;
const MAX_AUTHORS = 500;

const authorIds = (raw: unknown) => normaliseAuthorRefs(isRecord(raw) ? raw.authors : null, MAX_AUTHORS).map((author) => author.authorId);

/** Semantic Scholar paper ids (40 hex) → their authors and their citing papers' authors; unknown ids are left out. */
export async function fetchCitingAuthors(paperIds: readonly string[], options: S2Options): Promise<Map<string, CitingAuthors>> {
  const body = await requestJson(
    `${S2_API}/paper/batch?fields=${encodeURIComponent(FIELDS)}`,
    { method: 'POST', headers: headers(options, true), body: JSON.stringify({ ids: paperIds }) },
    options,
  );
  if (!Array.isArray(body) || body.length !== paperIds.length) throw new SourceError('malformed', 'Semantic Scholar sent a paper batch of the wrong shape');
  const found = new Map<string, CitingAuthors>();
  paperIds.forEach((paperId, index) => {
    const entry = body[index];
    if (!isRecord(entry)) return;
    const citations = Array.isArray(entry.citations) ? entry.citations.slice(0, MAX_CITING) : [];
    found.set(paperId, { authors: authorIds(entry), citing: citations.map(authorIds) });
  });
  return found;
}
