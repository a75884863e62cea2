// Identifiers, and the rules that tell them apart: arXiv ids (new and old style), DOIs, the paper
// key every part of the extension uses, and author ids (Semantic Scholar's or OpenAlex's).

/** An arXiv identifier: `id` is the key (no version), `version` is kept for display. */
export interface ArxivId {
  id: string;
  version: number | null;
}

// New style: YYMM.NNNN (2007-04 to 2014-12) or YYMM.NNNNN (from 2015-01).
const NEW_STYLE = /^(\d{2})(\d{2})\.(\d{4,5})(?:v(\d+))?$/;
// Old style: archive[.SUBJ]/YYMMNNN, e.g. hep-th/9108002, math.GT/0309136.
const OLD_STYLE = /^([a-z]+(?:-[a-z]+)*)(?:\.([A-Z]{2}))?\/(\d{2})(\d{2})(\d{3})(?:v(\d+))?$/;
// Paths under which arXiv serves a paper; the id follows the prefix.
const PAPER_PATH = /^\/(?:abs|pdf|html|format|e-print|src)\/(.+?)(?:\.pdf)?\/?$/;
/** arXiv serves papers on these hosts; the site registry and id parsing both read this list. */
export const ARXIV_HOSTNAMES = ['arxiv.org', 'www.arxiv.org', 'export.arxiv.org'] as const;
const ARXIV_HOSTS = new Set<string>(ARXIV_HOSTNAMES);

function parseVersion(text: string | undefined): number | null | undefined {
  if (text === undefined) return null;
  const version = Number(text);
  return Number.isInteger(version) && version >= 1 ? version : undefined;
}

function parseBareId(text: string): ArxivId | null {
  const modern = NEW_STYLE.exec(text);
  if (modern) {
    const [, yy, mm, number, v] = modern as unknown as [string, string, string, string, string | undefined];
    const year = Number(yy);
    const month = Number(mm);
    if (month < 1 || month > 12) return null;
    if (year < 7 || (year === 7 && month < 4)) return null; // new style began 2007-04
    const fiveDigits = year >= 15;
    if (number.length !== (fiveDigits ? 5 : 4)) return null;
    const version = parseVersion(v);
    if (version === undefined) return null;
    return { id: `${yy}${mm}.${number}`, version };
  }
  const legacy = OLD_STYLE.exec(text);
  if (legacy) {
    const [, archive, , yy, mm, number, v] = legacy as unknown as [
      string, string, string | undefined, string, string, string, string | undefined,
    ];
    const year = Number(yy);
    const month = Number(mm);
    if (month < 1 || month > 12) return null;
    // Old style ran from 1991-08 to 2007-03.
    const fullYear = year >= 91 ? 1900 + year : 2000 + year;
    if (fullYear > 2007 || (fullYear === 2007 && month > 3)) return null;
    const version = parseVersion(v);
    if (version === undefined) return null;
    // The subject class (".GT") is not part of the canonical identifier.
    return { id: `${archive}/${yy}${mm}${number}`, version };
  }
  return null;
}

