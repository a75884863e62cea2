// Small readers every extractor shares: text as the reader sees it, links a page gives to other
// services' profiles and papers.

import { DOI_RESOLVER, paperKeyFor, parseArxivId, parseDoi, safeDecode, type ArxivId, type PaperKey } from '../ids';

/** Text with its white space folded to single spaces and trimmed. */
export const foldSpace = (value: string): string => value.replace(/\s+/g, ' ').trim();

/** An element's text with white space folded, or '' for none. */
export function text(node: Element | null | undefined): string {
  return foldSpace(node?.textContent ?? '');
}

/** A URL, or null for text that is not one. */
export function parseUrl(href: string): URL | null {
  try {
    return new URL(href);
  } catch {
    return null;
  }
}

/** An https URL on one of `hosts`, or null. */
export function httpsUrlOn(href: string, hosts: ReadonlySet<string>): URL | null {
  const url = parseUrl(href);
  return url && url.protocol === 'https:' && hosts.has(url.hostname) ? url : null;
}

const S2_AUTHOR_PATH = /^\/author\/(?:[^/]+\/)?(\d{1,20})\/?$/;

/** The author id of a Semantic Scholar author page address, or null. */
export function s2AuthorIdFromUrl(href: string): string | null {
  const url = httpsUrlOn(href, new Set(['www.semanticscholar.org']));
  return url ? (S2_AUTHOR_PATH.exec(url.pathname)?.[1] ?? null) : null;
}

/** The Semantic Scholar author id the page links to, if it links exactly one (many profiles link theirs). */
export function linkedS2AuthorId(doc: Document): string | null {
  const ids = new Set<string>();
  for (const link of doc.querySelectorAll<HTMLAnchorElement>('a[href*="semanticscholar.org/author/"]')) {
    const id = s2AuthorIdFromUrl(link.href);
    if (id) ids.add(id);
  }
  return ids.size === 1 ? [...ids][0]! : null;
}

/** The arXiv id behind a link: arxiv.org abs/pdf addresses and arXiv DOIs. */
export function arxivIdFromHref(href: string): ArxivId | null {
  const doi = /^https?:\/\/(?:dx\.)?doi\.org\/10\.48550\/arxiv\.(.+)$/i.exec(href);
  if (doi) return parseArxivId(safeDecode(doi[1] as string) ?? '');
  return parseArxivId(href);
}

/** The paper a link points to: an arXiv paper (by address or arXiv DOI) or another DOI. */
export function paperFromHref(href: string): { key: PaperKey; arxiv: ArxivId | null } | null {
  const arxiv = arxivIdFromHref(href);
  if (arxiv) return { key: arxiv.id, arxiv: { id: arxiv.id, version: null } };
  const doi = DOI_RESOLVER.test(href) ? parseDoi(href) : null;
  return doi ? { key: paperKeyFor({ doi }), arxiv: null } : null;
}
