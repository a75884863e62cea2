import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HOST_PERMISSIONS } from '../../lib/hosts';
import { EXTENSION_DIR } from './harness';

// The built Chrome manifest asks for exactly what the extension uses.
describe('Chrome manifest', () => {
  const manifest = JSON.parse(readFileSync(`${EXTENSION_DIR}/manifest.json`, 'utf8')) as Record<string, unknown>;

  it('has no API permissions and exactly the listed hosts, never all URLs', () => {
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.permissions ?? []).toEqual([]);
    expect(manifest.host_permissions).toEqual(HOST_PERMISSIONS);
    expect(JSON.stringify(manifest)).not.toMatch(/<all_urls>|\*:\/\/\*\/\*|http:\/\//);
    expect(manifest.web_accessible_resources).toBeUndefined();
  });

  it('runs content scripts only where it has host access', () => {
    const scripts = manifest.content_scripts as { matches: string[] }[];
    const hosts = new Set(HOST_PERMISSIONS.map((pattern) => new URL(pattern.replace('*', 'x')).origin));
    for (const match of scripts.flatMap((script) => script.matches)) expect(hosts.has(new URL(match.replace(/\*/g, 'x')).origin)).toBe(true);
  });
});
