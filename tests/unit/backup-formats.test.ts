// Every data export an earlier version of ScholarScope wrote must still import. The files in
// tests/fixtures/backups were written by those versions' own code (scripts/backup-fixtures.sh).

import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createBackground } from '../../lib/background';
import { openDatabase } from '../../lib/background/store/db';
import { readBackup } from '../../lib/core/backup';
import { DEFAULT_SETTINGS } from '../../lib/core/settings';
import { SITE_IDS } from '../../lib/core/sites/registry';
import { instantGates } from '../fixtures/gates';
import { recordedFetch } from '../fixtures/recordedApi';
import { SEED_AUTHOR_ID } from '../fixtures/seedWorld';

const DIR = 'tests/fixtures/backups';
const FILES = readdirSync(DIR).filter((name) => name.endsWith('.json')).sort();

async function make() {
  const db = await openDatabase(`backup-formats-${Math.random()}`);
  return createBackground({ db: async () => db, fetch: recordedFetch(), now: () => Date.UTC(2026, 11, 3), gates: instantGates() });
}

describe('exports of every earlier version', () => {
  it('has a file for each format, from the first export to today', () => {
    // The first format (no theme), the one before ACL Anthology, and the current one at least.
    expect(FILES.length).toBeGreaterThanOrEqual(8);
    const keys = FILES.map((name) => Object.keys(JSON.parse(readFileSync(`${DIR}/${name}`, 'utf8')).settings).sort().join());
    expect(new Set(keys).size).toBeGreaterThanOrEqual(4);
  });

  for (const name of FILES) {
    it(`imports ${name} whole`, async () => {
      const content = readFileSync(`${DIR}/${name}`, 'utf8');
      const file = JSON.parse(content) as { settings: { sites: Record<string, boolean> } };
      const backup = readBackup(content);
      // Sites the file did not know get their defaults; the ones it named keep its choice.
      for (const site of SITE_IDS) expect(backup.settings.sites[site]).toBe(site in file.settings.sites ? file.settings.sites[site] : DEFAULT_SETTINGS.sites[site]);
      const target = await make();
      const summary = await target.importAll(content);
      expect(summary.saved).toEqual({ added: 1, merged: 0 });
      expect(summary.compare).toBe(2);
      expect(summary.follows).toBe(1);
      expect(summary.pins).toBe(1);
      const saved = (await target.saved.list()).papers;
      expect(saved.map((paper) => [paper.key, paper.tags, paper.note, paper.status])).toEqual([['1810.04805', ['nlp'], 'Read §3', 'reading']]);
      expect((await target.follows.list()).map((follow) => follow.authorId)).toEqual([SEED_AUTHOR_ID]);
      const settings = await target.settings();
      expect(settings.cacheDays).toBe(30);
      expect(settings.sites.dblp).toBe(false);
      expect(settings.sites.aclanthology).toBe(true);
      expect((await target.prefs()).panelCollapsed).toBe(true);
    });
  }
});
