import { instantGates } from '../fixtures/gates';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackground } from '../../lib/background';
import { openDatabase, type Database } from '../../lib/background/store/db';
import { DEFAULT_SETTINGS } from '../../lib/core/settings';
import { TTL } from '../../lib/background/store/cache';
import { recordedFetch } from '../fixtures/recordedApi';
import { SEED_AUTHOR_ID } from '../fixtures/seedWorld';

let dbName: string;
let database: Database;
let clock: number;
let counter = 0;

beforeEach(async () => {
  dbName = `test-${++counter}`;
  database = await openDatabase(dbName);
  clock = Date.UTC(2026, 10, 24);
});
afterEach(() => database.close());

/** `fetch` answers Semantic Scholar; OpenAlex and arXiv answer from the recorded world (knowing none of the test's ids). */
function s2Only(fetch: (url: string, init?: RequestInit) => Promise<Response>) {
  const recorded = recordedFetch();
  return (url: string, init?: RequestInit) => (url.startsWith('https://api.semanticscholar.org/') ? fetch(url, init) : recorded(url, init));
}

function serviceWith(fetch: ReturnType<typeof recordedFetch>) {
  return createBackground({ db: async () => database, fetch, now: () => clock, gates: instantGates() });
}

describe('service: papers', () => {
  it('fetches once, then serves fresh records with no request', async () => {
    const log: { method: string; url: string }[] = [];
    const service = serviceWith(recordedFetch(log));
    const first = await service.papers(['2602.16165']);
    expect(log).toHaveLength(1);
    expect(first['2602.16165']!.authors.map((a) => a.name).slice(0, 5)).toEqual(['Zhaoran Wang', 'Jian Peng', 'Yuanxin Liu', 'Charles Fleming', 'Alfredo García']);
    clock += TTL.paper - 1000;
    const second = await service.papers(['2602.16165']);
    expect(log).toHaveLength(1);
    expect(second).toEqual(first);
  });

  it('remembers ids the source does not know, for a shorter time', async () => {
    const log: { method: string; url: string }[] = [];
    const service = serviceWith(recordedFetch(log));
    expect(await service.papers(['1810.04805'])).toEqual({ '1810.04805': null });
    // Each source is asked once, in order, for what the one before did not know.
    expect(log.map((entry) => new URL(entry.url).host)).toEqual(['api.semanticscholar.org', 'api.openalex.org', 'export.arxiv.org']);
    await service.papers(['1810.04805']);
    expect(log).toHaveLength(3);
    clock += TTL.missingPaper + 1;
    const refreshed = new Promise((resolve) => void service.papers(['1810.04805'], { onRefreshed: resolve }));
    expect(await refreshed).toEqual({ '1810.04805': null });
    expect(log).toHaveLength(6);
  });

  it('answers stale records at once and hands the refreshed ones over when they come', async () => {
    const service = serviceWith(recordedFetch());
    await service.papers(['2602.16165']);
    // The source's numbers change while the record ages.
    clock += TTL.paper + 1;
    const changed = createBackground({
      db: async () => database,
      now: () => clock,
      gates: instantGates(),
      fetch: async (url, init) => {
        const answer = await recordedFetch()(url, init);
        const body = (await answer.json()) as { authors: { hIndex: number }[] }[];
        body[0]!.authors[0]!.hIndex = 6;
        return new Response(JSON.stringify(body), { status: 200 });
      },
    });
    let refreshed: Record<string, unknown> | null = null;
    const done = new Promise<void>((resolve) => {
      void changed
        .papers(['2602.16165'], { onRefreshed: (fresh) => {
          refreshed = fresh;
          resolve();
        } })
        .then((now) => expect(now['2602.16165']!.authors[0]!.hIndex).toBe(5));
    });
    await done;
    expect((refreshed as unknown as Record<string, { authors: { hIndex: number }[] }>)['2602.16165']!.authors[0]!.hIndex).toBe(6);
    expect((await changed.papers(['2602.16165']))['2602.16165']!.authors[0]!.hIndex).toBe(6);
  });

  it('shares one request between identical requests in flight', async () => {
    const log: { method: string; url: string }[] = [];
    const service = serviceWith(recordedFetch(log));
    const [a, b] = await Promise.all([service.papers(['2602.16165']), service.papers(['2602.16165'])]);
    expect(log).toHaveLength(1);
    expect(a).toEqual(b);
  });

  it('serves stale data when the source fails, and fails only with nothing to show', async () => {
    const log: { method: string; url: string }[] = [];
    await serviceWith(recordedFetch(log)).papers(['2602.16165']);
    clock += TTL.paper + 1;
    const failing = createBackground({ db: async () => database, fetch: async () => new Response('', { status: 400 }), now: () => clock, gates: instantGates() });
    const stale = await failing.papers(['2602.16165']);
    expect(stale['2602.16165']!.authors[0]!.hIndex).toBe(5);
    await expect(failing.papers(['2602.16165', '2601.18217'])).rejects.toThrow(/400/);
    // The good record is still there afterwards.
    expect((await database.get('papers', '2602.16165'))!.paper!.title).toMatch(/^HiPER/);
  });
});

