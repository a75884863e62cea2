// The Compare and Follow toggles on author cards: one author in a set the background keeps.

import type { CompareControl } from '../../components/AuthorCard';
import type { Author } from '../core/model';
import type { CompareActions } from './hoverCard';

/**
 * A toggle for `author` in the set `actions` manages; `members` is the set as last heard. After a
 * change, `update` keeps the new set and `redraw` draws again (also when the change failed).
 */
export function setToggle(actions: CompareActions | undefined, author: Author | null, members: ReadonlySet<string>, update: (ids: string[]) => void, redraw: () => void): CompareControl | undefined {
  if (!actions || !author) return undefined;
  const inSet = members.has(author.authorId);
  return {
    inTray: inSet,
    onToggle: () =>
      void (inSet ? actions.remove(author.authorId) : actions.add(author)).then(
        (ids) => (update(ids), redraw()),
        () => redraw(),
      ),
  };
}
