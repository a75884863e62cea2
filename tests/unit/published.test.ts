import { readFileSync } from 'node:fs';
import { h, render } from 'preact';
import { describe, expect, it } from 'vitest';
import { RelatedPapers } from '../../components/RelatedPapers';
import { publishedFromArxiv, publishedFromOpenAlex, publishedFromS2, readPublished } from '../../lib/core/published';
import { normaliseOpenAlexWork } from '../../lib/background/sources/openAlex/client';
import { parseAtomEntries } from '../../lib/background/sources/arxiv/client';
import { arxivPaper } from '../../lib/background/sources/arxiv';
import { normalisePaper } from '../../lib/background/sources/semanticScholar/client';
import { bibVolume, toBibtex } from '../../lib/core/saved/bibtex';
import { toJson, toRis } from '../../lib/core/saved/exporters';
import { readImport } from '../../lib/core/saved/importer';
import { createBackground } from '../../lib/background';
import { openDatabase } from '../../lib/background/store/db';
import { loadAbsRecord, renderAbsPage } from '../fixtures/arxivAbs';
import { withdrawnNote } from '../../lib/core/sites/arxiv/shared';
import { extractAbsPage } from '../../lib/core/sites/arxiv/abs';
import { instantGates } from '../fixtures/gates';
import { recordedFetch } from '../fixtures/recordedApi';
import { registerPapers } from '../fixtures/recordedPapers';
import type { SavedPaper } from '../../lib/core/saved/model';
import { EMPTY_QUERY, searchSaved } from '../../lib/core/saved/query';
import { parseRequest } from '../../lib/core/protocol';

// Where a paper was published, as Semantic Scholar's own record asserts it, on real records
// (tests/fixtures/real-api/s2-venues.json) with the traps the services' trackers report.
const records = JSON.parse(readFileSync('tests/fixtures/real-api/s2-venues.json', 'utf8')) as Record<string, Record<string, unknown>>;

describe('the published version Semantic Scholar asserts', () => {
  it('takes a journal article’s journal, not the book its venue names (Turing 1950 in Mind)', () => {
    expect(publishedFromS2(records.turing)).toEqual({
      venue: 'Mind',
      label: 'Mind 1950',
      kind: 'journal',
      year: 1950,
      volume: 'LIX',
      pages: '433-460',
      doi: '10.1093/mind/lix.236.433',
      basis: `asserted by Semantic Scholar (paper ${records.turing!.paperId})`,
    });
  });

  it('reads NeurIPS from the venue of an arXiv paper whose DBLP key is under journals/corr', () => {
    expect(publishedFromS2(records.attention)).toMatchObject({ venue: 'Neural Information Processing Systems', kind: 'conference', year: 2017, pages: '5998-6008', doi: null });
  });

  it('names no published version for a record whose only venue is arXiv', () => {
    expect(publishedFromS2(records.arxiv)).toBeNull();
  });

  it('labels a conference by the short name the source gives it, and never takes arXiv’s DOI as the published one', () => {
    expect(publishedFromS2(records.aaai)).toMatchObject({ label: 'AAAI 2024', kind: 'conference', pages: '23300-23308' });
    expect(publishedFromS2(records.lrec)).toMatchObject({ label: 'LREC 2024', kind: 'conference', doi: null });
    // A proceedings title given as the journal: the conference the venue record names.
    expect(publishedFromS2(records.ictas)).toMatchObject({ venue: 'Conference on Information Communications Technology and Society', label: 'ICTAS 2024', kind: 'conference' });
    // The venue record names the workshop while the journal still says ArXiv.
    expect(publishedFromS2(records.gem)).toMatchObject({ label: 'GEM 2023', kind: 'conference', doi: null });
  });

  it('is read into a paper only when the record was asked for venues; damaged values drop', () => {
    expect(normalisePaper(records.turing)?.published?.venue).toBe('Mind');
    expect(normalisePaper({ paperId: 'x', title: 'T' })).not.toHaveProperty('published');
    expect(normalisePaper(records.arxiv)?.published).toBeNull();
    expect(publishedFromS2({ venue: 42, journal: { name: ['x'] }, year: 'soon' })).toBeNull();
    expect(publishedFromS2({ venue: 'Nature', year: 1e9 })).toMatchObject({ label: 'Nature', year: null });
    expect(readPublished(publishedFromS2(records.turing))).toEqual(publishedFromS2(records.turing));
    expect(readPublished({ venue: 'x', label: 'x', kind: 'book', basis: 'b' })).toBeNull();
  });
});

