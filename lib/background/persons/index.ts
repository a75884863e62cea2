// Persons the reader assembles: profiles merged into one, papers dropped from one. Every surface
// that shows an author asks here: cards get the merged publications and recomputed numbers, chips
// and triage the person's figures, compare the merged paper list. Kept in `persons` (the reader's
// own data, in the backup); candidates come from one cached name search per card opening.

import type { Backup } from '../../core/backup';
import { asPerson, mergePublications, MAX_DROPPED, MAX_PERSON_PROFILES, personMetrics, type PersonRecord } from '../../core/person';
import { rankPersonCandidates, type PersonCandidates, type SearchedProfile } from '../../core/personCandidates';
import type { Author, AuthorCardData, DroppedPaper, PersonFigures, PersonView } from '../../core/model';
import type { PaperCitations } from '../../core/metrics/compute';
import type { BackupPart } from '../backup/part';
import type { Context } from '../context';
import type { HandlersFor } from '../router';
import type { Sources } from '../sources';
import type { Cache } from '../store/cache';
import type { PublicationsRecord } from '../store/schema';

export interface PersonsDeps {
  sources: Sources;
  cache: Cache;
  lifetimes: () => Promise<{ publications: number }>;
  author(authorId: string): Promise<Author>;
  publications(authorId: string): Promise<PublicationsRecord>;
  card(authorId: string): Promise<AuthorCardData>;
  /** Every paper's year, count and ids for an author (cached; compare's list). */
  citationList(author: Author): Promise<{ papers: PaperCitations[]; complete: boolean }>;
}

export class PersonError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PersonError';
  }
}

export type PersonsFeature = ReturnType<typeof createPersons>;

