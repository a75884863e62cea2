// The published-version resolver. By identifier first: what Semantic Scholar and arXiv assert, then
// DBLP's own record of the DBLP key Semantic Scholar gives (its entry decides, not its key), then
// Crossref's work for the published DOI (volume, issue, pages, publisher, retraction notices). Only
// when no identifier names a published version: DBLP's title search, then Crossref's, each hit
// accepted by the rules of core/publishedMatch.ts. A source that fails or is not granted is skipped
// and named in the result; nothing is guessed.

import { doiOfKey, type PaperKey } from '../../core/ids';
import { acceptedHit, type Preprint } from '../../core/publishedMatch';
import { PUBLISHED_VERSION_ORIGINS, type PublishedVersion, type RetractionMark } from '../../core/published';
import { familyOf, publishedFromCrossref, publishedFromDblpBib, retractionFromCrossref } from '../../core/publishedRecords';
import type { PublishedCheck } from '../../core/protocol/wire';
import type { Context } from '../context';
import type { Sources } from '../sources';
import { isHostRefusal } from '../sources/http';
import type { PublicationIds } from '../sources/semanticScholar/publication';

export interface ResolverInput extends Preprint {
  key: PaperKey;
}

type Step = 'Semantic Scholar' | 'arXiv' | 'DBLP' | 'Crossref';

/** `base` with the fields it lacks taken from `more` (the same publication, read elsewhere). */
function fill(base: PublishedVersion, more: PublishedVersion | null): PublishedVersion {
  if (!more) return base;
  return { ...base, volume: base.volume ?? more.volume, number: base.number ?? more.number ?? null, pages: base.pages ?? more.pages, publisher: base.publisher ?? more.publisher ?? null, doi: base.doi ?? more.doi, year: base.year ?? more.year };
}

export function createResolver(ctx: Context, sources: Sources) {
  /** One run's view of the sources: what is not granted or has refused is not asked again in it. */
  async function runState() {
    const out = new Map<Step, string>();
    for (const [step, origin] of [['DBLP', PUBLISHED_VERSION_ORIGINS.dblp], ['Crossref', PUBLISHED_VERSION_ORIGINS.crossref]] as const) {
      if (!(await ctx.hostAllowed(origin).catch(() => false))) out.set(step, `${step} was not asked: ScholarScope has no permission for ${origin.replace('/*', '')} (the library asks when you update)`);
    }
    const notes = new Set<string>();
    /** Runs a source's step; a failure is noted (and a refusal of the host as a whole ends its use in this run), never thrown. */
    async function ask<T>(step: Step, run: () => Promise<T>): Promise<T | null> {
      const reason = out.get(step);
      if (reason) {
        notes.add(reason);
        return null;
      }
      try {
        return await run();
      } catch (error) {
        const text = `${step}: ${error instanceof Error ? error.message : String(error)}`;
        notes.add(text);
        if (isHostRefusal(error)) out.set(step, text);
        return null;
      }
    }
    return { ask, notes };
  }

  async function resolveOne(paper: ResolverInput, ids: PublicationIds | null, fromArxiv: PublishedVersion | null, run: Awaited<ReturnType<typeof runState>>): Promise<Omit<PublishedCheck, 'skipped' | 'checkedAt'>> {
    const { ask } = run;
    let published = ids?.published ?? fromArxiv;
    let retraction: RetractionMark | null = null;
    if (ids?.dblpKey) {
      const bib = await ask('DBLP', () => sources.dblp.record(ids.dblpKey!));
      const fromDblp = bib ? publishedFromDblpBib(bib, ids.dblpKey) : null;
      if (fromDblp) published = fill(fromDblp, published);
    }
    const doi = published?.doi ?? ids?.doi ?? doiOfKey(paper.key);
    if (doi) {
      const work = await ask('Crossref', () => sources.crossref.work(doi));
      if (work) {
        retraction = retractionFromCrossref(work);
        const fromCrossref = publishedFromCrossref(work, `asserted by Crossref (DOI ${doi})`);
        // The publisher's own record of the same DOI wins on the details (the year of the issue, not of the preprint); the source that named it stays the basis.
        published = published && fromCrossref && published.doi === fromCrossref.doi ? { ...fill(fromCrossref, published), basis: `${published.basis}; details from Crossref` } : published ? fill(published, fromCrossref) : fromCrossref;
      }
    }
    if (published) return { key: paper.key, published, retraction, found: 'identifier' };

    const families = paper.authors.map(familyOf).filter(Boolean);
    const dblpHits = (await ask('DBLP', () => sources.dblp.search(paper.title))) ?? [];
    const dblpHit = acceptedHit(paper, dblpHits, families);
    if (dblpHit?.dblpKey) {
      const key = dblpHit.dblpKey;
      const bib = await ask('DBLP', () => sources.dblp.record(key));
      const found = bib ? publishedFromDblpBib(bib, key) : null;
      if (found) return { key: paper.key, published: { ...found, basis: `matched on DBLP by title and authors (record ${key})` }, retraction, found: 'title' };
    }
    const crossrefHits = (await ask('Crossref', () => sources.crossref.search(paper.title, families))) ?? [];
    const crossrefHit = acceptedHit(paper, crossrefHits, families);
    if (crossrefHit?.published) return { key: paper.key, published: crossrefHit.published, retraction: crossrefHit.retraction, found: 'title' };
    return { key: paper.key, published: null, retraction, found: 'none' };
  }

  /** The published version of each paper, one after another (DBLP and Crossref are asked one request at a time anyway). */
  async function resolve(papers: readonly ResolverInput[]): Promise<PublishedCheck[]> {
    const run = await runState();
    const keys = papers.map((paper) => paper.key);
    const ids = (await run.ask('Semantic Scholar', () => sources.semanticScholar.publicationIds(keys))) ?? new Map<PaperKey, PublicationIds>();
    // arXiv's journal reference, for papers Semantic Scholar names no venue for.
    const unnamed = keys.filter((key) => !ids.get(key)?.published);
    const arxiv = unnamed.length > 0 ? await run.ask('arXiv', () => sources.arxiv.papers(unnamed)) : null;
    const batchNotes = [...run.notes];
    const results: PublishedCheck[] = [];
    for (const paper of papers) {
      run.notes.clear();
      const answer = arxiv?.get(paper.key);
      const fromArxiv = answer && !(answer instanceof Error) ? (answer.paper.published ?? null) : null;
      const result = await resolveOne(paper, ids.get(paper.key) ?? null, fromArxiv, run);
      results.push({ ...result, skipped: [...new Set([...batchNotes, ...run.notes])], checkedAt: ctx.now() });
    }
    return results;
  }

  return { resolve };
}
