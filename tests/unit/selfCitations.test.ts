// Self-citations on recorded answers: the definition (a shared author id, a merged person's ids as
// one), the figures without them, the progress batch by batch, and the count going on after the
// worker stopped halfway.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackground } from '../../lib/background';
import { openDatabase, type Database } from '../../lib/background/store/db';
import { isSelfCitation, selfCitationFigures, selfCitationTargets } from '../../lib/core/selfCitations';
import { instantGates } from '../fixtures/gates';
import { EXPECTED_SELF, OTHER_PROFILES } from '../fixtures/personWorld';
import { recordedFetch } from '../fixtures/recordedApi';
import { SEED_AUTHOR_ID } from '../fixtures/seedWorld';

const NOW = Date.UTC(2026, 11, 2);
let db: Database;
beforeEach(async () => (db = await openDatabase(`self-${Math.random()}`)));
afterEach(() => db.close());

const ALL = [SEED_AUTHOR_ID, ...OTHER_PROFILES.map((profile) => profile.authorId)];
const citingRequests = (log: { url: string }[]) => log.filter((entry) => entry.url.includes('citations.authors')).length;

describe('the definition', () => {
  it('is a shared author id, every id of the person counting as one', () => {
    expect(isSelfCitation(['1', '2'], ['2', '3'], new Set())).toBe(true);
    expect(isSelfCitation(['1'], ['3'], new Set())).toBe(false);
    expect(isSelfCitation(['1'], ['3'], new Set(['1', '3']))).toBe(true);
    expect(isSelfCitation([null], [null], new Set())).toBe(false);
  });

  it('takes self-citations off checked papers only, never below zero', () => {
    const papers = [
      { year: 2020, citations: 10, ids: ['s2:a'] },
      { year: 2021, citations: 4, ids: ['s2:b'] },
      { year: 2022, citations: 3, ids: ['s2:c'] },
      { year: 2022, citations: 0, ids: ['s2:d'] },
    ];
    expect(selfCitationTargets(papers)).toEqual(['a', 'b', 'c']);
    expect(selfCitationFigures(papers, { a: { citing: 10, self: 8 }, b: { citing: 2, self: 9 } })).toEqual({ hIndex: 3, hIndexWithout: 2, citations: 17, citationsWithout: 5, selfCitations: 17, citingChecked: 12, incomplete: 0 });
    expect(selfCitationFigures(papers, { a: { citing: 9, self: 2, complete: false } }).incomplete).toBe(1);
  });
});

