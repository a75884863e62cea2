// Semantic Scholar's real limits, met on the recorded world through the service fake
// (fixtures/serviceLimits.ts): a refused key, answers over 10 MB, the batch's 9,999 citations,
// hyphenated names. Each of these tests fails on the code before the limits were handled.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackground } from '../../lib/background';
import { createContext } from '../../lib/background/context';
import { createSelfCitations } from '../../lib/background/selfCitations';
import { fetchCitingAuthors, fetchCitingPages } from '../../lib/background/sources/semanticScholar/citingAuthors';
import { fetchAuthorPapers, fetchPapersByKey, searchAuthorsWithTitles } from '../../lib/background/sources/semanticScholar/client';
import { fetchTopCiting } from '../../lib/background/sources/semanticScholar/related';
import { fetchAuthorsPapers } from '../../lib/background/sources/semanticScholar/authorBatch';
import { searchProfiles } from '../../lib/background/sources/semanticScholar/profileSearch';
import { openDatabase, type Database } from '../../lib/background/store/db';
import { instantGates } from '../fixtures/gates';
import { registerCited } from '../fixtures/personWorld';
import { createLimits, limitedAnswer, limitedFetch, type ServiceLimits } from '../fixtures/serviceLimits';
import { SEED_AUTHOR_ID } from '../fixtures/seedWorld';

const NOW = Date.UTC(2026, 11, 3);
const noSleep = async () => {};
let db: Database;
let limits: ServiceLimits;
let log: { method: string; url: string; headers: Record<string, string> }[];
beforeEach(async () => {
  db = await openDatabase(`limits-s2-${Math.random()}`);
  limits = createLimits();
  log = [];
});
afterEach(() => db.close());

const background = () => createBackground({ db: async () => db, fetch: limitedFetch(limits, log), now: () => NOW, gates: instantGates(), sleep: noSleep });
const batches = () => log.filter((entry) => entry.url.includes('/paper/batch'));
const SEED_KEYS = ['2602.16165', '2602.05381', '2601.18217'];

describe('a key Semantic Scholar refuses', () => {
  it('is noted, the request asked again without it, and the reader told where to fix it', async () => {
    const bg = background();
    await bg.saveSettings({ s2ApiKey: 'expiredKey12345' });
    const papers = await bg.papers(['2602.16165']);
    // The numbers came, keyless: not "?" chips and not "only arXiv lists this paper".
    expect(papers['2602.16165']?.source).toBeUndefined();
    expect(papers['2602.16165']?.authors[0]).toMatchObject({ authorId: SEED_AUTHOR_ID, hIndex: 5 });
    expect(batches().map((entry) => entry.headers['x-api-key'] ?? null)).toEqual(['expiredKey12345', null]);
    expect(await bg.handlers.sourceNotices(undefined as never, {} as never)).toMatchObject([{ source: 'semanticscholar', kind: 'key-rejected' }]);
    // Known refused: the next request goes without it at once, also in a new worker.
    await createBackground({ db: async () => db, fetch: limitedFetch(limits, log), now: () => NOW, gates: instantGates(), sleep: noSleep }).papers(['2601.18217']);
    expect(batches().at(-1)!.headers['x-api-key']).toBeUndefined();
    // A new key is tried, and the notice goes.
    await bg.saveSettings({ s2ApiKey: 's2ValidKey0000000000000000000000000000000' });
    await bg.papers(['2602.05381']);
    expect(batches().at(-1)!.headers['x-api-key']).toBe('s2ValidKey0000000000000000000000000000000');
    expect(await bg.handlers.sourceNotices(undefined as never, {} as never)).toEqual([]);
  });
});

