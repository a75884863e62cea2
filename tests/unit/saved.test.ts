import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { toBibtex } from '../../lib/core/saved/bibtex';
import { toJson } from '../../lib/core/saved/exporters';
import { ImportError, mergeSaved, MAX_IMPORT_BYTES, readImport } from '../../lib/core/saved/importer';
import { createBackground } from '../../lib/background';
import { MAX_UPLOADS } from '../../lib/background/uploads';
import { openDatabase, type Database } from '../../lib/background/store/db';
import { instantGates } from '../fixtures/gates';
import { recordedFetch } from '../fixtures/recordedApi';
import { seed } from '../fixtures/seedWorld';
import { CAPS } from '../../lib/background/store/cache';
import type { SavedPaper } from '../../lib/core/saved/model';

/** A saved paper known only by DOI, the i-th of a kind. */
function sample(i: number): SavedPaper {
  return { key: `doi:10.5555/sample.${i}`, arxivId: null, version: null, title: `Sample ${i}`, authors: ['A. Person'], abstract: null, publicationDate: null, year: 2024, primaryCategory: null, doi: `10.5555/sample.${i}`, citationCount: null, savedAt: i, tags: [], note: '', status: 'to-read' };
}

let db: Database;
let clock = Date.UTC(2026, 10, 24);
beforeEach(async () => (db = await openDatabase(`saved-${Math.random()}`)));
afterEach(() => db.close());

const page = { title: 'From the page', authors: ['A. Person'], version: 1, primaryCategory: 'cs.LG' };
const serviceWith = () => createBackground({ db: async () => db, fetch: recordedFetch(), now: () => clock, gates: instantGates() });

describe('saved list', () => {
  it('snapshots what the cache knows, falls back to the page, and keeps the reader data when saved again', async () => {
    const service = serviceWith();
    await service.papers(['2602.16165']);
    const hiper = await service.saved.save('2602.16165', page);
    expect(hiper).toMatchObject({ title: seed.publications[0]!.title, version: 1, publicationDate: '2026-02-18', primaryCategory: 'cs.LG', status: 'to-read' });
    expect(hiper.authors.slice(0, 5)).toEqual(seed.publications[0]!.authorsShown);
    const unknown = await service.saved.save('1810.04805', page);
    expect(unknown).toMatchObject({ title: 'From the page', authors: ['A. Person'] });
    await service.saved.update(['2602.16165'], { tags: ['rl', 'rl', ' agents '], note: 'read section 3', status: 'reading' });
    clock += 1000;
    const again = await service.saved.save('2602.16165', { ...page, version: 2 });
    expect(again).toMatchObject({ version: 2, tags: ['rl', 'agents'], note: 'read section 3', status: 'reading', savedAt: hiper.savedAt });
    expect(await service.saved.which(['2602.16165', '2601.18217', '1810.04805'])).toEqual(['2602.16165', '1810.04805']);
  });

  it('saving from five tabs at once loses nothing', async () => {
    const service = serviceWith();
    const keys = ['2602.16165', '2602.05381', '2601.18217', '1810.04805', 'hep-th/9108002'];
    await Promise.all(keys.map((key) => service.saved.save(key, page)));
    expect((await service.saved.list()).papers.map((p) => p.key).sort()).toEqual([...keys].sort());
  });

  it('removes with undo', async () => {
    const service = serviceWith();
    await service.saved.save('1810.04805', page);
    await service.saved.update(['1810.04805'], { tags: ['keep'] });
    const removed = await service.saved.remove(['1810.04805', '2601.18217']);
    expect(removed.map((p) => p.key)).toEqual(['1810.04805']);
    expect((await service.saved.list()).papers).toEqual([]);
    await service.saved.restore(removed);
    expect((await service.saved.list()).papers[0]).toMatchObject({ key: '1810.04805', tags: ['keep'] });
  });

  it('survives clearing the cache', async () => {
    const service = serviceWith();
    await service.saved.save('1810.04805', page);
    await service.clearCache();
    expect((await service.saved.list()).papers).toHaveLength(1);
  });
});

