// What annotating a page of entries needs and gives back: the background's answers and the
// reader's lists it draws from, and the handle that redraws when something changes elsewhere.

import type { PaperKey } from '../core/ids';
import type { AuthorCardData, PaperWithAuthors } from '../core/model';
import type { TabUpdate } from '../core/protocol/tab';
import type { EntryFacts } from '../core/triage';
import type { AuthorSetActions } from '../ui/authorSet';
import type { Correction } from '../ui/correction';
import type { PersonActions } from '../ui/personControl';
import type { SavedActions } from '../ui/savedActions';
import type { NearView } from './nearView';
import type { Yield } from './slices';

export interface AnnotateDeps {
  doc: Document;
  css: string;
  /** Papers by key; `urgent`: the reader is looking at them, so they go out now, in a request of their own. */
  /** Urgent: the first screen, sent at once; authorLimit: the most authors an entry shows. */
  papers: (keys: PaperKey[], options?: { urgent?: boolean; authorLimit?: number }) => Promise<Record<PaperKey, PaperWithAuthors | null>>;
  authorCard: (authorId: string) => Promise<AuthorCardData>;
  /** The reader's correction of who an author is; offered in the card when given. */
  correct?: Correction;
  /** The saved list: which papers are on it, and saving or removing one. Offered beside each badge. */
  saved?: SavedActions;
  /** Which papers the reader's Zotero holds (from the background's index), when the reader turned Zotero on. */
  zotero?: { which: (keys: PaperKey[]) => Promise<PaperKey[]>; send: (key: PaperKey) => Promise<unknown> };
  /** The compare tray, offered on every author card. */
  compare?: AuthorSetActions;
  /** Followed authors: offered on every author card, and their papers are marked. */
  follow?: AuthorSetActions;
  /** One person from several profiles, papers dropped: offered on every author card. */
  persons?: PersonActions;
  pause?: Yield;
  /** Which entries are near the view (default: an IntersectionObserver); a listing draws only those. */
  nearView?: NearView;
}

export interface AnnotateOptions {
  /** A badge after each entry's id link (listings, search, HTML). */
  badges: boolean;
  /** Show loading chips at once, and `?` chips for authors with no record (a single-paper page). */
  eagerChips: boolean;
  /** Put the badge inside `badgeAfter` (a title heading) rather than after it, so no line is added. */
  badgeInside?: boolean;
}

/** What stays of an annotated page: a way to redraw papers when fresher numbers arrive. */
export interface Annotation {
  refresh(papers: Record<PaperKey, PaperWithAuthors | null>): Promise<void>;
  /** Papers saved or removed outside the page (the keyboard shortcut, the popup): redraw their toggles. */
  markSaved(keys: readonly PaperKey[], saved: boolean): void;
  /** What is known of each entry (in the order given), for listing triage. */
  facts(): EntryFacts[];
}

/** Applies what the background or popup tells the tab to what is drawn. */
export function applyTabUpdate(annotation: Annotation, message: TabUpdate): Promise<void> | void {
  if (message.type === 'papersRefreshed') return annotation.refresh(message.papers);
  if (message.type === 'savedChanged') return annotation.markSaved(message.keys, message.saved);
}
