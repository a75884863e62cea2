// Real Firefox (Debian's firefox-esr) with the built Firefox add-on, driven by puppeteer-core over
// WebDriver BiDi. Page-level interception does not see an add-on's background requests, so a local
// HTTPS server on port 443 answers for arXiv and the APIs, which Firefox resolves to 127.0.0.1
// (network.dns.localDomains); its self-signed certificate is accepted (acceptInsecureCerts). It
// serves the same recorded pages and API answers as the Chromium suite (tests/e2e/api.ts).
// Fails loudly when Firefox, the build, openssl or port 443 is missing.

import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { answerApi, createLimits, type ApiRequest, type ApiState } from '../e2e/api';

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const ADDON_DIR = resolve(process.cwd(), process.env.FIREFOX_ADDON_DIR ?? '.output/firefox-mv2');
/** The add-on's id (wxt.config.ts) and the UUID its moz-extension:// pages get (fixed by a pref). */
export const ADDON_ID = 'scholarscope@scholarscope.dev';
export const ADDON_UUID = '5c0a1e2b-7d4f-4b8e-9a61-3f2e1d0c9b8a';
export const EXTENSION_ORIGIN = `moz-extension://${ADDON_UUID}`;
/** The event page is unloaded after this long idle, so the tests see it stop and wake as readers do. */
export const BACKGROUND_IDLE_MS = 3000;

const SERVED_HOSTS = ['arxiv.org', 'www.arxiv.org', 'export.arxiv.org', 'api.semanticscholar.org', 'api.openalex.org'];

export interface FirefoxHarness extends ApiState {
  browser: Browser;
  /** Pages to serve, by URL without hash. */
  pages: Map<string, string>;
  /** Opens an extension page (popup.html, library.html, options.html) in a tab. */
  openExtensionPage(path: string): Promise<Page>;
  /** The id Firefox gives the tab at `url` (asked from an extension page). */
  tabIdFor(url: string): Promise<number>;
  /** Whether the add-on's event page is loaded right now. */
  backgroundRunning(): Promise<boolean>;
  /** The text on the add-on's toolbar button. */
  badgeText(): Promise<string>;
  /**
   * Runs `fn(...args)` in the add-on's content-script world of `page` (tabs.executeScript from an
   * extension page), where `element.openOrClosedShadowRoot` opens our closed roots; the page's own
   * scripts cannot. Its result must be cloneable.
   */
  inContent<T, A extends unknown[]>(page: Page, fn: (...args: A) => T | Promise<T>, ...args: A): Promise<T>;
  /** Clicks, as the reader does (a real input event), the element `inner` in the closed root of the first `host` (with `text`, when given). */
  clickInside(page: Page, host: string, inner: string, text?: string): Promise<void>;
  close(): Promise<void>;
}

const pause = (ms: number) => new Promise((resolvePause) => setTimeout(resolvePause, ms));

function certificate(dir: string): { key: Buffer; cert: Buffer } {
  const names = SERVED_HOSTS.map((host) => `DNS:${host}`).join(',');
  try {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'), '-days', '2', '-subj', '/CN=scholarscope-test', '-addext', `subjectAltName=${names}`], { stdio: 'ignore' });
  } catch {
    throw new Error('The Firefox tests make a certificate with openssl, which is not installed (apt-get install -y openssl).');
  }
  return { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
}

function serve(harness: { pages: Map<string, string> } & ApiState, tls: { key: Buffer; cert: Buffer }): Promise<Server> {
  const server = createServer(tls, (request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const url = `https://${request.headers.host}${request.url}`;
      const host = request.headers.host ?? '';
      const isApi = host.startsWith('api.') || (host === 'export.arxiv.org' && request.url?.startsWith('/api/'));
      if (!isApi) {
        const html = harness.pages.get(url.split('#')[0]!);
        response.writeHead(html === undefined ? 404 : 200, { 'content-type': 'text/html; charset=utf-8' });
        response.end(html ?? '<h1>Not found</h1>');
        return;
      }
      const body = Buffer.concat(chunks).toString('utf8') || undefined;
      const entry: ApiRequest = { method: request.method ?? 'GET', url, headers: request.headers as Record<string, string>, body };
      void answerApi(harness, entry).then((answer) => {
        if (!answer || answer.status === 0) return void request.socket.destroy();
        response.writeHead(answer.status, answer.headers ?? {});
        response.end(answer.body);
      });
    });
  });
  return new Promise((resolveListen, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EACCES' || error.code === 'EADDRINUSE' ? new Error(`The Firefox tests answer for arXiv and the APIs on port 443 and cannot listen there (${error.code}): run them as root, with nothing else on 443.`) : error),
    );
    server.listen(443, '127.0.0.1', () => resolveListen(server));
  });
}

export interface FirefoxOptions {
  /** With a window of this size, the page filling it (the demo's toolbar screenshot); the tests run headless. */
  window?: { width: number; height: number };
  /** The build to install (default ADDON_DIR: FIREFOX_ADDON_DIR or .output/firefox-mv2). */
  addonDir?: string;
  /** More preferences, set before Firefox starts. */
  prefs?: Record<string, unknown>;
}