export function createPersons(ctx: Context, deps: PersonsDeps) {
  const { db, now } = ctx;
  // Chips ask on every page: the persons are read once and kept until they change.
  let byAuthor: Promise<Map<string, PersonRecord>> | null = null;
  const index = () =>
    (byAuthor ??= db()
      .then((database) => database.getAll('persons'))
      .then((records) => new Map(records.flatMap((record) => record.authorIds.map((authorId) => [authorId, record] as const)))));
  const forget = () => void (byAuthor = null);
  const personOf = async (authorId: string) => (await index()).get(authorId) ?? null;
  /** Every profile of the author's person (the author alone when none). */
  const profilesOf = async (authorId: string) => (await personOf(authorId))?.authorIds ?? [authorId];

  const sameFigures = (a: PersonFigures | null, b: PersonFigures) => !!a && a.citations === b.citations && a.hIndex === b.hIndex && a.papers === b.papers && a.complete === b.complete;

  /** The person's numbers from every profile's full paper list; stored for the chips when they changed. */
  async function compute(record: PersonRecord) {
    const profiles = await Promise.all(record.authorIds.map((authorId) => deps.author(authorId)));
    const lists = await Promise.all(profiles.map((profile) => deps.citationList(profile).catch(() => null)));
    const complete = lists.every((list) => list?.complete === true);
    const { papers, metrics, duplicates } = personMetrics(
      lists.map((list) => list?.papers ?? []),
      record.dropped,
      new Date(now()).getUTCFullYear(),
    );
    const figures: PersonFigures = { citations: metrics.citations, hIndex: metrics.hIndex, papers: metrics.papers, complete, computedAt: now() };
    // Cards, compare rows and self-citation polls all compute: only a change is written, and only
    // if the person is still as it was (a merge, drop or unmerge meanwhile wins).
    if (!sameFigures(record.figures, figures)) {
      const tx = (await db()).transaction('persons', 'readwrite');
      const stored = await tx.store.get(record.personId);
      if (stored && stored.updatedAt === record.updatedAt && stored.authorIds.join() === record.authorIds.join()) await tx.store.put({ ...stored, figures });
      await tx.done;
      forget();
    }
    const view: PersonView = { personId: record.personId, profiles, dropped: record.dropped, metrics, complete, duplicates };
    return { figures, papers, view };
  }

  const view = async (record: PersonRecord) => (await compute(record)).view;

  /** The card for an author: a person's when they are part of one. */
  async function card(authorId: string): Promise<AuthorCardData> {
    const record = await personOf(authorId);
    if (!record) return deps.card(authorId);
    const [base, person, lists] = await Promise.all([
      deps.card(record.personId),
      compute(record),
      Promise.all(record.authorIds.map((id) => deps.publications(id).then((list) => list.papers, () => []))),
    ]);
    return { ...base, author: asPerson(base.author, person.figures, record.personId), publications: mergePublications(lists, record.dropped), person: person.view };
  }

  async function save(record: PersonRecord): Promise<PersonView> {
    await (await db()).put('persons', record);
    forget();
    return view(record);
  }

  /** Merges profiles (and the persons they are part of) into one person, the first profile's. */
  async function merge(authorIds: readonly string[]): Promise<PersonView> {
    const existing = [...new Set((await Promise.all(authorIds.map(personOf))).filter((record): record is PersonRecord => record !== null))];
    const ids = [...new Set([...existing.flatMap((record) => record.authorIds), ...authorIds])];
    const first = authorIds[0] as string;
    const personId = existing.find((record) => record.authorIds.includes(first))?.personId ?? first;
    const ordered = [personId, ...ids.filter((id) => id !== personId)];
    if (ordered.length > MAX_PERSON_PROFILES) throw new PersonError(`A person holds at most ${MAX_PERSON_PROFILES} profiles`);
    // The profiles must exist before they are merged (an unknown id is refused, not kept).
    await Promise.all(ordered.map((id) => deps.author(id)));
    const dropped = uniqueDrops(existing.flatMap((record) => record.dropped));
    const merged: PersonRecord = { personId, authorIds: ordered, dropped, figures: null, updatedAt: now() };
    const tx = (await db()).transaction('persons', 'readwrite');
    for (const record of existing) void tx.store.delete(record.personId);
    void tx.store.put(merged);
    await tx.done;
    forget();
    return view(merged);
  }

  /** Takes the person apart: each profile is shown as its source reports it again, drops included. */
  async function unmerge(personId: string): Promise<null> {
    await (await db()).delete('persons', personId);
    forget();
    return null;
  }

  /** Drops a paper from the author's person (made for a single profile when there is none), or takes it back. */
  async function drop(authorId: string, paper: DroppedPaper, dropped: boolean): Promise<PersonView | null> {
    const record = (await personOf(authorId)) ?? { personId: authorId, authorIds: [authorId], dropped: [], figures: null, updatedAt: now() };
    const others = record.dropped.filter((entry) => !entry.ids.some((id) => paper.ids.includes(id)));
    const next = dropped ? [...others, paper] : others;
    if (next.length > MAX_DROPPED) throw new PersonError(`At most ${MAX_DROPPED} papers can be dropped from a person`);
    // A single profile with nothing dropped is no person at all.
    if (record.authorIds.length === 1 && next.length === 0) return unmerge(record.personId);
    return save({ ...record, dropped: next, updatedAt: now() });
  }

  /** Other profiles that may be this person, with their evidence; one search request, cached. */
  async function candidates(authorId: string): Promise<PersonCandidates> {
    const record = await personOf(authorId);
    const authorIds = record?.authorIds ?? [authorId];
    const profiles = await Promise.all(authorIds.map((id) => deps.author(id)));
    const key = authorIds[0] as string;
    const name = (profiles[0] as Author).name;
    const searched = await deps.cache.readThrough(
      await (await db()).get('profileSearches', key),
      (await deps.lifetimes()).publications,
      `profiles:${key}`,
      async () => {
        const found: SearchedProfile[] = await deps.sources.semanticScholar.profiles(name);
        const stored = { authorId: key, found, fetchedAt: now(), usedAt: now() };
        await (await db()).put('profileSearches', stored);
        deps.cache.evictSoon();
        return stored;
      },
      'profileSearches',
    );
    const publications = (await Promise.all(authorIds.map((id) => deps.publications(id).then((list) => list.papers, () => [])))).flat();
    // OpenAlex matches already made by cards (no request): the same OpenAlex author is evidence.
    const tx = (await db()).transaction('openalex');
    const ids = [...authorIds, ...searched.found.map((profile) => profile.author.authorId)];
    const matches = await Promise.all(ids.map((id) => tx.store.get(id)));
    const openAlexOf = new Map(ids.flatMap((id, index) => (matches[index]?.openAlexId ? [[id, matches[index]!.openAlexId!] as const] : [])));
    return rankPersonCandidates({ authorIds, names: profiles.map((profile) => profile.name), publications }, searched.found, openAlexOf);
  }

  /** Authors on papers as the person they are part of (chips, triage). */
  async function applyToAuthors(lists: Author[][]): Promise<Author[][]> {
    const persons = await index();
    if (persons.size === 0) return lists;
    return lists.map((authors) =>
      authors.map((author) => {
        const record = persons.get(author.authorId);
        return record?.figures ? asPerson(author, record.figures, record.personId) : author;
      }),
    );
  }

  /** For compare: the person's whole paper list and profiles in place of one profile's, or null. */
  async function forCompare(authorId: string) {
    const record = await personOf(authorId);
    if (!record) return null;
    const { papers, view } = await compute(record);
    return { personId: record.personId, profiles: view.profiles, papers, complete: view.complete, dropped: record.dropped.length };
  }

  /** The author's whole record for counting: the person (or the author alone) and the merged paper list. */
  async function wholeRecord(authorId: string): Promise<{ personId: string; authorIds: string[]; papers: PaperCitations[] }> {
    const record = await personOf(authorId);
    if (record) {
      const { papers } = await compute(record);
      return { personId: record.personId, authorIds: record.authorIds, papers };
    }
    return { personId: authorId, authorIds: [authorId], papers: (await deps.citationList(await deps.author(authorId))).papers };
  }

  // Imported persons have no numbers yet: computed behind, so chips show them soon.
  async function recomputeAll(): Promise<void> {
    for (const record of await (await db()).getAll('persons')) await compute(record).catch(() => undefined);
  }

  const handlers: HandlersFor<'personCandidates' | 'personMerge' | 'personUnmerge' | 'personDrop'> = {
    personCandidates: ({ authorId }) => candidates(authorId),
    personMerge: ({ authorIds }) => merge(authorIds),
    personUnmerge: ({ personId }) => unmerge(personId),
    personDrop: ({ authorId, paper, dropped }) => drop(authorId, paper, dropped),
  };

  const backup: BackupPart<Pick<Backup, 'persons'>> = {
    stores: ['persons'],
    export: async () => ({ persons: (await (await db()).getAll('persons')).map(({ authorIds, dropped }) => ({ authorIds, dropped })) }),
    // An imported person replaces the persons it overlaps (the file is the reader's later word).
    async merge(tx, { persons }) {
      const store = tx.objectStore('persons');
      for (const person of persons) {
        for (const authorId of person.authorIds) {
          const overlapping = await store.index('authorIds').getAllKeys(authorId);
          for (const key of overlapping) await store.delete(key);
        }
        await store.put({ personId: person.authorIds[0] as string, authorIds: person.authorIds, dropped: person.dropped, figures: null, updatedAt: now() });
      }
      return { persons: persons.length };
    },
    imported: () => {
      forget();
      void recomputeAll();
    },
  };

  return { card, merge, unmerge, drop, candidates, personOf, profilesOf, applyToAuthors, forCompare, wholeRecord, handlers, backup };
}

function uniqueDrops(dropped: readonly DroppedPaper[]): DroppedPaper[] {
  const seen = new Set<string>();
  return dropped.filter((paper) => {
    if (paper.ids.some((id) => seen.has(id))) return false;
    paper.ids.forEach((id) => seen.add(id));
    return true;
  });
}
