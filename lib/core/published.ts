// The published version of a preprint, as far as an identifier-level source asserts it. This is the
// first step of the published-version resolver: what Semantic Scholar's own record says (venue,
// publicationVenue, journal, publicationTypes, a DOI that is not arXiv's). Its traps, from the
// services' trackers: a record of an arXiv paper names "ArXiv" as its journal; DBLP files papers
// under `journals/corr/` keys whatever their venue (so the key says nothing); a merged record can
// carry arXiv's DOI (10.48550, DataCite's) beside the journal; and `venue` can name a book a paper
// was reprinted in while `journal` names where it appeared (Turing 1950: venue "The Philosophy of
// Artificial Intelligence", journal "Mind").

import { CEILING, isRecord, readCount, readString } from './validate';

export interface PublishedVersion {
  /** Where it appeared, as the source names it: the journal, or the conference. */
  venue: string;
  /** For a badge: a short name the source gives the venue (NeurIPS), or the name, with the year. */
  label: string;
  kind: 'journal' | 'conference' | 'other';
  year: number | null;
  volume: string | null;
  pages: string | null;
  /** The published version's DOI; never arXiv's. */
  doi: string | null;
  /** The issue (journals), and the publisher, where the source gives them (DBLP, Crossref). */
  number?: string | null;
  publisher?: string | null;
  /** How it is known, for the reader: "asserted by Semantic Scholar (paper …)". */
  basis: string;
}

// Preprint servers and repositories: a record naming one of these names no published version.
export const PREPRINT_VENUE = /^(arxiv(\.org)?|corr|biorxiv|medrxiv|chemrxiv|techrxiv|psyarxiv|ssrn|research square|preprints(\.org)?|osf preprints|zenodo)\b/i;
export const ARXIV_DOI = /^10\.48550\//i;
const SHORT_NAME = /^[A-Z][A-Za-z0-9&-]{1,11}$/;

const name = (value: unknown) => {
  const text = readString(value, 300)?.replace(/\s+/g, ' ').trim();
  return text && !PREPRINT_VENUE.test(text) ? text : null;
};

/** The shortest name that reads like an acronym among the venue's other names (NeurIPS, ICLR), or null. */
function shortName(alternates: unknown): string | null {
  if (!Array.isArray(alternates)) return null;
  const short = alternates.filter((alt): alt is string => typeof alt === 'string' && SHORT_NAME.test(alt) && /[A-Z].*[A-Z]/.test(alt));
  return short.sort((a, b) => a.length - b.length || a.localeCompare(b))[0] ?? null;
}

/** What a Semantic Scholar paper record asserts of where the paper was published; null when it names no venue but a preprint server. */
export function publishedFromS2(raw: unknown): PublishedVersion | null {
  if (!isRecord(raw)) return null;
  const journal = isRecord(raw.journal) ? raw.journal : {};
  const venueRecord = isRecord(raw.publicationVenue) ? raw.publicationVenue : {};
  const types = Array.isArray(raw.publicationTypes) ? raw.publicationTypes.filter((type): type is string => typeof type === 'string') : [];
  const journalName = name(journal.name);
  const venueName = name(venueRecord.name);
  const plainVenue = name(raw.venue);
  // Where it appeared: a conference the venue record names; else a journal article's journal (the
  // plain venue may name a reprint); else the venue record, the journal, the plain venue.
  const conference = venueRecord.type === 'conference' && venueName;
  const venue = conference || (types.includes('JournalArticle') && journalName) || venueName || journalName || plainVenue;
  if (!venue) return null;
  const kind = conference || (types.includes('Conference') && venue !== journalName) ? 'conference' : venueRecord.type === 'journal' || venue === journalName ? 'journal' : 'other';
  const year = readCount(raw.year, CEILING.year);
  const externalIds = isRecord(raw.externalIds) ? raw.externalIds : {};
  const doi = readString(externalIds.DOI, 300);
  const short = venue === venueName ? shortName(venueRecord.alternate_names) : null;
  const paperId = readString(raw.paperId, 64);
  return {
    venue,
    label: `${short ?? venue}${year ? ` ${year}` : ''}`,
    kind,
    year,
    volume: readString(journal.volume, 40)?.trim() || null,
    pages: readString(journal.pages, 40)?.trim().replace(/\s+/g, '') || null,
    doi: doi && !ARXIV_DOI.test(doi) ? doi.toLowerCase() : null,
    basis: `asserted by Semantic Scholar${paperId ? ` (paper ${paperId})` : ''}`,
  };
}

