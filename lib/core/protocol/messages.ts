// The typed protocol between the background and its callers (content scripts, popup, pages).
// Every message the background receives is checked here before anything acts on it.

import { isPaperKey, type AuthorCardData, type PaperKey, type PaperWithAuthors } from '../model';
import type { Candidate, Resolution } from '../identity';
import type { CacheInfo, ImportSummary, ProfileQuery } from '../../background/service';
import type { Backup } from '../backup';
import { CACHE_DAYS, PRIMARY_SOURCES, THEMES, type PrimarySource, type Theme, type CompareEntry, type FollowRecord, type Prefs, type RelatedRecord, type Settings } from '../../background/store/db';
import { SITES } from '../sites/ids';
import type { FollowNews } from '../../background/follow/service';
import { MAX_COMPARE, type CompareRow } from '../../background/compare/service';
import { ImportError, MAX_IMPORT_BYTES, readSavedPaper } from '../saved/importer';
import { SNAPSHOT_NAME_MAX, SNAPSHOT_TITLE_MAX, type ReadStatus, type SavedPaper } from '../saved/model';
import type { PageSnapshot, SavedChanges, SavedList } from '../../background/saved/service';
import { isRecord } from '../validate';

/** A page of up to 2,000 entries asks in one message. */
export const MAX_IDS_PER_MESSAGE = 2000;

export type BackgroundRequest =
  | { type: 'papers'; keys: PaperKey[] }
  | { type: 'authorCard'; authorId: string }
  | { type: 'getSettings' }
  | { type: 'saveSettings'; settings: Partial<Settings> }
  | { type: 'cacheInfo' }
  | { type: 'clearCache' }
  | { type: 'resolveProfile'; profile: ProfileQuery }
  | { type: 'profileCandidates'; profile: ProfileQuery }
  | { type: 'pinProfile'; profile: string; authorId: string | null }
  | { type: 'getPrefs' }
  | { type: 'savePrefs'; prefs: Prefs }
  | { type: 'savedList' }
  | { type: 'savedWhich'; keys: PaperKey[] }
  | { type: 'savePaper'; key: PaperKey; page: PageSnapshot }
  | { type: 'unsave'; keys: PaperKey[] }
  | { type: 'restoreSaved'; papers: SavedPaper[] }
  | { type: 'updateSaved'; keys: PaperKey[]; changes: SavedChanges }
  | { type: 'importSaved'; content: string }
  | { type: 'compareList' }
  | { type: 'compareAdd'; authors: { authorId: string; name: string }[] }
  | { type: 'compareRemove'; authorId: string }
  | { type: 'compareMove'; authorId: string; to: number }
  | { type: 'compareClear' }
  | { type: 'compareRow'; authorId: string }
  | { type: 'related'; key: PaperKey }
  | { type: 'followList' }
  | { type: 'follow'; author: { authorId: string; name: string } }
  | { type: 'unfollow'; authorId: string }
  | { type: 'followNews' }
  | { type: 'exportAll' }
  | { type: 'importAll'; content: string };

export interface BackgroundResponses {
  papers: Record<string, PaperWithAuthors | null>;
  authorCard: AuthorCardData;
  getSettings: Settings;
  saveSettings: Settings;
  cacheInfo: CacheInfo;
  clearCache: CacheInfo;
  resolveProfile: Resolution;
  profileCandidates: Candidate[];
  pinProfile: null;
  getPrefs: Prefs;
  savePrefs: Prefs;
  savedList: SavedList;
  savedWhich: PaperKey[];
  savePaper: SavedPaper;
  unsave: SavedPaper[];
  restoreSaved: null;
  updateSaved: SavedPaper[];
  importSaved: { added: number; merged: number };
  compareList: CompareEntry[];
  compareAdd: CompareEntry[];
  compareRemove: CompareEntry[];
  compareMove: CompareEntry[];
  compareClear: CompareEntry[];
  compareRow: CompareRow;
  related: RelatedRecord;
  followList: FollowRecord[];
  follow: FollowRecord[];
  unfollow: FollowRecord[];
  followNews: FollowNews;
  exportAll: Backup;
  importAll: ImportSummary;
}

