// The compare toggle's link to the background's tray, for every page with author cards.

import { ask } from '../client';
import type { CompareActions } from './hoverCard';

const ids = (tray: { authorId: string }[]) => tray.map((entry) => entry.authorId);

export const compareActions: CompareActions = {
  list: () => ask({ type: 'compareList' }).then(ids),
  add: (author) => ask({ type: 'compareAdd', authors: [{ authorId: author.authorId, name: author.name.slice(0, 500) }] }).then(ids),
  remove: (authorId) => ask({ type: 'compareRemove', authorId }).then(ids),
};
