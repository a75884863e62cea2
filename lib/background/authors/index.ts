// Author cards: the author's record, newest publications (with arXiv versions) and OpenAlex's view
// of the same person, waited for briefly.

import type { AuthorCardData, OpenAlexView } from '../../core/model';
import type { Context } from '../context';
import type { HandlersFor } from '../router';
import { createOpenAlexMatch, OPENALEX_WAIT_MS } from './openAlex';
import { createAuthorRecords, type AuthorRecordsDeps } from './records';

export type AuthorsFeature = ReturnType<typeof createAuthors>;

export function createAuthors(ctx: Context, deps: AuthorRecordsDeps & { primary: () => Promise<AuthorCardData['primary']> }) {
  const records = createAuthorRecords(ctx, deps);
  const openAlex = createOpenAlexMatch(ctx, deps);

  async function card(authorId: string): Promise<AuthorCardData> {
    const pendingAuthor = records.record(authorId);
    // OpenAlex needs the list, not its versions: it starts while the arXiv API is asked.
    let early: Promise<OpenAlexView> | null = null;
    const [author, publications] = await Promise.all([pendingAuthor, records.publications(authorId, (list) => (early = pendingAuthor.then((known) => openAlex.viewFor(known, list))))]);
    const view = await (early ?? openAlex.viewFor(author, publications.papers));
    return { author, publications: publications.papers, fetchedAt: Math.min(author.fetchedAt, publications.fetchedAt), openAlex: view, primary: await deps.primary() };
  }

  const handlers: HandlersFor<'authorCard'> = { authorCard: ({ authorId }) => card(authorId) };

  return {
    card,
    record: records.record,
    publications: records.publications,
    /** OpenAlex's view for comparing: waited for longer than a card does. */
    openAlexForCompare: async (author: AuthorCardData['author']) =>
      openAlex.viewFor(author, (await records.publications(author.authorId)).papers, 4 * (ctx.openAlexWaitMs ?? OPENALEX_WAIT_MS)),
    handlers,
  };
}
