import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { createBackground, type BackgroundDeps } from '../../lib/background';
import { TTL } from '../../lib/background/store/cache';
import { openDatabase, type Database } from '../../lib/background/store/db';
import { loadAbsRecord } from '../fixtures/arxivAbs';
import { instantGates } from '../fixtures/gates';
import { registerOpenAlexOnly, SEED_OPENALEX_ID, openAlexIdFor } from '../fixtures/openAlexWorld';
import { recordedFetch } from '../fixtures/recordedApi';
import { registerPapers } from '../fixtures/recordedPapers';
import { NAMESAKE, registerArxivOnly, SEED_AUTHOR_ID } from '../fixtures/seedWorld';

// Three papers of the recorded world, each known to a different set of sources.
const inS2 = loadAbsRecord('1810.04805'); // Semantic Scholar (and not OpenAlex)
const inOpenAlexOnly = loadAbsRecord('2004.05256');
const inArxivOnly = loadAbsRecord('2304.09157');
registerPapers([inS2]);
registerOpenAlexOnly([inOpenAlexOnly]);
registerArxivOnly([inArxivOnly]);

let db: Database;
let clock: number;
let log: { method: string; url: string }[];
const hosts = () => log.map((entry) => new URL(entry.url).host.replace(/^(api|export)\./, ''));

beforeEach(async () => {
  db = await openDatabase(`sources-${Math.random()}`);
  clock = Date.UTC(2026, 10, 25);
  log = [];
});

/** The recorded world, with `fault` answering instead for the hosts it returns a response for. */
function service(fault: (url: URL) => Response | null = () => null, extra: Partial<BackgroundDeps> = {}) {
  const recorded = recordedFetch(log);
  const fetch = async (input: string, init?: RequestInit) => {
    const failure = fault(new URL(input));
    if (failure) {
      log.push({ method: init?.method ?? 'GET', url: input });
      return failure;
    }
    return recorded(input, init);
  };
  return createBackground({ db: async () => db, fetch, now: () => clock, gates: instantGates(), sleep: async () => {}, ...extra });
}

const down = (host: string, status = 503) => (url: URL) => (url.host === host ? new Response('{"message":"down"}', { status }) : null);

