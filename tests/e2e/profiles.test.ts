import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { renderAclPage, renderDblpPage, renderLateApp, renderOpenReviewProfile, renderS2AuthorPage, renderScholarPage } from '../fixtures/profilePages';
import { otherProfile } from '../fixtures/personWorld';
import { loadAbsRecord } from '../fixtures/arxivAbs';
import { dblpPerson2015Page, realPage, scholarProfile2026Page } from '../fixtures/realPages';
import { registerPapers } from '../fixtures/recordedPapers';
import { seed } from '../fixtures/seedWorld';
import { ours } from './closedUi';
import { launch, type Harness } from './harness';

const DBLP_URL = 'https://dblp.org/pid/36/8449.html';
const S2_URL = 'https://www.semanticscholar.org/author/Zhaoran-Wang/9000001';
const SCHOLAR_URL = 'https://scholar.google.com/citations?user=SyntH3tic00J&hl=en';
const SCHOLAR_IDS_URL = 'https://scholar.google.com/citations?user=SyntH3tic01J&hl=en';
const OPENREVIEW_URL = 'https://openreview.net/profile?id=~Zhaoran_Wang1';
// The same person's profile as it would be without a Semantic Scholar link, and with only an ORCID link.
const OPENREVIEW_TITLES_URL = 'https://openreview.net/profile?id=~Zhaoran_Wang2';
const OPENREVIEW_ORCID_URL = 'https://openreview.net/profile?id=~Zhaoran_Wang3';
// One that links a Semantic Scholar author id Semantic Scholar no longer has.
const OPENREVIEW_GONE_URL = 'https://openreview.net/profile?id=~Zhaoran_Wang4';
const OTHER_ORCID = '0000-0002-1694-233X';
const ORCID_URL = 'https://orcid.org/0000-0002-1825-0097';
const ACL_URL = 'https://aclanthology.org/people/zhaoran-wang/';
// A person page saved from the live Anthology (tests/fixtures/real-pages/README.md), at its own address.
const ACL_REAL_URL = 'https://aclanthology.org/people/a/andreas-madsack/';
const SCHOLAR_REAL_URL = 'https://scholar.google.com/citations?user=amIMrIEAAAAJ&hl=en';
const DBLP_REAL_URL = 'https://dblp.org/pid/97/4275.html';
// Pages that try the extension (issue: content scripts are untrusted).
const MALLORY_URL = 'https://openreview.net/profile?id=~Mallory_Attacker1';
const DBLP_WALKING_URL = 'https://dblp.org/pid/66/6666.html';
const WALKING_DOI = '10.1234/../../../graph/v1/author/999';

let harness: Harness;

