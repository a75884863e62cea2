// One person, whole record: the merge arithmetic, candidate ranking on the recorded world's
// author search, and the background's merge, drop and unmerge as every surface sees them.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackground } from '../../lib/background';
import { openDatabase, type Database } from '../../lib/background/store/db';
import { computeMetrics, gIndex, hIndex, i10Index } from '../../lib/core/metrics/compute';
import { groupByIds, mergeCitationLists, mergePublications, paperIds, readDroppedPaper } from '../../lib/core/person';
import { instantGates } from '../fixtures/gates';
import { mergedPaperCitations, OTHER_PROFILES } from '../fixtures/personWorld';
import { recordedFetch } from '../fixtures/recordedApi';
import { authorIdFor, NAMESAKE, SEED_AUTHOR_ID, seed } from '../fixtures/seedWorld';

const NOW = Date.UTC(2026, 11, 2);
const YEAR = 2026;
let db: Database;
beforeEach(async () => (db = await openDatabase(`person-${Math.random()}`)));
afterEach(() => db.close());

const service = (log: { method: string; url: string }[] = []) => createBackground({ db: async () => db, fetch: recordedFetch(log), now: () => NOW, gates: instantGates(), openAlexWaitMs: 50 });
const CLINICAL = seed.publications[1]!;
const ALL_PROFILES = [SEED_AUTHOR_ID, ...OTHER_PROFILES.map((profile) => profile.authorId)];

describe('merge arithmetic', () => {
  it('counts a paper listed under two of three profiles once, whichever ids each profile knows', () => {
    const a = [{ year: 2020, citations: 30, ids: ['s2:p1', 'arxiv:2001.00001'] }, { year: 2021, citations: 12, ids: ['s2:p2'] }];
    const b = [{ year: 2021, citations: 12, ids: ['arxiv:2101.00002', 's2:p2'] }, { year: 2019, citations: 10, ids: ['s2:p3'] }];
    const c = [{ year: 2021, citations: 13, ids: ['arxiv:2101.00002'] }, { year: null, citations: 1 }];
    const { papers, duplicates } = mergeCitationLists([a, b, c], []);
    expect(duplicates).toBe(2);
    expect(papers.map((paper) => paper.citations)).toEqual([30, 13, 10, 1]);
    const metrics = computeMetrics(papers, YEAR);
    expect([metrics.papers, metrics.citations, metrics.hIndex, metrics.gIndex, metrics.i10Index]).toEqual([4, 54, 3, 4, 3]);
    // A paper without ids is never merged with another.
    expect(groupByIds([{ ids: [] }, { ids: [] }], (item) => item.ids)).toHaveLength(2);
  });

  it('leaves dropped papers out by any of their ids, and merges publications newest first', () => {
    const list = [{ year: 2020, citations: 30, ids: ['s2:p1', 'arxiv:2001.00001'] }, { year: 2021, citations: 12, ids: ['s2:p2'] }];
    expect(mergeCitationLists([list], [{ ids: ['arxiv:2001.00001'], title: 'x' }]).papers.map((paper) => paper.citations)).toEqual([12]);
    const paper = (s2PaperId: string, arxivId: string | null, date: string, citationCount: number) => ({ arxivId, version: null, s2PaperId, title: s2PaperId, abstract: null, publicationDate: date, year: Number(date.slice(0, 4)), citationCount, authors: [] });
    const merged = mergePublications([[paper('p1', '2001.00001', '2020-01-01', 3)], [paper('q1', '2001.00001', '2020-01-01', 5), paper('p2', null, '2022-01-01', 0)]], []);
    expect(merged.map((entry) => [entry.s2PaperId, entry.citationCount])).toEqual([['p2', 0], ['q1', 5]]);
    expect(paperIds({ s2PaperId: 'p', arxivId: '2001.00001', doi: '10.1/ABC' })).toEqual(['s2:p', 'arxiv:2001.00001', 'doi:10.1/abc']);
  });

  it('accepts only well-formed dropped papers', () => {
    expect(readDroppedPaper({ ids: ['arxiv:2602.05381'], title: 'Clinical' })).toEqual({ ids: ['arxiv:2602.05381'], title: 'Clinical' });
    for (const bad of [null, { ids: [], title: 'x' }, { ids: ['javascript:alert(1)'], title: 'x' }, { ids: ['arxiv:1'], title: 7 }, { ids: Array(4).fill('arxiv:1'), title: 'x' }]) expect(readDroppedPaper(bad)).toBeNull();
  });
});