/** `decodeURIComponent`, or null for a malformed escape (text from pages and answers can hold one). */
export function safeDecode(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

/**
 * Parses an arXiv identifier from a bare id (`2602.16165v1`, `hep-th/9108002`),
 * an `arXiv:` reference, or an arXiv abs/pdf/html URL. Returns null for anything else.
 */
export function parseArxivId(input: string): ArxivId | null {
  const text = input.trim();
  if (text.length === 0 || text.length > 200) return null;
  if (/^[a-z]+:\/\//i.test(text)) {
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      return null;
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
    if (!ARXIV_HOSTS.has(url.hostname)) return null;
    const path = PAPER_PATH.exec(safeDecode(url.pathname) ?? '');
    return path ? parseBareId(path[1] as string) : null;
  }
  const bare = text.replace(/^arxiv:\s*/i, '');
  return parseBareId(bare);
}

/** `2602.16165v1`, or just the id when the version is unknown. */
export function formatArxivId(ref: ArxivId): string {
  return ref.version ? `${ref.id}v${ref.version}` : ref.id;
}

/**
 * How a paper is keyed everywhere (cache, messages, pages): its arXiv id without version, or
 * `doi:<DOI>` (lower case) for a paper known only by DOI. arXiv DOIs (10.48550/arXiv.<id>) are arXiv ids.
 */
export type PaperKey = string;

const DOI = /^10\.\d{4,9}\/[^\s"<>]{1,300}$/;

/** A DOI resolver's address: doi.org, and the ACM's old doi.acm.org, still linked from older pages (DBLP's among them). */
export const DOI_RESOLVER = /^https?:\/\/(?:(?:dx\.)?doi\.org|doi\.acm\.org)\//i;

/** A DOI from `10.1145/x`, `doi:10.1145/x` or a resolver's address, lower-cased; null otherwise. */
export function parseDoi(input: string): string | null {
  let text = input.trim();
  if (DOI_RESOLVER.test(text)) {
    try {
      text = decodeURIComponent(text.replace(DOI_RESOLVER, ''));
    } catch {
      return null;
    }
  }
  text = text.replace(/^doi:\s*/i, '');
  // No real DOI has a `.` or `..` segment, a query or a fragment mark; a page's would walk an API path.
  if (!DOI.test(text) || /[?#\\]/.test(text) || text.split('/').some((segment) => segment === '.' || segment === '..')) return null;
  return text.toLowerCase();
}

/** The key for an arXiv id or a DOI (an arXiv DOI gives the arXiv id). */
export function paperKeyFor(ref: { arxiv: ArxivId } | { doi: string }): PaperKey {
  if ('arxiv' in ref) return ref.arxiv.id;
  const arxiv = /^10\.48550\/arxiv\.(.+)$/i.exec(ref.doi);
  const parsed = arxiv ? parseArxivId(arxiv[1] as string) : null;
  return parsed ? parsed.id : `doi:${ref.doi.toLowerCase()}`;
}

export function isPaperKey(key: string): boolean {
  if (key.startsWith('doi:')) return parseDoi(key.slice(4)) === key.slice(4);
  const parsed = parseArxivId(key);
  return parsed !== null && parsed.version === null && parsed.id === key;
}

/** The paper id Semantic Scholar takes for a key: `arXiv:<id>` or `DOI:<doi>`. */
export function s2PaperRef(key: PaperKey): string {
  return key.startsWith('doi:') ? `DOI:${key.slice(4)}` : `arXiv:${key}`;
}

/** The arXiv id of a key, or null for a DOI key. */
export function arxivIdOfKey(key: PaperKey): string | null {
  return key.startsWith('doi:') ? null : key;
}

/** The DOI of a `doi:` key, or null for an arXiv key. */
export function doiOfKey(key: PaperKey): string | null {
  return key.startsWith('doi:') ? key.slice(4) : null;
}

export function arxivAbsUrl(ref: ArxivId): string {
  return `https://arxiv.org/abs/${formatArxivId(ref)}`;
}


/** An ORCID iD's shape; its check character is validOrcid's (core/sites/orcid.ts). */
export const ORCID_ID = /^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$/;

/** An author id: Semantic Scholar's are digits; OpenAlex's (for authors only it lists) are `A` and digits. */
export const AUTHOR_ID = /^(?:\d{1,20}|A\d{1,15})$/;
const OPENALEX_AUTHOR_ID = /^A\d{1,15}$/;

export function isAuthorId(value: unknown): value is string {
  return typeof value === 'string' && AUTHOR_ID.test(value);
}

/** Which source an author id belongs to: the one question every lookup by author id asks first. */
export function sourceOfAuthorId(authorId: string): 'semanticscholar' | 'openalex' {
  return OPENALEX_AUTHOR_ID.test(authorId) ? 'openalex' : 'semanticscholar';
}
