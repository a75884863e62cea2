// Reaching ScholarScope's in-page UI, whose shadow roots are closed: Playwright's locators (and the
// page's own scripts) see none of it. This driver evaluates in the content script's isolated world,
// found through the DevTools protocol, where `chrome.dom.openOrClosedShadowRoot` opens our roots;
// nothing here gives the page a handle it could use too. It acts as the reader does: clicks, hovers
// and keys are real input events at the element's place (trusted, as our controls require).
// The API is the part of Playwright's Locator the tests use, so tests read the same.

import type { CDPSession, Page } from 'playwright-core';
import { engine, type Step, type TextMatch } from './closedUiEngine';

const DEFAULT_TIMEOUT = 5_000;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type RoleOptions = { name?: string | RegExp; exact?: boolean };
type Filter = { hasText?: string | RegExp };

const textMatch = (value: string | RegExp | undefined, exact = false): TextMatch | undefined =>
  value === undefined ? undefined : value instanceof RegExp ? { source: value.source, flags: value.flags } : { text: value, exact };

/** The isolated world of our content script in the page's main frame, as the protocol names it. */
class IsolatedWorld {
  private session: Promise<CDPSession> | null = null;
  private contexts = new Map<number, { origin: string; frameId: string; isolated: boolean }>();
  private mainFrame = '';
  /** Scripts run in our world as soon as it exists, on every load (benchmark probes). */
  readonly onCreated: string[] = [];

  constructor(private readonly page: Page) {}

  private connect(): Promise<CDPSession> {
    return (this.session ??= (async () => {
      const session = await this.page.context().newCDPSession(this.page);
      session.on('Runtime.executionContextCreated', ({ context }) => {
        const aux = context.auxData ?? {};
        const created = { origin: context.origin, frameId: String(aux.frameId ?? ''), isolated: aux.type === 'isolated' };
        this.contexts.set(context.id, created);
        if (created.isolated && created.frameId === this.mainFrame && created.origin.startsWith('chrome-extension://')) {
          for (const expression of this.onCreated) void session.send('Runtime.evaluate', { expression, contextId: context.id }).catch(() => undefined);
        }
      });
      session.on('Runtime.executionContextDestroyed', ({ executionContextId }) => this.contexts.delete(executionContextId));
      session.on('Runtime.executionContextsCleared', () => this.contexts.clear());
      session.on('Page.frameNavigated', ({ frame }) => void (frame.parentId ? undefined : (this.mainFrame = frame.id)));
      await session.send('Page.enable');
      this.mainFrame = (await session.send('Page.getFrameTree')).frameTree.frame.id;
      await session.send('Runtime.enable');
      return session;
    })());
  }

  /** Connects before a navigation, so that `onCreated` scripts run as our world appears. */
  ready(): Promise<unknown> {
    return this.connect();
  }

  /** Runs `expression` in our content script's world, waiting (up to `timeout`) for the world to exist. */
  async evaluate<T>(expression: string, timeout = DEFAULT_TIMEOUT): Promise<T> {
    const session = await this.connect();
    const deadline = Date.now() + timeout;
    for (;;) {
      const id = [...this.contexts].reverse().find(([, c]) => c.isolated && c.frameId === this.mainFrame && c.origin.startsWith('chrome-extension://'))?.[0];
      if (id !== undefined) {
        try {
          const result = await session.send('Runtime.evaluate', { expression, contextId: id, returnByValue: true, awaitPromise: true });
          if (result.exceptionDetails) throw new Error(result.exceptionDetails.exception?.description ?? result.exceptionDetails.text);
          return result.result.value as T;
        } catch (error) {
          if (!/Cannot find context|Execution context was destroyed|Inspected target navigated/i.test(String(error))) throw error;
        }
      }
      if (Date.now() > deadline) throw new Error('ScholarScope’s content script is not running in this page');
      await pause(50);
    }
  }
}

const worlds = new WeakMap<Page, IsolatedWorld>();
function worldOf(page: Page): IsolatedWorld {
  let world = worlds.get(page);
  if (!world) worlds.set(page, (world = new IsolatedWorld(page)));
  return world;
}

export class UiLocator {
  constructor(
    private readonly page: Page,
    private readonly steps: Step[],
  ) {}

  private world(): IsolatedWorld {
    return worldOf(this.page);
  }

  private with(step: Step): UiLocator {
    return new UiLocator(this.page, [...this.steps, step]);
  }

  // The caller's function goes in as source, compiled with the expression (no eval in the world).
  private run<T>(op: string, input: unknown = null, timeout?: number, fn: string | null = null): Promise<T> {
    const call = `(${engine.toString()})(${JSON.stringify(this.steps)}, ${JSON.stringify(op)}, ${JSON.stringify(input)}, ${fn ?? 'null'})`;
    // Bundlers may name functions through a helper of their own; here it only needs to exist.
    return this.world().evaluate<T>(`(() => { const __name = (f) => f; return ${call}; })()`, timeout);
  }

  /** Waits until the locator finds an element (visible, unless `attached`), then runs `op` on the first. */
  private async one<T>(op: string, arg: unknown = null, options: { timeout?: number; attached?: boolean; fn?: string } = {}): Promise<T> {
    const timeout = options.timeout ?? DEFAULT_TIMEOUT;
    const deadline = Date.now() + timeout;
    for (;;) {
      const result = await this.run<{ found: boolean; value?: T }>(op, { arg, attached: options.attached ?? false }, timeout, options.fn ?? null);
      if (result.found) return result.value as T;
      if (Date.now() > deadline) throw new Error(`No element for ${JSON.stringify(this.steps)} within ${timeout} ms (${op})`);
      await pause(50);
    }
  }

