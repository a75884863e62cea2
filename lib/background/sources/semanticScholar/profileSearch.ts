// Profiles under a name, with what tells one person from another: each profile's papers' years,
// venues and coauthors (by id), and its ORCID. One request (`/author/search`), at most
// PROFILE_SEARCH_LIMIT profiles; the evidence is weighed in core/personCandidates.ts. The search
// answers every paper of each profile, so a member of a big collaboration (thousands of authors a
// paper) passes Semantic Scholar's 10 MB limit: then the profiles are asked for without coauthors.

import { MAX_COAUTHORS_LOOKED, MAX_PAPERS_LOOKED, type SearchedProfile } from '../../../core/personCandidates';
import { CEILING, isRecord, readCount, readString } from '../../../core/validate';
import { requestJson, SourceError } from '../http';
import { authorSearchQuery, headers, normaliseAuthor, normaliseAuthorRefs, readOrcid, S2_API, type S2Options } from './client';

export const PROFILE_SEARCH_LIMIT = 10;
const FIELDS = 'authorId,name,url,affiliations,citationCount,hIndex,paperCount,externalIds,papers.year,papers.venue';
const WITH_COAUTHORS = `${FIELDS},papers.authors`;

export async function searchProfiles(name: string, options: S2Options, now: () => number = Date.now): Promise<SearchedProfile[]> {
  try {
    return await search(name, WITH_COAUTHORS, options, now);
  } catch (error) {
    if (!(error instanceof SourceError && error.kind === 'too-large')) throw error;
    return search(name, FIELDS, options, now);
  }
}

async function search(name: string, fields: string, options: S2Options, now: () => number): Promise<SearchedProfile[]> {
  const query = authorSearchQuery(name);
  const body = await requestJson(`${S2_API}/author/search?query=${query}&fields=${fields}&limit=${PROFILE_SEARCH_LIMIT}`, { headers: headers(options) }, options);
  if (!isRecord(body)) throw new SourceError('malformed', 'Semantic Scholar sent an author search answer of the wrong shape');
  // An empty result has no `data` at all (test_empty_paginated_results.yaml).
  if (body.data === undefined) return [];
  if (!Array.isArray(body.data)) throw new SourceError('malformed', 'Semantic Scholar sent an author search answer of the wrong shape');
  const fetchedAt = now();
  return body.data.slice(0, PROFILE_SEARCH_LIMIT).flatMap((raw): SearchedProfile[] => {
    const author = normaliseAuthor(raw, fetchedAt);
    if (!author || !isRecord(raw)) return [];
    const papers = (Array.isArray(raw.papers) ? raw.papers.slice(0, MAX_PAPERS_LOOKED) : []).flatMap((entry) =>
      isRecord(entry) ? [{ year: readCount(entry.year, CEILING.year), venue: readString(entry.venue, 300), coauthors: normaliseAuthorRefs(entry.authors, MAX_COAUTHORS_LOOKED) }] : [],
    );
    return [{ author, orcid: readOrcid(raw), papers }];
  });
}
