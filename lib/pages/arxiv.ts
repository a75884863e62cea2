// arXiv abstract pages: which URLs they are, and what they say about the paper.
// Structure follows arXiv's own templates (arXiv/arxiv-browse, browse/templates/abs/).

import { parseArxivId, type ArxivId } from '../model';

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
  element: HTMLAnchorElement;
}

export interface AbsPageContext {
  kind: 'abs';
  arxiv: ArxivId;
  title: string;
  authors: PageAuthor[];
}

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
  const heading = doc.querySelector('h1.title');
  if (!heading) return '';
  const clone = heading.cloneNode(true) as Element;
  clone.querySelector('.descriptor')?.remove();
  return text(clone);
}

// Author links, including those arXiv hides behind "et al. (N additional authors not shown)".
function pageAuthors(doc: Document): PageAuthor[] {
  const block = doc.querySelector('#abs div.authors, div.authors');
  if (!block) return [];
  const authors: PageAuthor[] = [];
  for (const anchor of block.querySelectorAll<HTMLAnchorElement>('a[href]')) {
    const href = anchor.getAttribute('href') ?? '';
    if (anchor.id === 'toggle' || href.startsWith('javascript:')) continue;
    const name = text(anchor);
    if (name) authors.push({ name, element: anchor });
  }
  return authors;
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
  };
}
