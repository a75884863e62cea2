// The sets of authors the background keeps for the reader (the compare tray, the follows), and the
// toggle every author card offers for them: one home for what the hover card, the profile panel and
// the popup each show.

import type { Author } from '../core/model';
import { ask } from './ask';

/** A set the background keeps: each call answers the ids in it after the change. */
export interface AuthorSetActions {
  list: () => Promise<string[]>;
  add: (author: Pick<Author, 'authorId' | 'name'>) => Promise<string[]>;
  remove: (authorId: string) => Promise<string[]>;
}

const ids = (entries: { authorId: string }[]) => entries.map((entry) => entry.authorId);
const named = (author: Pick<Author, 'authorId' | 'name'>) => ({ authorId: author.authorId, name: author.name.slice(0, 500) });

export const compareSet: AuthorSetActions = {
  list: () => ask({ type: 'compareList' }).then(ids),
  add: (author) => ask({ type: 'compareAdd', authors: [named(author)] }).then(ids),
  remove: (authorId) => ask({ type: 'compareRemove', authorId }).then(ids),
};

export const followSet: AuthorSetActions = {
  list: () => ask({ type: 'followList' }).then(ids),
  add: (author) => ask({ type: 'follow', author: named(author) }).then(ids),
  remove: (authorId) => ask({ type: 'unfollow', authorId }).then(ids),
};

/** A toggle as author cards draw it: pressed while the author is in the set. */
export interface SetToggle {
  inTray: boolean;
  onToggle: () => void;
}

export interface AuthorSetState {
  has(authorId: string): boolean;
  /** The ids in the set; undefined until the background first answered. */
  members(): ReadonlySet<string> | undefined;
  /** The toggle for `author`; undefined without an author to toggle. */
  toggle(author: Pick<Author, 'authorId' | 'name'> | null | undefined): SetToggle | undefined;
  /** Asks the background again (a card opening, a popup starting). */
  refresh(): Promise<void>;
  /** Takes the set as the background answered it after another change (e.g. "Compare all"). */
  replace(ids: readonly string[]): void;
  /** The last failure, or null. */
  readonly error: string | null;
}

/**
 * One set as last heard from the background; `changed` is called after every change, also a failed
 * one (so what is drawn shows the set as it is).
 */
export function createAuthorSetState(actions: AuthorSetActions, changed: () => void): AuthorSetState {
  let members = new Set<string>();
  let known = false;
  let error: string | null = null;
  const settle = (request: Promise<string[]>) =>
    request.then(
      (next) => {
        members = new Set(next);
        known = true;
        error = null;
        changed();
      },
      (failure: unknown) => {
        error = failure instanceof Error ? failure.message : String(failure);
        changed();
      },
    );
  return {
    has: (authorId) => members.has(authorId),
    members: () => (known ? members : undefined),
    toggle(author) {
      if (!author) return undefined;
      const inTray = members.has(author.authorId);
      return { inTray, onToggle: () => void settle(inTray ? actions.remove(author.authorId) : actions.add(author)) };
    },
    refresh: () => settle(actions.list()),
    replace(next) {
      members = new Set(next);
      known = true;
      changed();
    },
    get error() {
      return error;
    },
  };
}
