// The in-page feature on every arXiv page with papers: a chip beside each author name, a badge
// on each listed paper, and the hover card behind the chips.
//
// Cost: one message per up to PAPER_BATCH_LIMIT papers, so one Semantic Scholar request each on a
// cold cache and none on a warm one; entries in view are asked for and drawn first; drawing runs
// in slices of about 16 ms so the page stays responsive on a 2,000-entry listing.

import { h, render } from 'preact';
import { PaperBadge, SaveToggle } from '../../components/PaperBadge';
import { matchAuthors } from '../core/names';
import type { TabUpdate } from '../core/protocol/messages';
import type { Author, AuthorCardData, PaperKey, PaperWithAuthors } from '../core/model';
import { entryElements, type PageAuthor, type PageEntry } from '../core/sites/arxiv';
import type { EntryFacts } from '../core/triage';
import { PAPER_BATCH_LIMIT } from '../background/sources/semanticScholar';
import { renderChip, type ChipState } from './chip';
import { createHoverCard, type CompareActions, type Correction, type HoverCard } from './hoverCard';
import { createShadowHost, HOST_ATTRIBUTE } from './shadow';
import { inSlices, measure, yieldToPage, type Yield } from './slices';


export interface AnnotateDeps {
  doc: Document;
  css: string;
  papers: (keys: PaperKey[]) => Promise<Record<PaperKey, PaperWithAuthors | null>>;
  authorCard: (authorId: string) => Promise<AuthorCardData>;
  /** The reader's correction of who an author is; offered in the card when given. */
  correct?: Omit<Correction, 'onCorrected'>;
  /** The saved list: which papers are on it, and saving or removing one. Offered beside each badge. */
  saved?: SavedActions;
  /** The compare tray, offered on every author card. */
  compare?: CompareActions;
  /** Followed authors: offered on every author card, and their papers are marked. */
  follow?: CompareActions;
  pause?: Yield;
}

export interface SavedActions {
  which: (keys: PaperKey[]) => Promise<PaperKey[]>;
  save: (entry: PageEntry) => Promise<unknown>;
  remove: (entry: PageEntry) => Promise<unknown>;
}

export interface AnnotateOptions {
  /** A badge after each entry's id link (listings, search, HTML). */
  badges: boolean;
  /** Show loading chips at once, and `?` chips for authors with no record (a single-paper page). */
  eagerChips: boolean;
  /** Put the badge inside `badgeAfter` (a title heading) rather than after it, so no line is added. */
  badgeInside?: boolean;
}

// Slices end well under the 50 ms that counts as a long task, leaving room for one step (a few
// dozen chips) drawn after the budget is nearly spent.
const SLICE_BUDGET_MS = 12;
const CHIPS_PER_STEP = 20;

/** [from, to) ranges that cover `count` authors, CHIPS_PER_STEP at a time. */
function chunks(count: number): [number, number][] {
  const ranges: [number, number][] = [];
  for (let from = 0; from < count; from += CHIPS_PER_STEP) ranges.push([from, Math.min(count, from + CHIPS_PER_STEP)]);
  return ranges;
}

interface ChipSlot {
  pageAuthor: PageAuthor;
  root: ShadowRoot;
  host: HTMLElement;
}

/** Set on the elements of an entry by a followed author (the names); read by tests and styles. */
export const FOLLOWED_ATTRIBUTE = 'data-scholarscope-followed';

function alreadyAnnotated(element: Element): boolean {
  return element.nextElementSibling?.hasAttribute(HOST_ATTRIBUTE) ?? false;
}

function addHost(doc: Document, css: string, anchor: Element, tag: string, inside = false): { host: HTMLElement; root: ShadowRoot } {
  const made = createShadowHost(doc, tag, css, 'inline');
  if (inside) anchor.append(made.host);
  else anchor.after(made.host);
  return made;
}

function drawChip(slot: ChipSlot, state: ChipState, onRetry?: () => void) {
  renderChip(slot.root, slot.pageAuthor.name, state, onRetry);
}

