// A small mutation fuzzer: the recorded arXiv and profile pages, mutated at random (nodes removed,
// duplicated, moved, renamed; attributes removed, renamed, set to hostile values; text replaced),
// then run through the extractors thousands of times. No exception may escape, and what comes out
// must stay well-formed. The seed is fixed so a failure can be replayed; FUZZ_SEED picks another.

import { describe, expect, it } from 'vitest';
import { isPaperKey } from '../../lib/core/ids';
import { extractArxivPage as extractListPage } from '../../lib/core/sites/arxiv';
import { extractAbsPage as extractAbs } from '../../lib/core/sites/arxiv/abs';
import type { PageEntry } from '../../lib/core/sites/types';

const extractAbsPage = (doc: Document, url: string) => extractAbs(doc, url)?.entries[0] ?? null;
import { profileQuery } from '../../lib/core/identity';
import { extractProfilePage } from '../../lib/core/sites/profileSites';
import { loadAbsRecord, renderAbsPage } from '../fixtures/arxivAbs';
import { renderHtmlPaper, renderListingPage, renderSearchPage } from '../fixtures/arxivPages';
import { renderDblpPage, renderS2AuthorPage, renderScholarPage } from '../fixtures/profilePages';
import { hiperRecord } from '../fixtures/seedWorld';
import { HOSTILE_TEXTS } from './payloads';

const SEED = Number(process.env.FUZZ_SEED ?? 20261125);
const RUNS_PER_PAGE = 300;

/** mulberry32: small, fast, reproducible. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TAGS = ['div', 'span', 'a', 'dl', 'dt', 'dd', 'li', 'p', 'h1', 'table', 'td', 'section'];
const ATTRIBUTES = ['id', 'class', 'href', 'title', 'name', 'content'];

function mutate(doc: Document, next: () => number) {
  const all = [...doc.body.querySelectorAll('*'), ...doc.head.querySelectorAll('meta')];
  if (all.length === 0) return;
  const pick = <T,>(list: readonly T[]) => list[Math.floor(next() * list.length)] as T;
  const node = pick(all);
  switch (Math.floor(next() * 8)) {
    case 0:
      node.remove();
      break;
    case 1:
      node.after(node.cloneNode(true)); // duplicated ids and entries
      break;
    case 2: {
      const parent = pick(all);
      if (!parent.contains(node) && !node.contains(parent)) parent.append(node);
      break;
    }
    case 3: {
      const renamed = doc.createElement(pick(TAGS));
      for (const attribute of [...node.attributes]) renamed.setAttribute(attribute.name, attribute.value);
      renamed.append(...node.childNodes);
      node.replaceWith(renamed);
      break;
    }
    case 4: {
      const attribute = pick([...node.attributes]);
      if (attribute) node.removeAttribute(attribute.name);
      break;
    }
    case 5:
      node.setAttribute(pick(ATTRIBUTES), pick(HOSTILE_TEXTS));
      break;
    case 6:
      node.textContent = pick(HOSTILE_TEXTS);
      break;
    default: {
      // Swap two siblings' order.
      const sibling = node.nextElementSibling;
      if (sibling) sibling.after(node);
    }
  }
}

function checkEntry(entry: PageEntry) {
  expect(isPaperKey(entry.key)).toBe(true);
  expect(typeof entry.title).toBe('string');
  for (const author of entry.authors) {
    expect(typeof author.name).toBe('string');
    expect(author.name.trim().length).toBeGreaterThan(0);
    expect(author.element.nodeType).toBe(1);
  }
  expect(entry.primaryCategory === undefined || entry.primaryCategory === null || /^[a-z-]+(\.[A-Za-z-]+)?$/.test(entry.primaryCategory)).toBe(true);
}

const bert = loadAbsRecord('1810.04805');
const PAGES: { name: string; url: string; html: string; extract: (doc: Document, url: string) => void }[] = [
  {
    name: 'abstract page',
    url: 'https://arxiv.org/abs/2602.16165',
    html: renderAbsPage(hiperRecord),
    extract: (doc, url) => {
      const context = extractAbsPage(doc, url);
      if (!context) return;
      expect(isPaperKey(context.arxiv!.id)).toBe(true);
      for (const author of context.authors) expect(author.name.trim().length).toBeGreaterThan(0);
    },
  },
  {
    name: 'listing',
    url: 'https://arxiv.org/list/cs/new',
    html: renderListingPage('cs', 'Computer Science', [{ heading: 'New', records: [bert, hiperRecord, loadAbsRecord('hep-th_9108002')] }]),
    extract: (doc, url) => extractListPage(doc, url)?.entries.forEach(checkEntry),
  },
  {
    name: 'search results',
    url: 'https://arxiv.org/search/?query=Devlin&searchtype=author',
    html: renderSearchPage('Devlin', [bert, loadAbsRecord('math_0202001')]),
    extract: (doc, url) => extractListPage(doc, url)?.entries.forEach(checkEntry),
  },
  {
    name: 'HTML paper',
    url: 'https://arxiv.org/html/1810.04805v2',
    html: renderHtmlPaper(bert, 2),
    extract: (doc, url) => extractListPage(doc, url)?.entries.forEach(checkEntry),
  },
  ...[
    ['DBLP', 'https://dblp.org/pid/36/8449.html', renderDblpPage('36/8449')],
    ['Semantic Scholar author', 'https://www.semanticscholar.org/author/Zhaoran-Wang/9000001', renderS2AuthorPage('Zhaoran Wang')],
    ['Google Scholar', 'https://scholar.google.com/citations?user=abcDEF123&hl=en', renderScholarPage({ withIds: true })],
  ].map(([name, url, html]) => ({
    name: name as string,
    url: url as string,
    html: html as string,
    extract: (doc: Document, href: string) => {
      const context = extractProfilePage(doc, href);
      if (!context) return;
      context.entries.forEach(checkEntry);
      const query = profileQuery(context);
      expect(query.paperKeys.every(isPaperKey)).toBe(true);
      expect(query.s2AuthorId === null || /^\d+$/.test(query.s2AuthorId)).toBe(true);
    },
  })),
];

describe(`extractors on mutated real pages (seed ${SEED})`, () => {
  it.each(PAGES.map((page, index) => [page.name, index] as const))('%s: no exception escapes, output stays well-formed', (_name, index) => {
    const page = PAGES[index]!;
    const next = random(SEED + index);
    const parser = new DOMParser();
    const original = parser.parseFromString(page.html, 'text/html');
    for (let run = 0; run < RUNS_PER_PAGE; run++) {
      // Each run starts from the real page and piles up 1 to 12 mutations.
      const doc = original.cloneNode(true) as Document;
      const mutations = 1 + Math.floor(next() * 12);
      for (let m = 0; m < mutations; m++) mutate(doc, next);
      try {
        page.extract(doc, page.url);
      } catch (error) {
        throw new Error(`${page.name}, run ${run} (FUZZ_SEED=${SEED}): ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }, 60_000);
});
