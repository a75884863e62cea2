import { describe, expect, it } from 'vitest';
import { headline, headlineSource, openAlexNote, sourceRows } from '../../lib/core/metrics/card';
import { CARD_METRICS } from '../../lib/core/metrics/registry';
import type { AuthorCardData, OpenAlexAuthor } from '../../lib/core/model';

const other: OpenAlexAuthor = {
  id: 'A1',
  name: 'Ada Lovelace',
  institutions: [],
  citationCount: 120,
  worksCount: 9,
  hIndex: 6,
  i10Index: 4,
  twoYearMeanCitedness: 1.25,
  countsByYear: [
    { year: 2020, citations: 50, works: 1 },
    { year: 2022, citations: 10, works: 2 },
    { year: 2026, citations: 5, works: 1 },
  ],
  url: 'https://openalex.org/A1',
};

function card(overrides: Partial<AuthorCardData> = {}): AuthorCardData {
  return {
    author: { authorId: '7', name: 'Ada Lovelace', affiliations: [], citationCount: 100, hIndex: 5, paperCount: 8, url: 'https://www.semanticscholar.org/author/7', source: 'semanticscholar', fetchedAt: 1000 },
    publications: [],
    fetchedAt: 900,
    openAlex: { status: 'matched', author: other, agreeing: 3, looked: 4, fetchedAt: 2000 },
    primary: 'semanticscholar',
    ...overrides,
  };
}

describe('the numbers an author card leads with', () => {
  it('are the author’s source’s, unless the reader chose OpenAlex and it knows the author', () => {
    const labels = ['Total Citations', 'h-index', 'Papers'];
    const pairs = (values: number[]) => labels.map((label, index) => ({ label, value: values[index] }));
    expect(headline(card(), 2026)).toEqual(pairs([100, 5, 8]));
    expect(headlineSource(card())).toEqual({ source: 'semanticscholar', fetchedAt: 900 });
    expect(headline(card({ primary: 'openalex' }), 2026)).toEqual(pairs([120, 6, 9]));
    expect(headlineSource(card({ primary: 'openalex' }))).toEqual({ source: 'openalex', fetchedAt: 2000 });
    expect(headlineSource(card({ primary: 'openalex', openAlex: { status: 'unmatched', looked: 4, fetchedAt: 2000 } })).source).toBe('semanticscholar');
    expect(headlineSource(card({ primary: 'openalex', openAlex: undefined })).source).toBe('semanticscholar');
  });

  it('list each source once, OpenAlex with what only it gives (last five years: 2022 to 2026)', () => {
    expect(CARD_METRICS.map((metric) => metric.id)).toEqual(['citations', 'h', 'papers', 'i10', 'recent', 'twoYear']);
    expect(sourceRows(card(), 2026)).toEqual([
      { source: 'semanticscholar', values: [100, 5, 8, null, null, null] },
      { source: 'openalex', values: [120, 6, 9, 4, 15, 1.25] },
    ]);
    const onlyOpenAlex = card({ author: { ...card().author, authorId: 'A1', source: 'openalex' } });
    expect(sourceRows(onlyOpenAlex, 2026).map((row) => row.source)).toEqual(['openalex']);
    expect(sourceRows(card({ openAlex: { ...other, countsByYear: [] } as never }), 2026)).toHaveLength(1);
  });

  it('say why OpenAlex has nothing to add', () => {
    expect(openAlexNote(card())).toBeNull();
    expect(openAlexNote(card({ openAlex: { status: 'unmatched', looked: 0, fetchedAt: 1 } }))).toMatch(/none of this author’s arXiv papers/);
    expect(openAlexNote(card({ openAlex: { status: 'unmatched', looked: 4, fetchedAt: 1 } }))).toMatch(/no profile that 4 of this author’s papers agree on/);
    expect(openAlexNote(card({ openAlex: { status: 'unavailable', message: 'OpenAlex: down' } }))).toBe('OpenAlex: down');
  });
});
