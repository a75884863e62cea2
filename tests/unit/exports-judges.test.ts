// @vitest-environment node
// The exporters judged by parsers no one on this project wrote: Better BibTeX's parser
// (@retorquere/bibtex-parser), citation-js (BibTeX and RIS), csv-parse and Debian's biber. A corpus
// of hard cases goes out through each format and must come back exactly as it was saved.

import { readFileSync } from 'node:fs';
import { parse as parseBbt } from '@retorquere/bibtex-parser';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import { parse as parseCsv } from 'csv-parse/sync';
import { biber } from '../fixtures/bibJudges';
import { describe, expect, it } from 'vitest';
import { bibVolume, citationKeys, toBibtex } from '../../lib/core/saved/bibtex';
import { CSV_COLUMNS, toCsv, toRis } from '../../lib/core/saved/exporters';
import { readImport } from '../../lib/core/saved/importer';
import type { SavedPaper } from '../../lib/core/saved/model';
import { familyWithParticle, splitName } from '../../lib/core/saved/names';
import { publishedFromS2, retractionRemark, type RetractionMark } from '../../lib/core/published';
import { crossrefMessage, publishedFromCrossref, publishedFromDblpBib } from '../../lib/core/publishedRecords';

// Published versions as Semantic Scholar's real records assert them (tests/fixtures/real-api/s2-venues.json).
const S2 = JSON.parse(readFileSync('tests/fixtures/real-api/s2-venues.json', 'utf8')) as Record<string, unknown>;
const IN_MIND = publishedFromS2(S2.turing)!;
const AT_NEURIPS = publishedFromS2(S2.attention)!;
// From Crossref's and DBLP's real answers: a journal with issue and publisher, a conference with its publisher.
const crossrefWorks = JSON.parse(readFileSync('tests/fixtures/real-api/crossref-answers.json', 'utf8')) as { uri: string; body: string }[];
const IN_NATURE_MI = publishedFromCrossref(crossrefMessage(JSON.parse(crossrefWorks.find((w) => w.uri.includes('/works/10.1038%2Fs42256-024-00832-8'))!.body)), 'asserted by Crossref (DOI 10.1038/s42256-024-00832-8)')!;
const AT_SPIRE = publishedFromDblpBib(readFileSync('tests/fixtures/real-api/volkm-bibtex-dblp__standard.bib', 'utf8'), 'conf/spire/BastMW06')!;
const RETRACTED: RetractionMark = { kind: 'retraction', basis: 'Crossref, Retraction Watch: retraction notice 10.1016/s0140-6736(10)60175-4' };
const remarks = (saved: SavedPaper) => [saved.withdrawn ? `Withdrawn on arXiv: ${saved.withdrawn}` : null, saved.retraction ? retractionRemark(saved.retraction) : null].filter((remark): remark is string => remark !== null);

let serial = 0;
function paper(title: string, authors: string[], extra: Partial<SavedPaper> = {}): SavedPaper {
  serial += 1;
  const arxivId = `2601.${String(10000 + serial)}`;
  return {
    key: arxivId,
    arxivId,
    version: 1 + (serial % 3),
    title,
    authors,
    abstract: `Abstract ${serial}: ${title}`,
    publicationDate: '2026-01-15',
    year: 2026,
    primaryCategory: 'cs.CL',
    doi: null,
    citationCount: serial,
    savedAt: Date.UTC(2026, 0, 15) + serial,
    tags: ['corpus', `tag ${serial}`],
    note: `Note ${serial}`,
    status: 'to-read',
    ...extra,
  };
}

