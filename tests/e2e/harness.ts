// Real Chromium with the built extension, recorded arXiv pages served at their real https URLs,
// and the APIs answered from recorded responses. Fails loudly when Chromium or the build is missing.

import { createZoteroWorld, zoteroAnswer, type ZoteroWorld } from '../fixtures/zoteroWorld';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Route, type Worker } from 'playwright-core';
import { answerApi, createLimits, type ApiRequest, type ApiState } from './api';
import { OPTIONAL_HOST_PERMISSIONS } from '../../lib/core/sites/profileSites';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const EXTENSION_DIR = resolve(process.cwd(), '.output/chrome-mv3');

export type { ApiRequest };

export interface Harness extends ApiState {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  /** Pages to serve, by URL without hash. */
  pages: Map<string, string>;
  /** Stops the extension's service worker, as the browser may at any moment. */
  stopServiceWorker(): Promise<void>;
  openPopup(forUrl: string): Promise<Page>;
  openOptions(): Promise<Page>;
  tabIdFor(url: string): Promise<number>;
  close(): Promise<void>;
  /** The Zotero desktop app on this computer (fixtures/zoteroWorld.ts), as the extension reaches it. */
  zotero: ZoteroWorld;
  /** Requests that reached Zotero's local server. */
  zoteroRequests: string[];
}

