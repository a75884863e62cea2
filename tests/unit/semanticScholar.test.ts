import { describe, expect, it } from 'vitest';
import { SourceError } from '../../lib/background/sources/http';
import { CITATION_LIST_MAX, fetchAuthor, fetchAuthorCitationList, fetchAuthorPapers, fetchPapersByKey, normaliseAuthor, normalisePaper } from '../../lib/background/sources/semanticScholar/client';
import { fetchRecommendations, fetchTopCiting } from '../../lib/background/sources/semanticScholar/related';
import { PAPER_BATCH_LIMIT } from '../../lib/core/protocol/define';
import { loadJson, loadRecording, replayFetch } from '../fixtures/recordings';
import { authorPapersAnswer, paperBatchAnswer, SEED_AUTHOR_ID } from '../fixtures/seedWorld';

/** A batch entry that must be a paper (not unknown, not a failed part). */
function paperOf<T>(entry: T | Error | null | undefined): T {
  if (!entry || entry instanceof Error) throw new Error(`expected a paper, got ${String(entry)}`);
  return entry;
}

const noSleep = async () => {};
const jsonResponse = (value: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(value), { status, headers: { 'content-type': 'application/json', ...headers } });

describe('normalising recorded Semantic Scholar answers', () => {
  it('reads a full paper record and skips null batch entries', () => {
    const [interaction] = loadRecording('test_get_papers_return_not_found');
    const body = JSON.parse(interaction!.body) as unknown[];
    expect(body[0]).toBeNull();
    expect(normalisePaper(body[0])).toBeNull();
    const paper = normalisePaper(body[1])!;
    expect(paper.title).toBe('How Much Should We Trust Differences-in-Differences Estimates?');
    expect(paper.citationCount).toBe(10670);
    expect(paper.publicationDate).toBe('2001-10-01');
    expect(paper.arxivId).toBeNull();
    expect(paper.authors.map((a) => a.name)).toEqual(['Marianne Bertrand', 'E. Duflo', 'S. Mullainathan']);
  });

  it('reads author metrics as the paper authors endpoint reports them', () => {
    const [interaction] = loadRecording('test_get_paper_authors');
    const [duflo] = (JSON.parse(interaction!.body) as { data: unknown[] }).data;
    const author = normaliseAuthor(duflo, 1000)!;
    expect(author).toMatchObject({ authorId: '2259683', name: 'E. Duflo', paperCount: 282, citationCount: 58740, hIndex: 91, fetchedAt: 1000 });
    expect(author.url).toBe('https://www.semanticscholar.org/author/2259683');
  });

  it('reads an author with papers (Author.json) and a paper with null lists', () => {
    const author = normaliseAuthor(loadJson('Author'), 0)!;
    expect(author).toMatchObject({ name: 'A. Turing', hIndex: 23, citationCount: 12415, paperCount: 60, affiliations: [] });
    const paper = normalisePaper(loadJson('PaperWithNullValues'))!;
    expect(paper.authors).toEqual([]);
    expect(paper.citationCount).toBeNull();
  });

  it('turns wrong types into unknowns instead of throwing', () => {
    expect(normaliseAuthor({ authorId: '1', name: 'X', hIndex: 'five', citationCount: -3, affiliations: 'MIT' }, 0)).toMatchObject({
      hIndex: null,
      citationCount: null,
      affiliations: [],
    });
    expect(normaliseAuthor({ name: 'No id' }, 0)).toBeNull();
    expect(normalisePaper('nonsense')).toBeNull();
    expect(normalisePaper({ paperId: 'p', authors: [null, { name: 5 }, { authorId: '1', name: 'Ok' }] })!.authors).toEqual([{ authorId: '1', name: 'Ok' }]);
  });
});

