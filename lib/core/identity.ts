// Who a profile page is about. Ids beat names: a pin the reader set, then a Semantic Scholar id
// the page gives, then the author ids on the page's own arXiv papers; only with none of those does
// a name search offer candidates, ranked by how many of the page's papers they wrote.

import type { PaperKey } from './ids';
import { matchAuthors } from './names';
import type { Author, PaperWithAuthors } from './model';
import type { ProfileContext } from './sites/types';

/** The question a profile page asks: who is this? With the page's evidence. */
export interface ProfileQuery {
  /** `<site>:<profile key>`. */
  profile: string;
  name: string | null;
  s2AuthorId: string | null;
  /** The page's papers (arXiv ids and `doi:` keys): evidence for who the person is. */
  paperKeys: PaperKey[];
  /** Paper titles on the page, where it gives no ids (Google Scholar). */
  titles: string[];
  /** The ORCID iD the page links, where it links one: a candidate whose profile has it is the person. */
  orcid?: string | null;
}

/** Pins that correct an author on papers are profiles named `author:<the source's author id>`. */
export const AUTHOR_PIN = 'author:';

/** What the background needs to resolve the person: ids first, the page's papers as evidence. */
export function profileQuery(context: ProfileContext): ProfileQuery {
  return {
    profile: `${context.site}:${context.profileKey}`,
    name: context.name,
    s2AuthorId: context.s2AuthorId,
    paperKeys: [...new Set(context.entries.map((entry) => entry.key))].slice(0, 500),
    titles: context.titles.slice(0, 100).map((title) => title.slice(0, 500)),
    ...(context.orcid ? { orcid: context.orcid } : {}),
  };
}

/** Whether the page gives anything to find the person by: a name, an id, papers or titles (an app page may not yet). */
export function hasEvidence(query: ProfileQuery): boolean {
  return Boolean(query.name || query.s2AuthorId || query.paperKeys.length > 0 || query.titles.length > 0);
}

export interface Candidate {
  author: Author;
  /** How many of the page's papers list this author. */
  overlap: number;
}

/** How the person was found: the reader's pin, a Semantic Scholar id or an ORCID iD the page gives, or the page's papers. */
export type ResolvedVia = 'pin' | 'page-id' | 'orcid' | 'papers';

export type Resolution = (
  | { status: 'resolved'; author: Author; via: ResolvedVia; evidence: number }
  | { status: 'candidates'; candidates: Candidate[] }
  | { status: 'unknown' }
) & {
  /** An author id Semantic Scholar no longer has: the reader's pin for the page, or the profile the page links. */
  gone?: { authorId: string; from: 'pin' | 'link' };
  /** A profile the page links whose name is not the page's: shown as the page's claim, not taken as who this is. */
  claim?: { authorId: string; name: string };
};

/**
 * Whether a profile's name can be the page's name, by the rules that line authors up (surname and
 * first initial), with the family name last or, as some pages write it, first ("WANG Zhaoran").
 */
export function namesAgree(pageName: string, profileName: string): boolean {
  const [family, ...given] = pageName.trim().split(/\s+/);
  const familyLast = [...given, family].join(' ');
  return matchAuthors([pageName], [profileName])[0] === 0 || matchAuthors([familyLast], [profileName])[0] === 0;
}

/** For each author id, on how many of `papers` an author matching `name` has that id. */
export function tallyByName(name: string, papers: readonly (PaperWithAuthors | null)[]): Map<string, { author: Author; count: number }> {
  const tally = new Map<string, { author: Author; count: number }>();
  for (const entry of papers) {
    if (!entry) continue;
    const [match] = matchAuthors([name], entry.authors.map((author) => author.name));
    const author = match === null || match === undefined ? undefined : entry.authors[match];
    if (!author) continue;
    const seen = tally.get(author.authorId);
    tally.set(author.authorId, { author, count: (seen?.count ?? 0) + 1 });
  }
  return tally;
}

/**
 * The author the page's papers agree on: the most frequent id, if it leads clearly (more than half
 * of the papers that name the person at all, and at least two papers unless the page has only one).
 */
export function resolveFromPapers(tally: Map<string, { author: Author; count: number }>, paperCount: number): { author: Author; count: number } | null {
  const ranked = [...tally.values()].sort((a, b) => b.count - a.count);
  const best = ranked[0];
  if (!best) return null;
  const named = ranked.reduce((sum, entry) => sum + entry.count, 0);
  const enough = best.count >= 2 || paperCount === 1;
  return enough && best.count * 2 > named ? best : null;
}

/** Candidates from a name search, those who wrote the page's papers first. */
export function rankCandidates(found: readonly Author[], tally: Map<string, { count: number }>): Candidate[] {
  return found
    .map((author) => ({ author, overlap: tally.get(author.authorId)?.count ?? 0 }))
    .sort((a, b) => b.overlap - a.overlap || (b.author.citationCount ?? 0) - (a.author.citationCount ?? 0));
}

/**
 * OpenAlex's id for an author of ours, from works we know they wrote: on each work, the authorship
 * whose name matches theirs gives an id; the id must be on more than half of the works that name
 * them, and on at least two unless only one work was found. Null when the works do not agree.
 */
export function matchOpenAlexAuthor(
  name: string,
  works: readonly { authorships: readonly { authorId: string | null; name: string }[] }[],
): { openAlexId: string; agreeing: number } | null {
  const tally = new Map<string, number>();
  for (const work of works) {
    const [match] = matchAuthors([name], work.authorships.map((authorship) => authorship.name));
    const id = match === null || match === undefined ? null : work.authorships[match]?.authorId;
    if (id) tally.set(id, (tally.get(id) ?? 0) + 1);
  }
  const ranked = [...tally.entries()].sort((a, b) => b[1] - a[1]);
  const best = ranked[0];
  if (!best) return null;
  const named = ranked.reduce((sum, [, count]) => sum + count, 0);
  const enough = best[1] >= 2 || works.length === 1;
  return enough && best[1] * 2 > named ? { openAlexId: best[0], agreeing: best[1] } : null;
}