export interface LaunchOptions {
  colorScheme?: 'light' | 'dark';
  headless?: boolean;
  /** Without the extension: a baseline for benchmarks. */
  withoutExtension?: boolean;
  /** Delay before each API answer, as a network would add (benchmarks): fixed, or by request (growing with a batch). */
  apiLatencyMs?: number | ((request: ApiRequest) => number);
  /** The build to load (default EXTENSION_DIR); the benchmarks load an earlier build beside it. */
  extensionDir?: string;
  /**
   * Grant the optional profile-site permissions the way a reader does: a click asks, and the
   * browser's prompt is accepted with the keyboard (Tab, Enter). The prompt is a native window, so
   * this runs Chromium headed on an X display (xvfb-run) and presses the keys with xdotool.
   */
  profileSites?: boolean;
  /** A browser window of this size at the screen's corner, the page filling it (the demo's screenshots of the whole window). */
  window?: { width: number; height: number };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Where a permission request stands: answered yes, answered no, or the prompt still open. */
export type PromptState = 'granted' | 'denied' | 'pending';

/**
 * Accepts the browser's extension permission prompt with the keyboard, as a reader would (Tab to
 * Allow, Enter). `ask` makes the request (a click in an extension page); `state` tells how it stands.
 * Keys sent before the prompt is up, or a press that lands on Deny, are recovered from by asking
 * again, a bounded number of times. The prompt is a native window: this needs Chromium headed on an
 * X display and xdotool.
 */
export async function acceptPermissionPrompt(ask: () => Promise<void>, state: () => Promise<PromptState>): Promise<void> {
  for (let round = 0; round < 4; round++) {
    await ask();
    for (let attempt = 0; attempt < 5; attempt++) {
      await pause(attempt === 0 ? 800 : 400);
      execFileSync('xdotool', ['key', 'Tab']);
      await pause(150);
      execFileSync('xdotool', ['key', 'Return']);
      await pause(400);
      const now = await state();
      if (now === 'granted') return;
      if (now === 'denied') break;
    }
  }
  throw new Error('The permission prompt was never accepted');
}

/** Grants every profile site the way a reader does: a click asks, the prompt is accepted. */
async function grantProfileSites(context: BrowserContext, worker: Worker, extensionId: string): Promise<void> {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const origins = JSON.stringify(OPTIONAL_HOST_PERMISSIONS);
  await acceptPermissionPrompt(
    async () => {
      await options.evaluate(`window.__answer = 'pending'; document.addEventListener('click', () => chrome.permissions.request({ origins: ${origins} }).then((granted) => (window.__answer = granted ? 'granted' : 'denied')), { once: true })`);
      await options.locator('h1').click();
    },
    async () => (await options.evaluate('window.__answer')) as PromptState,
  );
  // The background registers the profiles content script when the grant arrives.
  for (let wait = 0; wait < 50; wait++) {
    if (((await worker.evaluate('chrome.scripting.getRegisteredContentScripts().then((scripts) => scripts.length)')) as number) > 0) break;
    await pause(100);
  }
  await options.close();
}

export async function launch(options: LaunchOptions = {}): Promise<Harness> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}. Install it (apt-get install -y chromium) or set CHROMIUM_PATH.`);
  }
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  if (!options.withoutExtension && !existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No extension build at ${extensionDir}. Run "npm run build" first.`);
  }
  if (options.profileSites || options.headless === false) {
    if (!process.env.DISPLAY) throw new Error('Granting the profile sites needs an X display: run the tests under xvfb-run (apt-get install -y xvfb xdotool); npm test does.');
    try {
      execFileSync('xdotool', ['version'], { stdio: 'ignore' });
    } catch {
      throw new Error('Granting the profile sites needs xdotool (apt-get install -y xdotool).');
    }
  }
  const profile = mkdtempSync(join(tmpdir(), 'scholarscope-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: options.profileSites ? false : (options.headless ?? true),
    colorScheme: options.colorScheme ?? 'light',
    viewport: options.window ? null : { width: 1280, height: 900 },
    args: [
      // --test-type: no "unsupported command-line flag" bar over the page in the window.
      ...(options.window ? [`--window-size=${options.window.width},${options.window.height}`, '--window-position=0,0', '--test-type'] : []),
      ...(options.withoutExtension ? [] : [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`]),
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  const worker = options.withoutExtension ? (null as unknown as Worker) : (context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker')));
  const extensionId = options.withoutExtension ? '' : new URL(worker.url()).host;
  if (options.profileSites) await grantProfileSites(context, worker, extensionId);

  const harness: Harness = {
    context,
    worker,
    extensionId,
    apiRequests: [],
    pages: new Map(),
    apiOverride: null,
    limits: createLimits(),
    apiGate: null,
    zotero: createZoteroWorld(),
    zoteroRequests: [],
    async stopServiceWorker() {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/options.html`);
      const cdp = await context.newCDPSession(page);
      let stopped: () => void = () => {};
      const done = new Promise<void>((resolve) => (stopped = resolve));
      cdp.on('ServiceWorker.workerVersionUpdated', (event: { versions: { runningStatus: string }[] }) => {
        if (event.versions.some((version) => version.runningStatus === 'stopped')) stopped();
      });
      await cdp.send('ServiceWorker.enable');
      await cdp.send('ServiceWorker.stopAllWorkers');
      await Promise.race([done, new Promise((_, reject) => setTimeout(() => reject(new Error('The service worker did not stop')), 5000))]);
      await page.close();
    },
    async openPopup(forUrl) {
      const tabId = await harness.tabIdFor(forUrl);
      const popup = await context.newPage();
      await popup.setViewportSize({ width: 440, height: 800 });
      await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
      return popup;
    },
    async openOptions() {
      const options = await context.newPage();
      await options.goto(`chrome-extension://${extensionId}/options.html`);
      return options;
    },
    async tabIdFor(url) {
      const id = await worker.evaluate(async (wanted) => {
        const tabs = await chrome.tabs.query({});
        return tabs.find((tab) => tab.url === wanted)?.id ?? null;
      }, url);
      if (id === null) throw new Error(`No tab open at ${url}`);
      return id;
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };

  // Everything else on the network is refused, so a test can never reach a live service.
  await context.route(/^https?:\/\//, (route) => route.abort('blockedbyclient'));
  await context.route(/^https:\/\/((www\.|export\.)?arxiv\.org\/(abs|pdf|html|list|search|catchup|a)\/|dblp\.org\/pid\/|www\.semanticscholar\.org\/author\/|scholar\.google\.com\/citations|openreview\.net\/profile|orcid\.org\/|aclanthology\.org\/people\/)/, async (route: Route) => {
    const url = route.request().url().split('#')[0] as string;
    const html = harness.pages.get(url);
    if (html === undefined) return route.fulfill({ status: 404, contentType: 'text/html', body: '<h1>Not found</h1>' });
    return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
  });
  const answer = async (route: Route) => {
    const request = route.request();
    const entry: ApiRequest = { method: request.method(), url: request.url(), headers: await request.allHeaders(), body: request.postData() ?? undefined };
    const reply = await answerApi(harness, entry, options.apiLatencyMs);
    try {
      if (!reply) return await route.abort('connectionrefused');
      if (reply.status === 0) return await route.abort('connectionreset');
      return await route.fulfill({ status: reply.status, body: reply.body, headers: reply.headers });
    } catch {
      // The requester went away (a stopped service worker): nothing to answer.
    }
  };
  await context.route(/^https:\/\/api\.semanticscholar\.org\//, answer);
  await context.route(/^https:\/\/export\.arxiv\.org\/api\//, answer);
  await context.route(/^https:\/\/api\.openalex\.org\//, answer);
  // The Zotero desktop app: no answer at all is a closed connection, as Zotero drops a request.
  await context.route(/^http:\/\/127\.0\.0\.1:23119\//, async (route: Route) => {
    const request = route.request();
    harness.zoteroRequests.push(request.url());
    const reply = zoteroAnswer(harness.zotero, request.method(), request.url(), await request.allHeaders(), request.postData());
    try {
      if (!reply) return await route.abort('connectionreset');
      return await route.fulfill({ status: reply.status, body: reply.body, headers: reply.headers });
    } catch {
      // The requester went away.
    }
  });
  // DBLP's records and search, Crossref's works: the published-version resolver's optional hosts.
  await context.route(/^https:\/\/(dblp\.org\/(rec|search)\/|api\.crossref\.org\/)/, answer);
  return harness;
}

declare const chrome: { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } };
