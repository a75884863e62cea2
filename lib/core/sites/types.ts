// What every site descriptor declares, and what its extractor reads off a page. Extractors take the
// Document they read, so they run anywhere (tests give them parsed HTML).

import type { ArxivId, PaperKey } from '../ids';

/** An author name as the page shows it, with the element that carries it. */
export interface PageAuthor {
  name: string;
  element: HTMLElement;
  /** Where the chip goes when not after `element`: a point inside it, at the end of the name. */
  chipAt?: ChipPoint;
}

/**
 * A point in the page: after `node`, or `offset` characters into the text `node` as the page had
 * it (LaTeXML puts several names, their marks and the affiliation lines in one element).
 */
export interface ChipPoint {
  node: Element | Text;
  offset?: number;
}

/** One paper on a page: listed (listings, search results, profile entries) or the page's own (abstract, HTML). */
export interface PageEntry {
  /** The paper's key (its arXiv id, or `doi:` for papers known only by DOI on profile pages). */
  key: PaperKey;
  /** The arXiv id as the page shows it (with version where it says), null for DOI-only papers. */
  arxiv: ArxivId | null;
  title: string;
  authors: PageAuthor[];
  /** The element after (or inside, see `badgeInside`) which the entry's badge goes; null where a page gets no badge. */
  badgeAfter: Element | null;
  /** arXiv's primary category (`cs.CL`) where the page shows it; BibTeX's primaryClass. */
  primaryCategory?: string | null;
  /** arXiv's comment saying the paper was withdrawn ("This paper has been withdrawn …"), where the page shows one. */
  withdrawn?: string | null;
}

/** URL examples a predicate must accept and refuse; one test walks them across every descriptor. */
export interface UrlExamples {
  match: readonly string[];
  noMatch: readonly string[];
}

/** A kind of page: which addresses it is, with examples, and how it is read. */
export interface PageKind<Context> {
  /** Unique among all page kinds, e.g. `arxiv-abs`, `dblp`. */
  id: string;
  /** URL paths under the site's origins, in manifest match syntax (`/abs/*`). */
  paths: readonly string[];
  is(href: string): boolean;
  examples: UrlExamples;
  extract(doc: Document, href: string): Context | null;
}

export type ArxivPageKindId = 'abs' | 'listing' | 'search' | 'html';

/** What an arXiv page says about its papers. */
export interface ArxivPage {
  kind: ArxivPageKindId;
  entries: PageEntry[];
}

/** How an arXiv page kind is drawn. */
export interface ArxivDrawing {
  /** The page is about one paper (its first entry): the popup describes it, its chips show at once. */
  single: boolean;
  /** Put the badge inside `badgeAfter` (a title heading) rather than after it, so no line is added. */
  badgeInside: boolean;
  /** The order-and-filter bar over the entries. */
  triage: boolean;
  /** The closed "Related papers" section at the end of the abstract. */
  related: boolean;
}

export interface ArxivPageKind extends PageKind<ArxivPage> {
  kind: ArxivPageKindId;
  drawing: ArxivDrawing;
}

/** What a researcher profile page tells about its person, for identity resolution. */
export interface ProfileContext {
  site: string;
  /** Stable key of the profile on its site (S2 author id, DBLP pid); pins are stored under it. */
  profileKey: string;
  /** The person's name as the page shows it, when it shows one. */
  name: string | null;
  /** The strongest id: a Semantic Scholar author id the page itself gives. */
  s2AuthorId: string | null;
  /** Papers on the page with arXiv ids or DOIs: evidence for the identity, and entries to annotate. */
  entries: PageEntry[];
  /** Titles of the papers the page lists (evidence where there are no ids, as on Google Scholar). */
  titles: string[];
  /** The person's ORCID iD where the page links it (ACL Anthology): a candidate with the same one is them. */
  orcid?: string | null;
}

/** A site ScholarScope works on: one switch in the settings, one set of host permissions. */
export interface SiteDescriptor<Id extends string = string, Context = unknown> {
  id: Id;
  /** The settings' label for its switch. */
  label: string;
  /** `https://host` of every host the site serves its pages on. */
  origins: readonly string[];
  /** Asked for only when the reader turns the site on (profile sites); else granted at install (arXiv). */
  optional: boolean;
  /** An app that renders after load: its pages are read again as they fill in. */
  rendersLate: boolean;
  pages: readonly PageKind<Context>[];
}

/** A researcher profile site: one page kind, whose address carries the profile key. */
export interface ProfileSiteDescriptor<Id extends string = string> extends SiteDescriptor<Id, ProfileContext> {
  optional: true;
  /** A container the page adds entries to when the reader asks (Google Scholar's "Show more"): read again whenever it grows. */
  grows?: string;
  /** The profile key in a page address; null when the address is not one of the site's profiles. */
  profileKey(href: string): string | null;
}

/** A profile site from its parts: its single page kind is built from `profileKey`. */
export function profileSite<const Id extends string>(site: {
  id: Id;
  label: string;
  origins: readonly string[];
  paths: readonly string[];
  rendersLate: boolean;
  grows?: string;
  examples: UrlExamples;
  profileKey(href: string): string | null;
  extract(doc: Document, href: string): ProfileContext | null;
}): ProfileSiteDescriptor<Id> {
  const page: PageKind<ProfileContext> = { id: site.id, paths: site.paths, is: (href) => site.profileKey(href) !== null, examples: site.examples, extract: site.extract };
  return { id: site.id, label: site.label, origins: site.origins, optional: true, rendersLate: site.rendersLate, ...(site.grows ? { grows: site.grows } : {}), profileKey: site.profileKey, pages: [page] };
}
