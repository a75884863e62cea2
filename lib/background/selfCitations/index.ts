// Counting self-citations on demand: the person's most cited papers (up to the cap the reader
// set), SELF_CITATION_BATCH a request, each batch's result stored as it comes, so a stopped worker
// goes on from where it was the next time anyone asks (a card polling its progress does).

import { isSelfCitation, SELF_CITATION_BATCH, SELF_CITATION_STEP, selfCitationFigures, selfCitationTargets, type CheckedPaper, type SelfCitationRecord, type SelfCitationView } from '../../core/selfCitations';
import type { PaperCitations } from '../../core/metrics/compute';
import type { Backup } from '../../core/backup';
import type { BackupPart } from '../backup/part';
import type { Context } from '../context';
import type { HandlersFor } from '../router';
import type { CitingAuthors } from '../sources/semanticScholar/citingAuthors';

export interface SelfCitationDeps {
  /** The person the author is part of (or the author alone): asks nothing of the network. */
  personOf(authorId: string): Promise<{ personId: string; authorIds: string[] } | null>;
  /** The person the author is part of (or the author alone) and their merged paper list. */
  wholeRecord(authorId: string): Promise<{ personId: string; authorIds: string[]; papers: PaperCitations[] }>;
  citingAuthors(paperIds: readonly string[]): Promise<Map<string, CitingAuthors>>;
  /** One paper's citing papers' authors, page by page: for the papers a batch answer cut. */
  citingPages(paperId: string, count: number | null): Promise<{ citing: (string | null)[][]; complete: boolean }>;
  /** Papers a request (tests set 1 to watch the progress). */
  batchSize?: number;
}

export type SelfCitationAction = 'read' | 'start' | 'more';

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));
const unfinished = (record: SelfCitationRecord) => record.targets.slice(0, record.cap).filter((id) => !(id in record.done));

export function createSelfCitations({ db, now }: Context, deps: SelfCitationDeps) {
  const running = new Map<string, Promise<void>>();
  const batchSize = deps.batchSize ?? SELF_CITATION_BATCH;

  async function run(personId: string, personIds: ReadonlySet<string>): Promise<void> {
    for (;;) {
      const record = await (await db()).get('selfCitations', personId);
      const pending = record ? unfinished(record).slice(0, batchSize) : [];
      if (!record || record.error || pending.length === 0) return;
      let found: Map<string, CitingAuthors>;
      try {
        found = await deps.citingAuthors(pending);
      } catch (error) {
        return fail(personId, record, error);
      }
      const results: Record<string, CheckedPaper> = {};
      const checked = (authors: (string | null)[], citing: (string | null)[][], complete: boolean): CheckedPaper => ({
        citing: citing.length,
        self: citing.filter((paper) => isSelfCitation(paper, authors, personIds)).length,
        ...(complete ? {} : { complete: false as const }),
      });
      for (const id of pending) {
        const paper = found.get(id);
        if (!paper?.cut) results[id] = paper ? checked(paper.authors, paper.citing, paper.complete) : { citing: 0, self: 0 };
      }
      if (!(await store(personId, record, results))) return;
      // Papers the batch answer cut are counted page by page, each stored as it is done.
      for (const id of pending) {
        const paper = found.get(id);
        if (!paper?.cut) continue;
        let pages: Awaited<ReturnType<SelfCitationDeps['citingPages']>>;
        try {
          pages = await deps.citingPages(id, paper.count);
        } catch (error) {
          return fail(personId, record, error);
        }
        if (!(await store(personId, record, { [id]: checked(paper.authors, pages.citing, pages.complete) }))) return;
      }
    }
  }

  /** Adds checked papers to the stored count; false when the count is of someone else now (a merge or unmerge). */
  async function store(personId: string, started: SelfCitationRecord, results: Record<string, CheckedPaper>): Promise<boolean> {
    // Read again: the reader may have raised the cap meanwhile.
    const latest = await (await db()).get('selfCitations', personId);
    if (!latest || latest.authorIds.join() !== started.authorIds.join()) return false;
    await (await db()).put('selfCitations', { ...latest, done: { ...latest.done, ...results }, updatedAt: now() });
    return true;
  }

  /** Stops the count with the error, on the record as it is now (the cap may have been raised), unless it is someone else's now. */
  async function fail(personId: string, started: SelfCitationRecord, error: unknown): Promise<void> {
    const latest = await (await db()).get('selfCitations', personId);
    if (!latest || latest.authorIds.join() !== started.authorIds.join()) return;
    await (await db()).put('selfCitations', { ...latest, error: message(error), updatedAt: now() });
  }

  function ensureRunning(record: SelfCitationRecord): void {
    if (running.has(record.personId) || record.error || unfinished(record).length === 0) return;
    const task = run(record.personId, new Set(record.authorIds)).finally(() => running.delete(record.personId));
    running.set(record.personId, task);
  }

  /** Where the count stands; `start` begins it (or resumes after an error), `more` checks the next papers. An unfinished count resumes on any call. */
  async function selfCitations(authorId: string, action: SelfCitationAction): Promise<SelfCitationView> {
    const person = (await deps.personOf(authorId)) ?? { personId: authorId, authorIds: [authorId] };
    const database = await db();
    let record = await database.get('selfCitations', person.personId);
    // A merge or unmerge since: the count is of someone else now.
    if (record && record.authorIds.join() !== person.authorIds.join()) record = undefined;
    // Reading what is not counted asks nothing (cards read on opening).
    if (!record && action === 'read') return { status: 'none', checked: 0, cap: 0, papers: 0, figures: null, error: null, updatedAt: null };
    const whole = await deps.wholeRecord(authorId);
    if (!record) {
      const targets = selfCitationTargets(whole.papers);
      record = { personId: whole.personId, authorIds: whole.authorIds, targets, cap: Math.min(SELF_CITATION_STEP, targets.length), done: {}, error: null, updatedAt: now() };
    }
    if (action === 'more') record = { ...record, cap: Math.min(record.cap + SELF_CITATION_STEP, record.targets.length) };
    if (action !== 'read') record = { ...record, error: null, updatedAt: now() };
    if (action !== 'read') await database.put('selfCitations', record);
    ensureRunning(record);
    const left = unfinished(record).length;
    return {
      status: left === 0 ? 'done' : record.error ? 'stopped' : 'running',
      checked: record.targets.slice(0, record.cap).length - left,
      cap: record.cap,
      papers: record.targets.length,
      figures: selfCitationFigures(whole.papers, record.done),
      error: record.error,
      updatedAt: record.updatedAt,
    };
  }

  const backup: BackupPart<Pick<Backup, 'selfCitations'>> = {
    stores: ['selfCitations'],
    export: async () => ({ selfCitations: (await (await db()).getAll('selfCitations')).map((record) => ({ ...record, error: null })) }),
    // A count in the file replaces the stored count of the same person.
    async merge(tx, { selfCitations: records }) {
      for (const record of records) await tx.objectStore('selfCitations').put(record);
      return { selfCitations: records.length };
    },
    imported: () => undefined,
  };

  const handlers: HandlersFor<'selfCitations'> = { selfCitations: ({ authorId, action }) => selfCitations(authorId, action) };

  return { selfCitations, handlers, backup, idle: () => Promise.all(running.values()) };
}
