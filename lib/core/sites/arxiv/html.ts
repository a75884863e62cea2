// HTML full text, `/html/<id>[vN]`: LaTeXML markup. `.ltx_authors .ltx_personname` holds a name,
// often followed by affiliation lines (`<br>`, `.ltx_role_affiliation`) and notes.

import { ORCID_ID, parseArxivId } from '../../ids';
import { foldSpace } from '../dom';
import type { ArxivPage, ArxivPageKind, ChipPoint, PageAuthor } from '../types';
import { arxivUrl } from './shared';

export function isHtmlPaper(href: string): boolean {
  const url = arxivUrl(href);
  return !!url && url.pathname.startsWith('/html/') && parseArxivId(url.origin + url.pathname.replace(/\/$/, '')) !== null;
}

export const htmlPaperExamples = {
  match: ['https://arxiv.org/html/2602.16165', 'https://arxiv.org/html/2602.16165v1', 'https://arxiv.org/html/2602.16165v1/', 'https://www.arxiv.org/html/1810.04805v2'],
  noMatch: ['https://arxiv.org/html/', 'https://arxiv.org/html/not-an-id', 'https://example.org/html/2602.16165'],
};

// A superscript in the source (`Alice Smith$^1$`) is a MathML element whose text is its digits twice
// over and its TeX (`11{}^{1}`): affiliation marks, never part of a name. A macro LaTeXML cannot
// convert (`\orcidlink{…}` after a name) is an `.ltx_ERROR` holding the macro's name, its argument
// left as plain text after it: a mark too, and the ORCID iD it leaves is no name. Later LaTeXML
// makes `\orcidlink` a link to the iD around a logo (with an `\XeTeXLinkBox` error in it, or as
// `a.ltx_orcid`): a mark, unless the name itself is the link's text (`\href{…orcid…}{Name}`).
const SUPERSCRIPTS = 'sup, math, .ltx_Math';
const MARKS = `${SUPERSCRIPTS}, .ltx_ERROR`;
const NOTES = '.ltx_note, .ltx_role_affiliation, .ltx_role_email';
const ORCID_LINK = 'a[href*="orcid.org/"]';
const LETTER = /\p{L}/u;

type Role = 'mark' | 'note' | 'text';

/** What a node in a name's element is: a mark that ends a name, left out (a note, an icon link such as "Code"), or text. */
function roleOf(node: Node): Role {
  if (node.nodeType !== 1) return 'text';
  const element = node as Element;
  if (element.matches(MARKS)) return 'mark';
  if (element.matches(NOTES)) return 'note';
  if (element.matches(ORCID_LINK)) return [...element.childNodes].some((child) => roleOf(child) === 'text' && LETTER.test(child.textContent ?? '')) ? 'text' : 'mark';
  // A link with a logo in it names a resource (2610.08781 lists "Code" and "Dataset" as authors).
  if (element.matches('a[href]') && element.querySelector('img, object, svg')) return 'note';
  return 'text';
}

// The iD's shape from core/ids, found inside text, with the braces or parentheses around it.
const ORCID_IN_TEXT = new RegExp(`[{(]?\\b${ORCID_ID.source.slice(1, -1)}\\b[})]?`, 'g');
const MARK = '\u0001';

/** `\author{A, B, and C}` puts several people in one name: split on "and" and on commas around it. */
function splitNames(text: string): string[] {
  const parts = text.split(/\s*,\s*(?:and\s+)?|\s+and\s+/).map((part) => part.trim()).filter(Boolean);
  // One comma alone is "Last, First"; several names need an "and" or two commas.
  const several = / and /.test(text) || (text.match(/,/g)?.length ?? 0) >= 2;
  return several && parts.every((part) => LETTER.test(part)) ? parts : [text];
}

