// Drawing one entry of a page: its badge, a chip beside each author name, and the hover card behind
// the chips. What to draw comes from annotate.ts, which knows the answers and what is near the view.

import { h, render } from 'preact';
import { EntryBadge } from '../../components/PaperBadge';
import type { PaperKey } from '../core/ids';
import type { Author, PaperWithAuthors } from '../core/model';
import { matchAuthors } from '../core/names';
import type { PageAuthor, PageEntry } from '../core/sites/types';
import type { AnnotateDeps, AnnotateOptions } from './annotation';
import { renderChip, type ChipState } from './chip';
import { createHoverCard, type HoverCard } from './hoverCard';
import { addHost, chunks, nodeAt } from './placement';

/** What the background said of a paper: its record, null when no source knows it, or why it failed. */
export type EntryAnswer = PaperWithAuthors | null | Error;

interface ChipSlot {
  pageAuthor: PageAuthor;
  /** Whether the name's element is its own, not shared with other names (then it opens the card too). */
  nameIsOwn: boolean;
  root: ShadowRoot;
  host: HTMLElement;
  /** The entry's author list, which the card opens clear of. */
  authorList: Element | null;
}

/** The hosts drawn for one entry, reused when it is drawn again. */
interface Drawn {
  badge?: ShadowRoot;
  slots: Map<number, ChipSlot>;
  /** Elements that hold more than one of the entry's names. */
  shared?: Set<HTMLElement>;
  /** The element holding all of the entry's names (the card opens below it); null when they share none below the body. */
  authorList?: Element | null;
}

/** The closest element holding the entry's first and last names, below the page's body. */
function authorListOf(entry: PageEntry): Element | null {
  const first = entry.authors[0]?.element;
  const last = entry.authors[entry.authors.length - 1]?.element;
  if (!first || !last) return null;
  for (let node: Element | null = first.parentElement; node && node !== first.ownerDocument.body; node = node.parentElement) if (node.contains(last)) return node;
  return null;
}

export interface EntryDrawingDeps {
  deps: AnnotateDeps;
  options: AnnotateOptions;
  /** Whether a paper is on the saved list now. */
  isSaved: (key: PaperKey) => boolean;
  /** Whether the reader's Zotero holds it (false when Zotero is off). */
  inZotero: (key: PaperKey) => boolean;
  sendToZotero: (key: PaperKey) => void;
  toggleSaved: (entry: PageEntry) => void;
  retryFailed: () => void;
}

export type EntryDrawing = ReturnType<typeof createEntryDrawing>;

function sharedElements(entry: PageEntry): Set<HTMLElement> {
  const seen = new Set<HTMLElement>();
  const shared = new Set<HTMLElement>();
  for (const { element } of entry.authors) (seen.has(element) ? shared : seen).add(element);
  return shared;
}