describe('answers over 10 MB', () => {
  it('split the batch in halves until each part fits; every paper is answered', async () => {
    const whole = limitedAnswer(createLimits(), 'POST', 'https://api.semanticscholar.org/graph/v1/paper/batch?fields=title,authors.hIndex', {}, JSON.stringify({ ids: SEED_KEYS.map((id) => `arXiv:${id}`) }))!;
    limits.s2MaxBytes = Math.floor(whole.body.length * 0.6);
    const result = await fetchPapersByKey(SEED_KEYS, { fetch: limitedFetch(limits, log), sleep: noSleep });
    expect(SEED_KEYS.map((key) => result.get(key) instanceof Error)).toEqual([false, false, false]);
    expect(batches().length).toBeGreaterThan(1);
  });

  it('cost only the paper too large alone; the others stand, and it is asked of OpenAlex', async () => {
    const sizes = SEED_KEYS.map((id) => limitedAnswer(createLimits(), 'POST', 'https://api.semanticscholar.org/graph/v1/paper/batch?fields=authors.hIndex', {}, JSON.stringify({ ids: [`arXiv:${id}`] }))!.body.length);
    const biggest = SEED_KEYS[sizes.indexOf(Math.max(...sizes))]!;
    limits.s2MaxBytes = Math.max(...sizes) - 1;
    const papers = await background().papers(SEED_KEYS);
    for (const key of SEED_KEYS) expect(papers[key], key).not.toBeNull();
    expect(papers[biggest]?.source).toBe('openalex');
    expect(SEED_KEYS.filter((key) => key !== biggest).map((key) => papers[key]?.source ?? 'semanticscholar')).toEqual(['semanticscholar', 'semanticscholar']);
  });
});

describe('the most cited of the papers citing one', () => {
  it('are of the newest 1,000 when the list goes on, and the related papers say so', async () => {
    const data = Array.from({ length: 1000 }, (_, i) => ({ citingPaper: { paperId: `p${i}`, title: `Citing ${i}`, year: 2026, citationCount: i, authors: [] } }));
    const fetch = async () => new Response(JSON.stringify({ offset: 0, next: 1000, data }), { status: 200 });
    const top = await fetchTopCiting('2602.16165', { fetch, sleep: noSleep });
    expect([top.looked, top.more, top.papers[0]!.title]).toEqual([1000, true, 'Citing 999']);
  });
});

describe('the most cited of the papers citing one, where big collaborations cite it', () => {
  it('are of fewer of the newest when 1,000 with their authors would pass 10 MB, and say how many', async () => {
    const asked: string[] = [];
    const TOO_LARGE = { error: 'Response would exceed maximum size. Try limiting the request by reducing the number of fields, ids, or the limit.' };
    const fetch = async (url: string) => {
      const limit = new URL(url).searchParams.get('limit')!;
      asked.push(limit);
      if (Number(limit) > 250) return new Response(JSON.stringify(TOO_LARGE), { status: 400 });
      const data = Array.from({ length: Number(limit) }, (_, i) => ({ citingPaper: { paperId: `p${i}`, title: `Citing ${i}`, year: 2026, citationCount: i, authors: [] } }));
      return new Response(JSON.stringify({ offset: 0, next: Number(limit), data }), { status: 200 });
    };
    const top = await fetchTopCiting('2602.16165', { fetch, sleep: noSleep });
    expect(asked).toEqual(['1000', '500', '250']);
    expect([top.looked, top.more, top.papers[0]!.title]).toEqual([250, true, 'Citing 249']);
  });
});

describe('the author batch of the check for new papers', () => {
  it('is split when the answer would pass 10 MB; an author too large alone is read from their newest papers', async () => {
    const ids = [SEED_AUTHOR_ID, '9300001', '9300002'];
    const body = JSON.stringify({ ids: [SEED_AUTHOR_ID] });
    const alone = limitedAnswer(createLimits(), 'POST', 'https://api.semanticscholar.org/graph/v1/author/batch?fields=name,papers.title,papers.authors', {}, body)!.body.length;
    limits.s2MaxBytes = alone - 1; // the seed author's entry alone is too large
    const found = await fetchAuthorsPapers(ids, { fetch: limitedFetch(limits, log), sleep: noSleep });
    expect(ids.map((id) => found.get(id) instanceof Error)).toEqual([false, false, false]);
    expect((found.get(SEED_AUTHOR_ID) as unknown[]).length).toBeGreaterThan(0);
    expect(log.some((entry) => entry.url.includes(`/author/${SEED_AUTHOR_ID}/papers`))).toBe(true);
  });
});