describe('service: author card', () => {
  it('returns the seed card: metrics, three publications newest first, versions from arXiv', async () => {
    const log: { method: string; url: string }[] = [];
    const service = serviceWith(recordedFetch(log));
    await service.papers(['2602.16165']);
    const card = await service.authorCard(SEED_AUTHOR_ID);
    expect(card.author).toMatchObject({ name: 'Zhaoran Wang', citationCount: 74, hIndex: 5, paperCount: 3 });
    expect(card.publications.map((p) => [p.arxivId, p.version, p.publicationDate])).toEqual([
      ['2602.16165', 1, '2026-02-18'],
      ['2602.05381', 1, '2026-02-05'],
      ['2601.18217', 1, '2026-01-26'],
    ]);
    // Paper batch, author papers, arXiv versions, then OpenAlex: the works of the author's arXiv
    // papers, and the author they agree on. The author record came with the paper batch.
    // (The OpenAlex lookup starts as soon as the list is in, beside the arXiv request.)
    const paths = log.map((entry) => new URL(entry.url).pathname);
    expect(paths.slice(0, 2)).toEqual(['/graph/v1/paper/batch', `/graph/v1/author/${SEED_AUTHOR_ID}/papers`]);
    expect(paths.slice(2).sort()).toEqual(['/api/query', '/authors/A5000000001', '/works']);
    expect(paths.indexOf('/works')).toBeLessThan(paths.indexOf('/authors/A5000000001'));
    expect(card.openAlex).toMatchObject({ status: 'matched', agreeing: 2, looked: 3, author: { id: 'A5000000001', citationCount: 81, hIndex: 5, i10Index: 3, twoYearMeanCitedness: 2.25 } });
    expect(card.primary).toBe('semanticscholar');
    await service.authorCard(SEED_AUTHOR_ID);
    expect(log).toHaveLength(5);
  });

  it('fetches the author record when no paper brought it', async () => {
    const log: { method: string; url: string }[] = [];
    const card = await serviceWith(recordedFetch(log)).authorCard(SEED_AUTHOR_ID);
    expect(card.author.hIndex).toBe(5);
    expect(log.some((entry) => new URL(entry.url).pathname === `/graph/v1/author/${SEED_AUTHOR_ID}`)).toBe(true);
  });

  it('shows the card without versions when the arXiv API is down', async () => {
    const recorded = recordedFetch();
    const fetch = async (url: string, init?: RequestInit) =>
      url.startsWith('https://export.arxiv.org/') ? new Response('', { status: 400 }) : recorded(url, init);
    const card = await createBackground({ db: async () => database, fetch, now: () => clock, gates: instantGates() }).authorCard(SEED_AUTHOR_ID);
    expect(card.publications).toHaveLength(3);
    expect(card.publications.every((p) => p.version === null)).toBe(true);
  });

  it('reports an unknown author as an error that says the id is gone', async () => {
    await expect(serviceWith(recordedFetch()).authorCard('123')).rejects.toMatchObject({ status: 404, message: 'Semantic Scholar no longer lists author 123 (merged into another profile, or removed)' });
  });

  it('asks again, on the next look, for the cached papers that name an author who is gone', async () => {
    const log: { method: string; url: string }[] = [];
    const service = serviceWith(recordedFetch(log));
    await service.papers(['2602.16165', '2602.05381']);
    await service.handlers.cacheInfo(undefined as never, {} as never); // the answers' writes have committed
    // In the cache, the first paper names an author Semantic Scholar has since merged away.
    const record = (await database.get('papers', '2602.16165'))!;
    await database.put('papers', { ...record, authors: [{ ...record.authors[0]!, authorId: '123' }, ...record.authors.slice(1)] });
    await expect(service.authorCard('123')).rejects.toMatchObject({ status: 404 });
    await expect.poll(async () => (await database.get('papers', '2602.16165'))!.fetchedAt).toBe(0);
    expect((await database.get('papers', '2602.05381'))!.fetchedAt).toBe(clock);
    log.length = 0;
    await service.papers(['2602.16165', '2602.05381']);
    await expect.poll(() => log.filter((entry) => entry.url.includes('/paper/batch')).length).toBe(1);
    await expect.poll(async () => (await database.get('papers', '2602.16165'))!.authors[0]!.authorId).toBe(SEED_AUTHOR_ID);
  });
});

