// Every element we put into a page lives in a shadow root: arXiv's CSS never reaches it,
// and ours never leaks out. One constructed stylesheet is shared by all roots on a page
// (thousands of chips on a big listing); where that is unavailable each root gets a <style>.
//
// The roots are closed and known only here: a page's own scripts share the DOM with our hosts, and
// must not read what the reader saved or follows, nor press our buttons. Events a script made
// (`isTrusted` false) never reach our controls; the reader's clicks and keys always do.

export const HOST_ATTRIBUTE = 'data-scholarscope';

const sheets = new WeakMap<Document, CSSStyleSheet | null>();
const roots = new WeakMap<Element, ShadowRoot>();

/** Our own root of one of our hosts (closed: `host.shadowRoot` is null for everyone). */
export function rootOf(host: Element): ShadowRoot | null {
  return roots.get(host) ?? null;
}

// What a script can make look like the reader's action.
const INPUT_EVENTS = ['click', 'auxclick', 'dblclick', 'mousedown', 'mouseup', 'pointerdown', 'pointerup', 'keydown', 'keyup', 'keypress', 'submit'];

function ignoreUntrusted(root: ShadowRoot) {
  const stop = (event: Event) => {
    if (event.isTrusted) return;
    event.stopImmediatePropagation();
    event.preventDefault();
  };
  for (const type of INPUT_EVENTS) root.addEventListener(type, stop, true);
}

function sharedSheet(doc: Document, css: string): CSSStyleSheet | null {
  if (sheets.has(doc)) return sheets.get(doc) ?? null;
  let sheet: CSSStyleSheet | null = null;
  try {
    const view = doc.defaultView as (Window & typeof globalThis) | null;
    if (view && 'replaceSync' in view.CSSStyleSheet.prototype) {
      sheet = new view.CSSStyleSheet();
      sheet.replaceSync(css);
    }
  } catch {
    sheet = null;
  }
  sheets.set(doc, sheet);
  return sheet;
}

// The reader's theme (settings), set by the content script before it draws anything.
let theme: 'system' | 'light' | 'dark' = 'system';
export function setTheme(next: 'system' | 'light' | 'dark'): void {
  theme = next;
}

export function createShadowHost(doc: Document, tag: string, css: string, display: 'inline' | 'block'): { host: HTMLElement; root: ShadowRoot } {
  const host = doc.createElement(tag);
  host.setAttribute(HOST_ATTRIBUTE, '');
  if (theme !== 'system') host.dataset.theme = theme;
  // Inline style on the host so the page's rules for unknown elements cannot move it around.
  host.style.setProperty('display', display, 'important');
  host.style.setProperty('position', 'static', 'important');
  const root = host.attachShadow({ mode: 'closed' });
  roots.set(host, root);
  ignoreUntrusted(root);
  const sheet = css ? sharedSheet(doc, css) : null;
  try {
    if (sheet) root.adoptedStyleSheets = [sheet];
  } catch {
    // Firefox content scripts may refuse a sheet made in another compartment; fall back below.
  }
  if (css && root.adoptedStyleSheets?.length !== 1) {
    const style = doc.createElement('style');
    style.textContent = css;
    root.append(style);
  }
  return { host, root };
}
