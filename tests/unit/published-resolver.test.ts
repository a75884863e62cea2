// The published-version resolver against DBLP and Crossref as recorded (fixtures/publishedWorld.ts),
// on a virtual clock, with the hosts' real gates: identifiers first, title searches only when none
// names a published version, the traps refused, retractions marked, answers cached, limits kept.

import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { createBackground } from '../../lib/background';
import { openDatabase } from '../../lib/background/store/db';
import type { SavedPaper } from '../../lib/core/saved/model';
import { publishedFaults, PUBLISHED_PAPERS, RETRACTED_DOI } from '../fixtures/publishedWorld';
import { createLimits, limitedFetch } from '../fixtures/serviceLimits';

const saved = (key: string, title: string, authors: string[], year: number): SavedPaper => ({
  key, arxivId: key.startsWith('doi:') ? null : key, version: 1, title, authors, abstract: null, publicationDate: null, year,
  primaryCategory: null, doi: key.startsWith('doi:') ? key.slice(4) : null, citationCount: null, savedAt: 1, tags: [], note: 'mine', status: 'to-read',
});

const PAPERS = {
  chemistry: saved(PUBLISHED_PAPERS.chemistryTools, 'Augmenting large language models with chemistry tools', ['Andres M. Bran', 'Sam Cox', 'Philippe Schwaller'], 2023),
  attention: saved(PUBLISHED_PAPERS.attention, 'Attention Is All You Need', ['Ashish Vaswani', 'Noam Shazeer'], 2017),
  acer: saved(PUBLISHED_PAPERS.acer, 'Sample Efficient Actor-Critic with Experience Replay', ['Ziyu Wang', 'Victor Bapst', 'Nicolas Heess'], 2016),
  diffusion: saved(PUBLISHED_PAPERS.implicitDiffusion, 'Implicit Graph Neural Diffusion Based on Constrained Dirichlet Energy Minimization', ['Guoji Fu', 'Lee Wee Sun'], 2023),
  paperQa: saved(PUBLISHED_PAPERS.paperQa, 'PaperQA: Retrieval-Augmented Generative Agent for Scientific Research', ['Jakub Lála', 'Andrew D. White'], 2023),
  // The traps: the famous title under a DOI no source links to a venue; a preprint titled like a book by its author.
  attentionCopy: saved('doi:10.5555/attention-copy', 'Attention Is All You Need', ['Ashish Vaswani', 'Jakob Uszkoreit'], 2017),
  bookTitle: saved('2209.01234', 'Banach Space Valued Neural Network - Ordinary and Fractional Approximation and Interpolation', ['George A. Anastassiou'], 2022),
  retracted: saved(`doi:${RETRACTED_DOI}`, 'A PLoS ONE paper', ['Someone Else'], 2012),
};

async function world(options: { granted?: (origin: string) => boolean; failDblp?: boolean } = {}) {
  let clock = 1_800_000_000_000;
  const waits: number[] = [];
  const limits = { ...createLimits(), now: () => clock };
  const log: { method: string; url: string; headers: Record<string, string> }[] = [];
  const recorded = limitedFetch(limits, log);
  const fetch = async (input: string, init?: RequestInit) => (options.failDblp && input.startsWith('https://dblp.org/') ? (log.push({ method: 'GET', url: input, headers: {} }), new Response('Service Unavailable', { status: 503 })) : recorded(input, init));
  const db = await openDatabase(`resolver-${Math.random()}`);
  for (const paper of Object.values(PAPERS)) await db.put('saved', paper);
  // A page showed the retracted paper before: its record is in the cache.
  await db.put('papers', { key: PAPERS.retracted.key, paper: { arxivId: null, version: null, s2PaperId: null, title: PAPERS.retracted.title, abstract: null, publicationDate: null, year: 2012, citationCount: 3, authors: [] }, authors: [], fetchedAt: 1, usedAt: 1 });
  const service = createBackground({
    db: async () => db,
    fetch,
    now: () => clock,
    sleep: async (ms) => void (waits.push(ms), (clock += ms)),
    hostAllowed: async (origin) => options.granted?.(origin) ?? true,
  });
  const check = (keys: string[], fresh = false) => service.handlers.checkPublished({ keys, fresh }, { id: 'x' } as never) as Promise<import('../../lib/core/protocol/wire').PublishedOffer[]>;
  const asked = (host: string) => log.filter((entry) => entry.url.startsWith(`https://${host}/`)).map((entry) => decodeURIComponent(entry.url.replace(`https://${host}`, '')));
  return { check, asked, log, limits, waits, db, advance: (ms: number) => void (clock += ms) };
}

