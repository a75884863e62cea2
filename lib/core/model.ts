// Records shared by every part of the extension, and arXiv identifier rules.

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
const ARXIV_HOSTS = new Set(['arxiv.org', 'www.arxiv.org', 'export.arxiv.org']);

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
    const path = PAPER_PATH.exec(decodeURIComponent(url.pathname));
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

/** A DOI from `10.1145/x`, `doi:10.1145/x` or a doi.org address, lower-cased; null otherwise. */
export function parseDoi(input: string): string | null {
  let text = input.trim();
  const fromUrl = /^https?:\/\/(?:dx\.)?doi\.org\/(.+)$/i.exec(text);
  if (fromUrl) {
    try {
      text = decodeURIComponent(fromUrl[1] as string);
    } catch {
      return null;
    }
  }
  text = text.replace(/^doi:\s*/i, '');
  return DOI.test(text) ? text.toLowerCase() : null;
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

export function arxivAbsUrl(ref: ArxivId): string {
  return `https://arxiv.org/abs/${formatArxivId(ref)}`;
}

/** An author as a paper lists them; the id is Semantic Scholar's when known. */
export interface AuthorRef {
  authorId: string | null;
  name: string;
}

export interface Paper {
  /** arXiv id without version, when the paper is on arXiv. */
  arxivId: string | null;
  /** Latest arXiv version known, null when unknown. */
  version: number | null;
  s2PaperId: string | null;
  title: string;
  abstract: string | null;
  /** ISO date `YYYY-MM-DD`, or null. */
  publicationDate: string | null;
  year: number | null;
  citationCount: number | null;
  authors: AuthorRef[];
}

export type SourceName = 'semanticscholar' | 'openalex';

/** Whose numbers the cards show first (the reader's choice). */
export type PrimarySource = SourceName;

/** An author's numbers as OpenAlex reports them. */
export interface OpenAlexAuthor {
  /** The short id, `A5023888391`. */
  id: string;
  name: string;
  institutions: string[];
  citationCount: number | null;
  worksCount: number | null;
  hIndex: number | null;
  i10Index: number | null;
  /** Mean citations in the last two years to works of the two years before. */
  twoYearMeanCitedness: number | null;
  /** Citations received and works published per year, oldest first; OpenAlex gives the last ten years. */
  countsByYear: { year: number; citations: number; works: number }[];
  url: string;
}

/** What the card knows of OpenAlex's view of an author. */
export type OpenAlexView =
  | { status: 'matched'; author: OpenAlexAuthor; agreeing: number; looked: number; fetchedAt: number }
  | { status: 'unmatched'; looked: number; fetchedAt: number }
  | { status: 'unavailable'; message: string };

/** The reported metrics of an author, as one source gives them. */
export interface Author {
  authorId: string;
  name: string;
  affiliations: string[];
  citationCount: number | null;
  hIndex: number | null;
  paperCount: number | null;
  /** The author's page at the source. */
  url: string;
  source: SourceName;
  fetchedAt: number;
  /** Set when the reader pinned this author in place of the one the source lists (that one's id). */
  pinnedFrom?: string;
}

/** A paper with the authors the source lists for it, ready for chips. */
export interface PaperWithAuthors {
  paper: Paper;
  authors: Author[];
  fetchedAt: number;
  /** Who answered, when not Semantic Scholar: OpenAlex, or arXiv (title and names, no numbers yet). */
  source?: 'openalex' | 'arxiv';
}

/** Everything the author card shows. */
export interface AuthorCardData {
  author: Author;
  /** Newest first. */
  publications: Paper[];
  /** When the publication list was fetched. */
  fetchedAt: number;
  /** OpenAlex's numbers for the same person, when they could be had. */
  openAlex?: OpenAlexView;
  /** Whose numbers the card shows first. */
  primary?: PrimarySource;
}
