// The published version as DBLP and Crossref give it: DBLP's own BibTeX of a record (`rec/<key>.bib`),
// a Crossref work (`/works/<doi>`), and the hits of their title searches. Their traps: DBLP files the
// arXiv copy as `@article` in journal "CoRR", and some early ICLR papers under `journals/corr/` keys
// as `@inproceedings` (so the entry decides, not the key); DBLP's author names can end in a homonym
// number ("Wei Wang 0009"); a Crossref "posted-content" work is itself a preprint.

import { decodeValue, parseBibtex, personName, type BibEntry } from './saved/bibtexParse';
import { ARXIV_DOI, PREPRINT_VENUE, type PublishedVersion, type RetractionMark } from './published';
import { CEILING, isRecord, readCount, readString } from './validate';

/** A title search's hit, before the acceptance rules (publishedMatch.ts). */
export interface Candidate {
  title: string;
  /** Family names, as the source gives them. */
  families: string[];
  year: number | null;
  /** What the hit is, read from the source: a book or a preprint never counts as a published version. */
  eligible: boolean;
  /** DBLP's record key, to read its BibTeX; null for Crossref hits. */
  dblpKey: string | null;
  /** For Crossref hits, the published version and marks read from the hit itself. */
  published: PublishedVersion | null;
  retraction: RetractionMark | null;
}

const DBLP_KEY = /^(?:journals|conf|books|series|phd|reference|persons|tr|ms|www)\/[A-Za-z0-9_-]{1,60}\/[A-Za-z0-9_-]{1,80}$/;

/** A DBLP record key as a path may carry it, or null. */
export function readDblpKey(raw: unknown): string | null {
  const key = readString(raw, 200)?.replace(/^DBLP:/, '');
  return key && DBLP_KEY.test(key) ? key : null;
}

