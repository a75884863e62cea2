// Messages about the reader's saved papers.

import { isPaperKey, type PaperKey } from '../ids';
import { ImportError, MAX_IMPORT_BYTES, readSavedPaper } from '../saved/importer';
import { SNAPSHOT_NAME_MAX, SNAPSHOT_TITLE_MAX, WITHDRAWN_MAX, type ReadStatus, type SavedPaper } from '../saved/model';
import { readPublished } from '../published';
import { isRecord } from '../validate';
import { forContentScripts, keyList, MAX_IDS_PER_MESSAGE, message, shortText } from './define';
import { VERSION_FILTERS, type SavedQuery, type SavedSort, type VersionFilter } from '../saved/query';
import type { PageSnapshot, PublishedOffer, SavedChanges, SavedPage } from './wire';

/** Papers one checkPublished message resolves (DBLP takes a second a request: a message stays short). */
export const PUBLISHED_CHECK_MAX = 10;

const STATUSES: ReadStatus[] = ['to-read', 'reading', 'read'];

function parsePageSnapshot(raw: unknown): PageSnapshot | null {
  if (!isRecord(raw) || !shortText(raw.title, SNAPSHOT_TITLE_MAX) || !Array.isArray(raw.authors) || raw.authors.length > 5000) return null;
  if (!raw.authors.every((name) => shortText(name, SNAPSHOT_NAME_MAX))) return null;
  const version = raw.version === null ? null : typeof raw.version === 'number' && Number.isInteger(raw.version) && raw.version > 0 ? raw.version : undefined;
  const primaryCategory = raw.primaryCategory === null ? null : shortText(raw.primaryCategory, 40) ? raw.primaryCategory : undefined;
  if (version === undefined || primaryCategory === undefined) return null;
  if (raw.withdrawn !== undefined && !(shortText(raw.withdrawn, WITHDRAWN_MAX) && raw.withdrawn.trim() !== '')) return null;
  return { title: raw.title, authors: raw.authors as string[], version, primaryCategory, ...(typeof raw.withdrawn === 'string' ? { withdrawn: raw.withdrawn } : {}) };
}

function parseChanges(raw: unknown): SavedChanges | null {
  if (!isRecord(raw)) return null;
  const changes: SavedChanges = {};
  if (raw.tags !== undefined) {
    if (!Array.isArray(raw.tags) || raw.tags.length > 100 || !raw.tags.every((tag) => shortText(tag, 100))) return null;
    changes.tags = raw.tags as string[];
  }
  if (raw.addTag !== undefined) {
    if (!shortText(raw.addTag, 100) || raw.addTag.trim() === '') return null;
    changes.addTag = raw.addTag;
  }
  if (raw.note !== undefined) {
    if (!shortText(raw.note, 20_000)) return null;
    changes.note = raw.note;
  }
  if (raw.published !== undefined) {
    const published = raw.published === null ? null : readPublished(raw.published);
    if (raw.published !== null && !published) return null;
    changes.published = published;
  }
  if (raw.status !== undefined) {
    if (typeof raw.status !== 'string' || !STATUSES.includes(raw.status as ReadStatus)) return null;
    changes.status = raw.status as ReadStatus;
  }
  return changes;
}

/**
 * A file crosses the message channel in parts (a message carries at most 64 MB), named by an upload
 * id; the import that follows names the upload. Parts are small enough for any browser, and all of
 * them together no more than the largest file an import reads.
 */
export const UPLOAD_PART_CHARS = 8 * 1024 * 1024;
export const UPLOAD_MAX_PARTS = Math.ceil(MAX_IMPORT_BYTES / UPLOAD_PART_CHARS);
const UPLOAD_ID = /^[a-z0-9]{8,40}$/;

/** The upload an import reads its file from. */
export function uploadName(raw: Record<string, unknown>, name: string): { upload: string } | string {
  return typeof raw.upload === 'string' && UPLOAD_ID.test(raw.upload) ? { upload: raw.upload } : `${name} needs the upload of the file`;
}

const SORTS: SavedSort[] = ['saved', 'published', 'citations'];

function parseQuery(raw: unknown): SavedQuery | null {
  if (!isRecord(raw) || !shortText(raw.text, 1000)) return null;
  const tag = raw.tag === null ? null : shortText(raw.tag, 100) ? raw.tag : undefined;
  const status = raw.status === null ? null : STATUSES.includes(raw.status as ReadStatus) ? (raw.status as ReadStatus) : undefined;
  if (tag === undefined || status === undefined || !SORTS.includes(raw.sort as SavedSort)) return null;
  if (raw.version !== undefined && !VERSION_FILTERS.includes(raw.version as VersionFilter)) return null;
  return { text: raw.text, tag, status, sort: raw.sort as SavedSort, ...(raw.version ? { version: raw.version as VersionFilter } : {}) };
}

/** The library asks for at most this many papers a message (a page is 100). */
const QUERY_PAGE_MAX = 1000;

/** Saved papers a page at a time, whole (for exports): at most this many a message. */
export const RECORDS_PAGE = 2000;

