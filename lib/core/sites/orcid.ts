// ORCID records: orcid.org/<iD>. The iD (checksummed) is the profile key; the name is what the
// record displays beside it, "Name (iD)"; works that link an arXiv paper or a DOI are evidence and
// get a badge. The page is an app that renders after load; the content script reads it again as it
// fills in.

import { ORCID_ID } from '../ids';
import { httpsUrlOn, linkedS2AuthorId, paperFromHref, parseUrl } from './dom';
import { profileSite, type PageEntry } from './types';

/** ISO 7064 MOD 11-2, the check character of an ORCID iD. */
export function validOrcid(orcid: string): boolean {
  if (!ORCID_ID.test(orcid)) return false;
  const digits = orcid.replace(/-/g, '');
  let total = 0;
  for (const char of digits.slice(0, -1)) total = (total + Number(char)) * 2;
  const check = (12 - (total % 11)) % 11;
  return digits.slice(-1) === (check === 10 ? 'X' : String(check));
}

const ORCID_HOSTS = new Set(['orcid.org', 'www.orcid.org']);

function orcidInPath(url: URL | null): string | null {
  const id = url ? /^\/(\d{4}-\d{4}-\d{4}-\d{3}[\dX])\/?$/.exec(url.pathname)?.[1] : undefined;
  return id && validOrcid(id) ? id : null;
}

/** The iD of an ORCID record's address (https, as the content script runs there), or null. */
export function orcidFromUrl(href: string): string | null {
  return orcidInPath(httpsUrlOn(href, ORCID_HOSTS));
}

/**
 * The ORCID iD a page links as the person's own, if it links exactly one. Links may keep the
 * `http://orcid.org/` form ORCID itself printed until 2017 (OpenReview takes any URL there).
 */
export function linkedOrcid(doc: Document): string | null {
  const ids = new Set<string>();
  for (const link of doc.querySelectorAll<HTMLAnchorElement>('a[href*="orcid.org/"]')) {
    const url = parseUrl(link.href);
    const id = url && (url.protocol === 'https:' || url.protocol === 'http:') && ORCID_HOSTS.has(url.hostname) ? orcidInPath(url) : null;
    if (id) ids.add(id);
  }
  return ids.size === 1 ? [...ids][0]! : null;
}

export const orcidPageExamples = {
  match: ['https://orcid.org/0000-0002-1825-0097', 'https://orcid.org/0000-0001-5109-3700/', 'https://www.orcid.org/0000-0002-1694-233X'],
  noMatch: ['https://orcid.org/', 'https://orcid.org/0000-0002-1825-0098', 'https://orcid.org/signin', 'https://orcid.org.evil.example/0000-0002-1825-0097', 'http://orcid.org/0000-0002-1825-0097'],
};

// ORCID/orcid-angular (core/open-graph, core/title-service) sets `og:title` to "Name (iD)" and the
// title to that and " - ORCID", every hyphen in the title made "᭸" when it holds Arabic script (so
// that the iD does not show reversed). A record without a name shows the iD alone: no name.
function displayedName(doc: Document, orcid: string): string | null {
  const shown = [doc.querySelector('meta[property="og:title"]')?.getAttribute('content') ?? '', doc.title];
  for (const text of shown.map((one) => one.replace(/᭸/g, '-'))) {
    const index = text.indexOf(`(${orcid})`);
    const name = index > 0 ? text.slice(0, index).trim() : '';
    if (name) return name;
  }
  return null;
}

// Works link their identifiers: arXiv addresses and DOIs (arXiv DOIs included). Only the Works
// section holds the person's papers (ORCID's record page, ORCID/orcid-angular: `#works`, one
// `app-work-stack` a work); funding and peer-review items link DOIs too, of other people's papers.
const WORK_LINKS = ['#works', 'app-work-stack'].flatMap((scope) => [`${scope} a[href*="arxiv.org/abs/"]`, `${scope} a[href*="doi.org/10."]`]).join(', ');

function workEntries(doc: Document): PageEntry[] {
  const seen = new Set<string>();
  const entries: PageEntry[] = [];
  for (const link of doc.querySelectorAll<HTMLAnchorElement>(WORK_LINKS)) {
    const paper = paperFromHref(link.href);
    if (!paper || seen.has(paper.key)) continue;
    seen.add(paper.key);
    entries.push({ ...paper, title: '', authors: [], badgeAfter: link });
  }
  return entries;
}

export const orcidSite = profileSite({
  id: 'orcid',
  label: 'ORCID records',
  origins: ['https://orcid.org', 'https://www.orcid.org'],
  paths: ['/*'],
  rendersLate: true,
  examples: orcidPageExamples,
  profileKey: orcidFromUrl,
  extract(doc, href) {
    const orcid = orcidFromUrl(href);
    if (!orcid) return null;
    return { site: 'orcid', profileKey: orcid, name: displayedName(doc, orcid), s2AuthorId: linkedS2AuthorId(doc), entries: workEntries(doc), titles: [], orcid };
  },
});
