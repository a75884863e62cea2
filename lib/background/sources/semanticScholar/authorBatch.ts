// Semantic Scholar's author batch, for the scheduled check of followed authors: each author's papers
// (only what an announcement shows), up to AUTHOR_BATCH_LIMIT authors a request.

import { pathSegment } from '../pathSegment';
import { isAuthorId, parseDoi, sourceOfAuthorId } from '../../../core/ids';
import type { Paper } from '../../../core/model';
import { isRecord } from '../../../core/validate';
import { askInHalves, askSmaller, failPart, requestJson, SourceError } from '../http';
import { headers, normalisePaper, S2_API, type S2Options } from './client';

/** Per paper, only what an announcement shows: a whole author's list comes in one answer. */
const AUTHOR_BATCH_PAPER_FIELDS = 'name,papers.paperId,papers.externalIds,papers.title,papers.publicationDate,papers.year,papers.authors';
/** Followed authors asked about in one author batch (the API takes 1,000; answers carry every paper of each). */
export const AUTHOR_BATCH_LIMIT = 100;

type ListedPaper = { paper: Paper; doi: string | null };

function listed(raw: unknown[]): ListedPaper[] {
  return raw.flatMap((entry: unknown) => {
    const paper = normalisePaper(entry);
    const doi = isRecord(entry) && isRecord(entry.externalIds) && typeof entry.externalIds.DOI === 'string' ? parseDoi(entry.externalIds.DOI) : null;
    return paper ? [{ paper, doi }] : [];
  });
}

const AUTHOR_PAPER_FIELDS = 'paperId,externalIds,title,publicationDate,year,authors';

/**
 * One author's newest papers when even their batch entry alone would pass Semantic Scholar's 10 MB
 * (a physicist with thousands of collaboration papers): the author papers endpoint, newest first,
 * a smaller page each time the answer is still too large.
 */
async function newestPapers(authorId: string, options: S2Options): Promise<ListedPaper[]> {
  const body = await askSmaller(100, 1, (limit) => requestJson(`${S2_API}/author/${pathSegment(authorId)}/papers?fields=${AUTHOR_PAPER_FIELDS}&limit=${limit}`, { headers: headers(options) }, options));
  if (!isRecord(body) || !Array.isArray(body.data)) throw new SourceError('malformed', 'Semantic Scholar sent an author paper list of the wrong shape');
  return listed(body.data);
}

/**
 * The papers of up to AUTHOR_BATCH_LIMIT authors, one author batch request; authors Semantic
 * Scholar does not know are left out. The answer holds each author's whole list: the caller keeps
 * what is new. A batch whose answer would pass the service's 10 MB limit is split in halves; an
 * author whose part still fails maps to that Error, costing that author only.
 */
export async function fetchAuthorsPapers(authorIds: readonly string[], options: S2Options): Promise<Map<string, ListedPaper[] | Error>> {
  const ids = [...new Set(authorIds)].filter((id) => isAuthorId(id) && sourceOfAuthorId(id) === 'semanticscholar');
  const found = new Map<string, ListedPaper[] | Error>();
  if (ids.length > AUTHOR_BATCH_LIMIT) throw new SourceError('client', `At most ${AUTHOR_BATCH_LIMIT} authors in one batch`);
  async function ask(group: readonly string[]): Promise<void> {
    const body = await requestJson(
      `${S2_API}/author/batch?fields=${encodeURIComponent(AUTHOR_BATCH_PAPER_FIELDS)}`,
      { method: 'POST', headers: headers(options, true), body: JSON.stringify({ ids: group }) },
      options,
    );
    if (!Array.isArray(body) || body.length !== group.length) throw new SourceError('malformed', 'Semantic Scholar sent an author batch of the wrong shape');
    group.forEach((id, index) => {
      const entry = body[index] as unknown;
      if (isRecord(entry) && Array.isArray(entry.papers)) found.set(id, listed(entry.papers));
    });
  }
  // An author too large even alone: their newest papers from the author papers endpoint.
  async function failed(part: readonly string[], error: unknown): Promise<void> {
    if (!(error instanceof SourceError && error.kind === 'too-large')) return failPart(found, part, error);
    try {
      found.set(part[0]!, await newestPapers(part[0]!, options));
    } catch (alone) {
      failPart(found, part, alone);
    }
  }
  if (ids.length > 0) await askInHalves(ids, ask, failed);
  return found;
}