describe('service: settings and cache', () => {
  it('sends the saved API key with every Semantic Scholar request', async () => {
    const seen: (string | undefined)[] = [];
    const recorded = recordedFetch();
    const fetch = async (url: string, init?: RequestInit) => {
      if (url.startsWith('https://api.semanticscholar.org/')) seen.push((init?.headers as Record<string, string> | undefined)?.['x-api-key']);
      return recorded(url, init);
    };
    const service = createBackground({ db: async () => database, fetch, now: () => clock, gates: instantGates() });
    expect(await service.settings()).toEqual(DEFAULT_SETTINGS);
    await service.papers(['2602.16165']);
    await service.saveSettings({ s2ApiKey: 'k3y' });
    await service.authorCard(SEED_AUTHOR_ID);
    expect(seen).toEqual([undefined, 'k3y']);
  });

  it('clears cached source data but keeps settings', async () => {
    const log: { method: string; url: string }[] = [];
    const service = serviceWith(recordedFetch(log));
    await service.saveSettings({ s2ApiKey: 'k3y' });
    await service.papers(['2602.16165']);
    expect(await service.cacheInfo()).toEqual({ papers: 1, authors: 7, publications: 0, citationLists: 0, related: 0, openalex: 0, profileSearches: 0, publishedChecks: 0 });
    expect(await service.clearCache()).toEqual({ papers: 0, authors: 0, publications: 0, citationLists: 0, related: 0, openalex: 0, profileSearches: 0, publishedChecks: 0 });
    expect(await service.settings()).toEqual({ ...DEFAULT_SETTINGS, s2ApiKey: 'k3y' });
    await service.papers(['2602.16165']);
    expect(log).toHaveLength(2);
  });
});

describe('store', () => {
  it('round-trips records', async () => {
    await database.put('publications', { authorId: '1', papers: [], fetchedAt: 5, usedAt: 5 });
    expect(await database.get('publications', '1')).toEqual({ authorId: '1', papers: [], fetchedAt: 5, usedAt: 5 });
  });
});

