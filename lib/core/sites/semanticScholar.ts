// Semantic Scholar author pages: https://www.semanticscholar.org/author/<Name-Slug>/<id>. The id in
// the address is the strongest identity there is. The site is a single-page app: the content script
// reads the address again when it changes, and the page as it fills in.

import { s2AuthorIdFromUrl, text } from './dom';
import { profileSite } from './types';

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

export const semanticScholarSite = profileSite({
  id: 'semanticscholar',
  label: 'Semantic Scholar author pages',
  origins: ['https://www.semanticscholar.org'],
  paths: ['/author/*'],
  rendersLate: true,
  examples: s2AuthorPageExamples,
  profileKey: s2AuthorIdFromUrl,
  extract(doc, href) {
    const id = s2AuthorIdFromUrl(href);
    if (!id) return null;
    return { site: 'semanticscholar', profileKey: id, name: text(doc.querySelector('h1')) || null, s2AuthorId: id, entries: [], titles: [] };
  },
});
