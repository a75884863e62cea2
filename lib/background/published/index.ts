// The library's "Update to published versions": the resolver's answers for saved papers, cached
// with their age. A venue found is only offered (the reader accepts it, and may undo, through
// updateSaved); a retraction or withdrawal notice is written to the saved paper at once, since it
// replaces nothing the reader wrote and they should not miss it.

import type { PaperKey } from '../../core/ids';
import type { PublishedCheck, PublishedOffer } from '../../core/protocol/wire';
import type { SavedPaper } from '../../core/saved/model';
import type { Context } from '../context';
import type { HandlersFor } from '../router';
import type { SavedFeature } from '../saved';
import type { Sources } from '../sources';
import { createResolver, type ResolverInput } from './resolve';

const DAY = 24 * 60 * 60 * 1000;
/** How long an answer stands: papers get published months after their preprint, so "none" is asked again sooner; an answer a source was missing from, the next day. */
export const CHECK_TTL = { found: 180 * DAY, none: 30 * DAY, incomplete: 1 * DAY } as const;

export function isCurrent(check: PublishedCheck, now: number): boolean {
  const ttl = check.skipped.length > 0 ? CHECK_TTL.incomplete : check.found === 'none' ? CHECK_TTL.none : CHECK_TTL.found;
  return check.checkedAt <= now && now - check.checkedAt < ttl;
}

const inputOf = (paper: SavedPaper): ResolverInput => ({
  key: paper.key,
  title: paper.title,
  authors: paper.authors,
  year: paper.year ?? (paper.publicationDate ? Number(paper.publicationDate.slice(0, 4)) : null),
});

const sameMark = (a: SavedPaper['retraction'], b: SavedPaper['retraction']) => (a?.kind ?? null) === (b?.kind ?? null) && (a?.basis ?? null) === (b?.basis ?? null);

export function createPublished(ctx: Context, deps: { sources: Sources; saved: SavedFeature }) {
  const resolver = createResolver(ctx, deps.sources);

  async function check(keys: readonly PaperKey[], fresh: boolean): Promise<PublishedOffer[]> {
    const database = await ctx.db();
    const read = database.transaction(['saved', 'publishedChecks']);
    const papers = (await Promise.all(keys.map((key) => read.objectStore('saved').get(key)))).filter((paper): paper is SavedPaper => paper !== undefined);
    const cached = await Promise.all(papers.map((paper) => read.objectStore('publishedChecks').get(paper.key)));
    const now = ctx.now();
    const stale = papers.filter((_, index) => fresh || !cached[index] || !isCurrent(cached[index]!, now));
    const resolved = stale.length > 0 ? await resolver.resolve(stale.map(inputOf)) : [];
    if (resolved.length > 0) {
      // The checks, and a retraction found on the cached paper too, so every page that shows the paper marks it.
      const write = database.transaction(['publishedChecks', 'papers'], 'readwrite');
      const papersStore = write.objectStore('papers');
      const marked = async (result: PublishedCheck) => {
        const record = await papersStore.get(result.key);
        if (record?.paper && !sameMark(record.paper.retraction ?? null, result.retraction)) await papersStore.put({ ...record, paper: { ...record.paper, retraction: result.retraction } });
      };
      await Promise.all([...resolved.map((result) => write.objectStore('publishedChecks').put(result)), ...resolved.map(marked), write.done]);
    }
    const byKey = new Map<PaperKey, PublishedCheck>([...papers.flatMap((paper, index) => (cached[index] ? [[paper.key, cached[index]!] as const] : [])), ...resolved.map((result) => [result.key, result] as const)]);
    const offers: PublishedOffer[] = [];
    for (const paper of papers) {
      const result = byKey.get(paper.key)!;
      if (!sameMark(paper.retraction ?? null, result.retraction)) await deps.saved.update([paper.key], { retraction: result.retraction });
      offers.push({ ...result, title: paper.title, current: paper.published ?? null });
    }
    return offers;
  }

  const handlers: HandlersFor<'checkPublished'> = {
    checkPublished: ({ keys, fresh }) => check(keys, fresh),
  };
  return { check, handlers };
}
