// The in-page feature on every arXiv page with papers: a chip beside each author name, a badge
// on each listed paper, and the hover card behind the chips.
//
// Cost: one message per up to PAPER_BATCH_LIMIT papers, so one Semantic Scholar request each on a
// cold cache and none on a warm one; entries in view are asked for and drawn first; drawing runs
// in slices of about 16 ms so the page stays responsive on a 2,000-entry listing.

import { h, render } from 'preact';
import { EntryBadge } from '../../components/PaperBadge';
import type { PaperKey } from '../core/ids';
import type { Author, PaperWithAuthors } from '../core/model';
import { matchAuthors } from '../core/names';
import type { PageAuthor, PageEntry } from '../core/sites/types';
import type { AnnotateDeps, AnnotateOptions, Annotation } from './annotation';
import { renderChip, type ChipState } from './chip';
import { createHoverCard, type HoverCard } from './hoverCard';
import { addHost, alreadyAnnotated, chunks, groupIds, markFollowed, visibleFirst } from './placement';
import { HOST_ATTRIBUTE } from './shadow';
import { inSlices, measure, yieldToPage } from './slices';

// Slices end well under the 50 ms that counts as a long task, leaving room for one step (a few
// dozen chips) drawn after the budget is nearly spent.
const SLICE_BUDGET_MS = 12;

interface ChipSlot {
  pageAuthor: PageAuthor;
  root: ShadowRoot;
  host: HTMLElement;
}

function drawChip(slot: ChipSlot, state: ChipState, onRetry?: () => void) {
  renderChip(slot.root, slot.pageAuthor.name, state, onRetry);
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
      correct: deps.correct,
      onCorrected: redraw,
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
      markFollowedOn(entry, state);
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
  function markFollowedOn(entry: PageEntry, state: Drawn) {
    const answer = state.answer;
    state.followed = answer && !(answer instanceof Error) ? answer.authors.filter((author) => followedIds.has(author.authorId)).map((author) => author.name) : [];
    markFollowed(entry, state.followed);
  }

  // Saved state for the page, asked for once; toggles change it one paper at a time.
  const savedKnown = deps.saved ? deps.saved.which([...new Set(fresh.map((entry) => entry.key))]).then((keys) => keys.forEach((key) => savedKeys.add(key)), () => undefined) : null;

  function drawBadge(entry: PageEntry, state: Drawn) {
    if (!entry.badgeAfter) return;
    state.badge ??= addHost(doc, css, entry.badgeAfter, 'scholarscope-badge', options.badgeInside).root;
    const answer = state.answer;
    const title = (answer && !(answer instanceof Error) && answer.paper.title) || entry.title || entry.key;
    const save = deps.saved && { saved: savedKeys.has(entry.key), title, onToggle: () => toggleSaved(entry) };
    render(h(EntryBadge, { answer: answer instanceof Error ? { error: answer.message } : (answer ?? null), onRetry: retryFailed, followed: state.followed ?? [], save }), state.badge);
  }

  // Shown at once; put back when the background could not store it.
  function toggleSaved(entry: PageEntry) {
    const saved = deps.saved!;
    const flip = (on: boolean) => {
      if (on) savedKeys.add(entry.key);
      else savedKeys.delete(entry.key);
      redrawBadges(entry.key);
    };
    const was = savedKeys.has(entry.key);
    flip(!was);
    (was ? saved.remove(entry) : saved.save(entry)).catch(() => flip(was));
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
          if (ids.length === 0) return;
          for (const [entry, state] of drawn) {
            if (state.answer === undefined) continue;
            markFollowedOn(entry, state);
            if (options.badges) drawBadge(entry, state);
          }
        },
        () => undefined,
      )
    : null;
  await Promise.all([askAndDraw(ordered), savedKnown, placing, followKnown]);
  // The saved state may arrive after the badges: draw them with it.
  if (savedKeys.size > 0) for (const key of savedKeys) redrawBadges(key);
  return annotation;
}
