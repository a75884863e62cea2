// The compare tray: authors the reader picked, in their order, kept in IndexedDB so it survives
// pages and restarts; and each author's numbers, as the source reports them, as OpenAlex does, and
// as computed from their full paper list (a cached list).

import type { Backup } from '../../core/backup';
import type { Author, OpenAlexView } from '../../core/model';
import { MAX_COMPARE, type CompareEntry, type CompareRow } from '../../core/protocol/wire';
import type { BackupPart } from '../backup/part';
import type { Context } from '../context';
import type { HandlersFor } from '../router';
import type { Sources } from '../sources';
import type { Cache } from '../store/cache';
import type { CitationListRecord } from '../store/schema';
import type { PaperCitations } from '../../core/metrics/compute';

export class CompareFullError extends Error {
  constructor() {
    super(`The compare tray holds at most ${MAX_COMPARE} authors; remove one first`);
    this.name = 'CompareFullError';
  }
}

export interface CompareDeps {
  sources: Sources;
  cache: Cache;
  lifetimes: () => Promise<{ publications: number }>;
  author(authorId: string): Promise<Author>;
  /** OpenAlex's view of the author, waited for longer than a card does. */
  openAlex(author: Author): Promise<OpenAlexView>;
  /** Told the tray's size after every change (the toolbar badge). */
  onTrayChanged?: (size: number) => void;
  /** The person the author is part of: their merged paper list (persons/index.ts), or null. */
  person?: (authorId: string) => Promise<{ personId: string; profiles: Author[]; papers: PaperCitations[]; complete: boolean; dropped: number } | null>;
}

const ordered = (entries: CompareEntry[]) => entries.sort((a, b) => a.position - b.position);

export type CompareFeature = ReturnType<typeof createCompare>;

export function createCompare(ctx: Context, deps: CompareDeps) {
  const { db, now } = ctx;

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
    deps.onTrayChanged?.(next.length);
    return next;
  }

  /** Adds authors not in the tray yet, after those that are; all or none. */
  const add = (authors: readonly { authorId: string; name: string }[]) =>
    rewrite((entries) => {
      const known = new Set(entries.map((entry) => entry.authorId));
      const added = authors.filter((author) => !known.has(author.authorId) && (known.add(author.authorId), true));
      if (entries.length + added.length > MAX_COMPARE) throw new CompareFullError();
      return [...entries, ...added.map((author) => ({ authorId: author.authorId, name: author.name, position: 0, addedAt: now() }))];
    });
  const remove = (authorId: string) => rewrite((entries) => entries.filter((entry) => entry.authorId !== authorId));
  /** Moves an author to a position (0 is first). */
  const move = (authorId: string, to: number) =>
    rewrite((entries) => {
      const from = entries.findIndex((entry) => entry.authorId === authorId);
      if (from < 0) return entries;
      const [moving] = entries.splice(from, 1);
      entries.splice(Math.max(0, Math.min(to, entries.length)), 0, moving as CompareEntry);
      return entries;
    });
  const clear = () => rewrite(() => []);

  // A paper list is cached like a publication list: fresh for the cache lifetime, the cached one kept when a refresh fails.
  async function citationList(author: Author): Promise<CitationListRecord> {
    const { authorId } = author;
    const cached = await (await db()).get('citationLists', authorId);
    return deps.cache.readThrough(
      cached,
      (await deps.lifetimes()).publications,
      `citations:${authorId}`,
      async () => {
        const { papers, complete } = await deps.sources.forAuthor(authorId).citationList(author);
        const record = { authorId, papers, complete, fetchedAt: now(), usedAt: now() };
        await (await db()).put('citationLists', record);
        deps.cache.evictSoon();
        return record;
      },
      'citationLists',
    );
  }

  async function row(authorId: string): Promise<CompareRow> {
    const person = await deps.person?.(authorId);
    if (person) {
      const first = person.profiles[0] as Author;
      const openAlex = await deps.openAlex(first).catch((error: unknown): OpenAlexView => ({ status: 'unavailable', message: error instanceof Error ? error.message : String(error) }));
      return { author: first, openAlex, papers: person.papers, complete: person.complete, computedError: null, listFetchedAt: now(), person: { personId: person.personId, profiles: person.profiles, dropped: person.dropped } };
    }
    const author = await deps.author(authorId);
    const [papers, openAlex] = await Promise.all([
      citationList(author).catch((error: unknown) => error as Error),
      deps.openAlex(author).catch((error: unknown): OpenAlexView => ({ status: 'unavailable', message: error instanceof Error ? error.message : String(error) })),
    ]);
    if (papers instanceof Error) return { author, papers: [], complete: false, computedError: papers.message, listFetchedAt: null, openAlex };
    return {
      author,
      openAlex,
      papers: papers.papers,
      complete: papers.complete,
      computedError: null,
      listFetchedAt: papers.fetchedAt,
    };
  }

  const handlers: HandlersFor<'compareList' | 'compareAdd' | 'compareRemove' | 'compareMove' | 'compareClear' | 'compareRow'> = {
    compareList: () => list(),
    compareAdd: ({ authors }) => add(authors),
    compareRemove: ({ authorId }) => remove(authorId),
    compareMove: ({ authorId, to }) => move(authorId, to),
    compareClear: () => clear(),
    compareRow: ({ authorId }) => row(authorId),
  };

  const backup: BackupPart<Pick<Backup, 'compare'>> = {
    stores: ['compare'],
    export: async () => ({ compare: (await list()).map(({ authorId, name }) => ({ authorId, name })) }),
    // Imported authors go after those in the tray, up to its size; none twice.
    async merge(tx, { compare }) {
      const store = tx.objectStore('compare');
      const tray = ordered(await store.getAll());
      const inTray = new Set(tray.map((entry) => entry.authorId));
      let position = tray.length;
      for (const author of compare) {
        if (inTray.has(author.authorId) || position >= MAX_COMPARE) continue;
        inTray.add(author.authorId);
        await store.put({ ...author, position: position++, addedAt: now() });
      }
      return { compare: position - tray.length };
    },
    imported: () => void list().then((tray) => deps.onTrayChanged?.(tray.length), () => undefined),
  };

  return { list, add, remove, move, clear, row, citationList, handlers, backup };
}