/** Hard cases, each a real kind of thing readers save. */
const CORPUS: SavedPaper[] = [
  paper('Unbalanced } brace and { another', ['Alfredo García', 'María José Martínez-Pérez']),
  paper('TeX specials: 100% & more_things #1 $5 ~tilde^ back\\slash {braced}', ['Jiří Matoušek', 'Łukasz Kaiser', 'Søren Kierkegaard', 'Carl Friedrich Gauß']),
  paper('Accented i: García, Ímpetu, naïve, ị', ['Ana Ílíc', 'Pál Erdős', 'Hans Christian Ørsted']),
  paper('中文标题：深度学习的可解释性', ['王兆然', '李飞飞', 'Zhaoran Wang']),
  paper('한국어 제목과 Ελληνικά: Θεωρία', ['김정은', 'Γιώργος Παπαδόπουλος']),
  paper('Tiếng Việt: Nguyễn và Trần', ['Nguyễn Văn An', 'Trần Thị Bích Ngọc']),
  paper('Particles and suffixes', ['Jan van der Berg', 'Maria de la Cruz', 'Ludwig van Beethoven', 'John Smith Jr.', 'Martin Luther King III', 'Johann von Neumann']),
  paper('Commas, organisations and the word and', ['Smith, John', 'ATLAS Collaboration', 'World Health Organization', 'Tom and Jerry', 'Cher']),
  paper('Apostrophes and hyphens', ["Conan O'Brien", 'Frédérique Battin-Leclerc', 'Jean-Luc Picard']),
  paper(`A very long title ${'with many words '.repeat(120).trim()}`, Array.from({ length: 60 }, (_, i) => `Author Number${i} Person`)),
  paper('Old style with a DOI', ['A. Mikovic'], { key: 'hep-th/9108002', arxivId: 'hep-th/9108002', doi: '10.1016/0370-2693(92)90710-L', primaryCategory: 'hep-th' }),
  paper('Only a DOI', ['Jacob Devlin'], { key: 'doi:10.1145/3292500.3330701', arxivId: null, doi: '10.1145/3292500.3330701', primaryCategory: null }),
  // Published: a journal article (volume, pages, the journal's DOI) and a conference paper.
  paper('Computing Machinery and Intelligence', ['Alan M. Turing'], { year: 1950, published: IN_MIND }),
  // Withdrawn, in arXiv's words (0704.0644's comment): exports say so in a note.
  paper('Withdrawn: a lemma with an error', ['Ana Ílíc'], { withdrawn: 'This paper has been withdrawn due to an error in Lemma 8' }),
  paper('Attention is All you Need', ['Ashish Vaswani', 'Noam M. Shazeer'], { key: '1706.03762', arxivId: '1706.03762', year: 2017, primaryCategory: 'cs.CL', published: AT_NEURIPS }),
  paper('Augmenting large language models with chemistry tools', ['Andrés M Bran', 'Sam Cox'], { key: '2304.05376', arxivId: '2304.05376', year: 2023, primaryCategory: 'physics.chem-ph', published: IN_NATURE_MI }),
  // A conference paper with its publisher, retracted (and withdrawn on arXiv): both marks in the note.
  paper('Output-Sensitive Autocompletion Search', ['H. Bast', 'Christian Worm Mortensen', 'Ingmar Weber'], { year: 2006, published: AT_SPIRE, retraction: RETRACTED, withdrawn: 'Withdrawn by the authors' }),
  // 30 papers whose keys share one base: smith2020learning.
  ...Array.from({ length: 30 }, (_, i) => paper(`Learning to rank, part ${i + 1}`, ['John Smith'], { year: 2020, publicationDate: '2020-03-01' })),
  paper('1 weird trick', ['Sung-Min Lee'], { year: 2025, publicationDate: '2025-05-05' }),
];

type Name = { literal: string } | { family: string; given: string; suffix: string };
/** A name of one part is the same whether a parser calls it a family name or a literal one. */
const oneForm = (name: Name): Name => ('family' in name && !name.given && !name.suffix ? { literal: name.family } : name);

/** A name as a reference manager should understand it, from what was saved. */
function expectedName(name: string): Name {
  const parts = splitName(name);
  return oneForm(parts.literal !== null ? { literal: parts.literal } : { family: familyWithParticle(parts), given: parts.given, suffix: parts.suffix });
}

/** Better BibTeX's creators, in the same shape. */
function bbtName(creator: { name?: string; lastName?: string; firstName?: string; prefix?: string; suffix?: string }): Name {
  if (creator.name !== undefined) return { literal: creator.name };
  return oneForm({ family: [creator.prefix, creator.lastName].filter(Boolean).join(' '), given: creator.firstName ?? '', suffix: creator.suffix ?? '' });
}

/** citation-js's CSL names, in the same shape. */
function cslName(name: { family?: string; given?: string; literal?: string; suffix?: string; 'non-dropping-particle'?: string; 'dropping-particle'?: string }): Name {
  if (name.literal !== undefined) return { literal: name.literal };
  const family = [name['dropping-particle'], name['non-dropping-particle'], name.family].filter(Boolean).join(' ');
  return oneForm({ family, given: name.given ?? '', suffix: name.suffix ?? '' });
}

