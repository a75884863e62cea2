import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HOST_PERMISSIONS, OPTIONAL_HOST_PERMISSIONS, PROFILE_MATCHES } from '../../lib/core/sites/registry';
import { EXTENSION_DIR } from './harness';

// The built Chrome manifest asks for exactly what the extension uses.
describe('Chrome manifest', () => {
  const manifest = JSON.parse(readFileSync(`${EXTENSION_DIR}/manifest.json`, 'utf8')) as Record<string, unknown>;

  it('asks at install only for arXiv and the three APIs, and for each profile site only when the reader turns it on', () => {
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.permissions).toEqual(['scripting']);
    expect(manifest.host_permissions).toEqual(['https://arxiv.org/*', 'https://www.arxiv.org/*', 'https://export.arxiv.org/*', 'https://api.semanticscholar.org/*', 'https://api.openalex.org/*']);
    expect(manifest.host_permissions).toEqual(HOST_PERMISSIONS);
    expect(manifest.optional_host_permissions).toEqual(OPTIONAL_HOST_PERMISSIONS);
    // The profiles script is registered at run time, for the granted sites only: it is not in the manifest.
    const scripts = manifest.content_scripts as { matches: string[] }[];
    expect(scripts.flatMap((script) => script.matches).some((match) => PROFILE_MATCHES.includes(match))).toBe(false);
    expect(JSON.stringify(manifest)).not.toMatch(/<all_urls>|\*:\/\/\*\/\*|http:\/\//);
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
    expect(Number(manifest.browser_specific_settings.gecko.strict_min_version.split('.')[0])).toBeGreaterThanOrEqual(140);
    expect(manifest.background.scripts).toEqual(['background.js']);
    expect(manifest.background.service_worker).toBeUndefined();
    expect(manifest.browser_action.default_popup).toBe('popup.html');
    expect(manifest.commands['save-paper'].suggested_key.default).toBe('Alt+Shift+S');
  });

  it('asks for the same hosts as the Chrome build and nothing else', () => {
    expect(manifest.permissions).toEqual(['scripting', ...HOST_PERMISSIONS]);
    expect(manifest.optional_permissions).toEqual(OPTIONAL_HOST_PERMISSIONS);
    expect(JSON.stringify(manifest)).not.toMatch(/<all_urls>|\*:\/\/\*\/\*|http:\/\//);
    expect(manifest.web_accessible_resources).toBeUndefined();
    expect(manifest.content_security_policy).toBe("script-src 'self'; object-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
  });
});
