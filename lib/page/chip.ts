// The chip beside an author name: `h 5 · 74`. Built from a few DOM nodes rather than a component,
// because a big listing carries thousands; text is only ever set as text.

import type { Author } from '../core/model';
import { formatCompactCount } from '../core/format';

export type ChipState =
  | { status: 'loading' }
  | { status: 'ready'; author: Author }
  | { status: 'unknown' }
  | { status: 'error'; message: string };

export function chipLabel(name: string, state: ChipState): string {
  switch (state.status) {
    case 'ready':
      // Starts with the chip's visible text, so speech users can say what they see (WCAG 2.5.3).
      return `${chipText(state)}: ${name}, h-index ${state.author.hIndex ?? 'unknown'}, ${state.author.citationCount ?? 'unknown'} citations. Show author card`;
    case 'loading':
      return `Loading metrics for ${name}`;
    case 'unknown':
      return `No author record matched ${name}`;
    case 'error':
      return `Could not load metrics for ${name}: ${state.message}`;
  }
}

export function chipText(state: ChipState): string {
  if (state.status === 'ready') return `h ${formatCompactCount(state.author.hIndex)} · ${formatCompactCount(state.author.citationCount)}`;
  return state.status === 'loading' ? '…' : state.status === 'unknown' ? '?' : '!';
}

/**
 * Draws (or redraws) the chip in `root`. A ready chip is a button that opens the card; an error
 * chip is a button that tries again (`onRetry`); the others are labelled images.
 */
export function renderChip(root: ShadowRoot, name: string, state: ChipState, onRetry?: () => void): HTMLElement {
  const doc = root.ownerDocument;
  const ready = state.status === 'ready';
  const retry = state.status === 'error' && onRetry !== undefined;
  const chip = doc.createElement(ready || retry ? 'button' : 'span');
  chip.className = ready ? 'ss-chip' : `ss-chip ss-chip-${state.status}`;
  chip.textContent = chipText(state);
  const label = chipLabel(name, state) + (retry ? '. Try again' : '');
  chip.setAttribute('aria-label', label);
  if (ready) {
    (chip as HTMLButtonElement).type = 'button';
    chip.setAttribute('aria-haspopup', 'dialog');
  } else if (retry) {
    (chip as HTMLButtonElement).type = 'button';
    chip.title = label;
    chip.addEventListener('click', onRetry);
  } else {
    chip.setAttribute('role', 'img');
    chip.title = label;
  }
  const previous = root.querySelector('.ss-chip');
  if (previous) previous.replaceWith(chip);
  else root.append(chip);
  return chip;
}
