// Google Scholar profiles: scholar.google.<tld>/citations?user=<id>. The page gives a name
// (#gsc_prf_in), an affiliation (.gsc_prf_il) and paper titles (#gsc_a_b tr.gsc_a_tr a.gsc_a_at),
// but no ids that other services share: identity comes from a pin, or from candidates whose
// paper titles overlap the page's.

import { parseArxivId } from '../model';
import type { PageEntry } from './arxiv';
import type { ProfileContext } from './types';

const HOST = /^scholar\.google\.(?:com|[a-z]{2}|co\.[a-z]{2}|com\.[a-z]{2})$/;

export function scholarUserFromUrl(href: string): string | null {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' || !HOST.test(url.hostname) || url.pathname !== '/citations') return null;
  const user = url.searchParams.get('user');
  return user && /^[A-Za-z0-9_-]{6,20}$/.test(user) ? user : null;
}

export const scholarPageExamples = {
  match: [
    'https://scholar.google.com/citations?user=Qi2PSmEAAAAJ',
    'https://scholar.google.com/citations?hl=en&user=6OOalGkAAAAJ',
    'https://scholar.google.de/citations?user=weRJxNwAAAAJ&hl=de',
    'https://scholar.google.co.uk/citations?user=jEdhxGMAAAAJ&hl=en&oi=ao',
  ],
  noMatch: [
    'https://scholar.google.com/scholar?q=transformers',
    'https://scholar.google.com/citations?view_op=search_authors&mauthors=wang',
    'https://scholar.google.com.evil.example/citations?user=Qi2PSmEAAAAJ',
    'https://www.google.com/citations?user=Qi2PSmEAAAAJ',
  ],
};

function text(node: Element | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

// A row's second gray line is its venue; preprints read "arXiv preprint arXiv:2602.16165".
function rowArxivId(row: Element) {
  const venue = text(row.querySelectorAll('.gs_gray')[1]);
  const match = /arXiv:\s*([\w./-]+?\d)(?=[\s,;]|$)/i.exec(venue);
  return match ? parseArxivId(match[1] as string) : null;
}

export function extractScholarPage(doc: Document, href: string): ProfileContext | null {
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