describe('counting for a person', () => {
  it('counts a merged person batch by batch, each id of theirs as one, and gives the figures', async () => {
    const log: { method: string; url: string }[] = [];
    const background = createBackground({ db: async () => db, fetch: recordedFetch(log), now: () => NOW, gates: instantGates(), openAlexWaitMs: 50, selfCitationBatch: 1 });
    await background.persons.merge(ALL);
    expect((await background.selfCitations.selfCitations(SEED_AUTHOR_ID, 'read')).status).toBe('none');
    const started = await background.selfCitations.selfCitations('9300002', 'start');
    expect(started).toMatchObject({ status: 'running', cap: 3, papers: 3 });
    await background.selfCitations.idle();
    const done = await background.selfCitations.selfCitations(SEED_AUTHOR_ID, 'read');
    expect(done).toMatchObject({ status: 'done', checked: 3, figures: { citations: 77, hIndex: 3, ...EXPECTED_SELF.merged } });
    // One request a paper at this batch size; reading again asks nothing.
    expect(citingRequests(log)).toBe(3);
    await background.selfCitations.selfCitations(SEED_AUTHOR_ID, 'read');
    expect(citingRequests(log)).toBe(3);
  });

  it('counts a profile alone without the other profiles of the person', async () => {
    const background = createBackground({ db: async () => db, fetch: recordedFetch(), now: () => NOW, gates: instantGates() });
    await background.selfCitations.selfCitations('9300001', 'start');
    await background.selfCitations.idle();
    expect((await background.selfCitations.selfCitations('9300001', 'read')).figures).toMatchObject(EXPECTED_SELF.alone9300001);
  });

  it('keeps what was counted when stopped halfway, and a new worker goes on from there', async () => {
    const log: { method: string; url: string }[] = [];
    const recorded = recordedFetch(log);
    let citingAnswers = 0;
    // From the second batch on the network is gone (retries too), as when the worker is stopped in the middle.
    const failing = async (input: string, init?: RequestInit) => (input.includes('citations.authors') && ++citingAnswers >= 2 ? Promise.reject(new TypeError('Failed to fetch')) : recorded(input, init));
    const first = createBackground({ db: async () => db, fetch: failing, now: () => NOW, gates: instantGates(), sleep: async () => {}, selfCitationBatch: 1 });
    await first.persons.merge(ALL);
    await first.selfCitations.selfCitations(SEED_AUTHOR_ID, 'start');
    await first.selfCitations.idle();
    const stopped = await first.selfCitations.selfCitations(SEED_AUTHOR_ID, 'read');
    expect(stopped).toMatchObject({ status: 'stopped', checked: 1 });
    expect(stopped.error).toMatch(/fetch/i);

    const before = citingRequests(log);
    const second = createBackground({ db: async () => db, fetch: recordedFetch(log), now: () => NOW, gates: instantGates(), selfCitationBatch: 1 });
    await second.selfCitations.selfCitations(SEED_AUTHOR_ID, 'start');
    await second.selfCitations.idle();
    expect(await second.selfCitations.selfCitations(SEED_AUTHOR_ID, 'read')).toMatchObject({ status: 'done', checked: 3, figures: EXPECTED_SELF.merged });
    // Only the two papers not counted before were asked about.
    expect(citingRequests(log) - before).toBe(2);
  });

  it('writes a failure onto the count only while it is still the same person\'s', async () => {
    const recorded = recordedFetch();
    let citingAnswers = 0;
    // While the second batch is asked, the reader unmerges and merges again (a new count of other
    // ids under the same person is stored); then that batch fails.
    const failing = async (input: string, init?: RequestInit) => {
      if (!input.includes('citations.authors') || ++citingAnswers < 2) return recorded(input, init);
      const [record] = await db.getAll('selfCitations');
      await db.put('selfCitations', { ...record!, authorIds: [SEED_AUTHOR_ID], done: {}, error: null });
      throw new TypeError('Failed to fetch');
    };
    const background = createBackground({ db: async () => db, fetch: failing, now: () => NOW, gates: instantGates(), sleep: async () => {}, selfCitationBatch: 1 });
    await background.persons.merge(ALL);
    await background.selfCitations.selfCitations(SEED_AUTHOR_ID, 'start');
    await background.selfCitations.idle();
    const [stored] = await db.getAll('selfCitations');
    expect(stored).toMatchObject({ authorIds: [SEED_AUTHOR_ID], error: null, done: {} });
  });

  it('keeps counts in the backup and refuses damaged ones', async () => {
    const source = createBackground({ db: async () => db, fetch: recordedFetch(), now: () => NOW, gates: instantGates() });
    await source.persons.merge(ALL);
    await source.selfCitations.selfCitations(SEED_AUTHOR_ID, 'start');
    await source.selfCitations.idle();
    const file = await source.exportAll();
    expect(file.selfCitations).toHaveLength(1);
    db.close();
    db = await openDatabase(`self-target-${Math.random()}`);
    const target = createBackground({ db: async () => db, fetch: recordedFetch(), now: () => NOW, gates: instantGates() });
    expect(await target.importAll(JSON.stringify(file))).toMatchObject({ persons: 1, selfCitations: 1 });
    const log: { method: string; url: string }[] = [];
    const offline = createBackground({ db: async () => db, fetch: recordedFetch(log), now: () => NOW, gates: instantGates() });
    expect(await offline.selfCitations.selfCitations(SEED_AUTHOR_ID, 'read')).toMatchObject({ status: 'done', figures: EXPECTED_SELF.merged });
    expect(citingRequests(log)).toBe(0);
    const damaged = { ...file, selfCitations: [{ ...file.selfCitations[0], done: { ['a'.repeat(40)]: { citing: 1, self: 2 } } }] };
    await expect(target.importAll(JSON.stringify(damaged))).rejects.toThrow(/selfCitations, entry 1/);
  });

  it('starts again for the new person after an unmerge', async () => {
    const background = createBackground({ db: async () => db, fetch: recordedFetch(), now: () => NOW, gates: instantGates() });
    await background.persons.merge(ALL);
    await background.selfCitations.selfCitations(SEED_AUTHOR_ID, 'start');
    await background.selfCitations.idle();
    await background.persons.unmerge(SEED_AUTHOR_ID);
    // The seed's own papers are uncited: nothing to count.
    expect(await background.selfCitations.selfCitations(SEED_AUTHOR_ID, 'read')).toMatchObject({ status: 'none', checked: 0 });
  });
});
