// The saved list, kept by the background: snapshots of paper metadata plus the reader's tags,
// notes and status. Every change is one IndexedDB transaction, so tabs saving at once lose nothing
// and an import is applied whole or not at all.

import type { Backup } from '../../core/backup';
import type { PaperKey } from '../../core/ids';
import type { PaperWithAuthors } from '../../core/model';
import type { PageSnapshot, SavedChanges, SavedPage } from '../../core/protocol/wire';
import { allTags, indexPaper, savedSummary, searchSaved, type IndexedPaper, type SavedQuery } from '../../core/saved/query';
import { mergeSaved, readImport, readSavedPaper } from '../../core/saved/importer';
import { MAX_SAVED_PAPERS, type SavedPaper } from '../../core/saved/model';
import { ImportError } from '../../core/saved/importer';
import { isRecord } from '../../core/validate';
import type { BackupPart, ImportTransaction } from '../backup/part';
import type { Context } from '../context';
import type { HandlersFor } from '../router';
import { writing } from '../store/records';

/** Tags as the reader means them: trimmed, no empties, no repeats. */
export function cleanTags(tags: readonly string[]): string[] {
  return [...new Set(tags.map((tag) => tag.trim()).filter(Boolean))];
}

/** The saved list is full: nothing of this change was stored. */
export class SavedListFullError extends ImportError {
  constructor(max: number) {
    super(`The saved list holds at most ${max.toLocaleString('en')} papers; remove some first. Nothing changed.`);
    this.name = 'SavedListFullError';
  }
}

/** Each paper of `incoming` merged into the store by key (arXiv versions are one paper); all or nothing past the list's size. */
async function mergeInto(tx: Pick<ImportTransaction, 'objectStore'>, incoming: readonly SavedPaper[], max: number): Promise<{ added: number; merged: number }> {
  const store = tx.objectStore('saved');
  // Counted before anything is written: a refused import leaves the list as it was.
  const existing = await Promise.all(incoming.map((paper) => store.get(paper.key)));
  const added = new Set(incoming.filter((_, index) => !existing[index]).map((paper) => paper.key)).size;
  if ((await store.count()) + added > max) throw new SavedListFullError(max);
  for (const [index, paper] of incoming.entries()) {
    const stored = existing[index] ?? (await store.get(paper.key));
    await store.put(stored ? mergeSaved(stored, paper) : paper);
  }
  return { added, merged: incoming.length - added };
}

export type SavedFeature = ReturnType<typeof createSaved>;

