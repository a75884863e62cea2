// When a title search's hit is the preprint's published version: never on the title alone (a book
// titled "Deep Learning" is not the paper; a Crossref search for "Attention Is All You Need" answers
// a paper by two of its authors with another title first). A hit is accepted only when its kind is a
// published paper, the normalised titles are equal, a family name agrees and its year is not before
// the preprint's year minus one. Anything else is "no published version found", never a guess.

import { titleKey } from './names';
import type { Candidate } from './publishedRecords';

export interface Preprint {
  title: string;
  /** Full names, as the saved list or the source gives them. */
  authors: readonly string[];
  year: number | null;
}

const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/** The last word of each family name, folded: "M. Bran" and "Andrés M Bran" agree on "bran". */
function familyWords(names: readonly string[]): Set<string> {
  return new Set(names.map((name) => fold(name).split(' ').pop() ?? '').filter((word) => word.length > 1));
}

/** Why a hit is not the published version, or null when it is. */
export function rejection(preprint: Preprint, candidate: Candidate, preprintFamilies: readonly string[]): string | null {
  if (!candidate.eligible) return 'not a published paper (a preprint, a book or an editorship)';
  if (titleKey(candidate.title) !== titleKey(preprint.title)) return 'another title';
  const theirs = familyWords(candidate.families);
  if (![...familyWords(preprintFamilies)].some((family) => theirs.has(family))) return 'no author in common';
  if (candidate.year === null || (preprint.year !== null && candidate.year < preprint.year - 1)) return 'published before the preprint';
  return null;
}

/** The first hit the rules accept, or null. */
export function acceptedHit(preprint: Preprint, candidates: readonly Candidate[], preprintFamilies: readonly string[]): Candidate | null {
  return candidates.find((candidate) => rejection(preprint, candidate, preprintFamilies) === null) ?? null;
}
