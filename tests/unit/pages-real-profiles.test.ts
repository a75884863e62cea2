// Profile sites' extractors on markup the live sites serve (tests/fixtures/real-pages, sources in
// its README), and on the real shapes the issue found broken: Google Scholar's old-style arXiv
// venues, "Show more" rows and non-profile pages; DBLP's older and current entry markup and
// doi.acm.org DOIs; ACL Anthology's person and paper pages, its three addresses of one person and
// its ORCID link.

import { describe, expect, it } from 'vitest';
import { profileQuery } from '../../lib/core/identity';
import { aclPersonFromUrl } from '../../lib/core/sites/aclAnthology';
import { scholarUserFromUrl } from '../../lib/core/sites/googleScholar';
import { extractProfilePage } from '../../lib/core/sites/profileSites';
import { createBackground } from '../../lib/background';
import { openDatabase } from '../../lib/background/store/db';
import { instantGates } from '../fixtures/gates';
import { renderAclPage } from '../fixtures/profilePages';
import { OTHER_PROFILES } from '../fixtures/personWorld';
import { dblpPerson2015Page, realPage as real, scholarProfile2026Page } from '../fixtures/realPages';
import { recordedFetch } from '../fixtures/recordedApi';
import { SEED_AUTHOR_ID } from '../fixtures/seedWorld';

/** ORCID's documented example iD (synthetic here). */
const SEED_ORCID = '0000-0002-1825-0097';

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');
const SCHOLAR = 'https://scholar.google.com/citations?user=qc6CJjYAAAAJ&hl=en';
const scholarPage = (rows: string) => `<html><body><div id="gsc_prf_in">Albert Einstein</div><table id="gsc_a_t"><tbody id="gsc_a_b">${rows}</tbody></table><button id="gsc_bpf_more">Show more</button></body></html>`;

describe('Google Scholar, on rows of a real profile', () => {
  it('reads the titles, and the rows "Show more" added when read again', () => {
    const first = extractProfilePage(parse(scholarPage(real('google-scholar-rows.html'))), SCHOLAR)!;
    expect(first.titles).toEqual(['Can quantum-mechanical description of physical reality be considered complete?', 'On the movement of small particles suspended in stationary liquids required by the molecular-kinetic theory of heat', 'Zur Elektrodynamik bewegter Körper']);
    const more = extractProfilePage(parse(scholarPage(real('google-scholar-rows.html') + real('google-scholar-more-rows.html'))), SCHOLAR)!;
    expect(more.titles).toHaveLength(6);
    expect(more.titles.at(-1)).toBe('The manuscript of Einstein\'s" Zur einheitlichen Feld-Theorie".');
  });

  it("reads a whole profile as the live site serves it today: the name, not the affiliation or interests, and each row's title", () => {
    const context = extractProfilePage(parse(scholarProfile2026Page()), 'https://scholar.google.com/citations?user=amIMrIEAAAAJ&hl=en')!;
    expect(context.name).toBe('Bangar Raju Cherukuri');
    expect(context.titles).toHaveLength(20);
    expect(context.titles[0]).toBe('Optimization of Data Structures and Trade-Offs with Concurrency Control in Multithread Software Structures Using Artificial Intelligence');
    expect(context.titles.at(-1)).toBe('Scalable machine learning model deployment using serverless cloud architectures');
    // No row is an arXiv preprint: the venue lines are journals and a truncated conference name.
    expect(context.entries).toEqual([]);
    expect(profileQuery(context)).toMatchObject({ profile: 'scholar:amIMrIEAAAAJ', name: 'Bangar Raju Cherukuri', s2AuthorId: null, paperKeys: [] });
  });

  it('takes its rows\' links (one paper, the coauthors) for what they are: not the profile', () => {
    const doc = parse(real('google-scholar-rows.html').replace(/^/, '<table><tbody>').concat('</tbody></table>'));
    const links = [...doc.querySelectorAll<HTMLAnchorElement>('a.gsc_a_at')].map((a) => new URL(a.getAttribute('href')!, 'https://scholar.google.com').href);
    expect(links.every((href) => href.includes('view_op=view_citation') && href.includes('user=qc6CJjYAAAAJ'))).toBe(true);
    expect(links.map(scholarUserFromUrl)).toEqual([null, null, null]);
    expect(scholarUserFromUrl('https://scholar.google.com/citations?view_op=list_colleagues&hl=en&user=qc6CJjYAAAAJ')).toBeNull();
    expect(scholarUserFromUrl('https://scholar.google.com/citations?view_op=list_works&hl=en&user=qc6CJjYAAAAJ')).toBe('qc6CJjYAAAAJ');
  });

  it('reads an old-style arXiv id from a venue line without "arXiv:"', () => {
    // The real row's markup, with the venue line the issue quotes from a live profile.
    const row = real('google-scholar-rows.html').split('</tr>')[2]!.replace('<div class="gs_gray"></div></td>', '<div class="gs_gray">arXiv preprint physics/0510251<span class="gs_oph">, 2005</span></div></td>') + '</tr>';
    const context = extractProfilePage(parse(scholarPage(row)), SCHOLAR)!;
    expect(context.entries.map((entry) => entry.key)).toEqual(['physics/0510251']);
  });
});

