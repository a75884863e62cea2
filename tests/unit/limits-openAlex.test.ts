// OpenAlex's real limits, met on the recorded world through the service fake: a refused key, the
// keyless daily allowance, too many requests a second, list answers cut at 100 authorships and 100 results a page, filters split
// on commas. Each fails on the code before the limits were handled.

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createBackground } from '../../lib/background';
import { createHostGate, OPENALEX_POLICY } from '../../lib/background/sources/hostGate';
import { SourceError } from '../../lib/background/sources/http';
import { fetchOpenAlexAuthor } from '../../lib/background/sources/openAlex/client';
import { fetchOpenAlexAuthorWorks, fetchWorksByAuthorsSince, fetchWorksByKey } from '../../lib/background/sources/openAlex/works';
import { openDatabase, type Database } from '../../lib/background/store/db';
import { instantGates } from '../fixtures/gates';
import { LISTED_AUTHORSHIPS, openAlexIdFor, registerOpenAlexWorks, SEED_OPENALEX_ID, type WorldWork } from '../fixtures/openAlexWorld';
import { createLimits, limitedFetch, type ServiceLimits } from '../fixtures/serviceLimits';

const NOW = Date.UTC(2026, 11, 3, 12);
const noSleep = async () => {};
let db: Database;
let limits: ServiceLimits;
let log: { method: string; url: string; headers: Record<string, string> }[];
beforeEach(async () => {
  db = await openDatabase(`limits-oa-${Math.random()}`);
  limits = { ...createLimits(), now: () => NOW };
  log = [];
});
afterEach(() => {
  db.close();
  vi.restoreAllMocks();
});

const openAlex = () => log.filter((entry) => entry.url.startsWith('https://api.openalex.org/'));
const keyOf = (url: string) => new URL(url).searchParams.get('api_key');

// A collaboration paper of 150 authors; the followed author is the 120th (synthetic).
const FOLLOWED = 'A5199999120';
const collaboration: WorldWork = {
  arxivId: '2611.99001',
  title: 'Synthetic: A Measurement by a Collaboration of 150',
  abstract: 'Synthetic abstract.',
  date: '2026-11-30',
  citations: 3,
  authors: Array.from({ length: 150 }, (_, i) => ({ name: `Collaborator ${i + 1}`, id: i === 119 ? FOLLOWED : `A51999990${String(i).padStart(2, '0')}` })),
};
// A journal paper whose DOI holds a comma (synthetic, on the 10.5555 test prefix).
const commaDoi: WorldWork = { arxivId: 'none', doi: '10.5555/1234,5678', title: 'Synthetic: A DOI With a Comma', abstract: 'Synthetic.', date: '2025-01-01', citations: 1, authors: [{ name: 'Zhaoran Wang', id: SEED_OPENALEX_ID }] };
registerOpenAlexWorks([collaboration, commaDoi]);

describe('a key OpenAlex refuses', () => {
  it('is noted and the request asked again without it', async () => {
    const bg = createBackground({ db: async () => db, fetch: limitedFetch(limits, log), now: () => NOW, gates: instantGates(), sleep: noSleep });
    await bg.saveSettings({ openAlexApiKey: 'oaExpired123', primarySource: 'openalex' });
    const papers = await bg.papers(['2602.16165']);
    expect(papers['2602.16165']?.source).toBe('openalex');
    expect(keyOf(openAlex()[0]!.url)).toBe('oaExpired123');
    expect(openAlex().slice(1).every((entry) => keyOf(entry.url) === null)).toBe(true);
    expect(await bg.handlers.sourceNotices(undefined as never, {} as never)).toMatchObject([{ source: 'openalex', kind: 'key-rejected' }]);
  });
});

describe('the keyless daily allowance', () => {
  it('reads a 429 as a spent allowance until it resets: no retries, nothing sent before, the reader told', async () => {
    limits.openAlexKeylessLeft = 0;
    const gate = createHostGate(OPENALEX_POLICY, () => NOW, noSleep);
    const options = { fetch: limitedFetch(limits, log), gate, sleep: noSleep, now: () => NOW };
    const works = await fetchWorksByKey(['2602.16165'], options).catch((error: unknown) => error);
    expect(works).toMatchObject({ kind: 'quota', retryAt: Date.UTC(2026, 11, 4) });
    expect((works as SourceError).message).toMatch(/allowance is used up; it resets at/);
    expect(openAlex()).toHaveLength(1); // not retried
    // Until the reset, nothing more is sent, not even a free singleton.
    await expect(fetchOpenAlexAuthor(SEED_OPENALEX_ID, options)).rejects.toMatchObject({ kind: 'quota' });
    expect(openAlex()).toHaveLength(1);

    const bg = createBackground({ db: async () => db, fetch: limitedFetch(limits, log), now: () => NOW, gates: instantGates(), sleep: noSleep });
    await bg.saveSettings({ primarySource: 'openalex' });
    await bg.papers(['2602.16165']);
    expect(await bg.handlers.sourceNotices(undefined as never, {} as never)).toMatchObject([{ source: 'openalex', kind: 'quota', hasKey: false, until: Date.UTC(2026, 11, 4) }]);
  });
});

