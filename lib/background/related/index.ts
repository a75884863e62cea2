// Papers related to a paper: Semantic Scholar's recommendations for it and the most cited of the
// papers citing it. Two requests, cached like publication lists; either may fail alone.

import type { PaperKey } from '../../core/ids';
import type { RelatedRecord } from '../../core/protocol/wire';
import type { Context } from '../context';
import type { HandlersFor } from '../router';
import type { Sources } from '../sources';
import type { Cache } from '../store/cache';

export function createRelated({ db, now }: Context, { sources, cache, lifetimes }: { sources: Sources; cache: Cache; lifetimes: () => Promise<{ publications: number }> }) {
  async function related(key: PaperKey): Promise<RelatedRecord> {
    const cached = await (await db()).get('related', key);
    return cache.readThrough(
      cached,
      (await lifetimes()).publications,
      `related:${key}`,
      async () => {
        const s2 = sources.semanticScholar;
        const [recommended, citing] = await Promise.allSettled([s2.recommendations(key), s2.topCiting(key)]);
        if (recommended.status === 'rejected' && citing.status === 'rejected') throw recommended.reason;
        // How many citing papers were looked at, where the source lists more; a failed ask keeps the cached figure.
        const citingOf = citing.status === 'fulfilled' ? (citing.value.more ? citing.value.looked : undefined) : cached?.citingOf;
        const record: RelatedRecord = {
          key,
          recommended: recommended.status === 'fulfilled' ? recommended.value : (cached?.recommended ?? []),
          citing: citing.status === 'fulfilled' ? citing.value.papers : (cached?.citing ?? []),
          ...(citingOf === undefined ? {} : { citingOf }),
          fetchedAt: now(),
          usedAt: now(),
        };
        await (await db()).put('related', record);
        cache.evictSoon();
        return record;
      },
      'related',
    );
  }

  const handlers: HandlersFor<'related'> = { related: ({ key }) => related(key) };
  return { related, handlers };
}
