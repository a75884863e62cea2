// Profile sites, one module each; adding a site is adding a module and a line here.

import type { ProfileQuery } from '../../background/service';
import { extractDblpPage } from './dblp';
import { extractScholarPage } from './googleScholar';
import { extractOpenReviewPage } from './openReview';
import { extractOrcidPage } from './orcid';
import { extractS2AuthorPage } from './semanticScholar';
import type { ProfileContext } from './types';

const EXTRACTORS = [extractS2AuthorPage, extractDblpPage, extractScholarPage, extractOpenReviewPage, extractOrcidPage];

/** Sites that render their content after load: read them again as they fill in. */
export const LATE_RENDERING_SITES = new Set(['openreview', 'orcid', 'semanticscholar']);

export function extractProfilePage(doc: Document, href: string): ProfileContext | null {
  for (const extract of EXTRACTORS) {
    const context = extract(doc, href);
    if (context) return context;
  }
  return null;
}

/** What the background needs to resolve the person: ids first, the page's arXiv papers as evidence. */
export function profileQuery(context: ProfileContext): ProfileQuery {
  return {
    profile: `${context.site}:${context.profileKey}`,
    name: context.name,
    s2AuthorId: context.s2AuthorId,
    paperKeys: [...new Set(context.entries.map((entry) => entry.key))].slice(0, 500),
    titles: context.titles.slice(0, 100).map((title) => title.slice(0, 500)),
  };
}

export type { ProfileContext } from './types';
