// The scheduled check for new papers by followed authors: which sources to ask (OpenAlex for the
// authors it is known to match, Semantic Scholar for the others), the announcements
// it stores (each paper once, never again after a worker restart), and where the check stands.
// The browser's alarm calls `check`; the entrypoint owns the alarm, the badge and notifications.

import {
  announcements,
  inRequests,
  inWindow,
  INITIAL_ALERT_STATE,
  MAX_ALERTS,
  MAX_LISTED_AUTHORS,
  nextCheckAt,
  windowStart,
  type AlertHooks,
  type AlertRecord,
  type AlertState,
  type FoundPaper,
} from '../../core/alerts';
import type { Backup } from '../../core/backup';
import { arxivIdOfKey, doiOfKey, paperKeyFor, parseArxivId, sourceOfAuthorId, type PaperKey } from '../../core/ids';
import type { AlertsView, FollowRecord } from '../../core/protocol/wire';
import type { Settings } from '../../core/settings';
import type { BackupPart } from '../backup/part';
import type { Context } from '../context';
import type { HandlersFor } from '../router';
import type { Sources } from '../sources';

/** Announcements the Following tab and the popup list at most. */
export const ALERTS_SHOWN = 200;

export interface AlertsDeps extends AlertHooks {
  sources: Pick<Sources, 'semanticScholar' | 'openAlex'>;
  follows: () => Promise<FollowRecord[]>;
  settings: () => Promise<Settings>;
  /** Every profile of the person a followed author is part of (persons/), the author first. */
  profilesOf?: (authorId: string) => Promise<string[]>;
}

export type AlertsFeature = ReturnType<typeof createAlerts>;

const keyOf = (arxivId: string | null, doi: string | null): PaperKey | null => {
  const arxiv = arxivId ? parseArxivId(arxivId) : null;
  if (arxiv) return paperKeyFor({ arxiv });
  return doi ? paperKeyFor({ doi }) : null;
};

