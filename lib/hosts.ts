// The sites ScholarScope reads and the APIs it calls: the manifest's host permissions and the
// content scripts' matches are built from these lists, so the two cannot drift apart.

export const ARXIV_ORIGINS = ['https://arxiv.org', 'https://www.arxiv.org', 'https://export.arxiv.org'];

/** Google Scholar serves profiles on many country domains; these are the common ones. */
export const SCHOLAR_ORIGINS = ['com', 'co.uk', 'de', 'fr', 'ca', 'com.au', 'co.jp', 'co.in', 'es', 'it', 'nl', 'ch', 'com.br', 'co.kr', 'com.hk', 'com.sg'].map(
  (tld) => `https://scholar.google.${tld}`,
);

export const PROFILE_MATCHES = [
  'https://www.semanticscholar.org/author/*',
  'https://dblp.org/pid/*',
  'https://dblp.uni-trier.de/pid/*',
  ...SCHOLAR_ORIGINS.map((origin) => `${origin}/citations*`),
  'https://openreview.net/profile*',
  'https://orcid.org/*',
  'https://www.orcid.org/*',
];


/** Host permissions: the pages we augment and the APIs we call, nothing else. */
export const HOST_PERMISSIONS = [
  ...ARXIV_ORIGINS.map((origin) => `${origin}/*`),
  'https://www.semanticscholar.org/*',
  'https://dblp.org/*',
  'https://dblp.uni-trier.de/*',
  ...SCHOLAR_ORIGINS.map((origin) => `${origin}/*`),
  'https://openreview.net/*',
  'https://orcid.org/*',
  'https://www.orcid.org/*',
  'https://api.semanticscholar.org/*',
  'https://api.openalex.org/*',
];
