// What Semantic Scholar knows of where papers were published, for the published-version resolver:
// its venue fields and the identifiers that lead further (DBLP's record key, a DOI that is not
// arXiv's), for a batch of papers in one request.

import { s2PaperRef, type PaperKey } from '../../../core/ids';
import { ARXIV_DOI, publishedFromS2, type PublishedVersion } from '../../../core/published';
import { readDblpKey } from '../../../core/publishedRecords';
import { isRecord, readString } from '../../../core/validate';
import { PAPER_BATCH_LIMIT } from '../../../core/protocol/define';
import { requestJson, SourceError } from '../http';
import { headers, S2_API, type S2Options } from './client';

const FIELDS = 'externalIds,title,year,venue,publicationVenue,journal,publicationTypes';

export interface PublicationIds {
  published: PublishedVersion | null;
  dblpKey: string | null;
  /** A DOI that is not arXiv's (it may still be the preprint's own, a merged record's: Crossref decides). */
  doi: string | null;
}

function readIds(raw: unknown): PublicationIds | null {
  if (!isRecord(raw)) return null;
  const externalIds = isRecord(raw.externalIds) ? raw.externalIds : {};
  const doi = readString(externalIds.DOI, 300)?.toLowerCase() ?? null;
  return { published: publishedFromS2(raw), dblpKey: readDblpKey(externalIds.DBLP), doi: doi && !ARXIV_DOI.test(doi) ? doi : null };
}

/** Each paper's venue fields and identifiers; papers Semantic Scholar does not know are left out. */
export async function fetchPublicationIds(keys: readonly PaperKey[], options: S2Options): Promise<Map<PaperKey, PublicationIds>> {
  const found = new Map<PaperKey, PublicationIds>();
  for (let start = 0; start < keys.length; start += PAPER_BATCH_LIMIT) {
    const chunk = keys.slice(start, start + PAPER_BATCH_LIMIT);
    const body = await requestJson(`${S2_API}/paper/batch?fields=${encodeURIComponent(FIELDS)}`, { method: 'POST', headers: headers(options, true), body: JSON.stringify({ ids: chunk.map(s2PaperRef) }) }, options);
    if (!Array.isArray(body) || body.length !== chunk.length) throw new SourceError('malformed', 'Semantic Scholar sent a paper batch of the wrong shape');
    chunk.forEach((key, index) => {
      const ids = readIds(body[index]);
      if (ids) found.set(key, ids);
    });
  }
  return found;
}
