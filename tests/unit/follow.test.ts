import { describe, expect, it } from 'vitest';
import { createBackground } from '../../lib/background';
import { openDatabase } from '../../lib/background/store/db';
import { instantGates } from '../fixtures/gates';
import { recordedFetch } from '../fixtures/recordedApi';
import { relatedRecords } from '../fixtures/relatedWorld';
import { hiperRecord, SEED_AUTHOR_ID } from '../fixtures/seedWorld';

async function world() {
  let clock = Date.UTC(2026, 10, 25);
  const db = await openDatabase(`follow-${Math.random()}`);
  const log: { method: string; url: string }[] = [];
  const service = createBackground({ db: async () => db, fetch: recordedFetch(log), now: () => clock, gates: instantGates() });
  return { service, log, tick: (ms: number) => (clock += ms) };
}

describe('following authors', () => {
  it('follows and unfollows, and remembers the papers by followed authors a page showed, once', async () => {
    const { service, tick } = await world();
    await service.follows.follow({ authorId: SEED_AUTHOR_ID, name: 'Zhaoran Wang' });
    expect((await service.follows.list()).map((f) => f.authorId)).toEqual([SEED_AUTHOR_ID]);
    expect(await service.follows.news()).toEqual({ papers: [], since: null, unseen: 0 });
    tick(1000);
    const papers = await service.papers([hiperRecord.id]);
    await service.follows.noteSightings(papers);
    tick(1000);
    const news = await service.follows.news();
    expect(news.papers.map((p) => [p.key, p.followed.map((f) => f.name)])).toEqual([[hiperRecord.id, ['Zhaoran Wang']]]);
    // Seen again later: not new again.
    tick(1000);
    await service.follows.noteSightings(papers);
    expect((await service.follows.news()).papers).toEqual([]);
    await service.follows.unfollow(SEED_AUTHOR_ID);
    expect(await service.follows.list()).toEqual([]);
  });

  it('keeps the profile panel preference when the popup marks news as seen', async () => {
    const { service } = await world();
    await service.savePrefs({ panelCollapsed: true });
    await service.follows.news();
    expect((await service.prefs()).panelCollapsed).toBe(true);
    await service.savePrefs({ panelCollapsed: false });
    expect((await service.prefs()).sightingsSeenAt).toBeTypeOf('number');
  });
});

describe('related papers from the recorded world', () => {
  it('recommends and lists the most cited citing papers, cached afterwards', async () => {
    const { service, log } = await world();
    const related = await service.related(hiperRecord.id);
    expect(related.recommended.map((p) => p.title).slice(-4)).toEqual(relatedRecords().recommended.map((r) => r.title));
    expect(related.citing).toHaveLength(6);
    const counts = related.citing.map((p) => p.citationCount ?? -1);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    const before = log.length;
    await service.related(hiperRecord.id);
    expect(log.length).toBe(before);
  });
});
