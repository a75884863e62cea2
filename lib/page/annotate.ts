// The in-page feature on every arXiv page with papers: a chip beside each author name, a badge
// on each listed paper, and the hover card behind the chips.
//
// Cost: the entries in view are asked for first, in a small request of their own, so they show
// numbers after one short round trip; the rest follow in groups of up to PAPER_BATCH_LIMIT (one
// Semantic Scholar request each on a cold cache, none on a warm one). Every answer is kept as data
// (listing triage orders by it), but on a listing only the entries near the view are drawn, the
// others as the reader scrolls towards them: a page of thousands of shadow roots costs the browser
// more in style and layout than any script of ours (see docs/performance.md).

import type { PaperKey } from '../core/ids';
import type { PageEntry } from '../core/sites/types';
import type { AnnotateDeps, AnnotateOptions, Annotation } from './annotation';
import { createEntryDrawing, type EntryAnswer } from './entryDrawing';
import { nearViewport, type NearView } from './nearView';
import { alreadyAnnotated, groupIds } from './placement';
import { HOST_ATTRIBUTE } from './shadow';
import { inSlices, measure, yieldToPage } from './slices';

// Slices end under the 50 ms that counts as a long task, leaving room for one step (a few dozen
// chips) drawn after the budget is nearly spent. Not much less: on a long listing every yield lets
// the browser paint, and each paint of thousands of entries costs it a few hundred ms, so a screen
// cut into many slices shows late (profiled: 20 entries in two slices showed a frame later).
const SLICE_BUDGET_MS = 30;
/** The entries a listing opened at its top is taken to show first (a screen of entries without abstracts). */
const FIRST_SCREEN_GUESS = 20;
/**
 * How long a visible listing waits to learn what is in view before asking for everything at once: the
 * report comes after the browser's first layout, which on a long page and a busy machine takes seconds.
 */
const FIRST_VIEW_WAIT_MS = 10_000;