/** Entries in view first, then the rest in page order. */
export function visibleFirst(entries: readonly PageEntry[], viewportHeight: number): PageEntry[] {
  const visible: PageEntry[] = [];
  const rest: PageEntry[] = [];
  for (const entry of entries) {
    const anchor = entry.badgeAfter ?? entry.authors[0]?.element;
    if (!anchor) {
      rest.push(entry);
      continue;
    }
    const rect = anchor.getBoundingClientRect();
    (rect.bottom >= 0 && rect.top <= viewportHeight ? visible : rest).push(entry);
  }
  return [...visible, ...rest];
}

/** Paper keys in groups of at most `size` distinct keys, keeping order. */
export function groupIds(entries: readonly PageEntry[], size = PAPER_BATCH_LIMIT): string[][] {
  const unique = [...new Set(entries.map((entry) => entry.key))];
  const groups: string[][] = [];
  for (let start = 0; start < unique.length; start += size) groups.push(unique.slice(start, start + size));
  return groups;
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

/** The hosts drawn for one entry, reused when it is drawn again. */
interface Drawn {
  badge?: ShadowRoot;
  answer?: PaperWithAuthors | null | Error;
  /** Names of followed authors on the paper. */
  followed?: string[];
  slots: Map<number, ChipSlot>;
}

export async function annotateEntries(entries: readonly PageEntry[], deps: AnnotateDeps, options: AnnotateOptions): Promise<Annotation> {
  const { doc, css } = deps;
  const pause = deps.pause ?? yieldToPage;
  const annotated = (entry: PageEntry) =>
    entry.badgeAfter && options.badges
      ? options.badgeInside
        ? entry.badgeAfter.lastElementChild?.hasAttribute(HOST_ATTRIBUTE) === true
        : alreadyAnnotated(entry.badgeAfter)
      : entry.authors.some((a) => alreadyAnnotated(a.element));
  const fresh = entries.filter((entry) => !annotated(entry));
  const drawn = new Map<PageEntry, Drawn>();
  const byKey = new Map<PaperKey, PageEntry[]>();
  /** Papers whose lookup failed, for "Try again". */
  const failed = new Set<PaperKey>();
  const savedKeys = new Set<PaperKey>();
  const followedIds = new Set<string>();
  const annotation: Annotation = {
    refresh: (papers) => {
      const work = Object.keys(papers).flatMap((key) => (byKey.get(key) ?? []).flatMap((entry) => drawSteps(entry, papers[key] ?? null)));
      return inSlices(work, (step) => step(), SLICE_BUDGET_MS, pause);
    },
    facts: () =>
      entries.map((entry) => {
        const answer = drawn.get(entry)?.answer;
        const known = answer && !(answer instanceof Error) ? answer : null;
        const hs = known ? known.authors.map((author) => author.hIndex).filter((h): h is number => h !== null) : [];
        return {
          hMax: hs.length > 0 ? Math.max(...hs) : null,
          citations: known?.paper.citationCount ?? null,
          followed: known ? known.authors.some((author) => followedIds.has(author.authorId)) : false,
          saved: savedKeys.has(entry.key),
        };
      }),
    markSaved: (keys, saved) => {
      for (const key of keys) {
        if (saved) savedKeys.add(key);
        else savedKeys.delete(key);
        redrawBadges(key);
      }
    },
  };
  if (fresh.length === 0) return annotation;
  let card: HoverCard | null = null;
  // Chips drawn for each shown author, so a correction redraws them all at once.
  const shownAs = new Map<string, Map<ChipSlot, PaperKey>>();
  const redraw = (from: Author, to: Author) => {
    const placed = shownAs.get(from.authorId) ?? new Map<ChipSlot, PaperKey>();
    shownAs.delete(from.authorId);
    for (const [slot, paperKey] of placed) show(slot, to, paperKey);
  };
  const hoverCard = () =>
    (card ??= createHoverCard({
      doc,
      css,
      loadCard: deps.authorCard,
      correct: deps.correct && { ...deps.correct, onCorrected: redraw },
      compare: deps.compare,
      follow: deps.follow,
    }));

  function show(slot: ChipSlot, author: Author, paperKey: PaperKey) {
    const cardForPage = hoverCard();
    drawChip(slot, { status: 'ready', author });
    cardForPage.register(slot.pageAuthor.element, author, 'name', paperKey);
    cardForPage.register(slot.host, author, 'chip', paperKey);
    const placed = shownAs.get(author.authorId) ?? new Map<ChipSlot, PaperKey>();
    shownAs.set(author.authorId, placed.set(slot, paperKey));
  }

  function slotFor(state: Drawn, pageAuthor: PageAuthor, index: number): ChipSlot {
    let slot = state.slots.get(index);
    if (!slot) {
      slot = { pageAuthor, ...addHost(doc, css, pageAuthor.element, 'scholarscope-chip') };
      state.slots.set(index, slot);
    }
    return slot;
  }

  // Loading chips at once where the page is about one paper; drawn in slices like everything else,
  // so a paper with thousands of authors does not hold the page. A chip the answer drew first stays.
  const placing = options.eagerChips
    ? inSlices(
        fresh.flatMap((entry) => {
          const state: Drawn = drawn.get(entry) ?? { slots: new Map() };
          drawn.set(entry, state);
          return chunks(entry.authors.length).map(([from, to]) => () => {
            for (let index = from; index < to; index++) if (!state.slots.has(index)) drawChip(slotFor(state, entry.authors[index] as PageAuthor, index), { status: 'loading' });
          });
        }),
        (step) => step(),
        SLICE_BUDGET_MS,
        pause,
      )
    : Promise.resolve();

  /**
   * Drawing one entry's answer, as small steps for the slices: the badge and the name matching
   * first, then the chips a few dozen authors at a time.
   */
  function drawSteps(entry: PageEntry, answer: PaperWithAuthors | null | Error): (() => void)[] {
    const state = drawn.get(entry) ?? { slots: new Map<number, ChipSlot>() };
    drawn.set(entry, state);
    let matches: (number | null)[] = [];
    const head = () => {
      if (answer instanceof Error) failed.add(entry.key);
      else failed.delete(entry.key);
      state.answer = answer;
      markFollowed(entry, state);
      if (options.badges && entry.badgeAfter) drawBadge(entry, state);
      if (answer && !(answer instanceof Error)) matches = matchAuthors(entry.authors.map((a) => a.name), answer.authors.map((a) => a.name));
    };
    const chips = ([from, to]: [number, number]) => () => {
      if (!answer || answer instanceof Error) {
        // Chips already on the page say why; on listings, stay quiet about papers the source does not know.
        const chipState: ChipState = answer instanceof Error ? { status: 'error', message: answer.message } : { status: 'unknown' };
        for (let index = from; index < to; index++) {
          const slot = state.slots.get(index);
          if (slot) drawChip(slot, chipState, retryFailed);
        }
        return;
      }
      for (let index = from; index < to; index++) {
        const match = matches[index];
        const author: Author | undefined = match === null || match === undefined ? undefined : answer.authors[match];
        if (author) show(slotFor(state, entry.authors[index] as PageAuthor, index), author, entry.key);
        else {
          const slot = state.slots.get(index);
          if (slot) drawChip(slot, { status: 'unknown' });
        }
      }
    };
    return [head, ...chunks(entry.authors.length).map(chips)];
  }

  // Ask for papers in groups of up to 500 (one request each), all at once; draw each group as its
  // answer arrives.
  function askAndDraw(entriesInOrder: PageEntry[]): Promise<unknown> {
    return Promise.all(
      groupIds(entriesInOrder).map(async (ids) => {
        let answers: Record<string, PaperWithAuthors | null> | Error;
        try {
          answers = await deps.papers(ids);
        } catch (error) {
          answers = error instanceof Error ? error : new Error(String(error));
        }
        const work = ids.flatMap((id) => (byKey.get(id) ?? []).flatMap((entry) => drawSteps(entry, answers instanceof Error ? answers : (answers[id] ?? null))));
        await inSlices(work, (step) => step(), SLICE_BUDGET_MS, pause);
      }),
    );
  }

  // Papers by followed authors are marked on the page: a bar at the entry's left edge (no layout
  // change) and their names beside the badge.
  function markFollowed(entry: PageEntry, state: Drawn) {
    const answer = state.answer;
    const names = answer && !(answer instanceof Error) ? answer.authors.filter((author) => followedIds.has(author.authorId)).map((author) => author.name) : [];
    state.followed = names;
    for (const element of entryElements(entry)) {
      if (names.length > 0) {
        element.setAttribute(FOLLOWED_ATTRIBUTE, names.join(', '));
        (element as HTMLElement).style?.setProperty('box-shadow', 'inset 3px 0 0 #b31b1b');
      } else if (element.hasAttribute(FOLLOWED_ATTRIBUTE)) {
        element.removeAttribute(FOLLOWED_ATTRIBUTE);
        (element as HTMLElement).style?.removeProperty('box-shadow');
      }
    }
  }

  // Saved state for the page, asked for once; toggles change it one paper at a time.
  const savedKnown = deps.saved ? deps.saved.which([...new Set(fresh.map((entry) => entry.key))]).then((keys) => keys.forEach((key) => savedKeys.add(key)), () => undefined) : null;

  function drawBadge(entry: PageEntry, state: Drawn) {
    if (!entry.badgeAfter) return;
    state.badge ??= addHost(doc, css, entry.badgeAfter, 'scholarscope-badge', options.badgeInside).root;
    const answer = state.answer;
    const badge = h(PaperBadge, answer instanceof Error ? { paper: null, error: answer.message, onRetry: retryFailed } : { paper: answer?.paper ?? null, source: answer?.source });
    const followedNames = state.followed ?? [];
    const followedMark = followedNames.length > 0 && h('span', { class: 'ss-followed', title: `By ${followedNames.join(', ')}, whom you follow` }, `● ${followedNames.join(', ')}`);
    const saved = deps.saved;
    const toggle =
      saved &&
      h(SaveToggle, {
        saved: savedKeys.has(entry.key),
        title: (answer && !(answer instanceof Error) && answer.paper.title) || entry.title || entry.key,
        onToggle: () => {
          const was = savedKeys.has(entry.key);
          if (was) savedKeys.delete(entry.key);
          else savedKeys.add(entry.key);
          redrawBadges(entry.key);
          (was ? saved.remove(entry) : saved.save(entry)).catch(() => {
            // Not stored: show the state as it is.
            if (was) savedKeys.add(entry.key);
            else savedKeys.delete(entry.key);
            redrawBadges(entry.key);
          });
        },
      });
    render(h('span', null, badge, toggle, followedMark), state.badge);
  }

  function redrawBadges(key: PaperKey) {
    for (const entry of byKey.get(key) ?? []) {
      const state = drawn.get(entry);
      if (state) drawBadge(entry, state);
    }
  }

  // The reader asked to try again: every paper that failed, in one go.
  function retryFailed() {
    const again = [...failed].flatMap((key) => byKey.get(key) ?? []);
    failed.clear();
    for (const entry of again) drawn.get(entry)?.slots.forEach((slot) => drawChip(slot, { status: 'loading' }));
    void askAndDraw(again);
  }

  const orderStart = performance.now();
  const ordered = visibleFirst(fresh, doc.defaultView?.innerHeight ?? 800);
  measure('order', orderStart);
  for (const entry of ordered) byKey.set(entry.key, [...(byKey.get(entry.key) ?? []), entry]);
  // Who the reader follows, asked for once; entries drawn before the answer are marked after it.
  const followKnown = deps.follow
    ? deps.follow.list().then(
        (ids) => {
          ids.forEach((id) => followedIds.add(id));
          if (ids.length > 0) for (const [entry, state] of drawn) if (state.answer !== undefined) (markFollowed(entry, state), entry.badgeAfter && options.badges && drawBadge(entry, state));
        },
        () => undefined,
      )
    : null;
  await Promise.all([askAndDraw(ordered), savedKnown, placing, followKnown]);
  // The saved state may arrive after the badges: draw them with it.
  if (savedKeys.size > 0) for (const key of savedKeys) redrawBadges(key);
  return annotation;
}