export async function launchFirefox(options: FirefoxOptions = {}): Promise<FirefoxHarness> {
  if (!existsSync(FIREFOX)) throw new Error(`Firefox not found at ${FIREFOX}. Install it (apt-get install -y firefox-esr) or set FIREFOX_PATH.`);
  const addonDir = resolve(options.addonDir ?? ADDON_DIR);
  if (!existsSync(join(addonDir, 'manifest.json'))) throw new Error(`No Firefox build at ${addonDir}. Run "npm run build" first.`);
  const dir = mkdtempSync(join(tmpdir(), 'scholarscope-firefox-'));
  const state = { pages: new Map<string, string>(), apiRequests: [] as ApiRequest[], apiGate: null, apiOverride: null, limits: createLimits() } as { pages: Map<string, string> } & ApiState;
  const server = await serve(state, certificate(dir));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: !options.window,
    acceptInsecureCerts: true,
    ...(options.window ? { defaultViewport: null } : {}),
    // Firefox 153 lets WebDriver open moz-extension:// pages only with system access.
    args: ['--remote-allow-system-access', ...(options.window ? ['--width', String(options.window.width), '--height', String(options.window.height)] : [])],
    extraPrefsFirefox: {
      'network.dns.localDomains': SERVED_HOSTS.join(','),
      'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: ADDON_UUID }),
      'extensions.background.idle.timeout': BACKGROUND_IDLE_MS,
      ...options.prefs,
    },
  });
  await browser.installExtension(addonDir);
  // An extension page kept open to ask the browser about tabs and the event page: it sends no
  // message once loaded, so asking through it wakes nothing.
  let controlPage: Page | null = null;
  const control = () => controlPage!;

  const harness: FirefoxHarness = Object.assign(state, {
    browser,
    async openExtensionPage(path: string) {
      const page = await browser.newPage();
      // BiDi's navigation to a moz-extension:// page commits but never reports done: start it, then wait for the page.
      void page.goto(`${EXTENSION_ORIGIN}/${path}`).catch(() => undefined);
      for (let tries = 0; tries < 100; tries++) {
        await pause(100);
        const ready = await page.evaluate(() => location.protocol === 'moz-extension:' && document.readyState === 'complete').catch(() => false);
        if (ready) return page;
      }
      throw new Error(`The extension page ${path} did not open`);
    },
    async tabIdFor(url: string) {
      const id = await control().evaluate(async (wanted) => {
        const tabs = await (globalThis as unknown as { browser: { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } } }).browser.tabs.query({});
        return tabs.find((tab) => tab.url === wanted)?.id ?? null;
      }, url);
      if (id === null) throw new Error(`No tab open at ${url}`);
      return id;
    },
    // browserAction in the MV2 build, action in an MV3 one (npm run bench:firefox measures both).
    badgeText: () =>
      control().evaluate(() => {
        type Button = { getBadgeText(details: object): Promise<string> };
        const { browser } = globalThis as unknown as { browser: { action?: Button; browserAction?: Button } };
        return (browser.action ?? browser.browserAction)!.getBadgeText({});
      }),
    backgroundRunning: () =>
      control().evaluate(() => (globalThis as unknown as { browser: { extension: { getViews(): { location: Location }[] } } }).browser.extension.getViews().some((view) => view.location.pathname.includes('background'))),
    async inContent<T, A extends unknown[]>(page: Page, fn: (...args: A) => T | Promise<T>, ...args: A): Promise<T> {
      const tabId = await harness.tabIdFor(page.url());
      const code = `(${fn.toString()})(...${JSON.stringify(args)})`;
      const [result] = await control().evaluate(
        (id, source) => (globalThis as unknown as { browser: { tabs: { executeScript(tab: number, details: object): Promise<unknown[]> } } }).browser.tabs.executeScript(id, { code: source }),
        tabId,
        code,
      );
      return result as T;
    },
    async clickInside(page: Page, host: string, inner: string, text?: string) {
      const point = await waitFor(
        () =>
          harness.inContent(
            page,
            (hostSelector: string, innerSelector: string, wanted: string | null) => {
              const root = (document.querySelector(hostSelector) as (Element & { openOrClosedShadowRoot: ShadowRoot | null }) | null)?.openOrClosedShadowRoot;
              const target = [...(root?.querySelectorAll(innerSelector) ?? [])].find((element) => wanted === null || element.textContent === wanted);
              if (!target) return null;
              target.scrollIntoView({ block: 'center' });
              const rect = target.getBoundingClientRect();
              return rect.width > 0 ? { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 } : null;
            },
            host,
            inner,
            text ?? null,
          ),
        (found) => found !== null,
      );
      await page.mouse.click(point!.x, point!.y);
    },
    async close() {
      await browser.close();
      server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  });
  controlPage = await harness.openExtensionPage('options.html');
  return harness;
}

/** Polls `read` until it passes `check`, as expect.poll does; fails with the last value seen. */
export async function waitFor<T>(read: () => Promise<T>, check: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  let last: T | undefined;
  for (;;) {
    try {
      last = await read();
      if (check(last)) return last;
    } catch {
      // The page may be navigating; read again.
    }
    if (Date.now() > until) throw new Error(`Timed out waiting; last value: ${JSON.stringify(last)}`);
    await pause(100);
  }
}
