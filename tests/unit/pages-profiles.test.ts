import { describe, expect, it } from 'vitest';
import { dblpPageExamples, dblpPidFromUrl } from '../../lib/core/sites/dblp';
import { arxivIdFromHref } from '../../lib/core/sites/dom';
import { profileQuery } from '../../lib/core/identity';
import { extractProfilePage } from '../../lib/core/sites/profileSites';
import { s2AuthorPageExamples } from '../../lib/core/sites/semanticScholar';
import { s2AuthorIdFromUrl } from '../../lib/core/sites/dom';
import { renderDblpPage, renderS2AuthorPage } from '../fixtures/profilePages';
import { seed } from '../fixtures/seedWorld';

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

describe('profile page predicates', () => {
  it.each(s2AuthorPageExamples.match)('Semantic Scholar: matches %s', (url) => expect(s2AuthorIdFromUrl(url)).not.toBeNull());
  it.each(s2AuthorPageExamples.noMatch)('Semantic Scholar: does not match %s', (url) => expect(s2AuthorIdFromUrl(url)).toBeNull());
  it.each(dblpPageExamples.match)('DBLP: matches %s', (url) => expect(dblpPidFromUrl(url)).not.toBeNull());
  it.each(dblpPageExamples.noMatch)('DBLP: does not match %s', (url) => expect(dblpPidFromUrl(url)).toBeNull());

  it('reads arXiv ids from arXiv links and arXiv DOIs only', () => {
    expect(arxivIdFromHref('https://doi.org/10.48550/arXiv.2602.16165')).toEqual({ id: '2602.16165', version: null });
    expect(arxivIdFromHref('https://arxiv.org/abs/2602.16165v2')).toEqual({ id: '2602.16165', version: 2 });
    expect(arxivIdFromHref('https://doi.org/10.1145/3620665.3640400')).toBeNull();
    expect(arxivIdFromHref('https://dblp.org/rec/journals/corr/abs-2602-16165.html?view=bibtex')).toBeNull();
  });
});

describe('profile extraction', () => {
  it('reads a DBLP person page: name, pid, and the arXiv papers with their authors', () => {
    const context = extractProfilePage(parse(renderDblpPage('36/8449')), 'https://dblp.org/pid/36/8449.html')!;
    expect(context).toMatchObject({ site: 'dblp', profileKey: '36/8449', name: 'Zhaoran Wang', s2AuthorId: null });
    expect(context.entries.map((e) => e.key)).toEqual(seed.publications.map((p) => p.arxivId));
    expect(context.entries[0]!.title).toBe(seed.publications[0]!.title);
    expect(context.entries[0]!.authors.slice(0, 5).map((a) => a.name)).toEqual(seed.publications[0]!.authorsShown);
    expect(profileQuery(context)).toEqual({ profile: 'dblp:36/8449', name: 'Zhaoran Wang', s2AuthorId: null, paperKeys: ['2602.16165', '2602.05381', '2601.18217'], titles: [] });
  });

  it('reads a Semantic Scholar author page id from its address', () => {
    const context = extractProfilePage(parse(renderS2AuthorPage('Zhaoran Wang')), 'https://www.semanticscholar.org/author/Zhaoran-Wang/9000001')!;
    expect(profileQuery(context)).toEqual({ profile: 'semanticscholar:9000001', name: 'Zhaoran Wang', s2AuthorId: '9000001', paperKeys: [], titles: [] });
  });

  it('is null elsewhere', () => {
    expect(extractProfilePage(parse('<p>x</p>'), 'https://dblp.org/db/conf/asplos/asplos2024-2.html')).toBeNull();
  });
});

import { extractScholarPage, scholarPageExamples, scholarUserFromUrl } from '../../lib/core/sites/googleScholar';
import { nameFromOpenReviewId, openReviewIdFromUrl, openReviewPageExamples } from '../../lib/core/sites/openReview';
import { orcidFromUrl, orcidPageExamples, validOrcid } from '../../lib/core/sites/orcid';
import { renderLateApp, renderOpenReviewProfile, renderScholarPage } from '../fixtures/profilePages';

