// arXiv's extractors on markup the live site serves (tests/fixtures/real-pages, sources in its
// README), and on the real shapes the issue found broken: LaTeXML author blocks (superscripts,
// \orcidlink), LaTeXML's own output for real author blocks in common forms, author blocks cut from
// live arXiv HTML pages, an arXiv search result. The profile sites' are in pages-real-profiles.

import { describe, expect, it } from 'vitest';
import { rootOf } from '../../lib/page/shadow';
import { extractHtmlPaper } from '../../lib/core/sites/arxiv/html';
import { extractSearchPage } from '../../lib/core/sites/arxiv/search';
import { annotateEntries } from '../../lib/page/annotate';
import { nodeAt } from '../../lib/page/placement';
import { HOST_ATTRIBUTE } from '../../lib/page/shadow';
import { createBackground } from '../../lib/background';
import { openDatabase } from '../../lib/background/store/db';
import { loadAbsRecord } from '../fixtures/arxivAbs';
import { instantGates } from '../fixtures/gates';
import { realPage as real } from '../fixtures/realPages';
import { recordedFetch } from '../fixtures/recordedApi';
import { registerPapers } from '../fixtures/recordedPapers';


const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');
/** An arXiv HTML paper's page around LaTeXML's heading and what follows it in the article. */
const htmlPaper = (heading: string, body = '') => `<html><body><article class="ltx_document"><h1 class="ltx_title ltx_title_document">${heading}</h1>${body}</article></body></html>`;

describe('arXiv HTML author blocks from LaTeXML', () => {
  // LaTeXML's MathML for `$^1$` (its text is "11{}^{1}"), as arXiv HTML pages carry it.
  const mark = (n: number) => `<math class="ltx_Math" alttext="{}^{${n}}" display="inline"><semantics><msup><mi></mi><mn>${n}</mn></msup><annotation-xml encoding="MathML-Content"><apply><csymbol cd="ambiguous">superscript</csymbol><csymbol cd="latexml">absent</csymbol><cn type="integer">${n}</cn></apply></annotation-xml><annotation encoding="application/x-tex">{}^{${n}}</annotation></semantics></math>`;
  const paper = (authors: string) => htmlPaper('A Paper', `<div class="ltx_authors">${authors}</div>`);

  it('leaves superscript marks out of names', () => {
    const page = extractHtmlPaper(parse(paper(`<span class="ltx_creator ltx_role_author"><span class="ltx_personname">Alice Smith${mark(1)}, Bob Jones${mark(2)}</span></span>`)), 'https://arxiv.org/html/2602.16165v1')!;
    expect(page.entries[0]!.authors.map((author) => author.name)).toEqual(['Alice Smith', 'Bob Jones']);
  });

  it('reads the six names of a real block, not its affiliation and e-mail lines (arxiv.org/html/2401.18059v1)', () => {
    const page = extractHtmlPaper(parse(paper(real('arxiv-html-authors.html'))), 'https://arxiv.org/html/2401.18059v1')!;
    expect(page.entries[0]!.arxiv!.id).toBe('2401.18059');
    expect(page.entries[0]!.authors.map((author) => author.name)).toEqual(['Parth Sarthi', 'Salman Abdullah', 'Aditi Tuli', 'Shubh Khanna', 'Anna Goldie', 'Christopher D. Manning']);
  });

  it('leaves out an unconverted \\orcidlink and the iD it leaves behind', () => {
    // The error span as a public converter quotes it from an arXiv HTML page; the iDs after it are ours.
    const orcidlink = (id: string) => `<span class="ltx_ERROR undefined">\\orcidlink</span>${id}`;
    const page = extractHtmlPaper(parse(paper(`<span class="ltx_creator ltx_role_author"><span class="ltx_personname">Chidimma Opara${orcidlink('0000-0002-1825-0097')}, Ada Obi${orcidlink('{0000-0002-1694-233X}')}</span></span><span class="ltx_creator ltx_role_author"><span class="ltx_personname">Bea Ngo${orcidlink('')}</span></span>`)), 'https://arxiv.org/html/2602.16165')!;
    expect(page.entries[0]!.authors.map((author) => author.name)).toEqual(['Chidimma Opara', 'Ada Obi', 'Bea Ngo']);
  });

  it('leaves the notes LaTeXML sets inside the title out of it', () => {
    // \\thanks and publication notes inside the heading, as public arXiv HTML readers quote them (2507.00150 has ltx_pubnotes there).
    const page = (heading: string) => extractHtmlPaper(parse(htmlPaper(heading)), 'https://arxiv.org/html/2507.00150')!.entries[0]!;
    expect(page('Real Paper Title<span class="ltx_pubnotes"><span class="ltx_note_name">Thanks: </span>The code can be downloaded from: https://example.com.</span>').title).toBe('Real Paper Title');
    expect(page('Real Paper Title<span class="ltx_note ltx_role_thanks"><sup class="ltx_note_mark">†</sup><span class="ltx_note_outer"><span class="ltx_note_content"><sup class="ltx_note_mark">†</sup><span class="ltx_note_type">thanks: </span>Funded.</span></span></span>').title).toBe('Real Paper Title');
  });

  it('splits \\author{A, B, and C}, and keeps "Last, First" whole', () => {
    const three = extractHtmlPaper(parse(paper('<span class="ltx_creator ltx_role_author"><span class="ltx_personname">Alice Smith, Bob Jones, and Carol White</span></span>')), 'https://arxiv.org/html/2602.16165')!;
    expect(three.entries[0]!.authors.map((author) => author.name)).toEqual(['Alice Smith', 'Bob Jones', 'Carol White']);
    const one = extractHtmlPaper(parse(paper('<span class="ltx_creator ltx_role_author"><span class="ltx_personname">Smith, Alice</span></span>')), 'https://arxiv.org/html/2602.16165')!;
    expect(one.entries[0]!.authors.map((author) => author.name)).toEqual(['Smith, Alice']);
  });
});

