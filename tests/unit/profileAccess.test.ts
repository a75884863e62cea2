import { describe, expect, it } from 'vitest';
import { grantedSites, PROFILE_SITES, type ProfileSiteId } from '../../lib/core/sites/profileSites';
import { hostsOf, matchesOf } from '../../lib/core/sites/patterns';
import { createProfileAccess, PROFILE_SCRIPT_FILE, PROFILE_SCRIPT_ID, type AccessApi } from '../../lib/background/profileAccess';

const PROFILE_SITE_HOSTS = Object.fromEntries(PROFILE_SITES.map((site) => [site.id, hostsOf(site)])) as Record<ProfileSiteId, string[]>;
const PROFILE_SITE_MATCHES = Object.fromEntries(PROFILE_SITES.map((site) => [site.id, matchesOf(site)])) as Record<ProfileSiteId, string[]>;

/** A browser whose granted origins the test sets, logging what is registered. */
function browserWith(origins: string[]) {
  const state = { origins, registered: [] as { id: string; js: string[]; matches: string[] }[], calls: [] as string[] };
  const api: AccessApi = {
    permissions: { getAll: async () => ({ origins: state.origins }) },
    scripting: {
      getRegisteredContentScripts: async (filter) => state.registered.filter((script) => !filter?.ids || filter.ids.includes(script.id)),
      registerContentScripts: async (scripts) => {
        state.calls.push('register');
        for (const script of scripts) {
          if (state.registered.some((existing) => existing.id === script.id)) throw new Error(`Duplicate script ID '${script.id}'`);
          state.registered.push(script);
        }
      },
      unregisterContentScripts: async (filter) => {
        state.calls.push('unregister');
        state.registered = state.registered.filter((script) => !filter?.ids?.includes(script.id));
      },
    },
  };
  return { api, state };
}

describe('profile sites as optional permissions', () => {
  it('counts a site as granted only when all its hosts are', () => {
    expect(grantedSites([...PROFILE_SITE_HOSTS.dblp, 'https://arxiv.org/*'])).toEqual(['dblp']);
    expect(grantedSites([PROFILE_SITE_HOSTS.dblp[0]!])).toEqual([]); // one of DBLP's two hosts
    expect(grantedSites([...PROFILE_SITE_HOSTS.scholar, ...PROFILE_SITE_HOSTS.orcid])).toEqual(['scholar', 'orcid']);
  });

  it('registers the profiles script for the granted sites only, changes it when grants change, and removes it when none is left', async () => {
    const { api, state } = browserWith([]);
    const access = createProfileAccess(api);
    expect(await access.sync()).toEqual([]);
    expect(state.registered).toEqual([]);

    state.origins = [...PROFILE_SITE_HOSTS.dblp];
    await access.sync();
    expect(state.registered).toEqual([{ id: PROFILE_SCRIPT_ID, js: [PROFILE_SCRIPT_FILE], matches: PROFILE_SITE_MATCHES.dblp, runAt: 'document_idle' }]);

    // Nothing changed: nothing is re-registered.
    state.calls.length = 0;
    await access.sync();
    expect(state.calls).toEqual([]);

    state.origins = [...PROFILE_SITE_HOSTS.dblp, ...PROFILE_SITE_HOSTS.orcid];
    await access.sync();
    expect(state.registered.map((script) => script.matches)).toEqual([[...PROFILE_SITE_MATCHES.dblp, ...PROFILE_SITE_MATCHES.orcid]]);

    state.origins = [];
    await access.sync();
    expect(state.registered).toEqual([]);
  });

  it('queues syncs that arrive together (a grant while the worker starts), so registration never collides', async () => {
    const { api, state } = browserWith([...PROFILE_SITE_HOSTS.semanticscholar]);
    const access = createProfileAccess(api);
    await Promise.all([access.sync(), access.sync(), access.sync()]);
    expect(state.registered).toHaveLength(1);
  });
});
