// Reading a file back into saved papers: our JSON (lossless) or BibTeX with arXiv entries. Every
// problem is reported with what is wrong; nothing is applied unless the whole file is good.

import { readPublished, readRetraction } from '../published';
import { isPaperKey, paperKeyFor, parseArxivId, parseDoi } from '../ids';
import { CEILING, isRecord } from '../validate';
import { decodeValue, parseBibtex, splitAuthors } from './bibtexParse';
import { JSON_FORMAT } from './exporters';
import { MAX_SAVED_PAPERS, WITHDRAWN_MAX, type ReadStatus, type SavedPaper } from './model';

/**
 * Import reads whatever export writes: at most the saved list's size in papers, and files up to the
 * longest text a browser can hold (512 MB; an export of the fullest list is far smaller). A larger
 * file is not one of ours and is refused before it is read.
 */
export const MAX_IMPORT_BYTES = 512 * 1024 * 1024;
export const MAX_IMPORT_PAPERS = MAX_SAVED_PAPERS;
const tooLarge = (maxBytes: number) => new ImportError(`The file is larger than ${maxBytes / 1024 / 1024} MB, more than any ScholarScope export`);
const MAX_TEXT = 100_000;
const STATUSES: ReadStatus[] = ['to-read', 'reading', 'read'];

export class ImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportError';
  }
}

function text(value: unknown, field: string, index: number, max = MAX_TEXT): string {
  if (typeof value !== 'string') throw new ImportError(`Paper ${index + 1}: ${field} should be text`);
  if (value.length > max) throw new ImportError(`Paper ${index + 1}: ${field} is longer than ${max} characters`);
  return value;
}

function optionalText(value: unknown, field: string, index: number): string | null {
  return value === null || value === undefined ? null : text(value, field, index);
}

function optionalCount(value: unknown, field: string, index: number, ceiling: number): number | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > ceiling) throw new ImportError(`Paper ${index + 1}: ${field} should be a whole number up to ${ceiling}`);
  return value;
}

function textList(value: unknown, field: string, index: number, max: number): string[] {
  if (!Array.isArray(value) || value.length > max) throw new ImportError(`Paper ${index + 1}: ${field} should be a list of at most ${max} texts`);
  return value.map((item) => text(item, field, index, 2000));
}

/** One paper of our JSON, checked field by field. */
export function readSavedPaper(raw: unknown, index: number): SavedPaper {
  if (!isRecord(raw)) throw new ImportError(`Paper ${index + 1} is not an object`);
  const key = text(raw.key, 'key', index, 400);
  if (!isPaperKey(key)) throw new ImportError(`Paper ${index + 1}: "${key.slice(0, 40)}" is not an arXiv id or doi: key`);
  const status = raw.status;
  if (typeof status !== 'string' || !STATUSES.includes(status as ReadStatus)) throw new ImportError(`Paper ${index + 1}: status should be one of ${STATUSES.join(', ')}`);
  const date = optionalText(raw.publicationDate, 'publicationDate', index);
  if (date !== null && !/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new ImportError(`Paper ${index + 1}: publicationDate should be YYYY-MM-DD`);
  const savedAt = raw.savedAt;
  if (typeof savedAt !== 'number' || !Number.isFinite(savedAt) || savedAt < 0) throw new ImportError(`Paper ${index + 1}: savedAt should be a time`);
  const arxivText = optionalText(raw.arxivId, 'arxivId', index);
  // The library and the exports link it on arxiv.org: only an arXiv id.
  const arxiv = arxivText === null ? null : parseArxivId(arxivText);
  if (arxivText !== null && !arxiv) throw new ImportError(`Paper ${index + 1}: arxivId "${arxivText.slice(0, 40)}" is not an arXiv id`);
  return {
    key,
    arxivId: arxiv?.id ?? null,
    version: optionalCount(raw.version, 'version', index, 1000),
    title: text(raw.title, 'title', index, 2000),
    authors: textList(raw.authors, 'authors', index, 5000),
    abstract: optionalText(raw.abstract, 'abstract', index),
    publicationDate: date,
    year: optionalCount(raw.year, 'year', index, CEILING.year),
    primaryCategory: optionalText(raw.primaryCategory, 'primaryCategory', index),
    doi: optionalText(raw.doi, 'doi', index),
    citationCount: optionalCount(raw.citationCount, 'citationCount', index, CEILING.citations),
    savedAt,
    tags: textList(raw.tags, 'tags', index, 100),
    note: text(raw.note, 'note', index),
    status: status as ReadStatus,
    ...published(raw.published, index),
    ...(raw.withdrawn !== undefined ? { withdrawn: optionalText(raw.withdrawn, 'withdrawn', index)?.slice(0, WITHDRAWN_MAX) ?? null } : {}),
    ...retraction(raw.retraction, index),
  };
}

/** A saved paper's retraction mark: absent or null stay so; anything else must read as one. */
function retraction(raw: unknown, index: number): Pick<SavedPaper, 'retraction'> {
  if (raw === undefined) return {};
  if (raw === null) return { retraction: null };
  const read = readRetraction(raw);
  if (!read) throw new ImportError(`Paper ${index + 1}: retraction should be a kind (retraction or withdrawal) with its basis`);
  return { retraction: read };
}

/** A saved paper's published version: absent or null stay so; anything else must read as one. */
function published(raw: unknown, index: number): Pick<SavedPaper, 'published'> {
  if (raw === undefined) return {};
  if (raw === null) return { published: null };
  const read = readPublished(raw);
  if (!read) throw new ImportError(`Paper ${index + 1}: published should be a venue with its label, kind and basis`);
  return { published: read };
}

/** Our export nests four levels deep; anything far deeper is not ours and is refused before parsing. */
export const MAX_JSON_DEPTH = 32;

function jsonDepth(content: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let index = 0; index < content.length; index++) {
    const char = content.charCodeAt(index);
    if (inString) {
      if (char === 92) index++; // backslash: skip the escaped character
      else if (char === 34) inString = false;
    } else if (char === 34) inString = true;
    else if (char === 123 || char === 91) {
      depth++;
      if (depth > deepest) deepest = depth;
      if (deepest > MAX_JSON_DEPTH) return deepest;
    } else if (char === 125 || char === 93) depth--;
  }
  return deepest;
}