// The name is the first line of text.
function htmlAuthors(doc: Document): PageAuthor[] {
  const authors: PageAuthor[] = [];
  for (const person of doc.querySelectorAll<HTMLElement>('.ltx_authors .ltx_personname')) {
    let name = '';
    for (const node of person.childNodes) {
      if (node.nodeName === 'BR') break;
      const role = roleOf(node);
      // A line that opens with a superscript is an affiliation (2610.08781 lists "¹Tata Consultancy Services" as an author).
      if (role === 'mark' && !LETTER.test(name) && (node as Element).matches(SUPERSCRIPTS)) {
        name = '';
        break;
      }
      // A mark ends a name: "Alice Smith¹, Bob Jones²" is two people, where "Smith, Alice" is one.
      if (role === 'mark') name += MARK;
      else if (role === 'text') name += (node.textContent ?? '').replace(ORCID_IN_TEXT, MARK);
    }
    // A macro LaTeXML drops (`\IEEEmembership{…}`) can leave ", ," after a mark.
    const names = name.split(new RegExp(`${MARK}[\\s,]*(?:and\\s+)?`)).flatMap((part) => {
      const clean = part.replace(/\s+/g, ' ').trim().replace(/[,;*†‡∗]+$/u, '').trim();
      return (clean ? splitNames(clean) : []).map((one) => one.replace(/[,;*†‡∗\d]+$/u, '').trim());
    });
    // What is left of a mistyped iD after `\orcidlink` ("2222–3333-4444-5555") has no letter: no name.
    const real = names.filter((one) => LETTER.test(one));
    const ends = nameEnds(person, real);
    real.forEach((one, index) => authors.push({ name: one, element: person, chipAt: ends[index] }));
  }
  return authors;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The texts of a name's element, in order, those inside a mark or note left out. */
const textsIn = (node: Node): Text[] => (node.nodeType === 3 ? [node as Text] : roleOf(node) === 'text' ? [...node.childNodes].flatMap(textsIn) : []);

/**
 * Where each name ends in the element's first line, for its chip: after the marks that follow it
 * (¹, an unconverted macro), so that the chip sits by its name and not after the affiliation lines;
 * after the element of a name set in one (`\textbf{Name}`), not inside it.
 */
function nameEnds(person: HTMLElement, names: readonly string[]): (ChipPoint | undefined)[] {
  const texts: { node: Text; start: number; top: ChildNode }[] = [];
  let line = '';
  for (const top of person.childNodes) {
    if (top.nodeName === 'BR') break;
    for (const node of textsIn(top)) {
      texts.push({ node, start: line.length, top });
      line += node.nodeValue ?? '';
    }
  }
  let cursor = 0;
  return names.map((name) => {
    const found = new RegExp(name.split(' ').map(escapeRegExp).join('\\s+'), 'u').exec(line.slice(cursor));
    if (!found) return undefined;
    const end = cursor + found.index + found[0].length;
    cursor = end;
    const { node, start, top } = texts.findLast((one) => one.start < end)!;
    if (end - start !== node.length) return { node, offset: end - start };
    // The name ends its text, or the element it is set in: the chip goes after that, and its marks.
    let after: ChildNode = texts.findLast((one) => one.top === top)!.node === node ? top : node;
    for (let next = after.nextSibling; next?.nodeType === 1 && roleOf(next) === 'mark'; next = next.nextSibling) after = next;
    return after === node ? { node, offset: end - start } : { node: after as Element };
  });
}

/**
 * The title as arXiv's own metadata writes it: math as its TeX between dollars (MathML's text is
 * the formula twice over), without the notes LaTeXML sets inside the heading (`\thanks`, and the
 * `ltx_pubnotes` of ACM's conference and DOI lines).
 */
function titleText(node: Node): string {
  if (node.nodeType === 3) return node.nodeValue ?? '';
  if (node.nodeType !== 1) return '';
  const element = node as Element;
  if (element.matches('.ltx_note, .ltx_pubnotes, .ltx_ERROR')) return '';
  if (element.localName === 'math') return `$${element.getAttribute('alttext') ?? ''}$`;
  return [...element.childNodes].map(titleText).join('');
}

export function extractHtmlPaper(doc: Document, href: string): ArxivPage | null {
  if (!isHtmlPaper(href)) return null;
  const url = new URL(href);
  const arxiv = parseArxivId(url.origin + url.pathname.replace(/\/$/, ''));
  const title = doc.querySelector('h1.ltx_title_document, h1.ltx_title');
  if (!arxiv || !title) return { kind: 'html', entries: [] };
  return { kind: 'html', entries: [{ key: arxiv.id, arxiv, title: foldSpace(titleText(title)), authors: htmlAuthors(doc), badgeAfter: title }] };
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
