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
  /** The authors the reader follows: a listing's cut answer keeps them. */
  followedIds?: () => Promise<ReadonlySet<string>>;
}

/** How a page wants its answer: `urgent` (in view: asked at once, alone), `authorLimit` (a listing's cut). */
export interface PapersRequest {
  urgent?: boolean;
  authorLimit?: number;
  onRefreshed?: (fresh: Papers) => void;
}

/** A listing's view of an answer: no abstract or author list, the first `limit` authors and the followed ones, and what was left out. */
export function cutToListing(answer: PaperWithAuthors, limit: number, followed: ReadonlySet<string>): PaperWithAuthors {
  const paper = { ...answer.paper, abstract: null, authors: [] };
  if (answer.authors.length <= limit) return { ...answer, paper };
  const kept = answer.authors.filter((author, index) => index < limit || followed.has(author.authorId));
  const left = answer.authors.filter((author, index) => index >= limit && !followed.has(author.authorId));
  const hs = left.map((author) => author.hIndex).filter((h): h is number => h !== null);
  return { ...answer, paper, authors: kept, omitted: { authors: left.length, hIndexMax: hs.length > 0 ? Math.max(...hs) : null } };
}

export type PapersFeature = ReturnType<typeof createPapers>;

export function createPapers(ctx: Context, deps: PapersDeps) {
  const { db, now } = ctx;

  // Unknown papers, and papers the primary source did not have, are asked for again within a day.
  function fresh(record: PaperRecord, at: number, ttl: { paper: number; missingPaper: number }, primary: PrimarySource): boolean {
    const full = record.paper !== null && sourceOf(record) === primary;
    return isFresh(record.fetchedAt, full ? ttl.paper : ttl.missingPaper, at);
  }

  // Records answered before their write has committed: a page gets its answer without waiting for
  // IndexedDB (a listing's batch writes thousands of authors), and a read in between finds them here.
  const unwritten = new Map<PaperKey, PaperRecord>();
  const unwrittenAuthors = new Map<string, Author>();

  const fetchPapers = createBatcher<PaperRecord>(async (keys) => {
    const primary = await deps.primary();
    const answers = await askSources(deps.sources.paperOrder(primary), keys);
    const { records, authors, written } = await storeAnswers(await db(), keys, primary, answers, now());
    for (const [key, record] of records) if (!(record instanceof Error)) unwritten.set(key, record);
    for (const [id, author] of authors) unwrittenAuthors.set(id, author);
    deps.cache.track(written);
    void written
      .finally(() => {
        for (const [key, record] of records) if (unwritten.get(key) === record) unwritten.delete(key);
        for (const [id, author] of authors) if (unwrittenAuthors.get(id) === author) unwrittenAuthors.delete(id);
        deps.cache.evictSoon();
      })
      .catch(() => undefined);
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
        const record: unknown = unwritten.get(key) ?? (await tx.store.get(key));
        // A damaged record counts as missing: it is fetched again and overwritten.
        if (isPaperRecord(record, key)) records.set(key, record);
      }),
    );
    await tx.done;
    return records;
  }

  async function present(keys: readonly PaperKey[], records: Map<PaperKey, PaperRecord>, authorLimit?: number): Promise<Papers> {
    const known = keys.map((key) => records.get(key)).filter((record): record is PaperRecord & { paper: NonNullable<PaperRecord['paper']> } => !!record?.paper);
    const authors = await deps.correctAuthors(known.map((record) => record.authors));
    const followed = authorLimit === undefined ? null : ((await deps.followedIds?.().catch(() => null)) ?? new Set<string>());
    const result: Papers = Object.fromEntries(keys.map((key) => [key, null]));
    known.forEach((record, index) => {
      const answer: PaperWithAuthors = { paper: record.paper, authors: authors[index]!, fetchedAt: record.fetchedAt, ...(record.source ? { source: record.source } : {}) };
      result[record.key] = followed ? cutToListing(answer, authorLimit!, followed) : answer;
    });
    return result;
  }

  /**
   * Papers by key with their authors; null for unknown papers. Stale records are answered at once
   * and refreshed; `onRefreshed` receives the new versions, so what is on screen can be updated.
   * `urgent`: the reader is looking at these; what must be fetched goes out at once, alone.
   */
  async function get(keys: readonly PaperKey[], { urgent = false, authorLimit, onRefreshed }: PapersRequest = {}): Promise<Papers> {
    const ids = [...new Set(keys)];
    const database = await db();
    const records = await read(database, ids);
    markUsed(database, records.values());
    const at = now();
    const [ttl, primary] = await Promise.all([deps.lifetimes(), deps.primary()]);
    const missing = ids.filter((id) => !records.has(id));
    const stale = ids.filter((id) => records.has(id) && !fresh(records.get(id)!, at, ttl, primary));
    if (missing.length > 0) for (const [id, record] of await fetchPapers(missing, urgent)) records.set(id, record);
    if (stale.length > 0) {
      // Stale data now, fresh data when it comes; a failed refresh keeps the stale records.
      fetchPapers(stale).then(
        async (refreshed) => onRefreshed?.(await present(stale, refreshed, authorLimit)),
        () => undefined,
      );
    }
    return present(ids, records, authorLimit);
  }

  /**
   * Cached papers that name an author Semantic Scholar no longer has (merged into another profile)
   * are asked for again the next time a page shows them: one pass over the cache, on a rare event.
   */
  async function expireNaming(authorId: string): Promise<number> {
    const tx = (await db()).transaction('papers', 'readwrite');
    let expired = 0;
    for (let cursor = await tx.store.openCursor(); cursor; cursor = await cursor.continue()) {
      const record = cursor.value;
      if (record.fetchedAt === 0 || !record.authors?.some((author) => author.authorId === authorId)) continue;
      void cursor.update({ ...record, fetchedAt: 0 });
      expired += 1;
    }
    await tx.done;
    return expired;
  }

  /** What the cache knows of a paper, without asking the network (saving snapshots it). */
  async function cached(key: PaperKey): Promise<PaperWithAuthors | null> {
    const record = await (await db()).get('papers', key);
    return record?.paper ? { paper: record.paper, authors: record.authors, fetchedAt: record.fetchedAt } : null;
  }

  const handlers: HandlersFor<'papers'> = {
    async papers({ keys, urgent, authorLimit }, sender: Sender) {
      const tabId = sender.tab?.id;
      const notify = deps.notifyTab;
      const shown = await get(keys, { urgent, authorLimit, onRefreshed: notify && tabId !== undefined ? (refreshed) => notify(tabId, refreshed) : undefined });
      void deps.onShown?.(shown).catch(() => undefined);
      return shown;
    },
  };

  return {
    get,
    cached,
    expireNaming,
    handlers,
    /** An author from a paper batch whose write has not committed yet (the author card looks here first). */
    unwrittenAuthor: (authorId: string): Author | undefined => unwrittenAuthors.get(authorId),
  };
}
