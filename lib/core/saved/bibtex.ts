// BibTeX of the published version where one is known (@article with journal, volume, pages;
// @inproceedings with booktitle, pages; the published DOI), keeping arXiv's eprint, archivePrefix
// and primaryClass; otherwise, or when the reader chooses to cite preprints, arXiv's own style
// (@misc with eprint). A paper keeps its key either way (it is made from the preprint's year). Written so that
// biber, Better BibTeX's parser and citation-js all read back exactly what was saved:
// - UTF-8 in NFC (biber's encoding, and LaTeX's default input encoding since 2018): Better BibTeX
//   reads TeX accent commands back decomposed, UTF-8 letters it reads back as they were;
// - braces balanced by construction: TeX's special characters become commands (`{\textbraceleft}`,
//   `\%`), never a lone escaped brace, which BibTeX still counts;
// - names as `von Last, Jr., First`, organisations and names a split would misread in braces;
// - keys from the first author's family name in ASCII, the year and a title word, made unique
//   with a, b, … z, aa, ab, …

import anyAscii from 'any-ascii';
import { paperRemarks, type SavedPaper } from './model';
import { splitName, type PersonName } from './names';

const SPECIAL: Record<string, string> = {
  '\\': '{\\textbackslash}', '{': '{\\textbraceleft}', '}': '{\\textbraceright}', '%': '\\%', '&': '\\&', _: '\\_', '#': '\\#', $: '\\$', '~': '{\\textasciitilde}', '^': '{\\textasciicircum}',
};

/** Text as a BibTeX field value, in NFC; its braces are balanced whatever the text. */
export function texEscape(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\{}%&_#$~^]/g, (char) => SPECIAL[char] as string);
}

/** One name in BibTeX's `von Last, Jr., First` form; kept whole in braces when it is literal. */
export function bibtexName(name: string | PersonName): string {
  const parts = typeof name === 'string' ? splitName(name) : name;
  if (parts.literal !== null) return `{${texEscape(parts.literal)}}`;
  const last = texEscape([parts.particle, parts.family].filter(Boolean).join(' '));
  if (!parts.given && !parts.suffix) return last;
  return [last, parts.suffix && texEscape(parts.suffix), texEscape(parts.given)].filter(Boolean).join(', ');
}

/** Lower-case ASCII letters and digits only, transliterated (Ørsted -> orsted, 王 -> wang), at most 20 of them. */
function keyPart(text: string): string {
  return anyAscii(text.normalize('NFC')).toLowerCase().replace(/[^a-z0-9]/g, '').slice(0, 20);
}

const STOP_WORDS = new Set(['a', 'an', 'the', 'on', 'of', 'in', 'for', 'and', 'to', 'with', 'from', 'towards', 'toward', 'via', 'by', 'at', 'is', 'are']);

function yearOf(paper: SavedPaper): number | null {
  return paper.year ?? (paper.publicationDate ? Number(paper.publicationDate.slice(0, 4)) : null);
}

/** `devlin2018bert`: first author's family name, year, first meaningful title word; always a valid key. */
export function citationKey(paper: SavedPaper): string {
  const first = paper.authors[0] ? splitName(paper.authors[0]) : null;
  const surname = (first && keyPart(first.literal ?? first.family)) || 'anon';
  // A word of digits after the year would read as part of it (lee2025 + 1).
  const word = paper.title.split(/\s+/).map(keyPart).find((part) => part.length > 0 && !STOP_WORDS.has(part) && !/^\d+$/.test(part)) ?? '';
  const key = `${surname}${yearOf(paper) ?? ''}${word}`;
  return /^[a-z]/.test(key) ? key : `a${key}`;
}

/** a, b, … z, aa, ab, … : the n-th (from 1) suffix of a clash, bijective base 26. */
export function clashSuffix(n: number): string {
  let suffix = '';
  for (let rest = n; rest > 0; rest = Math.floor((rest - 1) / 26)) suffix = String.fromCharCode(97 + ((rest - 1) % 26)) + suffix;
  return suffix;
}

