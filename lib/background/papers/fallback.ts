// Which source answers for a paper: the reader's primary source first, then the other for what it
// lacked or when it failed, then arXiv for ids neither knows; and what of that is stored.

import type { PaperKey } from '../../core/ids';
import type { Author, PrimarySource } from '../../core/model';
import type { Database } from '../store/db';
import { isPaperRecord } from '../store/records';
import type { PaperRecord } from '../store/schema';
import type { PaperSource, SourceAnswer } from '../sources/types';

/**
 * A fallback source answers for at most this many papers a batch (one OpenAlex works request), so a
 * long listing of papers too new for the primary source costs one request, not one per fifty.
 */
export const FALLBACK_MAX = 100;
/** arXiv is asked only for a few papers (a page's or a popup's paper), never for a listing: the listing already shows what arXiv would say. */
export const ARXIV_FALLBACK_MAX = 20;
/**
 * Of each paper's authors, this many go into the authors cache (for their cards): as many as an
 * arXiv listing names. A collaboration's 3,000 names would otherwise push the rest of the cache out.
 */
export const AUTHORS_CACHED_PER_PAPER = 101;

/** Who answered for a record: Semantic Scholar's records carry no source (they predate the others). */
export const sourceOf = (record: PaperRecord): PaperRecord['source'] | 'semanticscholar' => record.source ?? 'semanticscholar';

/**
 * Each source in `order` is asked for what those before it did not know; the first is the primary.
 * `failures` are the primary's, by key: a part of its request that failed costs those keys only.
 */
export async function askSources(order: readonly PaperSource[], keys: PaperKey[]): Promise<{ found: Map<PaperKey, SourceAnswer>; failures: Map<PaperKey, Error> }> {
  const found = new Map<PaperKey, SourceAnswer>();
  const failures = new Map<PaperKey, Error>();
  for (const [index, source] of order.entries()) {
    const lacking = keys.filter((key) => !found.has(key));
    if (lacking.length === 0) break;
    if (source.name === 'arxiv' && lacking.length > ARXIV_FALLBACK_MAX) break;
    const asked = index === 0 ? lacking : lacking.slice(0, FALLBACK_MAX);
    try {
      for (const [key, answer] of await source.papers(asked)) {
        if (!(answer instanceof Error)) found.set(key, answer);
        else if (index === 0) failures.set(key, answer);
      }
    } catch (error) {
      // A fallback's failure leaves the primary's answer ("unknown") standing.
      if (index === 0) for (const key of asked) failures.set(key, error instanceof Error ? error : new Error(String(error)));
    }
  }
  return { found, failures };
}

/**
 * The records to answer with, stored as the rules say. A key no source knew gets the primary's
 * failure, if its part failed, and is stored as unknown if it answered. What a fallback says is stored
 * only when the primary source answered (else it serves this request alone, so the primary is
 * asked again next time), and never replaces a cached record of the primary source.
 */
export async function storeAnswers(
  db: Database,
  keys: PaperKey[],
  primary: PrimarySource,
  answers: Awaited<ReturnType<typeof askSources>>,
  fetchedAt: number,
): Promise<{ records: Map<PaperKey, PaperRecord | Error>; authors: Map<string, Author>; written: Promise<void> }> {
  const { found, failures } = answers;
  const records = new Map<PaperKey, PaperRecord | Error>();
  const tx = db.transaction('papers', 'readwrite');
  const authors = new Map<string, Author>();
  for (const key of keys) {
    const answer = found.get(key);
    const primaryFailure = failures.get(key);
    if (!answer && primaryFailure) {
      records.set(key, primaryFailure);
      continue;
    }
    const record: PaperRecord = { key, paper: answer?.paper ?? null, authors: answer?.authors ?? [], fetchedAt, usedAt: fetchedAt };
    if (answer && answer.source !== 'semanticscholar') record.source = answer.source;
    if (answer && answer.source !== primary) {
      const existing = await tx.store.get(key);
      if (isPaperRecord(existing, key) && existing.paper && sourceOf(existing) === primary) {
        records.set(key, existing);
        continue;
      }
      if (primaryFailure) {
        records.set(key, record);
        continue;
      }
    }
    records.set(key, record);
    void tx.store.put(record);
    for (const author of record.authors.slice(0, AUTHORS_CACHED_PER_PAPER)) authors.set(author.authorId, author);
  }
  // The authors (a cache for their cards; thousands on a listing of big collaborations) are written
  // after the answer has gone, in their own transaction.
  const written = tx.done.then(async () => {
    if (authors.size === 0) return;
    const authorsTx = db.transaction('authors', 'readwrite');
    for (const author of authors.values()) void authorsTx.store.put(author);
    await authorsTx.done;
  });
  written.catch(() => undefined);
  return { records, authors, written };
}
