// Correcting who an author on a paper is: candidates by name (those on the paper first), and a pin
// stored as `author:<the source's id>` that the background applies from then on. Choosing the
// source's own profile again removes the pin.

import type { Candidate } from '../core/identity';
import type { Author, AuthorCardData, PaperKey } from '../core/model';
import type { ProfileQuery } from '../background/service';
import { AUTHOR_PIN } from '../background/service';
import type { Correction } from '../page/hoverCard';

export interface CorrectionDeps {
  candidates: (query: ProfileQuery) => Promise<Candidate[]>;
  pin: (profile: string, authorId: string | null) => Promise<unknown>;
  authorCard: (authorId: string) => Promise<AuthorCardData>;
}

/** The id the source gave, before any correction. */
const sourceId = (author: Author) => author.pinnedFrom ?? author.authorId;

export function createCorrection(deps: CorrectionDeps): Omit<Correction, 'onCorrected'> {
  return {
    candidates: (author: Author, paperKey: PaperKey | null) =>
      deps.candidates({
        profile: `${AUTHOR_PIN}${sourceId(author)}`,
        name: author.name,
        s2AuthorId: null,
        paperKeys: paperKey ? [paperKey] : [],
        titles: [],
      }),
    pin: async (author: Author, chosenId: string) => {
      const from = sourceId(author);
      const back = chosenId === from;
      await deps.pin(`${AUTHOR_PIN}${from}`, back ? null : chosenId);
      const { author: chosen } = await deps.authorCard(chosenId);
      return back ? chosen : { ...chosen, pinnedFrom: from };
    },
  };
}
