// The sites ScholarScope can work on; each can be switched off in the settings.

export const SITES = ['arxiv', 'semanticscholar', 'dblp', 'scholar', 'openreview', 'orcid'] as const;
export type Site = (typeof SITES)[number];

export const SITE_LABELS: Record<Site, string> = {
  arxiv: 'arXiv (abstracts, listings, search, HTML papers)',
  semanticscholar: 'Semantic Scholar author pages',
  dblp: 'DBLP person pages',
  scholar: 'Google Scholar profiles',
  openreview: 'OpenReview profiles',
  orcid: 'ORCID records',
};

export const ALL_SITES_ON: Record<Site, boolean> = Object.fromEntries(SITES.map((site) => [site, true])) as Record<Site, boolean>;
