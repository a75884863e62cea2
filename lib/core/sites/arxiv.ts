// arXiv abstract pages: which URLs they are, and what they say about the paper.
// Structure follows arXiv's own templates (arXiv/arxiv-browse, browse/templates/abs/).

import { parseArxivId, type ArxivId, type PaperKey } from '../model';

const HOSTS = new Set(['arxiv.org', 'www.arxiv.org', 'export.arxiv.org']);

function parseUrl(href: string): URL | null {
  try {
    return new URL(href);
  } catch {
    return null;
  }
}

/** `https://arxiv.org/abs/<id>[vN]` on any arXiv host, new- or old-style id. */
export function isAbsPage(href: string): boolean {
  const url = parseUrl(href);
  if (!url || url.protocol !== 'https:' || !HOSTS.has(url.hostname)) return false;
  if (!url.pathname.startsWith('/abs/')) return false;
  return parseArxivId(url.origin + url.pathname) !== null;
}

/** URLs the predicate must accept and must refuse; a unit test walks both lists. */
export const absPageExamples = {
  match: [
    'https://arxiv.org/abs/2602.16165',
    'https://arxiv.org/abs/2602.16165v1',
    'https://arxiv.org/abs/0704.0105v2',
    'https://arxiv.org/abs/hep-th/9108002',
    'https://arxiv.org/abs/hep-th/9108002v1',
    'https://arxiv.org/abs/math.GT/0309136',
    'https://www.arxiv.org/abs/1810.04805',
    'https://export.arxiv.org/abs/1810.04805v2',
    'https://arxiv.org/abs/1810.04805?context=cs',
    'https://arxiv.org/abs/1810.04805#',
  ],
  noMatch: [
    'https://arxiv.org/',
    'https://arxiv.org/abs/',
    'https://arxiv.org/abs/not-an-id',
    'https://arxiv.org/abs/0703.0001', // new style began 2007-04
    'https://arxiv.org/abs/1501.0001', // five digits from 2015
    'https://arxiv.org/pdf/1810.04805',
    'https://arxiv.org/html/1810.04805v2',
    'https://arxiv.org/list/cs.LG/new',
    'https://arxiv.org/search/?query=wang&searchtype=author',
    'https://example.org/abs/1810.04805',
    'https://arxiv.org.evil.example/abs/1810.04805',
    'http://arxiv.org/abs/1810.04805',
  ],
};

/** An author name as the page shows it, with the link arXiv renders for it. */
export interface PageAuthor {
  name: string;
  element: HTMLElement;
}

export interface AbsPageContext {
  kind: 'abs';
  arxiv: ArxivId;
  title: string;
  authors: PageAuthor[];
  /** The title heading (h1.title), where the paper's badge and save toggle go. */
  titleElement: Element | null;
  primaryCategory: string | null;
}

/** One paper on a page that lists several (listings, search results) or shows one (HTML). */
export interface PageEntry {
  /** The paper's key (its arXiv id, or `doi:` for papers known only by DOI on profile pages). */
  key: PaperKey;
  /** The arXiv id as the page shows it (with version where it says), null for DOI-only papers. */
  arxiv: ArxivId | null;
  title: string;
  authors: PageAuthor[];
  /** The element after which the entry's badge goes; null where a page gets no badge. */
  badgeAfter: Element | null;
  /** arXiv's primary category (`cs.CL`) where the page shows it; BibTeX's primaryClass. */
  primaryCategory?: string | null;
}

export type ListPageKind = 'listing' | 'search' | 'html';

export interface ListPageContext {
  kind: ListPageKind;
  entries: PageEntry[];
}

function pathOf(href: string): { url: URL; path: string } | null {
  const url = parseUrl(href);
  if (!url || url.protocol !== 'https:' || !HOSTS.has(url.hostname)) return null;
  return { url, path: url.pathname };
}

/**
 * Listings: `/list/<archive or category>/new|recent|pastweek|YYYY-MM|YYYY|YYMM` (with `skip`/`show`),
 * catch-up pages `/catchup/...`, and author listings `/a/<id>`; all use `dl#articles`.
 */
export function isListingPage(href: string): boolean {
  const parts = pathOf(href);
  if (!parts) return false;
  const { path } = parts;
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
    'https://arxiv.org/abs/1810.04805',
    'https://arxiv.org/a/',
    'https://arxiv.org/a/wang_z_1/extra',
    'http://arxiv.org/list/cs.LG/new',
    'https://example.org/list/cs.LG/new',
  ],
};

