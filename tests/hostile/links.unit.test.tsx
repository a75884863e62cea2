// Links drawn from hostile ids and URLs stay on known https hosts, or are not drawn.

import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { AuthorCard } from '../../components/AuthorCard';
import { LibraryView, LIBRARY_PAGE } from '../../components/LibraryView';
import { safeHref } from '../../lib/core/links';
import type { Author } from '../../lib/core/model';
import type { SavedPaper } from '../../lib/core/saved/model';
import { EMPTY_QUERY } from '../../lib/core/saved/query';
import { HOSTILE_TEXTS } from './payloads';

describe('safeHref', () => {
  it.each([
    'https://arxiv.org/abs/1810.04805v2',
    'https://www.semanticscholar.org/author/1741101',
    'https://doi.org/10.1145/3292500.3330701',
  ])('keeps %s', (href) => expect(safeHref(href)).toBe(href));

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'http://arxiv.org/abs/1810.04805',
    'https://arxiv.org.evil.com/abs/1',
    'https://evil.com/https://arxiv.org/',
    'https://user:pass@arxiv.org/',
    'https://arxiv.org:8443/abs/1',
    '//arxiv.org/abs/1',
    '/abs/1810.04805',
    ...HOSTILE_TEXTS,
  ])('refuses %s', (href) => expect(safeHref(href)).toBeNull());
});

describe('links in what we draw', () => {
  const hrefs = (container: Element) => [...container.querySelectorAll('a')].map((a) => a.getAttribute('href'));

  it('an author card with a hostile profile URL draws no profile link', () => {
    const container = document.createElement('div');
    const author: Author = { authorId: '1', name: HOSTILE_TEXTS[0]!, affiliations: [], citationCount: 1, hIndex: 1, paperCount: 1, url: 'javascript:alert(1)', source: 'semanticscholar', fetchedAt: 0 };
    render(<AuthorCard state={{ status: 'ready', data: { author, publications: [], fetchedAt: 0 } }} now={0} />, container);
    expect(hrefs(container)).toEqual([]);
  });

  it('a saved paper with a hostile DOI links only to doi.org', () => {
    const container = document.createElement('div');
    const paper = (doi: string, index: number): SavedPaper => ({ key: `doi:10.1/${index}`, arxivId: null, version: null, title: 'T', authors: [], abstract: null, publicationDate: null, year: null, primaryCategory: null, doi, citationCount: null, savedAt: index, tags: [], note: '', status: 'to-read' });
    const shown = ['@evil.com', '../../evil.com', 'x"><script>', '10.1/a b'].map(paper);
    render(
      <LibraryView total={shown.length} matching={shown.length} matchingKeys={shown.map((p) => p.key)} papers={shown.slice(0, LIBRARY_PAGE)} onShowMore={() => undefined} tags={[]} query={EMPTY_QUERY} selected={new Set()} notice={null} undo={null} onQuery={() => undefined} onSelect={() => undefined} onSelectShown={() => undefined} onUpdate={() => undefined} onAddTag={() => undefined} onRemove={() => undefined} onExport={() => undefined} onImport={() => undefined} citePreprints={false} onCitePreprints={() => undefined} published={{ run: null, onAccept: () => undefined, onUndo: () => undefined, onStop: () => undefined, onResume: () => undefined, onClose: () => undefined }} onUpdatePublished={() => undefined} onSendToZotero={() => undefined} />,
      container,
    );
    const links = hrefs(container);
    expect(links).toHaveLength(4);
    for (const link of links) expect(new URL(link!).host).toBe('doi.org');
  });
});

describe('new papers by followed authors, from hostile source text', () => {
  it('the Following tab and the popup list render titles and names as text, and link only to arXiv', async () => {
    const { FollowingView } = await import('../../components/FollowingView');
    const { FollowedNews } = await import('../../components/FollowedNews');
    const alert = {
      key: '2602.16165', title: HOSTILE_TEXTS[0]!, arxivId: 'javascript:alert(1)', doi: null, publicationDate: '2026-02-18',
      authors: [HOSTILE_TEXTS[1]!], authorCount: 1, followed: [{ authorId: '9000001', name: HOSTILE_TEXTS[2]! }], via: ['openalex' as const], foundAt: 1, seen: false,
    };
    // Beside it, the same paper under a real id: its title is linked, the hostile one's is not.
    const sound = { ...alert, key: '1810.04805', arxivId: '1810.04805' };
    const state = { lastSuccessAt: 1, lastAttemptAt: 1, failures: 1, lastError: HOSTILE_TEXTS[3]!, nextAt: 2 };
    const container = document.createElement('div');
    render(
      <FollowingView follows={[{ authorId: '9000001', name: HOSTILE_TEXTS[2]!, followedAt: 0 }]} alerts={{ papers: [alert, sound], unseen: 2, state }} checking={false} notice={null} onUnfollow={() => {}} onMarkSeen={() => {}} onCheckNow={() => {}} />,
      container,
    );
    render(<FollowedNews news={{ papers: [alert, sound].map((paper) => ({ ...paper, seenAt: 1, announced: true })), since: null, unseen: 2 }} saved={new Set()} onToggleSave={() => {}} onMarkSeen={() => {}} />, container.appendChild(document.createElement('div')));
    expect(container.textContent).toContain(HOSTILE_TEXTS[0]!);
    expect(container.textContent).toContain(HOSTILE_TEXTS[2]!);
    expect(container.querySelectorAll('script, img, iframe')).toHaveLength(0);
    const links = [...container.querySelectorAll('a')].map((a) => a.getAttribute('href') ?? '');
    expect(links).toEqual(['https://arxiv.org/abs/1810.04805', 'https://arxiv.org/abs/1810.04805']);
  });
});