/**
 * What arXiv's record says (`journal_ref`, the authors' own free text such as "Phys. Rev. B 85,
 * 115117 (2012)", and `doi`): the reference as the venue, its year where it gives one; null without
 * a reference. Its parts are not guessed apart: the export cites it as it stands.
 */
export function publishedFromArxiv(journalRef: string | null, doi: string | null): PublishedVersion | null {
  const ref = journalRef?.replace(/\s+/g, ' ').trim();
  if (!ref) return null;
  const years = [...ref.matchAll(/\b(1[6-9]\d\d|20\d\d)\b/g)].map((match) => Number(match[1]));
  return {
    venue: ref,
    label: ref,
    kind: 'other',
    year: years.at(-1) ?? null,
    volume: null,
    pages: null,
    doi: doi && !ARXIV_DOI.test(doi) ? doi.toLowerCase() : null,
    basis: 'asserted by arXiv (journal reference)',
  };
}

/**
 * What an OpenAlex work's primary location says: a published version (`version: publishedVersion`)
 * at a source that is not a repository (arXiv, Zenodo and the like are repositories); null otherwise.
 */
export function publishedFromOpenAlex(raw: unknown): PublishedVersion | null {
  if (!isRecord(raw) || !isRecord(raw.primary_location)) return null;
  const location = raw.primary_location;
  const source = isRecord(location.source) ? location.source : {};
  const venue = name(source.display_name);
  if (location.version !== 'publishedVersion' || source.type === 'repository' || !venue) return null;
  const biblio = isRecord(raw.biblio) ? raw.biblio : {};
  const first = readString(biblio.first_page, 20)?.trim();
  const last = readString(biblio.last_page, 20)?.trim();
  const year = readCount(raw.publication_year, CEILING.year);
  const doi = readString(raw.doi, 320)?.replace(/^https?:\/\/(dx\.)?doi\.org\//i, '') ?? null;
  const id = readString(raw.id, 60)?.replace(/^https:\/\/openalex\.org\//, '');
  return {
    venue,
    label: `${venue}${year ? ` ${year}` : ''}`,
    kind: source.type === 'journal' ? 'journal' : source.type === 'conference' ? 'conference' : 'other',
    year,
    volume: readString(biblio.volume, 40)?.trim() || null,
    pages: first ? (last && last !== first ? `${first}-${last}` : first) : null,
    doi: doi && !ARXIV_DOI.test(doi) ? doi.toLowerCase() : null,
    basis: `asserted by OpenAlex${id ? ` (work ${id})` : ''}`,
  };
}

/** A stored published version, checked field by field (a cached record may be older or damaged); null for anything else. */
export function readPublished(raw: unknown): PublishedVersion | null {
  if (!isRecord(raw)) return null;
  const venue = readString(raw.venue, 300);
  const label = readString(raw.label, 320);
  const basis = readString(raw.basis, 200);
  if (!venue || !label || !basis || !['journal', 'conference', 'other'].includes(raw.kind as string)) return null;
  const text = (value: unknown, max: number) => readString(value, max) ?? null;
  return {
    venue,
    label,
    kind: raw.kind as PublishedVersion['kind'],
    year: readCount(raw.year, CEILING.year),
    volume: text(raw.volume, 40),
    pages: text(raw.pages, 40),
    doi: text(raw.doi, 300),
    ...(raw.number !== undefined ? { number: text(raw.number, 40) } : {}),
    ...(raw.publisher !== undefined ? { publisher: text(raw.publisher, 300) } : {}),
    basis,
  };
}

/** A paper marked retracted or withdrawn by its publisher (Crossref, Retraction Watch) or OpenAlex. */
export interface RetractionMark {
  kind: 'retraction' | 'withdrawal';
  /** Who says so, for the reader: "Crossref: retraction notice 10.1016/… (Retraction Watch)". */
  basis: string;
}

/** A stored retraction mark, checked; null for anything else. */
export function readRetraction(raw: unknown): RetractionMark | null {
  if (!isRecord(raw) || (raw.kind !== 'retraction' && raw.kind !== 'withdrawal')) return null;
  const basis = readString(raw.basis, 300);
  return basis ? { kind: raw.kind, basis } : null;
}

/** How exports and screens say it: "Retracted (Crossref: …)". */
export function retractionRemark(mark: RetractionMark): string {
  return `${mark.kind === 'retraction' ? 'Retracted' : 'Withdrawn by the publisher'} (${mark.basis})`;
}


/** The optional hosts the resolver asks beyond the sources granted at install (asked for when the reader first updates). */
export const PUBLISHED_VERSION_ORIGINS = { dblp: 'https://dblp.org/*', crossref: 'https://api.crossref.org/*' } as const;
