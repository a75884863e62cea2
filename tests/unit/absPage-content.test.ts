import { instantGates } from '../fixtures/gates';
import { rootOf } from '../../lib/page/shadow';
import { beforeEach, describe, expect, it } from 'vitest';
import { annotateEntries } from '../../lib/page/annotate';
import type { AnnotateDeps } from '../../lib/page/annotation';
import { createBackground } from '../../lib/background';
import { openDatabase } from '../../lib/background/store/db';
import { extractAbsPage as extractAbs } from '../../lib/core/sites/arxiv/abs';
import type { PageEntry } from '../../lib/core/sites/types';
import { renderAbsPage } from '../fixtures/arxivAbs';
import { recordedFetch } from '../fixtures/recordedApi';
import { hiperRecord } from '../fixtures/seedWorld';

const URL_ = 'https://arxiv.org/abs/2602.16165';

beforeEach(() => {
  const doc = new DOMParser().parseFromString(renderAbsPage(hiperRecord), 'text/html');
  document.head.innerHTML = doc.head.innerHTML;
  document.body.innerHTML = doc.body.innerHTML;
});

async function recordedDeps() {
  const db = await openDatabase(`content-${Math.random()}`);
  const service = createBackground({ db: async () => db, fetch: recordedFetch(), gates: instantGates() });
  return { doc: document, css: '', papers: service.papers, authorCard: service.authorCard };
}

const chipTexts = () =>
  [...document.querySelectorAll('scholarscope-chip')].map((host) => rootOf(host)!.querySelector('.ss-chip')!.textContent);

const ABS = { badges: false, eagerChips: true };
/** The abstract page's paper: the one entry the page gives. */
const extractAbsPage = (doc: Document, url: string) => extractAbs(doc, url)?.entries[0] ?? null;
const annotateAbsPage = (entry: PageEntry, deps: AnnotateDeps) => annotateEntries([entry], deps, ABS);

describe('annotating an abstract page', () => {
  it('puts a chip after each author link, inside a shadow root, with the recorded numbers', async () => {
    const context = extractAbsPage(document, URL_)!;
    await annotateAbsPage(context, await recordedDeps());
    const links = [...document.querySelectorAll('div.authors a')];
    expect(links).toHaveLength(7);
    for (const link of links) expect(link.nextElementSibling!.tagName).toBe('SCHOLARSCOPE-CHIP');
    expect(chipTexts()[0]).toBe('h 5 · 74');
    expect(chipTexts()).toHaveLength(7);
    // Nothing of ours outside shadow roots but the hosts.
    expect(document.querySelectorAll('div.authors .ss-chip')).toHaveLength(0);
  });

  it('does not annotate twice', async () => {
    const deps = await recordedDeps();
    await annotateAbsPage(extractAbsPage(document, URL_)!, deps);
    await annotateAbsPage(extractAbsPage(document, URL_)!, deps);
    expect(document.querySelectorAll('scholarscope-chip')).toHaveLength(7);
  });

  it('shows a loading chip at once, then an error chip when the background fails', async () => {
    let fail!: (error: Error) => void;
    const pending = annotateAbsPage(extractAbsPage(document, URL_)!, {
      doc: document,
      css: '',
      papers: () => new Promise((_, reject) => (fail = reject)),
      authorCard: () => Promise.reject(new Error('unused')),
    });
    expect(chipTexts()[0]).toBe('…');
    fail(new Error('api.semanticscholar.org answered 503'));
    await pending;
    const chip = rootOf(document.querySelector('scholarscope-chip')!)!.querySelector('.ss-chip')!;
    expect(chip.textContent).toBe('!');
    expect(chip.getAttribute('aria-label')).toContain('answered 503');
    expect(chip.getAttribute('aria-label')).toMatch(/Try again$/);
    expect(chip.tagName).toBe('BUTTON');
  });

  it('marks every author unknown when the source does not know the paper', async () => {
    await annotateAbsPage(extractAbsPage(document, URL_)!, {
      doc: document,
      css: '',
      papers: async () => ({ '2602.16165': null }),
      authorCard: () => Promise.reject(new Error('unused')),
    });
    expect(new Set(chipTexts())).toEqual(new Set(['?']));
  });

  it('opens the hover card when a name gets focus and closes it with Escape', async () => {
    await annotateAbsPage(extractAbsPage(document, URL_)!, await recordedDeps());
    const link = document.querySelector<HTMLAnchorElement>('div.authors a')!;
    link.focus();
    const host = document.querySelector('scholarscope-card')!;
    const frame = rootOf(host)!.querySelector<HTMLElement>('.ss-popover')!;
    expect(frame.hidden).toBe(false);
    expect(frame.getAttribute('aria-label')).toBe('Author card: Zhaoran Wang');
    await expect.poll(() => frame.querySelector('.ss-name')?.textContent).toBe('Zhaoran Wang');
    link.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(frame.hidden).toBe(true);
    expect(document.activeElement).toBe(link);
  });
});
