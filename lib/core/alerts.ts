// New papers by the people the reader follows, found by a scheduled check in the background: when
// to check, which dates to ask about, how long to wait after a failure, and how the papers the
// sources found become announcements (each paper once, however many sources and followed authors).

import { isAuthorId, isPaperKey, type PaperKey } from './ids';
import { isRecord, readIsoDate, readString } from './validate';

export type AlertSchedule = 'daily' | 'weekly' | 'off';
export const ALERT_SCHEDULES: readonly AlertSchedule[] = ['daily', 'weekly', 'off'];

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
export const PERIOD_MS: Record<Exclude<AlertSchedule, 'off'>, number> = { daily: DAY_MS, weekly: 7 * DAY_MS };
/** The first check asks about the last week: a newly followed author's recent papers are news. */
export const FIRST_WINDOW_DAYS = 7;
/** Sources date papers by day and index them a day or two late: each window reaches back this far before the last check. */
export const OVERLAP_DAYS = 2;
/** The first check after the schedule is turned on (or the extension installed) waits this long: not at browser start. */
export const FIRST_CHECK_DELAY_MS = 5 * 60_000;
/** After a failure: 15 minutes, doubling, at most 12 hours (and never past the next regular check). */
export const RETRY_BASE_MS = 15 * 60_000;
export const RETRY_MAX_MS = 12 * HOUR_MS;
/** Followed authors in one request: OpenAlex ORs at most 100 ids in a filter; Semantic Scholar's batch is held to the same. */
export const AUTHORS_PER_REQUEST = 100;
/** Announcements kept; the oldest seen ones go first. */
export const MAX_ALERTS = 500;

/** Where the check stands, kept in the store so a restarted worker carries on. */
export interface AlertState {
  /** When a check last finished with every request answered. */
  lastSuccessAt: number | null;
  lastAttemptAt: number | null;
  /** Failed checks since the last success. */
  failures: number;
  /** Why the last attempt failed (offline, a source's error), for the Following tab. */
  lastError: string | null;
  /** When the next check is due (the alarm's time); null when checks are off. */
  nextAt: number | null;
}

export const INITIAL_ALERT_STATE: AlertState = { lastSuccessAt: null, lastAttemptAt: null, failures: 0, lastError: null, nextAt: null };

/** A paper announced to the reader. */
export interface AlertRecord {
  key: PaperKey;
  title: string;
  arxivId: string | null;
  doi: string | null;
  /** ISO date as the source gave it. */
  publicationDate: string | null;
  /** First authors as listed (at most MAX_LISTED_AUTHORS) and how many there are. */
  authors: string[];
  authorCount: number;
  /** The followed authors on it. */
  followed: { authorId: string; name: string }[];
  /** The sources that listed it. */
  via: ('semanticscholar' | 'openalex')[];
  foundAt: number;
  seen: boolean;
}

export const MAX_LISTED_AUTHORS = 10;

/** What the browser gives the check: whether it is online, its alarm, the toolbar badge, notifications. */
export interface AlertHooks {
  /** Whether the browser says it is online (a check offline asks nothing and tries again later). */
  online?: () => boolean;
  /** Sets the alarm for the next check (null: none). */
  schedule?: (when: number | null) => void;
  /** Told the number of unseen announcements after every change (the toolbar badge). */
  onUnseen?: (count: number) => void;
  /** Told what a check found, when it found something (system notifications, if the reader wants them). */
  onFound?: (papers: AlertRecord[]) => void;
}

/** A paper a source listed for one or more followed authors. */
export type FoundPaper = Omit<AlertRecord, 'foundAt' | 'seen'>;

export function retryDelayMs(failures: number): number {
  return Math.min(RETRY_BASE_MS * 2 ** Math.max(0, failures - 1), RETRY_MAX_MS);
}

/** When the next check should run, from the state after the last attempt; null when off. */
export function nextCheckAt(state: AlertState, schedule: AlertSchedule, now: number): number | null {
  if (schedule === 'off') return null;
  const period = PERIOD_MS[schedule];
  if (state.failures > 0 && state.lastAttemptAt !== null) {
    // The backoff, unless the regular check comes first (an overdue one does not cut the backoff short).
    const retryAt = state.lastAttemptAt + retryDelayMs(state.failures);
    const regularAt = state.lastSuccessAt === null ? null : state.lastSuccessAt + period;
    return regularAt !== null && regularAt > state.lastAttemptAt ? Math.min(retryAt, regularAt) : retryAt;
  }
  if (state.lastSuccessAt === null) return now + FIRST_CHECK_DELAY_MS;
  // A check long overdue (the browser was closed) runs soon, not at once at startup.
  return Math.max(state.lastSuccessAt + period, now + 60_000);
}

