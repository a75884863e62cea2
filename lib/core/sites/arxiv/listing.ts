// Listings: `/list/<archive or category>/new|recent|pastweek|YYYY-MM|YYYY|YYMM` (with `skip`/`show`),
// catch-up pages `/catchup/...` and author listings `/a/<id>`; all use `dl#articles`.

import { text } from '../dom';
import type { ArxivPage, ArxivPageKind, PageEntry } from '../types';
import { arxivUrl, categoryFromSubject, idFromLink, lazyEntry, linkAuthors, titleWithoutDescriptor } from './shared';

export function isListingPage(href: string): boolean {
  const path = arxivUrl(href)?.pathname;
  if (!path) return false;
  if (/^\/list\/[a-z-]+(?:\.[A-Za-z-]+)?\/(?:new|recent|pastweek|\d{4}-\d{2}|\d{4}|\d{2}\d{2})\/?$/.test(path)) return true;
  if (/^\/catchup(?:\/|$)/.test(path)) return true;
  return /^\/a\/[a-z0-9_.-]+(?:\.html)?\/?$/i.test(path);
}

export const listingPageExamples = {
  match: [
    'https://arxiv.org/list/cs.LG/new',
    'https://arxiv.org/list/cs.LG/recent',
    'https://arxiv.org/list/cs.LG/recent?skip=0&show=2000',
    'https://arxiv.org/list/hep-th/pastweek?show=500',
    'https://arxiv.org/list/math/2024-10',
    'https://arxiv.org/list/math.AP/2024',
    'https://arxiv.org/list/astro-ph/0701',
    'https://www.arxiv.org/list/cs/new',
    'https://export.arxiv.org/list/q-bio.BM/new',
    'https://arxiv.org/catchup/cs/2024-10-01',
    'https://arxiv.org/catchup?smonth=10&group=grp_cs',
    'https://arxiv.org/a/wang_z_1',
    'https://arxiv.org/a/wang_z_1.html',
  ],
  noMatch: [
    'https://arxiv.org/list/',
    'https://arxiv.org/list/cs.LG/',
    'https://arxiv.org/list/cs.LG/old',
    'https://arxiv.org/a/',
    'https://arxiv.org/a/wang_z_1/extra',
    'http://arxiv.org/list/cs.LG/new',
    'https://example.org/list/cs.LG/new',
  ],
};

// Each `dl#articles` (a page can have several: new, cross-lists, replacements) pairs a `dt` (the
// Abstract link carries the id) with the `dd` that follows it.
export function extractListingPage(doc: Document, href: string): ArxivPage | null {
  if (!isListingPage(href)) return null;
  const entries: PageEntry[] = [];
  for (const dt of doc.querySelectorAll('dl#articles > dt, dl[id="articles"] > dt')) {
    const link = dt.querySelector('a[title="Abstract"]');
    const arxiv = idFromLink(link);
    const dd = dt.nextElementSibling;
    if (!link || !arxiv || !dd || dd.tagName !== 'DD') continue;
    entries.push(
      lazyEntry(
        arxiv,
        link,
        () => titleWithoutDescriptor(dd.querySelector('.list-title')),
        () => linkAuthors(dd.querySelectorAll<HTMLAnchorElement>('.list-authors a[href]')),
        () => categoryFromSubject(text(dd.querySelector('.primary-subject'))),
        () => text(dd.querySelector('.list-comments')),
      ),
    );
  }
  return { kind: 'listing', entries };
}

export const listingPage: ArxivPageKind = {
  id: 'arxiv-listing',
  kind: 'listing',
  paths: ['/list/*', '/catchup*', '/a/*'],
  is: isListingPage,
  examples: listingPageExamples,
  extract: extractListingPage,
  drawing: { single: false, badgeInside: false, triage: true, related: false },
};
