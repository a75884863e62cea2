import { describe, expect, it } from 'vitest';
import { matchOpenAlexAuthor } from '../../lib/core/identity';
import { citationsInLastYears } from '../../lib/core/metrics/compute';
import { SourceError } from '../../lib/background/sources/http';
import {
  abstractFromInvertedIndex,
  doiForKey,
  fetchOpenAlexAuthor,
  normaliseOpenAlexAuthor,
  normaliseOpenAlexWork,
  WORKS_FILTER_LIMIT,
} from '../../lib/background/sources/openAlex/client';
import { fetchOpenAlexAuthors, fetchWorksByKey } from '../../lib/background/sources/openAlex/works';
import { openAlexAnswer, openAlexAuthorObject, SEED_OPENALEX_ID, SPLIT_OPENALEX_ID } from '../fixtures/openAlexWorld';
import { seed } from '../fixtures/seedWorld';

const noSleep = async () => {};
const json = (value: unknown, status = 200, headers: Record<string, string> = {}) => new Response(JSON.stringify(value), { status, headers: { 'content-type': 'application/json', ...headers } });

/** A fetch answering from the OpenAlex world, logging the URLs asked for. */
function worldFetch(log: string[] = []) {
  return async (input: string) => {
    log.push(input);
    const answer = openAlexAnswer(new URL(input));
    return json(answer.body, answer.status);
  };
}

const seedKeys = seed.publications.map((publication) => publication.arxivId);

describe('normalising OpenAlex objects', () => {
  it('reads an author object: numbers, summary stats, institutions, and counts by year oldest first', () => {
    const author = normaliseOpenAlexAuthor(openAlexAuthorObject(SEED_OPENALEX_ID))!;
    expect(author).toMatchObject({ id: 'A5000000001', name: 'Zhaoran Wang', citationCount: 81, worksCount: 4, hIndex: 5, i10Index: 3, twoYearMeanCitedness: 2.25, institutions: ['Northwestern University'], url: 'https://openalex.org/A5000000001' });
    expect(author.countsByYear.map((entry) => entry.year)).toEqual([2019, 2022, 2023, 2024, 2025, 2026]);
    expect(citationsInLastYears(author.countsByYear, 2026)).toBe(78);
  });

  it('keeps what is well formed of a damaged author and refuses one without an id or a name', () => {
    const damaged = {
      id: 'https://openalex.org/A123',
      display_name: 'Someone',
      cited_by_count: '12',
      summary_stats: { h_index: -1, i10_index: 2.5, '2yr_mean_citedness': Number.NaN },
      last_known_institutions: [null, { display_name: 7 }, { display_name: 'Lab' }],
      counts_by_year: [null, { year: '2024', cited_by_count: 3 }, { year: 2024, cited_by_count: -4, works_count: 1 }, { year: 99999, cited_by_count: 1 }],
    };
    expect(normaliseOpenAlexAuthor(damaged)).toEqual({
      id: 'A123',
      name: 'Someone',
      institutions: ['Lab'],
      citationCount: null,
      worksCount: null,
      hIndex: null,
      i10Index: null,
      twoYearMeanCitedness: null,
      countsByYear: [{ year: 2024, citations: 0, works: 1 }],
      url: 'https://openalex.org/A123',
    });
    expect(normaliseOpenAlexAuthor({ display_name: 'No id' })).toBeNull();
    expect(normaliseOpenAlexAuthor({ id: 'https://evil.example/A1', display_name: 'x' })).toBeNull();
    expect(normaliseOpenAlexAuthor(null)).toBeNull();
  });

  it('puts an inverted-index abstract back in order and ignores positions that are not positions', () => {
    expect(abstractFromInvertedIndex({ world: [1], Hello: [0], again: [3], '!': [2] })).toBe('Hello world ! again');
    expect(abstractFromInvertedIndex({ a: [-1, 1.5, 'x', 10_000_000], b: [0] })).toBe('b');
    expect(abstractFromInvertedIndex(null)).toBeNull();
    expect(abstractFromInvertedIndex({})).toBeNull();
  });

  it('keys works by their DOI: an arXiv DOI gives the arXiv id, another DOI a doi: key; no DOI, no work', () => {
    const base = { id: 'https://openalex.org/W1', display_name: 'T', authorships: [{ author: { id: 'https://openalex.org/A9', display_name: 'Ann Lee' } }, { author: null }, { author: { display_name: 'No Id' } }] };
    expect(normaliseOpenAlexWork({ ...base, doi: 'https://doi.org/10.48550/arXiv.1810.04805' })).toMatchObject({
      key: '1810.04805',
      authorships: [
        { authorId: 'A9', name: 'Ann Lee' },
        { authorId: null, name: 'No Id' },
      ],
    });
    expect(normaliseOpenAlexWork({ ...base, doi: 'https://doi.org/10.1145/3292500.3330701' })!.key).toBe('doi:10.1145/3292500.3330701');
    expect(normaliseOpenAlexWork({ ...base, doi: null })).toBeNull();
    expect(doiForKey('1810.04805')).toBe('10.48550/arxiv.1810.04805');
    expect(doiForKey('doi:10.1145/1')).toBe('10.1145/1');
  });
});

