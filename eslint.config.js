// Lint for the whole tree (npm run lint, part of npm test): typescript-eslint's recommended rules,
// and the boundaries between the folders that say where code runs (docs/architecture.md).

import tseslint from 'typescript-eslint';

const BROWSER_GLOBALS = ['window', 'document', 'location', 'navigator', 'browser', 'chrome', 'localStorage', 'indexedDB', 'fetch'].map((name) => ({
  name,
  message: 'lib/core runs anywhere: take what you need as a parameter (extractors take the Document they read).',
}));

/** An import restriction: these module specifiers may not be imported from the files it applies to. */
const forbid = (files, groups, message) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { patterns: [{ group: groups, message }] }] },
});

const BACKGROUND = ['**/background', '**/background/**', '!**/entrypoints/background'];
const PAGE = ['**/page', '**/page/**'];
const UI = ['**/lib/ui', '**/lib/ui/**', '**/ui/**', '!**/components/**'];
const VIEWS_AND_CONTAINERS = ['**/components', '**/components/**'];
const RUNTIME_APIS = ['preact', 'preact/*', 'wxt/*', 'webextension-polyfill', '@wxt-dev/*', 'idb'];

export default tseslint.config(
  // tests/fixtures/real-api: other projects' files, copied verbatim (Zotero's translator and test data).
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'bench-results/**', 'test-results/**', 'tests/fixtures/real-api/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  // Tests may use `any` for hostile and malformed input.
  { files: ['tests/**', 'scripts/**'], rules: { '@typescript-eslint/no-explicit-any': 'off' } },
  // core: no browser, DOM globals or UI; nothing from the runtimes above it.
  {
    files: ['lib/core/**'],
    rules: {
      'no-restricted-globals': ['error', ...BROWSER_GLOBALS],
      'no-restricted-imports': ['error', { patterns: [{ group: [...BACKGROUND, ...PAGE, ...UI, ...VIEWS_AND_CONTAINERS, ...RUNTIME_APIS], message: 'lib/core imports only lib/core: it runs anywhere, without a browser.' }] }],
    },
  },
  forbid(['lib/background/**'], [...PAGE, ...UI, ...VIEWS_AND_CONTAINERS, 'preact', 'preact/*'], 'lib/background is the service worker: no page or UI code.'),
  forbid(['lib/ui/**'], [...BACKGROUND, ...PAGE, ...VIEWS_AND_CONTAINERS], 'lib/ui asks the background by message; it does not import it, nor page or component code.'),
  forbid(['lib/page/**'], BACKGROUND, 'lib/page runs in web pages: it asks the background by message (lib/ui/ask.ts).'),
  // Views are pure: props in, markup out. Containers and hooks talk to the background, by message.
  forbid(['components/*.tsx'], [...BACKGROUND, ...PAGE, ...UI, 'wxt/*', 'webextension-polyfill'], 'components/ views are pure: data comes in by props (containers and hooks fetch it).'),
  forbid(['components/containers/**', 'components/hooks/**'], [...BACKGROUND, ...PAGE], 'UI asks the background by message (lib/ui/ask.ts); it never imports it.'),
  forbid(['entrypoints/*.content/**', 'entrypoints/popup/**', 'entrypoints/library/**', 'entrypoints/options/**'], BACKGROUND, 'Only the background entrypoint wires lib/background.'),
);
