// The sites ScholarScope reads and the APIs it calls: the manifest's host permissions and the
// content scripts' matches are built from these lists, so the two cannot drift apart.

import type { Site } from './ids';

export const ARXIV_ORIGINS = ['https://arxiv.org', 'https://www.arxiv.org', 'https://export.arxiv.org'];

/** Google Scholar serves profiles on many country domains; these are the common ones. */
export const SCHOLAR_ORIGINS = ['com', 'co.uk', 'de', 'fr', 'ca', 'com.au', 'co.jp', 'co.in', 'es', 'it', 'nl', 'ch', 'com.br', 'co.kr', 'com.hk', 'com.sg'].map(
  (tld) => `https://scholar.google.${tld}`,
);

export type ProfileSite = Exclude<Site, 'arxiv'>;
export const PROFILE_SITES: readonly ProfileSite[] = ['semanticscholar', 'dblp', 'scholar', 'openreview', 'orcid'];

/** Where each profile site's pages are (the profiles content script's matches). */
export const PROFILE_SITE_MATCHES: Record<ProfileSite, string[]> = {
  semanticscholar: ['https://www.semanticscholar.org/author/*'],
  dblp: ['https://dblp.org/pid/*', 'https://dblp.uni-trier.de/pid/*'],
  scholar: SCHOLAR_ORIGINS.map((origin) => `${origin}/citations*`),
  openreview: ['https://openreview.net/profile*'],
  orcid: ['https://orcid.org/*', 'https://www.orcid.org/*'],
};

export const PROFILE_MATCHES = PROFILE_SITES.flatMap((site) => PROFILE_SITE_MATCHES[site]);

/** The host access each profile site needs: asked for only when the reader turns the site on. */
export const PROFILE_SITE_HOSTS: Record<ProfileSite, string[]> = {
  semanticscholar: ['https://www.semanticscholar.org/*'],
  dblp: ['https://dblp.org/*', 'https://dblp.uni-trier.de/*'],
  scholar: SCHOLAR_ORIGINS.map((origin) => `${origin}/*`),
  openreview: ['https://openreview.net/*'],
  orcid: ['https://orcid.org/*', 'https://www.orcid.org/*'],
};

/** Optional host permissions: the profile sites, granted one site at a time. */
export const OPTIONAL_HOST_PERMISSIONS = PROFILE_SITES.flatMap((site) => PROFILE_SITE_HOSTS[site]);

/** Host permissions granted at install: arXiv, which ScholarScope is for, and the APIs it calls; nothing else. */
export const HOST_PERMISSIONS = [...ARXIV_ORIGINS.map((origin) => `${origin}/*`), 'https://api.semanticscholar.org/*', 'https://api.openalex.org/*'];
