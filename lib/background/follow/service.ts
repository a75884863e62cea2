// Authors the reader follows, and the papers by them that pages showed: the popup lists those seen
// since it last showed them.

import type { PaperKey, PaperWithAuthors } from '../../core/model';
import type { Database, FollowRecord, SightingRecord } from '../store/db';
import { DEFAULT_PREFS } from '../store/db';

/** Sightings kept; older ones go first. */
export const MAX_SIGHTINGS = 500;
/** Papers the popup lists at most. */
export const NEWS_SHOWN = 20;

export interface FollowNews {
  papers: SightingRecord[];
  /** The time the popup last showed papers; null on the first look. */
  since: number | null;
}

export interface FollowService {
  list(): Promise<FollowRecord[]>;
  follow(author: { authorId: string; name: string }): Promise<FollowRecord[]>;
  unfollow(authorId: string): Promise<FollowRecord[]>;
  /** Records the papers by followed authors among those a page showed. */
  noteSightings(papers: Record<PaperKey, PaperWithAuthors | null>): Promise<void>;
  /** Papers by followed authors seen since the last call, newest first; the next call starts from now. */
  news(): Promise<FollowNews>;
}

export function createFollowService(db: () => Promise<Database>, now: () => number = Date.now): FollowService {
  // The follow list is read on every page's papers request: kept in memory, dropped on change.
  let cached: Promise<Map<string, FollowRecord>> | null = null;
  const followed = () => (cached ??= db().then(async (database) => new Map((await database.getAll('follows')).map((record) => [record.authorId, record]))));

  async function list() {
    return [...(await followed()).values()].sort((a, b) => a.followedAt - b.followedAt);
  }

  return {
    list,
    async follow(author) {
      const database = await db();
      if (!(await database.get('follows', author.authorId))) await database.put('follows', { authorId: author.authorId, name: author.name, followedAt: now() });
      cached = null;
      return list();
    },
    async unfollow(authorId) {
      await (await db()).delete('follows', authorId);
      cached = null;
      return list();
    },
    async noteSightings(papers) {
      const people = await followed();
      if (people.size === 0) return;
      const seen: SightingRecord[] = [];
      for (const [key, entry] of Object.entries(papers)) {
        if (!entry) continue;
        const theirs = entry.authors.filter((author) => people.has(author.authorId));
        if (theirs.length === 0) continue;
        seen.push({
          key,
          title: entry.paper.title,
          arxivId: entry.paper.arxivId,
          authors: entry.paper.authors.map((author) => author.name),
          followed: theirs.map((author) => ({ authorId: author.authorId, name: people.get(author.authorId)?.name ?? author.name })),
          seenAt: now(),
        });
      }
      if (seen.length === 0) return;
      const tx = (await db()).transaction('sightings', 'readwrite');
      // A paper seen before keeps its first sighting: it is not new again.
      for (const record of seen) if (!(await tx.store.getKey(record.key))) await tx.store.put(record);
      const excess = (await tx.store.count()) - MAX_SIGHTINGS;
      let cursor = excess > 0 ? await tx.store.index('seenAt').openCursor() : null;
      for (let left = excess; cursor && left > 0; left--) {
        await cursor.delete();
        cursor = await cursor.continue();
      }
      await tx.done;
    },
    async news() {
      const database = await db();
      const tx = database.transaction(['sightings', 'prefs'], 'readwrite');
      const prefs = { ...DEFAULT_PREFS, ...(await tx.objectStore('prefs').get('prefs')) };
      const since = prefs.sightingsSeenAt ?? null;
      const fresh = await tx.objectStore('sightings').index('seenAt').getAll(since === null ? undefined : IDBKeyRange.lowerBound(since, true));
      await tx.objectStore('prefs').put({ ...prefs, sightingsSeenAt: now() }, 'prefs');
      await tx.done;
      return { papers: fresh.sort((a, b) => b.seenAt - a.seenAt).slice(0, NEWS_SHOWN), since };
    },
  };
}
