// Every site ScholarScope works on, in one list. Adding a profile site is one file (its descriptor)
// and one line here; the manifest's host permissions, the content scripts' matches, the settings'
// switches and labels, the profile-key pattern and the runtime registration all derive from it.

import { aclAnthologySite } from './aclAnthology';
import { arxivSite } from './arxiv';
import { dblpSite } from './dblp';
import { googleScholarSite } from './googleScholar';
import { openReviewSite } from './openReview';
import { orcidSite } from './orcid';
import { hostsOf, matchesOf } from './patterns';
import { semanticScholarSite } from './semanticScholar';
import type { PageKind, ProfileContext, ProfileSiteDescriptor } from './types';

export const PROFILE_SITES = [semanticScholarSite, dblpSite, googleScholarSite, openReviewSite, orcidSite, aclAnthologySite] as const;
export const SITES = [arxivSite, ...PROFILE_SITES] as const;

export type SiteId = (typeof SITES)[number]['id'];
export type ProfileSiteId = (typeof PROFILE_SITES)[number]['id'];

export const SITE_IDS: readonly SiteId[] = SITES.map((site) => site.id);
export const SITE_LABELS = Object.fromEntries(SITES.map((site) => [site.id, site.label])) as Record<SiteId, string>;
export const ALL_SITES_ON = Object.fromEntries(SITE_IDS.map((id) => [id, true])) as Record<SiteId, boolean>;

/** Every page kind of every site, each with its predicate and examples. */
export const PAGE_KINDS: readonly PageKind<unknown>[] = SITES.flatMap((site) => site.pages as readonly PageKind<unknown>[]);

/** The APIs the background calls: granted at install with arXiv. */
export const API_ORIGINS = ['https://api.semanticscholar.org', 'https://api.openalex.org'];

/** Host permissions granted at install: arXiv, which ScholarScope is for, and the APIs it calls; nothing else. */
export const HOST_PERMISSIONS = [...hostsOf(arxivSite), ...API_ORIGINS.map((origin) => `${origin}/*`)];
/** Optional host permissions: the profile sites, granted one site at a time. */
export const OPTIONAL_HOST_PERMISSIONS = PROFILE_SITES.flatMap(hostsOf);
export const ARXIV_MATCHES = matchesOf(arxivSite);
export const PROFILE_MATCHES = PROFILE_SITES.flatMap(matchesOf);

export function profileSiteById(id: string): (typeof PROFILE_SITES)[number] | undefined {
  return PROFILE_SITES.find((site) => site.id === id);
}

export function isProfileSiteId(id: string): id is ProfileSiteId {
  return profileSiteById(id) !== undefined;
}

/** The profile sites whose every host the browser has granted. */
export function grantedSites(origins: readonly string[]): ProfileSiteId[] {
  const granted = new Set(origins);
  return PROFILE_SITES.filter((site) => hostsOf(site).every((host) => granted.has(host))).map((site) => site.id);
}

/** The profiles content script's matches for these sites. */
export function matchesFor(ids: readonly ProfileSiteId[]): string[] {
  return PROFILE_SITES.filter((site) => ids.includes(site.id)).flatMap(matchesOf);
}

/** Pins and profile queries name a profile `<site>:<key>`; `author:<id>` corrects an author on papers. */
export const PROFILE_KEY = new RegExp(`^(?:(?:${PROFILE_SITES.map((site) => site.id).join('|')}):[\\p{L}\\p{M}\\p{N}~/_.'-]{1,100}|author:\\d{1,20})$`, 'u');

/** The profile page an address is, read from the document; null for any other page. */
export function extractProfilePage(doc: Document, href: string): ProfileContext | null {
  for (const site of PROFILE_SITES as readonly ProfileSiteDescriptor[]) {
    if (site.profileKey(href) !== null) return site.pages[0]!.extract(doc, href);
  }
  return null;
}