describe('arXiv HTML, on what LaTeXML makes of real author blocks', () => {
  // Each page is LaTeXML's own output for a real author block (tests/fixtures/real-pages/latexml, sources in its README).
  const converted = (name: string) => extractHtmlPaper(parse(real(`latexml/${name}.html`)), 'https://arxiv.org/html/2602.16165v1')!.entries[0]!;
  it.each([
    ['tsp-generalization', 'Learning the Travelling Salesperson Problem Requires Rethinking Generalization', ['Chaitanya K. Joshi', 'Quentin Cappart', 'Louis-Martin Rousseau', 'Thomas Laurent']],
    ['oversampling', 'Beyond Imbalance Ratio: Data Characteristics as Critical Moderators of Oversampling Method Selection', ['Jiangyuwen', 'Ye Songyun']],
    ['ieee-dosimetry', 'Closed-Form Absorbed-Power Dosimetry from 1 to 100 GHz', ['Robin Wydaeghe', 'Luc Martens', 'Günter Vermeeren', 'Emmeric Tanghe', 'Wout Joseph']],
    ['authblk-openwfs', 'OpenWFS - a library for conducting and simulating wavefront shaping experiments', ['Jeroen H. Doornbos', 'Daniël W. S. Cox', 'Tom Knop', 'Harish Sasikumar', 'Ivo M. Vellekoop']],
    ['orbit-feedback', 'Fast orbit feedback', ['S. Kongtawong', 'K. Ha', 'Y. Hidaka', 'T. Shaftan']],
    ['ieee-dosimetry.linked', 'Closed-Form Absorbed-Power Dosimetry from 1 to 100 GHz', ['Robin Wydaeghe', 'Luc Martens', 'Günter Vermeeren', 'Emmeric Tanghe', 'Wout Joseph']],
    ['llncs-registers.linked', 'Do Not Merge the Registers: Register-Aware Reduction for Extreme Token Compression in Vision Encoders with Registers', ['First Author', 'Second Author', 'Third Author']],
    ['llncs-registers', 'Do Not Merge the Registers: Register-Aware Reduction for Extreme Token Compression in Vision Encoders with Registers', ['First Author', 'Second Author', 'Third Author']],
    ['revtex-prl', 'Your PRL Title Here', ['First Author', 'Second Author']],
    ['utxo-bold', 'Formal Investigation of the Extended UTxO Model', ['Orestis Melkonian', 'Wouter Swierstra', 'Manuel M.T. Chakravarty']],
    ['giant-component', 'An old approach to the giant component problem', ['Béla Bollobás', 'Oliver Riordan']],
    // The title as arXiv's record of math-ph/0509021 writes it, TeX and all.
    ['beta-ensembles', 'Hermite and Laguerre $\\beta$-ensembles: asymptotic corrections to the eigenvalue density', ['Patrick Desrosiers', 'Peter J. Forrester']],
  ])('%s: the title and each name, without marks, iDs, affiliations or e-mail', (name, title, authors) => {
    const entry = converted(name);
    expect(entry.title).toBe(title);
    expect(entry.authors.map((author) => author.name)).toEqual(authors);
  });
});

