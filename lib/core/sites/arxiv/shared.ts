// What arXiv's page kinds share: their hosts, and readers for the markup arXiv's templates
// (arXiv/arxiv-browse, browse/templates/) use on every kind of page.

import { WITHDRAWN_MAX } from '../../saved/model';
import { ARXIV_HOSTNAMES, parseArxivId, type ArxivId } from '../../ids';
import { httpsUrlOn, text } from '../dom';
import type { PageAuthor, PageEntry } from '../types';

export const ARXIV_ORIGINS = ARXIV_HOSTNAMES.map((host) => `https://${host}`);
const HOSTS = new Set<string>(ARXIV_HOSTNAMES);

/** An https URL on an arXiv host, or null. */
export function arxivUrl(href: string): URL | null {
  return httpsUrlOn(href, HOSTS);
}

/** Author links, leaving out the "et al." toggle and script links. */
export function linkAuthors(links: Iterable<HTMLAnchorElement>): PageAuthor[] {
  const authors: PageAuthor[] = [];
  for (const anchor of links) {
    const href = anchor.getAttribute('href') ?? '';
    if (anchor.id === 'toggle' || href.startsWith('javascript:')) continue;
    const name = text(anchor);
    if (name) authors.push({ name, element: anchor });
  }
  return authors;
}

/** The Abstract link's `id` attribute is the bare id on listings (cheapest to read); else its href or text. */
export function idFromLink(anchor: Element | null): ArxivId | null {
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

export const CATEGORY = /^[a-z-]+(?:\.[A-Za-z-]+)?$/;

/** A heading's text without arXiv's "Title:" descriptor. */
export function titleWithoutDescriptor(node: Element | null): string {
  if (!node) return '';
  const clone = node.cloneNode(true) as Element;
  clone.querySelector('.descriptor')?.remove();
  return text(clone);
}

/**
 * An entry whose title, authors and category are read from the page only when first asked for, so
 * finding 2,000 entries is one quick pass and the rest happens in the drawing slices.
 */
export function lazyEntry(arxiv: ArxivId, badgeAfter: Element | null, readTitle: () => string, readAuthors: () => PageAuthor[], readCategory: () => string | null, readComments: () => string = () => ''): PageEntry {
  let title: string | undefined;
  let authors: PageAuthor[] | undefined;
  let category: string | null | undefined;
  let withdrawn: string | null | undefined;
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
    get withdrawn() {
      return withdrawn === undefined ? (withdrawn = withdrawnNote(readComments())) : withdrawn;
    },
  };
}

/**
 * arXiv's comment when it says the paper was withdrawn: arXiv writes "This paper has been withdrawn"
 * (with the reason after it) on the withdrawal version; the abstract may stay (0704.0644). Null otherwise.
 */
export function withdrawnNote(comments: string): string | null {
  const text = comments.replace(/^\s*Comments:\s*/i, '').replace(/\s+/g, ' ').trim();
  return /\b(paper|article|submission|manuscript|preprint)\s+(has\s+been|is|was)\s+withdrawn\b|^withdrawn\b/i.test(text) ? text.slice(0, WITHDRAWN_MAX) : null;
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
