// ACL Anthology author pages: aclanthology.org/people/<id>/ (older pages: /people/<letter>/<slug>/,
// and names not yet tied to a verified person: /people/<slug>/unverified/). The three addresses of
// one person are one profile, keyed by the slug; the page's ORCID link, where it has one, says who.
// Structure from the Anthology's own Hugo templates (acl-org/acl-anthology, hugo/layouts/people/
// single.html and partials/papers/list-entry-author.html): the name in `h2#title` (first name and
// last name in two spans), each paper a `strong > a` title link to its Anthology page. The page
// gives no ids other services share, so its titles are the evidence, as on Google Scholar.

import { httpsUrlOn, text } from './dom';
import { linkedOrcid } from './orcid';
import { profileSite } from './types';

const PERSON_PATH = /^\/people\/((?:[a-z0-9]\/)?[a-z0-9][a-z0-9-]{0,99}(?:\/unverified)?)\/?$/;

export function aclPersonFromUrl(href: string): string | null {
  const url = httpsUrlOn(href, new Set(['aclanthology.org']));
  const path = url ? PERSON_PATH.exec(url.pathname)?.[1] : undefined;
  return path ? path.replace(/^[a-z0-9]\//, '').replace(/\/unverified$/, '') : null;
}

/** The keys a pin made before the three addresses were one profile was stored under (`z/zhaoran-wang`, `zhaoran-wang/unverified`). */
export function aclEarlierKeys(slug: string): string[] {
  return [`${slug.charAt(0)}/${slug}`, `${slug}/unverified`];
}

export const aclPageExamples = {
  match: ['https://aclanthology.org/people/zhaoran-wang/', 'https://aclanthology.org/people/z/zhaoran-wang/', 'https://aclanthology.org/people/yang-liu-1/unverified/', 'https://aclanthology.org/people/noah-a-smith'],
  noMatch: ['https://aclanthology.org/', 'https://aclanthology.org/people/', 'https://aclanthology.org/2023.acl-long.1/', 'https://aclanthology.org/people/zhaoran-wang/awards/', 'http://aclanthology.org/people/zhaoran-wang/', 'https://aclanthology.org.evil.example/people/x/'],
};

export const aclAnthologySite = profileSite({
  id: 'aclanthology',
  label: 'ACL Anthology author pages',
  origins: ['https://aclanthology.org'],
  paths: ['/people/*'],
  rendersLate: false,
  examples: aclPageExamples,
  profileKey: aclPersonFromUrl,
  extract(doc, href) {
    const person = aclPersonFromUrl(href);
    if (!person) return null;
    const titles = [...doc.querySelectorAll('#main strong > a')].map(text).filter(Boolean);
    return { site: 'aclanthology', profileKey: person, name: text(doc.querySelector('#main h2#title, h2#title')) || null, s2AuthorId: null, entries: [], titles, orcid: linkedOrcid(doc) };
  },
});
