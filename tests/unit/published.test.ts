import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { publishedFromS2, readPublished } from '../../lib/core/published';
import { normalisePaper } from '../../lib/background/sources/semanticScholar/client';

// Where a paper was published, as Semantic Scholar's own record asserts it, on real records
// (tests/fixtures/real-api/s2-venues.json) with the traps the services' trackers report.
const records = JSON.parse(readFileSync('tests/fixtures/real-api/s2-venues.json', 'utf8')) as Record<string, Record<string, unknown>>;

describe('the published version Semantic Scholar asserts', () => {
  it('takes a journal article’s journal, not the book its venue names (Turing 1950 in Mind)', () => {
    expect(publishedFromS2(records.turing)).toEqual({
      venue: 'Mind',
      label: 'Mind 1950',
      kind: 'journal',
      year: 1950,
      volume: 'LIX',
      pages: '433-460',
      doi: '10.1093/mind/lix.236.433',
      basis: `asserted by Semantic Scholar (paper ${records.turing!.paperId})`,
    });
  });

  it('reads NeurIPS from the venue of an arXiv paper whose DBLP key is under journals/corr', () => {
    expect(publishedFromS2(records.attention)).toMatchObject({ venue: 'Neural Information Processing Systems', kind: 'conference', year: 2017, pages: '5998-6008', doi: null });
  });

  it('names no published version for a record whose only venue is arXiv', () => {
    expect(publishedFromS2(records.arxiv)).toBeNull();
  });

  it('labels a conference by the short name the source gives it, and never takes arXiv’s DOI as the published one', () => {
    expect(publishedFromS2(records.aaai)).toMatchObject({ label: 'AAAI 2024', kind: 'conference', pages: '23300-23308' });
    expect(publishedFromS2(records.lrec)).toMatchObject({ label: 'LREC 2024', kind: 'conference', doi: null });
    // A proceedings title given as the journal: the conference the venue record names.
    expect(publishedFromS2(records.ictas)).toMatchObject({ venue: 'Conference on Information Communications Technology and Society', label: 'ICTAS 2024', kind: 'conference' });
    // The venue record names the workshop while the journal still says ArXiv.
    expect(publishedFromS2(records.gem)).toMatchObject({ label: 'GEM 2023', kind: 'conference', doi: null });
  });

  it('is read into a paper only when the record was asked for venues; damaged values drop', () => {
    expect(normalisePaper(records.turing)?.published?.venue).toBe('Mind');
    expect(normalisePaper({ paperId: 'x', title: 'T' })).not.toHaveProperty('published');
    expect(normalisePaper(records.arxiv)?.published).toBeNull();
    expect(publishedFromS2({ venue: 42, journal: { name: ['x'] }, year: 'soon' })).toBeNull();
    expect(publishedFromS2({ venue: 'Nature', year: 1e9 })).toMatchObject({ label: 'Nature', year: null });
    expect(readPublished(publishedFromS2(records.turing))).toEqual(publishedFromS2(records.turing));
    expect(readPublished({ venue: 'x', label: 'x', kind: 'book', basis: 'b' })).toBeNull();
  });
});
