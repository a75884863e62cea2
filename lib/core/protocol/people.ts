// Messages about the authors the reader keeps: the compare tray and the follows.

import { isAuthorId } from '../ids';
import { MAX_ALERTS } from '../alerts';
import type { PaperKey } from '../ids';
import { authorRef, keyList, message, noPayload } from './define';
import { MAX_COMPARE, type AlertsView, type CompareEntry, type CompareRow, type FollowNews, type FollowRecord } from './wire';

const authorIdMessage = <Answer>(name: string) => message<{ authorId: string }, Answer>((raw) => (isAuthorId(raw.authorId) ? { authorId: raw.authorId } : `${name} needs an author id`));

export const peopleMessages = {
  compareList: noPayload<CompareEntry[]>(),
  /** Adds authors not in the tray yet, after those that are; all or none. */
  compareAdd: message<{ authors: { authorId: string; name: string }[] }, CompareEntry[]>((raw) => {
    const authors = Array.isArray(raw.authors) && raw.authors.length > 0 && raw.authors.length <= MAX_COMPARE ? raw.authors.map(authorRef) : null;
    return authors && authors.every((author) => author !== null) ? { authors: authors as { authorId: string; name: string }[] } : `compareAdd needs 1 to ${MAX_COMPARE} authors, each an id and a name`;
  }),
  compareRemove: authorIdMessage<CompareEntry[]>('compareRemove'),
  /** Moves an author to a position (0 is first). */
  compareMove: message<{ authorId: string; to: number }, CompareEntry[]>((raw) =>
    isAuthorId(raw.authorId) && typeof raw.to === 'number' && Number.isInteger(raw.to) && raw.to >= 0 && raw.to < MAX_COMPARE
      ? { authorId: raw.authorId, to: raw.to }
      : `compareMove needs an author id and a position from 0 to ${MAX_COMPARE - 1}`,
  ),
  compareClear: noPayload<CompareEntry[]>(),
  compareRow: authorIdMessage<CompareRow>('compareRow'),
  followList: noPayload<FollowRecord[]>(),
  follow: message<{ author: { authorId: string; name: string } }, FollowRecord[]>((raw) => {
    const author = authorRef(raw.author);
    return author ? { author } : 'follow needs an author: a Semantic Scholar id and a name';
  }),
  unfollow: authorIdMessage<FollowRecord[]>('unfollow'),
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
  /** Checks for new papers now (the Following tab's "Check now"; the alarm runs the same check). */
  alertsCheck: noPayload<AlertsView>(),
};
