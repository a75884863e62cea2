// What every hostile browser test checks of our UI: no exception, nothing run, no markup made of
// text, no event handler attributes, links only to known https hosts or our own pages.

import { expect } from 'vitest';
import type { CDPSession, Page } from 'playwright-core';
import { inContentScriptWorld } from '../e2e/closedUi';
import type { Harness } from '../e2e/harness';
import { PWNED_FLAG } from './payloads';

const KNOWN_HOSTS = /^https:\/\/(arxiv\.org|www\.semanticscholar\.org|doi\.org|openalex\.org)\//;

/** Every exception thrown in any of the page's execution contexts (the page's and our isolated world). */
export async function watchExceptions(harness: Harness, page: Page): Promise<{ errors: string[]; cdp: CDPSession }> {
  const errors: string[] = [];
  const cdp = await harness.context.newCDPSession(page);
  cdp.on('Runtime.exceptionThrown', (event: { exceptionDetails: { text: string; exception?: { description?: string } } }) => {
    errors.push(event.exceptionDetails.exception?.description ?? event.exceptionDetails.text);
  });
  await cdp.send('Runtime.enable');
  return { errors, cdp };
}

/**
 * What our UI (closed shadow roots on pages, read in our content script's world; or a whole extension
 * page) holds that it must not; and whether a payload ran in the page's world or in ours.
 */
export async function inspectOurUi(page: Page, wholeDocument: boolean) {
  const arg = { whole: wholeDocument, flag: PWNED_FLAG };
  if (wholeDocument) return page.evaluate(inspect, arg);
  const report = await inContentScriptWorld<ReturnType<typeof inspect>>(page, `(${inspect.toString()})(${JSON.stringify(arg)})`);
  const pwnedInPage = await page.evaluate((flag) => (window as unknown as Record<string, unknown>)[flag] ?? null, PWNED_FLAG);
  return { ...report, pwned: report.pwned ?? pwnedInPage };
}

function inspect({ whole, flag }: { whole: boolean; flag: string }) {
  const dom = (globalThis as unknown as { chrome?: { dom?: { openOrClosedShadowRoot(element: Element): ShadowRoot | null } } }).chrome?.dom;
  const roots: (Document | ShadowRoot)[] = whole ? [document] : [...document.querySelectorAll<HTMLElement>('[data-scholarscope]')].map((host) => dom?.openOrClosedShadowRoot(host) ?? null).filter((root): root is ShadowRoot => root !== null);
  const elements = roots.flatMap((root) => [...root.querySelectorAll('*')]);
  // Our chart is SVG made of these; nothing else may appear.
  const allowedSvg = new Set(['svg', 'g', 'line', 'polyline', 'circle', 'text']);
  return {
    pwned: (window as unknown as Record<string, unknown>)[flag] ?? null,
    // The extension page's own bundle is the one script allowed.
    forbidden: elements.filter((el) => (['IMG', 'SCRIPT', 'IFRAME', 'OBJECT', 'EMBED'].includes(el.tagName) && !(whole && el.tagName === 'SCRIPT' && (el as HTMLScriptElement).src.startsWith(`${location.origin}/chunks/`))) || (el.namespaceURI === 'http://www.w3.org/2000/svg' && !allowedSvg.has(el.tagName))).map((el) => el.outerHTML.slice(0, 80)),
    handlers: elements.flatMap((el) => [...el.attributes].filter((a) => a.name.startsWith('on')).map((a) => `${el.tagName} ${a.name}`)),
    links: elements.filter((el) => el.tagName === 'A' && el.hasAttribute('href')).map((el) => (el as HTMLAnchorElement).href),
    widest: Math.max(0, ...[...document.querySelectorAll('scholarscope-chip, scholarscope-badge')].map((host) => host.getBoundingClientRect().width)),
    roots: roots.length,
  };
}

export function expectClean(harness: Harness, report: Awaited<ReturnType<typeof inspectOurUi>>) {
  expect(report.pwned).toBeNull();
  expect(report.forbidden).toEqual([]);
  expect(report.handlers).toEqual([]);
  // Known https hosts, or the extension's own pages (the library's tabs).
  for (const link of report.links) if (!link.startsWith(`chrome-extension://${harness.extensionId}/`)) expect(link).toMatch(KNOWN_HOSTS);
}
