// The compare tray: authors the reader picked, in their order, kept in IndexedDB so it survives
// pages and restarts; and each author's numbers, as the source reports them and as computed from
// their paper list.

import { computeMetrics, type ComputedMetrics } from '../../core/metrics/compute';
import type { Author, OpenAlexView } from '../../core/model';
import type { CompareEntry, Database } from '../store/db';

/** Columns stay readable up to this many authors. */
export const MAX_COMPARE = 12;

export class CompareFullError extends Error {
  constructor() {
    super(`The compare tray holds at most ${MAX_COMPARE} authors; remove one first`);
    this.name = 'CompareFullError';
  }
}

export interface CompareRow {
  /** As the source reports it (citations, h-index, papers), with when it was fetched. */
  author: Author;
  /** From the author's paper list; null when the list could not be had. */
  computed: ComputedMetrics | null;
  /** False when the list stopped at the paging cap, so computed counts are lower bounds. */
  complete: boolean;
  /** Why there are no computed numbers. */
  computedError: string | null;
  /** When the paper list was fetched. */
  listFetchedAt: number | null;
  /** OpenAlex's numbers for the same person (the second source), or why there are none. */
  openAlex: OpenAlexView;
}

export interface CompareService {
  list(): Promise<CompareEntry[]>;
  /** Adds authors not in the tray yet, after those that are; all or none. */
  add(authors: readonly { authorId: string; name: string }[]): Promise<CompareEntry[]>;
  remove(authorId: string): Promise<CompareEntry[]>;
  /** Moves an author to a position (0 is first). */
  move(authorId: string, to: number): Promise<CompareEntry[]>;
  clear(): Promise<CompareEntry[]>;
  row(authorId: string): Promise<CompareRow>;
}

export interface CompareSources {
  author(authorId: string): Promise<Author>;
  citationList(authorId: string): Promise<{ papers: { year: number | null; citations: number }[]; complete: boolean; fetchedAt: number }>;
  openAlex(author: Author): Promise<OpenAlexView>;
}

const ordered = (entries: CompareEntry[]) => entries.sort((a, b) => a.position - b.position);

export function createCompareService(db: () => Promise<Database>, sources: CompareSources, now: () => number = Date.now): CompareService {
  async function list(): Promise<CompareEntry[]> {
    return ordered(await (await db()).getAll('compare'));
  }

  // Positions are rewritten 0..n-1 in the same transaction, so concurrent changes from several tabs
  // each see a whole tray.
  async function rewrite(change: (entries: CompareEntry[]) => CompareEntry[]): Promise<CompareEntry[]> {
    const tx = (await db()).transaction('compare', 'readwrite');
    const next = change(ordered(await tx.store.getAll())).map((entry, position) => ({ ...entry, position }));
    await tx.store.clear();
    for (const entry of next) void tx.store.put(entry);
    await tx.done;
    return next;
  }

  return {
    list,
    add: (authors) =>
      rewrite((entries) => {
        const known = new Set(entries.map((entry) => entry.authorId));
        const added = authors.filter((author) => !known.has(author.authorId) && (known.add(author.authorId), true));
        if (entries.length + added.length > MAX_COMPARE) throw new CompareFullError();
        return [...entries, ...added.map((author) => ({ authorId: author.authorId, name: author.name, position: 0, addedAt: now() }))];
      }),
    remove: (authorId) => rewrite((entries) => entries.filter((entry) => entry.authorId !== authorId)),
    move: (authorId, to) =>
      rewrite((entries) => {
        const from = entries.findIndex((entry) => entry.authorId === authorId);
        if (from < 0) return entries;
        const [moving] = entries.splice(from, 1);
        entries.splice(Math.max(0, Math.min(to, entries.length)), 0, moving as CompareEntry);
        return entries;
      }),
    clear: () => rewrite(() => []),
    async row(authorId) {
      const author = await sources.author(authorId);
      const [list, openAlex] = await Promise.all([
        sources.citationList(authorId).catch((error: unknown) => error as Error),
        sources.openAlex(author).catch((error: unknown): OpenAlexView => ({ status: 'unavailable', message: error instanceof Error ? error.message : String(error) })),
      ]);
      if (list instanceof Error) return { author, computed: null, complete: false, computedError: list.message, listFetchedAt: null, openAlex };
      return {
        author,
        openAlex,
        computed: computeMetrics(list.papers, new Date(now()).getUTCFullYear()),
        complete: list.complete,
        computedError: null,
        listFetchedAt: list.fetchedAt,
      };
    },
  };
}