/** Keys for a list: the same paper always gets the same key; clashes get a, b, c… in list order. */
export function citationKeys(papers: readonly SavedPaper[]): string[] {
  const used = new Set<string>();
  const seen = new Map<string, number>();
  return papers.map((paper) => {
    const base = citationKey(paper);
    let count = seen.get(base) ?? 0;
    let key = count === 0 ? base : `${base}${clashSuffix(count)}`;
    // A suffixed key can be another paper's base key (smith2020a): skip on until it is free.
    while (used.has(key)) key = `${base}${clashSuffix(++count)}`;
    seen.set(base, count + 1);
    used.add(key);
    return key;
  });
}

function field(name: string, value: string): string {
  return `  ${name.padEnd(13)} = {${value}},`;
}

const ROMAN: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100, D: 500, M: 1000 };

/**
 * A volume as biblatex's data model takes it, a whole number: as given, or from a Roman numeral
 * (Mind's LIX is 59); null for anything else (such a volume stays in the CSV and RIS exports).
 */
export function bibVolume(volume: string): string | null {
  if (/^\d{1,6}$/.test(volume)) return volume;
  if (!/^[IVXLCDM]{1,12}$/.test(volume)) return null;
  let total = 0;
  for (let i = 0; i < volume.length; i++) {
    const value = ROMAN[volume[i]!]!;
    total += value < (ROMAN[volume[i + 1] ?? ''] ?? 0) ? -value : value;
  }
  return total > 0 ? String(total) : null;
}

export interface CiteOptions {
  /** Cite the arXiv preprint even where a published version is known. */
  preprint?: boolean;
}

const ENTRY_TYPE = { journal: 'article', conference: 'inproceedings', other: 'misc' } as const;
const VENUE_FIELD = { journal: 'journal', conference: 'booktitle', other: 'howpublished' } as const;

export function toBibtex(papers: readonly SavedPaper[], options: CiteOptions = {}): string {
  const keys = citationKeys(papers);
  return papers
    .map((paper, index) => {
      const published = options.preprint ? null : (paper.published ?? null);
      const lines = [`@${published ? ENTRY_TYPE[published.kind] : 'misc'}{${keys[index]},`, field('title', texEscape(paper.title))];
      if (paper.authors.length > 0) lines.push(field('author', paper.authors.map((name) => bibtexName(name)).join(' and ')));
      const year = published?.year ?? yearOf(paper);
      if (year) lines.push(field('year', String(year)));
      if (published) {
        lines.push(field(VENUE_FIELD[published.kind], texEscape(published.venue)));
        const volume = published.volume && bibVolume(published.volume);
        if (volume) lines.push(field('volume', volume));
        if (published.kind === 'journal' && published.number) lines.push(field('number', texEscape(published.number)));
        if (published.pages) lines.push(field('pages', texEscape(published.pages).replace(/-+/g, '--')));
        // biblatex's article has no publisher; a proceedings paper does.
        if (published.kind !== 'journal' && published.publisher) lines.push(field('publisher', texEscape(published.publisher)));
      }
      if (paper.arxivId) {
        lines.push(field('eprint', paper.arxivId), field('archivePrefix', 'arXiv'));
        if (paper.primaryCategory) lines.push(field('primaryClass', texEscape(paper.primaryCategory)));
        lines.push(field('url', `https://arxiv.org/abs/${paper.arxivId}`));
      }
      // doi is a verbatim field for biber: not escaped, but nothing that would end the value or start a comment.
      const doi = published?.doi ?? paper.doi;
      if (doi) lines.push(field('doi', doi.replace(/[{}%\s\\]/g, '')));
      // Printed in the bibliography: whoever reads the reference learns the paper was withdrawn or retracted.
      const note = paperRemarks(paper).join('. ');
      if (note) lines.push(field('note', texEscape(note)));
      return `${lines.join('\n')}\n}\n`;
    })
    .join('\n');
}
