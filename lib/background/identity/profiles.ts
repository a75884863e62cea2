// Who a profile page is about. Ids beat names: a pin the reader set, then a Semantic Scholar id
// the page gives, then the author ids on the page's own papers, then an ORCID iD the page gives;
// only with none of those does a name search offer candidates, ranked by how many of the page's
// papers (or titles) they share.

import { namesAgree, rankCandidates, resolveFromPapers, tallyByName, type Candidate, type ProfileQuery, type Resolution } from '../../core/identity';
import type { PaperKey } from '../../core/ids';
import type { Author, PaperWithAuthors } from '../../core/model';
import { titleKey } from '../../core/names';
import { aclEarlierKeys } from '../../core/sites/aclAnthology';
import type { Context } from '../context';
import type { HandlersFor } from '../router';
import type { Sources } from '../sources';
import { SourceError } from '../sources/http';
import type { Pins } from './pins';

export interface IdentityDeps {
  sources: Sources;
  authorRecord: (authorId: string) => Promise<Author>;
  papers: (keys: PaperKey[]) => Promise<Record<PaperKey, PaperWithAuthors | null>>;
  pins: Pins;
}

// Where only titles are evidence: one candidate wrote at least two of them and more than twice
// as many as anyone else.
function clearLeader(candidates: Candidate[]): Candidate | null {
  const [first, second] = candidates;
  if (!first || first.overlap < 2) return null;
  return !second || first.overlap > 2 * second.overlap ? first : null;
}

export type IdentityFeature = ReturnType<typeof createIdentity>;

export function createIdentity(ctx: Context, deps: IdentityDeps) {
  const { pins } = deps;

  // An ACL Anthology pin made before its three addresses became one profile is still the reader's.
  async function earlierPin(profile: string): Promise<string | null> {
    if (!profile.startsWith('aclanthology:')) return null;
    for (const key of aclEarlierKeys(profile.slice('aclanthology:'.length))) {
      const pinned = await pins.pinOf(`aclanthology:${key}`);
      if (pinned) return pinned;
    }
    return null;
  }

  async function pagePapers(query: ProfileQuery) {
    if (!query.name || query.paperKeys.length === 0) return { tally: new Map<string, { author: Author; count: number }>(), count: 0 };
    const answers = Object.values(await deps.papers(query.paperKeys));
    return { tally: tallyByName(query.name, answers), count: answers.filter(Boolean).length };
  }

  /** Profiles under the page's name (with their titles where the page gives titles): one search, shared while it runs. */
  function searchName(query: ProfileQuery & { name: string }) {
    const withTitles = query.titles.length > 0;
    return ctx.shared(`search:${withTitles ? 'titles:' : ''}${query.name}`, () => deps.sources.semanticScholar.search(query.name, withTitles));
  }

  async function candidatesFrom(query: ProfileQuery, tally: Map<string, { count: number }>): Promise<Candidate[]> {
    if (!query.name) return [];
    const found = await searchName({ ...query, name: query.name });
    const pageTitles = new Set(query.titles.map(titleKey));
    const overlapTally = new Map<string, { count: number }>(tally);
    for (const { author, titles } of found) {
      const shared = titles.filter((title) => pageTitles.has(titleKey(title))).length;
      overlapTally.set(author.authorId, { count: Math.max(shared, tally.get(author.authorId)?.count ?? 0) });
    }
    return rankCandidates(
      found.map((entry) => entry.author),
      overlapTally,
    );
  }

  /** The author's record; null when Semantic Scholar no longer has the id (merged into another profile, removed: 404). */
  async function recordUnlessGone(authorId: string): Promise<Author | null> {
    try {
      return await deps.authorRecord(authorId);
    } catch (error) {
      if (error instanceof SourceError && error.kind === 'not-found') return null;
      throw error;
    }
  }

  async function resolve(query: ProfileQuery): Promise<Resolution> {
    const pinned = (await pins.pinOf(query.profile)) ?? (await earlierPin(query.profile));
    if (!pinned) return fromIds(query);
    // A pin to a gone profile is kept (choosing again replaces it); meanwhile the page's evidence decides.
    const author = await recordUnlessGone(pinned);
    return author ? { status: 'resolved', via: 'pin', evidence: 0, author } : { ...(await fromIds(query)), gone: { authorId: pinned, from: 'pin' } };
  }

  async function fromIds(query: ProfileQuery): Promise<Resolution> {
    const id = query.s2AuthorId;
    if (!id) return fromEvidence(query);
    // A Semantic Scholar address naming no author is an error; a profile another page links can be
    // gone while that page's other evidence holds.
    const ownPage = query.profile.startsWith('semanticscholar:');
    const author = ownPage ? await deps.authorRecord(id) : await recordUnlessGone(id);
    if (!author) return { ...(await fromEvidence(query)), gone: { authorId: id, from: 'link' } };
    // Another site's page can link anyone: its link counts only when the names agree.
    if (!ownPage && query.name && !namesAgree(query.name, author.name)) return { ...(await fromEvidence(query)), claim: { authorId: id, name: author.name } };
    return { status: 'resolved', via: 'page-id', evidence: 0, author };
  }

  async function fromEvidence(query: ProfileQuery): Promise<Resolution> {
    // The page's papers are fetched for its badges anyway; agreeing, they spare the name search.
    const { tally, count } = await pagePapers(query);
    const agreed = resolveFromPapers(tally, count);
    if (agreed) return { status: 'resolved', via: 'papers', evidence: agreed.count, author: agreed.author };
    // An ORCID iD the page gives, on one profile of those under the name: that profile is the person.
    if (query.orcid && query.name) {
      const same = (await searchName({ ...query, name: query.name })).filter((entry) => entry.orcid === query.orcid);
      if (same.length === 1) return { status: 'resolved', via: 'orcid', evidence: 0, author: same[0]!.author };
    }
    const candidates = await candidatesFrom(query, tally);
    const byTitles = clearLeader(candidates);
    if (byTitles) return { status: 'resolved', via: 'papers', evidence: byTitles.overlap, author: byTitles.author };
    return candidates.length > 0 ? { status: 'candidates', candidates } : { status: 'unknown' };
  }

  const candidates = async (query: ProfileQuery) => candidatesFrom(query, (await pagePapers(query)).tally);

  const handlers: HandlersFor<'resolveProfile' | 'profileCandidates' | 'pinProfile'> = {
    resolveProfile: ({ profile }) => resolve(profile),
    profileCandidates: ({ profile }) => candidates(profile),
    pinProfile: async ({ profile, authorId }) => (await pins.pin(profile, authorId), null),
  };

  return { resolve, candidates, handlers };
}
