import { describe, expect, it } from 'vitest';
import { extractArxivPage as extractListPage } from '../../lib/core/sites/arxiv';
import { htmlPaperExamples, isHtmlPaper } from '../../lib/core/sites/arxiv/html';
import { isListingPage, listingPageExamples } from '../../lib/core/sites/arxiv/listing';
import { isSearchPage, searchPageExamples } from '../../lib/core/sites/arxiv/search';
import { loadAbsRecord } from '../fixtures/arxivAbs';
import { listedAuthors, renderHtmlPaper, renderListingPage, renderSearchPage } from '../fixtures/arxivPages';
import { listingRecords } from '../fixtures/recordedPapers';

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

describe('page predicates', () => {
  it.each(listingPageExamples.match)('listing: matches %s', (url) => expect(isListingPage(url)).toBe(true));
  it.each(listingPageExamples.noMatch)('listing: does not match %s', (url) => expect(isListingPage(url)).toBe(false));
  it.each(searchPageExamples.match)('search: matches %s', (url) => expect(isSearchPage(url)).toBe(true));
  it.each(searchPageExamples.noMatch)('search: does not match %s', (url) => expect(isSearchPage(url)).toBe(false));
  it.each(htmlPaperExamples.match)('html: matches %s', (url) => expect(isHtmlPaper(url)).toBe(true));
  it.each(htmlPaperExamples.noMatch)('html: does not match %s', (url) => expect(isHtmlPaper(url)).toBe(false));
});

describe('listing extraction', () => {
  it('reads every entry of a 600-entry new listing across its three dl#articles blocks', () => {
    const records = listingRecords(600);
    const page = renderListingPage('cs', 'Computer Science', [
      { heading: 'New submissions (showing 400 of 400 entries)', records: records.slice(0, 400) },
      { heading: 'Cross submissions (showing 150 of 150 entries)', records: records.slice(400, 550), type: 'cross' },
      { heading: 'Replacement submissions (showing 50 of 50 entries)', records: records.slice(550), type: 'rep' },
    ]);
    const doc = parse(page);
    expect(doc.querySelectorAll('dl#articles')).toHaveLength(3);
    const context = extractListPage(doc, 'https://arxiv.org/list/cs/new')!;
    expect(context.kind).toBe('listing');
    expect(context.entries).toHaveLength(600);
    expect(context.entries.map((e) => e.key)).toEqual(records.map((r) => r.id));
    expect(context.entries.map((e) => e.authors.map((a) => a.name))).toEqual(records.map(listedAuthors));
    expect(Math.max(...context.entries.map((e) => e.authors.length))).toBe(101);
    expect(context.entries[0]!.title).toBe(records[0]!.title);
    expect(context.entries[0]!.badgeAfter!.getAttribute('title')).toBe('Abstract');
    expect(context.entries.map((e) => e.primaryCategory)).toEqual(records.map((r) => r.categories[0]));
  });

  it('handles old-style ids in listings and skips malformed entries', () => {
    const records = [loadAbsRecord('hep-th_9108002'), loadAbsRecord('1810.04805')];
    const doc = parse(renderListingPage('hep-th', 'High Energy Physics - Theory', [{ heading: 'New', records }]));
    doc.querySelector('dt a[title="Abstract"]')!.setAttribute('href', '/abs/garbage');
    doc.querySelector('dt a[title="Abstract"]')!.setAttribute('id', 'garbage');
    doc.querySelector('dt a[title="Abstract"]')!.textContent = 'garbage';
    const context = extractListPage(doc, 'https://arxiv.org/list/hep-th/1991-08')!;
    expect(context.entries.map((e) => e.key)).toEqual(['1810.04805']);
  });
});

describe('search extraction', () => {
  it('reads result ids, titles and the authors arXiv shows (first 25)', () => {
    const records = [loadAbsRecord('1810.04805'), loadAbsRecord('1411.4413'), loadAbsRecord('math_0202001')];
    const doc = parse(renderSearchPage('Devlin, J', records));
    const context = extractListPage(doc, 'https://arxiv.org/search/?query=Devlin%2C+J&searchtype=author')!;
    expect(context.kind).toBe('search');
    expect(context.entries.map((e) => e.key)).toEqual(['1810.04805', '1411.4413', 'math/0202001']);
    expect(context.entries[1]!.authors).toHaveLength(25);
    expect(context.entries[0]!.authors.map((a) => a.name)).toEqual(['Jacob Devlin', 'Ming-Wei Chang', 'Kenton Lee', 'Kristina Toutanova']);
    expect(context.entries.map((e) => e.primaryCategory)).toEqual(['cs.CL', records[1]!.categories[0], 'math.GR']);
  });
});

describe('HTML paper extraction', () => {
  it('reads the names from LaTeXML personname blocks, without affiliations, notes or e-mail', () => {
    const record = loadAbsRecord('0704.0833');
    const doc = parse(renderHtmlPaper(record));
    const context = extractListPage(doc, 'https://arxiv.org/html/0704.0833v1')!;
    expect(context.kind).toBe('html');
    expect(context.entries).toHaveLength(1);
    expect(context.entries[0]!.arxiv).toEqual({ id: '0704.0833', version: 1 });
    expect(context.entries[0]!.authors.map((a) => a.name)).toEqual(['Árpád Bényi', 'Kasso A. Okoudjou']);
    expect(context.entries[0]!.title).toBe(record.title);
  });

  it('gives no entries for an HTML page that is not LaTeXML output', () => {
    expect(extractListPage(parse('<html><body><p>Conversion failed</p></body></html>'), 'https://arxiv.org/html/0704.0833')).toEqual({ kind: 'html', entries: [] });
  });
});
