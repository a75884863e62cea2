// Other profiles that may be the same person, with the evidence a reader can check: coauthors
// both profiles share (by author id), overlapping years, shared venues, the same ORCID or OpenAlex
// author, the name variants seen. A profile that shares nothing but the name is listed as such and never suggested.

import type { Author, AuthorRef, DroppedPaper, Paper } from './model';

/** What a name search tells of one profile. */
export interface SearchedProfile {
  author: Author;
  orcid: string | null;
  papers: { year: number | null; venue: string | null; coauthors: AuthorRef[] }[];
}

export interface ProfileEvidence {
  author: Author;
  /** Coauthors of both (most papers together first), at most SHOWN_COAUTHORS. */
  sharedCoauthors: { authorId: string; name: string }[];
  sharedCoauthorCount: number;
  years: { from: number; to: number } | null;
  overlappingYears: boolean;
  sharedVenues: string[];
  sameOrcid: boolean;
  /** The OpenAlex author both profiles were matched to (from cards opened before), or null. */
  sameOpenAlex: string | null;
  /** Evidence beyond the name: a shared coauthor, the same ORCID or the same OpenAlex author. */
  suggested: boolean;
}

export interface PersonCandidates {
  /** Every spelling of the name seen on the person and the candidates. */
  nameVariants: string[];
  candidates: ProfileEvidence[];
}

export const SHOWN_COAUTHORS = 8;
const SHOWN_VENUES = 5;
/** Bounds on hostile or enormous answers: papers per profile and authors per paper looked at. */
export const MAX_PAPERS_LOOKED = 2000;
export const MAX_COAUTHORS_LOOKED = 200;

interface Side {
  coauthors: Map<string, { name: string; papers: number }>;
  years: { from: number; to: number } | null;
  venues: Set<string>;
}

function sideOf(papers: readonly { year: number | null; venue: string | null; coauthors: readonly AuthorRef[] }[], selves: ReadonlySet<string>): Side {
  const coauthors = new Map<string, { name: string; papers: number }>();
  const venues = new Set<string>();
  let from = Infinity;
  let to = -Infinity;
  for (const paper of papers.slice(0, MAX_PAPERS_LOOKED)) {
    if (paper.year !== null) [from, to] = [Math.min(from, paper.year), Math.max(to, paper.year)];
    if (paper.venue) venues.add(paper.venue.trim().toLowerCase());
    for (const author of paper.coauthors.slice(0, MAX_COAUTHORS_LOOKED)) {
      if (!author.authorId || selves.has(author.authorId)) continue;
      const seen = coauthors.get(author.authorId);
      coauthors.set(author.authorId, { name: seen?.name ?? author.name, papers: (seen?.papers ?? 0) + 1 });
    }
  }
  return { coauthors, venues, years: from <= to ? { from, to } : null };
}

const fromPublications = (papers: readonly Paper[]) => papers.map((paper) => ({ year: paper.year, venue: null, coauthors: paper.authors }));

/**
 * Ranks the search's profiles against the person (their profiles' ids, publications, and their own
 * entries in the same search, which give venues and ORCID): most evidence first; the person's own
 * profiles are left out.
 */
export function rankPersonCandidates(
  person: { authorIds: readonly string[]; names: readonly string[]; publications: readonly Paper[] },
  found: readonly SearchedProfile[],
  /** OpenAlex's author for each profile it is known to match (ours and the candidates'). */
  openAlexOf: ReadonlyMap<string, string> = new Map(),
): PersonCandidates {
  const selves = new Set(person.authorIds);
  const own = found.filter((profile) => selves.has(profile.author.authorId));
  const mine = sideOf([...fromPublications(person.publications), ...own.flatMap((profile) => profile.papers)], selves);
  const orcids = new Set(own.map((profile) => profile.orcid).filter((orcid): orcid is string => orcid !== null));
  const openAlexIds = new Set(person.authorIds.map((id) => openAlexOf.get(id)).filter((id): id is string => id !== undefined));
  const candidates = found
    .filter((profile) => !selves.has(profile.author.authorId))
    .map((profile): ProfileEvidence => {
      const theirs = sideOf(profile.papers, new Set([profile.author.authorId]));
      const shared = [...theirs.coauthors.entries()]
        .filter(([authorId]) => mine.coauthors.has(authorId))
        .map(([authorId, { name, papers }]) => ({ authorId, name: mine.coauthors.get(authorId)?.name ?? name, papers: papers + (mine.coauthors.get(authorId)?.papers ?? 0) }))
        .sort((a, b) => b.papers - a.papers || a.name.localeCompare(b.name));
      const overlappingYears = !!(mine.years && theirs.years && theirs.years.from <= mine.years.to && mine.years.from <= theirs.years.to);
      const sameOrcid = profile.orcid !== null && orcids.has(profile.orcid);
      const theirOpenAlex = openAlexOf.get(profile.author.authorId);
      const sameOpenAlex = theirOpenAlex && openAlexIds.has(theirOpenAlex) ? theirOpenAlex : null;
      return {
        author: profile.author,
        sharedCoauthors: shared.slice(0, SHOWN_COAUTHORS).map(({ authorId, name }) => ({ authorId, name })),
        sharedCoauthorCount: shared.length,
        years: theirs.years,
        overlappingYears,
        sharedVenues: [...theirs.venues].filter((venue) => mine.venues.has(venue)).slice(0, SHOWN_VENUES),
        sameOrcid,
        sameOpenAlex,
        suggested: sameOrcid || sameOpenAlex !== null || shared.length > 0,
      };
    })
    .sort((a, b) => Number(b.sameOrcid) - Number(a.sameOrcid) || Number(b.sameOpenAlex !== null) - Number(a.sameOpenAlex !== null) || b.sharedCoauthorCount - a.sharedCoauthorCount || Number(b.overlappingYears) - Number(a.overlappingYears) || b.sharedVenues.length - a.sharedVenues.length);
  const nameVariants = [...new Set([...person.names, ...found.map((profile) => profile.author.name)].map((name) => name.trim()).filter(Boolean))];
  return { nameVariants, candidates };
}

/** What a card needs to offer the person's actions (lib/ui/personControl.ts makes it). */
export type CandidatesState = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; found: PersonCandidates };

export interface PersonControl {
  candidates: CandidatesState;
  /** An action is under way (buttons wait). */
  busy: boolean;
  /** Why the last action failed, or null. */
  error: string | null;
  onMerge(authorId: string): void;
  onUnmerge(personId: string): void;
  onRestore(paper: DroppedPaper): void;
  /** "Not by this person" on a publication. */
  onDrop(paper: Paper): void;
}
