// How long records stay fresh. A fresh record is served without any request.

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
