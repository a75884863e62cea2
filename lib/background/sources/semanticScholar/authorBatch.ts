// Semantic Scholar's author batch, for the scheduled check of followed authors: each author's papers
// (only what an announcement shows), up to AUTHOR_BATCH_LIMIT authors a request.

import { isAuthorId, parseDoi, sourceOfAuthorId } from '../../../core/ids';
import type { Paper } from '../../../core/model';
import { isRecord } from '../../../core/validate';
import { requestJson, SourceError } from '../http';
import { headers, normalisePaper, S2_API, type S2Options } from './client';

/** Per paper, only what an announcement shows: a whole author's list comes in one answer. */
const AUTHOR_BATCH_PAPER_FIELDS = 'name,papers.paperId,papers.externalIds,papers.title,papers.publicationDate,papers.year,papers.authors';
/** Followed authors asked about in one author batch (the API takes 1,000; answers carry every paper of each). */
export const AUTHOR_BATCH_LIMIT = 100;

/**
 * The papers of up to AUTHOR_BATCH_LIMIT authors, one author batch request; authors Semantic
 * Scholar does not know are left out. The answer holds each author's whole list: the caller keeps
 * what is new.
 */
export async function fetchAuthorsPapers(authorIds: readonly string[], options: S2Options): Promise<Map<string, { paper: Paper; doi: string | null }[]>> {
  const ids = [...new Set(authorIds)].filter((id) => isAuthorId(id) && sourceOfAuthorId(id) === 'semanticscholar');
  const found = new Map<string, { paper: Paper; doi: string | null }[]>();
  if (ids.length === 0) return found;
  if (ids.length > AUTHOR_BATCH_LIMIT) throw new SourceError('client', `At most ${AUTHOR_BATCH_LIMIT} authors in one batch`);
  const body = await requestJson(
    `${S2_API}/author/batch?fields=${encodeURIComponent(AUTHOR_BATCH_PAPER_FIELDS)}`,
    { method: 'POST', headers: headers(options, true), body: JSON.stringify({ ids }) },
    options,
  );
  if (!Array.isArray(body) || body.length !== ids.length) throw new SourceError('malformed', 'Semantic Scholar sent an author batch of the wrong shape');
  ids.forEach((id, index) => {
    const entry = body[index] as unknown;
    if (!isRecord(entry) || !Array.isArray(entry.papers)) return;
    found.set(
      id,
      entry.papers.flatMap((raw: unknown) => {
        const paper = normalisePaper(raw);
        const doi = isRecord(raw) && isRecord(raw.externalIds) && typeof raw.externalIds.DOI === 'string' ? parseDoi(raw.externalIds.DOI) : null;
        return paper ? [{ paper, doi }] : [];
      }),
    );
  });
  return found;
}
