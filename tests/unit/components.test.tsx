import { instantGates } from '../fixtures/gates';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it } from 'vitest';
import { AuthorCard } from '../../components/AuthorCard';
import { renderChip } from '../../lib/page/chip';
import { PopupView } from '../../components/PopupView';
import { LIBRARY_PAGE, LibraryView, type LibraryViewProps } from '../../components/LibraryView';
import type { SavedPaper } from '../../lib/core/saved/model';
import { EMPTY_QUERY } from '../../lib/core/saved/query';
import { CompareView } from '../../components/CompareView';
import { PaperTitle } from '../../components/RelatedPapers';
import type { CompareRow } from '../../lib/core/protocol/wire';
import type { Author, AuthorCardData } from '../../lib/core/model';
import { createBackground } from '../../lib/background';
import { openDatabase } from '../../lib/background/store/db';
import { recordedFetch } from '../fixtures/recordedApi';
import { SEED_AUTHOR_ID, seed } from '../fixtures/seedWorld';

let container: HTMLElement;
beforeEach(() => {
  document.body.innerHTML = '';
  container = document.createElement('div');
  document.body.append(container);
});

const NOW = Date.UTC(2026, 10, 24);

async function seedCard(): Promise<AuthorCardData> {
  const db = await openDatabase(`components-${Math.random()}`);
  const service = createBackground({ db: async () => db, fetch: recordedFetch(), now: () => NOW, gates: instantGates() });
  await service.papers(['2602.16165']);
  return service.authorCard(SEED_AUTHOR_ID);
}

const texts = (selector: string) => [...container.querySelectorAll(selector)].map((node) => node.textContent?.trim());

