import { describe, expect, it } from 'vitest';
import type { SavedPaper } from '../../lib/core/saved/model';
import { allTags, EMPTY_QUERY, indexPaper, searchSaved, type SavedQuery } from '../../lib/core/saved/query';

/** The search the background runs over its index, over whole records. */
const querySaved = (papers: readonly SavedPaper[], query: SavedQuery) => searchSaved(papers.map(indexPaper), query);

const paper = (key: string, overrides: Partial<SavedPaper>): SavedPaper => ({
  key, arxivId: key, version: 1, title: '', authors: [], abstract: null, publicationDate: null, year: null, primaryCategory: null, doi: null,
  citationCount: null, savedAt: 0, tags: [], note: '', status: 'to-read', ...overrides,
});

const papers = [
  paper('2602.16165', { title: 'HiPER: Hierarchical RL', authors: ['Zhaoran Wang'], savedAt: 3, publicationDate: '2026-02-18', citationCount: 0, tags: ['rl'], status: 'reading' }),
  paper('1810.04805', { title: 'BERT', authors: ['Jacob Devlin'], abstract: 'language representation', savedAt: 1, publicationDate: '2018-10-11', citationCount: 90000, tags: ['nlp'] }),
  paper('0704.0833', { title: 'Unimodular Fourier multipliers', authors: ['Árpád Bényi'], savedAt: 2, year: 2007, note: 'modulation spaces', tags: ['math', 'rl'], status: 'read' }),
];

describe('querySaved', () => {
  it('sorts by saved date, publication date or citations', () => {
    expect(querySaved(papers, EMPTY_QUERY).map((p) => p.key)).toEqual(['2602.16165', '0704.0833', '1810.04805']);
    expect(querySaved(papers, { ...EMPTY_QUERY, sort: 'published' }).map((p) => p.key)).toEqual(['2602.16165', '1810.04805', '0704.0833']);
    expect(querySaved(papers, { ...EMPTY_QUERY, sort: 'citations' }).map((p) => p.key)).toEqual(['1810.04805', '2602.16165', '0704.0833']);
  });

  it('searches title, authors, abstract, tags and notes, ignoring accents and case', () => {
    const find = (text: string) => querySaved(papers, { ...EMPTY_QUERY, text }).map((p) => p.key);
    expect(find('arpad benyi')).toEqual(['0704.0833']);
    expect(find('LANGUAGE devlin')).toEqual(['1810.04805']);
    expect(find('modulation')).toEqual(['0704.0833']);
    expect(find('nlp')).toEqual(['1810.04805']);
    expect(find('nothing like this')).toEqual([]);
  });

  it('filters by tag and by status, and lists the tags', () => {
    expect(querySaved(papers, { ...EMPTY_QUERY, tag: 'rl' }).map((p) => p.key)).toEqual(['2602.16165', '0704.0833']);
    expect(querySaved(papers, { ...EMPTY_QUERY, tag: 'rl', status: 'read' }).map((p) => p.key)).toEqual(['0704.0833']);
    expect(allTags(papers)).toEqual(['math', 'nlp', 'rl']);
  });
});