const isoDay = (time: number) => new Date(time).toISOString().slice(0, 10);

/** The first day to ask about: a little before the last successful check, or a week back on the first. */
export function windowStart(state: AlertState, now: number): string {
  return state.lastSuccessAt === null ? isoDay(now - FIRST_WINDOW_DAYS * DAY_MS) : isoDay(state.lastSuccessAt - OVERLAP_DAYS * DAY_MS);
}

/** Whether a paper dated `date` falls in the window from `from` (papers without a date are let through: the source listed them as new). */
export function inWindow(date: string | null, from: string): boolean {
  return date === null || date >= from;
}

/**
 * What to announce: each paper once, with the followed authors and sources of every listing of it
 * merged, and none already announced (`known`: every key ever stored, seen or not).
 */
export function announcements(found: readonly FoundPaper[], known: ReadonlySet<PaperKey>, now: number): AlertRecord[] {
  const merged = new Map<PaperKey, AlertRecord>();
  for (const paper of found) {
    if (known.has(paper.key)) continue;
    const before = merged.get(paper.key);
    if (!before) {
      merged.set(paper.key, { ...paper, followed: [...paper.followed], via: [...paper.via], foundAt: now, seen: false });
      continue;
    }
    for (const author of paper.followed) if (!before.followed.some((a) => a.authorId === author.authorId)) before.followed.push(author);
    for (const source of paper.via) if (!before.via.includes(source)) before.via.push(source);
    before.arxivId ??= paper.arxivId;
    before.doi ??= paper.doi;
    before.publicationDate ??= paper.publicationDate;
    if (before.authors.length === 0) {
      before.authors = paper.authors;
      before.authorCount = paper.authorCount;
    }
  }
  return [...merged.values()];
}

/** Splits ids into the requests a check makes. */
export function inRequests<T>(ids: readonly T[], size = AUTHORS_PER_REQUEST): T[][] {
  const groups: T[][] = [];
  for (let start = 0; start < ids.length; start += size) groups.push(ids.slice(start, start + size));
  return groups;
}

const SOURCES = ['semanticscholar', 'openalex'] as const;

/** An announcement as a backup file holds it; null when it is not one (text is bounded, ids checked). */
export function readAlertRecord(raw: unknown): AlertRecord | null {
  if (!isRecord(raw) || typeof raw.key !== 'string' || !isPaperKey(raw.key)) return null;
  const title = readString(raw.title, 2000);
  if (!title || typeof raw.foundAt !== 'number' || !Number.isFinite(raw.foundAt) || typeof raw.seen !== 'boolean') return null;
  if (!Array.isArray(raw.followed) || raw.followed.length === 0 || raw.followed.length > 100) return null;
  const followed = raw.followed.map((entry) => (isRecord(entry) && isAuthorId(entry.authorId) ? { authorId: entry.authorId, name: readString(entry.name, 500) ?? '' } : null));
  if (followed.some((entry) => entry === null || entry.name === '')) return null;
  const authors = Array.isArray(raw.authors) ? raw.authors.slice(0, MAX_LISTED_AUTHORS).map((name) => readString(name, 500)).filter((name): name is string => name !== null) : [];
  return {
    key: raw.key,
    title,
    arxivId: readString(raw.arxivId, 40),
    doi: readString(raw.doi, 300),
    publicationDate: readIsoDate(raw.publicationDate),
    authors,
    authorCount: typeof raw.authorCount === 'number' && Number.isInteger(raw.authorCount) && raw.authorCount >= authors.length ? Math.min(raw.authorCount, 100_000) : authors.length,
    followed: followed as AlertRecord['followed'],
    via: Array.isArray(raw.via) ? SOURCES.filter((source) => (raw.via as unknown[]).includes(source)) : [],
    foundAt: raw.foundAt,
    seen: raw.seen,
  };
}
