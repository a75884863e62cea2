// Hostile candidates for "other profiles for this person", in real Chromium: names and
// affiliations full of markup, enormous paper and coauthor lists. They render as text, the
// evidence stays bounded (a few coauthors named, the rest counted), nothing runs.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHOWN_COAUTHORS } from '../../lib/core/personCandidates';
import { renderAbsPage } from '../fixtures/arxivAbs';
import { authorIdFor, hiperRecord, seed } from '../fixtures/seedWorld';
import { ours } from '../e2e/closedUi';
import { launch, type Harness } from '../e2e/harness';
import { expectClean, inspectOurUi, watchExceptions } from './inspect';
import { HOSTILE_TEXTS } from './payloads';

const PAPER_URL = 'https://arxiv.org/abs/2602.16165';
const NAMES = HOSTILE_TEXTS.filter((text) => text.trim().length > 0 && text.length < 500);
let harness: Harness;

// Every coauthor the seed's papers name (hidden ones included), by the ids the world gives them.
const seedCoauthors = [...new Set(seed.publications.flatMap((p) => [...p.authorsShown, ...Array.from({ length: p.moreAuthors }, (_, i) => `Hidden Coauthor ${p.rank}-${i + 1}`)]))].filter((name) => name !== seed.author.name);

/** An author search answer (shape of test_search_author.yaml with Author.json's nested papers): hostile names, 400 papers of 300 coauthors each (about 10 MB). */
function hostileSearch(): string {
  const data = NAMES.slice(0, 4).map((name, index) => ({
    authorId: String(9400001 + index),
    url: `https://www.semanticscholar.org/author/${9400001 + index}`,
    name,
    affiliations: NAMES.slice(0, 3),
    paperCount: 400,
    citationCount: 1,
    hIndex: 1,
    externalIds: { ORCID: NAMES[0] },
    papers: Array.from({ length: 400 }, (_, paper) => ({
      paperId: `${String(index)}${'c'.repeat(35)}${String(paper).padStart(4, '0')}`,
      year: 2020,
      venue: NAMES[paper % NAMES.length],
      authors: [
        { authorId: String(9400001 + index), name },
        ...seedCoauthors.map((coauthor) => ({ authorId: authorIdFor(coauthor), name: NAMES[1] })),
        ...Array.from({ length: 300 - seedCoauthors.length }, (_, k) => ({ authorId: String(9500000 + k), name: NAMES[k % NAMES.length] })),
      ],
    })),
  }));
  return JSON.stringify({ total: data.length, offset: 0, data });
}

beforeAll(async () => {
  harness = await launch();
  harness.pages.set(PAPER_URL, renderAbsPage(hiperRecord));
  const body = hostileSearch();
  harness.apiOverride = (request) => (request.url.includes('/author/search') && request.url.includes('papers.authors') ? { status: 200, body, headers: { 'content-type': 'application/json' } } : null);
});
afterAll(async () => harness?.close());

describe('hostile candidate profiles in real Chromium', () => {
  it('shows names as text, names a few shared coauthors and counts the rest, runs nothing', async () => {
    const page = await harness.context.newPage();
    const { errors } = await watchExceptions(harness, page);
    await page.goto(PAPER_URL);
    await ours(page).locator('div.authors > scholarscope-chip .ss-chip', { hasText: /^h \d+ · / }).first().waitFor({ timeout: 15_000 });
    await page.locator('div.authors > a').first().focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    const card = ours(page).locator('scholarscope-card .ss-popover');
    const line = card.locator('.ss-other-profiles');
    await expect.poll(() => line.textContent(), { timeout: 15_000 }).toBe('4 other profiles look like this person');
    await line.click();
    const candidates = card.locator('.ss-person ol > li');
    await expect.poll(() => candidates.count()).toBe(4);
    expect(await candidates.locator('strong').allTextContents()).toEqual(NAMES.slice(0, 4));
    const evidence = (await candidates.first().locator('li').allTextContents()).find((text) => text.startsWith('Shared coauthors: '))!;
    // The seed's own names for them (not the candidate's hostile ones), a few, then a count.
    expect(evidence.split(', ').length).toBe(SHOWN_COAUTHORS);
    expect(evidence).toMatch(new RegExp(`and ${seedCoauthors.length - SHOWN_COAUTHORS} more$`));
    // A bounded box: the list scrolls inside the card instead of growing the page.
    expect(await card.locator('.ss-person ol').evaluate((list) => list.getBoundingClientRect().height)).toBeLessThanOrEqual(262);
    expectClean(harness, await inspectOurUi(page, false));
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);
});