describe('papers from the source that knows them', () => {
  it('asks Semantic Scholar first, OpenAlex for what it lacks, arXiv for what both lack; one request each', async () => {
    const answer = await service().papers([inS2.id, inOpenAlexOnly.id, inArxivOnly.id, '2601.99999']);
    expect(hosts()).toEqual(['semanticscholar.org', 'openalex.org', 'openalex.org', 'arxiv.org']); // S2 batch; OpenAlex works, then their authors; arXiv
    expect(answer[inS2.id]!.authors[0]!.source).toBe('semanticscholar');

    const fromOpenAlex = answer[inOpenAlexOnly.id]!;
    expect(fromOpenAlex.paper.title).toBe(inOpenAlexOnly.title);
    expect(fromOpenAlex.authors.map((author) => author.name)).toEqual(inOpenAlexOnly.authors);
    expect(fromOpenAlex.authors[0]).toMatchObject({ authorId: openAlexIdFor(inOpenAlexOnly.authors[0]!), source: 'openalex', url: `https://openalex.org/${openAlexIdFor(inOpenAlexOnly.authors[0]!)}` });
    expect(fromOpenAlex.authors[0]!.hIndex).toEqual(expect.any(Number));

    const fromArxiv = answer[inArxivOnly.id]!;
    expect(fromArxiv.paper).toMatchObject({ title: inArxivOnly.title.replace(/\s+/g, ' '), citationCount: null });
    expect(fromArxiv.paper.authors.map((author) => author.name)).toEqual(inArxivOnly.authors);
    expect(fromArxiv.authors).toEqual([]); // names only: nobody's numbers
    expect(answer['2601.99999']).toBeNull();

    // Stored with their source; asked again within the day: nothing is asked.
    expect((await db.get('papers', inOpenAlexOnly.id))!.source).toBe('openalex');
    expect((await db.get('papers', inArxivOnly.id))!.source).toBe('arxiv');
    await service().papers([inS2.id, inOpenAlexOnly.id, inArxivOnly.id, '2601.99999']);
    expect(log).toHaveLength(4);
  });

  it('asks Semantic Scholar again after a day for what only a fallback knew', async () => {
    await service().papers([inOpenAlexOnly.id]);
    clock += TTL.missingPaper + 1;
    const refreshed = new Promise((resolve) => void service().papers([inOpenAlexOnly.id], { onRefreshed: resolve }));
    await refreshed;
    expect(hosts().filter((host) => host === 'semanticscholar.org')).toHaveLength(2);
  });

  it('serves OpenAlex’s answer while Semantic Scholar is down, without storing it, so the next page asks Semantic Scholar again', async () => {
    const failing = service(down('api.semanticscholar.org'));
    const answer = await failing.papers([inOpenAlexOnly.id]);
    expect(answer[inOpenAlexOnly.id]!.paper.title).toBe(inOpenAlexOnly.title);
    expect(hosts().filter((host) => host === 'semanticscholar.org')).toHaveLength(3); // first try and two retries, bounded
    expect(await db.get('papers', inOpenAlexOnly.id)).toBeUndefined();
  });

  it('fails with Semantic Scholar’s error when no source has the paper, and leaves the cache as it was', async () => {
    await service().papers([inS2.id]);
    const cached = await db.get('papers', inS2.id);
    clock += TTL.paper + 1;
    const failing = service(down('api.semanticscholar.org', 400));
    await expect(failing.papers(['2601.99999'])).rejects.toThrow(/400/);
    // The stale record is answered; its refresh fails; OpenAlex (which does not have it) never overwrites it.
    expect((await failing.papers([inS2.id]))[inS2.id]!.paper.title).toBe(inS2.title);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await db.get('papers', inS2.id)).toMatchObject({ fetchedAt: cached!.fetchedAt, paper: cached!.paper, authors: cached!.authors });
  });

  it('never replaces a cached Semantic Scholar record with a fallback’s', async () => {
    // Semantic Scholar once knew the OpenAlex-only paper; now it answers null for it.
    registerPapers([inOpenAlexOnly]);
    await service().papers([inOpenAlexOnly.id]);
    const known = await db.get('papers', inOpenAlexOnly.id);
    expect(known!.source).toBeUndefined();
    clock += TTL.paper + 1;
    const forgetting = service((url) => (url.host === 'api.semanticscholar.org' ? new Response('[null]', { status: 200 }) : null));
    const refreshed = new Promise((resolve) => void forgetting.papers([inOpenAlexOnly.id], { onRefreshed: resolve }));
    await refreshed;
    const after = await db.get('papers', inOpenAlexOnly.id);
    expect(after).toMatchObject({ fetchedAt: known!.fetchedAt, paper: known!.paper });
    expect(after!.source).toBeUndefined();
  });

  it('keeps Semantic Scholar’s "unknown" when OpenAlex and arXiv fail, and finishes in bounded requests', async () => {
    const answer = await service((url) => (url.host === 'api.semanticscholar.org' ? null : new Response('garbage', { status: 502 }))).papers(['2601.99999']);
    expect(answer).toEqual({ '2601.99999': null });
    expect(log.length).toBeLessThanOrEqual(1 + 3 + 2); // S2 once; OpenAlex and arXiv with their bounded retries
  });

  it('asks a fallback for at most 100 papers of a long listing, and arXiv not at all', async () => {
    const keys = Array.from({ length: 150 }, (_, i) => `2611.${String(20000 + i)}`);
    const answer = await service().papers(keys);
    expect(Object.values(answer).every((entry) => entry === null)).toBe(true);
    expect(hosts()).toEqual(['semanticscholar.org', 'openalex.org']); // the batch, then one works request
    const asked = new URL(log[1]!.url).searchParams.get('filter')!.split('|');
    expect(asked).toHaveLength(100);
  });

  it('reads papers from OpenAlex first when the reader chose it, and Semantic Scholar fills in', async () => {
    const reader = service();
    await reader.saveSettings({ primarySource: 'openalex' });
    const answer = await reader.papers(['2602.16165', inS2.id]);
    expect(hosts()).toEqual(['openalex.org', 'openalex.org', 'semanticscholar.org']);
    expect(answer['2602.16165']!.authors[0]).toMatchObject({ authorId: SEED_OPENALEX_ID, source: 'openalex', citationCount: 81 });
    expect(answer[inS2.id]!.authors[0]!.source).toBe('semanticscholar');
    // Switching back empties the paper cache, so the next page shows Semantic Scholar's authors at once.
    await reader.saveSettings({ primarySource: 'semanticscholar' });
    expect(await db.count('papers')).toBe(0);
  });
});