describe('too many requests a second', () => {
  it('OpenAlex’s 403 "slow down" is waited out and asked again, not taken for a refused key or a failed paper', async () => {
    // A shared network where OpenAlex answers one request a second; the clock moves only as we wait.
    let clock = NOW;
    const sleep = async (ms: number) => void (clock += ms);
    limits = { ...limits, openAlexPerSecond: 1, now: () => clock };
    vi.spyOn(Math, 'random').mockReturnValue(0.5);
    const gates = { ...instantGates(), openAlex: createHostGate(OPENALEX_POLICY, () => clock, sleep) };
    const bg = createBackground({ db: async () => db, fetch: limitedFetch(limits, log), now: () => clock, gates, sleep });
    await bg.saveSettings({ openAlexApiKey: 'oaValidKey000', primarySource: 'openalex' });
    const papers = await bg.papers(['2602.16165']);
    expect(papers['2602.16165']?.source).toBe('openalex');
    expect(limits.openAlexSlowDowns).toBeGreaterThanOrEqual(1); // the works and authors requests came within a second
    expect(openAlex().every((entry) => keyOf(entry.url) === 'oaValidKey000')).toBe(true);
    expect(await bg.handlers.sourceNotices(undefined as never, {} as never)).toEqual([]);
  });
});

describe('list answers', () => {
  it('are asked 100 a page, and a work they cut at 100 authors is read whole: a followed author past the 100th is found', async () => {
    const works = await fetchWorksByAuthorsSince([FOLLOWED], '2026-11-01', { fetch: limitedFetch(limits, log), sleep: noSleep });
    expect(works.map((work) => work.key)).toEqual(['2611.99001']);
    expect(works[0]!.authorships).toHaveLength(150);
    expect(works[0]!.authorships[119]!.authorId).toBe(FOLLOWED);
    expect(openAlex().every((entry) => Number(new URL(entry.url).searchParams.get('per_page') ?? 0) <= 100)).toBe(true);
    expect(openAlex().some((entry) => /\/works\/W\d+$/.test(new URL(entry.url).pathname))).toBe(true); // the free singleton
    expect(LISTED_AUTHORSHIPS).toBe(100);
  });

  it('are paged until meta.count is reached', async () => {
    const many: WorldWork[] = Array.from({ length: 130 }, (_, i) => ({ ...collaboration, arxivId: `2611.9${String(1000 + i)}`, authors: [{ name: 'Prolific Author', id: openAlexIdFor('Prolific Author') }] }));
    registerOpenAlexWorks(many);
    const works = await fetchWorksByAuthorsSince([openAlexIdFor('Prolific Author')], '2026-11-01', { fetch: limitedFetch(limits, log), sleep: noSleep });
    expect(works).toHaveLength(130);
    expect(openAlex().map((entry) => new URL(entry.url).searchParams.get('page'))).toEqual(['1', '2']);
  });

  it('ask a DOI holding a comma alone (a filter splits on commas), and the others together', async () => {
    const found = await fetchWorksByKey(['doi:10.5555/1234,5678', '2602.16165'], { fetch: limitedFetch(limits, log), sleep: noSleep });
    expect(found.get('doi:10.5555/1234,5678')).toMatchObject({ title: 'Synthetic: A DOI With a Comma' });
    expect(found.get('2602.16165')).toMatchObject({ key: '2602.16165' });
    expect(openAlex().map((entry) => decodeURIComponent(new URL(entry.url).pathname))).toEqual(['/works', '/works/doi:10.5555/1234,5678']);
  });
});

describe('one request failing', () => {
  it('costs the papers it was for, not the ones OpenAlex answered', async () => {
    const failing = limitedFetch(limits, log);
    // The authors of the seed's clinical paper (filed under another OpenAlex id) cannot be read.
    const fetch = async (input: string, init?: RequestInit) =>
      input.includes('/authors?') && input.includes('A5000000002') ? new Response('{"error":"Internal"}', { status: 500 }) : failing(input, init);
    const bg = createBackground({ db: async () => db, fetch, now: () => NOW, gates: instantGates(), sleep: noSleep });
    await bg.saveSettings({ primarySource: 'openalex' });
    const papers = await bg.papers(['2602.16165', '2602.05381']).catch((error: unknown) => error);
    expect(papers).not.toBeInstanceOf(Error);
    expect((papers as Record<string, unknown>)['2602.16165']).toMatchObject({ source: 'openalex' });
    // The clinical paper's part failed: Semantic Scholar, the other source, answers it (and it is not stored as OpenAlex's).
    expect((papers as Record<string, { source?: string }>)['2602.05381']?.source).toBeUndefined();
  });
});

describe('an author’s works', () => {
  it('stop at the pages they need, even when every page is damaged', async () => {
    let asked = 0;
    const damaged = async () => (asked++, new Response(JSON.stringify({ meta: { count: 1000 }, results: Array.from({ length: 100 }, () => null) }), { status: 200 }));
    expect(await fetchOpenAlexAuthorWorks(SEED_OPENALEX_ID, { fetch: damaged, sleep: noSleep }, 200)).toEqual([]);
    expect(asked).toBe(2);
  });
});
