// Authors the reader follows, and the papers by them that pages showed: the popup lists those seen
// since it last showed them. The follow list is read on every page's papers request, so it is kept
// in memory and dropped whenever this feature writes the store (an import included).

import { MAX_FOLLOWS, type Backup } from '../../core/backup';
import type { PaperKey } from '../../core/ids';
import type { PaperWithAuthors } from '../../core/model';
import { INITIAL_ALERT_STATE } from '../../core/alerts';
import type { AlertsView, FollowNews, FollowRecord, SightingRecord } from '../../core/protocol/wire';
import { DEFAULT_PREFS } from '../../core/settings';
import type { BackupPart } from '../backup/part';
import type { Context } from '../context';
import type { HandlersFor } from '../router';

/** Sightings kept; older ones go first. */
export const MAX_SIGHTINGS = 500;
/** Papers the popup lists at most. */
export const NEWS_SHOWN = 20;

export type FollowFeature = ReturnType<typeof createFollow>;

export function createFollow({ db, now }: Pick<Context, 'db' | 'now'>) {
  let cached: Promise<Map<string, FollowRecord>> | null = null;
  const followed = () => (cached ??= db().then(async (database) => new Map((await database.getAll('follows')).map((record) => [record.authorId, record]))));

  async function list(): Promise<FollowRecord[]> {
    return [...(await followed()).values()].sort((a, b) => a.followedAt - b.followedAt);
  }

  async function follow(author: { authorId: string; name: string }): Promise<FollowRecord[]> {
    const database = await db();
    if (!(await database.get('follows', author.authorId))) {
      if ((await database.count('follows')) >= MAX_FOLLOWS) throw new Error(`You follow ${MAX_FOLLOWS} authors, as many as ScholarScope keeps; unfollow someone first`);
      await database.put('follows', { authorId: author.authorId, name: author.name, followedAt: now() });
    }
    cached = null;
    return list();
  }

  async function unfollow(authorId: string): Promise<FollowRecord[]> {
    await (await db()).delete('follows', authorId);
    cached = null;
    return list();
  }

  /** Records the papers by followed authors among those a page showed. */
  async function noteSightings(papers: Record<PaperKey, PaperWithAuthors | null>): Promise<void> {
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
  }

  /**
   * Papers by followed authors: those the scheduled check announced and the reader has not seen,
   * then those pages showed since the last call (each paper once), newest first; the next call's
   * sightings start from now.
   */
  async function news(alerts: AlertsView = { papers: [], unseen: 0, state: INITIAL_ALERT_STATE }): Promise<FollowNews> {
    const tx = (await db()).transaction(['sightings', 'prefs'], 'readwrite');
    const prefs = { ...DEFAULT_PREFS, ...(await tx.objectStore('prefs').get('prefs')) };
    const since = prefs.sightingsSeenAt ?? null;
    const fresh = await tx.objectStore('sightings').index('seenAt').getAll(since === null ? undefined : IDBKeyRange.lowerBound(since, true));
    await tx.objectStore('prefs').put({ ...prefs, sightingsSeenAt: now() }, 'prefs');
    await tx.done;
    const announced = alerts.papers
      .filter((alert) => !alert.seen)
      .map((alert) => ({ key: alert.key, title: alert.title, arxivId: alert.arxivId, authors: alert.authors, followed: alert.followed, seenAt: alert.foundAt, announced: true }));
    const onPages = fresh.filter((sighting) => !announced.some((alert) => alert.key === sighting.key)).sort((a, b) => b.seenAt - a.seenAt);
    return { papers: [...announced, ...onPages].slice(0, NEWS_SHOWN), since, unseen: alerts.unseen };
  }

  // followNews is registered with the alerts it includes (background/index.ts).
  const handlers: HandlersFor<'followList' | 'follow' | 'unfollow'> = {
    followList: () => list(),
    follow: ({ author }) => follow(author),
    unfollow: ({ authorId }) => unfollow(authorId),
  };

  const backup: BackupPart<Pick<Backup, 'follows'>> = {
    stores: ['follows'],
    export: async () => ({ follows: (await list()).map(({ authorId, name }) => ({ authorId, name })) }),
    async merge(tx, { follows }) {
      for (const author of follows) {
        if (!(await tx.objectStore('follows').get(author.authorId))) await tx.objectStore('follows').put({ ...author, followedAt: now() });
      }
      return { follows: follows.length };
    },
    // The list in memory is from before the import.
    imported: () => void (cached = null),
  };

  return { list, follow, unfollow, noteSightings, news, handlers, backup };
}
