// Messages about the reader's saved papers.

import { isPaperKey, type PaperKey } from '../ids';
import { ImportError, MAX_IMPORT_BYTES, readSavedPaper } from '../saved/importer';
import { SNAPSHOT_NAME_MAX, SNAPSHOT_TITLE_MAX, type ReadStatus, type SavedPaper } from '../saved/model';
import { isRecord } from '../validate';
import { keyList, MAX_IDS_PER_MESSAGE, message, noPayload, shortText } from './define';
import type { PageSnapshot, SavedChanges, SavedList } from './wire';

const STATUSES: ReadStatus[] = ['to-read', 'reading', 'read'];

function parsePageSnapshot(raw: unknown): PageSnapshot | null {
  if (!isRecord(raw) || !shortText(raw.title, SNAPSHOT_TITLE_MAX) || !Array.isArray(raw.authors) || raw.authors.length > 5000) return null;
  if (!raw.authors.every((name) => shortText(name, SNAPSHOT_NAME_MAX))) return null;
  const version = raw.version === null ? null : typeof raw.version === 'number' && Number.isInteger(raw.version) && raw.version > 0 ? raw.version : undefined;
  const primaryCategory = raw.primaryCategory === null ? null : shortText(raw.primaryCategory, 40) ? raw.primaryCategory : undefined;
  if (version === undefined || primaryCategory === undefined) return null;
  return { title: raw.title, authors: raw.authors as string[], version, primaryCategory };
}

function parseChanges(raw: unknown): SavedChanges | null {
  if (!isRecord(raw)) return null;
  const changes: SavedChanges = {};
  if (raw.tags !== undefined) {
    if (!Array.isArray(raw.tags) || raw.tags.length > 100 || !raw.tags.every((tag) => shortText(tag, 100))) return null;
    changes.tags = raw.tags as string[];
  }
  if (raw.note !== undefined) {
    if (!shortText(raw.note, 20_000)) return null;
    changes.note = raw.note;
  }
  if (raw.status !== undefined) {
    if (typeof raw.status !== 'string' || !STATUSES.includes(raw.status as ReadStatus)) return null;
    changes.status = raw.status as ReadStatus;
  }
  return changes;
}

/** A file's text, refused before anything reads it when it is larger than any file of ours. */
export function fileContent(raw: Record<string, unknown>, name: string): { content: string } | string {
  if (typeof raw.content !== 'string') return `${name} needs the file as text`;
  if (raw.content.length > MAX_IMPORT_BYTES) return `The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB`;
  return { content: raw.content };
}

const keysMessage = <Answer>(name: string) =>
  message<{ keys: PaperKey[] }, Answer>((raw) => {
    const keys = keyList(raw.keys);
    return keys ? { keys } : `${name} needs up to ${MAX_IDS_PER_MESSAGE} paper keys`;
  });

export const savedMessages = {
  /** Every readable saved paper, newest first, and the keys of records too damaged to show. */
  savedList: noPayload<SavedList>(),
  /** Which of these papers are saved. */
  savedWhich: keysMessage<PaperKey[]>('savedWhich'),
  savePaper: message<{ key: PaperKey; page: PageSnapshot }, SavedPaper>((raw) => {
    const page = parsePageSnapshot(raw.page);
    if (typeof raw.key !== 'string' || !isPaperKey(raw.key)) return 'savePaper needs a paper key';
    return page ? { key: raw.key, page } : 'savePaper needs what the page shows: title, authors, version, category';
  }),
  /** Removes and answers the removed records, for undo. */
  unsave: keysMessage<SavedPaper[]>('unsave'),
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
    return keys && changes ? { keys, changes } : 'updateSaved needs paper keys and changes (tags, note, status)';
  }),
  importSaved: message<{ content: string }, { added: number; merged: number }>((raw) => fileContent(raw, 'importSaved')),
};
