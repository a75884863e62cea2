// The reader's settings and small preferences: their shape, defaults and the checks every change
// passes (from the options page, and from an imported backup).

import { ALERT_SCHEDULES, type AlertSchedule } from './alerts';
import type { PrimarySource } from './model';
import { ALL_SITES_ON, SITE_IDS, type SiteId } from './sites/registry';
import { isRecord } from './validate';

/** The reader's settings, one record. */
export interface Settings {
  /** Semantic Scholar API key, sent as `x-api-key`; empty for the shared pool. */
  s2ApiKey: string;
  /** How many days cached papers, authors and lists are used without asking again. */
  cacheDays: number;
  /** Where ScholarScope works; a site switched off gets no chips, badges or panel. */
  sites: Record<SiteId, boolean>;
  /** Light or dark, or as the system says. */
  theme: Theme;
  /** Whose numbers the cards show first: Semantic Scholar's, or OpenAlex's where it knows the author. */
  primarySource: PrimarySource;
  /** Sent to OpenAlex as `mailto` (its polite pool); empty sends none. */
  openAlexEmail: string;
  /** Sent to OpenAlex as `api_key`; empty for the small keyless allowance. */
  openAlexApiKey: string;
  /** How often the background looks for new papers by followed authors. */
  alertSchedule: AlertSchedule;
  /** A system notification when it finds some (asks for the `notifications` permission when turned on). */
  alertNotifications: boolean;
}

export type { PrimarySource };
export const PRIMARY_SOURCES: readonly PrimarySource[] = ['semanticscholar', 'openalex'];

export type Theme = 'system' | 'light' | 'dark';
export const THEMES: readonly Theme[] = ['system', 'light', 'dark'];

export const CACHE_DAYS = { min: 1, max: 90, default: 7 } as const;
export const DEFAULT_SETTINGS: Settings = {
  s2ApiKey: '',
  cacheDays: CACHE_DAYS.default,
  sites: ALL_SITES_ON,
  theme: 'system',
  primarySource: 'semanticscholar',
  openAlexEmail: '',
  openAlexApiKey: '',
  alertSchedule: 'daily',
  alertNotifications: false,
};

/** Small interface preferences. */
export interface Prefs {
  panelCollapsed: boolean;
  /** When the popup last showed the papers by followed authors (what is newer is new). */
  sightingsSeenAt?: number;
  /** API keys a source refused, by fingerprint (never the key), so a restarted worker goes on without them. */
  rejectedKeys?: Partial<Record<'semanticscholar' | 'openalex', { fingerprint: string; at: number }>>;
}

export const DEFAULT_PREFS: Prefs = { panelCollapsed: false };

/** The settings a page's drawing needs (content scripts get these, never the keys or the e-mail). */
export interface PageSettings {
  theme: Theme;
  sites: Record<SiteId, boolean>;
  panelCollapsed: boolean;
  /** The reader turned Zotero on: pages ask which of their papers it holds. */
  zotero: boolean;
}

// Semantic Scholar keys are 40 letters and digits; allow some slack, nothing else.
const API_KEY = /^[A-Za-z0-9]{0,100}$/;
// Loose on purpose: OpenAlex only needs somewhere to write; it is never sent anywhere else.
const EMAIL = /^[^\s@]{1,100}@[^\s@]{1,100}\.[^\s@]{1,50}$/;

/** Settings to change, each checked; at least one. A string says what is wrong. */
export function parseSettings(raw: unknown): Partial<Settings> | string {
  if (!isRecord(raw)) return 'saveSettings needs settings (s2ApiKey, cacheDays, sites)';
  const settings: Partial<Settings> = {};
  if (raw.s2ApiKey !== undefined) {
    if (typeof raw.s2ApiKey !== 'string' || !API_KEY.test(raw.s2ApiKey.trim())) return 'A Semantic Scholar API key is letters and digits only';
    settings.s2ApiKey = raw.s2ApiKey.trim();
  }
  if (raw.cacheDays !== undefined) {
    const days = raw.cacheDays;
    if (typeof days !== 'number' || !Number.isInteger(days) || days < CACHE_DAYS.min || days > CACHE_DAYS.max) return `The cache lifetime is a whole number of days from ${CACHE_DAYS.min} to ${CACHE_DAYS.max}`;
    settings.cacheDays = days;
  }
  if (raw.sites !== undefined) {
    const sites = raw.sites;
    if (!isRecord(sites) || !SITE_IDS.every((site) => typeof sites[site] === 'boolean') || Object.keys(sites).some((key) => !(SITE_IDS as readonly string[]).includes(key))) {
      return `sites needs true or false for each of ${SITE_IDS.join(', ')}`;
    }
    settings.sites = Object.fromEntries(SITE_IDS.map((site) => [site, sites[site] as boolean])) as Settings['sites'];
  }
  if (raw.theme !== undefined) {
    if (typeof raw.theme !== 'string' || !THEMES.includes(raw.theme as Theme)) return `The theme is one of ${THEMES.join(', ')}`;
    settings.theme = raw.theme as Theme;
  }
  if (raw.primarySource !== undefined) {
    if (typeof raw.primarySource !== 'string' || !PRIMARY_SOURCES.includes(raw.primarySource as PrimarySource)) return `The primary source is one of ${PRIMARY_SOURCES.join(', ')}`;
    settings.primarySource = raw.primarySource as PrimarySource;
  }
  if (raw.openAlexEmail !== undefined) {
    const email = typeof raw.openAlexEmail === 'string' ? raw.openAlexEmail.trim() : null;
    if (email === null || (email !== '' && !EMAIL.test(email))) return 'The e-mail for OpenAlex should look like name@example.org (or be empty)';
    settings.openAlexEmail = email;
  }
  if (raw.openAlexApiKey !== undefined) {
    if (typeof raw.openAlexApiKey !== 'string' || !API_KEY.test(raw.openAlexApiKey.trim())) return 'An OpenAlex API key is letters and digits only';
    settings.openAlexApiKey = raw.openAlexApiKey.trim();
  }
  if (raw.alertSchedule !== undefined) {
    if (typeof raw.alertSchedule !== 'string' || !ALERT_SCHEDULES.includes(raw.alertSchedule as AlertSchedule)) return `The check for new papers is one of ${ALERT_SCHEDULES.join(', ')}`;
    settings.alertSchedule = raw.alertSchedule as AlertSchedule;
  }
  if (raw.alertNotifications !== undefined) {
    if (typeof raw.alertNotifications !== 'boolean') return 'Notifications are on (true) or off (false)';
    settings.alertNotifications = raw.alertNotifications;
  }
  return Object.keys(settings).length > 0 ? settings : 'saveSettings needs settings (s2ApiKey, cacheDays, sites, theme, primarySource, openAlexEmail, openAlexApiKey, alertSchedule, alertNotifications)';
}

/** Settings as stored, with defaults for what records written before a setting existed lack. */
export function withDefaults(stored: Partial<Settings> | undefined): Settings {
  return { ...DEFAULT_SETTINGS, ...stored, sites: { ...DEFAULT_SETTINGS.sites, ...stored?.sites } };
}
