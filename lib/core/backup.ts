// All of the reader's own data in one file: saved papers, the compare tray, follows, pins, settings
// (without the API key, which stays in this browser), preferences and the papers announced to the reader. Reading a file checks every
// part first; nothing is applied unless the whole file is good.

import { isAuthorId } from './ids';
import { MAX_COMPARE } from './protocol/wire';
import { ImportError, MAX_IMPORT_PAPERS, parseJsonFile, readSavedPaper } from './saved/importer';
import type { SavedPaper } from './saved/model';
import { DEFAULT_SETTINGS, parseSettings, type Settings } from './settings';
import { MAX_ALERTS, readAlertRecord, type AlertRecord } from './alerts';
import type { DroppedPaper } from './model';
import { MAX_PERSON_PROFILES, readPerson } from './person';
import { readSelfCitationRecord, type SelfCitationRecord } from './selfCitations';
import { SITE_IDS } from './sites/registry';
import { PROFILE_KEY } from './sites/profileSites';
import { isRecord } from './validate';

export const BACKUP_FORMAT = 'scholarscope-data';
/** At most this many follows and pins, whether added one by one or imported. */
export const MAX_FOLLOWS = 5000;
export const MAX_PINS = 10_000;

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: 1;
  exportedAt: string;
  saved: SavedPaper[];
  compare: { authorId: string; name: string }[];
  follows: { authorId: string; name: string }[];
  pins: { profile: string; authorId: string }[];
  settings: Omit<Settings, 's2ApiKey' | 'openAlexApiKey'>;
  prefs: { panelCollapsed: boolean };
  /** Papers the scheduled check announced, with whether the reader has seen them (absent in older exports). */
  alerts: AlertRecord[];
  /** Persons the reader assembled: their profiles and dropped papers (absent in older exports). */
  persons: { authorIds: string[]; dropped: DroppedPaper[] }[];
  /** Self-citation counts, done or halfway (absent in older exports). */
  selfCitations: SelfCitationRecord[];
}

function people(value: unknown, part: string, max: number): { authorId: string; name: string }[] {
  if (!Array.isArray(value) || value.length > max) throw new ImportError(`${part} should be a list of at most ${max} authors`);
  return value.map((entry, index) => {
    if (!isRecord(entry) || !isAuthorId(entry.authorId) || typeof entry.name !== 'string' || entry.name.length === 0 || entry.name.length > 500) {
      throw new ImportError(`${part}, entry ${index + 1}: needs an author id and a name`);
    }
    return { authorId: entry.authorId, name: entry.name };
  });
}

/**
 * A file's site switches as this version knows them: a site added since the file was written (ACL
 * Anthology, for files before it) gets its default, one this version does not know is left out.
 * Anything but a map of site ids stays as it is, for parseSettings to refuse.
 */
function sitesOfFile(sites: unknown): unknown {
  if (!isRecord(sites)) return sites;
  return Object.fromEntries(SITE_IDS.map((site) => [site, site in sites ? sites[site] : DEFAULT_SETTINGS.sites[site]]));
}