describe('arXiv HTML, on author blocks cut from live pages', () => {
  // Each `.ltx_authors` as arxiv.org served it (tests/fixtures/real-pages/arxiv-html, sources in its README).
  const live = (name: string) => extractHtmlPaper(parse(htmlPaper('A Paper', real(`arxiv-html/authors-${name}.html`))), 'https://arxiv.org/html/2610.08750v1')!.entries[0]!;
  it.each([
    ['1706-03762v7', ['Ashish Vaswani', 'Noam Shazeer', 'Niki Parmar', 'Jakob Uszkoreit', 'Llion Jones', 'Aidan N. Gomez', 'Łukasz Kaiser', 'Illia Polosukhin']],
    ['2610-08750', ['Jose Eduardo Escrig Molina', 'Daniel Probst']],
    ['2610-01988v1', ['Adamu Issifu', 'Orlando Oliveira', 'Tobias Frederico']],
    ['2610-08785', ['Kevin Zhang', 'Stephen Bates']],
    ['2610-08790', ['Jiraphon Yenphraphai', 'Fang Li', 'Tianshuo Xu', 'Depu Meng', 'Quentin Herau', 'Yihan Hu', 'Raymond A. Yeh', 'Wei Zhan']],
    ['2610-08781', ['Ziyu Chen', 'Yilun Zhao', 'Jiashuo Sun', 'Yiling Ma', 'Arman Cohan']],
    // Affiliations, addresses and e-mails as LaTeXML's contact notes inside each creator; " and " between two.
    ['2605-20355v1', ['Megha Srivastava', 'Jonathan Ouyang', 'Eric Zhou', 'Andrew Silva', 'Emily Sumner', 'Dorsa Sadigh', 'Yuchen Cui', 'Deepak Gopinath', 'Guy Rosman']],
    ['2608-13566', ['Egor Shibaev', 'Vera Kudrevskaia', 'Timur Galimzyanov', 'Mikhail Evtikhiev', 'Ana Terna', 'Rastislav Rabatin', 'Timur Kudashev', 'Timofey Bryksin', 'Arina Puchkova', 'Patrik Bartak', 'Egor Bogomolov', 'Sergey Titov']],
    ['2610-01658v1', ['Kais Hamza', 'Laurent Tournier']],
    ['2610-03261v1', ['Elena Morotti', 'Davide Evangelista', 'Elena Loli Piccolomini']],
    // A \thanks note beside the first name, a footnote mark inside the second.
    ['2610-08392', ['Ilya Auslender', 'Yasaman Heydari', 'Asiye Malkoç']],
  ])('%s: each person, and nothing the block lists that is not one', (name, authors) => {
    expect(live(name).authors.map((author) => author.name)).toEqual(authors);
  });

  it('puts each chip by its name, outside the footnote marks and notes beside it (1706.03762v7)', () => {
    for (const author of live('1706-03762v7').authors) {
      const point = nodeAt(author.chipAt!);
      expect(point.nodeType, author.name).toBe(3);
      expect(point.parentElement!.matches('.ltx_personname'), author.name).toBe(true);
      expect(point.textContent!.slice(0, author.chipAt!.offset), author.name).toBe(author.name);
    }
  });

  it('puts the chip of a name that is its own ORCID link after the link, and never inside one', () => {
    for (const name of ['2610-08750', '2610-01988v1']) {
      const entry = live(name);
      for (const author of entry.authors) {
        const point = nodeAt(author.chipAt!);
        expect(point.parentElement!.closest('a'), `${name}: ${author.name}`).toBeNull();
      }
    }
    const probst = live('2610-08750').authors[1]!;
    expect((nodeAt(probst.chipAt!) as Element).matches('a[href="https://orcid.org/0000-0003-1737-4407"]')).toBe(true);
  });
});

