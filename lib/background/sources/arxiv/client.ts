// arXiv API client (Atom). Used for what the other sources do not know: the latest version of a
// paper, and the metadata of papers too new for Semantic Scholar and OpenAlex.

import { parseArxivId } from '../../../core/ids';
import { requestText, type RequestOptions } from '../http';

export const ARXIV_API = 'https://export.arxiv.org/api/query';
const ID_LIST_LIMIT = 100;

/** What an Atom entry says of a paper: enough for a card, a save and a listing line. */
export interface ArxivEntry {
  id: string;
  version: number | null;
  title: string;
  abstract: string | null;
  /** `YYYY-MM-DD` of the first version. */
  published: string | null;
  authors: string[];
  /** Where the authors say it was published (`arxiv:journal_ref`, free text) and its DOI (`arxiv:doi`). */
  journalRef: string | null;
  doi: string | null;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Element text as a string: entities decoded, whitespace (arXiv wraps long titles) collapsed. */
function elementText(xml: string, tag: string): string | null {
  const match = new RegExp(`<${tag}\\b[^>]*>([\\s\\S]*?)</${tag}>`).exec(xml);
  if (!match) return null;
  const text = (match[1] as string)
    .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
      if (name[0] === '#') {
        const code = name[1]?.toLowerCase() === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
        return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
      }
      return ENTITIES[name.toLowerCase()] ?? whole;
    })
    .replace(/\s+/g, ' ')
    .trim();
  return text;
}

/** Every paper entry of an Atom feed; entries without an arXiv id or a title are left out. */
export function parseAtomEntries(atom: string): ArxivEntry[] {
  const entries: ArxivEntry[] = [];
  for (const entry of atom.matchAll(/<entry\b[^>]*>([\s\S]*?)<\/entry>/g)) {
    const body = entry[1] ?? '';
    const parsed = parseArxivId(elementText(body, 'id') ?? '');
    const title = elementText(body, 'title');
    if (!parsed || !title) continue;
    const published = /^(\d{4}-\d{2}-\d{2})/.exec(elementText(body, 'published') ?? '');
    const authors = [...body.matchAll(/<author\b[^>]*>([\s\S]*?)<\/author>/g)]
      .map((author) => elementText(author[1] ?? '', 'name'))
      .filter((name): name is string => !!name)
      .map((name) => name.slice(0, 500));
    entries.push({
      id: parsed.id,
      version: parsed.version,
      title: title.slice(0, 2000),
      abstract: elementText(body, 'summary')?.slice(0, 20_000) || null,
      published: published ? (published[1] as string) : null,
      authors,
      journalRef: elementText(body, 'arxiv:journal_ref')?.slice(0, 300) || null,
      doi: elementText(body, 'arxiv:doi')?.slice(0, 300) || null,
    });
  }
  return entries;
}

/** Metadata of papers by arXiv id (no versions), up to `ID_LIST_LIMIT` per request; unknown ids are left out. */
export async function fetchArxivEntries(ids: readonly string[], options: RequestOptions): Promise<Map<string, ArxivEntry>> {
  const found = new Map<string, ArxivEntry>();
  for (let start = 0; start < ids.length; start += ID_LIST_LIMIT) {
    const chunk = ids.slice(start, start + ID_LIST_LIMIT);
    const url = `${ARXIV_API}?id_list=${chunk.map(encodeURIComponent).join(',')}&max_results=${chunk.length}`;
    const atom = await requestText(url, {}, { ...options, retries: 1 });
    for (const entry of parseAtomEntries(atom)) found.set(entry.id, entry);
  }
  return found;
}

/** The latest version of each paper arXiv knows, by id without version. Pass the arXiv host gate in `options.gate`: arXiv asks for one request every 3 seconds at most. */
export async function fetchLatestVersions(ids: readonly string[], options: RequestOptions): Promise<Map<string, number>> {
  const versions = new Map<string, number>();
  for (const [id, entry] of await fetchArxivEntries(ids, options)) if (entry.version) versions.set(id, entry.version);
  return versions;
}