beforeAll(async () => {
  harness = await launch({ profileSites: true });
  harness.pages.set(DBLP_URL, renderDblpPage('36/8449'));
  harness.pages.set(S2_URL, renderS2AuthorPage('Zhaoran Wang'));
  harness.pages.set(SCHOLAR_URL, renderScholarPage({ withIds: false }));
  harness.pages.set(SCHOLAR_IDS_URL, renderScholarPage({ withIds: true }));
  harness.pages.set(ACL_URL, renderAclPage('zhaoran-wang'));
  harness.pages.set(ACL_REAL_URL, realPage('acl-person-page.html'));
  harness.pages.set(DBLP_REAL_URL, dblpPerson2015Page());
  // Someone else's profile linking the seed author's Semantic Scholar id.
  harness.pages.set(MALLORY_URL, renderLateApp('Mallory Attacker | OpenReview', renderOpenReviewProfile({ s2: '9000001' })));
  // A DBLP page whose entries link DOIs that walk up API paths, plain and escaped.
  harness.pages.set(
    DBLP_WALKING_URL,
    renderDblpPage('66/6666').replace(
      '<li class="year">2026</li>',
      `<li class="year">2026</li>${[WALKING_DOI, WALKING_DOI.replaceAll('/', '%2F')]
        .map((doi, i) => `<li class="entry article" id="journals/x/W${i}"><nav class="publ"><ul><li class="drop-down"><div class="head"><a href="https://doi.org/${doi}">view</a></div></li></ul></nav><cite class="data"><span itemprop="author"><span class="this-person" itemprop="name">Zhaoran Wang</span></span>: <span class="title" itemprop="name">Walking ${i}.</span></cite></li>`)
        .join('')}`,
    ),
  );
  harness.pages.set(SCHOLAR_REAL_URL, scholarProfile2026Page());
  harness.pages.set(
    OPENREVIEW_URL,
    renderLateApp('Zhaoran Wang | OpenReview', renderOpenReviewProfile({ s2: '9000001' })),
  );
  harness.pages.set(OPENREVIEW_TITLES_URL, renderLateApp('Zhaoran Wang | OpenReview', renderOpenReviewProfile({})));
  harness.pages.set(OPENREVIEW_ORCID_URL, renderLateApp('Zhaoran Wang | OpenReview', renderOpenReviewProfile({ orcid: OTHER_ORCID })));
  harness.pages.set(OPENREVIEW_GONE_URL, renderLateApp('Zhaoran Wang | OpenReview', renderOpenReviewProfile({ s2: '999999999' })));
  harness.pages.set(
    ORCID_URL,
    renderLateApp(
      'ORCID',
      '<h1>Zhaoran Wang</h1><section id="works">' +
        '<div class="work"><h4>HiPER</h4><a href="https://arxiv.org/abs/2602.16165">arXiv: 2602.16165</a></div>' +
        '<div class="work"><h4>Paying Less Generalization Tax</h4><a href="https://doi.org/10.48550/arXiv.2601.18217">10.48550/arXiv.2601.18217</a></div>' +
        '<div class="work"><h4>Hamiltonian construction of W-gravity actions</h4><a href="https://doi.org/10.1016/0370-2693(92)90710-L">10.1016/0370-2693(92)90710-L</a></div>' +
        '</section>',
      300,
      'Zhaoran Wang (0000-0002-1825-0097) - ORCID',
    ),
  );
});
afterAll(async () => harness?.close());

const panel = (page: Page) => ours(page).locator('scholarscope-panel .ss-panel');

/** Opens a real page whose person the recordings do not know: the panel must say so after a name search for `name`. */
async function openUnmatched(url: string, name: string): Promise<Page> {
  harness.apiRequests.length = 0;
  const page = await harness.context.newPage();
  await page.goto(url);
  await expect.poll(() => panel(page).locator('.ss-status').textContent(), { timeout: 10_000 }).toBe(`No Semantic Scholar profile matched ${name}.`);
  const search = harness.apiRequests.find((r) => r.url.includes('/author/search'))!;
  expect(new URL(search.url).searchParams.get('query')).toBe(name);
  return page;
}

async function cardMetrics(page: Page) {
  await panel(page).locator('.ss-metric dd').first().waitFor({ timeout: 10_000 });
  return panel(page).locator('.ss-metric dd').allTextContents();
}

