import { instantGates } from '../fixtures/gates';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hasEvidence, rankCandidates, resolveFromPapers, tallyByName } from '../../lib/core/identity';
import type { Author, PaperWithAuthors } from '../../lib/core/model';
import { createBackground } from '../../lib/background';
import { fetchAuthor, searchAuthors } from '../../lib/background/sources/semanticScholar/client';
import { openDatabase, type Database } from '../../lib/background/store/db';
import { recordedFetch } from '../fixtures/recordedApi';
import { loadRecording, replayFetch } from '../fixtures/recordings';
import { SEED_AUTHOR_ID, seed } from '../fixtures/seedWorld';

const author = (authorId: string, name: string, citationCount = 0): Author => ({
  authorId, name, affiliations: [], citationCount, hIndex: 1, paperCount: 1, url: '', source: 'semanticscholar', fetchedAt: 0,
});
const paper = (...authors: Author[]): PaperWithAuthors => ({
  paper: { arxivId: null, version: null, s2PaperId: null, title: '', abstract: null, publicationDate: null, year: null, citationCount: 0, authors: [] },
  authors,
  fetchedAt: 0,
});

describe('identity from the papers on a profile page', () => {
  it('agrees on the id most papers give the person', () => {
    const tally = tallyByName('Zhaoran Wang', [
      paper(author('1', 'Zhaoran Wang'), author('9', 'Jian Peng')),
      paper(author('9', 'Jian Peng'), author('1', 'Z. Wang')),
      paper(author('2', 'Zhaoran Wang')), // a split profile
      null,
    ]);
    expect(tally.get('1')!.count).toBe(2);
    expect(resolveFromPapers(tally, 3)!.author.authorId).toBe('1');
  });

  it('does not decide on a tie or on a single paper among several', () => {
    const tie = tallyByName('Ann Lee', [paper(author('1', 'Ann Lee')), paper(author('2', 'Ann Lee'))]);
    expect(resolveFromPapers(tie, 2)).toBeNull();
    const thin = tallyByName('Ann Lee', [paper(author('1', 'Ann Lee')), paper(author('7', 'Bo Chen'))]);
    expect(resolveFromPapers(thin, 2)).toBeNull();
    expect(resolveFromPapers(thin, 1)!.author.authorId).toBe('1');
  });

  it('ranks name-search candidates by overlap with the page, then citations', () => {
    const found = [author('5', 'A. Turing', 100), author('6', 'A. Turing', 5000), author('7', 'A. Turing', 10)];
    const ranked = rankCandidates(found, new Map([['7', { count: 3 }]]));
    expect(ranked.map((c) => [c.author.authorId, c.overlap])).toEqual([['7', 3], ['6', 0], ['5', 0]]);
  });
});

describe('author search on the recorded answer', () => {
  it('reads test_search_author.yaml', async () => {
    const [interaction] = loadRecording('test_search_author');
    const log: { url: string }[] = [];
    const found = await searchAuthors('turing', { fetch: replayFetch([new Response(interaction!.body)], log), sleep: async () => {} });
    expect(log[0]!.url).toMatch(/\/graph\/v1\/author\/search\?query=turing&fields=/);
    expect(found.length).toBeGreaterThan(10);
    expect(found[0]).toMatchObject({ authorId: '2262347', name: 'A. Turing' });
  });

  it('says in words that an author id is gone, on the recorded 404 (test_not_found.yaml)', async () => {
    const gone = loadRecording('test_not_found').find((interaction) => interaction.uri.includes('/author/0'))!;
    const answer = new Response(gone.body, { status: gone.status });
    await expect(fetchAuthor('0', { fetch: replayFetch([answer]), sleep: async () => {} })).rejects.toMatchObject({
      kind: 'not-found',
      status: 404,
      message: 'Semantic Scholar no longer lists author 0 (merged into another profile, or removed)',
      detail: 'Author with id 0 not found',
    });
  });

  it('reads an empty result page as no candidates', async () => {
    const [empty] = loadRecording('test_empty_paginated_results');
    expect(await searchAuthors('n0 r3sult', { fetch: replayFetch([new Response(empty!.body)]), sleep: async () => {} })).toEqual([]);
  });
});

describe('evidence on a profile page', () => {
  it('counts a name, an id, papers or titles; an ORCID record with only its iD, before it loads, has none', () => {
    const empty = { profile: 'orcid:0000-0002-1825-0097', name: null, s2AuthorId: null, paperKeys: [], titles: [], orcid: '0000-0002-1825-0097' };
    expect(hasEvidence(empty)).toBe(false);
    expect(hasEvidence({ ...empty, name: 'Zhaoran Wang' })).toBe(true);
    expect(hasEvidence({ ...empty, s2AuthorId: SEED_AUTHOR_ID })).toBe(true);
    expect(hasEvidence({ ...empty, paperKeys: ['2602.16165'] })).toBe(true);
    expect(hasEvidence({ ...empty, titles: ['HiPER'] })).toBe(true);
  });
});