/** Search results: `/search/?query=...` and `/search/<archive>?...` (author search among them). */
export function isSearchPage(href: string): boolean {
  const parts = pathOf(href);
  if (!parts) return false;
  return /^\/search(?:\/[a-z-]+(?:\.[A-Za-z-]+)?)?\/?$/.test(parts.path) && parts.url.searchParams.has('query');
}

export const searchPageExamples = {
  match: [
    'https://arxiv.org/search/?query=wang%2C+z&searchtype=author',
    'https://arxiv.org/search/cs?searchtype=author&query=Wang,+Z',
    'https://arxiv.org/search/?query=transformers&searchtype=all&source=header',
    'https://arxiv.org/search/advanced?advanced=&terms-0-term=x&query=x',
    'https://www.arxiv.org/search/?query=x',
  ],
  noMatch: ['https://arxiv.org/search/', 'https://arxiv.org/search/cs', 'https://arxiv.org/searching/?query=x', 'https://arxiv.org/abs/1810.04805'],
};

/** HTML full text: `/html/<id>[vN]`. */
export function isHtmlPaper(href: string): boolean {
  const parts = pathOf(href);
  if (!parts || !parts.path.startsWith('/html/')) return false;
  return parseArxivId(parts.url.origin + parts.path.replace(/\/$/, '')) !== null;
}

export const htmlPaperExamples = {
  match: ['https://arxiv.org/html/2602.16165', 'https://arxiv.org/html/2602.16165v1', 'https://arxiv.org/html/2602.16165v1/', 'https://www.arxiv.org/html/1810.04805v2'],
  noMatch: ['https://arxiv.org/html/', 'https://arxiv.org/html/not-an-id', 'https://arxiv.org/abs/2602.16165', 'https://example.org/html/2602.16165'],
};

function text(node: Element | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function metaContent(doc: Document, name: string): string {
  return doc.querySelector(`meta[name="${name}"]`)?.getAttribute('content')?.trim() ?? '';
}

// The version shown, when the URL does not say: "Cite as ... (or arXiv:0704.0105v2 for this version)",
// else the bold, unlinked entry of the submission history.
function pageVersion(doc: Document, id: string): number | null {
  const citeAs = parseArxivId(text(doc.querySelector('.arxividv a')));
  if (citeAs && citeAs.id === id && citeAs.version) return citeAs.version;
  for (const strong of doc.querySelectorAll('.submission-history strong, .submission-history b')) {
    if (strong.querySelector('a')) continue;
    const match = /^\[v(\d+)\]$/.exec(text(strong));
    if (match) return Number(match[1]);
  }
  return null;
}

function pageTitle(doc: Document): string {
  const fromMeta = metaContent(doc, 'citation_title');
  if (fromMeta) return fromMeta;
  return titleWithoutDescriptor(doc.querySelector('h1.title'));
}

// Author links, including those arXiv hides behind "et al. (N additional authors not shown)".
function pageAuthors(doc: Document): PageAuthor[] {
  const block = doc.querySelector('#abs div.authors, div.authors');
  return block ? linkAuthors(block.querySelectorAll<HTMLAnchorElement>('a[href]')) : [];
}

function linkAuthors(links: Iterable<HTMLAnchorElement>): PageAuthor[] {
  const authors: PageAuthor[] = [];
  for (const anchor of links) {
    const href = anchor.getAttribute('href') ?? '';
    if (anchor.id === 'toggle' || href.startsWith('javascript:')) continue;
    const name = text(anchor);
    if (name) authors.push({ name, element: anchor });
  }
  return authors;
}

// The Abstract link's `id` attribute is the bare id on listings (cheapest to read); else its href.
function idFromLink(anchor: Element | null): ArxivId | null {
  if (!anchor) return null;
  const fromId = parseArxivId(anchor.getAttribute('id') ?? '');
  if (fromId) return fromId;
  const href = anchor.getAttribute('href') ?? '';
  return parseArxivId(href.startsWith('/') ? `https://arxiv.org${href}` : href) ?? parseArxivId(text(anchor));
}

/** The category code at the end of arXiv's subject text: "Computation and Language (cs.CL)". */
export function categoryFromSubject(subject: string): string | null {
  return /\(([a-z-]+(?:\.[A-Za-z-]+)?)\)\s*$/.exec(subject.trim())?.[1] ?? null;
}

const CATEGORY = /^[a-z-]+(?:\.[A-Za-z-]+)?$/;

/** An entry whose title, authors and category are read from the page only when first asked for. */
function lazyEntry(arxiv: ArxivId, badgeAfter: Element, readTitle: () => string, readAuthors: () => PageAuthor[], readCategory: () => string | null): PageEntry {
  let title: string | undefined;
  let authors: PageAuthor[] | undefined;
  let category: string | null | undefined;
  return {
    key: arxiv.id,
    arxiv,
    badgeAfter,
    get title() {
      return (title ??= readTitle());
    },
    get authors() {
      return (authors ??= readAuthors());
    },
    get primaryCategory() {
      return category === undefined ? (category = readCategory()) : category;
    },
  };
}

function titleWithoutDescriptor(node: Element | null): string {
  if (!node) return '';
  const clone = node.cloneNode(true) as Element;
  clone.querySelector('.descriptor')?.remove();
  return text(clone);
}

// Listings: each `dl#articles` (a page can have several: new, cross-lists, replacements) pairs a
// `dt` (the Abstract link carries the id) with the `dd` that follows it. Titles and names are read
// lazily, so finding 2,000 entries is one quick pass and the rest happens in the drawing slices.
function listingEntries(doc: Document): PageEntry[] {
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
      ),
    );
  }
  return entries;
}

function searchEntries(doc: Document): PageEntry[] {
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
  return entries;
}

// LaTeXML: `.ltx_authors .ltx_personname` holds the name, often followed by affiliation lines
// (`<br>`, `.ltx_role_affiliation`) and notes; the name is the first line of text.
function htmlAuthors(doc: Document): { name: string; element: HTMLElement }[] {
  const authors: { name: string; element: HTMLElement }[] = [];
  for (const person of doc.querySelectorAll<HTMLElement>('.ltx_authors .ltx_personname')) {
    let name = '';
    for (const node of person.childNodes) {
      if (node.nodeName === 'BR') break;
      if (node.nodeType === 1 && (node as Element).matches('.ltx_note, .ltx_role_affiliation, .ltx_role_email, sup')) continue;
      name += node.textContent ?? '';
    }
    name = name.replace(/\s+/g, ' ').trim().replace(/[,;*†‡∗]+$/u, '').trim();
    if (name) authors.push({ name, element: person });
  }
  return authors;
}

/** What a listing, search or HTML page says about its papers; null when the page is none of them. */
export function extractListPage(doc: Document, href: string): ListPageContext | null {
  if (isListingPage(href)) return { kind: 'listing', entries: listingEntries(doc) };
  if (isSearchPage(href)) return { kind: 'search', entries: searchEntries(doc) };
  if (isHtmlPaper(href)) {
    const url = new URL(href);
    const arxiv = parseArxivId(url.origin + url.pathname.replace(/\/$/, ''));
    const title = doc.querySelector('h1.ltx_title_document, h1.ltx_title');
    if (!arxiv || !title) return { kind: 'html', entries: [] };
    return {
      kind: 'html',
      entries: [{ key: arxiv.id, arxiv, title: text(title), authors: htmlAuthors(doc), badgeAfter: title }],
    };
  }
  return null;
}

/** An abstract page as a one-entry list (its chips, no badge). */
export function absEntry(context: AbsPageContext): PageEntry {
  return { key: context.arxiv.id, arxiv: context.arxiv, title: context.title, authors: context.authors, badgeAfter: context.titleElement, primaryCategory: context.primaryCategory };
}

/** What an abstract page says about its paper; null when the page is not one. */
export function extractAbsPage(doc: Document, href: string): AbsPageContext | null {
  if (!isAbsPage(href)) return null;
  const url = new URL(href);
  const fromUrl = parseArxivId(url.origin + url.pathname);
  if (!fromUrl) return null;
  const version = fromUrl.version ?? pageVersion(doc, fromUrl.id);
  return {
    kind: 'abs',
    arxiv: { id: fromUrl.id, version },
    title: pageTitle(doc),
    authors: pageAuthors(doc),
    titleElement: doc.querySelector('h1.title'),
    primaryCategory: categoryFromSubject(text(doc.querySelector('.subjects .primary-subject'))),
  };
}

/** The page elements that make up an entry: a listing's `dt` and `dd`, a search result's `li`. */
export function entryElements(entry: PageEntry): Element[] {
  const dt = entry.badgeAfter?.closest('dt');
  if (dt) {
    const dd = dt.nextElementSibling;
    return dd && dd.tagName === 'DD' ? [dt, dd] : [dt];
  }
  const result = entry.badgeAfter?.closest('li.arxiv-result');
  return result ? [result] : [];
}
