// Abstract pages, `/abs/<id>[vN]`: the paper's id, version, title, authors (those arXiv hides behind
// "et al." included) and primary category. Structure from arXiv's templates (browse/templates/abs/).

import { parseArxivId } from '../../ids';
import { text } from '../dom';
import type { ArxivPage, ArxivPageKind } from '../types';
import { arxivUrl, categoryFromSubject, lazyEntry, linkAuthors, titleWithoutDescriptor } from './shared';

/** `https://arxiv.org/abs/<id>[vN]` on any arXiv host, new- or old-style id. */
export function isAbsPage(href: string): boolean {
  const url = arxivUrl(href);
  return !!url && url.pathname.startsWith('/abs/') && parseArxivId(url.origin + url.pathname) !== null;
}

export const absPageExamples = {
  match: [
    'https://arxiv.org/abs/2602.16165',
    'https://arxiv.org/abs/2602.16165v1',
    'https://arxiv.org/abs/0704.0105v2',
    'https://arxiv.org/abs/hep-th/9108002',
    'https://arxiv.org/abs/hep-th/9108002v1',
    'https://arxiv.org/abs/math.GT/0309136',
    'https://www.arxiv.org/abs/1810.04805',
    'https://export.arxiv.org/abs/1810.04805v2',
    'https://arxiv.org/abs/1810.04805?context=cs',
    'https://arxiv.org/abs/1810.04805#',
  ],
  noMatch: [
    'https://arxiv.org/',
    'https://arxiv.org/abs/',
    'https://arxiv.org/abs/not-an-id',
    'https://arxiv.org/abs/0703.0001', // new style began 2007-04
    'https://arxiv.org/abs/1501.0001', // five digits from 2015
    'https://arxiv.org/pdf/1810.04805',
    'https://arxiv.org.evil.example/abs/1810.04805',
    'http://arxiv.org/abs/1810.04805',
  ],
};

function metaContent(doc: Document, name: string): string {
  return doc.querySelector(`meta[name="${name}"]`)?.getAttribute('content')?.trim() ?? '';
}

// The version shown, when the URL does not say: "Cite as ... (or arXiv:0704.0105v2 for this version)",
// else the bold, unlinked entry of the submission history.
function pageVersion(doc: Document, id: string): number | null {
  const citeAs = parseArxivId(text(doc.querySelector('.arxividv a')));
  if (citeAs && citeAs.id === id && citeAs.version) return citeAs.version;
  for (const strong of doc.querySelectorAll('.submission-history strong, .submission-history b')) {
    if (strong.querySelector('a')) continue;
    const match = /^\[v(\d+)\]$/.exec(text(strong));
    if (match) return Number(match[1]);
  }
  return null;
}

/** The abstract page as a one-entry page: its paper, with the title heading for the badge. */
export function extractAbsPage(doc: Document, href: string): ArxivPage | null {
  if (!isAbsPage(href)) return null;
  const url = new URL(href);
  const fromUrl = parseArxivId(url.origin + url.pathname);
  if (!fromUrl) return null;
  const arxiv = { id: fromUrl.id, version: fromUrl.version ?? pageVersion(doc, fromUrl.id) };
  const title = metaContent(doc, 'citation_title') || titleWithoutDescriptor(doc.querySelector('h1.title'));
  const heading = doc.querySelector('h1.title');
  // Authors are read when first asked for: a paper can list thousands.
  const entry = lazyEntry(
    arxiv,
    heading,
    () => title,
    () => {
      const block = doc.querySelector('#abs div.authors, div.authors');
      return block ? linkAuthors(block.querySelectorAll<HTMLAnchorElement>('a[href]')) : [];
    },
    () => categoryFromSubject(text(doc.querySelector('.subjects .primary-subject'))),
    () => text(doc.querySelector('.metatable td.comments, td.tablecell.comments')),
  );
  return { kind: 'abs', entries: [entry] };
}

export const absPage: ArxivPageKind = {
  id: 'arxiv-abs',
  kind: 'abs',
  paths: ['/abs/*'],
  is: isAbsPage,
  examples: absPageExamples,
  extract: extractAbsPage,
  drawing: { single: true, badgeInside: true, triage: false, related: true },
};