describe('service: resolveProfile', () => {
  let db: Database;
  beforeEach(async () => (db = await openDatabase(`identity-${Math.random()}`)));
  afterEach(() => db.close());

  it('uses the page id, then a pin wins over it', async () => {
    const service = createBackground({ db: async () => db, fetch: recordedFetch(), gates: instantGates() });
    const query = { profile: 'semanticscholar:9000001', name: null, s2AuthorId: SEED_AUTHOR_ID, paperKeys: [], titles: [] };
    expect(await service.resolveProfile(query)).toMatchObject({ status: 'resolved', via: 'page-id', author: { name: 'Zhaoran Wang' } });
    await service.pinProfile('semanticscholar:9000001', '9100001');
    expect(await service.resolveProfile(query)).toMatchObject({ status: 'resolved', via: 'pin', author: { name: 'Jian Peng' } });
    await service.pinProfile('semanticscholar:9000001', null);
    expect(await service.resolveProfile(query)).toMatchObject({ via: 'page-id' });
  });

  it('resolves a DBLP-like profile from its arXiv papers, with no name search', async () => {
    const log: { method: string; url: string }[] = [];
    const service = createBackground({ db: async () => db, fetch: recordedFetch(log), gates: instantGates() });
    const result = await service.resolveProfile({ profile: 'dblp:36/8449', name: 'Zhaoran Wang', s2AuthorId: null, paperKeys: ['2602.16165'], titles: [] });
    expect(result).toMatchObject({ status: 'resolved', via: 'papers', evidence: 1, author: { authorId: SEED_AUTHOR_ID } });
    expect(log.some((entry) => entry.url.includes('/author/search'))).toBe(false);
  });

  it('goes on with the page\'s other evidence when the profile it links, or the one the reader pinned, is gone, and says so', async () => {
    // The recorded source answers an unknown author as Semantic Scholar does (test_not_found.yaml): 404, "Author with id … not found".
    const service = createBackground({ db: async () => db, fetch: recordedFetch(), gates: instantGates() });
    const titles = seed.publications.map((p) => p.title);
    const linked = await service.resolveProfile({ profile: 'openreview:~Zhaoran_Wang1', name: 'Zhaoran Wang', s2AuthorId: '999999999', paperKeys: [], titles });
    expect(linked).toMatchObject({ status: 'resolved', via: 'papers', author: { authorId: SEED_AUTHOR_ID }, gone: { authorId: '999999999', from: 'link' } });
    // A pin to an author since gone: the page's evidence decides, and the pin is kept for the reader to replace.
    await service.pinProfile('openreview:~Zhaoran_Wang1', '999999998');
    const pinned = await service.resolveProfile({ profile: 'openreview:~Zhaoran_Wang1', name: 'Zhaoran Wang', s2AuthorId: null, paperKeys: [], titles });
    expect(pinned).toMatchObject({ status: 'resolved', via: 'papers', author: { authorId: SEED_AUTHOR_ID }, gone: { authorId: '999999998', from: 'pin' } });
    // A Semantic Scholar address that names no author is that page's own fault: said as an error.
    await expect(service.resolveProfile({ profile: 'semanticscholar:999999999', name: null, s2AuthorId: '999999999', paperKeys: [], titles: [] })).rejects.toMatchObject({ kind: 'not-found', status: 404 });
  });

  it("lets the page's papers decide before an ORCID iD asks for a name search", async () => {
    const log: { method: string; url: string }[] = [];
    const service = createBackground({ db: async () => db, fetch: recordedFetch(log), gates: instantGates() });
    const result = await service.resolveProfile({ profile: 'orcid:0000-0002-1825-0097', name: 'Zhaoran Wang', s2AuthorId: null, paperKeys: ['2602.16165'], titles: [], orcid: '0000-0002-1825-0097' });
    expect(result).toMatchObject({ status: 'resolved', via: 'papers', author: { authorId: SEED_AUTHOR_ID } });
    expect(log.some((entry) => entry.url.includes('/author/search'))).toBe(false);
  });

  it("takes another site's link to a Semantic Scholar profile only when its name is the page's, and shows a mismatch as the page's claim", async () => {
    const service = createBackground({ db: async () => db, fetch: recordedFetch(), gates: instantGates() });
    // An ORCID record of someone else linking the seed author: not taken as who this is.
    const claimed = await service.resolveProfile({ profile: 'orcid:0000-0002-1825-0097', name: 'Mallory Attacker', s2AuthorId: SEED_AUTHOR_ID, paperKeys: [], titles: [] });
    expect(claimed).toMatchObject({ claim: { authorId: SEED_AUTHOR_ID, name: 'Zhaoran Wang' } });
    expect(claimed.status === 'resolved' && claimed.author.authorId === SEED_AUTHOR_ID).toBe(false);
    // The same link on a page under the person's name (spelt as pages spell it) is taken.
    for (const name of ['Zhaoran Wang', 'Z. Wang', 'WANG Zhaoran']) {
      const agreed = await service.resolveProfile({ profile: 'orcid:0000-0002-1825-0097', name, s2AuthorId: SEED_AUTHOR_ID, paperKeys: [], titles: [] });
      expect(agreed).toMatchObject({ status: 'resolved', via: 'page-id', author: { authorId: SEED_AUTHOR_ID } });
      expect(agreed.claim).toBeUndefined();
    }
  });
});