describe('AuthorCard', () => {
  it('shows exactly what the seed profile shows', async () => {
    const data = await seedCard();
    render(<AuthorCard state={{ status: 'ready', data }} now={NOW + 3 * 86_400_000} />, container);
    expect(container.querySelector('.ss-avatar')!.textContent).toBe(seed.author.avatarInitial);
    expect(container.querySelector('.ss-name')!.textContent).toBe('Zhaoran Wang');
    expect(texts('.ss-metric dt')).toEqual(['Total Citations', 'h-index', 'Papers']);
    expect(texts('.ss-metric dd')).toEqual(['74', '5', '3']);
    const items = [...container.querySelectorAll('.ss-pub')];
    expect(items).toHaveLength(seed.publications.length);
    seed.publications.forEach((publication, index) => {
      const item = items[index]!;
      expect(item.querySelector('.ss-rank')!.textContent).toBe(`#${publication.rank}`);
      expect(item.querySelector('.ss-arxiv-id')!.textContent).toBe(`${publication.arxivId}v${publication.version}`);
      expect(item.querySelector('.ss-date')!.textContent).toBe(publication.dateShown);
      expect(item.querySelector('.ss-pub-title')!.textContent).toBe(publication.title);
      expect([...item.querySelectorAll('.ss-pub-author')].map((n) => n.textContent)).toEqual(publication.authorsShown);
      expect(item.querySelector('.ss-more')!.textContent).toBe(`+${publication.moreAuthors}`);
      expect(item.querySelector('.ss-citations')!.textContent).toBe(`${publication.citations} Citations`);
    });
    expect(container.textContent).toContain('Alfredo García');
    expect(container.querySelector('.ss-source')!.textContent).toContain('Numbers from Semantic Scholar, updated 3 days ago');
    expect(container.querySelector<HTMLAnchorElement>('.ss-source a')!.href).toBe(`https://www.semanticscholar.org/author/${SEED_AUTHOR_ID}`);
  });

  it('shows both sources side by side, and OpenAlex’s numbers first when the reader chose it', async () => {
    const data = await seedCard();
    render(<AuthorCard state={{ status: 'ready', data }} now={NOW} />, container);
    const rows = [...container.querySelectorAll('.ss-by-source tbody tr')].map((row) => [...row.children].map((cell) => cell.textContent));
    expect(rows).toEqual([
      ['Semantic Scholar', '74', '5', '3', '–', '–', '–'],
      ['OpenAlex', '81', '5', '4', '3', '78', '2.25'],
    ]);
    expect(texts('.ss-source a')).toEqual(['Profile on Semantic Scholar', 'Profile on OpenAlex']);

    render(<AuthorCard state={{ status: 'ready', data: { ...data, primary: 'openalex' } }} now={NOW} />, container);
    expect(texts('.ss-metric dd')).toEqual(['81', '5', '4']);
    expect(container.querySelector('.ss-source')!.textContent).toContain('Numbers from OpenAlex');

    // OpenAlex could not be asked: Semantic Scholar's numbers, and why the others are missing.
    render(<AuthorCard state={{ status: 'ready', data: { ...data, primary: 'openalex', openAlex: { status: 'unavailable', message: 'OpenAlex: api.openalex.org answered 503' } } }} now={NOW} />, container);
    expect(texts('.ss-metric dd')).toEqual(['74', '5', '3']);
    expect(container.querySelector('.ss-by-source')).toBeNull();
    expect(container.querySelector('.ss-source-note')!.textContent).toBe('OpenAlex: api.openalex.org answered 503');
    expect(container.querySelector('.ss-source')!.textContent).toContain('Numbers from Semantic Scholar');
  });

  it('keeps abstracts collapsed behind a toggle', async () => {
    const data = await seedCard();
    render(<AuthorCard state={{ status: 'ready', data }} />, container);
    const toggle = container.querySelector<HTMLButtonElement>('.ss-pub .ss-link-button')!;
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(container.querySelector('.ss-abstract-text')).toBeNull();
    await act(() => toggle.click());
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(container.querySelector('.ss-abstract-text')!.textContent).toMatch(/^Training LLMs as interactive agents/);
  });

  it('has real loading, empty and error states', async () => {
    const data = await seedCard();
    render(<AuthorCard state={{ status: 'loading', author: data.author }} />, container);
    expect(container.querySelector('[role="status"]')!.textContent).toBe('Loading publications…');
    expect(texts('.ss-metric dd')).toEqual(['74', '5', '3']);
    render(<AuthorCard state={{ status: 'ready', data: { ...data, publications: [] } }} />, container);
    expect(container.textContent).toContain('No publications listed for this author yet.');
    let retried = 0;
    render(<AuthorCard state={{ status: 'error', message: 'api.semanticscholar.org answered 429', author: data.author }} onRetry={() => retried++} />, container);
    expect(container.querySelector('[role="alert"]')!.textContent).toContain('answered 429');
    container.querySelector<HTMLButtonElement>('.ss-error button')!.click();
    expect(retried).toBe(1);
  });

  it('renders hostile text as text', async () => {
    const data = await seedCard();
    const hostile = '<img src=x onerror="window.__pwned=1">';
    const author: Author = { ...data.author, name: hostile, affiliations: ['"><svg onload=alert(1)>'] };
    render(<AuthorCard state={{ status: 'ready', data: { ...data, author, publications: [{ ...data.publications[0]!, title: hostile }] } }} />, container);
    expect(container.querySelector('img, svg')).toBeNull();
    expect(container.querySelector('.ss-name')!.textContent).toBe(hostile);
    expect(container.querySelector('.ss-pub-title')!.textContent).toBe(hostile);
  });
});

describe('chip', () => {
  it('shows h-index and citations as a button, with a label for screen readers', async () => {
    const { author } = await seedCard();
    const root = container.attachShadow({ mode: 'open' });
    const chip = renderChip(root, 'Zhaoran Wang', { status: 'ready', author });
    expect(chip.tagName).toBe('BUTTON');
    expect(chip.textContent).toBe('h 5 · 74');
    expect(chip.getAttribute('aria-label')).toBe('h 5 · 74: Zhaoran Wang, h-index 5, 74 citations. Show author card');
  });

  it('says what is going on when there is no number, and redraws in place', () => {
    const root = container.attachShadow({ mode: 'open' });
    renderChip(root, 'A. Mikovic', { status: 'loading' });
    renderChip(root, 'A. Mikovic', { status: 'unknown' });
    expect(root.querySelectorAll('.ss-chip')).toHaveLength(1);
    expect(root.querySelector('.ss-chip')!.getAttribute('aria-label')).toBe('No author record matched A. Mikovic');
    renderChip(root, '<b>x</b>', { status: 'error', message: 'offline' });
    expect(root.querySelector('.ss-chip')!.getAttribute('aria-label')).toBe('Could not load metrics for <b>x</b>: offline');
    expect(root.querySelector('b')).toBeNull();
  });
});

describe('PopupView', () => {
  const noop = () => {};
  it('explains itself on a page that is not a paper', () => {
    render(<PopupView target={null} paper={{ status: 'loading' }} expanded={new Set()} cards={new Map()} onToggleAuthor={noop} onRetryPaper={noop} />, container);
    expect(container.textContent).toContain('This tab is not an arXiv paper.');
    expect(container.textContent).toContain('arxiv.org/abs/');
  });

  it('shows the paper with id, version and its authors', async () => {
    const db = await openDatabase(`popup-${Math.random()}`);
    const service = createBackground({ db: async () => db, fetch: recordedFetch(), now: () => NOW, gates: instantGates() });
    const entry = (await service.papers(['2602.16165']))['2602.16165']!;
    const toggled: string[] = [];
    render(
      <PopupView
        target={{ arxivId: '2602.16165', version: 1, pageTitle: null, primaryCategory: null }}
        paper={{ status: 'ready', entry }}
        expanded={new Set()}
        cards={new Map()}
        onToggleAuthor={(author) => toggled.push(author.name)}
        onRetryPaper={noop}
      />,
      container,
    );
    expect(container.querySelector('.ss-paper-id')!.textContent).toBe('arXiv:2602.16165v1');
    expect(container.querySelector('.ss-popup-title')!.textContent).toBe(seed.publications[0]!.title);
    expect(texts('.ss-author-name').slice(0, 5)).toEqual(seed.publications[0]!.authorsShown);
    container.querySelector<HTMLButtonElement>('.ss-author-toggle')!.click();
    expect(toggled).toEqual(['Zhaoran Wang']);
  });

  it('says so when the source does not know the paper, and offers a retry on errors', () => {
    let retries = 0;
    const target = { arxivId: '1810.04805', version: 2, pageTitle: 'BERT', primaryCategory: null };
    render(<PopupView target={target} paper={{ status: 'ready', entry: null }} expanded={new Set()} cards={new Map()} onToggleAuthor={noop} onRetryPaper={noop} />, container);
    expect(container.textContent).toContain('No source lists this paper yet');
    render(<PopupView target={target} paper={{ status: 'error', message: 'offline' }} expanded={new Set()} cards={new Map()} onToggleAuthor={noop} onRetryPaper={() => retries++} />, container);
    container.querySelector<HTMLButtonElement>('[role="alert"] button')!.click();
    expect(retries).toBe(1);
  });
});