export function createAlerts({ db, now, shared }: Pick<Context, 'db' | 'now' | 'shared'>, deps: AlertsDeps) {
  async function state(): Promise<AlertState> {
    return { ...INITIAL_ALERT_STATE, ...(await (await db()).get('alertState', 'state')) };
  }

  async function unseenCount(): Promise<number> {
    return (await (await db()).getAll('alerts')).filter((alert) => !alert.seen).length;
  }

  const tellUnseen = async () => deps.onUnseen?.(await unseenCount());

  /** The OpenAlex id of each followed author OpenAlex is known to match (from the author's card), or who is an OpenAlex author. */
  async function openAlexIds(follows: readonly FollowRecord[]): Promise<Map<string, string>> {
    const tx = (await db()).transaction('openalex');
    const records = await Promise.all(follows.map((follow) => (sourceOfAuthorId(follow.authorId) === 'openalex' ? null : tx.store.get(follow.authorId))));
    const ids = new Map<string, string>();
    follows.forEach((follow, index) => {
      const openAlexId = sourceOfAuthorId(follow.authorId) === 'openalex' ? follow.authorId : (records[index]?.openAlexId ?? null);
      if (openAlexId) ids.set(follow.authorId, openAlexId);
    });
    return ids;
  }

  /** Every paper the sources list for the followed authors from `from` on; `failed` says which requests failed. */
  async function find(followed: readonly FollowRecord[], from: string): Promise<{ found: FoundPaper[]; failed: string[] }> {
    const found: FoundPaper[] = [];
    const failed: string[] = [];
    // A followed person is checked under each of their profiles; a paper is announced as theirs.
    const owner = new Map<string, { authorId: string; name: string }>();
    for (const follow of followed) {
      for (const profileId of (await deps.profilesOf?.(follow.authorId)) ?? [follow.authorId]) {
        if (!owner.has(profileId)) owner.set(profileId, { authorId: follow.authorId, name: follow.name });
      }
    }
    const follows = [...owner].map(([authorId, { name }]) => ({ authorId, name, followedAt: 0 }));
    const ownerOf = (follow: { authorId: string }) => owner.get(follow.authorId)!;
    const byId = new Map(follows.map((follow) => [follow.authorId, follow]));
    // OpenAlex answers only the window: one small request per 100 authors it knows.
    const matched = await openAlexIds(follows);
    const followerOf = new Map([...matched].map(([followedId, openAlexId]) => [openAlexId, byId.get(followedId)!]));
    for (const group of inRequests([...new Set(matched.values())])) {
      try {
        for (const work of await deps.sources.openAlex.worksByAuthorsSince(group, from)) {
          const owners = work.authorships.flatMap((authorship) => {
            const follow = authorship.authorId ? followerOf.get(authorship.authorId) : undefined;
            return follow ? [ownerOf(follow)] : [];
          });
          const followed = [...new Map(owners.map((entry) => [entry.authorId, entry])).values()];
          if (followed.length === 0 || !inWindow(work.publicationDate, from)) continue;
          found.push({
            key: work.key,
            title: work.title,
            arxivId: arxivIdOfKey(work.key),
            doi: doiOfKey(work.key),
            publicationDate: work.publicationDate,
            authors: work.authorships.slice(0, MAX_LISTED_AUTHORS).map((authorship) => authorship.name),
            authorCount: work.authorships.length,
            followed,
            via: ['openalex'],
          });
        }
      } catch (error) {
        failed.push(`OpenAlex: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    // Semantic Scholar answers each author's whole list (about 370 bytes a paper): asked only for
    // the authors OpenAlex is not known to match; only dated papers in the window are new.
    const s2Ids = follows.map((follow) => follow.authorId).filter((id) => sourceOfAuthorId(id) === 'semanticscholar' && !matched.has(id));
    for (const group of inRequests(s2Ids)) {
      try {
        for (const [authorId, papers] of await deps.sources.semanticScholar.authorsPapers(group)) {
          const follow = byId.get(authorId)!;
          // One author's trouble costs that author: the check is not complete, the others' papers stand.
          if (papers instanceof Error) {
            failed.push(`Semantic Scholar, ${follow.name}: ${papers.message}`);
            continue;
          }
          for (const { paper, doi } of papers) {
            const key = keyOf(paper.arxivId, doi);
            if (!key || paper.publicationDate === null || !inWindow(paper.publicationDate, from)) continue;
            found.push({
              key,
              title: paper.title,
              arxivId: paper.arxivId,
              doi,
              publicationDate: paper.publicationDate,
              authors: paper.authors.slice(0, MAX_LISTED_AUTHORS).map((author) => author.name),
              authorCount: paper.authors.length,
              followed: [ownerOf(follow)],
              via: ['semanticscholar'],
            });
          }
        }
      } catch (error) {
        failed.push(`Semantic Scholar: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    return { found, failed };
  }

  /** Stores what is new (each paper once, ever), drops the oldest seen past MAX_ALERTS; answers what was announced. */
  async function store(found: readonly FoundPaper[], at: number): Promise<AlertRecord[]> {
    const tx = (await db()).transaction('alerts', 'readwrite');
    const known = new Set(await tx.store.getAllKeys());
    const fresh = announcements(found, known, at);
    for (const alert of fresh) void tx.store.put(alert);
    const excess = known.size + fresh.length - MAX_ALERTS;
    if (excess > 0) {
      const oldest = (await tx.store.index('foundAt').getAll()).filter((alert) => alert.seen).slice(0, excess);
      for (const alert of oldest) void tx.store.delete(alert.key);
    }
    await tx.done;
    return fresh;
  }

  async function saveState(next: AlertState): Promise<AlertState> {
    await (await db()).put('alertState', next, 'state');
    deps.schedule?.(next.nextAt);
    return next;
  }

  /** One check, now (the alarm's and "Check now"'s handler); a second call while one runs shares it. */
  function check(): Promise<{ announced: AlertRecord[]; state: AlertState }> {
    return shared('alerts:check', async () => {
      const [before, settings, follows] = await Promise.all([state(), deps.settings(), deps.follows()]);
      const at = now();
      // Offline: nothing is asked; the next chance is a little later, and that is no failure.
      if (deps.online && !deps.online()) {
        const next = { ...before, lastAttemptAt: at, lastError: 'offline' };
        return { announced: [], state: await saveState({ ...next, nextAt: settings.alertSchedule === 'off' ? null : at + 15 * 60_000 }) };
      }
      const { found, failed } = follows.length > 0 ? await find(follows, windowStart(before, at)) : { found: [], failed: [] };
      // What was found is kept even if a request failed; the window moves on only when all answered.
      const announced = await store(found, at);
      const next: AlertState =
        failed.length === 0
          ? { ...before, lastSuccessAt: at, lastAttemptAt: at, failures: 0, lastError: null }
          : { ...before, lastAttemptAt: at, failures: before.failures + 1, lastError: failed.join('; ').slice(0, 500) };
      const saved = await saveState({ ...next, nextAt: nextCheckAt(next, settings.alertSchedule, at) });
      await tellUnseen();
      if (announced.length > 0) deps.onFound?.(announced);
      return { announced, state: saved };
    });
  }

  /**
   * Sets the alarm from the stored state and the schedule: at every start of the background (a check
   * still due later keeps its time, so frequent restarts do not put it off), and when the setting
   * changes (`changed`: the time is worked out again).
   */
  async function reschedule(changed = false): Promise<AlertState> {
    const [before, settings] = await Promise.all([state(), deps.settings()]);
    const at = now();
    const computed = nextCheckAt(before, settings.alertSchedule, at);
    const nextAt = !changed && computed !== null && before.nextAt !== null && before.nextAt > at ? before.nextAt : computed;
    await tellUnseen();
    return saveState({ ...before, nextAt });
  }

  async function view(): Promise<AlertsView> {
    const [all, current] = await Promise.all([(await db()).getAll('alerts'), state()]);
    const newest = all.sort((a, b) => b.foundAt - a.foundAt || (b.publicationDate ?? '').localeCompare(a.publicationDate ?? ''));
    return { papers: newest.slice(0, ALERTS_SHOWN), unseen: all.filter((alert) => !alert.seen).length, state: current };
  }

  /** Marks these announcements seen (all of them without keys). */
  async function markSeen(keys?: readonly PaperKey[]): Promise<AlertsView> {
    const tx = (await db()).transaction('alerts', 'readwrite');
    const chosen = keys ? (await Promise.all(keys.map((key) => tx.store.get(key)))).filter((alert): alert is AlertRecord => alert !== undefined) : await tx.store.getAll();
    for (const alert of chosen) if (!alert.seen) void tx.store.put({ ...alert, seen: true });
    await tx.done;
    const after = await view();
    deps.onUnseen?.(after.unseen);
    return after;
  }

  const handlers: HandlersFor<'alerts' | 'alertsSeen' | 'alertsCheck'> = {
    alerts: () => view(),
    alertsSeen: ({ keys }) => markSeen(keys),
    alertsCheck: async () => (await check(), view()),
  };

  const backup: BackupPart<Pick<Backup, 'alerts'>> = {
    stores: ['alerts'],
    export: async () => ({ alerts: await (await db()).getAll('alerts') }),
    async merge(tx, { alerts }) {
      const store = tx.objectStore('alerts');
      for (const alert of alerts) {
        const here = await store.get(alert.key);
        // Seen here or there is seen.
        await store.put(here ? { ...here, seen: here.seen || alert.seen } : alert);
      }
      return { alerts: alerts.length };
    },
    imported: () => void tellUnseen(),
  };

  return { check, reschedule, view, state, markSeen, handlers, backup };
}
