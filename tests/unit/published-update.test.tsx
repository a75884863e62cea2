// The library's panel of an update to published versions: what it says of each paper, and that
// nothing is accepted but by the reader's click.

import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { PublishedUpdate, type PublishedRun } from '../../components/PublishedUpdate';
import type { PublishedOffer } from '../../lib/core/protocol/wire';
import type { PublishedVersion } from '../../lib/core/published';

const venue = (label: string, basis: string): PublishedVersion => ({ venue: label, label, kind: 'conference', year: 2017, volume: null, pages: null, doi: null, basis });
const offer = (key: string, title: string, found: PublishedOffer['found'], published: PublishedVersion | null, current: PublishedVersion | null = null, extra: Partial<PublishedOffer> = {}): PublishedOffer => ({ key, title, found, published, current, retraction: null, skipped: [], checkedAt: 1, ...extra });

function draw(run: PublishedRun) {
  const container = document.createElement('div');
  const calls: string[] = [];
  render(<PublishedUpdate run={run} onAccept={(offers) => calls.push(`accept ${offers.map((o) => o.key).join(',')}`)} onUndo={(key) => calls.push(`undo ${key}`)} onStop={() => calls.push('stop')} onResume={() => calls.push('resume')} onClose={() => calls.push('close')} />, container);
  const button = (name: string) => [...container.querySelectorAll('button')].find((b) => (b.getAttribute('aria-label') ?? b.textContent ?? '').includes(name))!;
  return { container, calls, button };
}

describe('the update to published versions', () => {
  const offers = [
    offer('1611.01224', 'ACER <img src=x onerror=alert(1)>', 'title', venue('ICLR 2017', 'matched on DBLP by title and authors (record conf/iclr/0001BHMMKF17)')),
    offer('1706.03762', 'Attention', 'identifier', venue('NeurIPS 2017', 'asserted by Semantic Scholar'), venue('NeurIPS 2017', 'asserted by Semantic Scholar')),
    offer('2312.07559', 'PaperQA', 'none', null, null, { skipped: ['Crossref was not asked: ScholarScope has no permission for https://api.crossref.org'] }),
    offer('doi:10.1371/x', 'A PLoS paper', 'identifier', null, null, { retraction: { kind: 'retraction', basis: 'Crossref, Retraction Watch: retraction notice 10.1/y' } }),
  ];

  it('shows progress, each result with how it is known, the sources left out, and accepts only on a click', () => {
    const { container, calls, button } = draw({ total: 40, left: 36, running: true, offers, accepted: new Map(), error: null });
    expect(container.querySelector('progress')!.value).toBe(4);
    expect(container.textContent).toContain('4 of 40 checked');
    expect(container.textContent).toContain('1 with a published version to accept, 1 already up to date, 1 with no published version found, 1 retracted or withdrawn');
    expect(container.textContent).toContain('ICLR 2017 (matched on DBLP by title and authors (record conf/iclr/0001BHMMKF17))');
    expect(container.textContent).toContain('Retracted (Crossref, Retraction Watch: retraction notice 10.1/y)');
    expect(container.textContent).toContain('Crossref was not asked');
    // A title from an API is text, never markup.
    expect(container.querySelector('img')).toBeNull();
    expect(calls).toEqual([]);
    button('Accept for ACER').click();
    button('Accept all 1 found').click();
    button('Stop').click();
    expect(calls).toEqual(['accept 1611.01224', 'accept 1611.01224', 'stop']);
  });

  it('offers undo for what was accepted, and resume when stopped', () => {
    const { calls, button, container } = draw({ total: 40, left: 36, running: false, offers, accepted: new Map([['1611.01224', null]]), error: null });
    expect(container.textContent).toContain('(stopped)');
    button('Undo for ACER').click();
    button('Resume (36 left)').click();
    expect(calls).toEqual(['undo 1611.01224', 'resume']);
    expect((button('Accept all') as HTMLButtonElement).disabled).toBe(true);
  });
});

describe('the retraction mark beside a paper', () => {
  it('says retracted, with who says so, in every entry badge', async () => {
    const { EntryBadge } = await import('../../components/PaperBadge');
    const container = document.createElement('div');
    const paper = { arxivId: null, version: null, s2PaperId: null, title: 'T', abstract: null, publicationDate: null, year: 2012, citationCount: 3, authors: [], retraction: { kind: 'retraction' as const, basis: 'OpenAlex marks work W1 retracted' } };
    render(<EntryBadge answer={{ paper, source: 'openalex' }} onRetry={() => undefined} followed={[]} />, container);
    const mark = container.querySelector('.ss-withdrawn')!;
    expect(mark.textContent).toBe('retracted');
    expect(mark.getAttribute('aria-label')).toBe('Retracted (OpenAlex marks work W1 retracted)');
    render(<EntryBadge answer={{ paper: { ...paper, retraction: null }, source: 'openalex' }} onRetry={() => undefined} followed={[]} />, container);
    expect(container.querySelector('.ss-withdrawn')).toBeNull();
  });
});