export async function annotateEntries(entries: readonly PageEntry[], deps: AnnotateDeps, options: AnnotateOptions): Promise<Annotation> {
  const setupStart = performance.now();
  const pause = deps.pause ?? yieldToPage;
  const annotated = (entry: PageEntry) =>
    entry.badgeAfter && options.badges
      ? options.badgeInside
        ? entry.badgeAfter.lastElementChild?.hasAttribute(HOST_ATTRIBUTE) === true
        : alreadyAnnotated(entry.badgeAfter)
      : entry.authors.some((a) => alreadyAnnotated(a.element));
  const fresh = entries.filter((entry) => !annotated(entry));
  const lazy = !options.eagerChips;
  const authorLimitOf = (listed: readonly PageEntry[]) => Math.max(1, ...listed.map((entry) => entry.authors.length));
  // A listing opened at its top (no anchor, not scrolled) shows its first entries: they are asked
  // for at once, in the task that read the page, while the browser lays it out; everything else is
  // set up in a task of its own (together they ran past 50 ms on long or deep pages).
  // (Asked of the navigation, not of scrollY, which would force the page's first layout into our task.)
  const view = deps.doc.defaultView;
  const navigation = view?.performance.getEntriesByType?.('navigation')[0] as PerformanceNavigationTiming | undefined;
  const atTop = view !== null && !view.location.hash && (navigation?.type ?? 'navigate') === 'navigate';
  const anchorOf = (entry: PageEntry) => entry.badgeAfter ?? entry.authors[0]?.element ?? null;
  const firstScreen = lazy && atTop ? fresh.filter((entry) => anchorOf(entry) !== null).slice(0, FIRST_SCREEN_GUESS) : [];
  const firstKeys = groupIds(firstScreen)[0] ?? [];
  const firstAnswer = firstKeys.length > 0 ? deps.papers(firstKeys, { urgent: true, authorLimit: authorLimitOf(firstScreen) }) : null;
  // Settled here too, so that a failure is not reported unhandled before ask() takes it.
  firstAnswer?.catch(() => undefined);
  measure('first request', setupStart);
  if (firstAnswer) await pause();
  const setupRest = performance.now();
  // The data: every answer, whether its entry is drawn or not.
  const answers = new Map<PaperKey, EntryAnswer>();
  const byKey = new Map<PaperKey, PageEntry[]>();
  /** Papers whose lookup failed, for "Try again". */
  const failed = new Set<PaperKey>();
  const savedKeys = new Set<PaperKey>();
  const followedIds = new Set<string>();

  const known = (key: PaperKey) => {
    const answer = answers.get(key);
    return answer && !(answer instanceof Error) ? answer : null;
  };
  const followedOn = (key: PaperKey) => known(key)?.authors.filter((author) => followedIds.has(author.authorId)).map((author) => author.name) ?? [];

  const zoteroKeys = new Set<PaperKey>();
  // Sent at once and marked; unmarked again when Zotero did not take it.
  const sendToZotero = (key: PaperKey) => {
    zoteroKeys.add(key);
    redrawBadges(key);
    deps.zotero?.send(key).catch(() => (zoteroKeys.delete(key), redrawBadges(key)));
  };
  const drawing = createEntryDrawing({ deps, options, isSaved: (key) => savedKeys.has(key), inZotero: (key) => zoteroKeys.has(key), sendToZotero, toggleSaved, retryFailed });

  // What is drawn: on a page about one paper, everything; on a listing, the entries near the view.
  const near = new Set<PageEntry>();
  const queue = new Set<PageEntry>();
  let drawingDone: Promise<void> = Promise.resolve();
  let draining = false;

  function want(entry: PageEntry) {
    if (!answers.has(entry.key) || (lazy && !near.has(entry))) return;
    queue.add(entry);
    if (draining) return;
    draining = true;
    // All that is due is drawn together, in slices: few, large insertions rather than many small ones.
    drawingDone = (async () => {
      while (queue.size > 0) {
        const due = [...queue];
        queue.clear();
        const work = due.flatMap((entry) => drawing.steps(entry, answers.get(entry.key)!, followedOn(entry.key)));
        await inSlices(work, (step) => step(), SLICE_BUDGET_MS, pause);
      }
      draining = false;
    })();
  }

  const byAnchor = new Map<Element, PageEntry[]>();
  for (const entry of fresh) {
    byKey.set(entry.key, [...(byKey.get(entry.key) ?? []), entry]);
    const anchor = anchorOf(entry);
    if (anchor) byAnchor.set(anchor, [...(byAnchor.get(anchor) ?? []), entry]);
  }
  // The first report says what the reader sees: those entries are asked for first (see start below).
  let firstView: ((inView: PageEntry[]) => void) | null = null;
  let watch: ReturnType<NearView> | null = null;
  const startWatching = () =>
    (watch = (deps.nearView ?? nearViewport)([...byAnchor.keys()], (elements, inView) => {
        const reported = performance.now();
        firstView?.(inView.flatMap((element) => byAnchor.get(element) ?? []));
        for (const element of elements) {
          watch?.forget(element);
          for (const entry of byAnchor.get(element) ?? []) {
            near.add(entry);
            want(entry);
          }
        }
        measure('near', reported);
      }));

  // An answer arrives: kept, drawn if near.
  function receive(key: PaperKey, answer: EntryAnswer) {
    answers.set(key, answer);
    if (answer instanceof Error) failed.add(key);
    else failed.delete(key);
    for (const entry of byKey.get(key) ?? []) if (!lazy || near.has(entry) || drawing.isDrawn(entry)) want(entry);
  }

  /** Asks for `keys` (or takes the answer already asked for) and keeps what comes back. */
  async function ask(keys: PaperKey[], urgent: boolean, pending?: ReturnType<AnnotateDeps['papers']>): Promise<void> {
    // A listing shows at most so many names an entry: the answer need carry no more (big collaborations).
    const authorLimit = lazy ? authorLimitOf(keys.flatMap((key) => byKey.get(key) ?? [])) : undefined;
    let got: Record<PaperKey, EntryAnswer> | Error;
    const request = pending ?? deps.papers(keys, { urgent, ...(authorLimit ? { authorLimit } : {}) });
    // The background answers which are saved only of papers the page asked about: after the request.
    learnSaved(keys);
    try {
      got = await request;
    } catch (error) {
      got = error instanceof Error ? error : new Error(String(error));
    }
    const received = performance.now();
    for (const key of keys) receive(key, got instanceof Error ? got : (got[key] ?? null));
    measure('receive', received);
  }

  // Saved state, asked once a group at a time right after its papers (the first screen's request
  // goes first); toggles change it one paper at a time.
  const savedKnown: Promise<void>[] = [];
  const savedAsked = new Set<PaperKey>();
  function learnSaved(keys: readonly PaperKey[]) {
    const fresh = keys.filter((key) => !savedAsked.has(key));
    if (!deps.saved || fresh.length === 0) return;
    fresh.forEach((key) => savedAsked.add(key));
    savedKnown.push(
      deps.saved.which(fresh).then(
        (saved) => saved.forEach((key) => (savedKeys.add(key), redrawBadges(key))),
        () => undefined,
      ),
    );
    deps.zotero?.which(fresh).then((held) => held.forEach((key) => (zoteroKeys.add(key), redrawBadges(key))), () => undefined);
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
    for (const entry of byKey.get(key) ?? []) drawing.redrawBadge(entry, answers.get(key), followedOn(key));
  }

  // The reader asked to try again: every paper that failed, in one go.
  function retryFailed() {
    const keys = [...failed];
    failed.clear();
    for (const key of keys) for (const entry of byKey.get(key) ?? []) drawing.showLoading(entry);
    void Promise.all(groupIds(keys.flatMap((key) => byKey.get(key) ?? [])).map((group) => ask(group, true)));
  }

  const annotation: Annotation = {
    refresh: (papers) => {
      for (const [key, answer] of Object.entries(papers)) if (byKey.has(key)) receive(key, answer ?? null);
      return drawingDone;
    },
    facts: () =>
      entries.map((entry) => {
        const paper = known(entry.key);
        const hs = paper ? [...paper.authors.map((author) => author.hIndex), paper.omitted?.hIndexMax ?? null].filter((h): h is number => h !== null) : [];
        return {
          hMax: hs.length > 0 ? Math.max(...hs) : null,
          citations: paper?.paper.citationCount ?? null,
          followed: paper ? paper.authors.some((author) => followedIds.has(author.authorId)) : false,
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

  // Loading chips at once where the page is about one paper, in slices so that a paper with
  // thousands of authors does not hold the page. A chip the answer drew first stays.
  const placing = options.eagerChips ? inSlices(fresh.flatMap(drawing.loadingSteps), (step) => step(), SLICE_BUDGET_MS, pause) : Promise.resolve();

  // The entries in view go first, alone, when there are others; then the rest in groups. A listing
  // learns what is in view from the first report of what is near it (after the browser's own first
  // layout, which asking for positions now would force into our task); a hidden tab reports nothing
  // until shown, so it asks for everything at once, none of it urgent (as does a visible one whose
  // report has not come after FIRST_VIEW_WAIT_MS).
  // The urgent group goes now; each of the others from a task of its own (reading a group's names costs some).
  const askFor = async (inView: readonly PageEntry[], pending?: ReturnType<AnnotateDeps['papers']>) => {
    const first = new Set(inView.map((entry) => entry.key));
    const asking = groupIds(inView).map((keys, index) => ask(keys, true, index === 0 ? pending : undefined));
    for (const keys of groupIds(fresh.filter((entry) => !first.has(entry.key)))) {
      await pause();
      asking.push(ask(keys, false));
    }
    await Promise.all(asking);
  };
  // The first screen is drawn when its answer comes, without waiting for the first report of what is
  // in view, so that it can be in the browser's first layout of the page.
  for (const entry of firstScreen) near.add(entry);
  const asked =
    !lazy || byAnchor.size === 0
      ? askFor(fresh)
      : firstAnswer
        ? askFor(firstScreen, firstAnswer)
        : new Promise((resolve) => {
          firstView = (inView) => {
            firstView = null;
            resolve(askFor(inView));
          };
          if (deps.doc.visibilityState === 'hidden') firstView([]);
          else setTimeout(() => firstView?.([]), FIRST_VIEW_WAIT_MS);
        });
  measure('start', setupRest);
  // Watching 2,000 entries is a task of its own, after the first screen's request has gone.
  if (lazy) {
    await pause();
    const watchStart = performance.now();
    startWatching();
    measure('watch', watchStart);
  }
  // Who the reader follows, asked for once; entries answered before it are marked after it.
  const followKnown = deps.follow
    ? deps.follow.list().then(
        (ids) => {
          ids.forEach((id) => followedIds.add(id));
          if (ids.length === 0) return;
          for (const key of answers.keys()) redrawBadges(key);
        },
        () => undefined,
      )
    : null;

  await Promise.all([asked, placing, followKnown]);
  await Promise.all(savedKnown);
  try {
    performance.mark('scholarscope:answers');
  } catch {
    // Timeline unavailable: the mark is for the benchmarks only.
  }
  await drawingDone;
  return annotation;
}
