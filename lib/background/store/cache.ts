// Cache policy: how long records stay fresh, how many each store keeps, and the read-through,
// use marking and eviction every cached list shares. A fresh record is served without any request.

import { CACHE_STORES, type CacheInfo } from '../../core/protocol/wire';
import type { Database } from './db';

const DAY = 24 * 60 * 60 * 1000;

export const TTL = {
  paper: 7 * DAY,
  /** An id the source did not know yet; new papers appear within a day or two. */
  missingPaper: 1 * DAY,
  author: 7 * DAY,
  publications: 7 * DAY,
} as const;

export function isFresh(fetchedAt: number, ttlMs: number, now: number = Date.now()): boolean {
  return now - fetchedAt < ttlMs && fetchedAt <= now;
}

/** How many records each cache store keeps; past that the least recently used are dropped. */
export const CAPS = { papers: 20_000, authors: 50_000, publications: 2_000 } as const;

/** Reading a record marks it used at most this often (every mark is a write). */
export const USE_MARK_INTERVAL = 60 * 60 * 1000;

/** Cached lists are evicted least recently used first, so reading one marks it. */
export type ListStore = 'publications' | 'citationLists' | 'related' | 'openalex' | 'profileSearches';

export interface CacheDeps {
  db: () => Promise<Database>;
  now: () => number;
  caps: { papers: number; authors: number; publications: number };
  shared<T>(key: string, task: () => Promise<T>): Promise<T>;
}

export type Cache = ReturnType<typeof createCache>;

export function createCache({ db, now, caps, shared }: CacheDeps) {
  // Writes answered before they committed (papers/index.ts): counting or clearing waits for them,
  // so a clear is never followed by a late write.
  const writes = new Set<Promise<unknown>>();
  const settled = () => Promise.allSettled([...writes]);

  // Marks a list as read, at most hourly, not awaited.
  function used<T extends { usedAt?: number }>(record: T, store: ListStore | undefined): T {
    const at = now();
    if (store && at - (record.usedAt ?? 0) > USE_MARK_INTERVAL) void db().then((database) => database.put(store, { ...record, usedAt: at } as never)).catch(() => undefined);
    return record;
  }

  // Past a store's cap the least recently used records go (papers, lists) or, for authors, the
  // longest unrefreshed. The reader's own stores are never touched.
  async function evictOverCap(): Promise<void> {
    const database = await db();
    const trim = async (store: 'papers' | 'authors' | ListStore, index: 'usedAt' | 'fetchedAt', cap: number) => {
      const excess = (await database.count(store)) - cap;
      if (excess <= 0) return;
      // Down to 90% of the cap, so eviction does not run on every write.
      let toDrop = excess + Math.floor(cap / 10);
      const tx = database.transaction(store, 'readwrite');
      // Oldest first along the index.
      let cursor = await tx.store.index(index as never).openCursor();
      for (; cursor && toDrop > 0; toDrop--) {
        await cursor.delete();
        cursor = await cursor.continue();
      }
      await tx.done;
    };
    await trim('papers', 'usedAt', caps.papers);
    await trim('publications', 'usedAt', caps.publications);
    await trim('authors', 'fetchedAt', caps.authors);
    await trim('citationLists', 'usedAt', caps.publications);
    await trim('related', 'usedAt', caps.publications);
    await trim('openalex', 'usedAt', caps.publications);
    await trim('profileSearches', 'usedAt', caps.publications);
  }

  return {
    used,
    /** A write still going on after its answer was given; info and clear wait for it. */
    track(write: Promise<unknown>): void {
      writes.add(write);
      void write.finally(() => writes.delete(write)).catch(() => undefined);
    },
    /** Runs eviction after a write, never in the writer's way. */
    evictSoon: () => void evictOverCap().catch(() => undefined),
    /**
     * A cached record while it is fresh; else fetched once (callers in flight share the request) and
     * stored by `fetch`. When the fetch fails, the cached record, however old, is better than nothing.
     */
    async readThrough<T extends { fetchedAt: number; usedAt?: number }>(cached: T | undefined, ttl: number, key: string, fetch: () => Promise<T>, store?: ListStore): Promise<T> {
      if (cached && isFresh(cached.fetchedAt, ttl, now())) return used(cached, store);
      try {
        return await shared(key, fetch);
      } catch (error) {
        if (cached) return used(cached, store);
        throw error;
      }
    },
    async info(): Promise<CacheInfo> {
      await settled();
      const database = await db();
      const counts = await Promise.all(CACHE_STORES.map((store) => database.count(store)));
      return Object.fromEntries(CACHE_STORES.map((store, index) => [store, counts[index] ?? 0])) as CacheInfo;
    },
    /** Empties the cached copies of source data; the reader's own stores stay. */
    async clear(): Promise<void> {
      await settled();
      const tx = (await db()).transaction([...CACHE_STORES], 'readwrite');
      await Promise.all([...CACHE_STORES.map((store) => tx.objectStore(store).clear()), tx.done]);
    },
  };
}
