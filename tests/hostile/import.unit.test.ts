// Import bombs: files built to exhaust time or memory are refused before the work, with a clear
// error, and nothing in the list changes.

import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseRequest } from '../../lib/core/protocol';
import { createBackground } from '../../lib/background';
import { openDatabase } from '../../lib/background/store/db';
import { JSON_FORMAT } from '../../lib/core/saved/exporters';
import { ImportError, MAX_IMPORT_BYTES, MAX_IMPORT_PAPERS, MAX_JSON_DEPTH, readImport } from '../../lib/core/saved/importer';
import { UPLOAD_MAX_PARTS, UPLOAD_PART_CHARS } from '../../lib/core/protocol/saved';
import { instantGates } from '../fixtures/gates';
import { recordedFetch } from '../fixtures/recordedApi';

afterEach(() => vi.restoreAllMocks());

const header = `{"format": "${JSON_FORMAT}", "version": 1, "papers": `;

describe('import bombs', () => {
  it('refuses a file over the size limit before parsing it, in the background and in the message checks', () => {
    // The real limit (512 MB, past anything export writes) is too big for a unit test's memory; the check is the same at 10 MB.
    const bomb = header + '['.padEnd(10 * 1024 * 1024, ' ') + ']}';
    const parse = vi.spyOn(JSON, 'parse');
    expect(() => readImport(bomb, 0, 10 * 1024 * 1024)).toThrow(new ImportError('The file is larger than 10 MB, more than any ScholarScope export'));
    expect(parse).not.toHaveBeenCalled();
    // A file crosses the message channel in parts of bounded size and number.
    expect(parseRequest({ type: 'uploadPart', upload: 'abcdefgh12', index: 0, total: 1, text: 'x'.repeat(UPLOAD_PART_CHARS + 1) })).toEqual({ error: `A part of a file is text of at most ${UPLOAD_PART_CHARS} characters` });
    expect(parseRequest({ type: 'uploadPart', upload: 'abcdefgh12', index: 0, total: UPLOAD_MAX_PARTS + 1, text: '' })).toEqual({ error: `A file arrives in 1 to ${UPLOAD_MAX_PARTS} parts` });
    expect(UPLOAD_MAX_PARTS * UPLOAD_PART_CHARS).toBeGreaterThanOrEqual(MAX_IMPORT_BYTES);
  });

  it('refuses a million entries by their count, before reading any of them', () => {
    const million = header + `[${Array.from({ length: 1_000_000 }, () => '0').join(',')}]}`;
    expect(million.length).toBeLessThan(10 * 1024 * 1024);
    expect(() => readImport(million)).toThrow(`The export has more than ${MAX_IMPORT_PAPERS} papers`);
  });

  it('refuses deeply nested JSON before parsing it', () => {
    const parse = vi.spyOn(JSON, 'parse');
    for (const nested of [header + '['.repeat(1_000_000) + ']'.repeat(1_000_000) + '}', '{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000)]) {
      expect(() => readImport(nested)).toThrow(`This JSON is nested more than ${MAX_JSON_DEPTH} levels deep; a ScholarScope export is not`);
    }
    expect(parse).not.toHaveBeenCalled();
  });

  it('does not count brackets inside strings as nesting', () => {
    const note = '['.repeat(200) + '{'.repeat(200);
    const file = header + `[{"key": "1810.04805", "arxivId": "1810.04805", "version": 2, "title": "BERT", "authors": ["Jacob Devlin"], "abstract": null, "publicationDate": null, "year": 2018, "primaryCategory": "cs.CL", "doi": null, "citationCount": null, "savedAt": 1, "tags": [], "note": ${JSON.stringify(note + '\\"')}, "status": "read"}]}`;
    expect(readImport(file)[0]!.note).toBe(note + '\\"');
  });

  it('refuses a BibTeX file of too many entries with a clear error', () => {
    const bib = Array.from({ length: MAX_IMPORT_PAPERS + 1 }, (_, i) => `@misc{k${i}, eprint = {1810.04805}}`).join('\n');
    expect(() => readImport(bib)).toThrow(/BibTeX cannot be read: .*/);
  });

  it('leaves the list as it was after every refused file', async () => {
    const db = await openDatabase(`bombs-${Math.random()}`);
    const service = createBackground({ db: async () => db, fetch: recordedFetch(), gates: instantGates() });
    await service.saved.save('1810.04805', { title: 'BERT', authors: ['Jacob Devlin'], version: 2, primaryCategory: 'cs.CL' });
    for (const bomb of [header + '['.repeat(5000) + ']'.repeat(5000) + '}', header + `[${'0,'.repeat(30_000)}0]}`, 'not a file at all']) {
      await expect(service.saved.importFile(bomb)).rejects.toBeInstanceOf(ImportError);
    }
    expect((await service.saved.list()).papers.map((p) => p.key)).toEqual(['1810.04805']);
  });
});
