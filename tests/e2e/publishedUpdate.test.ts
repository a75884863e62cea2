// The library's "Update to published versions" in real Chromium, against DBLP and Crossref as
// recorded (fixtures/publishedWorld.ts): the browser's prompt for their hosts accepted as a reader
// does, progress to the end, a result per paper with how it is known, the traps refused, a
// retraction marked, accept and undo, and a BibTeX export that three parsers read back.

import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toJson } from '../../lib/core/saved/exporters';
import type { SavedPaper } from '../../lib/core/saved/model';
import { betterBibtex, biber, citationJs } from '../fixtures/bibJudges';
import { PUBLISHED_PAPERS, RETRACTED_DOI } from '../fixtures/publishedWorld';
import { acceptPermissionPrompt, launch, type Harness, type PromptState } from './harness';

const saved = (key: string, title: string, authors: string[], year: number, savedAt: number): SavedPaper => ({
  key, arxivId: key.startsWith('doi:') ? null : key, version: 1, title, authors, abstract: null, publicationDate: null, year,
  primaryCategory: null, doi: key.startsWith('doi:') ? key.slice(4) : null, citationCount: null, savedAt, tags: [], note: '', status: 'to-read',
});
const PAPERS = [
  saved(PUBLISHED_PAPERS.chemistryTools, 'Augmenting large language models with chemistry tools', ['Andres M. Bran', 'Sam Cox'], 2023, 6),
  saved(PUBLISHED_PAPERS.acer, 'Sample Efficient Actor-Critic with Experience Replay', ['Ziyu Wang', 'Victor Bapst'], 2016, 5),
  saved(PUBLISHED_PAPERS.paperQa, 'PaperQA: Retrieval-Augmented Generative Agent for Scientific Research', ['Jakub Lála', 'Andrew D. White'], 2023, 4),
  saved('doi:10.5555/attention-copy', 'Attention Is All You Need', ['Ashish Vaswani', 'Jakob Uszkoreit'], 2017, 3),
  saved('2209.01234', 'Banach Space Valued Neural Network - Ordinary and Fractional Approximation and Interpolation', ['George A. Anastassiou'], 2022, 2),
  saved(`doi:${RETRACTED_DOI}`, 'A PLoS ONE paper', ['Someone Else'], 2012, 1),
];

let harness: Harness;
beforeAll(async () => {
  // Headed on the X display: the browser's permission prompt is a native window.
  harness = await launch({ headless: false });
});
afterAll(async () => harness?.close());