beforeEach(() => {
  publishedFaults.dblpTooManyRequests = 0;
});

describe('the published-version resolver', () => {
  it('by identifier: Semantic Scholar names the journal and its DOI, Crossref adds issue, publisher and the year of the issue', async () => {
    const { check, asked } = await world();
    const [offer] = await check([PAPERS.chemistry.key]);
    expect(offer).toMatchObject({ found: 'identifier', skipped: [], retraction: null, current: null, title: PAPERS.chemistry.title });
    expect(offer!.published).toMatchObject({ venue: 'Nature Machine Intelligence', label: 'Nat Mach Intell 2024', kind: 'journal', year: 2024, volume: '6', number: '5', pages: '525-535', doi: '10.1038/s42256-024-00832-8' });
    expect(offer!.published!.basis).toBe('asserted by Semantic Scholar (paper 354dcdebf3f8b5feeed5c62090e0bc1f0c28db06); details from Crossref');
    // DBLP's record of its key was asked (this world has none: 404); no title search anywhere.
    expect(asked('dblp.org')).toEqual(['/rec/journals/natmi/BranCSBWS24.bib']);
    expect(asked('api.crossref.org')).toEqual(['/works/10.1038/s42256-024-00832-8']);
  });

  it("keeps Semantic Scholar's NeurIPS for a paper whose DBLP key is under journals/corr/, and asks Crossref nothing without a DOI", async () => {
    const { check, asked } = await world();
    const [offer] = await check([PAPERS.attention.key]);
    expect(offer).toMatchObject({ found: 'identifier', published: { venue: 'Neural Information Processing Systems', kind: 'conference', pages: '5998-6008', year: 2017 } });
    expect(asked('dblp.org')).toEqual(['/rec/journals/corr/VaswaniSPUJGKP17.bib']);
    expect(asked('api.crossref.org')).toEqual([]);
  });

  it('by title on DBLP when no identifier names a venue: the CoRR copy passed over, the ICLR paper read from its own record', async () => {
    const { check, asked } = await world();
    const [offer] = await check([PAPERS.acer.key]);
    expect(offer).toMatchObject({ found: 'title', published: { label: 'ICLR 2017', kind: 'conference', publisher: 'OpenReview.net', basis: 'matched on DBLP by title and authors (record conf/iclr/0001BHMMKF17)' } });
    expect(asked('dblp.org')).toEqual(['/search/publ/api?q=Sample Efficient Actor Critic with Experience Replay&format=json&h=10', '/rec/conf/iclr/0001BHMMKF17.bib']);
    expect(asked('api.crossref.org')).toEqual([]);
  });

  it('says "no published version found" for the preprints: a CoRR copy only, an arXiv DOI never sent to Crossref', async () => {
    const { check, asked } = await world();
    const offers = await check([PAPERS.diffusion.key, PAPERS.paperQa.key]);
    expect(offers.map((offer) => [offer.found, offer.published])).toEqual([['none', null], ['none', null]]);
    expect(asked('api.crossref.org').some((path) => path.includes('10.48550'))).toBe(false);
    expect(asked('dblp.org')).toContain('/rec/journals/corr/abs-2308-03306.bib');
  });

  it('refuses the traps: a title that only starts alike, a paper by two of its authors with another title, a book', async () => {
    const { check, asked } = await world();
    const offers = await check([PAPERS.attentionCopy.key, PAPERS.bookTitle.key]);
    expect(offers.map((offer) => [offer.key, offer.found, offer.published])).toEqual([[PAPERS.attentionCopy.key, 'none', null], [PAPERS.bookTitle.key, 'none', null]]);
    // Both searches were made and answered (the traps were seen, not missed).
    expect(asked('api.crossref.org').filter((path) => path.startsWith('/works?'))).toHaveLength(2);
    expect(asked('dblp.org').filter((path) => path.startsWith('/search/'))).toHaveLength(2);
  });

  it("marks a retraction Crossref lists (Retraction Watch) on the saved paper at once; the venue is only offered", async () => {
    const { check, db } = await world();
    const [offer] = await check([PAPERS.retracted.key]);
    expect(offer!.retraction).toEqual({ kind: 'retraction', basis: 'Crossref, Retraction Watch: retraction notice 10.1371/journal.pone.0099999' });
    expect(offer!.published).toMatchObject({ venue: 'PLoS ONE', kind: 'journal' });
    // The cached paper is marked too, so pages showing it say so.
    expect((await db.get('papers', PAPERS.retracted.key))?.paper?.retraction).toEqual(offer!.retraction);
    const stored = await db.get('saved', PAPERS.retracted.key);
    expect(stored!.retraction).toEqual(offer!.retraction);
    expect(stored!.published).toBeUndefined();
    expect(stored!.note).toBe('mine');
  });

  it('answers from its cache until asked fresh; a paper found nothing is asked again after 30 days', async () => {
    const { check, log, advance } = await world();
    await check([PAPERS.chemistry.key, PAPERS.paperQa.key]);
    const first = log.length;
    expect((await check([PAPERS.chemistry.key, PAPERS.paperQa.key]))[0]!.published?.label).toBe('Nat Mach Intell 2024');
    expect(log.length).toBe(first);
    advance(31 * 24 * 60 * 60 * 1000);
    await check([PAPERS.chemistry.key, PAPERS.paperQa.key]);
    // Only the preprint was asked again: one batch for it.
    const again = log.slice(first);
    expect(again.filter((entry) => entry.url.includes('/paper/batch'))).toHaveLength(1);
    expect(again.some((entry) => entry.url.includes('s42256'))).toBe(false);
    await check([PAPERS.chemistry.key], true);
    expect(log.slice(first).some((entry) => entry.url.includes('s42256'))).toBe(true);
  });

  it("keeps DBLP's one request a second and waits out its 429's Retry-After", async () => {
    publishedFaults.dblpTooManyRequests = 1;
    const { check, limits, waits } = await world();
    const offers = await check([PAPERS.acer.key, PAPERS.attention.key, PAPERS.diffusion.key]);
    expect(offers.map((offer) => offer.found)).toEqual(['title', 'identifier', 'none']);
    expect(limits.dblpBursts).toBe(0);
    expect(Math.max(...waits)).toBeGreaterThanOrEqual(1000);
  });

  it('asks neither DBLP nor Crossref without the permission, and says so', async () => {
    const { check, asked } = await world({ granted: () => false });
    const [acer, chemistry] = await check([PAPERS.acer.key, PAPERS.chemistry.key]);
    expect(acer).toMatchObject({ found: 'none', published: null });
    expect(acer!.skipped.join(' ')).toMatch(/DBLP was not asked: ScholarScope has no permission for https:\/\/dblp\.org/);
    expect(acer!.skipped.join(' ')).toMatch(/Crossref was not asked/);
    // What Semantic Scholar asserts still serves.
    expect(chemistry).toMatchObject({ found: 'identifier', published: { venue: 'Nature Machine Intelligence', basis: 'asserted by Semantic Scholar (paper 354dcdebf3f8b5feeed5c62090e0bc1f0c28db06)' } });
    expect([...asked('dblp.org'), ...asked('api.crossref.org')]).toEqual([]);
  });

  it('leaves DBLP out once it keeps failing, says so, and still uses the others', async () => {
    const { check, asked } = await world({ failDblp: true });
    const offers = await check([PAPERS.acer.key, PAPERS.diffusion.key, PAPERS.chemistry.key]);
    const tried = asked('dblp.org').length;
    expect(tried).toBeLessThanOrEqual(4);
    expect(offers[2]).toMatchObject({ found: 'identifier', published: { number: '5' } });
    expect(offers[2]!.skipped.join(' ')).toMatch(/DBLP: dblp\.org keeps failing/);
    await check([PAPERS.bookTitle.key], true);
    expect(asked('dblp.org').length).toBe(tried);
  });
});
