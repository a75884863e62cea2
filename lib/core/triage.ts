// Listing triage: an order and a filter over a listing's entries, from what ScholarScope knows of
// each (the highest h-index among its authors, its citations, followed authors, saved). arXiv's own
// order breaks every tie, and entries without a number go last, so nothing jumps around at random.

export type TriageOrder = 'arxiv' | 'h' | 'citations' | 'followed';
export type TriageFilter = 'all' | 'followed-or-saved';

export interface EntryFacts {
  /** The highest h-index among the entry's authors, when known. */
  hMax: number | null;
  citations: number | null;
  followed: boolean;
  saved: boolean;
}

export interface Triage {
  /** Entry indices in the order to show. */
  order: number[];
  /** Whether each entry (by index) is hidden by the filter. */
  hidden: boolean[];
}

const byNumber = (value: (facts: EntryFacts) => number | null) => (a: { facts: EntryFacts; index: number }, b: { facts: EntryFacts; index: number }) => {
  const left = value(a.facts);
  const right = value(b.facts);
  if (left === null || right === null) return left === null ? (right === null ? a.index - b.index : 1) : -1;
  return right - left || a.index - b.index;
};

const COMPARE: Record<Exclude<TriageOrder, 'arxiv'>, ReturnType<typeof byNumber>> = {
  h: byNumber((facts) => facts.hMax),
  citations: byNumber((facts) => facts.citations),
  followed: byNumber((facts) => (facts.followed ? 1 : 0)),
};

export function triage(facts: readonly EntryFacts[], order: TriageOrder, filter: TriageFilter): Triage {
  const indexed = facts.map((entry, index) => ({ facts: entry, index }));
  const sorted = order === 'arxiv' ? indexed : [...indexed].sort(COMPARE[order]);
  return {
    order: sorted.map((entry) => entry.index),
    hidden: facts.map((entry) => filter === 'followed-or-saved' && !entry.followed && !entry.saved),
  };
}
