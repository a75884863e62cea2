// The typed protocol between the background and its callers (content scripts, popup, pages).
// Every message the background receives is checked here before anything acts on it.

import { parseArxivId, type AuthorCardData, type PaperWithAuthors } from './model';
import type { CacheInfo } from './service';
import type { Settings } from './store/db';
import { isRecord } from './validate';

/** A page of up to 2,000 entries asks in one message. */
export const MAX_IDS_PER_MESSAGE = 2000;

export type BackgroundRequest =
  | { type: 'papers'; arxivIds: string[] }
  | { type: 'authorCard'; authorId: string }
  | { type: 'getSettings' }
  | { type: 'saveSettings'; settings: Settings }
  | { type: 'cacheInfo' }
  | { type: 'clearCache' };

export interface BackgroundResponses {
  papers: Record<string, PaperWithAuthors | null>;
  authorCard: AuthorCardData;
  getSettings: Settings;
  saveSettings: Settings;
  cacheInfo: CacheInfo;
  clearCache: CacheInfo;
}

export type Reply<T> = { ok: true; data: T } | { ok: false; error: string };

/** What the popup asks the content script of a tab. */
export type TabRequest = { type: 'pageContext' };

export interface PageContextReply {
  /** A page about one paper (abstract page, HTML full text). */
  kind: 'paper';
  arxivId: string;
  version: number | null;
  title: string;
  authorNames: string[];
}

const AUTHOR_ID = /^\d{1,20}$/;
// Semantic Scholar keys are 40 letters and digits; allow some slack, nothing else.
const API_KEY = /^[A-Za-z0-9]{0,100}$/;

/** The request if `raw` is a well-formed one, else a reason. */
export function parseBackgroundRequest(raw: unknown): BackgroundRequest | { error: string } {
  if (!isRecord(raw) || typeof raw.type !== 'string') return { error: 'Malformed message: no type' };
  switch (raw.type) {
    case 'papers': {
      const ids = raw.arxivIds;
      if (!Array.isArray(ids) || ids.length === 0 || ids.length > MAX_IDS_PER_MESSAGE) {
        return { error: `papers needs 1 to ${MAX_IDS_PER_MESSAGE} arXiv ids` };
      }
      const arxivIds: string[] = [];
      for (const id of ids) {
        const parsed = typeof id === 'string' ? parseArxivId(id) : null;
        if (!parsed || parsed.version !== null || parsed.id !== id) return { error: `Not an arXiv id without version: ${String(id).slice(0, 40)}` };
        arxivIds.push(parsed.id);
      }
      return { type: 'papers', arxivIds };
    }
    case 'authorCard': {
      if (typeof raw.authorId !== 'string' || !AUTHOR_ID.test(raw.authorId)) return { error: 'authorCard needs a Semantic Scholar author id' };
      return { type: 'authorCard', authorId: raw.authorId };
    }
    case 'saveSettings': {
      const settings = raw.settings;
      if (!isRecord(settings) || typeof settings.s2ApiKey !== 'string') return { error: 'saveSettings needs settings with s2ApiKey' };
      const s2ApiKey = settings.s2ApiKey.trim();
      if (!API_KEY.test(s2ApiKey)) return { error: 'A Semantic Scholar API key is letters and digits only' };
      return { type: 'saveSettings', settings: { s2ApiKey } };
    }
    case 'getSettings':
    case 'cacheInfo':
    case 'clearCache':
      return { type: raw.type };
    default:
      return { error: `Unknown message type: ${raw.type.slice(0, 40)}` };
  }
}
