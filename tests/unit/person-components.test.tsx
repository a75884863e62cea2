// The person part of a card as drawn: the recomputed numbers lead and say so, each profile's own
// figure beside; the candidates with their evidence; self-citations only once something is counted.

import { render } from 'preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { AuthorCard } from '../../components/AuthorCard';
import { SelfCitationSection } from '../../components/SelfCitationSection';
import { createBackground } from '../../lib/background';
import { openDatabase } from '../../lib/background/store/db';
import type { PersonControl } from '../../lib/core/personCandidates';
import { instantGates } from '../fixtures/gates';
import { OTHER_PROFILES } from '../fixtures/personWorld';
import { recordedFetch } from '../fixtures/recordedApi';
import { SEED_AUTHOR_ID, seed } from '../fixtures/seedWorld';

const NOW = Date.UTC(2026, 11, 2);
let container: HTMLElement;
beforeEach(() => {
  document.body.innerHTML = '';
  container = document.createElement('div');
  document.body.append(container);
});
const texts = (selector: string) => [...container.querySelectorAll(selector)].map((node) => node.textContent?.trim());

async function mergedWorld() {
  const db = await openDatabase(`person-components-${Math.random()}`);
  const background = createBackground({ db: async () => db, fetch: recordedFetch(), now: () => NOW, gates: instantGates(), openAlexWaitMs: 50 });
  await background.persons.merge([SEED_AUTHOR_ID, ...OTHER_PROFILES.map((profile) => profile.authorId)]);
  return background;
}

const control = (overrides: Partial<PersonControl> = {}): PersonControl => ({
  candidates: { status: 'loading' },
  busy: false,
  error: null,
  onMerge: () => undefined,
  onUnmerge: () => undefined,
  onRestore: () => undefined,
  onDrop: () => undefined,
  ...overrides,
});

describe('a person on the card', () => {
  it('leads with the recomputed numbers, even with OpenAlex as the primary source, and keeps each profile\'s own', async () => {
    const background = await mergedWorld();
    const data = { ...(await background.authorCard(SEED_AUTHOR_ID)), primary: 'openalex' as const };
    render(<AuthorCard state={{ status: 'ready', data }} person={control()} now={NOW} />, container);
    expect(texts('.ss-metric dd')).toEqual(['77', '3', '7']);
    expect(container.querySelector('.ss-source')!.textContent).toContain('Numbers recomputed for this person from Semantic Scholar');
    // The source's row is what it reports for the first profile.
    const sourceRow = [...container.querySelectorAll('.ss-by-source tbody tr')].find((row) => row.querySelector('th')?.textContent === 'Semantic Scholar');
    expect([...sourceRow!.querySelectorAll('td')].slice(0, 3).map((cell) => cell.textContent)).toEqual([String(seed.author.totalCitations), String(seed.author.hIndex), String(seed.author.papers)]);
    expect(texts('.ss-person-merged li')).toHaveLength(3);
    expect(container.querySelector('.ss-person-merged')!.textContent).toContain('The merged person: 77 citations, h-index 3, 7 papers, recomputed from the merged paper list (1 listed twice, counted once).');
    expect(texts('.ss-drop')).toHaveLength(7);
  });

  it('lists candidates with their evidence, as text, and merges the one chosen', async () => {
    const db = await openDatabase(`person-components-${Math.random()}`);
    const background = createBackground({ db: async () => db, fetch: recordedFetch(), now: () => NOW, gates: instantGates(), openAlexWaitMs: 50 });
    const data = await background.authorCard(SEED_AUTHOR_ID);
    const found = await background.persons.candidates(SEED_AUTHOR_ID);
    const merged: string[] = [];
    render(<AuthorCard state={{ status: 'ready', data }} person={control({ candidates: { status: 'ready', found }, onMerge: (id) => merged.push(id) })} now={NOW} />, container);
    const line = container.querySelector<HTMLButtonElement>('.ss-other-profiles')!;
    expect(line.textContent).toBe('2 other profiles look like this person');
    line.click();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(texts('.ss-person ol > li strong')).toEqual(['Zhaoran Wang', 'Z. Wang', 'Zhaoran Wang']);
    container.querySelector<HTMLButtonElement>('.ss-merge[aria-label^="Merge Z. Wang (9300001)"]')!.click();
    expect(merged).toEqual(['9300001']);
  });
});

describe('self-citations on the card', () => {
  it('offers the count, shows progress without figures, then the figures and the next step', () => {
    const counted: string[] = [];
    const onCount = (action: string) => void counted.push(action);
    render(<SelfCitationSection view={{ status: 'none', checked: 0, cap: 0, papers: 0, figures: null, error: null, updatedAt: null }} error={null} onCount={onCount} />, container);
    container.querySelector<HTMLButtonElement>('.ss-self-count')!.click();
    expect(counted).toEqual(['start']);
    const figures = { hIndex: 3, hIndexWithout: 2, citations: 77, citationsWithout: 52, selfCitations: 25, citingChecked: 77, incomplete: 0 };
    render(<SelfCitationSection view={{ status: 'running', checked: 0, cap: 100, papers: 250, figures, error: null, updatedAt: 1 }} error={null} onCount={onCount} />, container);
    expect(container.querySelector('[role="status"]')!.textContent).toBe('Counting self-citations: 0 of 100 papers checked ');
    expect(container.querySelector('.ss-self-figures')).toBeNull();
    render(<SelfCitationSection view={{ status: 'done', checked: 100, cap: 100, papers: 250, figures, error: null, updatedAt: 1 }} error={null} onCount={onCount} />, container);
    expect(container.querySelector('.ss-self-figures')!.textContent).toContain('Without self-citations: h-index 2 (with: 3), 52 citations (with: 77). Self-citations: 25 of 77 citing papers listed (32%), on the 100 most cited of 250 cited papers.');
    [...container.querySelectorAll<HTMLButtonElement>('button')].find((button) => button.textContent === 'Check the next 100 papers')!.click();
    expect(counted).toEqual(['start', 'more']);
  });
});