export type Reply<T> = { ok: true; data: T } | { ok: false; error: string };

// Profile pages by site, and `author:<id>` for a correction of an author on papers.
export const PROFILE_KEY = /^(?:(?:semanticscholar|dblp|scholar|openreview|orcid):[\p{L}\p{M}\p{N}~/_.'-]{1,100}|author:\d{1,20})$/u;
const MAX_TITLES = 100;
const MAX_PROFILE_PAPERS = 500;

function parseKeyList(keys: unknown, max: number): PaperKey[] | null {
  if (!Array.isArray(keys) || keys.length > max) return null;
  return keys.every((key) => typeof key === 'string' && isPaperKey(key)) ? (keys as PaperKey[]) : null;
}

function parseProfileQuery(raw: unknown): ProfileQuery | { error: string } {
  if (!isRecord(raw)) return { error: 'A profile is needed' };
  if (typeof raw.profile !== 'string' || !PROFILE_KEY.test(raw.profile)) return { error: 'Unknown profile key' };
  const name = raw.name === null ? null : typeof raw.name === 'string' && raw.name.length <= 200 ? raw.name : undefined;
  if (name === undefined) return { error: 'A profile name is text of at most 200 characters, or null' };
  const s2AuthorId = raw.s2AuthorId === null ? null : typeof raw.s2AuthorId === 'string' && AUTHOR_ID.test(raw.s2AuthorId) ? raw.s2AuthorId : undefined;
  if (s2AuthorId === undefined) return { error: 'A Semantic Scholar author id is digits, or null' };
  const paperKeys = parseKeyList(raw.paperKeys, MAX_PROFILE_PAPERS);
  if (!paperKeys) return { error: `A profile lists at most ${MAX_PROFILE_PAPERS} paper keys (arXiv ids without versions, doi:…)` };
  const titles = raw.titles;
  if (!Array.isArray(titles) || titles.length > MAX_TITLES || !titles.every((t) => typeof t === 'string' && t.length <= 500)) {
    return { error: `A profile lists at most ${MAX_TITLES} titles of at most 500 characters` };
  }
  return { profile: raw.profile, name, s2AuthorId, paperKeys, titles: titles as string[] };
}

const STATUSES: ReadStatus[] = ['to-read', 'reading', 'read'];

function shortText(value: unknown, max: number): value is string {
  return typeof value === 'string' && value.length <= max;
}

function parsePageSnapshot(raw: unknown): PageSnapshot | null {
  if (!isRecord(raw) || !shortText(raw.title, SNAPSHOT_TITLE_MAX) || !Array.isArray(raw.authors) || raw.authors.length > 5000) return null;
  if (!raw.authors.every((name) => shortText(name, SNAPSHOT_NAME_MAX))) return null;
  const version = raw.version === null ? null : typeof raw.version === 'number' && Number.isInteger(raw.version) && raw.version > 0 ? raw.version : undefined;
  const primaryCategory = raw.primaryCategory === null ? null : shortText(raw.primaryCategory, 40) ? raw.primaryCategory : undefined;
  if (version === undefined || primaryCategory === undefined) return null;
  return { title: raw.title, authors: raw.authors as string[], version, primaryCategory };
}

function parseChanges(raw: unknown): SavedChanges | null {
  if (!isRecord(raw)) return null;
  const changes: SavedChanges = {};
  if (raw.tags !== undefined) {
    if (!Array.isArray(raw.tags) || raw.tags.length > 100 || !raw.tags.every((tag) => shortText(tag, 100))) return null;
    changes.tags = raw.tags as string[];
  }
  if (raw.note !== undefined) {
    if (!shortText(raw.note, 20_000)) return null;
    changes.note = raw.note;
  }
  if (raw.status !== undefined) {
    if (typeof raw.status !== 'string' || !STATUSES.includes(raw.status as ReadStatus)) return null;
    changes.status = raw.status as ReadStatus;
  }
  return changes;
}

function parseSavedRequest(raw: Record<string, unknown> & { type: string }): BackgroundRequest | { error: string } {
  switch (raw.type) {
    case 'savedList':
      return { type: 'savedList' };
    case 'savedWhich':
    case 'unsave': {
      const keys = parseKeyList(raw.keys, MAX_IDS_PER_MESSAGE);
      return keys ? { type: raw.type, keys } : { error: `${raw.type} needs up to ${MAX_IDS_PER_MESSAGE} paper keys` };
    }
    case 'savePaper': {
      const page = parsePageSnapshot(raw.page);
      if (typeof raw.key !== 'string' || !isPaperKey(raw.key)) return { error: 'savePaper needs a paper key' };
      return page ? { type: 'savePaper', key: raw.key, page } : { error: 'savePaper needs what the page shows: title, authors, version, category' };
    }
    case 'updateSaved': {
      const keys = parseKeyList(raw.keys, MAX_IDS_PER_MESSAGE);
      const changes = parseChanges(raw.changes);
      if (!keys || !changes) return { error: 'updateSaved needs paper keys and changes (tags, note, status)' };
      return { type: 'updateSaved', keys, changes };
    }
    case 'restoreSaved': {
      if (!Array.isArray(raw.papers) || raw.papers.length > MAX_IDS_PER_MESSAGE) return { error: 'restoreSaved needs a list of saved papers' };
      try {
        return { type: 'restoreSaved', papers: raw.papers.map(readSavedPaper) };
      } catch (error) {
        return { error: error instanceof ImportError ? error.message : 'restoreSaved needs saved papers' };
      }
    }
    case 'importSaved':
      if (typeof raw.content !== 'string') return { error: 'importSaved needs the file as text' };
      if (raw.content.length > MAX_IMPORT_BYTES) return { error: `The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB` };
      return { type: 'importSaved', content: raw.content };
    default:
      return { error: `Unknown message type: ${raw.type.slice(0, 40)}` };
  }
}

/** What the popup asks the content script of a tab. */
export type TabRequest = { type: 'pageContext' };

/** What the background or popup tells a tab: papers it showed stale have been refreshed; papers were saved or removed elsewhere. */
export type TabUpdate =
  | { type: 'papersRefreshed'; papers: Record<PaperKey, PaperWithAuthors | null> }
  | { type: 'savedChanged'; keys: PaperKey[]; saved: boolean };

export type PageContextReply =
  | {
      /** A page about one paper (abstract page, HTML full text). */
      kind: 'paper';
      arxivId: string;
      version: number | null;
      title: string;
      authorNames: string[];
      /** arXiv's primary category when the page shows it (abstract pages). */
      primaryCategory: string | null;
    }
  | { kind: 'profile'; profile: ProfileQuery };

/** Semantic Scholar's author ids are digits; OpenAlex's (for authors only it lists) are `A` and digits. */
export const AUTHOR_ID = /^(?:\d{1,20}|A\d{1,15})$/;
// Semantic Scholar keys are 40 letters and digits; allow some slack, nothing else.
const API_KEY = /^[A-Za-z0-9]{0,100}$/;
// Loose on purpose: OpenAlex only needs somewhere to write; it is never sent anywhere else.
const EMAIL = /^[^\s@]{1,100}@[^\s@]{1,100}\.[^\s@]{1,50}$/;

/** The request if `raw` is a well-formed one, else a reason. */
export function parseBackgroundRequest(raw: unknown): BackgroundRequest | { error: string } {
  if (!isRecord(raw) || typeof raw.type !== 'string') return { error: 'Malformed message: no type' };
  switch (raw.type) {
    case 'papers': {
      const ids = raw.keys;
      if (!Array.isArray(ids) || ids.length === 0 || ids.length > MAX_IDS_PER_MESSAGE) {
        return { error: `papers needs 1 to ${MAX_IDS_PER_MESSAGE} paper keys` };
      }
      const keys = parseKeyList(ids, MAX_IDS_PER_MESSAGE);
      if (!keys) {
        const bad = ids.find((id) => typeof id !== 'string' || !isPaperKey(id));
        return { error: `Not a paper key (an arXiv id without version, or doi:…): ${String(bad).slice(0, 40)}` };
      }
      return { type: 'papers', keys };
    }
    case 'authorCard': {
      if (typeof raw.authorId !== 'string' || !AUTHOR_ID.test(raw.authorId)) return { error: 'authorCard needs an author id' };
      return { type: 'authorCard', authorId: raw.authorId };
    }
    case 'saveSettings': {
      const settings = parseSettings(raw.settings);
      return 'error' in settings ? settings : { type: 'saveSettings', settings };
    }
    case 'getSettings':
    case 'cacheInfo':
    case 'clearCache':
    case 'getPrefs':
      return { type: raw.type };
    case 'resolveProfile':
    case 'profileCandidates': {
      const profile = parseProfileQuery(raw.profile);
      return 'error' in profile ? profile : { type: raw.type, profile };
    }
    case 'pinProfile': {
      if (typeof raw.profile !== 'string' || !PROFILE_KEY.test(raw.profile)) return { error: 'Unknown profile key' };
      if (raw.authorId !== null && (typeof raw.authorId !== 'string' || !AUTHOR_ID.test(raw.authorId))) return { error: 'pinProfile needs an author id or null' };
      return { type: 'pinProfile', profile: raw.profile, authorId: raw.authorId };
    }
    case 'savePrefs': {
      if (!isRecord(raw.prefs) || typeof raw.prefs.panelCollapsed !== 'boolean') return { error: 'savePrefs needs prefs with panelCollapsed' };
      return { type: 'savePrefs', prefs: { panelCollapsed: raw.prefs.panelCollapsed } };
    }
    default:
      if (raw.type === 'exportAll') return { type: 'exportAll' };
      if (raw.type === 'importAll') {
        if (typeof raw.content !== 'string') return { error: 'importAll needs the file as text' };
        if (raw.content.length > MAX_IMPORT_BYTES) return { error: `The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB` };
        return { type: 'importAll', content: raw.content };
      }
      if (['related', 'followList', 'follow', 'unfollow', 'followNews'].includes(raw.type)) return parsePeopleRequest(raw as Record<string, unknown> & { type: string });
      return raw.type.startsWith('compare') ? parseCompareRequest(raw as Record<string, unknown> & { type: string }) : parseSavedRequest(raw as Record<string, unknown> & { type: string });
  }
}

function parseCompareRequest(raw: Record<string, unknown> & { type: string }): BackgroundRequest | { error: string } {
  const authorId = typeof raw.authorId === 'string' && AUTHOR_ID.test(raw.authorId) ? raw.authorId : null;
  switch (raw.type) {
    case 'compareList':
    case 'compareClear':
      return { type: raw.type };
    case 'compareAdd': {
      const authors = raw.authors;
      const valid =
        Array.isArray(authors) &&
        authors.length > 0 &&
        authors.length <= MAX_COMPARE &&
        authors.every((author) => isRecord(author) && typeof author.authorId === 'string' && AUTHOR_ID.test(author.authorId) && typeof author.name === 'string' && author.name.length > 0 && author.name.length <= 500);
      return valid ? { type: 'compareAdd', authors: (authors as { authorId: string; name: string }[]).map(({ authorId: id, name }) => ({ authorId: id, name })) } : { error: `compareAdd needs 1 to ${MAX_COMPARE} authors, each an id and a name` };
    }
    case 'compareRemove':
    case 'compareRow':
      return authorId ? { type: raw.type, authorId } : { error: `${raw.type} needs an author id` };
    case 'compareMove':
      return authorId && typeof raw.to === 'number' && Number.isInteger(raw.to) && raw.to >= 0 && raw.to < MAX_COMPARE
        ? { type: 'compareMove', authorId, to: raw.to }
        : { error: `compareMove needs an author id and a position from 0 to ${MAX_COMPARE - 1}` };
    default:
      return { error: `Unknown message type: ${raw.type.slice(0, 40)}` };
  }
}

function parsePeopleRequest(raw: Record<string, unknown> & { type: string }): BackgroundRequest | { error: string } {
  switch (raw.type) {
    case 'related':
      return typeof raw.key === 'string' && isPaperKey(raw.key) ? { type: 'related', key: raw.key } : { error: 'related needs a paper key' };
    case 'followList':
    case 'followNews':
      return { type: raw.type };
    case 'follow': {
      const author = raw.author;
      return isRecord(author) && typeof author.authorId === 'string' && AUTHOR_ID.test(author.authorId) && typeof author.name === 'string' && author.name.length > 0 && author.name.length <= 500
        ? { type: 'follow', author: { authorId: author.authorId, name: author.name } }
        : { error: 'follow needs an author: a Semantic Scholar id and a name' };
    }
    case 'unfollow':
      return typeof raw.authorId === 'string' && AUTHOR_ID.test(raw.authorId) ? { type: 'unfollow', authorId: raw.authorId } : { error: 'unfollow needs an author id' };
    default:
      return { error: `Unknown message type: ${raw.type.slice(0, 40)}` };
  }
}

/** Settings to change, each checked; at least one. */
export function parseSettings(raw: unknown): Partial<Settings> | { error: string } {
  if (!isRecord(raw)) return { error: 'saveSettings needs settings (s2ApiKey, cacheDays, sites)' };
  const settings: Partial<Settings> = {};
  if (raw.s2ApiKey !== undefined) {
    if (typeof raw.s2ApiKey !== 'string' || !API_KEY.test(raw.s2ApiKey.trim())) return { error: 'A Semantic Scholar API key is letters and digits only' };
    settings.s2ApiKey = raw.s2ApiKey.trim();
  }
  if (raw.cacheDays !== undefined) {
    const days = raw.cacheDays;
    if (typeof days !== 'number' || !Number.isInteger(days) || days < CACHE_DAYS.min || days > CACHE_DAYS.max) return { error: `The cache lifetime is a whole number of days from ${CACHE_DAYS.min} to ${CACHE_DAYS.max}` };
    settings.cacheDays = days;
  }
  if (raw.sites !== undefined) {
    const sites = raw.sites;
    if (!isRecord(sites) || !SITES.every((site) => typeof sites[site] === 'boolean') || Object.keys(sites).some((key) => !(SITES as readonly string[]).includes(key))) {
      return { error: `sites needs true or false for each of ${SITES.join(', ')}` };
    }
    settings.sites = Object.fromEntries(SITES.map((site) => [site, sites[site] as boolean])) as Settings['sites'];
  }
  if (raw.theme !== undefined) {
    if (typeof raw.theme !== 'string' || !THEMES.includes(raw.theme as Theme)) return { error: `The theme is one of ${THEMES.join(', ')}` };
    settings.theme = raw.theme as Theme;
  }
  if (raw.primarySource !== undefined) {
    if (typeof raw.primarySource !== 'string' || !PRIMARY_SOURCES.includes(raw.primarySource as PrimarySource)) return { error: `The primary source is one of ${PRIMARY_SOURCES.join(', ')}` };
    settings.primarySource = raw.primarySource as PrimarySource;
  }
  if (raw.openAlexEmail !== undefined) {
    const email = typeof raw.openAlexEmail === 'string' ? raw.openAlexEmail.trim() : null;
    if (email === null || (email !== '' && !EMAIL.test(email))) return { error: 'The e-mail for OpenAlex should look like name@example.org (or be empty)' };
    settings.openAlexEmail = email;
  }
  if (raw.openAlexApiKey !== undefined) {
    if (typeof raw.openAlexApiKey !== 'string' || !API_KEY.test(raw.openAlexApiKey.trim())) return { error: 'An OpenAlex API key is letters and digits only' };
    settings.openAlexApiKey = raw.openAlexApiKey.trim();
  }
  return Object.keys(settings).length > 0 ? settings : { error: 'saveSettings needs settings (s2ApiKey, cacheDays, sites, theme, primarySource, openAlexEmail, openAlexApiKey)' };
}
