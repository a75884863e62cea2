// RIS, CSV and JSON for saved papers; BibTeX is in bibtex.ts.

import { paperRemarks, type SavedPaper } from './model';
import { retractionRemark } from '../published';
import { familyWithParticle, splitName } from './names';

function yearOf(paper: SavedPaper): number | null {
  return paper.year ?? (paper.publicationDate ? Number(paper.publicationDate.slice(0, 4)) : null);
}

/** `van der Berg, Jan`, `Smith, John, Jr.`; an organisation as it is (RIS has no way to keep a comma in one name). */
function risName(name: string): string {
  const parts = splitName(name);
  if (parts.literal !== null) return parts.literal;
  return [familyWithParticle(parts), parts.given, parts.suffix].filter(Boolean).join(', ');
}

const RIS_TYPE = { journal: 'JOUR', conference: 'CPAPER', other: 'GEN' } as const;

/**
 * RIS, as Zotero, Mendeley and EndNote read it: the published version where one is known (JOUR with
 * JO, VL, SP, EP; CPAPER with T2), unless the reader cites preprints; preprints as unpublished work (UNPB).
 */
export function toRis(papers: readonly SavedPaper[], options: { preprint?: boolean } = {}): string {
  const line = (tag: string, value: string) => `${tag}  - ${value.replace(/[\r\n]+/g, ' ')}`;
  return papers
    .map((paper) => {
      const published = options.preprint ? null : (paper.published ?? null);
      const lines = [line('TY', published ? RIS_TYPE[published.kind] : paper.arxivId ? 'UNPB' : 'GEN'), line('TI', paper.title)];
      for (const author of paper.authors) lines.push(line('AU', risName(author)));
      if (published) {
        lines.push(line(published.kind === 'journal' ? 'JO' : 'T2', published.venue));
        if (published.volume) lines.push(line('VL', published.volume));
        if (published.kind === 'journal' && published.number) lines.push(line('IS', published.number));
        if (published.publisher) lines.push(line('PB', published.publisher));
        const [start, end] = published.pages?.split(/-+/) ?? [];
        if (start) lines.push(line('SP', start));
        if (end) lines.push(line('EP', end));
      }
      const year = published?.year ?? yearOf(paper);
      if (year) lines.push(line('PY', String(year)));
      if (paper.publicationDate) lines.push(line('DA', paper.publicationDate.replace(/-/g, '/')));
      if (paper.abstract) lines.push(line('AB', paper.abstract));
      if (paper.arxivId) {
        lines.push(line('UR', `https://arxiv.org/abs/${paper.arxivId}`));
        lines.push(line('M1', `arXiv:${paper.arxivId}${paper.version ? `v${paper.version}` : ''}`));
      }
      const doi = published?.doi ?? paper.doi;
      if (doi) lines.push(line('DO', doi));
      for (const tag of paper.tags) lines.push(line('KW', tag));
      for (const remark of paperRemarks(paper)) lines.push(line('N1', remark));
      if (paper.note) lines.push(line('N1', paper.note));
      lines.push('ER  - ');
      return lines.join('\r\n');
    })
    .join('\r\n\r\n')
    .concat('\r\n');
}

// A cell starting with one of these is a formula to a spreadsheet program: never run a title.
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | null): string {
  let text = value === null ? '' : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export const CSV_COLUMNS = ['arxiv_id', 'version', 'doi', 'title', 'authors', 'year', 'date', 'citations', 'tags', 'status', 'note', 'saved_at', 'venue', 'venue_year', 'venue_doi', 'venue_basis', 'withdrawn', 'retraction'] as const;

/** CSV (RFC 4180, CRLF) in UTF-8 with a byte-order mark, so spreadsheet programs read accents right. */
export function toCsv(papers: readonly SavedPaper[]): string {
  const rows = papers.map((paper) =>
    [
      paper.arxivId,
      paper.version,
      paper.doi,
      paper.title,
      paper.authors.join('; '),
      yearOf(paper),
      paper.publicationDate,
      paper.citationCount,
      paper.tags.join('; '),
      paper.status,
      paper.note,
      new Date(paper.savedAt).toISOString(),
      paper.published?.venue ?? null,
      paper.published?.year ?? null,
      paper.published?.doi ?? null,
      paper.published?.basis ?? null,
      paper.withdrawn ?? null,
      paper.retraction ? retractionRemark(paper.retraction) : null,
    ]
      .map(csvCell)
      .join(','),
  );
  return csvDocument([CSV_COLUMNS.join(','), ...rows]);
}

/** CSV (RFC 4180, CRLF) in UTF-8 with a byte-order mark, so spreadsheet programs read accents right. */
export function csvDocument(lines: readonly string[]): string {
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export const JSON_FORMAT = 'scholarscope-saved-papers';
export const JSON_VERSION = 1;

/** Everything, for backup and for moving the list to another browser. */
export function toJson(papers: readonly SavedPaper[], exportedAt: number = Date.now()): string {
  return `${JSON.stringify({ format: JSON_FORMAT, version: JSON_VERSION, exportedAt: new Date(exportedAt).toISOString(), papers }, null, 2)}\n`;
}