describe('LibraryView', () => {
  const paper = (i: number): SavedPaper => ({
    key: `2601.${10000 + i}`, arxivId: `2601.${10000 + i}`, version: 1, title: `Paper <b>${i}</b>`, authors: ['A. Author'], abstract: null,
    publicationDate: '2026-01-15', year: 2026, primaryCategory: 'cs.LG', doi: null, citationCount: i, savedAt: i, tags: [], note: '', status: 'to-read',
  });
  // What the background gave: the first `count` of the papers the query matches.
  const props = (matched: SavedPaper[], count: number, onShowMore: () => void = () => undefined): LibraryViewProps => ({
    total: 300, matching: matched.length, matchingKeys: matched.map((p) => p.key), papers: matched.slice(0, count), onShowMore, tags: [], query: EMPTY_QUERY, selected: new Set(), notice: null, undo: null,
    onQuery: () => undefined, onSelect: () => undefined, onSelectShown: () => undefined, onUpdate: () => undefined, onAddTag: () => undefined,
    onRemove: () => undefined, onExport: () => undefined, onImport: () => undefined, citePreprints: false, onCitePreprints: () => undefined,
    onUpdatePublished: () => undefined, onSendToZotero: () => undefined, published: { run: null, onAccept: () => undefined, onUndo: () => undefined, onStop: () => undefined, onResume: () => undefined, onClose: () => undefined },
  });

  it('draws the page of papers it was given and says how many are left', () => {
    const shown = Array.from({ length: 250 }, (_, i) => paper(i));
    let asked = 0;
    render(<LibraryView {...props(shown, LIBRARY_PAGE, () => void asked++)} />, container);
    expect(container.querySelectorAll('.ss-saved-item')).toHaveLength(LIBRARY_PAGE);
    expect(container.querySelector('.ss-status')!.textContent).toBe('250 of 300 match');
    const more = container.querySelector<HTMLButtonElement>('.ss-show-more')!;
    expect(more.textContent).toBe('Show 100 more (150 not shown)');
    more.click();
    expect(asked).toBe(1);
    render(<LibraryView {...props(shown, 300)} />, container);
    expect(container.querySelectorAll('.ss-saved-item')).toHaveLength(250);
    expect(container.querySelector('.ss-show-more')).toBeNull();
  });

  it('says it is loading until the list comes', () => {
    render(<LibraryView {...props([], 0)} total={null} />, container);
    expect(container.querySelector('.ss-status')!.textContent).toBe('Loading…');
  });

  it('keeps what the reader is typing in a note or tags when the list is drawn again, and shows a stored change', () => {
    render(<LibraryView {...props([paper(1)], LIBRARY_PAGE)} />, container);
    const note = container.querySelector('textarea')!;
    const tags = container.querySelector<HTMLInputElement>('.ss-tags-input')!;
    note.value = 'half a tho';
    tags.value = 'rl, ag';
    render(<LibraryView {...props([paper(1)], LIBRARY_PAGE)} />, container);
    expect(container.querySelector('textarea')!.value).toBe('half a tho');
    expect(container.querySelector<HTMLInputElement>('.ss-tags-input')!.value).toBe('rl, ag');
    render(<LibraryView {...props([{ ...paper(1), note: 'Stored elsewhere', tags: ['x'] }], LIBRARY_PAGE)} />, container);
    expect(container.querySelector('textarea')!.value).toBe('Stored elsewhere');
    expect(container.querySelector<HTMLInputElement>('.ss-tags-input')!.value).toBe('x');
  });

  it('shows titles as text, never as markup', () => {
    render(<LibraryView {...props([paper(1)], LIBRARY_PAGE)} />, container);
    expect(container.querySelector('.ss-saved-title')!.textContent).toBe('Paper <b>1</b>');
    expect(container.querySelector('.ss-saved-title b')).toBeNull();
  });
});

