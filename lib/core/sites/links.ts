// Ids a profile page gives by linking elsewhere: many researchers link their Semantic Scholar
// profile from DBLP, OpenReview or ORCID, and that id beats every name.

import { s2AuthorIdFromUrl } from './semanticScholar';

/** The Semantic Scholar author id the page links to, if it links exactly one. */
export function linkedS2AuthorId(doc: Document): string | null {
  const ids = new Set<string>();
  for (const link of doc.querySelectorAll<HTMLAnchorElement>('a[href*="semanticscholar.org/author/"]')) {
    const id = s2AuthorIdFromUrl(link.href);
    if (id) ids.add(id);
  }
  return ids.size === 1 ? [...ids][0]! : null;
}

/** Normalised title for comparing paper lists across sites. */
export function titleKey(title: string): string {
  return title
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
