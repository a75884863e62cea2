import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// Host access is limited to the pages we augment and the APIs we call.
const ARXIV_HOSTS = ['https://arxiv.org/*', 'https://www.arxiv.org/*', 'https://export.arxiv.org/*'];
const PROFILE_HOSTS = ['https://www.semanticscholar.org/*', 'https://dblp.org/*', 'https://dblp.uni-trier.de/*'];
const API_HOSTS = ['https://api.semanticscholar.org/*'];

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: 'ScholarScope',
    description: 'Author metrics, publications and related work next to every arXiv author.',
    permissions: [],
    host_permissions: [...ARXIV_HOSTS, ...PROFILE_HOSTS, ...API_HOSTS],
    // Firefox needs an add-on id; Chrome warns about the unknown key, so only Firefox gets it.
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'scholarscope@scholarscope.dev', strict_min_version: '115.0' } } }
      : {}),
  }),
});
