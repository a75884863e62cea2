// Search results: `/search/?query=...` and `/search/<archive>?...` (author search among them), each
// result an `li.arxiv-result` with `p.authors a`.

import { text } from '../dom';
import type { ArxivPage, ArxivPageKind, PageEntry } from '../types';
import { arxivUrl, CATEGORY, idFromLink, lazyEntry, linkAuthors } from './shared';

export function isSearchPage(href: string): boolean {
  const url = arxivUrl(href);
  return !!url && /^\/search(?:\/[a-z-]+(?:\.[A-Za-z-]+)?)?\/?$/.test(url.pathname) && url.searchParams.has('query');
}

export const searchPageExamples = {
  match: [
    'https://arxiv.org/search/?query=wang%2C+z&searchtype=author',
    'https://arxiv.org/search/cs?searchtype=author&query=Wang,+Z',
    'https://arxiv.org/search/?query=transformers&searchtype=all&source=header',
    'https://arxiv.org/search/advanced?advanced=&terms-0-term=x&query=x',
    'https://www.arxiv.org/search/?query=x',
  ],
  noMatch: ['https://arxiv.org/search/', 'https://arxiv.org/search/cs', 'https://arxiv.org/searching/?query=x'],
};

export function extractSearchPage(doc: Document, href: string): ArxivPage | null {
  if (!isSearchPage(href)) return null;
  const entries: PageEntry[] = [];
  for (const item of doc.querySelectorAll('li.arxiv-result')) {
    const link = item.querySelector('p.list-title a[href*="/abs/"]');
    const arxiv = idFromLink(link);
    if (!link || !arxiv) continue;
    entries.push(
      lazyEntry(
        arxiv,
        link,
        () => text(item.querySelector('p.title')),
        () => linkAuthors(item.querySelectorAll<HTMLAnchorElement>('p.authors a[href]')),
        // The first tag is the primary category.
        () => {
          const tag = text(item.querySelector('.tags .tag'));
          return CATEGORY.test(tag) ? tag : null;
        },
      ),
    );
  }
  return { kind: 'search', entries };
}

export const searchPage: ArxivPageKind = {
  id: 'arxiv-search',
  kind: 'search',
  paths: ['/search/*'],
  is: isSearchPage,
  examples: searchPageExamples,
  extract: extractSearchPage,
  drawing: { single: false, badgeInside: false, triage: true, related: false },
};