describe('BibTeX, read back by parsers we did not write', () => {
  const bib = toBibtex(CORPUS);

  it('gives every paper a valid key, unique past 26 clashes, transliterated from the first author', () => {
    const keys = citationKeys(CORPUS);
    for (const key of keys) expect(key).toMatch(/^[a-z][a-z0-9]*$/);
    expect(new Set(keys).size).toBe(keys.length);
    const smith = keys.filter((key) => key.startsWith('smith2020learning'));
    expect(smith.slice(0, 3)).toEqual(['smith2020learning', 'smith2020learninga', 'smith2020learningb']);
    expect(smith.slice(26, 30)).toEqual(['smith2020learningz', 'smith2020learningaa', 'smith2020learningab', 'smith2020learningac']);
    expect(keys[CORPUS.length - 1]).toBe('lee2025weird'); // no digit word after the year
    expect(keys[2]).toBe('ilic2026accented');
    expect(keys[3]).toMatch(/^wangzhaoran2026[a-z]{1,20}$/); // 王兆然 in ASCII, not "anonymous"
    expect(keys[4]).toMatch(/^gimjeongeun2026/);
    expect(keys[8]).toBe('obrien2026apostrophes');
  });

  it('is valid NFC text with balanced braces in every field', () => {
    expect(bib).toBe(bib.normalize('NFC'));
    for (const line of bib.split('\n').filter((l) => l.includes(' = {'))) {
      let depth = 0;
      for (let i = 0; i < line.length; i++) {
        if (line[i] === '\\') i++;
        else if (line[i] === '{') depth++;
        else if (line[i] === '}') depth--;
        expect(depth, line).toBeGreaterThanOrEqual(0);
      }
      expect(depth, line).toBe(0);
    }
  });

  it('Better BibTeX reads every field back exactly', () => {
    const { entries, errors } = parseBbt(bib, { sentenceCase: false, caseProtection: false, english: false });
    expect(errors).toEqual([]);
    expect(entries).toHaveLength(CORPUS.length);
    entries.forEach((entry, index) => {
      const saved = CORPUS[index]!;
      expect(entry.fields.title, saved.title).toBe(saved.title);
      expect((entry.fields.author as never[]).map(bbtName)).toEqual(saved.authors.map(expectedName));
      // The year of the version cited: the issue's, for a published one.
      expect(entry.fields.year).toBe(String(saved.published?.year ?? saved.year));
      if (saved.arxivId) expect(entry.fields.eprint).toBe(saved.arxivId);
      const doi = saved.published?.doi ?? saved.doi;
      if (doi) expect(entry.fields.doi).toBe(doi);
      // The published version's venue fields; arXiv's eprint kept beside them.
      const published = saved.published;
      expect(entry.type).toBe(published ? { journal: 'article', conference: 'inproceedings', other: 'misc' }[published.kind] : 'misc');
      if (published?.kind === 'journal') expect([entry.fields.journal, entry.fields.volume, entry.fields.pages]).toEqual([published.venue, bibVolume(published.volume!), published.pages!.replace('-', '–')]);
      if (published?.kind === 'journal') expect(entry.fields.number).toBe(published.number ?? undefined);
      expect(entry.fields.publisher).toEqual(published?.publisher && published.kind !== 'journal' ? [published.publisher] : undefined);
      if (published?.kind === 'conference') expect([entry.fields.booktitle, entry.fields.pages]).toEqual([published.venue, published.pages!.replace('-', '–')]);
      expect(entry.fields.note).toBe(remarks(saved).join('. ') || undefined);
    });
  });

  it('citation-js reads every field back exactly', () => {
    const data = new Cite(bib).data as { title: string; author: never[]; DOI?: string }[];
    expect(data).toHaveLength(CORPUS.length);
    data.forEach((entry, index) => {
      const saved = CORPUS[index]!;
      expect(entry.title, saved.title).toBe(saved.title);
      expect(entry.author.map(cslName)).toEqual(saved.authors.map(expectedName));
      const doi = saved.published?.doi ?? saved.doi;
      if (doi) expect(entry.DOI?.toLowerCase()).toBe(doi.toLowerCase());
      const published = saved.published as SavedPaper['published'];
      const csl = entry as unknown as { 'container-title'?: string; page?: string; volume?: string; type: string };
      if (published) expect([csl.type, csl['container-title'], csl.page]).toEqual([published.kind === 'journal' ? 'article-journal' : 'paper-conference', published.venue, published.pages]);
    });
  });

  it('ScholarScope reads its own BibTeX back exactly', () => {
    const back = readImport(bib, 0);
    expect(back.map((p) => [p.key, p.title, p.authors, p.year, p.doi, p.primaryCategory])).toEqual(CORPUS.map((p) => [p.key, p.title, p.authors, p.published?.year ?? p.year, p.published?.doi ?? p.doi, p.primaryCategory]));
  });

  it('biber validates it without an error or a warning', () => {
    expect(biber(bib)).toEqual({ problems: [], entries: CORPUS.length });
  });
});