describe('other profiles for this person', () => {
  it('ranks the search by shared coauthors (named) and lists the namesake as sharing only the name; one request, cached', async () => {
    const log: { method: string; url: string }[] = [];
    const background = service(log);
    const found = await background.persons.candidates(SEED_AUTHOR_ID);
    expect(found.candidates.map((candidate) => [candidate.author.authorId, candidate.suggested])).toEqual([['9300002', true], ['9300001', true], [NAMESAKE.authorId, false]]);
    // Three shared coauthors each; 9300002's papers also overlap the seed's years (2026) and venue.
    const [second, first, namesake] = found.candidates;
    expect(second).toMatchObject({ overlappingYears: true, sharedVenues: ['arxiv.org'] });
    expect(first).toMatchObject({ overlappingYears: false, sharedVenues: [] });
    expect(first!.sharedCoauthors.map((coauthor) => coauthor.name).sort()).toEqual(['Charles Fleming', 'Jian Peng', 'Yuanxin Liu']);
    expect(first!.sharedCoauthors[0]!.authorId).toBe(authorIdFor(first!.sharedCoauthors[0]!.name));
    expect(second!.sharedCoauthors.map((coauthor) => coauthor.name).sort()).toEqual(['Alfredo García', 'Asli Celikyilmaz', 'Charles Fleming']);
    expect(namesake).toMatchObject({ sharedCoauthorCount: 0, overlappingYears: false, sharedVenues: [], years: { from: 2012, to: 2012 } });
    expect(found.nameVariants).toEqual(expect.arrayContaining(['Zhaoran Wang', 'Z. Wang']));
    const searches = () => log.filter((entry) => entry.url.includes('/author/search')).length;
    expect(searches()).toBe(1);
    await background.persons.candidates(SEED_AUTHOR_ID);
    expect(searches()).toBe(1);
  });

  it('counts the same OpenAlex author, known from cards opened before, as evidence', async () => {
    const background = service();
    const record = (authorId: string) => ({ authorId, openAlexId: 'A5000000001', author: null, evidence: { agreeing: 2, looked: 2 }, fetchedAt: NOW, usedAt: NOW });
    await db.put('openalex', record(SEED_AUTHOR_ID));
    await db.put('openalex', record(NAMESAKE.authorId));
    const namesake = (await background.persons.candidates(SEED_AUTHOR_ID)).candidates.find((candidate) => candidate.author.authorId === NAMESAKE.authorId)!;
    expect(namesake).toMatchObject({ sameOpenAlex: 'A5000000001', sharedCoauthorCount: 0, suggested: true });
  });
});