describe('update to published versions in real Chromium', () => {
  it('asks for the hosts, checks every paper within the limits, and changes a venue only on the reader’s click', async () => {
    const library = await harness.context.newPage();
    await library.goto(`chrome-extension://${harness.extensionId}/library.html`);
    await library.locator('input[type="file"]').setInputFiles({ name: 'papers.json', mimeType: 'application/json', buffer: Buffer.from(toJson(PAPERS)) });
    await expect.poll(() => library.locator('.ss-saved-item').count(), { timeout: 10_000 }).toBe(PAPERS.length);

    const origins = ['https://dblp.org/*', 'https://api.crossref.org/*'];
    await acceptPermissionPrompt(
      () => library.getByRole('button', { name: /^Update to published versions/ }).click(),
      async () => ((await library.evaluate((asked) => chrome.permissions.contains({ origins: asked }), origins)) ? 'granted' : 'pending') as PromptState,
    );
    const panel = library.locator('.ss-published-run');
    await expect.poll(async () => [await panel.locator('progress').evaluate((bar: HTMLProgressElement) => bar.value).catch(() => -1), await panel.getByRole('button', { name: 'Stop' }).count()], { timeout: 60_000 }).toEqual([6, 0]);
    expect(await panel.locator('progress').evaluate((bar: HTMLProgressElement) => [bar.value, bar.max])).toEqual([6, 6]);
    const text = (await panel.textContent()) ?? '';
    expect(text).toContain('6 of 6 checked');
    expect(text).toContain('3 with a published version to accept, 0 already up to date, 3 with no published version found, 1 retracted or withdrawn');
    expect(text).toContain('ICLR 2017 (matched on DBLP by title and authors (record conf/iclr/0001BHMMKF17))');
    expect(text).toContain('Nat Mach Intell 2024 (asserted by Semantic Scholar (paper 354dcdebf3f8b5feeed5c62090e0bc1f0c28db06); details from Crossref)');
    // The title traps came to nothing: no offer for them.
    expect(await panel.locator('.ss-published-offer', { hasText: 'Attention Is All You Need' }).count()).toBe(0);
    expect(await panel.locator('.ss-published-offer', { hasText: 'Banach' }).count()).toBe(0);
    // DBLP was asked at most once a second, never for arXiv's DOI at Crossref.
    expect(harness.limits.dblpBursts).toBe(0);
    expect(harness.apiRequests.filter((request) => request.url.startsWith('https://dblp.org/')).length).toBeGreaterThanOrEqual(4);
    expect(harness.apiRequests.some((request) => request.url.startsWith('https://api.crossref.org/works/10.48550'))).toBe(false);

    // The retraction is marked in the list at once; no venue changed yet.
    const row = (title: string) => library.locator('.ss-saved-item', { hasText: title });
    await expect.poll(() => row('A PLoS ONE paper').locator('.ss-withdrawn').textContent(), { timeout: 10_000 }).toBe('retracted');
    expect(await library.locator('.ss-saved-item .ss-venue').count()).toBe(0);

    // Accept one, undo it, then accept all.
    await panel.getByRole('button', { name: 'Accept for Sample Efficient Actor-Critic with Experience Replay' }).click();
    await expect.poll(() => row('Sample Efficient').locator('.ss-venue').textContent(), { timeout: 10_000 }).toBe('ICLR 2017');
    await panel.getByRole('button', { name: 'Undo for Sample Efficient Actor-Critic with Experience Replay' }).click();
    await expect.poll(() => row('Sample Efficient').locator('.ss-venue').count(), { timeout: 10_000 }).toBe(0);
    await panel.getByRole('button', { name: 'Accept all 3 found' }).click();
    await expect.poll(() => library.locator('.ss-saved-item .ss-venue').count(), { timeout: 10_000 }).toBe(3);

    // The BibTeX export cites the published versions; three parsers read the venue fields back.
    const download = library.waitForEvent('download');
    await library.getByRole('button', { name: 'BibTeX' }).click();
    const bib = readFileSync(await (await download).path(), 'utf8');
    const { entries, errors } = betterBibtex(bib);
    expect(errors).toEqual([]);
    const acer = entries.find((entry) => entry.fields.title === 'Sample Efficient Actor-Critic with Experience Replay')!;
    expect([acer.type, acer.fields.booktitle, acer.fields.publisher, acer.fields.eprint]).toEqual(['inproceedings', '5th International Conference on Learning Representations, ICLR 2017, Toulon, France, April 24-26, 2017, Conference Track Proceedings', ['OpenReview.net'], PUBLISHED_PAPERS.acer]);
    const chemistry = entries.find((entry) => entry.fields.eprint === PUBLISHED_PAPERS.chemistryTools)!;
    expect([chemistry.type, chemistry.fields.journal, chemistry.fields.volume, chemistry.fields.number, chemistry.fields.pages, chemistry.fields.doi]).toEqual(['article', 'Nature Machine Intelligence', '6', '5', '525–535', '10.1038/s42256-024-00832-8']);
    const retracted = entries.find((entry) => entry.fields.title === 'A PLoS ONE paper')!;
    expect([retracted.type, retracted.fields.journal]).toEqual(['article', 'PLoS ONE']);
    expect(retracted.fields.note).toBe('Retracted (Crossref, Retraction Watch: retraction notice 10.1371/journal.pone.0099999)');
    const csl = await citationJs(bib);
    expect(csl.find((entry) => entry.title === 'Augmenting large language models with chemistry tools')).toMatchObject({ type: 'article-journal', 'container-title': 'Nature Machine Intelligence', volume: '6', issue: '5', page: '525-535' });
    expect(csl.find((entry) => entry.title === 'Sample Efficient Actor-Critic with Experience Replay')).toMatchObject({ type: 'paper-conference', publisher: 'OpenReview.net' });
    expect(biber(bib)).toEqual({ problems: [], entries: PAPERS.length });
    await library.close();
  }, 120_000);
});

declare const chrome: { permissions: { contains(permissions: { origins: string[] }): Promise<boolean> } };