describe('arXiv HTML, where each chip goes', () => {
  /** The first line of each name's element with a mark put in at each name's chip point, in the order chips are drawn. */
  const marked = (name: string, href = 'https://arxiv.org/html/2602.16165v1') => {
    const doc = parse(name.startsWith('<') ? name : real(name));
    const entry = extractHtmlPaper(doc, href)!.entries[0]!;
    for (const author of entry.authors) {
      const marker = doc.createElement('ins');
      marker.textContent = `[${author.name}]`;
      marker.setAttribute(HOST_ATTRIBUTE, ''); // as a chip's host has it: later points walk past it
      nodeAt(author.chipAt!).after(marker);
    }
    return { doc, entry };
  };
  const placed = (name: string, href?: string) => {
    const { entry } = marked(name, href);
    const firstLine = (element: Element) => {
      const nodes = [...element.childNodes];
      const br = nodes.findIndex((node) => node.nodeName === 'BR');
      return nodes.slice(0, br < 0 ? undefined : br).map((node) => node.textContent).join('').replace(/\s+/g, ' ').trim();
    };
    return [...new Set(entry.authors.map((author) => author.element))].map(firstLine);
  };

  it('puts each of six names in one element next to its own name, in order (arxiv.org/html/2401.18059v1)', () => {
    const [line] = placed(`<html><body><article><h1 class="ltx_title_document">RAPTOR</h1><div class="ltx_authors">${real('arxiv-html-authors.html')}</div></article></body></html>`, 'https://arxiv.org/html/2401.18059v1');
    expect(line).toBe('Parth Sarthi[Parth Sarthi], Salman Abdullah[Salman Abdullah], Aditi Tuli[Aditi Tuli], Shubh Khanna[Shubh Khanna], Anna Goldie[Anna Goldie], Christopher D. Manning[Christopher D. Manning]');
  });

  it('puts a chip after the element a name is set in (the bold presenting author), then by each name after it', () => {
    const [line] = placed('latexml/utxo-bold.html');
    expect(line).toBe('Orestis Melkonian[Orestis Melkonian], Wouter Swierstra[Wouter Swierstra], Manuel M.T. Chakravarty[Manuel M.T. Chakravarty]');
  });

  it("puts a chip by a name with an ORCID link (later LaTeXML's \\orcidlink), never inside the link", () => {
    // Inside the link, a click on the chip would leave for orcid.org.
    for (const name of ['latexml/llncs-registers.linked.html', 'latexml/ieee-dosimetry.linked.html']) {
      const { doc, entry } = marked(name);
      expect(doc.querySelectorAll('ins')).toHaveLength(entry.authors.length);
      expect(doc.querySelectorAll('a ins')).toHaveLength(0);
    }
    expect(placed('latexml/llncs-registers.linked.html')).toEqual(['First Author\\XeTeXLinkBox [First Author]', 'Second Author\\XeTeXLinkBox [Second Author]', 'Third Author\\XeTeXLinkBox [Third Author]']);
    // With a space before the link, the chip stays by the name and its superscript.
    expect(placed('latexml/ieee-dosimetry.linked.html')[0]).toMatch(/^Robin Wydaeghe\*\{\}\^\{\*\}\[Robin Wydaeghe\] \\XeTeXLinkBox , Luc Martens\[Luc Martens\] \\XeTeXLinkBox/);
  });

  it('puts a chip after the superscript that follows a name, not between them', () => {
    const [line] = placed('latexml/tsp-generalization.html');
    expect(line).toBe('Chaitanya K. Joshi11{}^{1}[Chaitanya K. Joshi], Quentin Cappart22{}^{2}[Quentin Cappart], Louis-Martin Rousseau22{}^{2}[Louis-Martin Rousseau], Thomas Laurent33{}^{3}[Thomas Laurent]');
  });
});

