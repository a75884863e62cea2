import { describe, expect, it } from 'vitest';
import { bibtexName, citationKeys, texEscape, toBibtex } from '../../lib/core/saved/bibtex';
import { decodeValue, parseBibtex, splitAuthors } from '../../lib/core/saved/bibtexParse';
import { toCsv, toJson, toRis } from '../../lib/core/saved/exporters';
import type { SavedPaper } from '../../lib/core/saved/model';
import { loadAbsRecord } from '../fixtures/arxivAbs';
import { seed } from '../fixtures/seedWorld';

function saved(overrides: Partial<SavedPaper> = {}): SavedPaper {
  const bert = loadAbsRecord('1810.04805');
  return {
    key: bert.id,
    arxivId: bert.id,
    version: 2,
    title: bert.title,
    authors: bert.authors,
    abstract: bert.abstract,
    publicationDate: '2018-10-11',
    year: 2018,
    primaryCategory: 'cs.CL',
    doi: null,
    citationCount: 90000,
    savedAt: Date.UTC(2026, 10, 24),
    tags: ['nlp'],
    note: '',
    status: 'to-read',
    ...overrides,
  };
}

describe('BibTeX', () => {
  it("writes arXiv's style: @misc with eprint, archivePrefix, primaryClass, url", () => {
    const out = toBibtex([saved()]);
    expect(out).toContain('@misc{devlin2018bert,');
    expect(out).toMatch(/eprint\s+= \{1810\.04805\},/);
    expect(out).toMatch(/archivePrefix = \{arXiv\},/);
    expect(out).toMatch(/primaryClass\s+= \{cs\.CL\},/);
    expect(out).toMatch(/author\s+= \{Devlin, Jacob and Chang, Ming-Wei and Lee, Kenton and Toutanova, Kristina\},/);
  });

  it('escapes accents and TeX specials so that reading it back gives the same text', () => {
    const hostileTitle = 'Braces {x}, 100% & more_things #1 $5 ~tilde^ back\\slash';
    const accented = loadAbsRecord('0704.0375'); // René Fournet, Frédérique Battin-Leclerc
    const papers = [
      saved({ title: hostileTitle, authors: ['Árpád Bényi', 'Alfredo García', 'Jiří Matoušek', 'Łukasz Kaiser', 'Søren Kierkegaard', 'Gauß'] }),
      saved({ key: accented.id, arxivId: accented.id, title: accented.title, authors: accented.authors, primaryCategory: 'physics.chem-ph', doi: '10.1016/0370-2693(92)90710-L' }),
    ];
    const out = toBibtex(papers);
    // UTF-8 in NFC (what biber reads, and what Better BibTeX reads back unchanged); TeX's specials as commands.
    expect(out).toBe(out.normalize('NFC'));
    expect(out).toContain('Bényi, Árpád');
    expect(out).toContain('Braces {\\textbraceleft}x{\\textbraceright}, 100\\% \\& more\\_things \\#1 \\$5 {\\textasciitilde}tilde{\\textasciicircum} back{\\textbackslash}slash');
    const entries = parseBibtex(out);
    expect(entries).toHaveLength(2);
    expect(decodeValue(entries[0]!.fields.title!)).toBe(hostileTitle);
    expect(splitAuthors(entries[0]!.fields.author!)).toEqual(['Árpád Bényi', 'Alfredo García', 'Jiří Matoušek', 'Łukasz Kaiser', 'Søren Kierkegaard', 'Gauß']);
    expect(splitAuthors(entries[1]!.fields.author!)).toEqual(accented.authors);
    expect(entries[1]!.fields.doi).toBe('10.1016/0370-2693(92)90710-L');
    expect(entries[1]!.fields.eprint).toBe('0704.0375');
  });

  it('keeps the seed author names as the card shows them', () => {
    const hiper = seed.publications[0]!;
    const out = toBibtex([saved({ key: hiper.arxivId, arxivId: hiper.arxivId, title: hiper.title, authors: hiper.authorsShown, year: 2026 })]);
    expect(splitAuthors(parseBibtex(out)[0]!.fields.author!)).toEqual(hiper.authorsShown);
  });

  it('gives stable keys and tells clashes apart', () => {
    expect(citationKeys([saved(), saved(), saved({ authors: ['Ren\u00e9 Fournet'], year: 2007, title: 'The chemistry of flames' })])).toEqual([
      'devlin2018bert',
      'devlin2018berta',
      'fournet2007chemistry',
    ]);
    expect(bibtexName('Cher')).toBe('Cher');
    expect(texEscape('a\nb\u0007c')).toBe('a b c');
  });

  it('says where BibTeX input is broken', () => {
    expect(() => parseBibtex('@misc{key, title = {never closed')).toThrow(/never closed \(line 1\)/);
    expect(() => parseBibtex('@misc{key,\n title {x}}')).toThrow(/"=" was expected after title in key \(line 2\)/);
    expect(parseBibtex('@comment{anything}\n@misc{k, year = 2001}')).toEqual([{ type: 'misc', key: 'k', fields: { year: '2001' } }]);
  });
});

describe('RIS, CSV and JSON', () => {
  it('writes RIS that reference managers read', () => {
    const out = toRis([saved({ doi: '10.18653/v1/N19-1423', note: 'line one\nline two' })]);
    expect(out.split('\r\n')).toEqual(
      expect.arrayContaining(['TY  - UNPB', 'AU  - Devlin, Jacob', 'PY  - 2018', 'DA  - 2018/10/11', 'UR  - https://arxiv.org/abs/1810.04805', 'M1  - arXiv:1810.04805v2', 'DO  - 10.18653/v1/N19-1423', 'KW  - nlp', 'N1  - line one line two', 'ER  - ']),
    );
  });

  it('writes CSV with a BOM, quoting, and no formulas', () => {
    const out = toCsv([saved({ title: '=HYPERLINK("http://evil.example","click")', note: 'has, comma and "quotes"', authors: ['Árpád Bényi'] })]);
    expect(out.startsWith('\uFEFFarxiv_id,version,doi,title,authors,')).toBe(true);
    const row = out.split('\r\n')[1]!;
    expect(row).toContain('"\'=HYPERLINK(""http://evil.example"",""click"")"');
    expect(row).toContain('"has, comma and ""quotes"""');
    expect(row).toContain('Árpád Bényi');
  });

  it('writes JSON with everything', () => {
    const paper = saved({ tags: ['a', 'b'], note: 'n', status: 'read' });
    const parsed = JSON.parse(toJson([paper], Date.UTC(2026, 10, 24))) as { format: string; version: number; papers: SavedPaper[] };
    expect(parsed.format).toBe('scholarscope-saved-papers');
    expect(parsed.version).toBe(1);
    expect(parsed.papers).toEqual([paper]);
  });
});
