// OpenAlex's view of an author of ours, by identity rather than name: for an OpenAlex id its own
// record; for a Semantic Scholar id, the OpenAlex author that the works of their most cited arXiv
// papers agree on (two requests, cached like an author).

import { sourceOfAuthorId } from '../../core/ids';
import { matchOpenAlexAuthor } from '../../core/identity';
import type { Author, OpenAlexView, Paper } from '../../core/model';
import type { Context } from '../context';
import type { Sources } from '../sources';
import { WORKS_FILTER_LIMIT } from '../sources/openAlex/client';
import type { Cache } from '../store/cache';
import type { OpenAlexRecord } from '../store/schema';

/** How long a card waits for OpenAlex's numbers before it is shown without them (they are cached when they come). */
export const OPENALEX_WAIT_MS = 2500;

function view(record: OpenAlexRecord): OpenAlexView {
  return record.author
    ? { status: 'matched', author: record.author, agreeing: record.evidence.agreeing, looked: record.evidence.looked, fetchedAt: record.fetchedAt }
    : { status: 'unmatched', looked: record.evidence.looked, fetchedAt: record.fetchedAt };
}

export function createOpenAlexMatch(ctx: Context, { sources, cache, lifetimes }: { sources: Sources; cache: Cache; lifetimes: () => Promise<{ author: number }> }) {
  const { db, now } = ctx;

  async function record(author: Author, papers: readonly Paper[]): Promise<OpenAlexRecord> {
    const { authorId } = author;
    return cache.readThrough(
      await (await db()).get('openalex', authorId),
      (await lifetimes()).author,
      `openalex:${authorId}`,
      async () => {
        // A second opinion: one retry, so a failing OpenAlex is reported within the card's wait.
        let found: Omit<OpenAlexRecord, 'fetchedAt' | 'usedAt'>;
        if (sourceOfAuthorId(authorId) === 'openalex') {
          found = { authorId, openAlexId: authorId, author: await sources.openAlex.authorById(authorId, 1), evidence: { agreeing: 1, looked: 1 } };
        } else {
          const keys = [...papers]
            .filter((paper) => paper.arxivId !== null)
            .sort((a, b) => (b.citationCount ?? 0) - (a.citationCount ?? 0))
            .slice(0, WORKS_FILTER_LIMIT)
            .map((paper) => paper.arxivId as string);
          const answers = keys.length > 0 ? [...(await sources.openAlex.worksByKey(keys, 1)).values()] : [];
          const works = answers.filter((work): work is Exclude<typeof work, Error> => !(work instanceof Error));
          // Not one work answered because their request failed: OpenAlex is unavailable, not silent.
          const failure = answers.find((work) => work instanceof Error);
          if (failure && works.length === 0) throw failure;
          const match = matchOpenAlexAuthor(author.name, works);
          found = match
            ? { authorId, openAlexId: match.openAlexId, author: await sources.openAlex.authorById(match.openAlexId, 1), evidence: { agreeing: match.agreeing, looked: works.length } }
            : { authorId, openAlexId: null, author: null, evidence: { agreeing: 0, looked: works.length } };
        }
        const stored: OpenAlexRecord = { ...found, fetchedAt: now(), usedAt: now() };
        await (await db()).put('openalex', stored);
        cache.evictSoon();
        return stored;
      },
      'openalex',
    );
  }

  /** OpenAlex's view, waited for at most `waitMs` (the fetch goes on and is cached). */
  async function viewFor(author: Author, papers: readonly Paper[], waitMs = ctx.openAlexWaitMs ?? OPENALEX_WAIT_MS): Promise<OpenAlexView> {
    const message = (error: unknown) => `OpenAlex: ${error instanceof Error ? error.message : String(error)}`;
    const pending = record(author, papers).then(view, (error: unknown): OpenAlexView => ({ status: 'unavailable', message: message(error) }));
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<OpenAlexView>((resolve) => {
      timer = setTimeout(() => resolve({ status: 'unavailable', message: 'OpenAlex is slow to answer; its numbers will be here next time' }), waitMs);
    });
    try {
      return await Promise.race([pending, late]);
    } finally {
      clearTimeout(timer);
    }
  }

  return { viewFor };
}