const SHORT_NAME = /\{([A-Z][A-Za-z0-9&-]{1,11})\}/;
const oneLine = (text: string | undefined) => text?.replace(/\s+/g, ' ').trim() || null;
const dashes = (pages: string | null) => pages?.replace(/\s*[-\u2013]+\s*/g, '-') ?? null;
const cleanDoi = (doi: string | null | undefined) => {
  const text = doi?.trim().replace(/^https?:\/\/(dx\.)?doi\.org\//i, '').toLowerCase();
  return text && !ARXIV_DOI.test(text) ? text : null;
};

/** The venue entry of a DBLP `.bib` answer (the first entry; a crossref form adds the proceedings after it); null for arXiv's copy and for what is not a paper. */
export function publishedFromDblpBib(text: string, key: string): PublishedVersion | null {
  let entry: BibEntry | undefined;
  try {
    entry = parseBibtex(text, { maxEntries: 5, maxFieldLength: 5000 })[0];
  } catch {
    return null;
  }
  if (!entry) return null;
  const type = entry.type.toLowerCase();
  const fields = Object.fromEntries(Object.entries(entry.fields).map(([name, value]) => [name, decodeValue(value)]));
  const venue = oneLine(type === 'article' ? fields.journal : fields.booktitle);
  if (!venue || PREPRINT_VENUE.test(venue) || !['article', 'inproceedings', 'incollection'].includes(type)) return null;
  const year = readCount(Number(fields.year), CEILING.year);
  // The raw booktitle protects acronyms in braces ("{ICLR} 2017"): the first is the badge's name.
  const rawBooktitle = text.match(/booktitle\s*=\s*\{([^]*?)\},?\s*\n\s*[a-z]+\s*=/i)?.[1] ?? '';
  const short = type === 'inproceedings' ? rawBooktitle.match(SHORT_NAME)?.[1] : null;
  return {
    venue,
    label: `${short ?? venue}${year ? ` ${year}` : ''}`,
    kind: type === 'article' ? 'journal' : type === 'inproceedings' ? 'conference' : 'other',
    year,
    volume: oneLine(fields.volume),
    number: oneLine(fields.number),
    pages: dashes(oneLine(fields.pages)),
    publisher: oneLine(fields.publisher),
    doi: cleanDoi(fields.doi),
    basis: `asserted by DBLP (record ${key})`,
  };
}

const first = (value: unknown) => (Array.isArray(value) ? readString(value[0], 500) : readString(value, 500));
const issuedYear = (work: Record<string, unknown>) => {
  for (const field of ['issued', 'published', 'published-print', 'published-online']) {
    const parts = isRecord(work[field]) ? (work[field] as Record<string, unknown>)['date-parts'] : null;
    const year = Array.isArray(parts) && Array.isArray(parts[0]) ? readCount(parts[0][0], CEILING.year) : null;
    if (year) return year;
  }
  return null;
};
const CROSSREF_KIND: Record<string, PublishedVersion['kind']> = { 'journal-article': 'journal', 'proceedings-article': 'conference', 'book-chapter': 'other' };

/** A Crossref work's venue, volume, issue, pages, publisher and DOI; null for preprints ("posted-content") and works of other kinds. */
export function publishedFromCrossref(work: unknown, basis: string): PublishedVersion | null {
  if (!isRecord(work) || typeof work.type !== 'string') return null;
  const kind = CROSSREF_KIND[work.type];
  const venue = oneLine(first(work['container-title']) ?? undefined);
  if (!kind || !venue || PREPRINT_VENUE.test(venue)) return null;
  const year = issuedYear(work);
  const short = oneLine(first(work['short-container-title']) ?? undefined);
  return {
    venue,
    label: `${short ?? venue}${year ? ` ${year}` : ''}`,
    kind,
    year,
    volume: oneLine(readString(work.volume, 40) ?? undefined),
    number: oneLine(readString(work.issue, 40) ?? undefined),
    pages: dashes(oneLine(readString(work.page, 40) ?? undefined)),
    publisher: oneLine(readString(work.publisher, 300) ?? undefined),
    doi: cleanDoi(readString(work.DOI, 300)),
    basis,
  };
}

/** A retraction or withdrawal notice Crossref lists among a work's `updated-by` (the publisher's, or Retraction Watch's); null when none. */
export function retractionFromCrossref(work: unknown): RetractionMark | null {
  if (!isRecord(work) || !Array.isArray(work['updated-by'])) return null;
  for (const update of work['updated-by']) {
    if (!isRecord(update) || (update.type !== 'retraction' && update.type !== 'withdrawal')) continue;
    const notice = readString(update.DOI, 300);
    const by = update.source === 'retraction-watch' ? ', Retraction Watch' : '';
    return { kind: update.type, basis: `Crossref${by}: ${update.type} notice${notice ? ` ${notice.toLowerCase()}` : ''}` };
  }
  return null;
}

/** The `message` of a Crossref answer (`work` or `work-list`); null for any other shape. */
export function crossrefMessage(raw: unknown): Record<string, unknown> | null {
  return isRecord(raw) && raw.status === 'ok' && isRecord(raw.message) ? raw.message : null;
}

/** The items of a Crossref `work-list` answer as candidates. */
export function crossrefCandidates(raw: unknown): Candidate[] {
  const items = crossrefMessage(raw)?.items;
  if (!Array.isArray(items)) return [];
  return items.filter(isRecord).slice(0, 20).map((item) => {
    const doi = cleanDoi(readString(item.DOI, 300));
    const published = publishedFromCrossref(item, `matched on Crossref by title and authors (DOI ${doi ?? 'unknown'})`);
    const authors = Array.isArray(item.author) ? item.author.filter(isRecord) : [];
    return {
      title: first(item.title) ?? '',
      families: authors.map((author) => readString(author.family, 200) ?? readString(author.name, 200) ?? '').filter(Boolean),
      year: issuedYear(item),
      eligible: published !== null,
      dblpKey: null,
      published,
      retraction: retractionFromCrossref(item),
    };
  });
}

// DBLP's hit types that are no published version: arXiv copies, books, theses, editorships.
const DBLP_NOT_PAPERS = /^(Informal|Books and Theses|Editorship|Data and Artifacts|Reference Works)/i;
const homonymless = (name: string) => name.replace(/\s+\d{4}$/, '');

/** The hits of a DBLP `search/publ/api?format=json` answer (`hit` is a list, or absent with no hits; `author` a list, or one object). */
export function dblpCandidates(raw: unknown): Candidate[] {
  const hits = isRecord(raw) && isRecord(raw.result) && isRecord(raw.result.hits) ? raw.result.hits.hit : null;
  const list = Array.isArray(hits) ? hits : isRecord(hits) ? [hits] : [];
  return list.filter(isRecord).slice(0, 30).flatMap((hit) => {
    const info = isRecord(hit.info) ? hit.info : null;
    if (!info) return [];
    const holder = isRecord(info.authors) ? info.authors.author : null;
    const authors = (Array.isArray(holder) ? holder : holder ? [holder] : []).map((author) => (isRecord(author) ? readString(author.text, 200) : readString(author, 200)) ?? '');
    const venue = readString(info.venue, 300) ?? '';
    const type = readString(info.type, 100) ?? '';
    const key = readDblpKey(info.key);
    return [{
      title: readString(info.title, 2000)?.replace(/\.$/, '') ?? '',
      families: authors.filter(Boolean).map((name) => familyOf(homonymless(name))),
      year: readCount(Number(info.year), CEILING.year),
      eligible: key !== null && !DBLP_NOT_PAPERS.test(type) && !PREPRINT_VENUE.test(venue),
      dblpKey: key,
      published: null,
      retraction: null,
    }];
  });
}

/** The family name of a full name as pages and DBLP write it ("Jan van der Berg" -> "Berg"), or of a BibTeX name. */
export function familyOf(name: string): string {
  const words = personName(name).trim().split(/\s+/);
  return words[words.length - 1] ?? '';
}