describe('RIS, read back by citation-js', () => {
  it('reads every field back exactly (names as RIS can say them: a literal with a comma becomes family and given)', async () => {
    const data = (await Cite.async(toRis(CORPUS), { forceType: '@ris/file' })).data as Record<string, unknown>[];
    expect(data).toHaveLength(CORPUS.length);
    data.forEach((entry, index) => {
      const saved = CORPUS[index]!;
      expect(entry.title).toBe(saved.title);
      expect(entry.abstract).toBe(saved.abstract);
      // Two N1 lines where the paper was withdrawn: the mark, then the reader's note.
      expect(entry.note).toEqual(remarks(saved).length > 0 ? [...remarks(saved), saved.note] : saved.note);
      const expected = saved.authors.map((name) => {
        const want = expectedName(name);
        if ('literal' in want && want.literal!.includes(',')) {
          const [family, given] = want.literal!.split(/,\s*/) as [string, string];
          return { family, given, suffix: '' };
        }
        return want;
      });
      expect((entry.author as never[]).map(cslName)).toEqual(expected);
      const doi = saved.published?.doi ?? saved.doi;
      if (doi) expect(entry.DOI?.toString().toLowerCase()).toBe(doi.toLowerCase());
      if (saved.arxivId) expect(entry.URL).toBe(`https://arxiv.org/abs/${saved.arxivId}`);
      const published = saved.published;
      // citation-js reads a conference paper's T2 as the event, a journal article's JO as the container.
      if (published) expect([entry.type, entry[published.kind === 'journal' ? 'container-title' : 'event-title'], entry.page]).toEqual([published.kind === 'journal' ? 'article-journal' : 'paper-conference', published.venue, published.pages]);
    });
  });
});

describe('CSV, read back by csv-parse', () => {
  it('reads every cell back exactly; a cell that would start a formula carries a leading apostrophe', () => {
    const hostile = [...CORPUS, paper('=HYPERLINK("https://evil.example","click")', ['+Plus Minus', '-Dash'], { note: '@SUM(A1)\nsecond line, "quoted"' })];
    const rows = parseCsv(toCsv(hostile), { bom: true, relax_column_count: false }) as string[][];
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    const unguard = (cell: string) => cell.replace(/^'(?=[=+\-@\t\r])/, '');
    rows.slice(1).forEach((row, index) => {
      const saved = hostile[index]!;
      const cell = (column: (typeof CSV_COLUMNS)[number]) => unguard(row[CSV_COLUMNS.indexOf(column)]!);
      expect(cell('title')).toBe(saved.title);
      expect(cell('authors')).toBe(saved.authors.join('; '));
      expect(cell('note')).toBe(saved.note);
      expect(cell('tags')).toBe(saved.tags.join('; '));
      expect(cell('arxiv_id')).toBe(saved.arxivId ?? '');
      expect(cell('doi')).toBe(saved.doi ?? '');
      expect([cell('venue'), cell('venue_basis'), cell('withdrawn'), cell('retraction')]).toEqual([saved.published?.venue ?? '', saved.published?.basis ?? '', saved.withdrawn ?? '', saved.retraction ? retractionRemark(saved.retraction) : '']);
    });
    expect(rows[rows.length - 1]![CSV_COLUMNS.indexOf('title')]).toMatch(/^'=/);
  });
});
