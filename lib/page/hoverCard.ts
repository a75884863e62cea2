// One hover card per page, shown beside the author name or chip being hovered or focused.
// Keyboard: focusing a name or activating its chip opens it, Escape closes it and returns focus.
// Listeners are delegated from the document, so thousands of names cost one registry entry each.

import { h, render } from 'preact';
import { AuthorCard, type AuthorCardState } from '../../components/AuthorCard';
import { CandidateList } from '../../components/CandidateList';
import type { Candidate } from '../core/identity';
import type { PaperKey } from '../core/ids';
import type { Author, AuthorCardData } from '../core/model';
import { createAuthorSetState, type AuthorSetActions } from '../ui/authorSet';
import type { Correction } from '../ui/correction';
import { createPersonControl, type PersonActions } from '../ui/personControl';
import { createShadowHost, rootOf } from './shadow';

const OPEN_DELAY_MS = 250;
const CLOSE_DELAY_MS = 300;

export interface HoverCardOptions {
  doc: Document;
  css: string;
  loadCard: (authorId: string) => Promise<AuthorCardData>;
  /** Lets the reader correct who an author is; without it the card offers no correction. */
  correct?: Correction;
  /** Tells the page that `from` is now shown as `to` (chips redraw). */
  onCorrected?: (from: Author, to: Author) => void;
  /** The compare tray; without it the card offers no Compare. */
  compare?: AuthorSetActions;
  /** The authors the reader follows; without it the card offers no Follow. */
  follow?: AuthorSetActions;
  /** Merging profiles into a person, dropping papers; without it the card offers neither. */
  persons?: PersonActions;
}

export type TriggerKind = 'name' | 'chip';

/** The view height below the author list that the card's first lines need to be placed there. */
const CARD_ROOM_PX = 220;
/** How far below the name the author list may end for the card to open below it (about six lines). */
const LIST_REACH_PX = 120;

export interface HoverCard {
  /**
   * Makes `trigger` (an author's name, or the host of its chip) open the card for `author`; `clearOf`,
   * the paper's author list, is what the card should not cover where the view leaves room below it.
   */
  register(trigger: HTMLElement, author: Author, kind: TriggerKind, paperKey?: PaperKey | null, clearOf?: Element | null): void;
  /** Open now; with `focusCard` the keyboard focus moves into the card. */
  open(trigger: HTMLElement, author: Author, focusCard: boolean): void;
  close(returnFocus: boolean): void;
  readonly host: HTMLElement;
}