describe('fetchPapersByKey', () => {
  it('asks once with arXiv: ids and the author fields the chips need, in the recorded batch shape', async () => {
    const log: { url: string; init?: RequestInit }[] = [];
    const ids = ['2602.16165', '1810.04805'];
    const fetch = replayFetch([jsonResponse(paperBatchAnswer(ids.map((id) => `arXiv:${id}`)))], log);
    const result = await fetchPapersByKey(ids, { fetch, sleep: noSleep }, () => 42);
    expect(log).toHaveLength(1);
    expect(log[0]!.url).toMatch(/^https:\/\/api\.semanticscholar\.org\/graph\/v1\/paper\/batch\?fields=/);
    const fields = decodeURIComponent(new URL(log[0]!.url).searchParams.get('fields')!).split(',');
    expect(fields).toEqual(expect.arrayContaining(['title', 'authors.hIndex', 'authors.citationCount', 'authors.paperCount']));
    expect(JSON.parse(log[0]!.init!.body as string)).toEqual({ ids: ['arXiv:2602.16165', 'arXiv:1810.04805'] });
    expect(result.get('1810.04805')).toBeNull();
    const hiper = paperOf(result.get('2602.16165'));
    expect(hiper.paper.arxivId).toBe('2602.16165');
    expect(hiper.authors[0]).toMatchObject({ authorId: SEED_AUTHOR_ID, name: 'Zhaoran Wang', hIndex: 5, citationCount: 74, paperCount: 3, fetchedAt: 42 });
  });

  it('splits more than 500 ids into batches of 500', async () => {
    const log: { url: string; init?: RequestInit }[] = [];
    const ids = Array.from({ length: PAPER_BATCH_LIMIT + 20 }, (_, i) => `2601.${String(10000 + i)}`);
    const fetch = async (url: string, init?: RequestInit) => {
      log.push({ url, init });
      const asked = (JSON.parse(init!.body as string) as { ids: string[] }).ids;
      return jsonResponse(asked.map(() => null));
    };
    await fetchPapersByKey(ids, { fetch, sleep: noSleep });
    expect(log.map((entry) => (JSON.parse(entry.init!.body as string) as { ids: string[] }).ids.length)).toEqual([500, 20]);
  });

  it('sends the API key as x-api-key when there is one', async () => {
    const log: { url: string; init?: RequestInit }[] = [];
    await fetchPapersByKey(['2602.16165'], { fetch: replayFetch([jsonResponse([null])], log), apiKey: 'secret', sleep: noSleep });
    expect((log[0]!.init!.headers as Record<string, string>)['x-api-key']).toBe('secret');
    // and never the reader's cookies for the site
    expect(log[0]!.init!.credentials).toBe('omit');
  });

  it('rejects a batch of the wrong length as malformed', async () => {
    const fetch = replayFetch([jsonResponse([null, null])]);
    expect((await fetchPapersByKey(['2602.16165'], { fetch, sleep: noSleep })).get('2602.16165')).toMatchObject({ kind: 'malformed' });
  });

  it('retries a 429 after the wait Retry-After asks for, a bounded number of times', async () => {
    const waits: number[] = [];
    const log: { url: string }[] = [];
    const fetch = replayFetch([jsonResponse({ message: 'Too Many Requests' }, 429, { 'retry-after': '7' }), jsonResponse([null])], log);
    const result = await fetchPapersByKey(['2602.16165'], { fetch, sleep: async (ms) => void waits.push(ms) });
    expect(result.get('2602.16165')).toBeNull();
    expect(log).toHaveLength(2);
    expect(waits[0]).toBeGreaterThanOrEqual(7000);

    log.length = 0;
    const always429 = replayFetch([jsonResponse({ message: 'Too Many Requests' }, 429)], log);
    expect((await fetchPapersByKey(['2602.16165'], { fetch: always429, sleep: noSleep, retries: 2 })).get('2602.16165')).toMatchObject({ kind: 'rate-limited' });
    expect(log).toHaveLength(3);
  });

  it('does not retry a 400 and reports it', async () => {
    const [bad] = loadRecording('test_bad_query_parameters');
    const log: { url: string }[] = [];
    const fetch = replayFetch([new Response(bad!.body, { status: bad!.status })], log);
    expect((await fetchPapersByKey(['2602.16165'], { fetch, sleep: noSleep })).get('2602.16165')).toMatchObject({ kind: 'client', status: 400 });
    expect(log).toHaveLength(1);
  });

  it('reports network faults and non-JSON answers as source errors', async () => {
    const offline = replayFetch([new TypeError('Failed to fetch')]);
    const error = (await fetchPapersByKey(['2602.16165'], { fetch: offline, sleep: noSleep, retries: 1 })).get('2602.16165');
    expect(error).toBeInstanceOf(SourceError);
    expect((error as SourceError).kind).toBe('network');
    const html = replayFetch([new Response('<html>Bad gateway</html>', { status: 200 })]);
    expect((await fetchPapersByKey(['2602.16165'], { fetch: html, sleep: noSleep })).get('2602.16165')).toMatchObject({ kind: 'malformed' });
  });
});

