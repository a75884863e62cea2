import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { HOST_PERMISSIONS } from './lib/hosts';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: 'ScholarScope',
    description: 'Author metrics, publications and related work next to every arXiv author.',
    permissions: [],
    // Only the sites we augment and the APIs we call (lib/hosts.ts).
    host_permissions: HOST_PERMISSIONS,
    // Extension pages run only their own bundled scripts: no inline, eval or remote code.
    content_security_policy:
      browser === 'firefox'
        ? "script-src 'self'; object-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
        : { extension_pages: "script-src 'self'; object-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'" },
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
            // Firefox declares data collection from 140 (desktop) and 142 (Android).
            gecko: { id: 'scholarscope@scholarscope.dev', strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
