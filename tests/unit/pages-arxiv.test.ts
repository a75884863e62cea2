import { describe, expect, it } from 'vitest';
import { absPageExamples, extractAbsPage as extractAbs, isAbsPage } from '../../lib/core/sites/arxiv/abs';
import { categoryFromSubject } from '../../lib/core/sites/arxiv/shared';
import { AUTHOR_LIST_SIZE, loadAbsRecord, renderAbsPage, type AbsRecord } from '../fixtures/arxivAbs';
import { hiperRecord } from '../fixtures/seedWorld';

/** The abstract page's paper: the one entry the page gives. */
const extractAbsPage = (doc: Document, url: string) => extractAbs(doc, url)?.entries[0] ?? null;

function pageFor(record: AbsRecord, requestedVersion: number | null = null): Document {
  return new DOMParser().parseFromString(renderAbsPage(record, { requestedVersion }), 'text/html');
}

describe('abstract page detection', () => {
  it.each(absPageExamples.match)('matches %s', (url) => expect(isAbsPage(url)).toBe(true));
  it.each(absPageExamples.noMatch)('does not match %s', (url) => expect(isAbsPage(url)).toBe(false));
});

describe('abstract page extraction on arXiv page structure', () => {
  it('reads id, latest version, title and authors in order (BERT, 2 versions, no version in URL)', () => {
    const record = loadAbsRecord('1810.04805');
    const context = extractAbsPage(pageFor(record), 'https://arxiv.org/abs/1810.04805')!;
    expect(context.arxiv).toEqual({ id: '1810.04805', version: 2 });
    expect(context.title).toBe('BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding');
    expect(context.authors.map((a) => a.name)).toEqual(['Jacob Devlin', 'Ming-Wei Chang', 'Kenton Lee', 'Kristina Toutanova']);
    expect(context.authors[0]!.element.tagName).toBe('A');
    expect(context.primaryCategory).toBe('cs.CL');
  });

  it('takes the version from the URL when it names one', () => {
    const record = loadAbsRecord('1810.04805');
    const context = extractAbsPage(pageFor(record, 1), 'https://arxiv.org/abs/1810.04805v1')!;
    expect(context.arxiv).toEqual({ id: '1810.04805', version: 1 });
  });

  it('handles old-style identifiers', () => {
    const record = loadAbsRecord('hep-th_9108002');
    const context = extractAbsPage(pageFor(record), 'https://arxiv.org/abs/hep-th/9108002')!;
    expect(context.arxiv).toEqual({ id: 'hep-th/9108002', version: 1 });
    expect(context.primaryCategory).toBe('hep-th');
    expect(context.authors.map((a) => a.name)).toEqual(['A. Mikovic']);
  });

  it('reads a four-version old-style paper from its submission history', () => {
    const record = loadAbsRecord('math_0202001');
    const context = extractAbsPage(pageFor(record), 'https://arxiv.org/abs/math/0202001')!;
    expect(context.arxiv).toEqual({ id: 'math/0202001', version: 4 });
    expect(context.authors.map((a) => a.name)).toEqual(['Laurent Bartholdi', 'Rostislav I. Grigorchuk', 'Volodymyr V. Nekrashevych']);
  });

  it('shows TeX-accented names as arXiv does', () => {
    const context = extractAbsPage(pageFor(loadAbsRecord('0704.0833')), 'https://arxiv.org/abs/0704.0833')!;
    expect(context.authors.map((a) => a.name)).toEqual(['Árpád Bényi', 'Kasso A. Okoudjou']);
    const rene = extractAbsPage(pageFor(loadAbsRecord('0704.0375')), 'https://arxiv.org/abs/0704.0375')!;
    expect(rene.authors.map((a) => a.name)).toContain('René Fournet');
    expect(rene.authors.map((a) => a.name)).toContain('Frédérique Battin-Leclerc');
  });

  it('includes the authors hidden behind "et al. (N additional authors not shown)"', () => {
    const record = loadAbsRecord('1310.8286');
    expect(record.authors.length).toBeGreaterThan(AUTHOR_LIST_SIZE + 1);
    const doc = pageFor(record);
    const hidden = doc.querySelectorAll('#long-author-list a');
    expect(hidden.length).toBe(record.authors.length - (AUTHOR_LIST_SIZE + 1));
    const context = extractAbsPage(doc, 'https://arxiv.org/abs/1310.8286')!;
    expect(context.authors.map((a) => a.name)).toEqual(record.authors);
    expect(context.authors.some((a) => a.name === 'T. Csörgő')).toBe(true);
    expect(context.authors.map((a) => a.name)).not.toContain(expect.stringContaining('et al.'));
  });

  it('reads the seed paper page', () => {
    const context = extractAbsPage(pageFor(hiperRecord), 'https://arxiv.org/abs/2602.16165')!;
    expect(context.arxiv).toEqual({ id: '2602.16165', version: 1 });
    expect(context.authors.slice(0, 5).map((a) => a.name)).toEqual(['Zhaoran Wang', 'Jian Peng', 'Yuanxin Liu', 'Charles Fleming', 'Alfredo García']);
  });

  it('returns null off abstract pages and survives a page without an author block', () => {
    const doc = pageFor(loadAbsRecord('1810.04805'));
    expect(extractAbsPage(doc, 'https://arxiv.org/list/cs.CL/new')).toBeNull();
    doc.querySelector('div.authors')!.remove();
    doc.querySelector('meta[name="citation_title"]')!.remove();
    const context = extractAbsPage(doc, 'https://arxiv.org/abs/1810.04805')!;
    expect(context.authors).toEqual([]);
    expect(context.title).toBe('BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding');
  });
});

describe('primary category from arXiv subject text', () => {
  it.each([
    ['Computation and Language (cs.CL)', 'cs.CL'],
    ['High Energy Physics - Theory (hep-th)', 'hep-th'],
    ['Group Theory (math.GR)  ', 'math.GR'],
    ['Computation and Language', null],
    ['(not a category!)', null],
    ['', null],
  ])('%s → %s', (subject, category) => expect(categoryFromSubject(subject)).toBe(category));
});