describe('author endpoints', () => {
  it('maps a recorded 404 body to not-found', async () => {
    const interactions = loadRecording('test_not_found');
    const authorMissing = interactions.find((i) => i.uri.includes('/author/'))!;
    const fetch = replayFetch([new Response(authorMissing.body, { status: authorMissing.status })]);
    await expect(fetchAuthor('0', { fetch, sleep: noSleep })).rejects.toMatchObject({ kind: 'not-found', status: 404 });
  });

  it('reads an author papers page and sorts it newest first', async () => {
    const answer = authorPapersAnswer(SEED_AUTHOR_ID) as { data: unknown[] };
    const shuffled = { ...answer, data: [answer.data[2], answer.data[0], answer.data[1]] };
    const log: { url: string }[] = [];
    const papers = await fetchAuthorPapers(SEED_AUTHOR_ID, { fetch: replayFetch([jsonResponse(shuffled)], log), sleep: noSleep });
    expect(log[0]!.url).toContain(`/author/${SEED_AUTHOR_ID}/papers?fields=`);
    expect(papers.map((p) => p.arxivId)).toEqual(['2602.16165', '2602.05381', '2601.18217']);
    expect(papers.map((p) => p.authors.length)).toEqual([7, 16, 9]);
  });

  it('reads the recorded author papers pages (title-only fields)', async () => {
    const [first] = loadRecording('test_get_author_papers');
    const papers = await fetchAuthorPapers('1723755', { fetch: replayFetch([new Response(first!.body)]), sleep: noSleep });
    expect(papers).toHaveLength(100);
    expect(papers.every((p) => p.title.length > 0 && p.authors.length === 0)).toBe(true);
  });
});

describe('an author\'s full citation list', () => {
  const page = (offset: number, count: number, next: number | null) => ({
    offset,
    ...(next === null ? {} : { next }),
    data: Array.from({ length: count }, (_, i) => ({ paperId: `p${offset + i}`, year: 2000 + ((offset + i) % 20), citationCount: offset + i })),
  });

  it('follows `next` across pages and stops when there is none', async () => {
    const log: { url: string }[] = [];
    const fetch = replayFetch([jsonResponse(page(0, 1000, 1000)), jsonResponse(page(1000, 250, null))], log);
    const { papers, complete } = await fetchAuthorCitationList('1723755', { fetch, sleep: noSleep });
    expect(papers).toHaveLength(1250);
    expect(papers[1249]).toEqual({ year: 2000 + (1249 % 20), citations: 1249, ids: ['s2:p1249'] });
    expect(complete).toBe(true);
    expect(log.map((entry) => new URL(entry.url).searchParams.get('offset'))).toEqual(['0', '1000']);
    expect(log[0]!.url).toContain('fields=externalIds,year,citationCount');
  });

  it(`stops at ${CITATION_LIST_MAX} papers and says the list is not complete`, async () => {
    const answers = Array.from({ length: 6 }, (_, i) => jsonResponse(page(i * 1000, 1000, (i + 1) * 1000)));
    const { papers, complete } = await fetchAuthorCitationList('1', { fetch: replayFetch(answers), sleep: noSleep });
    expect(papers).toHaveLength(CITATION_LIST_MAX);
    expect(complete).toBe(false);
  });

  it('counts null entries and papers without counts as uncited, and reads the title-only recording', async () => {
    const fetch = replayFetch([jsonResponse({ offset: 0, data: [null, { paperId: 'x', year: 'soon', citationCount: -3 }, { paperId: 'y', year: 2020, citationCount: 7 }] })]);
    expect((await fetchAuthorCitationList('1', { fetch, sleep: noSleep })).papers).toEqual([{ year: null, citations: 0 }, { year: null, citations: 0, ids: ['s2:x'] }, { year: 2020, citations: 7, ids: ['s2:y'] }]);
    const [first] = loadRecording('test_get_author_papers');
    // The recording pages by 100 with next = 100; its second page is not in the recording, so stop there.
    const recorded = replayFetch([new Response(first!.body), jsonResponse({ offset: 100, data: [] })]);
    const { papers, complete } = await fetchAuthorCitationList('1723755', { fetch: recorded, sleep: noSleep });
    expect(papers).toHaveLength(100);
    expect(complete).toBe(true);
    // Each recorded paper carries its ids (the paper id, and arXiv id or DOI where the recording has them).
    expect(papers.every((paper) => paper.ids?.[0]?.startsWith('s2:'))).toBe(true);
  });

  it('refuses a list of the wrong shape', async () => {
    await expect(fetchAuthorCitationList('1', { fetch: replayFetch([jsonResponse({ data: 'nope' })]), sleep: noSleep })).rejects.toBeInstanceOf(SourceError);
  });
});

