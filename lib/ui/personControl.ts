// The person control every author card offers (hover card, profile panel, popup): other profiles
// asked once per card opening, merge, unmerge, drop and restore; after a change the card is loaded
// again, since the person's numbers and publications changed.

import type { DroppedPaper, PersonView } from '../core/model';
import { paperIds } from '../core/person';
import type { CandidatesState, PersonCandidates, PersonControl } from '../core/personCandidates';
import { ask } from './ask';

export interface PersonActions {
  candidates(authorId: string): Promise<PersonCandidates>;
  merge(authorIds: string[]): Promise<PersonView>;
  unmerge(personId: string): Promise<null>;
  drop(authorId: string, paper: DroppedPaper, dropped: boolean): Promise<PersonView | null>;
}

export const personActions: PersonActions = {
  candidates: (authorId) => ask({ type: 'personCandidates', authorId }),
  merge: (authorIds) => ask({ type: 'personMerge', authorIds }),
  unmerge: (personId) => ask({ type: 'personUnmerge', personId }),
  drop: (authorId, paper, dropped) => ask({ type: 'personDrop', authorId, paper, dropped }),
};

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * One opening of one author's card: `redraw` draws it again, `changed` loads the card again. The
 * search for other profiles starts when the card is ready (`control(true)`), so it never queues
 * before the card's own requests at the source's gate.
 */
export function createPersonControl(actions: PersonActions, authorId: string, hooks: { redraw(): void; changed(): void }): { control(cardReady: boolean): PersonControl } {
  let candidates: CandidatesState = { status: 'loading' };
  let busy = false;
  let error: string | null = null;
  let searched = false;

  const search = () =>
    actions.candidates(authorId).then(
      (found) => void ((candidates = { status: 'ready', found }), hooks.redraw()),
      (failure: unknown) => void ((candidates = { status: 'error', message: message(failure) }), hooks.redraw()),
    );

  function run(task: () => Promise<unknown>) {
    busy = true;
    error = null;
    hooks.redraw();
    void task().then(
      () => {
        busy = false;
        hooks.changed();
        void search();
      },
      (failure: unknown) => {
        busy = false;
        error = message(failure);
        hooks.redraw();
      },
    );
  }

  return {
    control: (cardReady) => {
      if (cardReady && !searched) {
        searched = true;
        void search();
      }
      return controlState();
    },
  };

  function controlState(): PersonControl {
    return {
      candidates,
      busy,
      error,
      onMerge: (otherId) => run(() => actions.merge([authorId, otherId])),
      onUnmerge: (personId) => run(() => actions.unmerge(personId)),
      onRestore: (paper) => run(() => actions.drop(authorId, paper, false)),
      onDrop: (paper) => run(() => actions.drop(authorId, { ids: paperIds(paper), title: paper.title.slice(0, 2000) }, true)),
    };
  }
}
