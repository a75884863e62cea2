// Zotero as ScholarScope meets it: the desktop app's local server, how Zotero stores arXiv papers
// (its arXiv translator's items: a `preprint` with arXiv's DOI, `archiveID` and `extra`, or, once
// published, a `journalArticle` or `conferencePaper` with the venue's DOI and the arXiv address),
// and the item we send for a paper, the published version when one is known.

import { parseArxivId, parseDoi, type PaperKey } from './ids';
import type { PublishedVersion } from './published';
import { splitName } from './saved/names';
import { isRecord, readString } from './validate';

/** The desktop app's server: the connector endpoints and, when the reader enables it, the local API. */
export const ZOTERO_SERVER = 'http://127.0.0.1:23119';
/** The optional host: granting it is turning Zotero on (Settings → Zotero). */
export const ZOTERO_ORIGIN = `${ZOTERO_SERVER}/*`;

/** What Settings → Zotero says. */
export interface ZoteroStatus {
  /** The reader turned Zotero on (granted the host). */
  enabled: boolean;
  /** The desktop app answered its ping; its version when it said. */
  running: boolean;
  version: string | null;
  /** The local API: on, off ("Allow other applications… to communicate with Zotero"), or not known (app not running). */
  localApi: 'on' | 'off' | 'unknown';
  /** The library the index is of, and the collection new papers go to. */
  library: string | null;
  collection: string | null;
  /** Items the index holds identifiers of, and when it was last brought up to date; null before the first build. */
  indexed: number | null;
  indexedAt: number | null;
  /** What the reader should do, or what went wrong, in words; null when all is well. */
  advice: string | null;
}

const ARXIV_DOI = /^10\.48550\/arxiv\.(.+)$/i;

function arxivKey(text: string | null | undefined): PaperKey | null {
  if (!text) return null;
  const id = parseArxivId(text.trim());
  return id ? id.id : null;
}

/**
 * The paper keys a Zotero item stands for: its arXiv id (from its arXiv address, `archiveID`, arXiv's
 * DOI or an `arXiv:` line in `extra`) and its DOI (a published version's). An item matches a paper by
 * any of them, whatever its version.
 */
export function keysOfZoteroItem(data: unknown): PaperKey[] {
  if (!isRecord(data)) return [];
  const keys = new Set<PaperKey>();
  const add = (key: PaperKey | null) => key && keys.add(key);
  // parseArxivId reads arXiv's addresses and `arXiv:` references itself.
  add(arxivKey(readString(data.url, 2000)));
  add(arxivKey(readString(data.archiveID, 200)));
  for (const line of (readString(data.extra, 20_000) ?? '').split('\n')) add(arxivKey(/^arXiv:\s*\S+/i.exec(line.trim())?.[0]));
  const doi = parseDoi(readString(data.DOI, 400) ?? '');
  if (doi) {
    const arxiv = ARXIV_DOI.exec(doi);
    add(arxiv ? arxivKey(arxiv[1]) : `doi:${doi}`);
  }
  return [...keys];
}

/** What the item is built from: a saved paper's snapshot or a cached paper's record. */
export interface PaperForZotero {
  key: PaperKey;
  arxivId: string | null;
  title: string;
  authors: readonly string[];
  abstract: string | null;
  publicationDate: string | null;
  year: number | null;
  primaryCategory: string | null;
  doi: string | null;
  published?: PublishedVersion | null;
}

/** Zotero item JSON for a paper, as Zotero's own arXiv translator writes it; the published version when one is known. */
export function zoteroItem(paper: PaperForZotero): Record<string, unknown> {
  const creators = paper.authors.map((name) => {
    const split = splitName(name);
    return split.literal !== null ? { name: split.literal, creatorType: 'author' } : { firstName: split.given, lastName: [split.particle, split.family, split.suffix].filter(Boolean).join(' '), creatorType: 'author' };
  });
  const arxiv = paper.arxivId;
  const common = {
    title: paper.title,
    creators,
    ...(paper.abstract ? { abstractNote: paper.abstract } : {}),
    date: paper.publicationDate ?? (paper.year ? String(paper.year) : ''),
    ...(arxiv ? { url: `http://arxiv.org/abs/${arxiv}`, extra: `arXiv:${arxiv}${paper.primaryCategory ? ` [${paper.primaryCategory}]` : ''}` } : {}),
    libraryCatalog: 'ScholarScope',
  };
  const published = paper.published;
  if (published && published.kind !== 'other') {
    return {
      itemType: published.kind === 'journal' ? 'journalArticle' : 'conferencePaper',
      ...common,
      [published.kind === 'journal' ? 'publicationTitle' : 'proceedingsTitle']: published.venue,
      ...(published.year ? { date: String(published.year) } : {}),
      ...(published.volume ? { volume: published.volume } : {}),
      ...(published.number ? { issue: published.number } : {}),
      ...(published.pages ? { pages: published.pages } : {}),
      ...(published.publisher && published.kind === 'conference' ? { publisher: published.publisher } : {}),
      ...(published.doi ? { DOI: published.doi } : {}),
    };
  }
  if (arxiv) return { itemType: 'preprint', ...common, DOI: `10.48550/arXiv.${arxiv}`, archiveID: `arXiv:${arxiv}`, repository: 'arXiv' };
  return { itemType: 'journalArticle', ...common, ...(paper.doi ? { DOI: paper.doi, url: `https://doi.org/${paper.doi}` } : {}) };
}