describe('the library\'s pages', () => {
  const everything = { text: '', tag: null, status: null, sort: 'saved' } as const;
  it('answers a woken worker\'s opening page from the savedAt index, then the whole answer from its index', async () => {
    const papers = Array.from({ length: 30 }, (_, i) => ({ ...sample(i), tags: i % 10 === 0 ? ['rl'] : [], abstract: 'Long text. '.repeat(50) }));
    const tx = db.transaction('saved', 'readwrite');
    for (const paper of papers) void tx.store.put(paper);
    // One damaged record, which only the whole answer names.
    void tx.store.put({ key: 'doi:10.5555/broken', savedAt: 99 } as unknown as SavedPaper);
    await tx.done;
    const service = serviceWith();
    const opening = await service.saved.query(everything, 0, 10);
    expect(opening.partial).toBe(true);
    // The newest saved first (the damaged record skipped), without abstracts, and every key.
    expect(opening.papers.map((paper) => paper.key)).toEqual(papers.slice(21).reverse().map((paper) => paper.key));
    expect(opening.papers.some((paper) => 'abstract' in paper)).toBe(false);
    expect(opening.keys).toHaveLength(31);
    const whole = await service.saved.query(everything, 0, 10);
    expect(whole.partial).toBeUndefined();
    expect(whole.papers.map((paper) => paper.key)).toEqual(papers.slice(20).reverse().map((paper) => paper.key));
    expect(whole).toMatchObject({ total: 30, matching: 30, tags: ['rl'], unreadable: ['doi:10.5555/broken'] });
    // A search is answered from the index, never partly.
    const found = await service.saved.query({ ...everything, text: 'sample 27' }, 0, 10);
    expect(found.papers.map((paper) => paper.key)).toEqual(['doi:10.5555/sample.27']);
    expect(found.partial).toBeUndefined();
  });
});

describe('import', () => {
  it('round-trips its own JSON without loss, merging versions of the same paper', async () => {
    const first = serviceWith();
    await first.saved.save('2602.16165', page);
    await first.saved.update(['2602.16165'], { tags: ['a'], note: 'one', status: 'read' });
    await first.saved.save('1810.04805', page);
    const exported = toJson((await first.saved.list()).papers);

    const other = await openDatabase(`saved-other-${Math.random()}`);
    const second = createBackground({ db: async () => other, fetch: recordedFetch(), now: () => clock, gates: instantGates() });
    await second.saved.save('2602.16165', { ...page, version: 2 });
    await second.saved.update(['2602.16165'], { tags: ['b'], note: 'two' });
    expect(await second.saved.importFile(exported)).toEqual({ added: 1, merged: 1 });
    const merged = (await second.saved.list()).papers.find((p) => p.key === '2602.16165')!;
    expect(merged).toMatchObject({ version: 2, tags: ['b', 'a'], note: 'two\n\none', status: 'read' });
    other.close();
  });

  it('reads BibTeX with arXiv entries, ours and others', () => {
    const ours = toBibtex([{ key: '1810.04805', arxivId: '1810.04805', version: 2, title: 'BERT', authors: ['Jacob Devlin'], abstract: null, publicationDate: null, year: 2018, primaryCategory: 'cs.CL', doi: null, citationCount: null, savedAt: 0, tags: [], note: '', status: 'to-read' }]);
    const theirs = '@article{x, title={Journal Paper}, author={Duflo, Esther}, doi={10.2139/SSRN.2250500}, year=2013}\n@book{y, title={No ids}}';
    const papers = readImport(ours + '\n' + theirs, 5);
    expect(papers.map((p) => [p.key, p.title, p.authors])).toEqual([
      ['1810.04805', 'BERT', ['Jacob Devlin']],
      ['doi:10.2139/ssrn.2250500', 'Journal Paper', ['Esther Duflo']],
    ]);
  });

  it.each([
    ['not json', '{"format": "scholarscope-saved-papers", "version": 1, "papers": [', /not JSON/],
    ['another format', '{"format": "zotero", "papers": []}', /not a ScholarScope saved-papers export/],
    ['a newer version', '{"format": "scholarscope-saved-papers", "version": 9, "papers": []}', /newer version \(9\)/],
    ['a bad paper', '{"format": "scholarscope-saved-papers", "version": 1, "papers": [{"key": "<script>"}]}', /Paper 1: "<script>" is not an arXiv id/],
    ['a damaged arXiv id', toJson([{ key: '1810.04805', arxivId: '../../login', version: 1, title: 'T', authors: [], abstract: null, publicationDate: null, year: null, primaryCategory: null, doi: null, citationCount: null, savedAt: 0, tags: [], note: '', status: 'to-read' }]), /Paper 1: arxivId "..\/..\/login" is not an arXiv id/],
    ['a bad status', JSON.stringify({ format: 'scholarscope-saved-papers', version: 1, papers: [{ key: '1810.04805', status: 'gone' }] }), /Paper 1: status/],
    ['neither', 'hello', /neither a ScholarScope JSON export nor BibTeX/],
    ['broken BibTeX', '@misc{k, title = {open', /cannot be read: .*never closed/],
    ['BibTeX without ids', '@book{y, title={No ids}}', /no arXiv entries and no DOIs/],
  ])('refuses %s with a clear reason', (_name, content, reason) => {
    expect(() => readImport(content)).toThrow(reason);
    expect(() => readImport(content)).toThrow(ImportError);
  });

  it('refuses a file that is too large before parsing it', () => {
    const parse = vi.spyOn(JSON, 'parse');
    expect(() => readImport(`{${'x'.repeat(1024 * 1024)}}`, 0, 1024 * 1024)).toThrow(/larger than 1 MB/);
    expect(parse).not.toHaveBeenCalled();
    parse.mockRestore();
    expect(MAX_IMPORT_BYTES).toBe(512 * 1024 * 1024);
  });

  it('changes nothing when a file is refused', async () => {
    const service = serviceWith();
    await service.saved.save('1810.04805', page);
    await expect(service.saved.importFile('{"format": "scholarscope-saved-papers", "version": 1, "papers": [{"key": "2602.16165", "status": "read"}]}')).rejects.toThrow(/Paper 1/);
    expect((await service.saved.list()).papers.map((p) => p.key)).toEqual(['1810.04805']);
  });

  it('merges the reader data of two records of one paper', () => {
    const base = readImport(toJson([{ key: '1810.04805', arxivId: '1810.04805', version: 1, title: 'T', authors: [], abstract: null, publicationDate: null, year: null, primaryCategory: null, doi: null, citationCount: null, savedAt: 10, tags: ['x'], note: 'n', status: 'reading' }]))[0]!;
    expect(mergeSaved(base, { ...base, version: 3, savedAt: 20, tags: ['y'], note: 'n', status: 'to-read' })).toMatchObject({ version: 3, savedAt: 10, tags: ['x', 'y'], note: 'n', status: 'reading' });
  });
});

