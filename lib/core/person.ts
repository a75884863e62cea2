// One person, whole record: profiles a source split, merged by the reader, and papers the reader
// says are not theirs. A paper is one paper across profiles when any of its ids agree (Semantic
// Scholar paper id, arXiv id, DOI); the person's numbers are recomputed from the union with the
// definitions in metrics/compute.ts.

import { isAuthorId } from './ids';
import { computeMetrics, type PaperCitations } from './metrics/compute';
import type { Author, DroppedPaper, Paper, PersonFigures } from './model';

/** A merged person has at most this many profiles; a drop list at most this many papers. */
export const MAX_PERSON_PROFILES = 20;
export const MAX_DROPPED = 1000;

/** The reader's person: the first profile names them; `dropped` applies to the whole person. */
export interface PersonRecord {
  /** The first profile's author id. */
  personId: string;
  authorIds: string[];
  dropped: DroppedPaper[];
  /** The recomputed numbers, as last computed (chips show them). */
  figures: PersonFigures | null;
  updatedAt: number;
}

/** A paper's ids as identity keys: `s2:`, `arxiv:`, `doi:` (lower case). */
export function paperIds(paper: { s2PaperId?: string | null; arxivId?: string | null; doi?: string | null }): string[] {
  const ids: string[] = [];
  if (paper.s2PaperId) ids.push(`s2:${paper.s2PaperId}`);
  if (paper.arxivId) ids.push(`arxiv:${paper.arxivId}`);
  if (paper.doi) ids.push(`doi:${paper.doi.toLowerCase()}`);
  return ids;
}

/**
 * Groups items that share any id (a paper listed under two profiles, perhaps with different ids
 * known on each). Items without ids stay alone. Returns the groups in first-seen order.
 */
export function groupByIds<T>(items: readonly T[], idsOf: (item: T) => readonly string[]): T[][] {
  const parent = items.map((_, index) => index);
  const find = (index: number): number => {
    while (parent[index] !== index) index = parent[index] = parent[parent[index]!]!;
    return index;
  };
  const owner = new Map<string, number>();
  items.forEach((item, index) => {
    for (const id of idsOf(item)) {
      const seen = owner.get(id);
      if (seen === undefined) owner.set(id, index);
      else parent[find(index)] = find(seen);
    }
  });
  const groups = new Map<number, T[]>();
  items.forEach((item, index) => {
    const root = find(index);
    groups.set(root, [...(groups.get(root) ?? []), item]);
  });
  return [...groups.values()];
}

const isDropped = (dropped: readonly DroppedPaper[]) => {
  const ids = new Set(dropped.flatMap((paper) => paper.ids));
  return (paperIdList: readonly string[]) => paperIdList.some((id) => ids.has(id));
};

/** Every profile's papers as one list: each paper once (its largest count), dropped papers out. */
export function mergeCitationLists(lists: readonly (readonly PaperCitations[])[], dropped: readonly DroppedPaper[]): { papers: PaperCitations[]; duplicates: number } {
  const all = lists.flat();
  const groups = groupByIds(all, (paper) => paper.ids ?? []);
  const gone = isDropped(dropped);
  const papers = groups
    .map((group) => ({
      year: group.find((paper) => paper.year !== null)?.year ?? null,
      citations: Math.max(...group.map((paper) => paper.citations)),
      ids: [...new Set(group.flatMap((paper) => paper.ids ?? []))],
    }))
    .filter((paper) => !gone(paper.ids));
  return { papers, duplicates: all.length - groups.length };
}

const dateKey = (paper: Paper) => paper.publicationDate ?? (paper.year ? `${paper.year}-00-00` : '');

/** Every profile's publications, each paper once, dropped papers out, newest first. */
export function mergePublications(lists: readonly (readonly Paper[])[], dropped: readonly DroppedPaper[]): Paper[] {
  const gone = isDropped(dropped);
  return groupByIds(lists.flat(), paperIds)
    .map((group) => group.reduce((best, paper) => ((paper.citationCount ?? -1) > (best.citationCount ?? -1) ? paper : best)))
    .filter((paper) => !gone(paperIds(paper)))
    .sort((a, b) => dateKey(b).localeCompare(dateKey(a)));
}

/** The person's numbers from the merged list, with the metric code's definitions. */
export function personMetrics(lists: readonly (readonly PaperCitations[])[], dropped: readonly DroppedPaper[], currentYear: number) {
  const { papers, duplicates } = mergeCitationLists(lists, dropped);
  return { papers, metrics: computeMetrics(papers, currentYear), duplicates };
}

/** A profile's author record showing the person's numbers (chips, triage, the card's headline). */
export function asPerson(author: Author, figures: PersonFigures, personId: string): Author {
  return { ...author, citationCount: figures.citations, hIndex: figures.hIndex, paperCount: figures.papers, personId };
}

const PAPER_ID = /^(s2:[0-9a-f]{40}|arxiv:\S{1,40}|doi:\S{1,300})$/;

/** A dropped paper from an untrusted source (a message, a backup), or null. */
export function readDroppedPaper(value: unknown): DroppedPaper | null {
  if (typeof value !== 'object' || value === null) return null;
  const { ids, title } = value as Record<string, unknown>;
  if (!Array.isArray(ids) || ids.length === 0 || ids.length > 3 || !ids.every((id) => typeof id === 'string' && PAPER_ID.test(id))) return null;
  if (typeof title !== 'string' || title.length > 2000) return null;
  return { ids: [...(ids as string[])], title };
}

/** A person as the backup keeps them: their profiles (first names them) and their dropped papers; null if damaged. */
export function readPerson(value: unknown): { authorIds: string[]; dropped: DroppedPaper[] } | null {
  if (typeof value !== 'object' || value === null) return null;
  const { authorIds, dropped } = value as Record<string, unknown>;
  if (!Array.isArray(authorIds) || authorIds.length === 0 || authorIds.length > MAX_PERSON_PROFILES || !authorIds.every(isAuthorId)) return null;
  if (new Set(authorIds).size !== authorIds.length) return null;
  if (!Array.isArray(dropped) || dropped.length > MAX_DROPPED) return null;
  const papers = dropped.map(readDroppedPaper);
  return papers.every((paper) => paper !== null) ? { authorIds: [...authorIds], dropped: papers as DroppedPaper[] } : null;
}