/** `cachedPaper`: what the cache knows of a paper, for the snapshot (saving never asks the network). */
export function createSaved(ctx: Context, cachedPaper: (key: PaperKey) => Promise<PaperWithAuthors | null>) {
  const { db, now } = ctx;
  const maxSaved = ctx.caps.saved ?? MAX_SAVED_PAPERS;

  /** Every readable saved paper, newest first, and the keys of records too damaged to show. */
  async function list(): Promise<{ papers: SavedPaper[]; unreadable: string[] }> {
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
  }

  // The library's index: each paper's summary and search text, built from the store once per worker
  // life and kept in step with every change made here; an import of many papers rebuilds it.
  let index: Promise<{ papers: Map<PaperKey, IndexedPaper>; unreadable: string[] }> | null = null;
  const loadIndex = (after?: Promise<void>) =>
    (index ??= (after ?? Promise.resolve()).then(list).then(
      ({ papers, unreadable }) => ({ papers: new Map(papers.map((paper) => [paper.key, indexPaper(paper)])), unreadable }),
      (error: unknown) => {
        index = null;
        throw error;
      },
    ));
  const indexed = {
    put(papers: readonly SavedPaper[]) {
      void index?.then((loaded) => papers.forEach((paper) => loaded.papers.set(paper.key, indexPaper(paper))));
    },
    drop(keys: readonly PaperKey[]) {
      void index?.then((loaded) => keys.forEach((key) => loaded.papers.delete(key)));
    },
    forget() {
      index = null;
    },
  };

  /**
   * The library's opening page before the index is built (a woken worker would read every record
   * first): the newest `limit` by the savedAt index, the count and the keys; tags and damaged
   * records come with the full answer, which the library asks for next (`partial`).
   */
  async function newestFirst(limit: number): Promise<SavedPage> {
    const tx = (await db()).transaction('saved');
    // The keys in saved order, then the page's records asked for together (a cursor's steps are one round trip each).
    const keys = (await tx.store.index('savedAt').getAllKeys()).reverse();
    const records = await Promise.all(keys.slice(0, limit).map((key) => tx.store.get(key)));
    const papers = records.flatMap((record, index) => {
      try {
        return [savedSummary(readSavedPaper(record, index))];
      } catch {
        return []; // Damaged records are named in the full answer.
      }
    });
    return { papers, matching: keys.length, keys, total: keys.length, tags: [], unreadable: [], partial: true };
  }

  /** What a query matches, `limit` from `offset`, searched in the index (no store read, no abstracts). */
  async function query(search: SavedQuery, offset: number, limit: number): Promise<SavedPage> {
    const opening = index === null && offset === 0 && search.text.trim() === '' && search.tag === null && search.status === null && search.sort === 'saved';
    if (opening) {
      const page = await newestFirst(limit);
      // Built once this answer has gone (reading every record holds the worker for a while); the
      // next question waits for it.
      loadIndex(new Promise((resolve) => setTimeout(resolve, 0))).catch(() => undefined);
      return page;
    }
    const { papers, unreadable } = await loadIndex();
    const matched = searchSaved(papers.values(), search);
    return {
      papers: matched.slice(offset, offset + limit),
      matching: matched.length,
      keys: matched.map((paper) => paper.key),
      total: papers.size,
      tags: allTags([...papers.values()].map((entry) => entry.paper)),
      unreadable,
    };
  }

  /** Whole records, newest first, a page at a time (exports read the list this way). */
  async function records(offset: number, limit: number): Promise<{ papers: SavedPaper[]; total: number }> {
    const { papers } = await list();
    return { papers: papers.slice(offset, offset + limit), total: papers.length };
  }

  async function which(keys: readonly PaperKey[]): Promise<PaperKey[]> {
    const tx = (await db()).transaction('saved');
    const found = await Promise.all(keys.map((key) => tx.store.getKey(key)));
    return found.filter((key): key is string => key !== undefined);
  }

  async function save(key: PaperKey, page: PageSnapshot): Promise<SavedPaper> {
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
      ...(known?.paper.published ? { published: known.paper.published } : {}),
      ...(page.withdrawn ? { withdrawn: page.withdrawn } : {}),
      savedAt: now(),
      tags: [],
      note: '',
      status: 'to-read',
    };
    const tx = (await db()).transaction('saved', 'readwrite');
    const existing = await tx.store.get(key);
    if (!existing && (await tx.store.count()) >= maxSaved) throw new SavedListFullError(maxSaved);
    // Saving again keeps what the reader added; the snapshot is refreshed.
    const record = existing ? { ...snapshot, savedAt: existing.savedAt, tags: existing.tags, note: existing.note, status: existing.status } : snapshot;
    await tx.store.put(record);
    await tx.done;
    return record;
  }

  /** Removes and answers the removed records, for undo. */
  async function remove(keys: readonly PaperKey[]): Promise<SavedPaper[]> {
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
  }

  /** Puts records back as they were (undo). */
  async function restore(papers: readonly SavedPaper[]): Promise<void> {
    const tx = (await db()).transaction('saved', 'readwrite');
    for (const paper of papers) await tx.store.put(paper);
    await tx.done;
  }

  async function update(keys: readonly PaperKey[], changes: SavedChanges): Promise<SavedPaper[]> {
    const tx = (await db()).transaction('saved', 'readwrite');
    const updated: SavedPaper[] = [];
    for (const key of keys) {
      const record = await tx.store.get(key);
      if (!record) continue;
      const { addTag, ...rest } = changes;
      const tags = rest.tags ?? record.tags;
      const next = { ...record, ...rest, tags: cleanTags(addTag === undefined ? tags : [...tags, addTag]) };
      await tx.store.put(next);
      updated.push(next);
    }
    await tx.done;
    return updated;
  }

  async function importFile(content: string): Promise<{ added: number; merged: number }> {
    const incoming = readImport(content, now()); // throws with a reason; nothing written yet
    // Several versions or records of one paper in the file become one.
    const byKey = new Map<PaperKey, SavedPaper>();
    for (const paper of incoming) {
      const seen = byKey.get(paper.key);
      byKey.set(paper.key, seen ? mergeSaved(seen, paper) : paper);
    }
    const tx = (await db()).transaction('saved', 'readwrite');
    const counts = await mergeInto(tx, [...byKey.values()], maxSaved);
    await tx.done;
    return counts;
  }

  // A full disk fails a write with a clear message; the transaction is aborted, so nothing changed.
  // Each change is also made to the library's index, once it is stored.
  const feature = {
    list,
    query,
    which,
    save: (key: PaperKey, page: PageSnapshot) => writing(() => save(key, page)).then((paper) => (indexed.put([paper]), paper)),
    remove: (keys: readonly PaperKey[]) => writing(() => remove(keys)).then((removed) => (indexed.drop(removed.map((paper) => paper.key)), removed)),
    restore: (papers: readonly SavedPaper[]) => writing(() => restore(papers)).then(() => indexed.put(papers)),
    update: (keys: readonly PaperKey[], changes: SavedChanges) => writing(() => update(keys, changes)).then((updated) => (indexed.put(updated), updated)),
    importFile: (content: string) => writing(() => importFile(content)).finally(indexed.forget),
  };

  const handlers: HandlersFor<'savedQuery' | 'savedRecords' | 'savedWhich' | 'savePaper' | 'unsave' | 'restoreSaved' | 'updateSaved'> = {
    savedQuery: ({ query: search, offset, limit }) => feature.query(search, offset, limit),
    savedRecords: ({ offset, limit }) => records(offset, limit),
    savedWhich: ({ keys }) => feature.which(keys),
    savePaper: ({ key, page }) => feature.save(key, page),
    unsave: ({ keys }) => feature.remove(keys),
    restoreSaved: async ({ papers }) => (await feature.restore(papers), null),
    updateSaved: ({ keys, changes }) => feature.update(keys, changes),
  };

  const backup: BackupPart<Pick<Backup, 'saved'>> = {
    stores: ['saved'],
    export: async () => ({ saved: (await list()).papers }),
    merge: async (tx, { saved }) => ({ saved: await mergeInto(tx, saved, maxSaved) }),
    imported: indexed.forget,
  };

  return { ...feature, handlers, backup };
}