  locator(selector: string, filter: Filter = {}): UiLocator {
    return this.with({ css: selector, hasText: textMatch(filter.hasText) });
  }
  getByRole(role: string, options: RoleOptions = {}): UiLocator {
    return this.with({ role, name: textMatch(options.name, options.exact) });
  }
  getByText(text: string | RegExp, options: { exact?: boolean } = {}): UiLocator {
    return this.with({ text: textMatch(text, options.exact)! });
  }
  filter(filter: Filter): UiLocator {
    return this.with({ hasText: textMatch(filter.hasText) });
  }
  first(): UiLocator {
    return this.with({ nth: 0 });
  }
  last(): UiLocator {
    return this.with({ nth: -1 });
  }
  nth(index: number): UiLocator {
    return this.with({ nth: index });
  }

  count(): Promise<number> {
    return this.run('count');
  }
  async all(): Promise<UiLocator[]> {
    return Array.from({ length: await this.count() }, (_, index) => this.nth(index));
  }
  allTextContents(): Promise<string[]> {
    return this.run('allTextContents');
  }
  textContent(options: { timeout?: number } = {}): Promise<string | null> {
    return this.one('textContent', null, { ...options, attached: true });
  }
  innerText(options: { timeout?: number } = {}): Promise<string> {
    return this.one('innerText', null, { ...options, attached: true });
  }
  getAttribute(name: string, options: { timeout?: number } = {}): Promise<string | null> {
    return this.one('getAttribute', name, { ...options, attached: true });
  }
  inputValue(): Promise<string> {
    return this.one('inputValue', null, { attached: true });
  }
  isChecked(): Promise<boolean> {
    return this.one('isChecked', null, { attached: true });
  }
  async isVisible(): Promise<boolean> {
    return (await this.run<{ found: boolean }>('isVisible', { arg: null, attached: false })).found;
  }
  async waitFor(options: { state?: 'attached' | 'visible' | 'detached' | 'hidden'; timeout?: number } = {}): Promise<void> {
    const state = options.state ?? 'visible';
    const timeout = options.timeout ?? DEFAULT_TIMEOUT;
    if (state === 'attached' || state === 'visible') return void (await this.one('exists', null, { timeout, attached: state === 'attached' }));
    const deadline = Date.now() + timeout;
    while ((await this.run<{ found: boolean }>('exists', { arg: null, attached: state === 'detached' })).found) {
      if (Date.now() > deadline) throw new Error(`${JSON.stringify(this.steps)} still ${state === 'detached' ? 'attached' : 'visible'} after ${timeout} ms`);
      await pause(50);
    }
  }
  /** Runs `fn` on the element in the content script's world (it may read our closed roots). */
  evaluate<R, A = unknown>(fn: (element: Element, arg: A) => R | Promise<R>, arg?: A): Promise<R> {
    return this.one('evaluate', arg ?? null, { attached: true, fn: fn.toString() });
  }
  evaluateAll<R, A = unknown>(fn: (elements: Element[], arg: A) => R | Promise<R>, arg?: A): Promise<R> {
    return this.run('evaluateAll', { arg: arg ?? null }, undefined, fn.toString());
  }
  boundingBox(): Promise<{ x: number; y: number; width: number; height: number } | null> {
    return this.one('box', null, { attached: true });
  }

  /** The element's centre in the viewport, once it is visible and stays put for a frame. */
  private async point(timeout?: number): Promise<{ x: number; y: number }> {
    return this.one('point', null, { timeout });
  }
  async click(options: { timeout?: number } = {}): Promise<void> {
    const { x, y } = await this.point(options.timeout);
    await this.page.mouse.click(x, y);
  }
  async hover(options: { timeout?: number } = {}): Promise<void> {
    const { x, y } = await this.point(options.timeout);
    await this.page.mouse.move(x, y);
  }
  async focus(): Promise<void> {
    await this.one('focus');
  }
  async press(key: string): Promise<void> {
    await this.focus();
    await this.page.keyboard.press(key);
  }
  async fill(value: string): Promise<void> {
    await this.one('selectAll');
    if (value === '') await this.page.keyboard.press('Delete');
    else await this.page.keyboard.insertText(value);
  }
  async check(): Promise<void> {
    if (!(await this.isChecked())) await this.click();
  }
  /** A picture of the element: the page's pixels where it is (scrolled into view first). */
  async screenshot(options: { path: string }): Promise<Buffer> {
    await this.point();
    const box = (await this.boundingBox())!;
    return this.page.screenshot({ path: options.path, clip: { x: box.x, y: box.y, width: box.width, height: box.height } });
  }
  async selectOption(value: string): Promise<void> {
    await this.one('selectOption', value);
  }
}

/** ScholarScope's UI in `page`, closed roots included: `ours(page).locator('scholarscope-chip .ss-chip')`. */
export function ours(page: Page): UiLocator {
  return new UiLocator(page, []);
}

/** Runs `expression` in ScholarScope's content script world of `page` (where our closed roots can be opened). */
export function inContentScriptWorld<T>(page: Page, expression: string, timeout?: number): Promise<T> {
  return worldOf(page).evaluate<T>(expression, timeout);
}

/** Runs `expression` in ScholarScope's content script world of `page` as soon as it exists, on this and every later load (call before `goto`). */
export async function whenContentScriptStarts(page: Page, expression: string): Promise<void> {
  const world = worldOf(page);
  world.onCreated.push(expression);
  await world.ready();
}
