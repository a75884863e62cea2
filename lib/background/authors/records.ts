// An author's record and newest publications, from the source their id belongs to, cached for the
// reader's cache lifetime (the cached copy serves when a refresh fails).

import type { Author, Paper } from '../../core/model';
import type { Context } from '../context';
import type { Sources } from '../sources';
import { SourceError } from '../sources/http';
import type { Cache } from '../store/cache';
import type { PublicationsRecord } from '../store/schema';

export interface AuthorRecordsDeps {
  sources: Sources;
  cache: Cache;
  lifetimes: () => Promise<{ author: number; publications: number }>;
  /** An author a paper batch brought whose write is still on its way. */
  unwrittenAuthor?: (authorId: string) => Author | undefined;
  /** The source no longer has this author (an id a cached paper may still name). */
  onGone?: (authorId: string) => Promise<unknown>;
}

export type AuthorRecords = ReturnType<typeof createAuthorRecords>;

export function createAuthorRecords({ db, now }: Context, { sources, cache, lifetimes, unwrittenAuthor, onGone }: AuthorRecordsDeps) {
  // The author's record and list both answer 404 for an id the source no longer has.
  async function asking<T>(authorId: string, ask: () => Promise<T>): Promise<T> {
    try {
      return await ask();
    } catch (error) {
      if (error instanceof SourceError && error.kind === 'not-found') await onGone?.(authorId).catch(() => undefined);
      throw error;
    }
  }

  async function record(authorId: string): Promise<Author> {
    return cache.readThrough(unwrittenAuthor?.(authorId) ?? (await (await db()).get('authors', authorId)), (await lifetimes()).author, `author:${authorId}`, async () => {
      const author = await asking(authorId, () => sources.forAuthor(authorId).author(authorId));
      await (await db()).put('authors', author);
      return author;
    });
  }

  // Versions are a nicety: the card is complete without them.
  async function withVersions(list: Paper[]): Promise<Paper[]> {
    const arxivIds = list.map((paper) => paper.arxivId).filter((id): id is string => id !== null);
    if (arxivIds.length === 0) return list;
    try {
      const versions = await sources.arxiv.latestVersions(arxivIds);
      return list.map((paper) => (paper.arxivId ? { ...paper, version: versions.get(paper.arxivId) ?? null } : paper));
    } catch {
      return list;
    }
  }

  /** `onList` gets a freshly fetched list before the arXiv versions are added (what needs no versions can start). */
  async function publications(authorId: string, onList?: (list: Paper[]) => void): Promise<PublicationsRecord> {
    return cache.readThrough(
      await (await db()).get('publications', authorId),
      (await lifetimes()).publications,
      `publications:${authorId}`,
      async () => {
        const fetched = await asking(authorId, () => sources.forAuthor(authorId).publications(authorId));
        onList?.(fetched);
        const record: PublicationsRecord = { authorId, papers: await withVersions(fetched), fetchedAt: now(), usedAt: now() };
        await (await db()).put('publications', record);
        return record;
      },
      'publications',
    );
  }

  return { record, publications };
}
