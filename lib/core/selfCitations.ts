// Self-citations: a citing paper that shares an author id with the cited paper's authors, every
// id of a merged person counted as one. Counted on demand for the person's most cited papers (a
// cap the reader sees and raises), from the citing papers' author lists; the h-index and the
// citations without them are recomputed with the metric code's definitions.

import { hIndex } from './metrics/compute';
import type { PaperCitations } from './metrics/compute';

/** Papers asked about in one request, and how many more papers each "continue" checks. */
export const SELF_CITATION_BATCH = 10;
/** Semantic Scholar lists at most this many citing papers for one paper (and in one batch answer). */
export const CITATIONS_LISTED_MAX = 9_999;
export const SELF_CITATION_STEP = 100;

/** What the citing papers of one paper showed. */
export interface CheckedPaper {
  /** Citing papers listed (the source may list fewer than its count). */
  citing: number;
  self: number;
  /** False when the source lists only part of them (Semantic Scholar: 9,999 a paper); absent when it listed all. */
  complete?: false;
}

/** A count in progress or done, kept so a stopped worker resumes where it was. */
export interface SelfCitationRecord {
  personId: string;
  /** The person's ids when counted (a merge or unmerge starts again). */
  authorIds: string[];
  /** Semantic Scholar ids of the person's cited papers, most cited first. */
  targets: string[];
  /** How many of `targets` the reader asked to check. */
  cap: number;
  done: Record<string, CheckedPaper>;
  error: string | null;
  updatedAt: number;
}

export interface SelfCitationFigures {
  hIndex: number;
  hIndexWithout: number;
  citations: number;
  citationsWithout: number;
  /** Self-citations among the citing papers listed for the papers checked. */
  selfCitations: number;
  citingChecked: number;
  /** Checked papers with more citing papers than the source lists: counted among the listed ones only. */
  incomplete: number;
}

export interface SelfCitationView {
  /** None asked; under way; stopped by an error (asking again continues); every paper asked for checked. */
  status: 'none' | 'running' | 'stopped' | 'done';
  /** Papers checked, of `cap` asked, of `papers` cited at all. */
  checked: number;
  cap: number;
  papers: number;
  figures: SelfCitationFigures | null;
  error: string | null;
  updatedAt: number | null;
}

/** Whether a citing paper's authors share someone with the cited paper's, a person's ids as one. */
export function isSelfCitation(citing: readonly (string | null)[], cited: readonly (string | null)[], personIds: ReadonlySet<string>): boolean {
  const one = (id: string) => (personIds.has(id) ? '\u0000person' : id);
  const citedIds = new Set(cited.filter((id): id is string => id !== null).map(one));
  return citing.some((id) => id !== null && citedIds.has(one(id)));
}

/** The person's cited papers to check, most cited first, by their Semantic Scholar ids. */
export function selfCitationTargets(papers: readonly PaperCitations[]): string[] {
  return papers
    .filter((paper) => paper.citations > 0)
    .map((paper) => ({ id: paper.ids?.find((id) => id.startsWith('s2:'))?.slice(3), citations: paper.citations }))
    .filter((paper): paper is { id: string; citations: number } => paper.id !== undefined)
    .sort((a, b) => b.citations - a.citations)
    .map((paper) => paper.id);
}

/**
 * The numbers without self-citations: each checked paper loses its self-citations (never below
 * zero); papers not checked keep their counts, so with a cap the figures are upper bounds.
 */
export function selfCitationFigures(papers: readonly PaperCitations[], done: Readonly<Record<string, CheckedPaper>>): SelfCitationFigures {
  let selfCitations = 0;
  let citingChecked = 0;
  let incomplete = 0;
  const counts = papers.map((paper) => {
    const id = paper.ids?.find((entry) => entry.startsWith('s2:'))?.slice(3);
    const checked = id ? done[id] : undefined;
    if (!checked) return { with: paper.citations, without: paper.citations };
    selfCitations += checked.self;
    citingChecked += checked.citing;
    if (checked.complete === false) incomplete += 1;
    return { with: paper.citations, without: Math.max(0, paper.citations - checked.self) };
  });
  const sum = (values: number[]) => values.reduce((total, value) => total + Math.max(0, value), 0);
  return {
    hIndex: hIndex(counts.map((count) => count.with)),
    hIndexWithout: hIndex(counts.map((count) => count.without)),
    citations: sum(counts.map((count) => count.with)),
    citationsWithout: sum(counts.map((count) => count.without)),
    selfCitations,
    citingChecked,
    incomplete,
  };
}

const S2_PAPER = /^[0-9a-f]{40}$/;
const count = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 10_000_000;

/** A stored count from an untrusted file (the backup), or null when damaged. */
export function readSelfCitationRecord(value: unknown, isAuthorId: (id: unknown) => id is string): SelfCitationRecord | null {
  if (typeof value !== 'object' || value === null) return null;
  const { personId, authorIds, targets, cap, done, updatedAt } = value as Record<string, unknown>;
  if (!isAuthorId(personId) || !Array.isArray(authorIds) || authorIds.length === 0 || authorIds.length > 20 || !authorIds.every(isAuthorId)) return null;
  if (!Array.isArray(targets) || targets.length > 10_000 || !targets.every((id) => typeof id === 'string' && S2_PAPER.test(id))) return null;
  if (!count(cap) || cap > targets.length || typeof done !== 'object' || done === null || typeof updatedAt !== 'number' || !Number.isFinite(updatedAt) || updatedAt < 0) return null;
  const entries = Object.entries(done as Record<string, unknown>);
  if (entries.length > targets.length) return null;
  const checked: Record<string, CheckedPaper> = {};
  for (const [id, paper] of entries) {
    const { citing, self, complete } = (paper ?? {}) as Record<string, unknown>;
    if (!S2_PAPER.test(id) || !count(citing) || !count(self) || self > citing || (complete !== undefined && complete !== false)) return null;
    checked[id] = complete === false ? { citing, self, complete } : { citing, self };
  }
  return { personId, authorIds: [...authorIds], targets: [...targets], cap, done: checked, error: null, updatedAt };
}
