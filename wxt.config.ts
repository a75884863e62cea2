import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { HOST_PERMISSIONS, OPTIONAL_ORIGINS } from './lib/core/sites/registry';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  hooks: {
    // WXT adds a runtime-registered content script's matches to the host permissions; the profile
    // sites are optional instead, so the installed extension has exactly HOST_PERMISSIONS.
    // (For Firefox's MV2 build WXT moves host_permissions into permissions after this hook.)
    'build:manifestGenerated': (_wxt, manifest) => {
      (manifest as unknown as Record<string, unknown>).host_permissions = [...HOST_PERMISSIONS];
    },
  },
  // The BibTeX exporter's transliteration table (any-ascii, ~550 kB) is its own chunk, loaded only when a BibTeX export is made.
  // Terser, not esbuild: content scripts 3.5% smaller gzipped (1 kB of the 30 kB budget), for a longer build.
  // SCHOLARSCOPE_UNMINIFIED=1 keeps function names, for reading CPU profiles (npm run bench -- --profile).
  vite: () => ({ plugins: [preact()], build: { minify: 'terser', chunkSizeWarningLimit: 600, ...(process.env.SCHOLARSCOPE_UNMINIFIED ? { minify: false } : {}) } }),
  // The source zip addons.mozilla.org asks for holds what the build reads and the steps to rebuild
  // it (docs/store/BUILDING.md); tests, benchmarks and generated output stay out.
  zip: {
    includeSources: ['entrypoints/**', 'components/**', 'lib/**', 'public/**', 'assets/**', 'docs/store/*.md', 'package.json', 'package-lock.json', 'tsconfig.json', 'wxt.config.ts', 'README.md'],
  },
  manifest: ({ browser, manifestVersion }) => ({
    name: 'ScholarScope',
    description: 'Author metrics, publications and related work next to every arXiv author.',
    // `scripting` registers the profiles content script for the profile sites the reader turned on;
    // `alarms` wakes the background for the scheduled check for new papers by followed authors.
    // storage: session storage for what each tab's page may ask about (lib/background/contentGate.ts).
    permissions: ['scripting', 'alarms', 'storage'],
    // arXiv and the APIs at install; each profile site only when the reader turns it on, DBLP and
    // Crossref when the reader first updates to published versions (lib/core/sites/registry.ts).
    // Copies: WXT adds to the array it is given.
    host_permissions: [...HOST_PERMISSIONS],
    // `notifications` only when the reader turns notifications of new papers on.
    ...(manifestVersion === 2
      ? { optional_permissions: [...OPTIONAL_ORIGINS, 'notifications'] }
      : { optional_permissions: ['notifications'], optional_host_permissions: [...OPTIONAL_ORIGINS] }),
    // Extension pages run only their own bundled scripts: no inline, eval or remote code.
    content_security_policy:
      manifestVersion === 2
        ? "script-src 'self'; object-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
        : { extension_pages: "script-src 'self'; object-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'" },
    // The toolbar button's icon (public/icon/<size>.png, drawn from assets/icon.svg by npm run icons);
    // WXT lists the same files as the extension's icons.
    [manifestVersion === 2 ? 'browser_action' : 'action']: { default_icon: Object.fromEntries([16, 32, 48].map((size) => [size, `icon/${size}.png`])) },
    commands: {
      'save-paper': {
        suggested_key: { default: 'Alt+Shift+S' },
        description: 'Save the paper in this tab to the reading list',
      },
    },
    // Firefox needs an add-on id; Chrome warns about the unknown key, so only Firefox gets it.
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            // Nothing is collected: all data stays in the browser (README, Privacy).
            // The Firefox the tests run (firefox-esr 153, tests/firefox); Android is not tested, so not claimed.
            gecko: { id: 'scholarscope@scholarscope.dev', strict_min_version: '153.0', data_collection_permissions: { required: ['none'] } },
          },
        }
      : {}),
  }),
});