describe('DBLP, in its older and current entry markup', () => {
  const page = (entries: string) => `<html><body><header id="headline"><h1><span class="name primary" itemprop="name">Jianping Yin</span></h1></header>${entries}</body></html>`;

  it('reads div.data and cite.data entries alike, a doi.acm.org DOI included', () => {
    const context = extractProfilePage(parse(page(real('dblp-entries.html'))), 'https://dblp.org/pid/45/4186.html')!;
    expect(context.entries.map((entry) => entry.key)).toEqual(['doi:10.5555/3298483.3298492', '2406.07889']);
    expect(context.entries[0]!.authors.map((author) => author.name)).toEqual(['Xinwang Liu', 'Jianping Yin', 'Changwang Zhang']);
    expect(context.entries[1]!.authors.map((author) => author.name)).toEqual(['Florian Adriaens', 'Honglian Wang', 'Aristides Gionis']);
    expect(context.entries[1]!.title).toBe('Minimizing Hitting Time between Disparate Groups with Shortcut Edges');
  });
});

describe('DBLP, on a person page saved from the live site (2015)', () => {
  it('reads the person, a doi.acm.org DOI and an http arXiv link, and passes over an entry with neither', () => {
    const context = extractProfilePage(parse(dblpPerson2015Page()), 'https://dblp.org/pid/97/4275.html')!;
    expect(context.name).toBe('Aaron Clauset');
    expect(context.entries.map((entry) => [entry.key, entry.arxiv?.id ?? null, entry.title])).toEqual([
      ['doi:10.1145/2441776.2441820', null, 'Friends FTW! friendship and competition in halo: reach'],
      // The ICWSM paper links only aaai.org: no identifier to look up, so no entry.
      ['1303.6372', '1303.6372', 'Detecting Friendship Within Dynamic Online Interaction Networks'],
    ]);
    expect(context.entries[1]!.authors.map((author) => author.name)).toEqual(['Sears Merritt', 'Abigail Z. Jacobs', 'Winter A. Mason', 'Aaron Clauset']);
  });
});

