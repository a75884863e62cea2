// The sources, built once with the reader's settings, and the choice among them: by what an author
// id is (core/ids.ts), and in the reader's order of preference for papers.

import { sourceOfAuthorId } from '../../core/ids';
import type { PrimarySource } from '../../core/model';
import type { Context } from '../context';
import { createArxiv } from './arxiv';
import { createCrossref } from './crossref';
import { createDblp } from './dblp';
import { createSourceNotices } from './notices';
import { createOpenAlex } from './openAlex';
import { createSemanticScholar, type SourceDeps } from './semanticScholar';
import type { AuthorSource, PaperSource } from './types';

export type Sources = ReturnType<typeof createSources>;

export function createSources(ctx: Context, settings: SourceDeps['settings']) {
  const notices = createSourceNotices(ctx, settings);
  const common = { fetch: ctx.fetch, settings, now: ctx.now, sleep: ctx.sleep, notices };
  const semanticScholar = createSemanticScholar({ ...common, gate: ctx.gates.s2 });
  const openAlex = createOpenAlex({ ...common, gate: ctx.gates.openAlex });
  const arxiv = createArxiv({ fetch: ctx.fetch, gate: ctx.gates.arxiv, sleep: ctx.sleep, now: ctx.now });
  const dblp = createDblp({ fetch: ctx.fetch, gate: ctx.gates.dblp, sleep: ctx.sleep, now: ctx.now });
  const crossref = createCrossref({ fetch: ctx.fetch, gate: ctx.gates.crossref, sleep: ctx.sleep, now: ctx.now });
  return {
    /** A refused key, a spent allowance: what the reader should know (notices.ts). */
    notices,
    semanticScholar,
    openAlex,
    arxiv,
    /** For the published-version resolver only, on hosts the reader grants (optional permissions). */
    dblp,
    crossref,
    /** The source whose id this is. */
    forAuthor: (authorId: string): AuthorSource => (sourceOfAuthorId(authorId) === 'openalex' ? openAlex : semanticScholar),
    /** Papers are asked of the primary source, then the other, then arXiv. */
    paperOrder: (primary: PrimarySource): PaperSource[] => (primary === 'openalex' ? [openAlex, semanticScholar, arxiv] : [semanticScholar, openAlex, arxiv]),
  };
}