describe('arXiv HTML, the card from four names in one element', () => {
  it('opens each name\'s card from its chip, and none from the shared element, which would name only one of them', async () => {
    const authors = ['Chaitanya K. Joshi', 'Quentin Cappart', 'Louis-Martin Rousseau', 'Thomas Laurent'];
    registerPapers([{ ...loadAbsRecord('1810.04805'), id: '2612.00042', doi: null, title: 'Learning the Travelling Salesperson Problem Requires Rethinking Generalization', authors }]);
    document.body.innerHTML = parse(real('latexml/tsp-generalization.html')).body.innerHTML;
    const entry = extractHtmlPaper(document, 'https://arxiv.org/html/2612.00042v1')!.entries[0]!;
    const db = await openDatabase(`html-${Math.random()}`);
    const bg = createBackground({ db: async () => db, fetch: recordedFetch(), gates: instantGates() });
    await annotateEntries([entry], { doc: document, css: '', papers: bg.papers, authorCard: bg.authorCard }, { badges: false, eagerChips: true });
    const hosts = [...document.querySelectorAll<HTMLElement>('.ltx_personname > scholarscope-chip')];
    expect(hosts).toHaveLength(4);
    const frame = () => rootOf(document.querySelector('scholarscope-card')!)?.querySelector<HTMLElement>('.ss-popover');
    const shared = document.querySelector('.ltx_personname')!;
    shared.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
    await new Promise((resolve) => setTimeout(resolve, 400)); // past the card's open delay
    expect(frame()?.hidden ?? true).toBe(true);
    hosts[2]!.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
    await expect.poll(() => frame()?.hidden === false && frame()!.getAttribute('aria-label')).toBe('Author card: Louis-Martin Rousseau');
    // The card finishes loading before the page goes away (a draw after the test's end has no document).
    await expect.poll(() => frame()?.querySelector('.ss-card')?.getAttribute('aria-busy'), { timeout: 5_000 }).toBe('false');
  });
});

describe('arXiv search results, on a real result', () => {
  it('reads an old-style id, its title, authors and primary category', () => {
    const page = extractSearchPage(parse(`<html><body><ol class="breathe-horizontal">${real('arxiv-search-result.html')}</ol></body></html>`), 'https://arxiv.org/search/?query=superstrings&searchtype=all')!;
    expect(page.entries).toHaveLength(1);
    const [entry] = page.entries;
    expect(entry!.key).toBe('physics/9403001');
    expect(entry!.title).toBe('Desperately Seeking Superstrings');
    expect(entry!.authors.map((author) => author.name)).toEqual(['Paul Ginsparg', 'Sheldon Glashow']);
    expect(entry!.primaryCategory).toBe('physics.pop-ph');
  });
});
