// The save toggle's link to the background's saved list, for every page that annotates papers.

import { pageSnapshot } from '../core/saved/model';
import type { PageEntry } from '../core/sites/types';
import type { PaperKey } from '../core/ids';
import { ask } from './ask';

export interface SavedActions {
  which: (keys: PaperKey[]) => Promise<PaperKey[]>;
  save: (entry: PageEntry) => Promise<unknown>;
  remove: (entry: PageEntry) => Promise<unknown>;
}

export const savedActions: SavedActions = {
  which: (keys) => ask({ type: 'savedWhich', keys }),
  save: (entry) =>
    ask({
      type: 'savePaper',
      key: entry.key,
      // The background prefers its cached record; this is what the page itself shows.
      page: pageSnapshot(entry.title, entry.authors.map((a) => a.name), entry.arxiv?.version ?? null, entry.primaryCategory ?? null, entry.withdrawn ?? null),
    }),
  remove: (entry) => ask({ type: 'unsave', keys: [entry.key] }),
};
