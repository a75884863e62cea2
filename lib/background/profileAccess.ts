// Profile sites are optional: ScholarScope asks for host access to a profile site only when the
// reader turns it on (in the settings, with the browser's own prompt), and registers the profiles
// content script for exactly the sites granted. arXiv needs nothing: it is granted at install.

import { grantedSites, matchesFor, type ProfileSiteId } from '../core/sites/profileSites';

export const PROFILE_SCRIPT_ID = 'scholarscope-profiles';
/** Where the build puts the profiles content script (WXT, runtime registration). */
export const PROFILE_SCRIPT_FILE = 'content-scripts/profiles.js';

interface RegisteredScript {
  id: string;
  matches?: string[];
}

/** The parts of the browser API this needs (webextension-polyfill's shapes), so tests can stand in. */
export interface AccessApi {
  permissions: { getAll(): Promise<{ origins?: string[] }> };
  scripting: {
    getRegisteredContentScripts(filter?: { ids?: string[] }): Promise<RegisteredScript[]>;
    registerContentScripts(scripts: { id: string; js: string[]; matches: string[]; runAt: 'document_idle'; persistAcrossSessions?: boolean }[]): Promise<unknown>;
    unregisterContentScripts(filter?: { ids?: string[] }): Promise<unknown>;
  };
}

/**
 * Makes the registered profiles script match exactly the granted sites: registered when some are
 * granted, changed when they changed, gone when none is. Calls are queued, so a grant arriving while
 * the worker starts cannot interleave with the startup sync.
 */
export function createProfileAccess(api: AccessApi) {
  let queue: Promise<unknown> = Promise.resolve();

  async function syncNow(): Promise<ProfileSiteId[]> {
    const sites = grantedSites((await api.permissions.getAll()).origins ?? []);
    const wanted = matchesFor(sites);
    const [current] = await api.scripting.getRegisteredContentScripts({ ids: [PROFILE_SCRIPT_ID] });
    const same = current && JSON.stringify(current.matches ?? []) === JSON.stringify(wanted);
    if (same || (!current && wanted.length === 0)) return sites;
    if (current) await api.scripting.unregisterContentScripts({ ids: [PROFILE_SCRIPT_ID] });
    if (wanted.length > 0) await api.scripting.registerContentScripts([{ id: PROFILE_SCRIPT_ID, js: [PROFILE_SCRIPT_FILE], matches: wanted, runAt: 'document_idle' }]);
    return sites;
  }

  return {
    sync(): Promise<ProfileSiteId[]> {
      const next = queue.then(syncNow);
      queue = next.catch(() => undefined);
      return next;
    },
  };
}
