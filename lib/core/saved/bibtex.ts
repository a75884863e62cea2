// BibTeX in arXiv's own style (@misc with eprint, archivePrefix, primaryClass), readable by both
// BibTeX (8-bit: accents become TeX accent commands) and Biber, with TeX's special characters
// escaped and stable citation keys.

import type { SavedPaper } from './model';

// Letters with a combining accent -> the TeX accent command that makes them.
const ACCENT_COMMANDS: Record<string, string> = {
  '\u0301': "'", '\u0300': '`', '\u0302': '^', '\u0308': '"', '\u0303': '~', '\u0304': '=', '\u0307': '.',
  '\u0306': 'u', '\u030C': 'v', '\u030B': 'H', '\u0327': 'c', '\u0328': 'k', '\u030A': 'r', '\u0323': 'd',
};
const LETTERS: Record<string, string> = {
  ß: '{\\ss}', ø: '{\\o}', Ø: '{\\O}', æ: '{\\ae}', Æ: '{\\AE}', œ: '{\\oe}', Œ: '{\\OE}', ł: '{\\l}', Ł: '{\\L}', ı: '{\\i}', đ: '{\\dj}', Đ: '{\\DJ}',
};
const SPECIAL: Record<string, string> = {
  '\\': '{\\textbackslash}', '{': '\\{', '}': '\\}', '%': '\\%', '&': '\\&', '_': '\\_', '#': '\\#', $: '\\$', '~': '{\\textasciitilde}', '^': '{\\textasciicircum}',
};

/** Text as a BibTeX field value: special characters escaped, accented letters as `{\'a}`. */
export function texEscape(text: string): string {
  let out = '';
  for (const cluster of text.normalize('NFD').match(/\P{M}\p{M}*/gu) ?? []) {
    const base = cluster[0] as string;
    const marks = cluster.slice(1);
    if (SPECIAL[base] !== undefined) {
      out += SPECIAL[base];
      continue;
    }
    if (LETTERS[cluster.normalize('NFC')] !== undefined) {
      out += LETTERS[cluster.normalize('NFC')];
      continue;
    }
    let piece = base === 'i' && marks ? '\\i' : base;
    for (const mark of marks) {
      const command = ACCENT_COMMANDS[mark];
      // A mark with no TeX command is kept as it is: Biber reads it, BibTeX passes it through.
      piece = command ? `{\\${command}${/^[A-Za-z]$/.test(command) ? ' ' : ''}${piece}}` : piece + mark;
    }
    out += piece;
  }
  // Control characters and line breaks have no place in a field.
  return out.replace(/[\u0000-\u001f\u007f]+/g, ' ').replace(/\s+/g, ' ').trim();
}

/** `Jacob Devlin` -> `Devlin, Jacob`; a single name stays as it is. */
export function bibtexName(name: string): string {
  const parts = name.trim().split(/\s+/);
  if (parts.length < 2) return name.trim();
  const last = parts.pop() as string;
  return `${last}, ${parts.join(' ')}`;
}

function asciiWord(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[^A-Za-z0-9]/g, '').toLowerCase();
}

const STOP_WORDS = new Set(['a', 'an', 'the', 'on', 'of', 'in', 'for', 'and', 'to', 'with', 'from', 'towards', 'toward']);

/** `devlin2018bert`: first author's surname, year, first meaningful title word (ASCII only). */
export function citationKey(paper: SavedPaper): string {
  const surname = asciiWord((paper.authors[0] ?? 'anonymous').trim().split(/\s+/).pop() ?? '') || 'anonymous';
  const year = paper.year ?? (paper.publicationDate ? Number(paper.publicationDate.slice(0, 4)) : null);
  const word = paper.title.split(/\s+/).map(asciiWord).find((w) => w.length > 0 && !STOP_WORDS.has(w)) ?? '';
  return `${surname}${year ?? ''}${word}`;
}

/** Keys for a list: the same paper always gets the same key; clashes get a, b, c… in list order. */
export function citationKeys(papers: readonly SavedPaper[]): string[] {
  const seen = new Map<string, number>();
  return papers.map((paper) => {
    const base = citationKey(paper);
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    return count === 0 ? base : `${base}${String.fromCharCode(96 + count)}`;
  });
}

function field(name: string, value: string): string {
  return `  ${name.padEnd(13)} = {${value}},`;
}

export function toBibtex(papers: readonly SavedPaper[]): string {
  const keys = citationKeys(papers);
  return papers
    .map((paper, index) => {
      const lines = [`@misc{${keys[index]},`, field('title', texEscape(paper.title))];
      if (paper.authors.length > 0) lines.push(field('author', paper.authors.map((name) => texEscape(bibtexName(name))).join(' and ')));
      const year = paper.year ?? (paper.publicationDate ? Number(paper.publicationDate.slice(0, 4)) : null);
      if (year) lines.push(field('year', String(year)));
      if (paper.arxivId) {
        lines.push(field('eprint', paper.arxivId), field('archivePrefix', 'arXiv'));
        if (paper.primaryCategory) lines.push(field('primaryClass', texEscape(paper.primaryCategory)));
        lines.push(field('url', `https://arxiv.org/abs/${paper.arxivId}`));
      }
      // doi is a verbatim field for Biber: not escaped, but nothing that would end the value or start a comment.
      if (paper.doi) lines.push(field('doi', paper.doi.replace(/[{}%\s]/g, '')));
      return `${lines.join('\n')}\n}\n`;
    })
    .join('\n');
}