describe('a person on every surface', () => {
  it('merges three profiles: card, chips and compare show the recomputed numbers; a drop changes them; unmerge restores everything', async () => {
    const background = service();
    const chip = async () => (await background.papers([seed.publications[0]!.arxivId]))[seed.publications[0]!.arxivId]!.authors[0]!;
    const cardBefore = await background.authorCard(SEED_AUTHOR_ID);
    const chipBefore = await chip();
    const rowBefore = await background.compare.row(SEED_AUTHOR_ID);

    const view = await background.persons.merge([SEED_AUTHOR_ID, ...OTHER_PROFILES.map((profile) => profile.authorId)]);
    const citations = mergedPaperCitations(seed.publications.map((publication) => publication.citations));
    expect(citations).toHaveLength(7); // 3 + 2 + 3, the shared paper once.
    expect(view.duplicates).toBe(1);
    expect([view.metrics.papers, view.metrics.citations, view.metrics.hIndex, view.metrics.gIndex, view.metrics.i10Index]).toEqual([
      7,
      citations.reduce((sum, count) => sum + count, 0),
      hIndex(citations),
      gIndex(citations),
      i10Index(citations),
    ]);
    // Each profile's own figure stays beside.
    expect(view.profiles.map((profile) => [profile.authorId, profile.citationCount])).toEqual([[SEED_AUTHOR_ID, seed.author.totalCitations], ...OTHER_PROFILES.map((profile) => [profile.authorId, profile.reported.citationCount])]);

    // Any of the profiles opens the person's card: publications are the union, deduplicated.
    const card = await background.authorCard('9300002');
    expect(card.author).toMatchObject({ authorId: SEED_AUTHOR_ID, citationCount: 77, hIndex: 3, paperCount: 7, personId: SEED_AUTHOR_ID });
    expect(card.publications).toHaveLength(7);
    expect(card.person?.profiles).toHaveLength(3);
    expect(await chip()).toMatchObject({ authorId: SEED_AUTHOR_ID, citationCount: 77, hIndex: 3, paperCount: 7 });
    const row = await background.compare.row(SEED_AUTHOR_ID);
    expect(row.person?.profiles).toHaveLength(3);
    expect(row.author.citationCount).toBe(seed.author.totalCitations);
    expect(computeMetrics(row.papers, YEAR).citations).toBe(77);

    // Not by this person: the ophthalmology paper.
    const dropped = await background.persons.drop('9300001', { ids: [`arxiv:${CLINICAL.arxivId}`], title: CLINICAL.title }, true);
    expect(dropped?.metrics.papers).toBe(6);
    expect(dropped?.dropped.map((paper) => paper.title)).toEqual([CLINICAL.title]);
    const cardDropped = await background.authorCard(SEED_AUTHOR_ID);
    expect(cardDropped.publications.map((paper) => paper.arxivId)).not.toContain(CLINICAL.arxivId);
    expect(cardDropped.author.paperCount).toBe(6);
    expect((await chip()).paperCount).toBe(6);
    // And back.
    expect((await background.persons.drop(SEED_AUTHOR_ID, { ids: [`arxiv:${CLINICAL.arxivId}`], title: CLINICAL.title }, false))?.metrics.papers).toBe(7);

    await background.persons.unmerge(SEED_AUTHOR_ID);
    expect(await background.authorCard(SEED_AUTHOR_ID)).toEqual(cardBefore);
    expect(await chip()).toEqual(chipBefore);
    expect({ ...(await background.compare.row(SEED_AUTHOR_ID)), listFetchedAt: null }).toEqual({ ...rowBefore, listFetchedAt: null });
  });

  it('drops a paper from a single profile, and taking it back leaves no person behind', async () => {
    const background = service();
    const view = await background.persons.drop(SEED_AUTHOR_ID, { ids: [`arxiv:${CLINICAL.arxivId}`], title: CLINICAL.title }, true);
    expect(view?.profiles.map((profile) => profile.authorId)).toEqual([SEED_AUTHOR_ID]);
    expect((await background.authorCard(SEED_AUTHOR_ID)).publications).toHaveLength(2);
    expect(await background.persons.drop(SEED_AUTHOR_ID, { ids: [`arxiv:${CLINICAL.arxivId}`], title: CLINICAL.title }, false)).toBeNull();
    expect(await db.count('persons')).toBe(0);
  });

  it('never brings an unmerged person back: numbers computed meanwhile are not stored', async () => {
    const background = service();
    await background.persons.merge(ALL_PROFILES);
    await Promise.all([background.authorCard(SEED_AUTHOR_ID), background.compare.row(SEED_AUTHOR_ID), background.persons.unmerge(SEED_AUTHOR_ID)]);
    expect(await db.count('persons')).toBe(0);
    expect((await background.authorCard(SEED_AUTHOR_ID)).person).toBeUndefined();
  });

  it('refuses to merge a profile the source does not know, and changes nothing', async () => {
    const background = service();
    await expect(background.persons.merge([SEED_AUTHOR_ID, '9999999'])).rejects.toThrow();
    expect(await db.count('persons')).toBe(0);
  });

  it('keeps persons and drops in the backup, and an import replaces the persons it overlaps', async () => {
    const source = service();
    await source.persons.merge([SEED_AUTHOR_ID, '9300001']);
    await source.persons.drop(SEED_AUTHOR_ID, { ids: [`arxiv:${CLINICAL.arxivId}`], title: CLINICAL.title }, true);
    const file = JSON.stringify(await source.exportAll());
    expect(JSON.parse(file).persons).toEqual([{ authorIds: [SEED_AUTHOR_ID, '9300001'], dropped: [{ ids: [`arxiv:${CLINICAL.arxivId}`], title: CLINICAL.title }] }]);
    db.close();
    db = await openDatabase(`person-target-${Math.random()}`);
    const target = service();
    await target.persons.merge(['9300001', '9300002']);
    expect((await target.importAll(file)).persons).toBe(1);
    expect((await db.getAll('persons')).map((person) => person.authorIds)).toEqual([[SEED_AUTHOR_ID, '9300001']]);
    const broken = { ...JSON.parse(file), persons: [{ authorIds: ['<b>'], dropped: [] }] };
    await expect(target.importAll(JSON.stringify(broken))).rejects.toThrow(/persons, entry 1/);
  });
});
