import { describe, expect, it } from 'vitest';
import { arxivAbsUrl, formatArxivId, parseArxivId } from '../../lib/core/ids';
import { paperFromHref } from '../../lib/core/sites/dom';

describe('parseArxivId', () => {
  it.each([
    ['2602.16165', '2602.16165', null],
    ['2602.16165v1', '2602.16165', 1],
    ['0704.0105v2', '0704.0105', 2],
    ['1412.9999', '1412.9999', null],
    ['1501.00001v12', '1501.00001', 12],
    ['arXiv:1810.04805v2', '1810.04805', 2],
    ['arxiv: 1810.04805', '1810.04805', null],
    ['hep-th/9108002', 'hep-th/9108002', null],
    ['hep-th/9108002v1', 'hep-th/9108002', 1],
    ['math.GT/0309136', 'math/0309136', null],
    ['math-ph/0509039v3', 'math-ph/0509039', 3],
    ['ao-sci/9503001', 'ao-sci/9503001', null],
    ['https://arxiv.org/abs/2602.16165v1', '2602.16165', 1],
    ['https://arxiv.org/pdf/2602.16165v1', '2602.16165', 1],
    ['https://arxiv.org/pdf/2602.16165v1.pdf', '2602.16165', 1],
    ['https://arxiv.org/html/2602.16165v1', '2602.16165', 1],
    ['https://www.arxiv.org/abs/hep-th/9108002', 'hep-th/9108002', null],
    ['http://export.arxiv.org/abs/1810.04805', '1810.04805', null],
    ['http://arxiv.org/abs/2602.16165v1', '2602.16165', 1],
  ])('accepts %s', (input, id, version) => {
    expect(parseArxivId(input)).toEqual({ id, version });
  });

  it.each([
    '',
    'hello',
    '2602.1616', // four digits after 2015
    '1412.00001', // five digits before 2015
    '0703.0001', // before new style began
    '2613.00001', // month 13
    '2602.16165v0',
    '2602.16165v',
    'hep-th/0704001', // old style ended 2007-03
    'hep-th/9113001',
    'HEP-TH/9108002',
    'https://example.org/abs/2602.16165',
    'https://arxiv.org.evil.example/abs/2602.16165',
    'https://arxiv.org/list/cs.LG/new',
    'javascript:alert(1)',
    'ftp://arxiv.org/abs/2602.16165',
  ])('rejects %j', (input) => {
    expect(parseArxivId(input)).toBeNull();
  });

  it('keeps the version for display and drops it from the key', () => {
    const parsed = parseArxivId('arXiv:2602.16165v3')!;
    expect(parsed.id).toBe('2602.16165');
    expect(formatArxivId(parsed)).toBe('2602.16165v3');
    expect(formatArxivId({ id: 'hep-th/9108002', version: null })).toBe('hep-th/9108002');
    expect(arxivAbsUrl(parsed)).toBe('https://arxiv.org/abs/2602.16165v3');
  });
});

import { isPaperKey, paperKeyFor, parseDoi, s2PaperRef } from '../../lib/core/ids';

describe('paper keys', () => {
  it('reads DOIs from text and doi.org addresses, lower-cased', () => {
    expect(parseDoi('10.1016/0370-2693(92)90710-L')).toBe('10.1016/0370-2693(92)90710-l');
    expect(parseDoi('https://doi.org/10.1145/3620665.3640400')).toBe('10.1145/3620665.3640400');
    expect(parseDoi('doi:10.2139/SSRN.2250500')).toBe('10.2139/ssrn.2250500');
    expect(parseDoi('https://dx.doi.org/10.1093%2Fmind%2Flix.236.433')).toBe('10.1093/mind/lix.236.433');
    expect(parseDoi('http://doi.acm.org/10.1145/1921233.1921242')).toBe('10.1145/1921233.1921242');
    expect(parseDoi('10.1/x')).toBeNull();
    expect(parseDoi('not a doi')).toBeNull();
    expect(parseDoi('https://doi.org/%E0%A4%A')).toBeNull();
  });

  it('keys arXiv DOIs as arXiv ids and other DOIs as doi: keys', () => {
    expect(paperKeyFor({ doi: '10.48550/arXiv.2602.16165' })).toBe('2602.16165');
    expect(paperKeyFor({ doi: '10.1145/3620665.3640400' })).toBe('doi:10.1145/3620665.3640400');
    expect(paperKeyFor({ arxiv: { id: 'hep-th/9108002', version: 2 } })).toBe('hep-th/9108002');
  });

  it('validates keys and maps them to Semantic Scholar ids', () => {
    expect(isPaperKey('2602.16165')).toBe(true);
    expect(isPaperKey('doi:10.1145/3620665.3640400')).toBe(true);
    expect(isPaperKey('2602.16165v1')).toBe(false);
    expect(isPaperKey('doi:10.1145/UPPER')).toBe(false);
    expect(isPaperKey('doi:')).toBe(false);
    expect(s2PaperRef('2602.16165')).toBe('arXiv:2602.16165');
    expect(s2PaperRef('doi:10.1145/3620665.3640400')).toBe('DOI:10.1145/3620665.3640400');
  });
});

describe('ids from hostile text', () => {
  it('reads no id, and throws nothing, from a malformed escape', () => {
    expect(parseArxivId('https://arxiv.org/abs/%E0%A4%A')).toBeNull();
    expect(paperFromHref('https://doi.org/10.48550/arXiv.%E0%A4%A')).toBeNull();
    expect(parseDoi('https://doi.org/10.1000/%E0%A4%A')).toBeNull();
  });
});