describe('profile pages in real Chromium', () => {
  it('resolves a DBLP person from the author ids of their arXiv papers and annotates those papers', async () => {
    harness.apiRequests.length = 0;
    const page = await harness.context.newPage();
    await page.goto(DBLP_URL);
    expect(await cardMetrics(page)).toEqual(['74', '5', '3']);
    expect(await panel(page).locator('.ss-panel-via').textContent()).toContain("Matched by 3 of this page's papers.");
    await panel(page).locator('.ss-pub').first().waitFor({ timeout: 10_000 });
    expect(await panel(page).locator('.ss-pub-title').allTextContents()).toEqual(seed.publications.map((p) => p.title));
    // Each DBLP entry with an arXiv DOI gets a badge after its title, and chips for its authors.
    await expect.poll(() => ours(page).locator('scholarscope-badge').count(), { timeout: 10_000 }).toBe(3);
    expect(await ours(page).locator('li.entry').first().locator('scholarscope-chip').count()).toBe(7);
    // No name search was needed: identity came from ids (the card's own search for other profiles of the person asks for coauthors).
    expect(harness.apiRequests.some((r) => r.url.includes('/author/search') && !r.url.includes('papers.authors'))).toBe(false);
    expect(harness.apiRequests.filter((r) => r.url.includes('/paper/batch'))).toHaveLength(1);
    await page.close();
  });

  it('lets the reader correct the match; the pin is kept and wins on the next visit', async () => {
    const page = await harness.context.newPage();
    await page.goto(DBLP_URL);
    await cardMetrics(page);
    await panel(page).getByRole('button', { name: 'Not this person?' }).click();
    const candidates = panel(page).locator('.ss-candidate');
    await candidates.first().waitFor({ timeout: 10_000 });
    // The seed's profile, the namesake and the two other profiles of the seed's author (tests/fixtures/personWorld.ts).
    expect(await candidates.count()).toBe(4);
    expect(await candidates.first().textContent()).toContain("wrote 3 of this page's papers");
    await panel(page).getByRole('button', { name: 'This is Zhaoran Wang (9200001)' }).click();
    await expect.poll(() => panel(page).locator('.ss-panel-via').textContent(), { timeout: 10_000 }).toContain('Matched by your choice.');
    expect(await cardMetrics(page)).toEqual(['340', '7', '12']);
    await page.reload();
    await expect.poll(() => panel(page).locator('.ss-panel-via').textContent(), { timeout: 10_000 }).toContain('Matched by your choice.');
    expect(await cardMetrics(page)).toEqual(['340', '7', '12']);
    // Back to the evidence: pin the right one.
    await panel(page).getByRole('button', { name: 'Not this person?' }).click();
    await panel(page).getByRole('button', { name: 'This is Zhaoran Wang (9000001)' }).click();
    await expect.poll(() => cardMetrics(page), { timeout: 10_000 }).toEqual(['74', '5', '3']);
    await page.close();
  });

  it('remembers that the panel was collapsed', async () => {
    const page = await harness.context.newPage();
    await page.goto(DBLP_URL);
    await cardMetrics(page);
    await panel(page).getByRole('button', { name: 'Hide' }).click();
    expect(await panel(page).locator('.ss-panel-body').count()).toBe(0);
    await page.waitForTimeout(200);
    await page.reload();
    await panel(page).getByRole('button', { name: 'Show' }).waitFor({ timeout: 10_000 });
    expect(await panel(page).locator('.ss-panel-body').count()).toBe(0);
    await panel(page).getByRole('button', { name: 'Show' }).click();
    expect(await cardMetrics(page)).toEqual(['74', '5', '3']);
    await page.close();
  });

  it('uses the id in a Semantic Scholar address and follows in-app navigation; the popup shows the card', async () => {
    const page = await harness.context.newPage();
    await page.goto(S2_URL);
    expect(await cardMetrics(page)).toEqual(['74', '5', '3']);
    expect(await panel(page).locator('.ss-panel-via').textContent()).toContain('Matched by the Semantic Scholar id this page gives.');
    const popup = await harness.openPopup(S2_URL);
    await popup.locator('.ss-metric dd').first().waitFor({ timeout: 10_000 });
    expect(await popup.locator('.ss-name').textContent()).toBe('Zhaoran Wang');
    expect(await popup.locator('.ss-metric dd').allTextContents()).toEqual(['74', '5', '3']);
    await popup.close();
    await page.evaluate(() => (window as unknown as { goToAuthor: (s: string, i: string, n: string) => void }).goToAuthor('Zhaoran-Wang', '9200001', 'Zhaoran Wang'));
    await expect.poll(() => cardMetrics(page), { timeout: 10_000 }).toEqual(['340', '7', '12']);
    await page.close();
  });

  it('finds a Google Scholar person by the titles their papers share with the page', async () => {
    harness.apiRequests.length = 0;
    const page = await harness.context.newPage();
    await page.goto(SCHOLAR_URL);
    expect(await cardMetrics(page)).toEqual(['74', '5', '3']);
    expect(await panel(page).locator('.ss-panel-via').textContent()).toContain("Matched by 3 of this page's papers.");
    const search = harness.apiRequests.find((r) => r.url.includes('/author/search') && !r.url.includes('papers.authors'))!;
    expect(new URL(search.url).searchParams.get('fields')).toContain('papers.title');
    await page.close();
  });

  it('finds an ACL Anthology person by the titles their papers share with the page', async () => {
    harness.apiRequests.length = 0;
    const page = await harness.context.newPage();
    await page.goto(ACL_URL);
    expect(await cardMetrics(page)).toEqual(['74', '5', '3']);
    expect(await panel(page).locator('.ss-panel-via').textContent()).toContain("Matched by 3 of this page's papers.");
    const search = harness.apiRequests.find((r) => r.url.includes('/author/search') && !r.url.includes('papers.authors'))!;
    expect(new URL(search.url).searchParams.get('query')).toBe('Zhaoran Wang');
    await page.close();
  });

  it('uses the arXiv ids in Google Scholar venue lines, and badges those rows', async () => {
    const page = await harness.context.newPage();
    await page.goto(SCHOLAR_IDS_URL);
    expect(await cardMetrics(page)).toEqual(['74', '5', '3']);
    await expect.poll(() => ours(page).locator('#gsc_a_b scholarscope-badge').count(), { timeout: 10_000 }).toBe(3);
    // "Show more" adds rows (real ones from a live profile, tests/fixtures/real-pages), one of them
    // an old-style arXiv preprint: it gets its badge too.
    const more = realPage('google-scholar-more-rows.html');
    const preprint = more.split('</tr>')[0]!.replace(/Annalen der Physik 35, 898-908/, 'arXiv preprint hep-th/9108002') + '</tr>';
    await page.evaluate((rows) => document.querySelector('#gsc_a_b')!.insertAdjacentHTML('beforeend', rows), more + preprint);
    await expect.poll(() => ours(page).locator('#gsc_a_b scholarscope-badge').count(), { timeout: 10_000 }).toBe(4);
    expect(await ours(page).locator('#gsc_a_b tr.gsc_a_tr').last().locator('scholarscope-badge').count()).toBe(1);
    await page.close();
  });

  it('on a real ACL Anthology person page, searches for the name its heading gives and says plainly that no profile matched', async () => {
    const page = await openUnmatched(ACL_REAL_URL, 'Andreas Madsack');
    // The page is left as it was.
    expect(await page.locator('#main h2#title').textContent()).toBe('Andreas Madsack');
    expect(await page.locator('#main strong > a').count()).toBe(6);
    expect(await ours(page).locator('#main-container [data-scholarscope], #main-container scholarscope-chip, #main-container scholarscope-badge').count()).toBe(0);
    await page.close();
  });

  it('on real DBLP entries, asks for the two with an identifier in one batch and badges those two only', async () => {
    const page = await openUnmatched(DBLP_REAL_URL, 'Aaron Clauset');
    const batches = harness.apiRequests.filter((r) => r.url.includes('/paper/batch'));
    expect(batches).toHaveLength(1);
    expect(JSON.parse(batches[0]!.body!).ids.sort()).toEqual(['DOI:10.1145/2441776.2441820', 'arXiv:1303.6372']);
    // Neither paper is in the recordings: each gets a badge that says so, and its authors no chips (on
    // lists the extension stays quiet about papers no source knows).
    const badges = ours(page).locator('li.entry scholarscope-badge .ss-badge');
    await expect.poll(() => badges.count(), { timeout: 10_000 }).toBe(2);
    expect(await badges.evaluateAll((all) => all.map((badge) => badge.getAttribute('aria-label')))).toEqual(['No source lists this paper yet', 'No source lists this paper yet']);
    expect(await ours(page).locator('li.entry').nth(1).locator('scholarscope-badge').count()).toBe(0);
    expect(await ours(page).locator('li.entry scholarscope-chip').count()).toBe(0);
    await page.close();
  });

  it("on a real Google Scholar profile, searches for the name today's header gives and leaves rows without an arXiv id alone", async () => {
    const page = await openUnmatched(SCHOLAR_REAL_URL, 'Bangar Raju Cherukuri');
    expect(await page.locator('#gsc_a_b tr.gsc_a_tr').count()).toBe(20);
    expect(await ours(page).locator('#gsc_prf_w scholarscope-chip, #gsc_art scholarscope-chip, #gsc_art scholarscope-badge').count()).toBe(0);
    await page.close();
  });

  it('reads OpenReview once its app has rendered, using the Semantic Scholar profile it links', async () => {
    const page = await harness.context.newPage();
    await page.goto(OPENREVIEW_URL);
    await expect.poll(() => panel(page).locator('.ss-panel-via').textContent(), { timeout: 10_000 }).toContain('Matched by the Semantic Scholar id this page gives.');
    expect(await cardMetrics(page)).toEqual(['74', '5', '3']);
    await page.close();
  });

  it("finds an OpenReview person who links no profile by their publications' titles", async () => {
    harness.apiRequests.length = 0;
    const page = await harness.context.newPage();
    await page.goto(OPENREVIEW_TITLES_URL);
    await expect.poll(() => panel(page).locator('.ss-panel-via').textContent(), { timeout: 10_000 }).toContain("Matched by 3 of this page's papers.");
    expect(await cardMetrics(page)).toEqual(['74', '5', '3']);
    // The page is read again once its app has rendered; that query carries the titles.
    const searches = harness.apiRequests.filter((r) => r.url.includes('/author/search') && !r.url.includes('papers.authors'));
    expect(searches.some((r) => new URL(r.url).searchParams.get('fields')?.split(',').includes('papers.title'))).toBe(true);
    await page.close();
  });

  it('says so when the Semantic Scholar profile an OpenReview profile links is gone, and finds the person by the titles', async () => {
    const page = await harness.context.newPage();
    await page.goto(OPENREVIEW_GONE_URL);
    await expect.poll(() => panel(page).locator('.ss-panel-via').textContent(), { timeout: 10_000 }).toContain("Matched by 3 of this page's papers.");
    expect(await panel(page).locator('.ss-status').first().textContent()).toBe('This page links Semantic Scholar author 999999999, which Semantic Scholar no longer lists.');
    expect(await cardMetrics(page)).toEqual(['74', '5', '3']);
    await page.close();
  });

  it('takes the profile under the name that lists the ORCID iD an OpenReview profile links, over the titles', async () => {
    // In this world the second other profile (tests/fixtures/personWorld.ts) lists the iD; the titles point at the seed's.
    const other = otherProfile('9300002')!;
    other.orcid = OTHER_ORCID;
    try {
      const page = await harness.context.newPage();
      await page.goto(OPENREVIEW_ORCID_URL);
      await expect.poll(() => panel(page).locator('.ss-panel-via').textContent(), { timeout: 10_000 }).toContain('Matched by the ORCID iD this page gives.');
      expect(await cardMetrics(page)).toEqual(['37', '2', '3']);
      await page.close();
    } finally {
      other.orcid = null;
    }
  });

  it('reads an ORCID record once rendered: its arXiv works decide who it is; arXiv and DOI works get badges', async () => {
    registerPapers([loadAbsRecord('hep-th_9108002')]); // known to the recorded source by its journal DOI
    const page = await harness.context.newPage();
    // Every status the panel shows, read from the content script's world every few milliseconds.
    const statuses: string[] = [];
    let watching = true;
    const watcher = (async () => {
      while (watching) {
        const shown = await ours(page).locator('scholarscope-panel .ss-status').allTextContents().catch(() => []);
        for (const status of shown) if (statuses.at(-1) !== status) statuses.push(status);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    })();
    await page.goto(ORCID_URL);
    await expect.poll(() => panel(page).locator('.ss-panel-via').textContent(), { timeout: 10_000 }).toContain("Matched by 2 of this page's papers.");
    expect(await cardMetrics(page)).toEqual(['74', '5', '3']);
    await expect.poll(() => ours(page).locator('#works scholarscope-badge').count(), { timeout: 10_000 }).toBe(3);
    const doiBadge = ours(page).locator('#works .work').nth(2).locator('scholarscope-badge .ss-badge');
    expect(await doiBadge.getAttribute('aria-label')).toMatch(/^\d+ citations? \(Semantic Scholar\)$/);
    // Before the record loaded, the page gave nothing to go on: the panel waited rather than say no one matched.
    watching = false;
    await watcher;
    expect(statuses.length).toBeGreaterThan(0);
    expect(statuses.filter((status) => status.startsWith('No Semantic Scholar profile matched'))).toEqual([]);
    await page.close();
  });

  it('does not take a Semantic Scholar id that someone else’s profile links: the panel says the page claims it and the names differ', async () => {
    const page = await harness.context.newPage();
    await page.goto(MALLORY_URL);
    const claim = panel(page).locator('.ss-claim');
    await expect.poll(() => claim.textContent(), { timeout: 10_000 }).toContain('This page links Semantic Scholar author 9000001, Zhaoran Wang, but the page\'s name is Mallory Attacker: the names differ');
    await expect.poll(() => panel(page).locator('.ss-panel-via').count()).toBe(0);
    expect(await panel(page).locator('.ss-panel-body').textContent()).not.toContain('Matched by the Semantic Scholar id this page gives.');
    await page.close();
  });

  it('asks no source for a DOI link that would walk up an API path', async () => {
    harness.apiRequests.length = 0;
    const page = await harness.context.newPage();
    await page.goto(DBLP_WALKING_URL);
    await panel(page).locator('.ss-pub').first().waitFor({ timeout: 10_000 });
    await new Promise((resolve) => setTimeout(resolve, 1000));
    // Not in a path, not in a batch's body: the links are no paper keys at all.
    expect(harness.apiRequests.filter((request) => /author\/999|graph%2Fv1|\.\.|%2F\.\.|api\.openalex\.org\/authors/.test(request.url + (request.body ?? '')))).toEqual([]);
    expect(await ours(page).locator('li.entry[id^="journals/x/W"] scholarscope-badge').count()).toBe(0);
    await page.close();
  });

  it("reads the page again at most every half second, however often the page's scripts send WXT's location event", async () => {
    const page = await harness.context.newPage();
    await page.goto(S2_URL);
    await expect.poll(() => panel(page).locator('.ss-panel-via').textContent(), { timeout: 10_000 }).toContain('Matched by the Semantic Scholar id this page gives.');
    harness.apiRequests.length = 0;
    // 100 addresses in a second, each announced as WXT announces one (the event's name is public).
    await page.evaluate(async () => {
      for (let i = 0; i < 100; i++) {
        history.pushState({}, '', `/author/Someone/${8_200_000 + i}`);
        window.dispatchEvent(new CustomEvent('wxt:locationchange', { detail: { newUrl: new URL(location.href), oldUrl: new URL(location.href) } }));
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const looked = new Set(harness.apiRequests.flatMap((request) => [...(request.url + (request.body ?? '')).matchAll(/82000\d\d/g)].map((m) => m[0])));
    // About 2.5 s of changes at one look per 500 ms: a handful of people looked up, not 100.
    expect(looked.size).toBeGreaterThan(0);
    expect(looked.size).toBeLessThanOrEqual(6);
    await page.close();
  });
});
