import { describe, expect, it } from 'vitest';
import { instantGates } from '../fixtures/gates';
import { createBackground } from '../../lib/background';
import { cutToListing } from '../../lib/background/papers';
import { openDatabase } from '../../lib/background/store/db';
import type { Author, PaperWithAuthors } from '../../lib/core/model';
import { paperMessages } from '../../lib/core/protocol/papers';
import { listingRecords, registerPapers, syntheticAuthor } from '../fixtures/recordedPapers';
import { recordedFetch } from '../fixtures/recordedApi';

const author = (index: number, hIndex: number): Author => ({ ...syntheticAuthor(`Author ${index}`), hIndex, source: 'semanticscholar', fetchedAt: 1 });

function paperWith(authors: Author[]): PaperWithAuthors {
  return {
    paper: { arxivId: '2601.00001', version: 1, s2PaperId: null, title: 'T', abstract: 'A long abstract', publicationDate: null, year: 2026, citationCount: 3, authors: authors.map((a) => ({ authorId: a.authorId, name: a.name })) },
    authors,
    fetchedAt: 1,
  };
}

describe("a listing's answer", () => {
  it('keeps the first authors and the followed ones, says what it left out, and drops the abstract and author list', () => {
    const authors = Array.from({ length: 300 }, (_, index) => author(index, index === 250 ? 90 : index === 120 ? 40 : 2));
    const cut = cutToListing(paperWith(authors), 101, new Set([authors[200]!.authorId]));
    expect(cut.authors.map((a) => a.name)).toEqual([...authors.slice(0, 101), authors[200]!].map((a) => a.name));
    expect(cut.omitted).toEqual({ authors: 198, hIndexMax: 90 });
    expect(cut.paper.abstract).toBeNull();
    expect(cut.paper.authors).toEqual([]);
    expect(cut.paper.citationCount).toBe(3);
  });

  it('leaves a short author list whole, with nothing omitted', () => {
    const cut = cutToListing(paperWith([author(1, 5), author(2, 7)]), 101, new Set());
    expect(cut.authors).toHaveLength(2);
    expect(cut.omitted).toBeUndefined();
  });

  it('is what the background answers when the page names its limit, and the message checks the limit', async () => {
    const records = listingRecords(98);
    registerPapers(records);
    const big = records.reduce((most, record) => (record.authors.length > most.authors.length ? record : most));
    expect(big.authors.length).toBeGreaterThan(1000);
    const db = await openDatabase(`listing-cut-${Math.random()}`);
    const service = createBackground({ db: async () => db, fetch: recordedFetch(), gates: instantGates() });
    const cut = (await service.papers([big.id], { authorLimit: 101 }))[big.id]!;
    expect(cut.authors).toHaveLength(101);
    expect(cut.omitted!.authors).toBe(big.authors.length - 101);
    const whole = (await service.papers([big.id]))[big.id]!;
    expect(whole.authors).toHaveLength(big.authors.length);
    expect(JSON.stringify(cut).length * 10).toBeLessThan(JSON.stringify(whole).length);
    expect(paperMessages.papers.parse({ keys: [big.id], authorLimit: 0 })).toMatch(/authorLimit/);
    expect(paperMessages.papers.parse({ keys: [big.id], authorLimit: 101, urgent: true })).toEqual({ keys: [big.id], authorLimit: 101, urgent: true });
  });
});
