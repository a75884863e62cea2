// Papers for pages: fresh records come from IndexedDB with no request; missing ones are fetched in
// as few requests as the sources allow; stale ones are answered at once and refreshed behind.

import type { PaperKey } from '../../core/ids';
import type { Author, PaperWithAuthors, PrimarySource } from '../../core/model';
import type { Context } from '../context';
import type { HandlersFor, Sender } from '../router';
import type { Sources } from '../sources';
import { PAPER_BATCH_LIMIT } from '../../core/protocol/define';
import { isFresh, USE_MARK_INTERVAL, type Cache } from '../store/cache';
import type { Database } from '../store/db';
import { isPaperRecord } from '../store/records';
import type { PaperRecord } from '../store/schema';
import { createBatcher } from './batching';
import { askSources, sourceOf, storeAnswers } from './fallback';

type Papers = Record<PaperKey, PaperWithAuthors | null>;

export interface PapersDeps {
  sources: Sources;
  cache: Cache;
  primary: () => Promise<PrimarySource>;
  lifetimes: () => Promise<{ paper: number; missingPaper: number }>;
  /** The reader's corrections of who authors are, applied to what pages see. */
  correctAuthors: (lists: readonly Author[][]) => Promise<Author[][]>;
  /** Told what a page was shown (followed authors' papers are remembered); never in the way. */
  onShown?: (papers: Papers) => Promise<void>;
  /** Tells a tab that papers it showed stale have been refreshed. */
  notifyTab?: (tabId: number, papers: Papers) => void;
}

export type PapersFeature = ReturnType<typeof createPapers>;

export function createPapers(ctx: Context, deps: PapersDeps) {
  const { db, now } = ctx;

  // Unknown papers, and papers the primary source did not have, are asked for again within a day.
  function fresh(record: PaperRecord, at: number, ttl: { paper: number; missingPaper: number }, primary: PrimarySource): boolean {
    const full = record.paper !== null && sourceOf(record) === primary;
    return isFresh(record.fetchedAt, full ? ttl.paper : ttl.missingPaper, at);
  }

  const fetchPapers = createBatcher<PaperRecord>(async (keys) => {
    const primary = await deps.primary();
    const answers = await askSources(deps.sources.paperOrder(primary), keys);
    const records = await storeAnswers(await db(), keys, primary, answers, now());
    deps.cache.evictSoon();
    return records;
  }, PAPER_BATCH_LIMIT);

  // Marks records as shown, at most once an hour each, in one write.
  function markUsed(database: Database, records: Iterable<PaperRecord>) {
    const at = now();
    const due = [...records].filter((record) => at - (record.usedAt ?? 0) > USE_MARK_INTERVAL);
    if (due.length === 0) return;
    const tx = database.transaction('papers', 'readwrite');
    for (const record of due) void tx.store.put({ ...record, usedAt: at });
    tx.done.catch(() => undefined);
  }

  async function read(database: Database, keys: readonly PaperKey[]): Promise<Map<PaperKey, PaperRecord>> {
    const tx = database.transaction('papers');
    const records = new Map<PaperKey, PaperRecord>();
    await Promise.all(
      keys.map(async (key) => {
        const record: unknown = await tx.store.get(key);
        // A damaged record counts as missing: it is fetched again and overwritten.
        if (isPaperRecord(record, key)) records.set(key, record);
      }),
    );
    await tx.done;
    return records;
  }

  async function present(keys: readonly PaperKey[], records: Map<PaperKey, PaperRecord>): Promise<Papers> {
    const known = keys.map((key) => records.get(key)).filter((record): record is PaperRecord & { paper: NonNullable<PaperRecord['paper']> } => !!record?.paper);
    const authors = await deps.correctAuthors(known.map((record) => record.authors));
    const result: Papers = Object.fromEntries(keys.map((key) => [key, null]));
    known.forEach((record, index) => {
      result[record.key] = { paper: record.paper, authors: authors[index]!, fetchedAt: record.fetchedAt, ...(record.source ? { source: record.source } : {}) };
    });
    return result;
  }

  /**
   * Papers by key with their authors; null for unknown papers. Stale records are answered at once
   * and refreshed; `onRefreshed` receives the new versions, so what is on screen can be updated.
   */
  async function get(keys: readonly PaperKey[], onRefreshed?: (fresh: Papers) => void): Promise<Papers> {
    const ids = [...new Set(keys)];
    const database = await db();
    const records = await read(database, ids);
    markUsed(database, records.values());
    const at = now();
    const [ttl, primary] = await Promise.all([deps.lifetimes(), deps.primary()]);
    const missing = ids.filter((id) => !records.has(id));
    const stale = ids.filter((id) => records.has(id) && !fresh(records.get(id)!, at, ttl, primary));
    if (missing.length > 0) for (const [id, record] of await fetchPapers(missing)) records.set(id, record);
    if (stale.length > 0) {
      // Stale data now, fresh data when it comes; a failed refresh keeps the stale records.
      fetchPapers(stale).then(
        async (refreshed) => onRefreshed?.(await present(stale, refreshed)),
        () => undefined,
      );
    }
    return present(ids, records);
  }

  /** What the cache knows of a paper, without asking the network (saving snapshots it). */
  async function cached(key: PaperKey): Promise<PaperWithAuthors | null> {
    const record = await (await db()).get('papers', key);
    return record?.paper ? { paper: record.paper, authors: record.authors, fetchedAt: record.fetchedAt } : null;
  }

  const handlers: HandlersFor<'papers'> = {
    async papers({ keys }, sender: Sender) {
      const tabId = sender.tab?.id;
      const notify = deps.notifyTab;
      const shown = await get(keys, notify && tabId !== undefined ? (refreshed) => notify(tabId, refreshed) : undefined);
      void deps.onShown?.(shown).catch(() => undefined);
      return shown;
    },
  };

  return { get, cached, handlers };
}
