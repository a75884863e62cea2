// The compare and follow toggles' links to the background, for every page with author cards.

import { ask } from './ask';
import type { CompareActions } from '../page/hoverCard';

const ids = (tray: { authorId: string }[]) => tray.map((entry) => entry.authorId);

export const compareActions: CompareActions = {
  list: () => ask({ type: 'compareList' }).then(ids),
  add: (author) => ask({ type: 'compareAdd', authors: [{ authorId: author.authorId, name: author.name.slice(0, 500) }] }).then(ids),
  remove: (authorId) => ask({ type: 'compareRemove', authorId }).then(ids),
};

export const followActions: CompareActions = {
  list: () => ask({ type: 'followList' }).then(ids),
  add: (author) => ask({ type: 'follow', author: { authorId: author.authorId, name: author.name.slice(0, 500) } }).then(ids),
  remove: (authorId) => ask({ type: 'unfollow', authorId }).then(ids),
};
