import { describe, expect, it } from 'vitest';
import { arxivSite } from '../../lib/core/sites/arxiv';
import { ALL_SITES_ON, API_ORIGINS, HOST_PERMISSIONS, PAGE_KINDS, SITE_IDS, SITES } from '../../lib/core/sites/registry';
import { OPTIONAL_HOST_PERMISSIONS, PROFILE_KEY, PROFILE_MATCHES, PROFILE_SITES, extractProfilePage } from '../../lib/core/sites/profileSites';
import { matchesOf } from '../../lib/core/sites/patterns';
import { S2_API } from '../../lib/background/sources/semanticScholar/client';
import { OPENALEX_API } from '../../lib/background/sources/openAlex/client';
import { ARXIV_API } from '../../lib/background/sources/arxiv/client';

/** A manifest match pattern as a test of a URL (scheme, host and path; the query is not part of a match). */
function matchesPattern(pattern: string, href: string): boolean {
  const url = new URL(href);
  const [, origin, path] = /^(https:\/\/[^/]+)(\/.*)$/.exec(pattern)!;
  const glob = new RegExp(`^${path!.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
  return url.origin === origin && glob.test(url.pathname);
}

describe('the site registry', () => {
  it('gives every site and page kind a unique id', () => {
    expect(new Set(SITE_IDS).size).toBe(SITES.length);
    expect(new Set(PAGE_KINDS.map((kind) => kind.id)).size).toBe(PAGE_KINDS.length);
  });

  // Each page kind's example addresses, walked against every page kind: its own must match it and no
  // other (two kinds never claim one address); its near misses must match nothing.
  for (const kind of PAGE_KINDS) {
    describe(kind.id, () => {
      it.each(kind.examples.match)('matches %s, and no other page kind does', (url) => {
        expect(PAGE_KINDS.filter((other) => other.is(url)).map((other) => other.id)).toEqual([kind.id]);
      });
      it.each(kind.examples.noMatch)('does not match %s', (url) => expect(kind.is(url)).toBe(false));
      it('has a content-script match for each example it matches', () => {
        const site = SITES.find((candidate) => (candidate.pages as readonly { id: string }[]).some((page) => page.id === kind.id))!;
        for (const url of kind.examples.match) expect(matchesOf(site).some((pattern) => matchesPattern(pattern, url)), url).toBe(true);
      });
    });
  }

  it('derives the host permissions: arXiv and the APIs at install, each profile site optional', () => {
    expect(HOST_PERMISSIONS).toEqual([...arxivSite.origins, ...API_ORIGINS].map((origin) => `${origin}/*`));
    for (const api of [S2_API, OPENALEX_API, ARXIV_API]) expect(HOST_PERMISSIONS).toContain(`${new URL(api).origin}/*`);
    expect(OPTIONAL_HOST_PERMISSIONS).toEqual(PROFILE_SITES.flatMap((site) => site.origins.map((origin) => `${origin}/*`)));
    expect(PROFILE_MATCHES).toEqual(PROFILE_SITES.flatMap(matchesOf));
    expect(Object.keys(ALL_SITES_ON)).toEqual([...SITE_IDS]);
  });

  it('accepts profile keys of every profile site and the author correction, nothing else', () => {
    for (const site of PROFILE_SITES) {
      const url = site.pages[0]!.examples.match[0]!;
      expect(PROFILE_KEY.test(`${site.id}:${site.profileKey(url)!}`), site.id).toBe(true);
    }
    expect(PROFILE_KEY.test('author:9000001')).toBe(true);
    for (const bad of ['arxiv:1810.04805', 'evil:1', 'dblp:', 'author:A5000000001', 'dblp:a b']) expect(PROFILE_KEY.test(bad), bad).toBe(false);
  });

  it('reads no profile from a page of another site', () => {
    const doc = new DOMParser().parseFromString('<h1>x</h1>', 'text/html');
    for (const kind of arxivSite.pages) for (const url of kind.examples.match) expect(extractProfilePage(doc, url)).toBeNull();
  });
});
