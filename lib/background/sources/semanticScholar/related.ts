// What Semantic Scholar offers beside a paper: its recommendations and the papers citing it, for
// the related papers of a card or an abstract page.

import type { PaperKey } from '../../../core/ids';
import type { Paper } from '../../../core/model';
import { isRecord, readCount } from '../../../core/validate';
import { askSmaller, requestJson, SourceError } from '../http';
import { headers, normalisePaper, pathRef, S2_API, type S2Options } from './client';

export const S2_RECOMMENDATIONS = 'https://api.semanticscholar.org/recommendations/v1';
// venue, publicationVenue, journal, publicationTypes: where each was published (core/published.ts).
const RELATED_FIELDS = 'paperId,externalIds,title,year,publicationDate,citationCount,venue,publicationVenue,journal,publicationTypes,authors';
/** Papers recommended for one paper, and how many of the papers citing it are looked at. */
export const RECOMMENDED_LIMIT = 10;
export const CITING_PAGE = 1000;

/** Papers Semantic Scholar recommends for a paper (its recommendations API), best first. */
export async function fetchRecommendations(key: PaperKey, options: S2Options, limit = RECOMMENDED_LIMIT): Promise<Paper[]> {
  const body = await requestJson(
    `${S2_RECOMMENDATIONS}/papers/forpaper/${pathRef(key)}?fields=${RELATED_FIELDS}&limit=${limit}`,
    { headers: headers(options) },
    options,
  );
  if (!isRecord(body) || !Array.isArray(body.recommendedPapers)) {
    throw new SourceError('malformed', 'Semantic Scholar sent recommendations of the wrong shape');
  }
  return body.recommendedPapers.map(normalisePaper).filter((paper): paper is Paper => paper !== null);
}

/** The most cited of the papers citing one, and of how many citing papers they are the most cited. */
export interface TopCiting {
  papers: Paper[];
  /** Citing papers looked at: Semantic Scholar lists them newest first, CITING_PAGE at a time. */
  looked: number;
  /** Whether it lists more than were looked at (then these are the most cited of the newest). */
  more: boolean;
}

/**
 * The most-cited papers among the newest CITING_PAGE papers citing one (one request). Where those
 * papers with their authors pass Semantic Scholar's 10 MB (a paper big collaborations cite), fewer
 * of the newest are looked at, and `looked` says how many.
 */
export async function fetchTopCiting(key: PaperKey, options: S2Options, top = RECOMMENDED_LIMIT): Promise<TopCiting> {
  const body = await askSmaller(CITING_PAGE, top, (page) => requestJson(`${S2_API}/paper/${pathRef(key)}/citations?fields=${RELATED_FIELDS}&offset=0&limit=${page}`, { headers: headers(options) }, options));
  if (!isRecord(body) || !Array.isArray(body.data)) {
    throw new SourceError('malformed', 'Semantic Scholar sent a citation list of the wrong shape');
  }
  const papers = body.data
    .map((entry) => normalisePaper(isRecord(entry) ? entry.citingPaper : null))
    .filter((paper): paper is Paper => paper !== null && paper.title.length > 0)
    .sort((a, b) => (b.citationCount ?? -1) - (a.citationCount ?? -1))
    .slice(0, top);
  return { papers, looked: body.data.length, more: readCount(body.next) !== null };
}

