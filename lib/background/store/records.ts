// Records read back from IndexedDB are checked before use: a store can hold records written by an
// older version, damaged by the browser or edited by hand. A bad cache record is fetched again; a
// bad record of the reader's own is kept, skipped and reported.

import { isRecord } from '../../core/validate';
import type { PaperRecord } from './schema';

function isAuthorLike(value: unknown): boolean {
  return isRecord(value) && typeof value.authorId === 'string' && typeof value.name === 'string';
}

/** A cached paper record whole enough to draw from. */
export function isPaperRecord(value: unknown, key: string): value is PaperRecord {
  if (!isRecord(value) || value.key !== key || typeof value.fetchedAt !== 'number') return false;
  if (!Array.isArray(value.authors) || !value.authors.every(isAuthorLike)) return false;
  if (value.paper === null) return true;
  const paper = value.paper;
  return isRecord(paper) && typeof paper.title === 'string' && Array.isArray(paper.authors) && paper.authors.every((author) => isRecord(author) && typeof author.name === 'string');
}

/** The browser's storage is full: nothing was written. */
export class StorageFullError extends Error {
  constructor() {
    super('The browser has no room left for ScholarScope\u2019s data, so nothing was changed. Clear the cache in ScholarScope\u2019s settings, or free disk space, and try again.');
    this.name = 'StorageFullError';
  }
}

/** Runs a write; a quota error (however the browser reports it) becomes a StorageFullError. */
export async function writing<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const name = error instanceof Error || (typeof DOMException !== 'undefined' && error instanceof DOMException) ? (error as Error).name : '';
    if (name === 'QuotaExceededError' || /quota/i.test(error instanceof Error ? error.message : '')) throw new StorageFullError();
    throw error;
  }
}
