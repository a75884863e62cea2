// The saved list, kept by the background: snapshots of paper metadata plus the reader's tags,
// notes and status. Every change is one IndexedDB transaction, so tabs saving at once lose nothing
// and an import is applied whole or not at all.

import type { PaperKey, PaperWithAuthors } from '../../core/model';
import type { Database } from '../store/db';
import { writing } from '../store/records';
import { isRecord } from '../../core/validate';
import { mergeSaved, readImport, readSavedPaper } from '../../core/saved/importer';
import type { ReadStatus, SavedPaper } from '../../core/saved/model';

/** What the page knows of a paper, for the snapshot when the source has no record of it. */
export interface PageSnapshot {
  title: string;
  authors: string[];
  version: number | null;
  primaryCategory: string | null;
}

export interface SavedList {
  papers: SavedPaper[];
  unreadable: string[];
}

export interface SavedChanges {
  tags?: string[];
  note?: string;
  status?: ReadStatus;
}

export interface SavedService {
  /** Every readable saved paper, newest first, and the keys of records too damaged to show (kept as they are). */
  list(): Promise<SavedList>;
  /** Which of these papers are saved. */
  which(keys: readonly PaperKey[]): Promise<PaperKey[]>;
  save(key: PaperKey, page: PageSnapshot): Promise<SavedPaper>;
  /** Removes and returns the removed records, for undo. */
  remove(keys: readonly PaperKey[]): Promise<SavedPaper[]>;
  /** Puts records back as they were (undo). */
  restore(papers: readonly SavedPaper[]): Promise<void>;
  update(keys: readonly PaperKey[], changes: SavedChanges): Promise<SavedPaper[]>;
  importFile(content: string): Promise<{ added: number; merged: number }>;
}

/** Tags as the reader means them: trimmed, no empties, no repeats. */
export function cleanTags(tags: readonly string[]): string[] {
  return [...new Set(tags.map((tag) => tag.trim()).filter(Boolean))];
}

export function createSavedService(
  db: () => Promise<Database>,
  cachedPaper: (key: PaperKey) => Promise<PaperWithAuthors | null>,
  now: () => number = Date.now,
): SavedService {
  const service: SavedService = {
    async list() {
      const papers: SavedPaper[] = [];
      const unreadable: string[] = [];
      for (const [index, record] of (await (await db()).getAll('saved')).entries()) {
        try {
          papers.push(readSavedPaper(record, index));
        } catch {
          unreadable.push(isRecord(record) && typeof record.key === 'string' ? record.key.slice(0, 200) : `record ${index + 1}`);
        }
      }
      return { papers: papers.sort((a, b) => b.savedAt - a.savedAt), unreadable };
    },

    async which(keys) {
      const tx = (await db()).transaction('saved');
      const found = await Promise.all(keys.map((key) => tx.store.getKey(key)));
      return found.filter((key): key is string => key !== undefined);
    },

    async save(key, page) {
      const known = await cachedPaper(key).catch(() => null);
      const snapshot: SavedPaper = {
        key,
        arxivId: key.startsWith('doi:') ? (known?.paper.arxivId ?? null) : key,
        version: page.version,
        title: known?.paper.title || page.title,
        authors: known && known.paper.authors.length > 0 ? known.paper.authors.map((a) => a.name) : page.authors,
        abstract: known?.paper.abstract ?? null,
        publicationDate: known?.paper.publicationDate ?? null,
        year: known?.paper.year ?? null,
        primaryCategory: page.primaryCategory,
        doi: key.startsWith('doi:') ? key.slice(4) : null,
        citationCount: known?.paper.citationCount ?? null,
        savedAt: now(),
        tags: [],
        note: '',
        status: 'to-read',
      };
      const tx = (await db()).transaction('saved', 'readwrite');
      const existing = await tx.store.get(key);
      // Saving again keeps what the reader added; the snapshot is refreshed.
      const record = existing ? { ...snapshot, savedAt: existing.savedAt, tags: existing.tags, note: existing.note, status: existing.status } : snapshot;
      await tx.store.put(record);
      await tx.done;
      return record;
    },

    async remove(keys) {
      const tx = (await db()).transaction('saved', 'readwrite');
      const removed: SavedPaper[] = [];
      for (const key of keys) {
        const record = await tx.store.get(key);
        if (!record) continue;
        removed.push(record);
        await tx.store.delete(key);
      }
      await tx.done;
      return removed;
    },

    async restore(papers) {
      const tx = (await db()).transaction('saved', 'readwrite');
      for (const paper of papers) await tx.store.put(paper);
      await tx.done;
    },

    async update(keys, changes) {
      const tx = (await db()).transaction('saved', 'readwrite');
      const updated: SavedPaper[] = [];
      for (const key of keys) {
        const record = await tx.store.get(key);
        if (!record) continue;
        const next = { ...record, ...changes, ...(changes.tags ? { tags: cleanTags(changes.tags) } : {}) };
        await tx.store.put(next);
        updated.push(next);
      }
      await tx.done;
      return updated;
    },

    async importFile(content) {
      const incoming = readImport(content, now()); // throws with a reason; nothing written yet
      // Several versions or records of one paper in the file become one.
      const byKey = new Map<PaperKey, SavedPaper>();
      for (const paper of incoming) {
        const seen = byKey.get(paper.key);
        byKey.set(paper.key, seen ? mergeSaved(seen, paper) : paper);
      }
      const tx = (await db()).transaction('saved', 'readwrite');
      let added = 0;
      let merged = 0;
      for (const paper of byKey.values()) {
        const existing = await tx.store.get(paper.key);
        if (existing) merged++;
        else added++;
        await tx.store.put(existing ? mergeSaved(existing, paper) : paper);
      }
      await tx.done;
      return { added, merged };
    },
  };
  // A full disk fails a write with a clear message; the transaction is aborted, so nothing changed.
  return {
    ...service,
    save: (key, page) => writing(() => service.save(key, page)),
    remove: (keys) => writing(() => service.remove(keys)),
    restore: (papers) => writing(() => service.restore(papers)),
    update: (keys, changes) => writing(() => service.update(keys, changes)),
    importFile: (content) => writing(() => service.importFile(content)),
  };
}
