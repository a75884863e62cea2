// Crossref: a work by its DOI (venue, volume, issue, pages, publisher, and `updated-by` for
// retractions) and the bibliographic search. Crossref's public pool allows 5 requests a second, one
// at a time (its headers of June 2026), and answers 404 "Resource not found." for DOIs it does not
// register: arXiv's (DataCite's) among them, so those are never asked.

import { parseDoi } from '../../core/ids';
import { ARXIV_DOI } from '../../core/published';
import { crossrefCandidates, crossrefMessage, type Candidate } from '../../core/publishedRecords';
import type { SourceDeps } from './semanticScholar';
import { requestJson, SourceError } from './http';
import { pathSegment } from './pathSegment';

export const CROSSREF = 'https://api.crossref.org';
const SEARCH_ROWS = 5;

export function createCrossref(deps: Pick<SourceDeps, 'fetch' | 'gate' | 'sleep' | 'now'>) {
  const options = { fetch: deps.fetch, gate: deps.gate, sleep: deps.sleep, now: deps.now, retries: 2 };
  return {
    /** The work's record (Crossref's `message`), or null when Crossref does not have the DOI. */
    async work(doi: string): Promise<Record<string, unknown> | null> {
      const valid = parseDoi(doi);
      if (!valid || ARXIV_DOI.test(valid)) return null;
      try {
        const message = crossrefMessage(await requestJson(`${CROSSREF}/works/${pathSegment(valid)}`, {}, options));
        if (!message) throw new SourceError('malformed', 'api.crossref.org sent a work of the wrong shape');
        return message;
      } catch (error) {
        if (error instanceof SourceError && error.kind === 'not-found') return null;
        throw error;
      }
    },
    /** Works matching a title and its authors' family names, best first by Crossref's score. */
    async search(title: string, families: readonly string[]): Promise<Candidate[]> {
      const params = new URLSearchParams({ 'query.bibliographic': title.slice(0, 500), rows: String(SEARCH_ROWS) });
      if (families.length > 0) params.set('query.author', families.slice(0, 5).join(' '));
      return crossrefCandidates(await requestJson(`${CROSSREF}/works?${params}`, {}, options));
    },
  };
}
