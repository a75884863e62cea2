// arXiv API client (Atom). Used for what the other sources do not know: the latest version of a paper.
// arXiv asks for at most one request every 3 seconds.

import { parseArxivId } from '../model';
import { requestText, type RequestOptions } from './http';
import { createSpacer, type Spacer } from './spacing';

export const ARXIV_API = 'https://export.arxiv.org/api/query';
export const ARXIV_INTERVAL_MS = 3000;
const ID_LIST_LIMIT = 100;

/** The spacer every caller in one background shares, so arXiv sees one request every 3 s at most. */
export const arxivSpacer: Spacer = createSpacer(ARXIV_INTERVAL_MS);

/** Latest version of each entry in an Atom feed, keyed by id without version. */
export function parseAtomVersions(atom: string): Map<string, number> {
  const versions = new Map<string, number>();
  for (const entry of atom.matchAll(/<entry\b[^>]*>([\s\S]*?)<\/entry>/g)) {
    const idElement = /<id>\s*([^<\s]+)\s*<\/id>/.exec(entry[1] ?? '');
    const parsed = idElement ? parseArxivId(idElement[1] as string) : null;
    if (parsed?.version) versions.set(parsed.id, parsed.version);
  }
  return versions;
}

/** Latest versions for up to `ID_LIST_LIMIT` ids per request; unknown ids are left out. */
export async function fetchLatestVersions(
  ids: readonly string[],
  options: RequestOptions,
  spacer: Spacer = arxivSpacer,
): Promise<Map<string, number>> {
  const versions = new Map<string, number>();
  for (let start = 0; start < ids.length; start += ID_LIST_LIMIT) {
    const chunk = ids.slice(start, start + ID_LIST_LIMIT);
    const url = `${ARXIV_API}?id_list=${chunk.map(encodeURIComponent).join(',')}&max_results=${chunk.length}`;
    const atom = await spacer.run(() => requestText(url, {}, { ...options, retries: 1 }));
    for (const [id, version] of parseAtomVersions(atom)) versions.set(id, version);
  }
  return versions;
}