/** A file's JSON, refused before parsing when it is too large or nested deeper than any export of ours. */
export function parseJsonFile(content: string, maxBytes = MAX_IMPORT_BYTES): unknown {
  if (content.length > maxBytes) throw tooLarge(maxBytes);
  const text = content.replace(/^\uFEFF/, '');
  if (jsonDepth(text) > MAX_JSON_DEPTH) throw new ImportError(`This JSON is nested more than ${MAX_JSON_DEPTH} levels deep; a ScholarScope export is not`);
  try {
    return JSON.parse(text);
  } catch {
    throw new ImportError('This file is not JSON');
  }
}

function fromJson(content: string): SavedPaper[] {
  const data = parseJsonFile(content);
  if (!isRecord(data) || data.format !== JSON_FORMAT) throw new ImportError('This JSON is not a ScholarScope saved-papers export');
  if (typeof data.version !== 'number' || data.version > 1) throw new ImportError(`This export is of a newer version (${String(data.version)}) than this ScholarScope reads`);
  if (!Array.isArray(data.papers)) throw new ImportError('The export has no list of papers');
  if (data.papers.length > MAX_IMPORT_PAPERS) throw new ImportError(`The export has more than ${MAX_IMPORT_PAPERS} papers`);
  return data.papers.map(readSavedPaper);
}

function fromBibtex(content: string, now: number): SavedPaper[] {
  let entries;
  try {
    entries = parseBibtex(content, { maxEntries: MAX_IMPORT_PAPERS, maxFieldLength: MAX_TEXT });
  } catch (error) {
    throw new ImportError(`This BibTeX cannot be read: ${error instanceof Error ? error.message : String(error)}`);
  }
  const papers: SavedPaper[] = [];
  for (const entry of entries) {
    const eprint = entry.fields.eprint ? parseArxivId(decodeValue(entry.fields.eprint)) : null;
    const arxivPrefix = /arxiv/i.test(entry.fields.archiveprefix ?? entry.fields.eprinttype ?? '') || /arxiv/i.test(entry.fields.journal ?? '');
    const written = entry.fields.doi ? decodeValue(entry.fields.doi) : '';
    const doiKey = written ? parseDoi(written) : null;
    // The DOI as the file writes it (DOIs are case-insensitive; the paper's key is lower case).
    const doi = doiKey && written.toLowerCase().endsWith(doiKey) ? written.slice(written.length - doiKey.length) : doiKey;
    const arxiv = eprint && (arxivPrefix || !doi) ? eprint : null;
    if (!arxiv && !doi) continue; // Only papers we can identify: arXiv entries, or DOIs.
    const year = entry.fields.year ? Number(decodeValue(entry.fields.year)) : null;
    papers.push({
      key: arxiv ? arxiv.id : paperKeyFor({ doi: doiKey! }),
      arxivId: arxiv?.id ?? null,
      version: arxiv?.version ?? null,
      title: decodeValue(entry.fields.title ?? ''),
      authors: entry.fields.author ? splitAuthors(entry.fields.author) : [],
      abstract: entry.fields.abstract ? decodeValue(entry.fields.abstract) : null,
      publicationDate: null,
      year: year && Number.isInteger(year) ? year : null,
      primaryCategory: entry.fields.primaryclass ? decodeValue(entry.fields.primaryclass) : null,
      doi,
      citationCount: null,
      savedAt: now,
      tags: [],
      note: '',
      status: 'to-read',
    });
  }
  if (papers.length === 0) throw new ImportError('This BibTeX has no arXiv entries and no DOIs');
  return papers;
}

/** The papers in a file, or an ImportError saying what is wrong. */
export function readImport(content: string, now: number = Date.now(), maxBytes = MAX_IMPORT_BYTES): SavedPaper[] {
  if (content.length > maxBytes) throw tooLarge(maxBytes);
  const trimmed = content.replace(/^\uFEFF/, '').trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) return fromJson(trimmed);
  if (trimmed.includes('@')) return fromBibtex(trimmed, now);
  throw new ImportError('This file is neither a ScholarScope JSON export nor BibTeX');
}

/** Two records of the same paper (arXiv versions included): the reader's data of both, kept. */
export function mergeSaved(existing: SavedPaper, incoming: SavedPaper): SavedPaper {
  return {
    ...existing,
    ...incoming,
    version: Math.max(existing.version ?? 0, incoming.version ?? 0) || null,
    savedAt: Math.min(existing.savedAt, incoming.savedAt),
    tags: [...new Set([...existing.tags, ...incoming.tags])],
    note: [existing.note, incoming.note].filter(Boolean).filter((note, i, all) => all.indexOf(note) === i).join('\n\n'),
    status: STATUSES.indexOf(incoming.status) > STATUSES.indexOf(existing.status) ? incoming.status : existing.status,
  };
}