/** The file's data, or an ImportError naming the first problem. */
export function readBackup(content: string): Backup {
  const data = parseJsonFile(content);
  if (!isRecord(data) || data.format !== BACKUP_FORMAT) throw new ImportError('This JSON is not a ScholarScope data export (for a saved-papers export, use Import in the library)');
  if (data.version !== 1) throw new ImportError(`This export is of a version (${String(data.version)}) this ScholarScope does not read`);
  if (!Array.isArray(data.saved) || data.saved.length > MAX_IMPORT_PAPERS) throw new ImportError(`saved should be a list of at most ${MAX_IMPORT_PAPERS} papers`);
  const saved = data.saved.map(readSavedPaper);
  const compare = people(data.compare, 'compare', MAX_COMPARE);
  const follows = people(data.follows, 'follows', MAX_FOLLOWS);
  if (!Array.isArray(data.pins) || data.pins.length > MAX_PINS) throw new ImportError(`pins should be a list of at most ${MAX_PINS}`);
  const pins = data.pins.map((pin, index) => {
    if (!isRecord(pin) || typeof pin.profile !== 'string' || !PROFILE_KEY.test(pin.profile) || !isAuthorId(pin.authorId)) {
      throw new ImportError(`pins, entry ${index + 1}: needs a profile key and an author id`);
    }
    return { profile: pin.profile, authorId: pin.authorId };
  });
  // API keys are never in an export; one in a file is ignored rather than trusted. Exports made
  // before the OpenAlex settings existed get their defaults.
  const settingsRaw = isRecord(data.settings)
    ? {
        cacheDays: data.settings.cacheDays,
        sites: sitesOfFile(data.settings.sites),
        theme: data.settings.theme ?? 'system',
        primarySource: data.settings.primarySource ?? 'semanticscholar',
        openAlexEmail: data.settings.openAlexEmail ?? '',
        alertSchedule: data.settings.alertSchedule ?? DEFAULT_SETTINGS.alertSchedule,
        alertNotifications: data.settings.alertNotifications ?? DEFAULT_SETTINGS.alertNotifications,
      }
    : null;
  const settings = settingsRaw ? parseSettings(settingsRaw) : 'settings are missing';
  if (typeof settings === 'string') throw new ImportError(`settings: ${settings}`);
  if (settings.cacheDays === undefined || settings.sites === undefined) throw new ImportError('settings need cacheDays and sites');
  if (!isRecord(data.prefs) || typeof data.prefs.panelCollapsed !== 'boolean') throw new ImportError('prefs need panelCollapsed');
  const alertsRaw = data.alerts ?? [];
  if (!Array.isArray(alertsRaw) || alertsRaw.length > MAX_ALERTS) throw new ImportError(`alerts should be a list of at most ${MAX_ALERTS} papers`);
  const alerts = alertsRaw.map((entry, index) => {
    const alert = readAlertRecord(entry);
    if (!alert) throw new ImportError(`alerts, entry ${index + 1}: needs a paper key, a title, its followed authors and when it was found`);
    return alert;
  });
  const personsRaw = data.persons ?? [];
  if (!Array.isArray(personsRaw) || personsRaw.length > MAX_PINS) throw new ImportError(`persons should be a list of at most ${MAX_PINS}`);
  const persons = personsRaw.map((entry, index) => {
    const person = readPerson(entry);
    if (!person) throw new ImportError(`persons, entry ${index + 1}: needs 1 to ${MAX_PERSON_PROFILES} different author ids and a list of dropped papers (ids and title)`);
    return person;
  });
  const selfRaw = data.selfCitations ?? [];
  if (!Array.isArray(selfRaw) || selfRaw.length > MAX_PINS) throw new ImportError(`selfCitations should be a list of at most ${MAX_PINS}`);
  const selfCitations = selfRaw.map((entry, index) => {
    const record = readSelfCitationRecord(entry, isAuthorId);
    if (!record) throw new ImportError(`selfCitations, entry ${index + 1}: needs a person, their author ids, the papers counted and each one's citing and self-citing counts`);
    return record;
  });
  return {
    format: BACKUP_FORMAT,
    version: 1,
    exportedAt: typeof data.exportedAt === 'string' ? data.exportedAt.slice(0, 40) : '',
    saved,
    compare,
    follows,
    pins,
    settings: {
      cacheDays: settings.cacheDays,
      sites: settings.sites,
      theme: settings.theme ?? 'system',
      primarySource: settings.primarySource ?? 'semanticscholar',
      openAlexEmail: settings.openAlexEmail ?? '',
      alertSchedule: settings.alertSchedule ?? DEFAULT_SETTINGS.alertSchedule,
      alertNotifications: settings.alertNotifications ?? DEFAULT_SETTINGS.alertNotifications,
    },
    prefs: { panelCollapsed: data.prefs.panelCollapsed },
    alerts,
    persons,
    selfCitations,
  };
}
