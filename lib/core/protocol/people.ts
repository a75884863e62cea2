// Messages about the authors the reader keeps: the compare tray and the follows.

import { isAuthorId } from '../ids';
import { MAX_ALERTS } from '../alerts';
import type { PaperKey } from '../ids';
import type { DroppedPaper, PersonView } from '../model';
import { MAX_PERSON_PROFILES, readDroppedPaper } from '../person';
import type { PersonCandidates } from '../personCandidates';
import type { SelfCitationView } from '../selfCitations';
import { authorRef, forContentScripts, keyList, message, noPayload } from './define';
import { MAX_COMPARE, type AlertsView, type CompareEntry, type CompareRow, type FollowNews, type FollowRecord } from './wire';

const authorIdMessage = <Answer>(name: string) => message<{ authorId: string }, Answer>((raw) => (isAuthorId(raw.authorId) ? { authorId: raw.authorId } : `${name} needs an author id`));

// Every author card (hover card, profile panel) offers compare, follow and the person control, so
// content scripts may send those messages; the tray's order, the alerts and self-citations belong
// to extension pages.
export const peopleMessages = {
  compareList: forContentScripts(noPayload<CompareEntry[]>()),
  /** Adds authors not in the tray yet, after those that are; all or none. */
  compareAdd: forContentScripts(
    message<{ authors: { authorId: string; name: string }[] }, CompareEntry[]>((raw) => {
      const authors = Array.isArray(raw.authors) && raw.authors.length > 0 && raw.authors.length <= MAX_COMPARE ? raw.authors.map(authorRef) : null;
      return authors && authors.every((author) => author !== null) ? { authors: authors as { authorId: string; name: string }[] } : `compareAdd needs 1 to ${MAX_COMPARE} authors, each an id and a name`;
    }),
  ),
  compareRemove: forContentScripts(authorIdMessage<CompareEntry[]>('compareRemove')),
  /** Moves an author to a position (0 is first). */
  compareMove: message<{ authorId: string; to: number }, CompareEntry[]>((raw) =>
    isAuthorId(raw.authorId) && typeof raw.to === 'number' && Number.isInteger(raw.to) && raw.to >= 0 && raw.to < MAX_COMPARE
      ? { authorId: raw.authorId, to: raw.to }
      : `compareMove needs an author id and a position from 0 to ${MAX_COMPARE - 1}`,
  ),
  compareClear: noPayload<CompareEntry[]>(),
  compareRow: authorIdMessage<CompareRow>('compareRow'),
  followList: forContentScripts(noPayload<FollowRecord[]>()),
  follow: forContentScripts(
    message<{ author: { authorId: string; name: string } }, FollowRecord[]>((raw) => {
      const author = authorRef(raw.author);
      return author ? { author } : 'follow needs an author: a Semantic Scholar id and a name';
    }),
  ),
  unfollow: forContentScripts(authorIdMessage<FollowRecord[]>('unfollow')),
  /** Papers by followed authors seen since the last call, newest first; the next call starts from now. */
  followNews: noPayload<FollowNews>(),
  /** The papers the scheduled check announced and where it stands. */
  alerts: noPayload<AlertsView>(),
  /** Marks announcements seen: these, or all of them. */
  alertsSeen: message<{ keys?: PaperKey[] }, AlertsView>((raw) => {
    if (raw.keys === undefined) return {};
    const keys = keyList(raw.keys, MAX_ALERTS);
    return keys ? { keys } : `alertsSeen needs at most ${MAX_ALERTS} paper keys, or none for all`;
  }),
  /** Other profiles that may be the author (or their person), with the evidence; one search, cached. */
  personCandidates: forContentScripts(authorIdMessage<PersonCandidates>('personCandidates')),
  /** Merges profiles into one person, the first profile's (with the persons they are already part of). */
  personMerge: forContentScripts(
    message<{ authorIds: string[] }, PersonView>((raw) =>
      Array.isArray(raw.authorIds) && raw.authorIds.length >= 2 && raw.authorIds.length <= MAX_PERSON_PROFILES && raw.authorIds.every(isAuthorId) && new Set(raw.authorIds).size === raw.authorIds.length
        ? { authorIds: raw.authorIds as string[] }
        : `personMerge needs 2 to ${MAX_PERSON_PROFILES} different author ids`,
    ),
  ),
  /** Takes a person apart again (their drops go with them). */
  personUnmerge: forContentScripts(message<{ personId: string }, null>((raw) => (isAuthorId(raw.personId) ? { personId: raw.personId } : 'personUnmerge needs a person id'))),
  /** Drops a paper from the author's person, or (dropped: false) takes it back. */
  personDrop: forContentScripts(
    message<{ authorId: string; paper: DroppedPaper; dropped: boolean }, PersonView | null>((raw) => {
      const paper = readDroppedPaper(raw.paper);
      return isAuthorId(raw.authorId) && paper && typeof raw.dropped === 'boolean' ? { authorId: raw.authorId, paper, dropped: raw.dropped } : 'personDrop needs an author id, a paper (its ids and title) and whether it is dropped';
    }),
  ),
  /** Self-citations of the author's person: where the count stands; 'start' begins it, 'more' checks the next papers. */
  selfCitations: message<{ authorId: string; action: 'read' | 'start' | 'more' }, SelfCitationView>((raw) =>
    isAuthorId(raw.authorId) && (raw.action === 'read' || raw.action === 'start' || raw.action === 'more') ? { authorId: raw.authorId, action: raw.action } : "selfCitations needs an author id and an action: 'read', 'start' or 'more'",
  ),
  /** Checks for new papers now (the Following tab's "Check now"; the alarm runs the same check). */
  alertsCheck: noPayload<AlertsView>(),
};