describe('files as big as the list can be', () => {
  it('imports a file sent in parts, and refuses one whose parts did not all arrive (nothing changes)', async () => {
    const db = await openDatabase(`upload-${Math.random()}`);
    const background = createBackground({ db: async () => db, fetch: recordedFetch(), gates: instantGates() });
    const papers = Array.from({ length: 3 }, (_, i) => ({ ...sample(i) }));
    const file = toJson(papers, 0);
    const thirds = [0, 1, 2].map((i) => file.slice((i * file.length) / 3, ((i + 1) * file.length) / 3));
    const sender = { id: 'own' };
    for (const [index, text] of thirds.entries()) await background.handlers.uploadPart({ upload: 'whole0001', index, total: 3, text }, sender);
    expect(await background.handlers.importSaved({ upload: 'whole0001' }, sender)).toEqual({ added: 3, merged: 0 });
    await background.handlers.uploadPart({ upload: 'partial01', index: 0, total: 3, text: thirds[0]! }, sender);
    await expect(background.handlers.importSaved({ upload: 'partial01' }, sender)).rejects.toThrow(/did not arrive whole/);
    await expect(background.handlers.importSaved({ upload: 'neverseen' }, sender)).rejects.toThrow(/did not arrive whole/);
    expect((await background.saved.list()).papers).toHaveLength(3);
  });

  it('keeps at most MAX_UPLOADS files on their way at once, and says so', async () => {
    const db = await openDatabase(`uploads-${Math.random()}`);
    const background = createBackground({ db: async () => db, fetch: recordedFetch(), gates: instantGates() });
    const sender = { id: 'own' };
    for (let i = 0; i < MAX_UPLOADS; i++) await background.handlers.uploadPart({ upload: `upload000${i}`, index: 0, total: 2, text: 'x' }, sender);
    await expect(background.handlers.uploadPart({ upload: 'oneTooMany', index: 0, total: 2, text: 'x' }, sender)).rejects.toThrow(`${MAX_UPLOADS} files are already on their way`);
    // The parts of a file already on its way still arrive; once taken, room for another.
    await background.handlers.uploadPart({ upload: 'upload0000', index: 1, total: 2, text: 'y' }, sender);
    await expect(background.handlers.importSaved({ upload: 'upload0000' }, sender)).rejects.toThrow();
    await background.handlers.uploadPart({ upload: 'nowthereisroom', index: 0, total: 1, text: 'x' }, sender);
  });

  it('refuses to grow the list past its size, in a save or an import, and keeps it as it was', async () => {
    const db = await openDatabase(`full-${Math.random()}`);
    const background = createBackground({ db: async () => db, fetch: recordedFetch(), gates: instantGates(), caps: { ...CAPS, saved: 3 } });
    await background.saved.importFile(toJson([sample(0), sample(1)], 0));
    await expect(background.saved.importFile(toJson([sample(2), sample(3)], 0))).rejects.toThrow('The saved list holds at most 3 papers; remove some first. Nothing changed.');
    expect((await background.saved.list()).papers).toHaveLength(2);
    await background.saved.save('1810.04805', { title: 'BERT', authors: [], version: null, primaryCategory: null });
    await expect(background.saved.save('1411.4413', { title: 'CMS', authors: [], version: null, primaryCategory: null })).rejects.toThrow(/at most 3 papers/);
    // Papers already saved merge whatever the size.
    expect(await background.saved.importFile(toJson([sample(0)], 0))).toEqual({ added: 0, merged: 1 });
  });
});