describe("the author card's newest papers", () => {
  it('come in a smaller page when the page with all their authors would pass 10 MB', async () => {
    const page = (limit: number) => limitedAnswer(createLimits(), 'GET', `https://api.semanticscholar.org/graph/v1/author/${SEED_AUTHOR_ID}/papers?fields=paperId,externalIds,title,abstract,publicationDate,year,citationCount,authors&limit=${limit}`, {}, null)!.body.length;
    limits.s2MaxBytes = page(2); // the seed author's three papers with their authors are too large together
    const papers = await fetchAuthorPapers(SEED_AUTHOR_ID, { fetch: limitedFetch(limits, log), sleep: noSleep });
    expect(log.map((entry) => new URL(entry.url).searchParams.get('limit'))).toEqual(['100', '50', '25', '12', '6', '3', '1']);
    expect(papers.map((paper) => paper.arxivId)).toEqual(['2602.16165']);
  });
});

describe('the search for other profiles of a person', () => {
  it('asks again without coauthors when their papers with all their authors pass 10 MB', async () => {
    const search = (fields: string) => limitedAnswer(createLimits(), 'GET', `https://api.semanticscholar.org/graph/v1/author/search?query=Zhaoran+Wang&fields=${fields}&limit=10`, {}, null)!.body.length;
    const base = 'authorId,name,url,affiliations,citationCount,hIndex,paperCount,externalIds,papers.year,papers.venue';
    limits.s2MaxBytes = search(`${base},papers.authors`) - 1; // in this world, the coauthors make it too large
    expect(search(base)).toBeLessThan(limits.s2MaxBytes);
    const found = await searchProfiles('Zhaoran Wang', { fetch: limitedFetch(limits, log), sleep: noSleep });
    expect(found.map((entry) => entry.author.authorId)).toContain(SEED_AUTHOR_ID);
    // Years and venues are still there to tell the profiles apart; the coauthors are not.
    expect(found.find((entry) => entry.author.authorId === SEED_AUTHOR_ID)!.papers.some((paper) => paper.year !== null)).toBe(true);
    expect(found.every((entry) => entry.papers.every((paper) => paper.coauthors.length === 0))).toBe(true);
    expect([limits.s2TooLarge, log.length]).toEqual([1, 2]);
  });
});

describe('the name search of a profile page that gives titles', () => {
  const FIELDS = 'authorId,name,url,affiliations,citationCount,hIndex,paperCount,externalIds';
  const size = (fields: string, limit: number) => limitedAnswer(createLimits(), 'GET', `https://api.semanticscholar.org/graph/v1/author/search?query=Zhaoran%20Wang&fields=${fields}&limit=${limit}`, {}, null)!.body.length;
  const asked = () => log.map((entry) => [new URL(entry.url).searchParams.get('limit'), new URL(entry.url).searchParams.get('fields')!.includes('papers.title')]);

  it('asks for fewer profiles when their titles together pass 10 MB, and keeps the titles', async () => {
    limits.s2MaxBytes = size(`${FIELDS},papers.title`, 2); // the four profiles of this world with their titles are too large; two are not
    const found = await searchAuthorsWithTitles('Zhaoran Wang', { fetch: limitedFetch(limits, log), sleep: noSleep }, true);
    expect(asked()).toEqual([['10', true], ['5', true], ['2', true]]);
    expect(found.find((entry) => entry.author.authorId === SEED_AUTHOR_ID)?.titles.length).toBeGreaterThan(0);
  });

  it('asks without titles when even one profile with its titles passes it', async () => {
    // A profile with tens of thousands of papers: any answer with titles is too large, one without is not.
    const fetch = limitedFetch(limits, log);
    const titlesTooLarge = (url: string, init?: RequestInit) => ((limits.s2MaxBytes = url.includes('papers.title') ? 1 : 10 * 1024 * 1024), fetch(url, init));
    const found = await searchAuthorsWithTitles('Zhaoran Wang', { fetch: titlesTooLarge, sleep: noSleep }, true);
    expect(asked()).toEqual([['10', true], ['5', true], ['2', true], ['1', true], ['10', false]]);
    expect(found.map((entry) => entry.author.authorId)).toContain(SEED_AUTHOR_ID);
  });
});

