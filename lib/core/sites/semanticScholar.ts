// Semantic Scholar author pages: https://www.semanticscholar.org/author/<Name-Slug>/<id>.
// The id in the address is the strongest identity there is. The site is a single-page app,
// so the content script re-reads the address when it changes.

import type { ProfileContext } from './types';

const AUTHOR_PATH = /^\/author\/(?:[^/]+\/)?(\d{1,20})\/?$/;

export function s2AuthorIdFromUrl(href: string): string | null {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' || url.hostname !== 'www.semanticscholar.org') return null;
  return AUTHOR_PATH.exec(url.pathname)?.[1] ?? null;
}

export const s2AuthorPageExamples = {
  match: [
    'https://www.semanticscholar.org/author/Zhaoran-Wang/9000001',
    'https://www.semanticscholar.org/author/E.-Duflo/2259683?sort=influence',
    'https://www.semanticscholar.org/author/2259683',
  ],
  noMatch: [
    'https://www.semanticscholar.org/',
    'https://www.semanticscholar.org/paper/HiPER/abc',
    'https://www.semanticscholar.org/author/Zhaoran-Wang/',
    'https://semanticscholar.org.evil.example/author/X/1',
    'http://www.semanticscholar.org/author/X/1',
  ],
};

export function extractS2AuthorPage(doc: Document, href: string): ProfileContext | null {
  const id = s2AuthorIdFromUrl(href);
  if (!id) return null;
  const heading = doc.querySelector('h1')?.textContent?.replace(/\s+/g, ' ').trim() || null;
  return { site: 'semanticscholar', profileKey: id, name: heading, s2AuthorId: id, entries: [], titles: [] };
}