describe('ACL Anthology', () => {
  it('takes its three addresses of one person for one profile', () => {
    const keys = ['https://aclanthology.org/people/z/zhaoran-wang/', 'https://aclanthology.org/people/zhaoran-wang/unverified/', 'https://aclanthology.org/people/zhaoran-wang/'].map(aclPersonFromUrl);
    expect(new Set(keys)).toEqual(new Set(['zhaoran-wang']));
  });

  it("reads a real person page: the name from its two spans, each paper's title whole, the co-authors' links as persons", () => {
    const page = 'https://aclanthology.org/people/a/andreas-madsack/';
    const doc = parse(real('acl-person-page.html'));
    const context = extractProfilePage(doc, page)!;
    expect(profileQuery(context)).toEqual({
      profile: 'aclanthology:andreas-madsack',
      name: 'Andreas Madsack',
      s2AuthorId: null,
      paperKeys: [],
      // Titles keep the Anthology's fixed-case spans ("C", "o", "NLL") as one word; abstracts, venues and names stay out.
      titles: [
        'Data-to-text systems as writing environment',
        'AX Semantics’ Submission to the SIGMORPHON 2019 Shared Task',
        'AX Semantics’ Submission to the CoNLL–SIGMORPHON 2018 Shared Task',
        'AX Semantics’ Submission to the Surface Realization Shared Task 2018',
        'Multi-Language Surface Realisation as REST API based NLG Microservice',
        'A working, non-trivial, topically indifferent NLG System for 17 languages',
      ],
    });
    // The page links no ORCID iD, and its Semantic Scholar button is a name search, not a profile.
    expect(context.orcid).toBeNull();
    const people = new Set([...doc.querySelectorAll<HTMLAnchorElement>('#main a[href^="/people/"]')].map((link) => aclPersonFromUrl(new URL(link.getAttribute('href')!, page).href)));
    expect(people).toEqual(new Set(['adela-schneider', 'andreas-madsack', 'johanna-heininger', 'ching-yi-chen', 'robert-weissgraeber', 'alessia-cavallo', 'nyamsuren-davaasambuu', 'vitaliia-voronik', 'michael-kaufl']));
  });

  it('reads each person link of a real page as its person, verified or not, and the author directory as none', () => {
    const page = 'https://aclanthology.org/2023.findings-emnlp.725/';
    // The page's attributes are unquoted: browsers read `href=/people/>` as "/people/", as the HTML
    // spec says; happy-dom drops the last slash. The person keys come out the same either way.
    const links = [...parse(real('acl-paper-page.html')).querySelectorAll<HTMLAnchorElement>('a[href^="/people"]')].map((link) => aclPersonFromUrl(new URL(link.getAttribute('href')!, page).href));
    expect(links).toEqual([null, 'hongbo-zhang', 'junying-chen', 'feng-jiang', 'fei-yu', 'zhihong-chen', 'jianquan-li', 'hardy-chen', 'xiangbo-wu', 'zhiyi-zhang', 'qingying-xiao', 'xiang-wan', 'benyou-wang', 'haizhou-li', 'houda-bouamor', 'juan-pino', 'kalika-bali']);
    // The paper's own page is no person's.
    expect(extractProfilePage(parse(real('acl-paper-page.html')), page)).toBeNull();
  });

  it('keeps a pin made under an earlier address of the person', async () => {
    const db = await openDatabase(`acl-${Math.random()}`);
    const bg = createBackground({ db: async () => db, fetch: recordedFetch(), now: () => Date.UTC(2026, 11, 3), gates: instantGates() });
    await bg.pinProfile('aclanthology:z/zhaoran-wang', SEED_AUTHOR_ID);
    const resolution = await bg.resolveProfile({ profile: 'aclanthology:zhaoran-wang', name: 'Zhaoran Wang', s2AuthorId: null, paperKeys: [], titles: [] });
    expect(resolution).toMatchObject({ status: 'resolved', via: 'pin', author: { authorId: SEED_AUTHOR_ID } });
    db.close();
  });

  it('resolves the person by the ORCID iD the page links, where one profile under the name has it', async () => {
    const db = await openDatabase(`acl-orcid-${Math.random()}`);
    const bg = createBackground({ db: async () => db, fetch: recordedFetch(), now: () => Date.UTC(2026, 11, 3), gates: instantGates() });
    // Of the profiles the name search finds, one gives this ORCID iD (in this world: the second other profile).
    const other = OTHER_PROFILES.find((profile) => profile.authorId === '9300002')!;
    other.orcid = SEED_ORCID;
    const resolution = await bg.resolveProfile({ profile: 'aclanthology:zhaoran-wang', name: 'Zhaoran Wang', s2AuthorId: null, paperKeys: [], titles: [], orcid: SEED_ORCID });
    other.orcid = null;
    expect(resolution).toMatchObject({ status: 'resolved', via: 'orcid', author: { authorId: '9300002' } });
    db.close();
  });

  it('passes on the ORCID iD the heading links, and reads the name beside it', () => {
    const context = extractProfilePage(parse(renderAclPage('zhaoran-wang', { orcid: SEED_ORCID })), 'https://aclanthology.org/people/zhaoran-wang/')!;
    expect(profileQuery(context)).toMatchObject({ profile: 'aclanthology:zhaoran-wang', name: 'Zhaoran Wang', orcid: SEED_ORCID });
  });

  it('reads no ORCID iD from the verification link a page without one has, verified or not', () => {
    for (const [mark, url] of [['verified', 'https://aclanthology.org/people/zhaoran-wang/'], ['unverified', 'https://aclanthology.org/people/zhaoran-wang/unverified/']] as const) {
      const query = profileQuery(extractProfilePage(parse(renderAclPage('zhaoran-wang', mark)), url)!);
      expect(query).toMatchObject({ profile: 'aclanthology:zhaoran-wang', name: 'Zhaoran Wang' });
      expect(query.orcid ?? null).toBeNull();
    }
  });
});