describe('hyphenated names', () => {
  it('are searched with spaces by the search for other profiles too', async () => {
    const found = await searchProfiles('Zhao-Ran Wang', { fetch: limitedFetch(limits, log), sleep: noSleep });
    expect(found.map((entry) => entry.author.authorId)).toContain(SEED_AUTHOR_ID);
  });

  it('are searched with spaces, as the author search needs', async () => {
    const found = await searchAuthorsWithTitles('Zhao-Ran Wang', { fetch: limitedFetch(limits, log), sleep: noSleep }, false);
    expect(found.map((entry) => entry.author.authorId)).toContain(SEED_AUTHOR_ID);
    expect(new URL(log[0]!.url).searchParams.get('query')).toBe('Zhao Ran Wang');
  });
});

const hex = (n: number) => `${'ee'.repeat(19)}${String(n).padStart(2, '0')}`;

describe('self-citations of highly cited papers', () => {
  // Synthetic papers cited thousands of times; each cited paper's first author is the person.
  beforeEach(() => {
    registerCited(hex(1), [SEED_AUTHOR_ID, 'Jian Peng'], [{ by: SEED_AUTHOR_ID, count: 600 }, { by: 'stranger', count: 5400 }]);
    registerCited(hex(2), [SEED_AUTHOR_ID], [{ by: 'stranger', count: 4600 }, { by: SEED_AUTHOR_ID, count: 400 }]);
    registerCited(hex(3), [SEED_AUTHOR_ID], [{ by: SEED_AUTHOR_ID, count: 7 }, { by: 'stranger', count: 23 }]);
    registerCited(hex(4), [SEED_AUTHOR_ID], [{ by: 'stranger', count: 11_990 }, { by: SEED_AUTHOR_ID, count: 10 }]);
  });

  it('marks the papers a batch answer cut (9,999 citations in all) and counts them page by page', async () => {
    const options = { fetch: limitedFetch(limits, log), sleep: noSleep };
    const batch = await fetchCitingAuthors([hex(1), hex(2), hex(3)], options);
    expect([1, 2, 3].map((n) => batch.get(hex(n))!.cut)).toEqual([false, true, true]);
    const pages = await fetchCitingPages(hex(2), options);
    expect([pages.citing.length, pages.complete]).toEqual([5000, true]);
    const capped = await fetchCitingPages(hex(4), options, 12_000);
    expect([capped.citing.length, capped.complete]).toEqual([9_999, false]);
  });

  it('gives the true counts, and says which papers the service lists only in part', async () => {
    const ctx = createContext({ db: async () => db, fetch: limitedFetch(limits, log), now: () => NOW, gates: instantGates(), sleep: noSleep });
    const options = { fetch: ctx.fetch, sleep: noSleep };
    const papers = [1, 2, 3, 4].map((n) => ({ year: 2020, citations: [6000, 5000, 30, 12_000][n - 1]!, ids: [`s2:${hex(n)}`] }));
    const person = { personId: SEED_AUTHOR_ID, authorIds: [SEED_AUTHOR_ID] };
    const counting = createSelfCitations(ctx, {
      personOf: async () => person,
      wholeRecord: async () => ({ ...person, papers }),
      citingAuthors: (ids) => fetchCitingAuthors(ids, options),
      citingPages: (id, count) => fetchCitingPages(id, options, count),
    });
    await counting.selfCitations(SEED_AUTHOR_ID, 'start');
    await counting.idle();
    const view = await counting.selfCitations(SEED_AUTHOR_ID, 'read');
    expect(view.status).toBe('done');
    // 600 + 400 + 7 + the 10 among the 9,999 listed of the last (its self-citations come last in this world: none listed).
    expect(view.figures).toMatchObject({ selfCitations: 600 + 400 + 7, citingChecked: 6000 + 5000 + 30 + 9_999, incomplete: 1 });
  });
});
