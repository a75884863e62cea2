// arXiv API client (Atom). Used for what the other sources do not know: the latest version of a paper.

import { parseArxivId } from '../model';
import { requestText, type RequestOptions } from './http';

export const ARXIV_API = 'https://export.arxiv.org/api/query';
const ID_LIST_LIMIT = 100;

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
/** Pass the arXiv host gate in `options.gate`: arXiv asks for one request every 3 seconds at most. */
export async function fetchLatestVersions(ids: readonly string[], options: RequestOptions): Promise<Map<string, number>> {
  const versions = new Map<string, number>();
  for (let start = 0; start < ids.length; start += ID_LIST_LIMIT) {
    const chunk = ids.slice(start, start + ID_LIST_LIMIT);
    const url = `${ARXIV_API}?id_list=${chunk.map(encodeURIComponent).join(',')}&max_results=${chunk.length}`;
    const atom = await requestText(url, {}, { ...options, retries: 1 });
    for (const [id, version] of parseAtomVersions(atom)) versions.set(id, version);
  }
  return versions;
}