const keysMessage = <Answer>(name: string) =>
  message<{ keys: PaperKey[] }, Answer>((raw) => {
    const keys = keyList(raw.keys);
    return keys ? { keys } : `${name} needs up to ${MAX_IDS_PER_MESSAGE} paper keys`;
  });

export const savedMessages = {
  /** A page of what a query matches in the saved list (searched in the background, no abstracts). */
  savedQuery: message<{ query: SavedQuery; offset: number; limit: number }, SavedPage>((raw) => {
    const query = parseQuery(raw.query);
    if (!query) return 'savedQuery needs a query: text, tag, status and sort';
    const { offset, limit } = raw;
    if (!Number.isInteger(offset) || (offset as number) < 0 || !Number.isInteger(limit) || (limit as number) < 1 || (limit as number) > QUERY_PAGE_MAX) return `savedQuery needs an offset and a limit from 1 to ${QUERY_PAGE_MAX}`;
    return { query, offset: offset as number, limit: limit as number };
  }),
  /** Which of these papers are saved; a page may ask only of the papers it shows. */
  savedWhich: forContentScripts(keysMessage<PaperKey[]>('savedWhich'), { ownKeys: ({ keys }) => keys }),
  /** A page's save toggle: one of the papers it shows. */
  savePaper: forContentScripts(
    message<{ key: PaperKey; page: PageSnapshot }, SavedPaper>((raw) => {
      const page = parsePageSnapshot(raw.page);
      if (typeof raw.key !== 'string' || !isPaperKey(raw.key)) return 'savePaper needs a paper key';
      return page ? { key: raw.key, page } : 'savePaper needs what the page shows: title, authors, version, category';
    }),
    { ownKeys: ({ key }) => [key], maxKeys: 1 },
  ),
  /** Removes and answers the removed records, for undo; a page removes one paper it shows at a time. */
  unsave: forContentScripts(keysMessage<SavedPaper[]>('unsave'), { ownKeys: ({ keys }) => keys, maxKeys: 1 }),
  /** Puts records back as they were (undo). */
  restoreSaved: message<{ papers: SavedPaper[] }, null>((raw) => {
    if (!Array.isArray(raw.papers) || raw.papers.length > MAX_IDS_PER_MESSAGE) return 'restoreSaved needs a list of saved papers';
    try {
      return { papers: raw.papers.map(readSavedPaper) };
    } catch (error) {
      return error instanceof ImportError ? error.message : 'restoreSaved needs saved papers';
    }
  }),
  updateSaved: message<{ keys: PaperKey[]; changes: SavedChanges }, SavedPaper[]>((raw) => {
    const keys = keyList(raw.keys);
    const changes = parseChanges(raw.changes);
    return keys && changes ? { keys, changes } : 'updateSaved needs paper keys and changes (tags, a tag to add, note, status, published version)';
  }),
  /** Whole records, `limit` from `offset` in the list's order (newest first), and how many there are. */
  savedRecords: message<{ offset: number; limit: number }, { papers: SavedPaper[]; total: number }>((raw) =>
    Number.isInteger(raw.offset) && (raw.offset as number) >= 0 && Number.isInteger(raw.limit) && (raw.limit as number) >= 1 && (raw.limit as number) <= RECORDS_PAGE
      ? { offset: raw.offset as number, limit: raw.limit as number }
      : `savedRecords needs an offset and a limit from 1 to ${RECORDS_PAGE}`,
  ),
  /** One part of a file on its way to an import (see UPLOAD_PART_CHARS). */
  uploadPart: message<{ upload: string; index: number; total: number; text: string }, null>((raw) => {
    const name = uploadName(raw, 'uploadPart');
    if (typeof name === 'string') return name;
    const { index, total, text } = raw;
    if (!Number.isInteger(total) || (total as number) < 1 || (total as number) > UPLOAD_MAX_PARTS) return `A file arrives in 1 to ${UPLOAD_MAX_PARTS} parts`;
    if (!Number.isInteger(index) || (index as number) < 0 || (index as number) >= (total as number)) return 'uploadPart needs the index of its part';
    if (typeof text !== 'string' || text.length > UPLOAD_PART_CHARS) return `A part of a file is text of at most ${UPLOAD_PART_CHARS} characters`;
    return { upload: name.upload, index: index as number, total: total as number, text };
  }),
  /**
   * The published version of saved papers (at most PUBLISHED_CHECK_MAX a message, so the library
   * shows progress): cached answers unless `fresh`; retraction marks are written to the list, venues
   * only offered (the reader accepts them with updateSaved).
   */
  checkPublished: message<{ keys: PaperKey[]; fresh: boolean }, PublishedOffer[]>((raw) => {
    const keys = keyList(raw.keys, PUBLISHED_CHECK_MAX);
    return keys && typeof raw.fresh === 'boolean' ? { keys, fresh: raw.fresh } : `checkPublished needs up to ${PUBLISHED_CHECK_MAX} paper keys and fresh`;
  }),
  /** Imports the file of an upload (JSON or BibTeX) into the saved list. */
  importSaved: message<{ upload: string }, { added: number; merged: number }>((raw) => uploadName(raw, 'importSaved')),
};