describe('citing the published version', () => {
  const saved = (published: SavedPaper['published']): SavedPaper => ({
    key: '1706.03762', arxivId: '1706.03762', version: 7, title: 'Attention is All you Need', authors: ['Ashish Vaswani'], abstract: null, publicationDate: '2017-06-12',
    year: 2017, primaryCategory: 'cs.CL', doi: null, citationCount: 1, savedAt: 1, tags: [], note: '', status: 'read', ...(published === undefined ? {} : { published }),
  });

  it('writes @inproceedings with the booktitle and pages, keeps arXiv’s eprint and the key; a preprint on request', () => {
    const neurips = publishedFromS2(records.attention)!;
    const bib = toBibtex([saved(neurips)]);
    expect(bib).toMatch(/^@inproceedings\{vaswani2017attention,/);
    expect(bib).toContain('booktitle     = {Neural Information Processing Systems},');
    expect(bib).toContain('pages         = {5998--6008},');
    expect(bib).toContain('eprint        = {1706.03762},');
    const preprint = toBibtex([saved(neurips)], { preprint: true });
    expect(preprint).toMatch(/^@misc\{vaswani2017attention,/);
    expect(preprint).not.toContain('booktitle');
    // Saved before venues were read, or with none: arXiv's style as before.
    expect(toBibtex([saved(undefined)])).toBe(toBibtex([saved(null)]));
    expect(toBibtex([saved(null)])).toMatch(/^@misc\{/);
    expect(toRis([saved(neurips)])).toContain('TY  - CPAPER');
    expect(toRis([saved(neurips)], { preprint: true })).toContain('TY  - UNPB');
  });

  it('takes volumes as whole numbers, Roman numerals included', () => {
    expect([bibVolume('278'), bibVolume('LIX'), bibVolume('XIV'), bibVolume('12A'), bibVolume('abs/2404.13957')]).toEqual(['278', '59', '14', null, null]);
  });
});

describe('a saved paper keeps its published version', () => {
  it('from the record at hand when saved, through an export and import, and refuses a damaged one', async () => {
    registerPapers([loadAbsRecord('hep-th_9108002')]);
    const db = await openDatabase(`published-${Math.random()}`);
    const service = createBackground({ db: async () => db, fetch: recordedFetch(), gates: instantGates() });
    await service.papers(['hep-th/9108002']);
    const saved = await service.saved.save('hep-th/9108002', { title: 'Hamiltonian construction of W-gravity actions', authors: ['A. Mikovic'], version: 1, primaryCategory: 'hep-th' });
    expect(saved.published).toMatchObject({ label: 'Phys.Lett.B 1992', kind: 'journal', volume: '278', pages: '51-55', doi: '10.1016/0370-2693(92)90710-l' });
    const [back] = readImport(toJson([saved]), 0);
    expect(back!.published).toEqual(saved.published);
    const damaged = JSON.parse(toJson([saved])) as { papers: Record<string, unknown>[] };
    damaged.papers[0]!.published = { venue: 'x' };
    expect(() => readImport(JSON.stringify(damaged), 0)).toThrow('Paper 1: published should be a venue with its label, kind and basis');
  });
});

describe('the library by version', () => {
  it('finds the published papers, or those still preprints as far as the sources say', () => {
    const base = { arxivId: null, version: null, authors: [], publicationDate: null, year: null, primaryCategory: null, doi: null, citationCount: null, savedAt: 1, tags: [], note: '', status: 'to-read' as const };
    const index = [
      { paper: { ...base, key: 'doi:10.1/a', title: 'In Mind', published: publishedFromS2(records.turing) }, text: 'in mind' },
      { paper: { ...base, key: 'doi:10.1/b', title: 'Only arXiv', published: null }, text: 'only arxiv' },
      { paper: { ...base, key: 'doi:10.1/c', title: 'Saved before venues were read' }, text: 'saved before' },
      { paper: { ...base, key: 'doi:10.1/d', title: 'Retracted', published: publishedFromS2(records.turing), retraction: { kind: 'retraction' as const, basis: 'Crossref: retraction notice 10.1/e' } }, text: 'retracted' },
      { paper: { ...base, key: 'doi:10.1/f', title: 'Withdrawn on arXiv', published: null, withdrawn: 'This paper has been withdrawn' }, text: 'withdrawn' },
    ];
    const titles = (version?: 'published' | 'preprint' | 'retracted') => searchSaved(index, { ...EMPTY_QUERY, ...(version ? { version } : {}) }).map((paper) => paper.title);
    expect(titles('published').sort()).toEqual(['In Mind', 'Retracted']);
    expect(titles('preprint').sort()).toEqual(['Only arXiv', 'Saved before venues were read', 'Withdrawn on arXiv']);
    expect(titles('retracted').sort()).toEqual(['Retracted', 'Withdrawn on arXiv']);
    expect(titles()).toHaveLength(5);
    expect(parseRequest({ type: 'savedQuery', query: { ...EMPTY_QUERY, version: 'published' }, offset: 0, limit: 10 })).toMatchObject({ query: { version: 'published' } });
    expect(parseRequest({ type: 'savedQuery', query: { ...EMPTY_QUERY, version: 'retracted?' }, offset: 0, limit: 10 })).toHaveProperty('error');
  });
});

describe('the published version arXiv’s record gives', () => {
  it('takes the journal reference as it stands, its year and the journal DOI, from a real answer of the arXiv API', () => {
    const atom = readFileSync('tests/fixtures/real-api/lukasschwab-arxiv.py__id_list=1111.2011v2.xml', 'utf8');
    const [entry] = parseAtomEntries(atom);
    expect([entry!.journalRef, entry!.doi]).toEqual(['Phys. Rev. B 85, 115117 (2012)', '10.1103/PhysRevB.85.115117']);
    expect(arxivPaper(entry!).published).toEqual({
      venue: 'Phys. Rev. B 85, 115117 (2012)', label: 'Phys. Rev. B 85, 115117 (2012)', kind: 'other', year: 2012, volume: null, pages: null, doi: '10.1103/physrevb.85.115117', basis: 'asserted by arXiv (journal reference)',
    });
    expect(publishedFromArxiv(null, '10.48550/arXiv.1111.2011')).toBeNull();
    expect(publishedFromArxiv('JHEP 0705:090,2007', '10.48550/arXiv.0704.1')).toMatchObject({ year: 2007, doi: null });
  });
});

describe('the published version OpenAlex gives', () => {
  it('takes a published version at a source that is not a repository, from a real work', () => {
    const work = JSON.parse(readFileSync('tests/fixtures/real-api/mmgeorge-papers__work.json', 'utf8')) as Record<string, unknown>;
    expect(publishedFromOpenAlex(work)).toEqual({ venue: 'PeerJ', label: 'PeerJ 2018', kind: 'journal', year: 2018, volume: '6', pages: 'e4375', doi: '10.7717/peerj.4375', basis: 'asserted by OpenAlex (work W2741809807)' });
    expect(normaliseOpenAlexWork(work)?.published?.label).toBe('PeerJ 2018');
    const location = work.primary_location as Record<string, unknown>;
    // The submitted version, or a repository's copy (arXiv's), is no published version.
    expect(publishedFromOpenAlex({ ...work, primary_location: { ...location, version: 'submittedVersion' } })).toBeNull();
    expect(publishedFromOpenAlex({ ...work, primary_location: { ...location, source: { display_name: 'arXiv (Cornell University)', type: 'repository' } } })).toBeNull();
    const { primary_location: _asked, ...notAsked } = work;
    expect(normaliseOpenAlexWork(notAsked)).not.toHaveProperty('published');
  });

  it('reads is_retracted as a retraction mark with its source; the real work (false) gets none', () => {
    const work = JSON.parse(readFileSync('tests/fixtures/real-api/mmgeorge-papers__work.json', 'utf8')) as Record<string, unknown>;
    expect(work.is_retracted).toBe(false);
    expect(normaliseOpenAlexWork(work)).not.toHaveProperty('retraction');
    expect(normaliseOpenAlexWork({ ...work, is_retracted: true })?.retraction).toEqual({ kind: 'retraction', basis: 'OpenAlex marks work W2741809807 retracted' });
  });
});

describe('withdrawn papers, as arXiv says on the page', () => {
  it('reads arXiv’s own withdrawal comment, with or without the abstract kept, and nothing else', () => {
    const withdrawn = loadAbsRecord('0704.0374');
    expect(withdrawnNote(withdrawn.comments ?? '')).toBe('This paper has been withdrawn');
    const kept = /^Comments: (.*)$/m.exec(readFileSync('tests/fixtures/real-api/arXiv-arxiv-browse__0704.0644.abs', 'utf8'))![1]!;
    expect(withdrawnNote(kept)).toBe('This paper has been withdrawn due to an error in Lemma 8');
    expect(withdrawnNote('Withdrawn by the authors: a sign error in eq. 3')).toBe('Withdrawn by the authors: a sign error in eq. 3');
    for (const comments of ['23 pages, 5 figures', 'v2: the claim of v1 is withdrawn in Section 4', 'Comments on withdrawn drugs', '']) expect(withdrawnNote(comments), comments).toBeNull();
  });

  it('marks the entry of a withdrawn paper on its abstract page', () => {
    const record = loadAbsRecord('0704.0374');
    document.body.innerHTML = new DOMParser().parseFromString(renderAbsPage(record), 'text/html').body.innerHTML;
    const page = extractAbsPage(document, `https://arxiv.org/abs/${record.id}`)!;
    expect(page.entries[0]!.withdrawn).toBe('This paper has been withdrawn');
    document.body.innerHTML = new DOMParser().parseFromString(renderAbsPage(loadAbsRecord('hep-th_9108002')), 'text/html').body.innerHTML;
    expect(extractAbsPage(document, 'https://arxiv.org/abs/hep-th/9108002')!.entries[0]!.withdrawn).toBeNull();
  });
});

describe('a paper saved from a page that says it was withdrawn', () => {
  it('keeps arXiv’s comment through the message, the store, an export and an import; a bad one is refused', async () => {
    const page = { title: 'Gravity-induced electric polarization', authors: ['Boris A. Zon'], version: 2, primaryCategory: 'physics.geo-ph', withdrawn: 'This paper has been withdrawn' };
    expect(parseRequest({ type: 'savePaper', key: '0704.0374', page })).toMatchObject({ page: { withdrawn: 'This paper has been withdrawn' } });
    for (const withdrawn of [42, '', 'x'.repeat(301)]) expect(parseRequest({ type: 'savePaper', key: '0704.0374', page: { ...page, withdrawn } })).toHaveProperty('error');
    const db = await openDatabase(`withdrawn-${Math.random()}`);
    const service = createBackground({ db: async () => db, fetch: recordedFetch(), gates: instantGates() });
    const saved = await service.saved.save('0704.0374', page);
    expect(saved.withdrawn).toBe('This paper has been withdrawn');
    expect(readImport(toJson([saved]), 0)[0]!.withdrawn).toBe('This paper has been withdrawn');
    expect(toBibtex([saved])).toContain('note          = {Withdrawn on arXiv: This paper has been withdrawn},');
  });
});

describe('related papers', () => {
  it('show where each was published, as the recommendation record says', () => {
    const attention = normalisePaper(records.attention)!;
    const container = document.createElement('div');
    render(h(RelatedPapers, { state: { status: 'ready', related: { key: '2602.16165', recommended: [attention], citing: [], fetchedAt: 0, usedAt: 0 } }, saved: new Set<string>() }), container);
    const venue = container.querySelector('.ss-related-item .ss-venue')!;
    expect(venue.textContent).toBe('Neural Information Processing Systems 2017');
    expect(venue.getAttribute('aria-label')).toContain('asserted by Semantic Scholar (paper 204e3073870fae3d05bcbc2f6a8e263d9b72e776)');
  });
});
