// Correcting who an author on a paper is: candidates by name (those on the paper first), and a pin
// stored as `author:<the source's id>` that the background applies from then on. Choosing the
// source's own profile again removes the pin.

import { AUTHOR_PIN, type Candidate, type ProfileQuery } from '../core/identity';
import type { PaperKey } from '../core/ids';
import type { Author, AuthorCardData } from '../core/model';
import { ask } from './ask';

export interface Correction {
  /** Profiles that could be `author`, ranked by overlap with `paperKey` (the paper where the name was). */
  candidates: (author: Author, paperKey: PaperKey | null) => Promise<Candidate[]>;
  /** Stores the reader's choice; resolves with the chosen author. */
  pin: (author: Author, chosenId: string) => Promise<Author>;
}

export interface CorrectionDeps {
  candidates: (query: ProfileQuery) => Promise<Candidate[]>;
  pin: (profile: string, authorId: string | null) => Promise<unknown>;
  authorCard: (authorId: string) => Promise<AuthorCardData>;
}

/** The id the source gave, before any correction. */
const sourceId = (author: Author) => author.pinnedFrom ?? author.authorId;

export function createCorrection(deps: CorrectionDeps): Correction {
  return {
    candidates: (author, paperKey) =>
      deps.candidates({ profile: `${AUTHOR_PIN}${sourceId(author)}`, name: author.name, s2AuthorId: null, paperKeys: paperKey ? [paperKey] : [], titles: [] }),
    pin: async (author, chosenId) => {
      const from = sourceId(author);
      const back = chosenId === from;
      await deps.pin(`${AUTHOR_PIN}${from}`, back ? null : chosenId);
      const { author: chosen } = await deps.authorCard(chosenId);
      return back ? chosen : { ...chosen, pinnedFrom: from };
    },
  };
}

/** The correction as pages and the popup offer it: through the background. */
export const correction = createCorrection({
  candidates: (profile) => ask({ type: 'profileCandidates', profile }),
  pin: (profile, authorId) => ask({ type: 'pinProfile', profile, authorId }),
  authorCard: (authorId) => ask({ type: 'authorCard', authorId }),
});
