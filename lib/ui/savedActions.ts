// The save toggle's link to the background's saved list, for every page that annotates papers.

import { ask } from './ask';
import { pageSnapshot } from '../core/saved/model';
import type { PageEntry } from '../core/sites/arxiv';
import type { SavedActions } from '../page/annotate';

export const savedActions: SavedActions = {
  which: (keys) => ask({ type: 'savedWhich', keys }),
  save: (entry: PageEntry) =>
    ask({
      type: 'savePaper',
      key: entry.key,
      // The background prefers its cached record; this is what the page itself shows.
      page: pageSnapshot(entry.title, entry.authors.map((a) => a.name), entry.arxiv?.version ?? null, entry.primaryCategory ?? null),
    }),
  remove: (entry: PageEntry) => ask({ type: 'unsave', keys: [entry.key] }),
};