describe('CompareView', () => {
  const row = (authorId: string, name: string, hIndex: number): CompareRow => ({
    author: { authorId, name, affiliations: ['<i>Lab</i>'], citationCount: 10 * hIndex, hIndex, paperCount: hIndex, url: `https://www.semanticscholar.org/author/${authorId}`, source: 'semanticscholar', fetchedAt: NOW },
    papers: [{ year: 2020, citations: hIndex }],
    complete: true,
    computedError: null,
    listFetchedAt: NOW,
    openAlex: { status: 'unavailable', message: 'OpenAlex answered 503' },
  });
  const columns = [row('1', '<img src=x onerror=alert(1)>', 3), row('2', 'Bea', 7)].map((r, position) => ({ entry: { authorId: r.author.authorId, name: r.author.name, position, addedAt: 0 }, state: { status: 'ready' as const, row: r } }));
  const noop = () => undefined;

  it('shows names and affiliations as text and marks the best value', () => {
    render(<CompareView columns={columns} shown="reported" sort={null} now={NOW} onShown={noop} onSort={noop} onRemove={noop} onMove={noop} onRetry={noop} onExport={noop} onClear={noop} />, container);
    expect(texts('.ss-compare-name')).toEqual(['<img src=x onerror=alert(1)>', 'Bea']);
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('.ss-compare-affiliation i')).toBeNull();
    const h = [...container.querySelectorAll('tr[data-metric="h"] td')];
    expect(h.map((td) => td.classList.contains('ss-best'))).toEqual([false, true]);
    expect(h[1]!.querySelector('[aria-label="best"]')).not.toBeNull();
  });

  it('shows the basis beside a number computed from a list that falls short, and no number from an empty list', () => {
    const short = (authorId: string, name: string, papers: CompareRow['papers'], paperCount: number): CompareRow => ({ ...row(authorId, name, 5), author: { ...row(authorId, name, 5).author, paperCount, citationCount: 90 }, papers });
    const shortColumns = [short('1', 'Few', [{ year: 2020, citations: 10 }, { year: 2021, citations: 5 }, { year: 2022, citations: 0 }], 11), short('2', 'Empty', [], 3)].map((r, position) => ({ entry: { authorId: r.author.authorId, name: r.author.name, position, addedAt: 0 }, state: { status: 'ready' as const, row: r } }));
    render(<CompareView columns={shortColumns} shown="reported" sort={null} now={NOW} onShown={noop} onSort={noop} onRemove={noop} onMove={noop} onRetry={noop} onExport={noop} onClear={noop} />, container);
    const g = [...container.querySelectorAll('tr[data-metric="g"] td')].map((td) => td.textContent?.replace(/\s+/g, ' ').trim());
    expect(g).toEqual(['3 (computed) (from 3 of 11 papers)', '— (no papers in the list the source gave)']);
    // A reported number keeps no such note.
    expect([...container.querySelectorAll('tr[data-metric="h"] td')].map((td) => td.textContent?.trim().replace(/\s+/g, ' '))).toEqual(['5', '5']);
  });

  it('orders columns by the chosen metric and disables moving while sorted', () => {
    render(<CompareView columns={columns} shown="reported" sort={{ metric: 'h', ascending: false }} now={NOW} onShown={noop} onSort={noop} onRemove={noop} onMove={noop} onRetry={noop} onExport={noop} onClear={noop} />, container);
    expect(texts('.ss-compare-name')).toEqual(['Bea', '<img src=x onerror=alert(1)>']);
    expect(container.querySelector<HTMLButtonElement>('button[aria-label="Move Bea right"]')!.disabled).toBe(true);
  });

  it('invites the reader to add authors when the tray is empty', () => {
    render(<CompareView columns={[]} shown="reported" sort={null} now={NOW} onShown={noop} onSort={noop} onRemove={noop} onMove={noop} onRetry={noop} onExport={noop} onClear={noop} />, container);
    expect(container.textContent).toContain('No authors to compare yet');
  });
});

describe('PaperTitle', () => {
  it('links an arXiv id to its abstract page, and a stored id that is not one to nothing', () => {
    const links = (arxivId: string | null) => {
      render(<PaperTitle title="Synthetic title" arxivId={arxivId} />, container);
      return [...container.querySelectorAll('a')].map((link) => link.getAttribute('href'));
    };
    expect(links('2602.16165')).toEqual(['https://arxiv.org/abs/2602.16165']);
    expect(links('hep-th/9108002')).toEqual(['https://arxiv.org/abs/hep-th/9108002']);
    for (const damaged of ['../../login', '2602.16165?next=https://evil.example', 'javascript:alert(1)', '']) expect(links(damaged)).toEqual([]);
    expect(container.textContent).toBe('Synthetic title');
  });
});