describe('the OpenAlex client', () => {
  it('looks works up by DOI in one request, with the e-mail and key when the reader gave them', async () => {
    const log: string[] = [];
    const works = await fetchWorksByKey(seedKeys, { fetch: worldFetch(log), email: 'reader@example.org', apiKey: 'k3y' });
    expect([...works.keys()].sort()).toEqual([...seedKeys].sort());
    expect(log).toHaveLength(1);
    const url = new URL(log[0]!);
    expect(url.pathname).toBe('/works');
    expect(url.searchParams.get('filter')).toBe(`doi:${seedKeys.map((key) => `10.48550/arxiv.${key}`).join('|')}`);
    expect(url.searchParams.get('mailto')).toBe('reader@example.org');
    expect(url.searchParams.get('api_key')).toBe('k3y');
    expect(url.searchParams.get('select')).toContain('authorships');
  });

  it(`asks for at most ${WORKS_FILTER_LIMIT} DOIs a request, and sends no e-mail or key unless given`, async () => {
    const log: string[] = [];
    const keys = Array.from({ length: 250 }, (_, i) => `2601.${String(10000 + i)}`);
    await fetchWorksByKey(keys, { fetch: worldFetch(log) });
    expect(log).toHaveLength(3);
    expect(log.every((url) => !url.includes('mailto') && !url.includes('api_key'))).toBe(true);
  });

  it('skips null and malformed works in a list, and refuses a list without results', async () => {
    const good = openAlexAnswer(new URL(`https://api.openalex.org/works?filter=doi:10.48550/arxiv.${seedKeys[0]}`)).body as { results: unknown[] };
    const fetch = async () => json({ meta: {}, results: [null, 5, { id: 'W1' }, ...good.results] });
    const works = await fetchWorksByKey(seedKeys, { fetch });
    expect([...works.keys()]).toEqual([seedKeys[0]]);
    // A failed request costs its keys: each maps to the error, none is dropped as unknown.
    for (const fetchBad of [async () => json({ error: 'x' }), async () => new Response('<html>', { status: 200 })]) {
      const failed = await fetchWorksByKey(seedKeys, { fetch: fetchBad });
      expect([...failed.keys()].sort()).toEqual([...seedKeys].sort());
      expect([...failed.values()].every((value) => value instanceof SourceError && value.kind === 'malformed')).toBe(true);
    }
  });

  it('gets one author, and reports an unknown one as not found without retrying', async () => {
    const log: string[] = [];
    expect((await fetchOpenAlexAuthor(SEED_OPENALEX_ID, { fetch: worldFetch(log) })).hIndex).toBe(5);
    await expect(fetchOpenAlexAuthor('A999', { fetch: worldFetch(log), sleep: noSleep })).rejects.toMatchObject({ kind: 'not-found' });
    expect(log).toHaveLength(2);
    await expect(fetchOpenAlexAuthor('../works', { fetch: worldFetch(log) })).rejects.toBeInstanceOf(SourceError);
    expect(log).toHaveLength(2); // an id that is not one is never sent
  });

  it('gets many authors in one list request, leaving out ids it does not know', async () => {
    const log: string[] = [];
    const { found } = await fetchOpenAlexAuthors([SEED_OPENALEX_ID, SPLIT_OPENALEX_ID, 'A999', 'not-an-id'], { fetch: worldFetch(log) });
    expect([...found.keys()].sort()).toEqual([SEED_OPENALEX_ID, SPLIT_OPENALEX_ID]);
    expect(log).toHaveLength(1);
  });

  it('waits as Retry-After says on a 429, retries a 503, and gives up after bounded tries', async () => {
    const waits: number[] = [];
    const sleep = async (ms: number) => void waits.push(ms);
    let calls = 0;
    const flaky = async (input: string) => (++calls === 1 ? json({ error: 'Too Many Requests' }, 429, { 'retry-after': '7' }) : calls === 2 ? json({}, 503) : worldFetch()(input));
    expect((await fetchOpenAlexAuthor(SEED_OPENALEX_ID, { fetch: flaky, sleep })).id).toBe(SEED_OPENALEX_ID);
    expect(calls).toBe(3);
    expect(waits[0]).toBeGreaterThanOrEqual(7000);
    calls = 0;
    const down = async () => (calls++, json({}, 500));
    await expect(fetchOpenAlexAuthor(SEED_OPENALEX_ID, { fetch: down, sleep, retries: 2 })).rejects.toMatchObject({ kind: 'server' });
    expect(calls).toBe(3);
    const offline = async () => Promise.reject(new TypeError('Failed to fetch'));
    expect([...(await fetchWorksByKey(seedKeys, { fetch: offline, sleep })).values()][0]).toMatchObject({ kind: 'network' });
  });

  it('gives up on an answer that does not come in time', async () => {
    const never = (_input: string, init?: RequestInit) => new Promise<Response>((_, reject) => init?.signal?.addEventListener('abort', () => reject(new Error('aborted'))));
    await expect(fetchOpenAlexAuthor(SEED_OPENALEX_ID, { fetch: never, timeoutMs: 20, retries: 0 })).rejects.toMatchObject({ kind: 'timeout' });
  });
});

