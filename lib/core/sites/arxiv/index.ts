// arXiv: one site (one switch, granted at install) with four kinds of page.

import type { ArxivPage, ArxivPageKind, SiteDescriptor } from '../types';
import { absPage } from './abs';
import { htmlPage } from './html';
import { listingPage } from './listing';
import { searchPage } from './search';
import { ARXIV_ORIGINS } from './shared';

export const ARXIV_PAGE_KINDS: readonly ArxivPageKind[] = [absPage, listingPage, searchPage, htmlPage];

export const arxivSite = {
  id: 'arxiv',
  label: 'arXiv (abstracts, listings, search, HTML papers)',
  origins: ARXIV_ORIGINS,
  optional: false,
  rendersLate: false,
  pages: ARXIV_PAGE_KINDS,
} as const satisfies SiteDescriptor<'arxiv', ArxivPage>;

/** The page kind an address is, or null. */
export function arxivPageKind(href: string): ArxivPageKind | null {
  return ARXIV_PAGE_KINDS.find((kind) => kind.is(href)) ?? null;
}

/** What an arXiv page says about its papers; null when the address is none of arXiv's paper pages. */
export function extractArxivPage(doc: Document, href: string): ArxivPage | null {
  return arxivPageKind(href)?.extract(doc, href) ?? null;
}
