// HTML full text, `/html/<id>[vN]`: LaTeXML markup. `.ltx_authors .ltx_personname` holds a name,
// often followed by affiliation lines (`<br>`, `.ltx_role_affiliation`) and notes.

import { parseArxivId } from '../../ids';
import { text } from '../dom';
import type { ArxivPage, ArxivPageKind, PageAuthor } from '../types';
import { arxivUrl } from './shared';

export function isHtmlPaper(href: string): boolean {
  const url = arxivUrl(href);
  return !!url && url.pathname.startsWith('/html/') && parseArxivId(url.origin + url.pathname.replace(/\/$/, '')) !== null;
}

export const htmlPaperExamples = {
  match: ['https://arxiv.org/html/2602.16165', 'https://arxiv.org/html/2602.16165v1', 'https://arxiv.org/html/2602.16165v1/', 'https://www.arxiv.org/html/1810.04805v2'],
  noMatch: ['https://arxiv.org/html/', 'https://arxiv.org/html/not-an-id', 'https://example.org/html/2602.16165'],
};

// The name is the first line of text.
function htmlAuthors(doc: Document): PageAuthor[] {
  const authors: PageAuthor[] = [];
  for (const person of doc.querySelectorAll<HTMLElement>('.ltx_authors .ltx_personname')) {
    let name = '';
    for (const node of person.childNodes) {
      if (node.nodeName === 'BR') break;
      if (node.nodeType === 1 && (node as Element).matches('.ltx_note, .ltx_role_affiliation, .ltx_role_email, sup')) continue;
      name += node.textContent ?? '';
    }
    name = name.replace(/\s+/g, ' ').trim().replace(/[,;*†‡∗]+$/u, '').trim();
    if (name) authors.push({ name, element: person });
  }
  return authors;
}

export function extractHtmlPaper(doc: Document, href: string): ArxivPage | null {
  if (!isHtmlPaper(href)) return null;
  const url = new URL(href);
  const arxiv = parseArxivId(url.origin + url.pathname.replace(/\/$/, ''));
  const title = doc.querySelector('h1.ltx_title_document, h1.ltx_title');
  if (!arxiv || !title) return { kind: 'html', entries: [] };
  return { kind: 'html', entries: [{ key: arxiv.id, arxiv, title: text(title), authors: htmlAuthors(doc), badgeAfter: title }] };
}

export const htmlPage: ArxivPageKind = {
  id: 'arxiv-html',
  kind: 'html',
  paths: ['/html/*'],
  is: isHtmlPaper,
  examples: htmlPaperExamples,
  extract: extractHtmlPaper,
  drawing: { single: true, badgeInside: true, triage: false, related: false },
};
