// The sources' own limits as the reader meets them: an API key a source refuses is noted (by
// fingerprint, in the prefs record, so a restarted worker remembers) and the request is asked again
// without it; a spent daily allowance is noted until it resets. The popup and the settings page
// show what is noted (core/sourceNotices.ts says it).

import { keyFingerprint, type SourceNotice } from '../../core/sourceNotices';
import type { SourceName } from '../../core/model';
import type { Prefs, Settings } from '../../core/settings';
import type { Context } from '../context';
import { SourceError } from './http';

/** Semantic Scholar answers a bad or expired `x-api-key` with 403 Forbidden; OpenAlex a bad `api_key` with 401. */
const REFUSAL_STATUS: Record<SourceName, number> = { semanticscholar: 403, openalex: 401 };
const KEY_OF: Record<SourceName, (settings: Settings) => string> = { semanticscholar: (s) => s.s2ApiKey, openalex: (s) => s.openAlexApiKey };

export type SourceNotices = ReturnType<typeof createSourceNotices>;

export function createSourceNotices(ctx: Context, settings: () => Promise<Settings>) {
  let rejected: Promise<NonNullable<Prefs['rejectedKeys']>> | null = null;
  const quotas = new Map<SourceName, SourceNotice>();

  function load() {
    rejected ??= ctx.db().then(async (db) => (await db.get('prefs', 'prefs'))?.rejectedKeys ?? {});
    rejected.catch(() => (rejected = null));
    return rejected;
  }

  async function isRejected(source: SourceName, key: string): Promise<boolean> {
    return (await load())[source]?.fingerprint === keyFingerprint(key);
  }

  async function reject(source: SourceName, key: string): Promise<void> {
    const entry = { fingerprint: keyFingerprint(key), at: ctx.now() };
    const next = { ...(await load()), [source]: entry };
    rejected = Promise.resolve(next);
    const tx = (await ctx.db()).transaction('prefs', 'readwrite');
    await tx.store.put({ panelCollapsed: false, ...(await tx.store.get('prefs')), rejectedKeys: next }, 'prefs');
    await tx.done;
  }

  /**
   * Runs a request with the reader's key for `source`, or without one when that key was refused;
   * a refusal now is noted and the request asked again without the key, so the reader's pages
   * still get numbers. A spent allowance is noted and the failure passed on.
   */
  async function withKey<T>(source: SourceName, run: (key: string | undefined) => Promise<T>): Promise<T> {
    const key = KEY_OF[source](await settings()) || undefined;
    const usable = key && !(await isRejected(source, key)) ? key : undefined;
    try {
      return await run(usable);
    } catch (error) {
      if (usable && error instanceof SourceError && error.status === REFUSAL_STATUS[source]) {
        await reject(source, usable);
        return withKey(source, run);
      }
      if (error instanceof SourceError && error.kind === 'quota') quotas.set(source, { source, kind: 'quota', at: ctx.now(), until: error.retryAt, hasKey: usable !== undefined });
      throw error;
    }
  }

  /** What the reader should know now: refused keys still in the settings, allowances not yet reset. */
  async function list(): Promise<SourceNotice[]> {
    const current = await settings();
    const notices: SourceNotice[] = [];
    for (const source of ['semanticscholar', 'openalex'] as const) {
      const key = KEY_OF[source](current);
      const refused = (await load())[source];
      if (key && refused && refused.fingerprint === keyFingerprint(key)) notices.push({ source, kind: 'key-rejected', at: refused.at, until: null, hasKey: true });
      const quota = quotas.get(source);
      if (quota && (quota.until === null || quota.until > ctx.now())) notices.push(quota);
    }
    return notices;
  }

  return { withKey, list };
}
