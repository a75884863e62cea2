import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { CompareFullError } from '../../lib/background/compare';
import { computeMetrics } from '../../lib/core/metrics/compute';
import { MAX_COMPARE } from '../../lib/core/protocol/wire';
import { createBackground } from '../../lib/background';
import { openDatabase } from '../../lib/background/store/db';
import { instantGates } from '../fixtures/gates';
import { recordedFetch } from '../fixtures/recordedApi';
import { SEED_AUTHOR_ID, seed } from '../fixtures/seedWorld';

const NOW = Date.UTC(2026, 10, 24);
const author = (authorId: string) => ({ authorId, name: `Author ${authorId}` });
const noNetwork = async () => Promise.reject(new Error('not used'));
const trayOn = (db: Awaited<ReturnType<typeof openDatabase>>) => createBackground({ db: async () => db, fetch: noNetwork, now: () => NOW }).compare;

async function tray(name = `compare-${Math.random()}`) {
  const db = await openDatabase(name);
  return { name, db, compare: trayOn(db) };
}

describe('the compare tray', () => {
  it('adds in order, skips authors already there, and survives reopening the database', async () => {
    const { name, db, compare } = await tray();
    await compare.add([author('1'), author('2')]);
    const after = await compare.add([author('2'), author('3'), author('3')]);
    expect(after.map((entry) => entry.authorId)).toEqual(['1', '2', '3']);
    db.close();
    const reopened = await openDatabase(name);
    const again = trayOn(reopened);
    expect((await again.list()).map((entry) => [entry.authorId, entry.name, entry.position])).toEqual([['1', 'Author 1', 0], ['2', 'Author 2', 1], ['3', 'Author 3', 2]]);
    reopened.close();
  });

  it('moves, removes and clears', async () => {
    const { compare } = await tray();
    await compare.add(['1', '2', '3', '4'].map(author));
    expect((await compare.move('4', 0)).map((e) => e.authorId)).toEqual(['4', '1', '2', '3']);
    expect((await compare.move('4', 99)).map((e) => e.authorId)).toEqual(['1', '2', '3', '4']);
    expect((await compare.move('9', 0)).map((e) => e.authorId)).toEqual(['1', '2', '3', '4']);
    expect((await compare.remove('2')).map((e) => [e.authorId, e.position])).toEqual([['1', 0], ['3', 1], ['4', 2]]);
    expect(await compare.clear()).toEqual([]);
    expect(await compare.list()).toEqual([]);
  });

  it(`holds at most ${MAX_COMPARE} authors and adds none of a group that does not fit`, async () => {
    const { compare } = await tray();
    await compare.add(Array.from({ length: MAX_COMPARE - 1 }, (_, i) => author(String(i + 1))));
    await expect(compare.add([author('100'), author('101')])).rejects.toBeInstanceOf(CompareFullError);
    expect(await compare.list()).toHaveLength(MAX_COMPARE - 1);
  });

  it('loses nothing when several tabs add at once', async () => {
    const { compare } = await tray();
    await Promise.all(['1', '2', '3', '4', '5'].map((id) => compare.add([author(id)])));
    const ids = (await compare.list()).map((entry) => entry.authorId).sort();
    expect(ids).toEqual(['1', '2', '3', '4', '5']);
  });
});

describe('compare rows from the recorded Semantic Scholar answers', () => {
  it('keeps the reported numbers and computes the rest from the full paper list', async () => {
    const db = await openDatabase(`compare-row-${Math.random()}`);
    const log: { method: string; url: string }[] = [];
    const service = createBackground({ db: async () => db, fetch: recordedFetch(log), now: () => NOW, gates: instantGates() });
    const row = await service.compare.row(SEED_AUTHOR_ID);
    expect([row.author.citationCount, row.author.hIndex, row.author.paperCount]).toEqual([seed.author.totalCitations, seed.author.hIndex, seed.author.papers]);
    const citations = seed.publications.map((p) => p.citations);
    const computed = computeMetrics(row.papers, new Date(NOW).getUTCFullYear());
    expect(computed.citations).toBe(citations.reduce((a, b) => a + b, 0));
    expect(computed.papers).toBe(seed.publications.length);
    expect(row.complete).toBe(true);
    expect(log.some((entry) => entry.url.includes('/papers?fields=externalIds,year,citationCount&offset=0&limit=1000'))).toBe(true);
    // Cached: asking again makes no request.
    const before = log.length;
    await service.compare.row(SEED_AUTHOR_ID);
    expect(log.length).toBe(before);
  });

  it('still answers with the reported numbers when the paper list fails', async () => {
    const db = await openDatabase(`compare-row-${Math.random()}`);
    const fetch = recordedFetch();
    const failing = async (input: string, init?: RequestInit) => (input.includes('/papers?') ? new Response('{"message": "Internal Server Error"}', { status: 500 }) : fetch(input, init));
    const service = createBackground({ db: async () => db, fetch: failing, now: () => NOW, gates: instantGates(), sleep: async () => {} });
    const row = await service.compare.row(SEED_AUTHOR_ID);
    expect(row.author.hIndex).toBe(seed.author.hIndex);
    expect(row.papers).toEqual([]);
    expect(row.listFetchedAt).toBeNull();
    expect(row.computedError).toMatch(/500|Semantic Scholar/);
  });
});
