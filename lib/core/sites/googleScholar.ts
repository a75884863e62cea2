// Google Scholar profiles: scholar.google.<tld>/citations?user=<id>. The page gives a name
// (#gsc_prf_in), an affiliation (.gsc_prf_il) and paper titles (#gsc_a_b tr.gsc_a_tr a.gsc_a_at),
// but no ids that other services share: identity comes from a pin, from the arXiv ids in its venue
// lines, or from candidates whose paper titles overlap the page's.

import { parseArxivId } from '../ids';
import { parseUrl, text } from './dom';
import { profileSite, type PageEntry } from './types';

const HOST = /^scholar\.google\.(?:com|[a-z]{2}|co\.[a-z]{2}|com\.[a-z]{2})$/;

/** Google Scholar serves profiles on many country domains; these are the common ones. */
const SCHOLAR_ORIGINS = ['com', 'co.uk', 'de', 'fr', 'ca', 'com.au', 'co.jp', 'co.in', 'es', 'it', 'nl', 'ch', 'com.br', 'co.kr', 'com.hk', 'com.sg'].map((tld) => `https://scholar.google.${tld}`);

/**
 * The profile's user id. `/citations` also serves one paper of a profile (`view_op=view_citation`)
 * and a profile's coauthors (`view_op=list_colleagues`), with the same `user=`: those are not the
 * profile. Its own list may say `view_op=list_works` (sorted by year, say).
 */
export function scholarUserFromUrl(href: string): string | null {
  const url = parseUrl(href);
  if (!url || url.protocol !== 'https:' || !HOST.test(url.hostname) || url.pathname !== '/citations') return null;
  const view = url.searchParams.get('view_op');
  if (view !== null && view !== 'list_works') return null;
  const user = url.searchParams.get('user');
  return user && /^[A-Za-z0-9_-]{6,20}$/.test(user) ? user : null;
}

export const scholarPageExamples = {
  match: [
    'https://scholar.google.com/citations?user=Qi2PSmEAAAAJ',
    'https://scholar.google.com/citations?hl=en&user=6OOalGkAAAAJ',
    'https://scholar.google.de/citations?user=weRJxNwAAAAJ&hl=de',
    'https://scholar.google.co.uk/citations?user=jEdhxGMAAAAJ&hl=en&oi=ao',
    'https://scholar.google.com/citations?view_op=list_works&hl=en&user=qc6CJjYAAAAJ&sortby=pubdate',
  ],
  noMatch: [
    'https://scholar.google.com/scholar?q=transformers',
    'https://scholar.google.com/citations?view_op=search_authors&mauthors=wang',
    // From a real profile page's rows (tests/fixtures/real-pages/google-scholar): one paper, not the profile.
    'https://scholar.google.com/citations?view_op=view_citation&hl=en&user=qc6CJjYAAAAJ&citation_for_view=qc6CJjYAAAAJ:qyhmnyLat1gC',
    'https://scholar.google.com/citations?view_op=list_colleagues&hl=en&user=qc6CJjYAAAAJ',
    'https://scholar.google.com.evil.example/citations?user=Qi2PSmEAAAAJ',
    'https://www.google.com/citations?user=Qi2PSmEAAAAJ',
  ],
};

// A row's second gray line is its venue; preprints read "arXiv preprint arXiv:2602.16165", and
// old-style ones "arXiv preprint physics/0510251" (no "arXiv:").
function rowArxivId(row: Element) {
  const venue = text(row.querySelectorAll('.gs_gray')[1]);
  const match = /arXiv:\s*([\w./-]+?\d)(?=[\s,;]|$)/i.exec(venue) ?? /arXiv preprint\s+([a-z-]+(?:\.[A-Z]{2})?\/\d{7})(?=[\s,;]|$)/i.exec(venue);
  return match ? parseArxivId(match[1] as string) : null;
}

export function extractScholarPage(doc: Document, href: string) {
  const user = scholarUserFromUrl(href);
  if (!user) return null;
  const titles: string[] = [];
  const entries: PageEntry[] = [];
  for (const row of doc.querySelectorAll('#gsc_a_b tr.gsc_a_tr')) {
    const link = row.querySelector('a.gsc_a_at');
    const title = text(link);
    if (!link || !title) continue;
    titles.push(title);
    const arxiv = rowArxivId(row);
    if (arxiv) entries.push({ key: arxiv.id, arxiv: { id: arxiv.id, version: null }, title, authors: [], badgeAfter: link });
  }
  return { site: 'scholar', profileKey: user, name: text(doc.querySelector('#gsc_prf_in')) || null, s2AuthorId: null, entries, titles };
}

export const googleScholarSite = profileSite({
  id: 'scholar',
  label: 'Google Scholar profiles',
  origins: SCHOLAR_ORIGINS,
  paths: ['/citations*'],
  rendersLate: false,
  // "Show more" adds rows to the table as the reader asks.
  grows: '#gsc_a_b',
  examples: scholarPageExamples,
  profileKey: scholarUserFromUrl,
  extract: extractScholarPage,
});
