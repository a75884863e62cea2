// Messages about the reader's settings, preferences, cache and all their data at once.

import type { Backup } from '../backup';
import { parseSettings, type PageSettings, type Prefs, type Settings } from '../settings';
import type { SourceNotice } from '../sourceNotices';
import { isRecord } from '../validate';
import { forContentScripts, message, noPayload } from './define';
import { uploadName } from './saved';
import type { CacheInfo, ImportSummary } from './wire';

export const settingsMessages = {
  /** Every setting, API keys and e-mail included: extension pages only. */
  getSettings: noPayload<Settings>(),
  /** What a page's drawing needs: the theme, the sites switched on, whether the panel is collapsed; no keys, no e-mail. */
  pageSettings: forContentScripts(noPayload<PageSettings>()),
  /** Changes the settings given; answers all of them. */
  saveSettings: message<{ settings: Partial<Settings> }, Settings>((raw) => {
    const settings = parseSettings(raw.settings);
    return typeof settings === 'string' ? settings : { settings };
  }),
  cacheInfo: noPayload<CacheInfo>(),
  /** What the sources' own limits mean for the reader now: a refused key, a spent daily allowance. */
  sourceNotices: noPayload<SourceNotice[]>(),
  /** Empties the cached copies of source data (never the reader's own). */
  clearCache: noPayload<CacheInfo>(),
  /** The profile panel's Show and Hide. */
  savePrefs: forContentScripts(
    message<{ prefs: Pick<Prefs, 'panelCollapsed'> }, null>((raw) =>
      isRecord(raw.prefs) && typeof raw.prefs.panelCollapsed === 'boolean' ? { prefs: { panelCollapsed: raw.prefs.panelCollapsed } } : 'savePrefs needs prefs with panelCollapsed',
    ),
  ),
  /** Everything of the reader's but the saved papers (those come a page at a time: savedRecords), no API key. */
  exportAll: noPayload<Omit<Backup, 'saved'>>(),
  /** Applies the data export of an upload in one transaction, merged with what is here; nothing on any error. */
  importAll: message<{ upload: string }, ImportSummary>((raw) => uploadName(raw, 'importAll')),
};