describe('service: batching', () => {
  it('sends papers asked for within a short window (several tabs) in one request', async () => {
    const log: { method: string; url: string }[] = [];
    const service = serviceWith(recordedFetch(log));
    const [a, b, c] = await Promise.all([service.papers(['2602.16165']), service.papers(['2602.05381']), service.papers(['2602.16165', '2601.18217'])]);
    expect(log.filter((entry) => entry.url.includes('/paper/batch'))).toHaveLength(1);
    expect(a['2602.16165']!.paper.title).toMatch(/^HiPER/);
    expect(b['2602.05381']!.paper.title).toMatch(/^Clinical Validation/);
    expect(Object.keys(c).sort()).toEqual(['2601.18217', '2602.16165']);
  });

  it('splits a window of more than 500 papers into batches of 500, each answering its own callers', async () => {
    const asked: number[] = [];
    const fetch = s2Only(async (_url: string, init?: RequestInit) => {
      const ids = (JSON.parse(init!.body as string) as { ids: string[] }).ids;
      asked.push(ids.length);
      return new Response(JSON.stringify(ids.map(() => null)), { status: 200 });
    });
    const service = createBackground({ db: async () => database, fetch, now: () => clock, gates: instantGates() });
    const keys = Array.from({ length: 1200 }, (_, i) => `2601.${String(10000 + i)}`);
    await Promise.all([service.papers(keys.slice(0, 500)), service.papers(keys.slice(500, 1000)), service.papers(keys.slice(1000))]);
    expect(asked.sort((x, y) => y - x)).toEqual([500, 500, 200]);
  });

  it('fails only the callers of a failed batch', async () => {
    let calls = 0;
    const fetch = async () => (++calls === 1 ? new Response('', { status: 400 }) : new Response('[null]', { status: 200 }));
    const service = createBackground({ db: async () => database, fetch, now: () => clock, gates: instantGates() });
    await expect(service.papers(['2601.10001'])).rejects.toThrow(/400/);
    expect(await service.papers(['2601.10002'])).toEqual({ '2601.10002': null });
  });
});

describe('service: cache size', () => {
  it('marks cached lists used when they are read (at most hourly), so eviction drops the least recently read', async () => {
    const service = serviceWith(recordedFetch());
    await service.authorCard(SEED_AUTHOR_ID);
    await service.related('2602.16165');
    const fetchedAt = clock;
    clock += 30 * 60_000; // within the hour: no write
    await service.authorCard(SEED_AUTHOR_ID);
    expect((await database.get('publications', SEED_AUTHOR_ID))!.usedAt).toBe(fetchedAt);
    clock += 2 * 3_600_000;
    await service.authorCard(SEED_AUTHOR_ID);
    await service.related('2602.16165');
    await expect.poll(async () => (await database.get('publications', SEED_AUTHOR_ID))!.usedAt).toBe(clock);
    await expect.poll(async () => (await database.get('openalex', SEED_AUTHOR_ID))!.usedAt).toBe(clock);
    await expect.poll(async () => (await database.get('related', '2602.16165'))!.usedAt).toBe(clock);
    expect((await database.get('publications', SEED_AUTHOR_ID))!.fetchedAt).toBe(fetchedAt); // read, not fetched again
  });

  it('drops the least recently used papers past the cap, keeping pins and settings', async () => {
    const fetch = s2Only(async (_url: string, init?: RequestInit) => {
      const ids = (JSON.parse(init!.body as string) as { ids: string[] }).ids;
      return new Response(JSON.stringify(ids.map(() => null)), { status: 200 });
    });
    const service = createBackground({ db: async () => database, fetch, now: () => clock, gates: instantGates(), caps: { papers: 10, authors: 100, publications: 10 } });
    await service.saveSettings({ s2ApiKey: 'k3y' });
    await service.pinProfile('dblp:36/8449', '9000001');
    const key = (i: number) => `2601.${String(10000 + i)}`;
    for (let i = 0; i < 10; i++) {
      await service.papers([key(i)]);
      clock += 1000;
    }
    // Paper 0 is shown again two hours later: it is now the most recently used.
    clock += 2 * 3_600_000;
    await service.papers([key(0)]);
    // Marking a record used is a write the answer does not wait for.
    await expect.poll(async () => (await database.get('papers', key(0)))?.usedAt).toBe(clock);
    await service.papers([key(10)]);
    await expect.poll(async () => database.count('papers')).toBe(9);
    const left = (await database.getAllKeys('papers')).sort();
    expect(left).toContain(key(0));
    expect(left).toContain(key(10));
    expect(left).not.toContain(key(1));
    expect(left).not.toContain(key(2));
    expect(await service.settings()).toEqual({ ...DEFAULT_SETTINGS, s2ApiKey: 'k3y' });
    expect(await database.get('pins', 'dblp:36/8449')).toMatchObject({ authorId: '9000001' });
  });
});
