// The save toggle's link to the background's saved list, for every page that annotates papers.

import { ask } from '../client';
import type { PageEntry } from '../pages/arxiv';
import type { SavedActions } from './annotate';

export const savedActions: SavedActions = {
  which: (keys) => ask({ type: 'savedWhich', keys }),
  save: (entry: PageEntry) =>
    ask({
      type: 'savePaper',
      key: entry.key,
      // The background prefers its cached record; this is what the page itself shows.
      page: { title: entry.title.slice(0, 2000), authors: entry.authors.map((a) => a.name.slice(0, 500)), version: entry.arxiv?.version ?? null, primaryCategory: entry.primaryCategory ?? null },
    }),
  remove: (entry: PageEntry) => ask({ type: 'unsave', keys: [entry.key] }),
};
