// The profile sites, in one list: the profiles content script reads only this (not arXiv's page
// readers, which registry.ts adds for everything else). Adding a profile site is one file (its
// descriptor) and one line here.

import { aclAnthologySite } from './aclAnthology';
import { dblpSite } from './dblp';
import { googleScholarSite } from './googleScholar';
import { openReviewSite } from './openReview';
import { orcidSite } from './orcid';
import { hostsOf, matchesOf } from './patterns';
import { semanticScholarSite } from './semanticScholar';
import type { ProfileContext, ProfileSiteDescriptor } from './types';

export const PROFILE_SITES = [semanticScholarSite, dblpSite, googleScholarSite, openReviewSite, orcidSite, aclAnthologySite] as const;

export type ProfileSiteId = (typeof PROFILE_SITES)[number]['id'];

/** Optional host permissions: the profile sites, granted one site at a time. */
export const OPTIONAL_HOST_PERMISSIONS = PROFILE_SITES.flatMap(hostsOf);
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

/** The profile site whose profile an address is, by the address alone; undefined for any other page. */
export function profileSiteAt(href: string): (typeof PROFILE_SITES)[number] | undefined {
  return PROFILE_SITES.find((site) => site.profileKey(href) !== null);
}

/** The profile page an address is, read from the document; null for any other page. */
export function extractProfilePage(doc: Document, href: string): ProfileContext | null {
  const site: ProfileSiteDescriptor | undefined = profileSiteAt(href);
  return site ? site.pages[0]!.extract(doc, href) : null;
}
