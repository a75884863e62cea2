// What `npm run zip` writes is what the stores get: each browser's zip holds every file its manifest
// and pages name and nothing the build did not make; the source zip holds what the build reads, the
// steps to rebuild, and no tests or generated output.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { PROFILE_SCRIPT_FILE } from '../../lib/background/profileAccess';

const OUTPUT = join(process.cwd(), '.output');
const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

async function unzip(name: string): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(readFileSync(join(OUTPUT, name)));
  const files = new Map<string, Buffer>();
  for (const entry of Object.values(zip.files)) if (!entry.dir) files.set(entry.name, await entry.async('nodebuffer'));
  return files;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((path) => statSync(join(dir, path)).isFile())
    .map((path) => path.split('\\').join('/'))
    .sort();
}

/** Every file a manifest names: icons, pages, background, content scripts (and their CSS). */
function namedByManifest(manifest: Record<string, any>): string[] {
  const action = manifest.action ?? manifest.browser_action;
  return [
    ...Object.values<string>(manifest.icons),
    ...Object.values<string>(action.default_icon),
    action.default_popup,
    manifest.options_ui.page,
    ...(manifest.background.service_worker ? [manifest.background.service_worker] : manifest.background.scripts),
    ...manifest.content_scripts.flatMap((script: { js?: string[]; css?: string[] }) => [...(script.js ?? []), ...(script.css ?? [])]),
  ];
}

/** Files a page or script loads by relative path: script and stylesheet links, static and dynamic imports. */
function referencedBy(path: string, text: string): string[] {
  const patterns = path.endsWith('.html') ? [/\s(?:src|href)="([^"#?:]+)"/g] : [/\bimport\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+\.js)["']/g, /\bimport\(\s*["']([^"']+\.js)["']\s*\)/g];
  const targets = patterns.flatMap((pattern) => [...text.matchAll(pattern)].map((match) => match[1]!));
  return targets.map((target) => (target.startsWith('/') ? target.slice(1) : posix.join(posix.dirname(path), target)));
}

describe.each([
  ['chrome', 'chrome-mv3'],
  ['firefox', 'firefox-mv2'],
])('the %s zip', (browser, build) => {
  it('holds every file its manifest, its pages and its scripts name, and exactly the built files', async () => {
    const files = await unzip(`scholarscope-${version}-${browser}.zip`);
    const manifest = JSON.parse(files.get('manifest.json')!.toString('utf8')) as Record<string, any>;
    expect(manifest.version).toBe(version);
    const named = [...namedByManifest(manifest), PROFILE_SCRIPT_FILE];
    const loaded = [...files].filter(([path]) => /\.(html|js)$/.test(path)).flatMap(([path, bytes]) => referencedBy(path, bytes.toString('utf8')));
    expect(named.length).toBeGreaterThan(10);
    expect(loaded.length).toBeGreaterThan(3);
    const missing = [...named, ...loaded].filter((path) => !files.has(path));
    expect(missing).toEqual([]);
    // The zip is the build: the same files, byte for byte, and no source maps or stray files.
    expect([...files.keys()].sort()).toEqual(filesUnder(join(OUTPUT, build)));
    for (const [path, bytes] of files) expect(bytes.equals(readFileSync(join(OUTPUT, build, path))), path).toBe(true);
    expect([...files.keys()].filter((path) => /\.map$|^\.|\/\./.test(path))).toEqual([]);
  });
});

describe('the source zip for addons.mozilla.org', () => {
  it('holds every file the build reads and the steps to rebuild it, and no tests or generated output', async () => {
    const files = await unzip(`scholarscope-${version}-sources.zip`);
    const paths = [...files.keys()];
    for (const path of ['package.json', 'package-lock.json', 'tsconfig.json', 'wxt.config.ts', 'docs/store/BUILDING.md']) expect(files.has(path), path).toBe(true);
    // All the sources in the folders the build reads, as they are in the repository.
    for (const dir of ['entrypoints', 'components', 'lib', 'public']) {
      const sources = filesUnder(dir).map((path) => `${dir}/${path}`);
      expect(sources.length).toBeGreaterThan(0);
      expect(sources.filter((path) => !files.has(path))).toEqual([]);
    }
    expect(paths.filter((path) => /^(node_modules|\.output|\.wxt|tests|test-results|demo-output|bench-results)\/|\.test\.tsx?$/.test(path))).toEqual([]);
    expect(files.get('docs/store/BUILDING.md')!.toString('utf8')).toContain('npm ci');
  });
});

// The listing material: every permission and host the manifests ask for is justified, the privacy
// statement names every host data is sent to, and the screenshots are at the stores' size.
describe('docs/store', () => {
  const read = (name: string) => readFileSync(`docs/store/${name}`, 'utf8');

  it('justifies every permission and host both manifests ask for', () => {
    const justifications = read('permissions.md');
    const asked = ['chrome-mv3', 'firefox-mv2'].flatMap((build) => {
      const manifest = JSON.parse(readFileSync(join(OUTPUT, build, 'manifest.json'), 'utf8')) as Record<string, string[] | undefined>;
      return [...(manifest.permissions ?? []), ...(manifest.host_permissions ?? []), ...(manifest.optional_permissions ?? []), ...(manifest.optional_host_permissions ?? [])];
    });
    expect(asked.length).toBeGreaterThan(20);
    const unexplained = asked.filter((permission) => {
      if (!permission.includes('://')) return !justifications.includes(`\`${permission}\``);
      const host = new URL(permission.replace('*', 'x')).hostname;
      // Google Scholar's country domains are listed by their endings.
      const scholar = /^scholar\.google\.(.+)$/.exec(host);
      return !justifications.includes(host) && !(scholar && justifications.includes(`\`.${scholar[1]}\``));
    });
    expect(unexplained).toEqual([]);
  });

  it('says in the privacy statement what goes to each host the extension sends to', () => {
    const privacy = read('privacy.md');
    for (const host of ['api.semanticscholar.org', 'api.openalex.org', 'export.arxiv.org']) expect(privacy).toContain(`(\`${host}\`)`);
  });

  it('has a short description within the stores’ limit and screenshots of 1280×800', () => {
    const short = /\*\*Short description\*\*[^\n]*\n\n> ([^\n]+)/.exec(read('listing.md'))![1]!;
    expect(short.length).toBeGreaterThan(40);
    expect(short.length).toBeLessThanOrEqual(132);
    const shots = readdirSync('docs/store/screenshots').filter((name) => name.endsWith('.png'));
    expect(shots.length).toBeGreaterThanOrEqual(5);
    for (const name of shots) {
      const png = readFileSync(`docs/store/screenshots/${name}`);
      expect([png.readUInt32BE(16), png.readUInt32BE(20)], name).toEqual([1280, 800]);
    }
  });
});