export function createHoverCard({ doc, css, loadCard, correct, onCorrected, compare, follow, persons }: HoverCardOptions): HoverCard {
  const { host, root } = createShadowHost(doc, 'scholarscope-card', css, 'block');
  for (const [property, value] of Object.entries({ position: 'absolute', top: '0', left: '0', width: '0', height: '0', 'z-index': '2147483000' })) {
    host.style.setProperty(property, value, 'important');
  }
  const frame = doc.createElement('div');
  frame.className = 'ss-popover ss-root';
  frame.setAttribute('role', 'dialog');
  frame.tabIndex = -1;
  frame.hidden = true;
  root.append(frame);
  doc.body.append(host);

  const triggers = new WeakMap<Element, { author: Author; kind: TriggerKind; paperKey: PaperKey | null; clearOf: Element | null }>();
  const loaded = new Map<string, Promise<AuthorCardData>>();
  let current: { trigger: HTMLElement; author: Author; paperKey: PaperKey | null } | null = null;
  let openTimer: ReturnType<typeof setTimeout> | undefined;
  let closeTimer: ReturnType<typeof setTimeout> | undefined;
  let returningFocus = false;

  // Redrawing can remove the focused control; park focus on the card first so it stays open.
  function keepFocus() {
    if (root.activeElement && root.activeElement !== frame) frame.focus({ preventScroll: true });
  }

  // The tray and follows as last heard from the background; asked again each time a card opens.
  const tray = compare && createAuthorSetState(compare, () => redraw());
  const following = follow && createAuthorSetState(follow, () => redraw());
  let drawn: { state: AuthorCardState; author: Author } | null = null;
  let person: ReturnType<typeof createPersonControl> | undefined;

  function draw(state: AuthorCardState, author: Author) {
    keepFocus();
    drawn = { state, author };
    const onWrongPerson = correct && state.status === 'ready' ? () => void choose(author) : undefined;
    const shown = state.status === 'ready' ? state.data.author : null;
    render(h(AuthorCard, { state, onRetry: () => show(author, true), onWrongPerson, compare: tray?.toggle(shown), follow: following?.toggle(shown), person: person?.control(state.status === 'ready') }), frame);
  }

  function redraw() {
    if (drawn && current && !frame.hidden) draw(drawn.state, drawn.author);
  }

  // "Not this person?": candidates in the card; picking one pins it and shows its card.
  async function choose(author: Author) {
    if (!correct || !current) return;
    const paperKey = current.paperKey;
    keepFocus();
    render(h('p', { class: 'ss-status', role: 'status' }, `Looking for other profiles named ${author.name}…`), frame);
    let found: Candidate[];
    try {
      found = await correct.candidates(author, paperKey);
    } catch (error) {
      draw({ status: 'error', message: error instanceof Error ? error.message : String(error), author }, author);
      return;
    }
    const others = found.filter((candidate) => candidate.author.authorId !== author.authorId);
    keepFocus();
    render(
      h(CandidateList, {
        name: author.name,
        candidates: others,
        onBack: () => show(author),
        onPin: (chosenId: string) =>
          void correct.pin(author, chosenId).then((chosen) => {
            onCorrected?.(author, chosen);
            if (current) current = { ...current, author: chosen };
            frame.setAttribute('aria-label', `Author card: ${chosen.name}`);
            show(chosen);
          }),
      }),
      frame,
    );
    frame.querySelector<HTMLElement>('button')?.focus();
  }

  // After a merge, unmerge or drop: the card again, and the page's chips of this author with the new numbers.
  function personChanged() {
    loaded.clear();
    if (!current) return;
    const author = current.author;
    show(author);
    void loaded.get(author.authorId)?.then(({ author: shown }) => onCorrected?.(author, { ...author, citationCount: shown.citationCount, hIndex: shown.hIndex, paperCount: shown.paperCount, personId: shown.personId }));
  }

  function show(author: Author, retry = false) {
    if (retry) loaded.delete(author.authorId);
    // A person spans several ids: after a change every loaded card may be stale.
    person = persons && createPersonControl(persons, author.authorId, { redraw, changed: () => personChanged() });
    let pending = loaded.get(author.authorId);
    if (!pending) {
      pending = loadCard(author.authorId);
      loaded.set(author.authorId, pending);
      pending.catch(() => loaded.delete(author.authorId));
    }
    draw({ status: 'loading', author }, author);
    void tray?.refresh();
    void following?.refresh();
    pending.then(
      (data) =>
        current?.author.authorId === author.authorId &&
        draw({ status: 'ready', data: author.pinnedFrom ? { ...data, author: { ...data.author, pinnedFrom: author.pinnedFrom } } : data }, author),
      (error: unknown) =>
        current?.author.authorId === author.authorId &&
        draw({ status: 'error', message: error instanceof Error ? error.message : String(error), author }, author),
    );
  }

  function place(trigger: HTMLElement) {
    const view = doc.defaultView;
    const rect = trigger.getBoundingClientRect();
    const viewportWidth = view?.innerWidth ?? 1024;
    const width = Math.min(440, viewportWidth - 16);
    const left = Math.max(8, Math.min(rect.left, viewportWidth - width - 8));
    // Below the paper's whole author list, so the names after this one and their chips stay readable,
    // where the list ends a few lines down and the view has room for the card's top there; else right
    // below the name (a long list, as a big collaboration's, would put the card far from it).
    const block = triggers.get(trigger)?.clearOf?.getBoundingClientRect();
    const clear = block && block.bottom > rect.bottom && block.bottom - rect.bottom <= LIST_REACH_PX && (view?.innerHeight ?? 800) - block.bottom >= CARD_ROOM_PX;
    const below = clear ? block.bottom : rect.bottom;
    frame.style.left = `${left + (view?.scrollX ?? 0)}px`;
    frame.style.top = `${below + (view?.scrollY ?? 0) + 6}px`;
  }

  function open(trigger: HTMLElement, author: Author, focusCard: boolean) {
    clearTimeout(openTimer);
    clearTimeout(closeTimer);
    const same = current?.trigger === trigger && !frame.hidden;
    current = { trigger, author, paperKey: triggers.get(trigger)?.paperKey ?? null };
    frame.setAttribute('aria-label', `Author card: ${author.name}`);
    if (!same) {
      place(trigger);
      frame.hidden = false;
      show(author);
    }
    if (focusCard) frame.focus();
  }

  function close(returnFocus: boolean) {
    clearTimeout(openTimer);
    clearTimeout(closeTimer);
    if (frame.hidden) return;
    frame.hidden = true;
    const trigger = current?.trigger;
    current = null;
    if (returnFocus && trigger) {
      // A chip's focusable part is inside its own shadow root.
      const target = rootOf(trigger)?.querySelector<HTMLElement>('button') ?? trigger;
      returningFocus = true;
      target.focus();
      returningFocus = false;
    }
  }

  function scheduleClose() {
    clearTimeout(openTimer);
    clearTimeout(closeTimer);
    closeTimer = setTimeout(() => close(false), CLOSE_DELAY_MS);
  }

  // Events from inside a chip's shadow root reach the document retargeted to the chip's host.
  function triggerOf(target: EventTarget | null): HTMLElement | null {
    let node = target instanceof Element ? target : null;
    for (let depth = 0; node && depth < 4; depth++, node = node.parentElement) {
      if (triggers.has(node)) return node as HTMLElement;
    }
    return null;
  }

  doc.addEventListener('mouseover', (event) => {
    if (event.target === host) return clearTimeout(closeTimer);
    const trigger = triggerOf(event.target);
    if (!trigger || (current?.trigger === trigger && !frame.hidden)) return clearTimeout(closeTimer);
    const { author } = triggers.get(trigger)!;
    clearTimeout(closeTimer);
    clearTimeout(openTimer);
    openTimer = setTimeout(() => open(trigger, author, false), OPEN_DELAY_MS);
  });
  doc.addEventListener('mouseout', (event) => {
    const from = event.target === host ? host : triggerOf(event.target);
    if (!from) return;
    const to = (event as MouseEvent).relatedTarget;
    if (to === host || (to && triggerOf(to) === from)) return;
    scheduleClose();
  });
  doc.addEventListener('focusin', (event) => {
    const trigger = triggerOf(event.target);
    if (trigger && !returningFocus) open(trigger, triggers.get(trigger)!.author, false);
  });
  doc.addEventListener('focusout', (event) => {
    const trigger = triggerOf(event.target);
    if (!trigger) return;
    // Focus moving into the card keeps it open; anywhere else closes it.
    setTimeout(() => {
      if (doc.activeElement !== host && current?.trigger === trigger) close(false);
    }, 0);
  });
  doc.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && triggerOf(event.target)) close(true);
  });
  doc.addEventListener('click', (event) => {
    const trigger = triggerOf(event.target);
    const entry = trigger && triggers.get(trigger);
    // Names stay links to arXiv's author search; chips open the card and move focus into it.
    if (trigger && entry?.kind === 'chip') open(trigger, entry.author, true);
  });

  frame.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      close(true);
    }
  });
  frame.addEventListener('focusout', (event) => {
    const next = event.relatedTarget as Node | null;
    if (!next || !root.contains(next)) {
      // Only this opening: a card opened meanwhile for another name stays open.
      const opened = current;
      setTimeout(() => {
        if (current === opened && doc.activeElement !== host) close(false);
      }, 0);
    }
  });

  return {
    register: (trigger, author, kind, paperKey = null, clearOf = null) => void triggers.set(trigger, { author, kind, paperKey, clearOf }),
    open,
    close,
    host,
  };
}
