// The reader's settings and preferences: read on every request, so kept in memory until changed
// (a restarted worker reads them again). Also the cache's size and clearing, which the settings
// page shows.

import { ZOTERO_ORIGIN } from '../../core/zotero';
import { DEFAULT_PREFS, withDefaults, type Prefs, type Settings } from '../../core/settings';
import type { Backup } from '../../core/backup';
import type { BackupPart } from '../backup/part';
import type { Context } from '../context';
import type { HandlersFor } from '../router';
import { TTL, type Cache } from '../store/cache';

export type SettingsFeature = ReturnType<typeof createSettings>;

export function createSettings(ctx: Context, cache: Cache) {
  let current: Promise<Settings> | null = null;
  function get(): Promise<Settings> {
    current ??= ctx.db().then(async (db) => withDefaults(await db.get('settings', 'settings')));
    current.catch(() => (current = null));
    return current;
  }

  // Merged into what is stored: a page changes only the settings it shows.
  async function save(changes: Partial<Settings>): Promise<Settings> {
    const db = await ctx.db();
    const previous = await get();
    const next = { ...previous, ...changes };
    await db.put('settings', next, 'settings');
    current = Promise.resolve(next);
    // Pages show the new primary source's authors at once, not after the cached papers expire.
    if (next.primarySource !== previous.primarySource) await db.clear('papers');
    return next;
  }

  async function prefs(): Promise<Prefs> {
    return { ...DEFAULT_PREFS, ...(await (await ctx.db()).get('prefs', 'prefs')) };
  }

  // Whether the profile panel is collapsed, for every page's settings: kept in memory like the
  // settings (only savePrefs and an import change it; other writers of the store keep it).
  let collapsed: Promise<boolean> | null = null;
  const panelCollapsed = () => {
    collapsed ??= prefs().then((stored) => stored.panelCollapsed);
    collapsed.catch(() => (collapsed = null));
    return collapsed;
  };

  // Merged into what is stored: each page sets only the preferences it knows of.
  async function savePrefs(next: Prefs): Promise<Prefs> {
    const tx = (await ctx.db()).transaction('prefs', 'readwrite');
    const merged = { ...DEFAULT_PREFS, ...(await tx.store.get('prefs')), ...next };
    await tx.store.put(merged, 'prefs');
    await tx.done;
    collapsed = Promise.resolve(merged.panelCollapsed);
    return merged;
  }

  /** How long records stay fresh: the reader's cache lifetime (papers unknown to the source: at most a day). */
  async function lifetimes() {
    const ms = (await get()).cacheDays * 24 * 60 * 60 * 1000;
    return { paper: ms, missingPaper: Math.min(ms, TTL.missingPaper), author: ms, publications: ms };
  }

  const handlers: HandlersFor<'getSettings' | 'pageSettings' | 'saveSettings' | 'savePrefs' | 'cacheInfo' | 'clearCache'> = {
    getSettings: () => get(),
    pageSettings: async () => {
      const [{ theme, sites }, collapsedNow, zotero] = await Promise.all([get(), panelCollapsed(), ctx.hostAllowed(ZOTERO_ORIGIN).catch(() => false)]);
      return { theme, sites, panelCollapsed: collapsedNow, zotero };
    },
    saveSettings: ({ settings }) => save(settings),
    savePrefs: async ({ prefs: next }) => (await savePrefs(next), null),
    cacheInfo: () => cache.info(),
    clearCache: async () => (await cache.clear(), cache.info()),
  };

  // The API keys never leave this browser: not exported, and an import keeps the ones here.
  const backup: BackupPart<Pick<Backup, 'settings' | 'prefs'>> = {
    stores: ['settings', 'prefs'],
    async export() {
      const [{ s2ApiKey: _s2, openAlexApiKey: _openAlex, ...settings }, { panelCollapsed }] = await Promise.all([get(), prefs()]);
      return { settings, prefs: { panelCollapsed } };
    },
    async merge(tx, incoming) {
      const here = withDefaults(await tx.objectStore('settings').get('settings'));
      await tx.objectStore('settings').put({ ...here, ...incoming.settings }, 'settings');
      const stored = await tx.objectStore('prefs').get('prefs');
      await tx.objectStore('prefs').put({ ...DEFAULT_PREFS, ...stored, ...incoming.prefs }, 'prefs');
      return {};
    },
    imported: () => void ((current = null), (collapsed = null)),
  };

  return { get, save, prefs, savePrefs, lifetimes, handlers, backup };
}
