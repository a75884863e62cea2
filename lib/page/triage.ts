// Applies listing triage to the page: entries are moved within their own block (dl#articles, the
// search results list) and hidden with an inline style; arXiv's order is remembered and restored.

import { h, render } from 'preact';
import { TriageBar } from '../../components/TriageBar';
import { entryElements } from '../core/sites/arxiv/shared';
import type { PageEntry } from '../core/sites/types';
import { triage, type EntryFacts, type TriageFilter, type TriageOrder } from '../core/triage';
import { createShadowHost } from './shadow';
import { measure } from './slices';

export interface TriageDeps {
  doc: Document;
  css: string;
  entries: readonly PageEntry[];
  /** What is known of each entry now (asked again at every change). */
  facts: () => EntryFacts[];
}

export interface TriageHandle {
  apply(order: TriageOrder, filter: TriageFilter): void;
  /** Redraws the bar (more entries known, followed counts). */
  refresh(): void;
}

/** Where the bar goes: inline at the end of a listing's "Total of N entries" line or a search's heading. */
function barPlace(doc: Document): Element | null {
  return doc.querySelector('#dlpage .paging') ?? doc.querySelector('main h1.title') ?? doc.querySelector('dl#articles, ol.breathe-horizontal')?.previousElementSibling ?? null;
}

export function mountTriage({ doc, css, entries, facts }: TriageDeps): TriageHandle | null {
  const place = barPlace(doc);
  const parts = entries.map(entryElements);
  if (!place || entries.length < 2 || parts.some((elements) => elements.length === 0)) return null;
  const { host, root } = createShadowHost(doc, 'scholarscope-triage', css, 'inline');
  host.style.setProperty('margin-left', '0.8em', 'important');
  place.append(host);
  let order: TriageOrder = 'arxiv';
  let filter: TriageFilter = 'all';

  function apply(nextOrder: TriageOrder, nextFilter: TriageFilter) {
    const started = performance.now();
    order = nextOrder;
    filter = nextFilter;
    const result = triage(facts(), order, filter);
    // Appending moves an element: each entry goes to the end of its own block, in the new order.
    for (const index of result.order) {
      for (const element of parts[index] as Element[]) element.parentElement?.append(element);
    }
    result.hidden.forEach((hidden, index) => {
      for (const element of parts[index] as Element[]) {
        if (hidden) (element as HTMLElement).style.setProperty('display', 'none', 'important');
        else (element as HTMLElement).style.removeProperty('display');
      }
    });
    measure('triage', started);
    draw();
  }

  function draw() {
    const followedCount = facts().filter((entry) => entry.followed).length;
    render(h(TriageBar, { order, filter, followedCount, onOrder: (next) => apply(next, filter), onFilter: (next) => apply(order, next) }), root);
  }

  draw();
  return { apply, refresh: draw };
}
