// Messages about papers and the people on them: pages' paper lookups, author cards, related papers,
// and who a profile page is.

import { isAuthorId, isPaperKey, ORCID_ID, type PaperKey } from '../ids';
import type { Candidate, ProfileQuery, Resolution } from '../identity';
import type { AuthorCardData, PaperWithAuthors } from '../model';
import { PROFILE_KEY } from '../sites/profileSites';
import { isRecord } from '../validate';
import { forContentScripts, keyList, MAX_IDS_PER_MESSAGE, message } from './define';
import type { RelatedRecord } from './wire';

const MAX_TITLES = 100;
const MAX_PROFILE_PAPERS = 500;
/** More names than any page shows for one paper. */
const MAX_AUTHOR_LIMIT = 10_000;

function parseProfileQuery(raw: unknown): ProfileQuery | string {
  if (!isRecord(raw)) return 'A profile is needed';
  if (typeof raw.profile !== 'string' || !PROFILE_KEY.test(raw.profile)) return 'Unknown profile key';
  const name = raw.name === null ? null : typeof raw.name === 'string' && raw.name.length <= 200 ? raw.name : undefined;
  if (name === undefined) return 'A profile name is text of at most 200 characters, or null';
  const s2AuthorId = raw.s2AuthorId === null ? null : isAuthorId(raw.s2AuthorId) ? raw.s2AuthorId : undefined;
  if (s2AuthorId === undefined) return 'A Semantic Scholar author id is digits, or null';
  const paperKeys = keyList(raw.paperKeys, MAX_PROFILE_PAPERS);
  if (!paperKeys) return `A profile lists at most ${MAX_PROFILE_PAPERS} paper keys (arXiv ids without versions, doi:…)`;
  const titles = raw.titles;
  if (!Array.isArray(titles) || titles.length > MAX_TITLES || !titles.every((t) => typeof t === 'string' && t.length <= 500)) {
    return `A profile lists at most ${MAX_TITLES} titles of at most 500 characters`;
  }
  if (raw.orcid !== undefined && raw.orcid !== null && (typeof raw.orcid !== 'string' || !ORCID_ID.test(raw.orcid))) return 'An ORCID iD is 0000-0000-0000-000X, or null';
  return { profile: raw.profile, name, s2AuthorId, paperKeys, titles: titles as string[], ...(typeof raw.orcid === 'string' ? { orcid: raw.orcid } : {}) };
}

// A profile page's papers become its tab's own, as a listing's do.
const profileMessage = <Answer>() =>
  forContentScripts(
    message<{ profile: ProfileQuery }, Answer>((raw) => {
      const profile = parseProfileQuery(raw.profile);
      return typeof profile === 'string' ? profile : { profile };
    }),
    { shows: ({ profile }) => profile.paperKeys },
  );

export const paperMessages = {
  /** Papers by key with their authors' numbers; null for papers no source knows. */
  /**
   * `urgent`: the entries in the reader's view; what must be fetched goes out at once, in a request of
   * its own. `authorLimit`: a listing shows at most this many names an entry; the answer is cut to
   * that (see PaperWithAuthors.omitted), which keeps a listing of big collaborations' papers small.
   */
  papers: forContentScripts(
    message<{ keys: PaperKey[]; urgent?: boolean; authorLimit?: number }, Record<PaperKey, PaperWithAuthors | null>>((raw) => {
      const ids = raw.keys;
      if (!Array.isArray(ids) || ids.length === 0 || ids.length > MAX_IDS_PER_MESSAGE) return `papers needs 1 to ${MAX_IDS_PER_MESSAGE} paper keys`;
      if (raw.urgent !== undefined && typeof raw.urgent !== 'boolean') return 'papers: urgent is true or false';
      const limit = raw.authorLimit;
      if (limit !== undefined && !(Number.isInteger(limit) && (limit as number) >= 1 && (limit as number) <= MAX_AUTHOR_LIMIT)) return `papers: authorLimit is a whole number from 1 to ${MAX_AUTHOR_LIMIT}`;
      const keys = keyList(ids);
      if (keys) return { keys, ...(raw.urgent ? { urgent: true } : {}), ...(limit !== undefined ? { authorLimit: limit as number } : {}) };
      const bad = ids.find((id) => typeof id !== 'string' || !isPaperKey(id));
      return `Not a paper key (an arXiv id without version, or doi:…): ${String(bad).slice(0, 40)}`;
    }),
    // The papers a page asks about are the ones it shows: they become the tab's own.
    { shows: ({ keys }) => keys },
  ),
  authorCard: forContentScripts(message<{ authorId: string }, AuthorCardData>((raw) => (isAuthorId(raw.authorId) ? { authorId: raw.authorId } : 'authorCard needs an author id'))),
  related: forContentScripts(message<{ key: PaperKey }, RelatedRecord>((raw) => (typeof raw.key === 'string' && isPaperKey(raw.key) ? { key: raw.key } : 'related needs a paper key'))),
  resolveProfile: profileMessage<Resolution>(),
  /** Candidates for a profile by name search, those who wrote the page's papers first. */
  profileCandidates: profileMessage<Candidate[]>(),
  /** Pins (or with null, unpins) who a profile is: the profile panel's and the chips' correction. */
  pinProfile: forContentScripts(
    message<{ profile: string; authorId: string | null }, null>((raw) => {
      if (typeof raw.profile !== 'string' || !PROFILE_KEY.test(raw.profile)) return 'Unknown profile key';
      if (raw.authorId !== null && !isAuthorId(raw.authorId)) return 'pinProfile needs an author id or null';
      return { profile: raw.profile, authorId: raw.authorId };
    }),
  ),
};