describe('related papers', () => {
  it('reads the recorded recommendations answer (title-only fields)', async () => {
    const [interaction] = loadRecording('test_get_recommended_papers');
    const log: { url: string }[] = [];
    const papers = await fetchRecommendations('2602.16165', { fetch: replayFetch([new Response(interaction!.body)], log), sleep: noSleep });
    const recorded = (JSON.parse(interaction!.body) as { recommendedPapers: { title: string }[] }).recommendedPapers;
    expect(papers.map((paper) => paper.title)).toEqual(recorded.map((paper) => paper.title));
    expect(log[0]!.url).toBe('https://api.semanticscholar.org/recommendations/v1/papers/forpaper/arXiv:2602.16165?fields=paperId,externalIds,title,year,publicationDate,citationCount,venue,publicationVenue,journal,publicationTypes,authors&limit=10');
  });

  it('asks by DOI with the slash kept and anything odd escaped', async () => {
    const log: { url: string }[] = [];
    await fetchRecommendations('doi:10.1145/3292500.3330701', { fetch: replayFetch([jsonResponse({ recommendedPapers: [] })], log), sleep: noSleep });
    expect(log[0]!.url).toContain('/forpaper/DOI:10.1145/3292500.3330701?');
  });

  it('keeps the most cited of the citing papers, skipping entries without a paper', async () => {
    const citing = (title: string, citationCount: number | null) => ({ citingPaper: { paperId: title, externalIds: { ArXiv: '1810.04805' }, title, year: 2020, citationCount, authors: [{ authorId: '1', name: 'A' }] } });
    const body = { offset: 0, data: [citing('low', 1), null, { citingPaper: null }, citing('high', 900), citing('unknown', null), citing('mid', 50)] };
    const { papers, looked, more } = await fetchTopCiting('2602.16165', { fetch: replayFetch([jsonResponse(body)]), sleep: noSleep }, 3);
    expect([looked, more]).toEqual([6, false]);
    expect(papers.map((paper) => paper.title)).toEqual(['high', 'mid', 'low']);
    expect(papers[0]!.arxivId).toBe('1810.04805');
  });

  it('refuses answers of the wrong shape', async () => {
    await expect(fetchRecommendations('2602.16165', { fetch: replayFetch([jsonResponse({ papers: [] })]), sleep: noSleep })).rejects.toBeInstanceOf(SourceError);
    await expect(fetchTopCiting('2602.16165', { fetch: replayFetch([jsonResponse({ data: 'x' })]), sleep: noSleep })).rejects.toBeInstanceOf(SourceError);
  });
});

describe('one bad value costs that value, never the batch', () => {
  const ids = ['2602.16165', '2602.05381', '2601.18217'];
  const damaged = (mutate: (batch: { authors: Record<string, unknown>[] }[]) => void) => {
    const batch = paperBatchAnswer(ids.map((id) => `arXiv:${id}`)) as { authors: Record<string, unknown>[] }[];
    mutate(batch);
    return async () => jsonResponse(batch);
  };

  it('drops an author whose id is not an id (a lone surrogate is valid JSON), and keeps every other paper and author', async () => {
    const fetch = damaged((batch) => (batch[1]!.authors[0]!.authorId = '99\uDC00'));
    const result = await fetchPapersByKey(ids, { fetch, sleep: noSleep });
    expect([...result.values()].every((entry) => entry !== null)).toBe(true);
    const second = paperOf(result.get('2602.05381'));
    expect(second.authors.map((a) => a.name)).not.toContain(second.paper.authors[0]!.name);
    expect(second.authors.length).toBe(second.paper.authors.length - 1);
    expect(second.paper.authors[0]!.authorId).toBeNull();
    expect(paperOf(result.get('2602.16165')).authors[0]!.authorId).toBe(SEED_AUTHOR_ID);
  });

  it('treats counts beyond any real record as damaged, and cuts what would fill a card', async () => {
    const fetch = damaged((batch) => {
      Object.assign(batch[0]!.authors[0]!, { hIndex: 1e308, citationCount: 1e15, paperCount: 2 ** 53, affiliations: ['x'.repeat(100_000)] });
      (batch[2] as unknown as Record<string, unknown>).citationCount = 1e15;
    });
    const result = await fetchPapersByKey(ids, { fetch, sleep: noSleep });
    const author = paperOf(result.get('2602.16165')).authors[0]!;
    expect([author.hIndex, author.citationCount, author.paperCount]).toEqual([null, null, null]);
    expect(author.affiliations[0]!.length).toBe(300);
    expect(paperOf(result.get('2601.18217')).paper.citationCount).toBeNull();
    expect(paperOf(result.get('2602.05381')).authors[0]!.hIndex).not.toBeNull();
  });
});
