// Where ScholarScope's elements go on a page of entries: beside names and links, and in groups for
// the background. Who the reader follows is shown only inside our closed roots (the entry's badge),
// never on the page's own elements, where the page's scripts could read it.

import { PAPER_BATCH_LIMIT } from '../core/protocol/define';
import type { ChipPoint, PageEntry } from '../core/sites/types';
import { createShadowHost, HOST_ATTRIBUTE } from './shadow';

/** Chips drawn in one step of the drawing slices. */
export const CHIPS_PER_STEP = 20;

/** [from, to) ranges that cover `count` authors, CHIPS_PER_STEP at a time. */
export function chunks(count: number): [number, number][] {
  const ranges: [number, number][] = [];
  for (let from = 0; from < count; from += CHIPS_PER_STEP) ranges.push([from, Math.min(count, from + CHIPS_PER_STEP)]);
  return ranges;
}

export function alreadyAnnotated(element: Element): boolean {
  return element.nextElementSibling?.hasAttribute(HOST_ATTRIBUTE) ?? false;
}

/** A shadow host after `anchor` (or at its end, `inside`). */
export function addHost(doc: Document, css: string, anchor: Element | Text, tag: string, inside = false): { host: HTMLElement; root: ShadowRoot } {
  const made = createShadowHost(doc, tag, css, 'inline');
  if (inside && anchor.nodeType === 1) (anchor as Element).append(made.host);
  else anchor.after(made.host);
  return made;
}

/** The node a chip at `point` goes after: a text is split there (the page reads the same). */
export function nodeAt({ node, offset }: ChipPoint): Element | Text {
  if (offset === undefined || node.nodeType !== 3) return node;
  let text = node as Text;
  let rest = offset;
  // Chips put in before split the text: the rest of it follows them.
  while (rest > text.length) {
    let next = text.nextSibling;
    while (next?.nodeType === 1 && (next as Element).hasAttribute(HOST_ATTRIBUTE)) next = next.nextSibling;
    if (next?.nodeType !== 3) return text;
    rest -= text.length;
    text = next as Text;
  }
  if (rest < text.length) text.splitText(rest);
  return text;
}

/** Paper keys in groups of at most `size` distinct keys, keeping order. */
export function groupIds(entries: readonly PageEntry[], size = PAPER_BATCH_LIMIT): string[][] {
  const unique = [...new Set(entries.map((entry) => entry.key))];
  const groups: string[][] = [];
  for (let start = 0; start < unique.length; start += size) groups.push(unique.slice(start, start + size));
  return groups;
}
