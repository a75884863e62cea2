import { describe, expect, it } from 'vitest';
import { BACKUP_FORMAT } from '../../lib/core/backup';
import { ImportError } from '../../lib/core/saved/importer';
import { createBackground } from '../../lib/background';
import { openDatabase } from '../../lib/background/store/db';
import { DEFAULT_SETTINGS } from '../../lib/core/settings';
import { instantGates } from '../fixtures/gates';
import { recordedFetch } from '../fixtures/recordedApi';
import { SEED_AUTHOR_ID } from '../fixtures/seedWorld';

const DAY = 24 * 60 * 60 * 1000;

async function make(clock = { now: Date.UTC(2026, 10, 25) }, log: { method: string; url: string }[] = []) {
  const db = await openDatabase(`backup-${Math.random()}`);
  return createBackground({ db: async () => db, fetch: recordedFetch(log), now: () => clock.now, gates: instantGates() });
}

async function filled() {
  const service = await make();
  await service.saveSettings({ s2ApiKey: 'secret123', cacheDays: 30, sites: { ...DEFAULT_SETTINGS.sites, dblp: false }, theme: 'dark', primarySource: 'openalex', openAlexEmail: 'reader@example.org', openAlexApiKey: 'oaSecret789', alertSchedule: 'weekly', alertNotifications: true });
  await service.saved.save('1810.04805', { title: 'BERT', authors: ['Jacob Devlin'], version: 2, primaryCategory: 'cs.CL' });
  await service.saved.update(['1810.04805'], { tags: ['nlp'], note: 'Read §3', status: 'reading' });
  await service.compare.add([{ authorId: SEED_AUTHOR_ID, name: 'Zhaoran Wang' }, { authorId: '9100001', name: 'Jian Peng' }]);
  await service.follows.follow({ authorId: SEED_AUTHOR_ID, name: 'Zhaoran Wang' });
  await service.pinProfile('dblp:36/8449', SEED_AUTHOR_ID);
  await service.savePrefs({ panelCollapsed: true });
  return service;
}

describe('export and import of all data', () => {
  it('round-trips everything of the reader but the API keys, which never leave', async () => {
    const source = await filled();
    const exported = await source.exportAll();
    const file = JSON.stringify(exported);
    expect(file).not.toContain('secret123');
    expect(file).not.toContain('oaSecret789');
    expect(exported.format).toBe(BACKUP_FORMAT);

    const target = await make();
    await target.saveSettings({ s2ApiKey: 'mine456' });
    const summary = await target.importAll(file);
    expect(summary).toEqual({ saved: { added: 1, merged: 0 }, compare: 2, follows: 1, pins: 1, alerts: 0, persons: 0, selfCitations: 0 });
    expect((await target.saved.list()).papers).toEqual((await source.saved.list()).papers);
    expect((await target.compare.list()).map((e) => e.authorId)).toEqual([SEED_AUTHOR_ID, '9100001']);
    expect((await target.follows.list()).map((f) => f.name)).toEqual(['Zhaoran Wang']);
    expect(await target.settings()).toEqual({
      s2ApiKey: 'mine456',
      cacheDays: 30,
      sites: { ...DEFAULT_SETTINGS.sites, dblp: false },
      theme: 'dark',
      primarySource: 'openalex',
      openAlexEmail: 'reader@example.org',
      openAlexApiKey: '', // keys stay with the browser they were typed into
      alertSchedule: 'weekly',
      alertNotifications: true,
    });
    expect((await target.prefs()).panelCollapsed).toBe(true);
    // Importing again merges: nothing doubles.
    expect((await target.importAll(file)).saved).toEqual({ added: 0, merged: 1 });
    expect((await target.compare.list())).toHaveLength(2);
  });

  it('applies nothing from a file with one bad part, and says which part', async () => {
    const source = await filled();
    const good = await source.exportAll();
    const target = await make();
    const cases: [unknown, RegExp][] = [
      [{ ...good, pins: [{ profile: 'javascript:alert(1)', authorId: '1' }] }, /pins, entry 1/],
      [{ ...good, alerts: [{ key: 'javascript:alert(1)', title: 'x', followed: [{ authorId: '1', name: 'A' }], foundAt: 1, seen: false }] }, /alerts, entry 1/],
      [{ ...good, settings: { ...good.settings, alertSchedule: 'hourly' } }, /settings: The check for new papers is one of daily, weekly, off/],
      [{ ...good, compare: [{ authorId: '../1', name: 'x' }] }, /compare, entry 1/],
      [{ ...good, settings: { cacheDays: 365, sites: good.settings.sites } }, /settings: .*1 to 90/],
      [{ ...good, saved: [{ ...good.saved[0], status: 'skimmed' }] }, /Paper 1: status/],
      [{ ...good, format: 'scholarscope-saved-papers' }, /not a ScholarScope data export/],
      [{ ...good, version: 2 }, /version \(2\)/],
    ];
    for (const [content, reason] of cases) {
      const attempt = target.importAll(JSON.stringify(content));
      await expect(attempt).rejects.toBeInstanceOf(ImportError);
      await expect(attempt).rejects.toThrow(reason);
    }
    await expect(target.importAll('{"format": ' + '['.repeat(100))).rejects.toThrow(/nested more than/);
    expect((await target.saved.list()).papers).toEqual([]);
    expect(await target.compare.list()).toEqual([]);
    expect(await target.follows.list()).toEqual([]);
    expect(await target.settings()).toEqual(DEFAULT_SETTINGS);
  });
});

describe('the cache lifetime setting', () => {
  it('decides when a cached paper is asked for again', async () => {
    const clock = { now: Date.UTC(2026, 10, 25) };
    const log: { method: string; url: string }[] = [];
    const service = await make(clock, log);
    await service.papers(['2602.16165']);
    const batches = () => log.filter((entry) => entry.url.includes('/paper/batch')).length;
    expect(batches()).toBe(1);
    clock.now += 3 * DAY;
    await service.papers(['2602.16165']);
    expect(batches()).toBe(1); // fresh for 7 days by default
    await service.saveSettings({ cacheDays: 2 });
    await service.papers(['2602.16165']); // now stale: answered from the cache and refreshed behind it
    await expect.poll(batches).toBe(2);
  });
});

describe('importing into a running background', () => {
  it('marks imported follows on the next page at once, without a worker restart', async () => {
    const source = await make();
    await source.follows.follow({ authorId: SEED_AUTHOR_ID, name: 'Zhaoran Wang' });
    const file = JSON.stringify(await source.exportAll());
    const target = await make();
    // The running worker has read its (empty) follow list once, as every page's papers request does.
    expect(await target.follows.list()).toEqual([]);
    await target.importAll(file);
    expect((await target.follows.list()).map((f) => f.authorId)).toEqual([SEED_AUTHOR_ID]);
    // A page showing a paper by the imported follow is remembered for the popup.
    const papers = await target.papers(['2602.16165']);
    await target.follows.noteSightings(papers);
    expect((await target.follows.news()).papers.map((p) => p.key)).toEqual(['2602.16165']);
  });
});
