import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FIREFOX } from '../firefox/harness';
import { HOST_PERMISSIONS, OPTIONAL_ORIGINS } from '../../lib/core/sites/registry';
import { OPTIONAL_HOST_PERMISSIONS, PROFILE_MATCHES } from '../../lib/core/sites/profileSites';
import { EXTENSION_DIR } from './harness';

// The built Chrome manifest asks for exactly what the extension uses.
describe('Chrome manifest', () => {
  const manifest = JSON.parse(readFileSync(`${EXTENSION_DIR}/manifest.json`, 'utf8')) as Record<string, unknown>;

  it('asks at install only for arXiv and the three APIs, for each profile site only when the reader turns it on, and for notifications only when the reader wants them', () => {
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.permissions).toEqual(['scripting', 'alarms', 'storage']);
    expect(manifest.optional_permissions).toEqual(['notifications']);
    expect(manifest.host_permissions).toEqual(['https://arxiv.org/*', 'https://www.arxiv.org/*', 'https://export.arxiv.org/*', 'https://api.semanticscholar.org/*', 'https://api.openalex.org/*']);
    expect(manifest.host_permissions).toEqual(HOST_PERMISSIONS);
    expect(manifest.optional_host_permissions).toEqual(OPTIONAL_ORIGINS);
    expect(OPTIONAL_ORIGINS).toEqual([...OPTIONAL_HOST_PERMISSIONS, 'https://api.crossref.org/*', 'http://127.0.0.1:23119/*']);
    // The profiles script is registered at run time, for the granted sites only: it is not in the manifest.
    const scripts = manifest.content_scripts as { matches: string[] }[];
    expect(scripts.flatMap((script) => script.matches).some((match) => PROFILE_MATCHES.includes(match))).toBe(false);
    // The one http:// host: the Zotero desktop app on this computer, optional.
    expect(JSON.stringify(manifest).replaceAll('http://127.0.0.1:23119/*', '')).not.toMatch(/<all_urls>|\*:\/\/\*\/\*|http:\/\//);
    expect(manifest.web_accessible_resources).toBeUndefined();
  });

  it('gives extension pages a strict content security policy', () => {
    expect((manifest.content_security_policy as { extension_pages: string }).extension_pages).toBe("script-src 'self'; object-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
  });

  it('runs content scripts only where it has host access', () => {
    const scripts = manifest.content_scripts as { matches: string[] }[];
    const hosts = new Set(HOST_PERMISSIONS.map((pattern) => new URL(pattern.replace('*', 'x')).origin));
    for (const match of scripts.flatMap((script) => script.matches)) expect(hosts.has(new URL(match.replace(/\*/g, 'x')).origin)).toBe(true);
  });
});

// The Firefox build's manifest, as Firefox reads it (MV2): its add-on id, a background page of
// scripts (no service worker), the same hosts and nothing more, and no data collection.
describe('Firefox manifest', () => {
  const path = `${EXTENSION_DIR.replace(/chrome-mv3$/, 'firefox-mv2')}/manifest.json`;
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as Record<string, any>;

  it('is a valid MV2 add-on with an id, a script background and the toolbar popup', () => {
    expect(manifest.manifest_version).toBe(2);
    expect(manifest.browser_specific_settings.gecko.id).toMatch(/^[a-z0-9.-]+@[a-z0-9.-]+$/);
    expect(manifest.browser_specific_settings.gecko.data_collection_permissions).toEqual({ required: ['none'] });
    // The version the Firefox suite runs: what it claims is what was tested.
    const tested = Number(/Firefox (\d+)/.exec(execFileSync(FIREFOX, ['--version'], { encoding: 'utf8' }))![1]);
    expect(manifest.browser_specific_settings.gecko.strict_min_version).toBe(`${tested}.0`);
    expect(manifest.browser_specific_settings.gecko_android).toBeUndefined();
    expect(manifest.background.scripts).toEqual(['background.js']);
    expect(manifest.background.persistent).toBe(false); // an event page, unloaded when idle
    expect(manifest.background.service_worker).toBeUndefined();
    expect(manifest.browser_action.default_popup).toBe('popup.html');
    expect(manifest.commands['save-paper'].suggested_key.default).toBe('Alt+Shift+S');
  });

  it('asks for the same hosts as the Chrome build and nothing else', () => {
    expect(manifest.permissions).toEqual(['scripting', 'alarms', 'storage', ...HOST_PERMISSIONS]);
    expect(manifest.optional_permissions).toEqual([...OPTIONAL_ORIGINS, 'notifications']);
    // The one http:// host: the Zotero desktop app on this computer, optional.
    expect(JSON.stringify(manifest).replaceAll('http://127.0.0.1:23119/*', '')).not.toMatch(/<all_urls>|\*:\/\/\*\/\*|http:\/\//);
    expect(manifest.web_accessible_resources).toBeUndefined();
    expect(manifest.content_security_policy).toBe("script-src 'self'; object-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
  });
});

// Both builds name their icons, for the extension and the toolbar button, and carry every one.
describe('icons', () => {
  it.each(['chrome-mv3', 'firefox-mv2'])('%s: the icons it names are in the build, from 16 to 128 px (96 for Firefox listings)', (build) => {
    const dir = EXTENSION_DIR.replace(/chrome-mv3$/, build);
    const manifest = JSON.parse(readFileSync(`${dir}/manifest.json`, 'utf8')) as { icons: Record<string, string>; action?: { default_icon: Record<string, string> }; browser_action?: { default_icon: Record<string, string> } };
    expect(Object.keys(manifest.icons)).toEqual(['16', '32', '48', '96', '128']);
    const toolbar = (manifest.action ?? manifest.browser_action)!.default_icon;
    expect(Object.keys(toolbar)).toEqual(['16', '32', '48']);
    for (const [size, file] of [...Object.entries(manifest.icons), ...Object.entries(toolbar)]) {
      expect(existsSync(`${dir}/${file}`), file).toBe(true);
      // A PNG of the size it claims: width and height from its header.
      const png = readFileSync(`${dir}/${file}`);
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([Number(size), Number(size)]);
    }
  });
});

// Content scripts may send only what the protocol marks for them (lib/core/protocol): the built
// bundles, read as shipped, name no other message.
describe('content script bundles', () => {
  it('send only messages marked for content scripts, and never the settings with keys', async () => {
    const { PROTOCOL } = await import('../../lib/core/protocol');
    for (const script of ['arxiv', 'profiles']) {
      const bundle = readFileSync(`${EXTENSION_DIR}/content-scripts/${script}.js`, 'utf8');
      const sent = [...new Set([...bundle.matchAll(/type:\s*["'](\w+)["']/g)].map((match) => match[1]!))].filter((type) => Object.hasOwn(PROTOCOL, type));
      expect(sent, script).toContain('pageSettings');
      expect(sent.filter((type) => !PROTOCOL[type as keyof typeof PROTOCOL].content), script).toEqual([]);
    }
  });
});