describe('OpenAlex on the author card', () => {
  it('shows the card of an author only OpenAlex lists: its numbers, its works, no second source', async () => {
    const card = await service().authorCard(SEED_OPENALEX_ID);
    expect(card.author).toMatchObject({ authorId: SEED_OPENALEX_ID, source: 'openalex', citationCount: 81, hIndex: 5, paperCount: 4, affiliations: ['Northwestern University'] });
    expect(card.publications.map((paper) => paper.arxivId)).toEqual(['2602.16165', '2601.18217']); // newest first; the clinical paper is filed under the other Zhaoran Wang
    expect(card.openAlex).toMatchObject({ status: 'matched', author: { id: SEED_OPENALEX_ID } });
  });

  it('shows the Semantic Scholar card whole when OpenAlex is down, and says why its numbers are missing', async () => {
    const card = await service(down('api.openalex.org')).authorCard(SEED_AUTHOR_ID);
    expect(card.author.hIndex).toBe(5);
    expect(card.publications).toHaveLength(3);
    expect(card.openAlex).toEqual({ status: 'unavailable', message: 'OpenAlex: api.openalex.org answered 503' });
  });

  it('asks OpenAlex while the arXiv API is still answering, not after it', async () => {
    const recorded = recordedFetch(log);
    let openAlexDone: () => void = () => {};
    const openAlexAsked = new Promise<string>((resolve) => (openAlexDone = () => resolve('OpenAlex first')));
    const fetch = async (input: string, init?: RequestInit) => {
      if (input.startsWith('https://export.arxiv.org/')) {
        // The arXiv answer is held until OpenAlex has been asked for the author (or 1 s passed).
        const why = await Promise.race([openAlexAsked, new Promise<string>((resolve) => setTimeout(() => resolve('timed out'), 1000))]);
        expect(why).toBe('OpenAlex first');
      }
      if (input.startsWith('https://api.openalex.org/authors/')) openAlexDone();
      return recorded(input, init);
    };
    const card = await createBackground({ db: async () => db, fetch, now: () => clock, gates: instantGates(), sleep: async () => {} }).authorCard(SEED_AUTHOR_ID);
    expect(card.openAlex).toMatchObject({ status: 'matched' });
    expect(card.publications.every((paper) => paper.version === 1)).toBe(true);
  });

  it('does not keep the card waiting for a slow OpenAlex; the answer is cached for next time', async () => {
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const recorded = recordedFetch(log);
    const fetch = async (input: string, init?: RequestInit) => {
      if (input.startsWith('https://api.openalex.org/')) await held;
      return recorded(input, init);
    };
    const slow = createBackground({ db: async () => db, fetch, now: () => clock, gates: instantGates(), openAlexWaitMs: 30 });
    const card = await slow.authorCard(SEED_AUTHOR_ID);
    expect(card.openAlex).toMatchObject({ status: 'unavailable', message: expect.stringMatching(/slow/) });
    release();
    await expect.poll(async () => (await db.get('openalex', SEED_AUTHOR_ID))?.openAlexId).toBe(SEED_OPENALEX_ID);
    expect((await slow.authorCard(SEED_AUTHOR_ID)).openAlex).toMatchObject({ status: 'matched' });
  });

  it('says so when OpenAlex has none of the author’s papers, and keeps the last good match when a refresh fails', async () => {
    // The seed's namesake: Semantic Scholar lists no arXiv paper of theirs, so there is nothing to match on.
    const card = await service().authorCard(NAMESAKE.authorId);
    expect(card.openAlex).toEqual({ status: 'unmatched', looked: 0, fetchedAt: clock });

    await service().authorCard(SEED_AUTHOR_ID);
    clock += TTL.author + 1;
    const later = await service(down('api.openalex.org')).authorCard(SEED_AUTHOR_ID);
    expect(later.openAlex).toMatchObject({ status: 'matched', author: { id: SEED_OPENALEX_ID } });
  });
});