describe('Google Scholar, OpenReview and ORCID', () => {
  it.each(scholarPageExamples.match)('Google Scholar: matches %s', (url) => expect(scholarUserFromUrl(url)).not.toBeNull());
  it.each(scholarPageExamples.noMatch)('Google Scholar: does not match %s', (url) => expect(scholarUserFromUrl(url)).toBeNull());
  it.each(openReviewPageExamples.match)('OpenReview: matches %s', (url) => expect(openReviewIdFromUrl(url)).not.toBeNull());
  it.each(openReviewPageExamples.noMatch)('OpenReview: does not match %s', (url) => expect(openReviewIdFromUrl(url)).toBeNull());
  it.each(orcidPageExamples.match)('ORCID: matches %s', (url) => expect(orcidFromUrl(url)).not.toBeNull());
  it.each(orcidPageExamples.noMatch)('ORCID: does not match %s', (url) => expect(orcidFromUrl(url)).toBeNull());

  it('checks ORCID check characters', () => {
    expect(validOrcid('0000-0002-1825-0097')).toBe(true);
    expect(validOrcid('0000-0002-1694-233X')).toBe(true);
    expect(validOrcid('0000-0002-1825-0098')).toBe(false);
  });

  it('reads names from OpenReview ids', () => {
    expect(nameFromOpenReviewId('~Zhaoran_Wang1')).toBe('Zhaoran Wang');
    expect(nameFromOpenReviewId('~Alfredo_García2')).toBe('Alfredo García');
  });

  it('reads a Google Scholar profile: name, titles, and the arXiv ids in venue lines', () => {
    const context = extractScholarPage(parse(renderScholarPage({ withIds: true })), 'https://scholar.google.com/citations?user=SyntH3tic00J&hl=en')!;
    expect(context.name).toBe('Zhaoran Wang');
    expect(context.titles).toEqual(seed.publications.map((p) => p.title));
    expect(context.entries.map((e) => e.key)).toEqual(seed.publications.map((p) => p.arxivId));
    const noIds = extractScholarPage(parse(renderScholarPage({ withIds: false })), 'https://scholar.google.com/citations?user=SyntH3tic00J')!;
    expect(noIds.entries).toEqual([]);
    expect(noIds.titles).toHaveLength(3);
  });

  it('reads the name an ORCID record shows beside its iD, as orcid-angular titles the page', () => {
    const url = 'https://orcid.org/0000-0002-1825-0097';
    const titled = (title: string, head = '') => extractProfilePage(parse(`<html><head><title>${title}</title>${head}</head><body></body></html>`), url)!.name;
    // orcid-angular writes every hyphen of a title holding Arabic script as "᭸" (the name here is made up).
    expect(titled('محمد علي (0000᭸0002᭸1825᭸0097) ᭸ ORCID')).toBe('محمد علي');
    expect(titled('Jean-Luc Picard (0000-0002-1825-0097) - ORCID')).toBe('Jean-Luc Picard');
    // og:title holds the name with the iD and no site name; a record without a name shows the iD alone.
    expect(titled('ORCID', '<meta property="og:title" content="Josiah Carberry (0000-0002-1825-0097)">')).toBe('Josiah Carberry');
    expect(titled('0000-0002-1825-0097 - ORCID', '<meta property="og:title" content="0000-0002-1825-0097">')).toBeNull();
  });

  it("reads an OpenReview profile as openreview-web renders it: the linked profile and iD, its publications' titles", () => {
    const url = 'https://openreview.net/profile?id=~Zhaoran_Wang1';
    const linked = profileQuery(extractProfilePage(parse(`<html><body>${renderOpenReviewProfile({ s2: '9000001', orcid: '0000-0002-1825-0097' })}</body></html>`), url)!);
    // The titles of the notes only: not the co-authors, the venue lines or the section headings.
    expect(linked).toEqual({ profile: 'openreview:~Zhaoran_Wang1', name: 'Zhaoran Wang', s2AuthorId: '9000001', paperKeys: [], titles: seed.publications.map((p) => p.title), orcid: '0000-0002-1825-0097' });
    const bare = profileQuery(extractProfilePage(parse(`<html><body>${renderOpenReviewProfile({})}</body></html>`), url)!);
    expect(bare).toMatchObject({ s2AuthorId: null, titles: seed.publications.map((p) => p.title) });
    expect(bare.orcid ?? null).toBeNull();
  });

  it('takes a linked ORCID iD in either address form, checked, and only where the page links one', () => {
    const orcidOf = (links: string) => extractProfilePage(parse(`<html><body>${links}</body></html>`), 'https://openreview.net/profile?id=~Zhaoran_Wang1')!.orcid ?? null;
    expect(orcidOf('<a href="https://orcid.org/0000-0002-1825-0097">ORCID</a>')).toBe('0000-0002-1825-0097');
    expect(orcidOf('<a href="http://www.orcid.org/0000-0002-1694-233X/">ORCID</a>')).toBe('0000-0002-1694-233X');
    expect(orcidOf('<a href="https://orcid.org/0000-0002-1825-0098">a wrong check digit</a>')).toBeNull();
    expect(orcidOf('<a href="https://orcid.org.evil.example/0000-0002-1825-0097">elsewhere</a>')).toBeNull();
    expect(orcidOf('<a href="https://orcid.org/0000-0002-1825-0097">one</a><a href="https://orcid.org/0000-0002-1694-233X">another</a>')).toBeNull();
  });

  it('reads ORCID and OpenReview pages once their app has rendered', () => {
    const orcidDoc = parse('<html><head><title>Zhaoran Wang (0000-0002-1825-0097) - ORCID</title></head><body><section id="works"><app-work-stack><a href="https://arxiv.org/abs/2602.16165">arXiv:2602.16165</a></app-work-stack><app-work-stack><a href="https://doi.org/10.48550/arXiv.2601.18217">doi</a></app-work-stack></section><section id="fundings"><a href="https://doi.org/10.13039/100000001">NSF</a></section><section id="peer-reviews"><a href="https://doi.org/10.1000/reviewed-for-someone-else">reviewed</a></section><a href="https://www.semanticscholar.org/author/x/9000001">S2</a></body></html>');
    const orcid = extractProfilePage(orcidDoc, 'https://orcid.org/0000-0002-1825-0097')!;
    // The record's own iD goes with the query: a Semantic Scholar profile that lists it is the person.
    expect(profileQuery(orcid)).toEqual({ profile: 'orcid:0000-0002-1825-0097', name: 'Zhaoran Wang', s2AuthorId: '9000001', paperKeys: ['2602.16165', '2601.18217'], titles: [], orcid: '0000-0002-1825-0097' });
    const loading = extractProfilePage(parse(renderLateApp('OpenReview', '<a href="https://www.semanticscholar.org/author/x/9000001">S2</a>')), 'https://openreview.net/profile?id=~Zhaoran_Wang1')!;
    expect(loading.s2AuthorId).toBeNull(); // not rendered yet
  });
});