describe('finding our author in OpenAlex', () => {
  it('takes the id most of their papers agree on (the seed: two of three; the clinical paper is filed elsewhere)', async () => {
    const works = [...(await fetchWorksByKey(seedKeys, { fetch: worldFetch() })).values()].filter((work): work is Exclude<typeof work, Error> => !(work instanceof Error));
    expect(matchOpenAlexAuthor('Zhaoran Wang', works)).toEqual({ openAlexId: SEED_OPENALEX_ID, agreeing: 2 });
  });

  const work = (...authorships: [string | null, string][]) => ({ authorships: authorships.map(([authorId, name]) => ({ authorId, name })) });

  it('matches abbreviated names, and trusts a single paper only when it is the only one', () => {
    expect(matchOpenAlexAuthor('Esther Duflo', [work(['A1', 'E. Duflo'], ['A2', 'M. Bertrand'])])).toEqual({ openAlexId: 'A1', agreeing: 1 });
    expect(matchOpenAlexAuthor('Esther Duflo', [work(['A1', 'E. Duflo']), work(['A3', 'Someone Else'])])).toBeNull();
  });

  it('refuses a split without a majority, and works that do not name the author', () => {
    expect(matchOpenAlexAuthor('Ann Lee', [work(['A1', 'Ann Lee']), work(['A2', 'Ann Lee']), work(['A1', 'Ann Lee']), work(['A2', 'Ann Lee'])])).toBeNull();
    expect(matchOpenAlexAuthor('Ann Lee', [work(['A1', 'Bob Stone']), work([null, 'Ann Lee'])])).toBeNull();
    expect(matchOpenAlexAuthor('Ann Lee', [])).toBeNull();
  });
});
