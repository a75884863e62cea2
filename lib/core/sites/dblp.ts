// DBLP person pages: https://dblp.org/pid/<pid>.html. The person is `#headline .name`; each
// publication is `ul.publ-list > li.entry` with its links in `nav.publ` and its authors in
// `.data span[itemprop=author]` (the page's own person as `span.this-person`): `cite.data` on
// today's pages, `div.data` on older ones (and in saved copies of them). Older entries link DOIs
// on doi.acm.org.
// Papers with an arXiv link, an arXiv DOI (10.48550/arXiv.<id>) or another DOI are evidence and
// get annotated.

import type { ArxivId, PaperKey } from '../ids';
import { httpsUrlOn, linkedS2AuthorId, paperFromHref, text } from './dom';
import { profileSite, type PageAuthor, type PageEntry } from './types';

const PID_PATH = /^\/pid\/([a-z0-9]+(?:\/[A-Za-z0-9-]+)+)(?:\.html)?\/?$/;
const HOSTS = new Set(['dblp.org', 'dblp.uni-trier.de']);

export function dblpPidFromUrl(href: string): string | null {
  const url = httpsUrlOn(href, HOSTS);
  return url ? (PID_PATH.exec(url.pathname)?.[1] ?? null) : null;
}

export const dblpPageExamples = {
  match: ['https://dblp.org/pid/36/8449.html', 'https://dblp.org/pid/s/CyrusShahabi.html', 'https://dblp.org/pid/12/10033-1.html', 'https://dblp.uni-trier.de/pid/295/6748.html', 'https://dblp.org/pid/264/1048'],
  noMatch: ['https://dblp.org/', 'https://dblp.org/db/conf/asplos/asplos2024-2.html', 'https://dblp.org/pid/', 'https://dblp.org/search?q=wang', 'http://dblp.org/pid/36/8449.html', 'https://dblp.org.evil.example/pid/36/8449.html'],
};

// An arXiv link or DOI is preferred; otherwise the first DOI of the entry.
function entryFor(li: Element): PageEntry | null {
  let found: { key: PaperKey; arxiv: ArxivId | null } | null = null;
  for (const link of li.querySelectorAll('nav.publ a[href]')) {
    const paper = paperFromHref(link.getAttribute('href') ?? '');
    if (paper && (!found || (paper.arxiv && !found.arxiv))) found = paper;
    if (found?.arxiv) break;
  }
  const title = li.querySelector('.data .title');
  if (!found || !title) return null;
  const authors: PageAuthor[] = [];
  for (const person of li.querySelectorAll<HTMLElement>('.data span[itemprop="author"] [itemprop="name"]')) {
    const name = person.getAttribute('title')?.trim() || text(person);
    if (name) authors.push({ name, element: person });
  }
  return { ...found, title: text(title).replace(/\.$/, ''), authors, badgeAfter: title };
}

export const dblpSite = profileSite({
  id: 'dblp',
  label: 'DBLP person pages',
  origins: ['https://dblp.org', 'https://dblp.uni-trier.de'],
  paths: ['/pid/*'],
  rendersLate: false,
  examples: dblpPageExamples,
  profileKey: dblpPidFromUrl,
  extract(doc, href) {
    const pid = dblpPidFromUrl(href);
    if (!pid) return null;
    const name = text(doc.querySelector('#headline .name, #headline h1 [itemprop="name"]')) || null;
    const entries: PageEntry[] = [];
    for (const li of doc.querySelectorAll('ul.publ-list > li.entry')) {
      const entry = entryFor(li);
      if (entry) entries.push(entry);
    }
    return { site: 'dblp', profileKey: pid, name, s2AuthorId: linkedS2AuthorId(doc), entries, titles: [] };
  },
});
