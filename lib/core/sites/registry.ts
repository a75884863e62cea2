// Every site ScholarScope works on, in one list: arXiv and the profile sites (profileSites.ts). The
// manifest's host permissions, the content scripts' matches, the settings' switches and labels, the
// profile-key pattern and the runtime registration all derive from the two.

import { arxivSite } from './arxiv';
import { hostsOf, matchesOf } from './patterns';
import { OPTIONAL_HOST_PERMISSIONS, PROFILE_SITES } from './profileSites';
import { PUBLISHED_VERSION_ORIGINS } from '../published';
import { ZOTERO_ORIGIN } from '../zotero';
import type { PageKind } from './types';

export const SITES = [arxivSite, ...PROFILE_SITES] as const;

export type SiteId = (typeof SITES)[number]['id'];

export const SITE_IDS: readonly SiteId[] = SITES.map((site) => site.id);
export const SITE_LABELS = Object.fromEntries(SITES.map((site) => [site.id, site.label])) as Record<SiteId, string>;
export const ALL_SITES_ON = Object.fromEntries(SITE_IDS.map((id) => [id, true])) as Record<SiteId, boolean>;

/** Every page kind of every site, each with its predicate and examples. */
export const PAGE_KINDS: readonly PageKind<unknown>[] = SITES.flatMap((site) => site.pages as readonly PageKind<unknown>[]);

/** The APIs the background calls: granted at install with arXiv. */
export const API_ORIGINS = ['https://api.semanticscholar.org', 'https://api.openalex.org'];

/** Host permissions granted at install: arXiv, which ScholarScope is for, and the APIs it calls; nothing else. */
export const HOST_PERMISSIONS = [...hostsOf(arxivSite), ...API_ORIGINS.map((origin) => `${origin}/*`)];
export const ARXIV_MATCHES = matchesOf(arxivSite);

/**
 * Hosts asked for only when needed: each profile site, DBLP and Crossref for the published versions
 * (dblp.org is also part of the DBLP site), and the Zotero desktop app on this computer.
 */
export const OPTIONAL_ORIGINS = [...new Set([...OPTIONAL_HOST_PERMISSIONS, ...Object.values(PUBLISHED_VERSION_ORIGINS), ZOTERO_ORIGIN])];
