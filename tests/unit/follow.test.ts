import { describe, expect, it } from 'vitest';
import { MAX_FOLLOWS, MAX_PINS } from '../../lib/core/backup';
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

describe('how many follows and pins messages may add', () => {
  it('refuses the follow and the pin past the caps imports keep to, and says so; changing what is there still works', async () => {
    const db = await openDatabase(`caps-${Math.random()}`);
    const service = createBackground({ db: async () => db, fetch: recordedFetch(), gates: instantGates() });
    const tx = db.transaction(['follows', 'pins'], 'readwrite');
    for (let i = 1; i <= MAX_FOLLOWS; i++) void tx.objectStore('follows').put({ authorId: String(i), name: `A${i}`, followedAt: i });
    for (let i = 1; i <= MAX_PINS; i++) void tx.objectStore('pins').put({ profile: `author:${i}`, authorId: String(i + 1), pinnedAt: i });
    await tx.done;
    await expect(service.follows.follow({ authorId: '999999', name: 'One more' })).rejects.toThrow(`You follow ${MAX_FOLLOWS} authors`);
    expect(await db.count('follows')).toBe(MAX_FOLLOWS);
    await service.follows.follow({ authorId: '1', name: 'A1' });
    await expect(service.pinProfile('dblp:36/8449', '9000001')).rejects.toThrow(`at most ${MAX_PINS}`);
    expect(await db.count('pins')).toBe(MAX_PINS);
    // Replacing or removing a pin that is there is always possible.
    await service.pinProfile('author:1', '77');
    await service.pinProfile('author:2', null);
    await service.pinProfile('dblp:36/8449', '9000001');
    expect(await db.count('pins')).toBe(MAX_PINS);
  });
});
