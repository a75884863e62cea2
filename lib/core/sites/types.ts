// What a researcher profile page tells about its person, for identity resolution.

import type { PageEntry } from './arxiv';

export type ProfileSite = 'semanticscholar' | 'dblp' | 'scholar' | 'openreview' | 'orcid';

export interface ProfileContext {
  site: ProfileSite;
  /** Stable key of the profile on its site (S2 author id, DBLP pid); pins are stored under it. */
  profileKey: string;
  /** The person's name as the page shows it, when it shows one. */
  name: string | null;
  /** The strongest id: a Semantic Scholar author id the page itself gives. */
  s2AuthorId: string | null;
  /** Papers on the page with arXiv ids: evidence for the identity, and entries to annotate. */
  entries: PageEntry[];
  /** Titles of the papers the page lists (evidence where there are no ids, as on Google Scholar). */
  titles: string[];
}