export function createEntryDrawing({ deps, options, isSaved, inZotero, sendToZotero, toggleSaved, retryFailed }: EntryDrawingDeps) {
  const { doc, css } = deps;
  const drawn = new Map<PageEntry, Drawn>();
  let card: HoverCard | null = null;
  // Chips drawn for each shown author, so a correction redraws them all at once.
  const shownAs = new Map<string, Map<ChipSlot, PaperKey>>();
  const redraw = (from: Author, to: Author) => {
    const placed = shownAs.get(from.authorId) ?? new Map<ChipSlot, PaperKey>();
    shownAs.delete(from.authorId);
    for (const [slot, paperKey] of placed) show(slot, to, paperKey);
  };
  const hoverCard = () =>
    (card ??= createHoverCard({ doc, css, loadCard: deps.authorCard, correct: deps.correct, onCorrected: redraw, compare: deps.compare, follow: deps.follow, persons: deps.persons }));

  function stateOf(entry: PageEntry): Drawn {
    let state = drawn.get(entry);
    if (!state) drawn.set(entry, (state = { slots: new Map() }));
    return state;
  }

  function show(slot: ChipSlot, author: Author, paperKey: PaperKey) {
    const cardForPage = hoverCard();
    renderChip(slot.root, slot.pageAuthor.name, { status: 'ready', author });
    if (slot.nameIsOwn) cardForPage.register(slot.pageAuthor.element, author, 'name', paperKey, slot.authorList);
    cardForPage.register(slot.host, author, 'chip', paperKey, slot.authorList);
    const placed = shownAs.get(author.authorId) ?? new Map<ChipSlot, PaperKey>();
    shownAs.set(author.authorId, placed.set(slot, paperKey));
  }

  function slotFor(entry: PageEntry, state: Drawn, index: number): ChipSlot {
    let slot = state.slots.get(index);
    if (!slot) {
      const pageAuthor = entry.authors[index] as PageAuthor;
      const made = addHost(doc, css, pageAuthor.chipAt ? nodeAt(pageAuthor.chipAt) : pageAuthor.element, 'scholarscope-chip');
      // An element that holds several names opens no card of its own: its chips do.
      if (state.authorList === undefined) state.authorList = authorListOf(entry);
      slot = { pageAuthor, nameIsOwn: !(state.shared ??= sharedElements(entry)).has(pageAuthor.element), authorList: state.authorList, ...made };
      state.slots.set(index, slot);
    }
    return slot;
  }

  function drawBadge(entry: PageEntry, answer: EntryAnswer | undefined, followed: readonly string[]) {
    if (!options.badges || !entry.badgeAfter) return;
    const state = stateOf(entry);
    state.badge ??= addHost(doc, css, entry.badgeAfter, 'scholarscope-badge', options.badgeInside).root;
    const title = (answer && !(answer instanceof Error) && answer.paper.title) || entry.title || entry.key;
    const save = deps.saved && { saved: isSaved(entry.key), title, onToggle: () => toggleSaved(entry) };
    render(h(EntryBadge, { answer: answer instanceof Error ? { error: answer.message } : (answer ?? null), onRetry: retryFailed, followed, save, withdrawn: entry.withdrawn, zotero: deps.zotero && { held: inZotero(entry.key), title, onSend: () => sendToZotero(entry.key) } }), state.badge);
  }

  return {
    isDrawn: (entry: PageEntry) => drawn.has(entry),

    /** Loading chips for every author of `entry`, a few dozen a step (a page about one paper shows them at once). */
    loadingSteps(entry: PageEntry): (() => void)[] {
      const state = stateOf(entry);
      return chunks(entry.authors.length).map(([from, to]) => () => {
        for (let index = from; index < to; index++) if (!state.slots.has(index)) renderChip(slotFor(entry, state, index).root, entry.authors[index]!.name, { status: 'loading' });
      });
    },

    /** Chips already drawn go back to loading (trying again). */
    showLoading(entry: PageEntry) {
      drawn.get(entry)?.slots.forEach((slot) => renderChip(slot.root, slot.pageAuthor.name, { status: 'loading' }));
    },

    /** Drawing an answer as small steps: the badge and the name matching first, then the chips a few dozen at a time. */
    steps(entry: PageEntry, answer: EntryAnswer, followed: readonly string[]): (() => void)[] {
      const state = stateOf(entry);
      let matches: (number | null)[] = [];
      const head = () => {
        drawBadge(entry, answer, followed);
        if (answer && !(answer instanceof Error)) matches = matchAuthors(entry.authors.map((a) => a.name), answer.authors.map((a) => a.name));
      };
      const chips = ([from, to]: [number, number]) => () => {
        if (!answer || answer instanceof Error) {
          // Chips already on the page say why; on listings, stay quiet about papers the source does not know.
          const chipState: ChipState = answer instanceof Error ? { status: 'error', message: answer.message } : { status: 'unknown' };
          for (let index = from; index < to; index++) {
            const slot = state.slots.get(index);
            if (slot) renderChip(slot.root, slot.pageAuthor.name, chipState, retryFailed);
          }
          return;
        }
        for (let index = from; index < to; index++) {
          const match = matches[index];
          const author: Author | undefined = match === null || match === undefined ? undefined : answer.authors[match];
          if (author) show(slotFor(entry, state, index), author, entry.key);
          else {
            const slot = state.slots.get(index);
            if (slot) renderChip(slot.root, slot.pageAuthor.name, { status: 'unknown' });
          }
        }
      };
      return [head, ...chunks(entry.authors.length).map(chips)];
    },

    /** The badge again (saved or followed changed), for an entry already drawn. */
    redrawBadge(entry: PageEntry, answer: EntryAnswer | undefined, followed: readonly string[]) {
      if (drawn.get(entry)?.badge) drawBadge(entry, answer, followed);
    },
  };
}