describe('papers known by DOI on profile pages', () => {
  it('keys a DBLP entry with only a journal DOI by that DOI, and prefers arXiv when both are linked', () => {
    const doc = parse(renderDblpPage('36/8449'));
    const list = doc.querySelector('ul.publ-list')!;
    const journal = list.querySelector('li.entry')!.cloneNode(true) as Element;
    journal.querySelector('nav.publ')!.innerHTML = '<ul><li class="drop-down"><div class="head"><a href="https://doi.org/10.1016/0370-2693(92)90710-L">view</a></div></li></ul>';
    list.append(journal);
    const both = list.querySelector('li.entry')!.cloneNode(true) as Element;
    both.querySelector('nav.publ ul')!.insertAdjacentHTML('afterbegin', '<li><a href="https://doi.org/10.1145/3620665.3640400">view</a></li>');
    list.append(both);
    const context = extractProfilePage(doc, 'https://dblp.org/pid/36/8449.html')!;
    expect(context.entries.map((e) => e.key)).toEqual(['2602.16165', '2602.05381', '2601.18217', 'doi:10.1016/0370-2693(92)90710-l', '2602.16165']);
    expect(context.entries[3]!.arxiv).toBeNull();
    expect(profileQuery(context).paperKeys).toEqual(['2602.16165', '2602.05381', '2601.18217', 'doi:10.1016/0370-2693(92)90710-l']);
  });
});

import { aclPersonFromUrl } from '../../lib/core/sites/aclAnthology';
import { renderAclPage } from '../fixtures/profilePages';

describe('ACL Anthology', () => {
  it('reads the person and their paper titles (the evidence where a page gives no ids)', () => {
    const url = 'https://aclanthology.org/people/zhaoran-wang/';
    expect(aclPersonFromUrl(url)).toBe('zhaoran-wang');
    const context = extractProfilePage(parse(renderAclPage('zhaoran-wang')), url)!;
    expect(profileQuery(context)).toEqual({ profile: 'aclanthology:zhaoran-wang', name: 'Zhaoran Wang', s2AuthorId: null, paperKeys: [], titles: seed.publications.map((p) => p.title) });
  });
});
