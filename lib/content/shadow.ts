// Every element we put into a page lives in a shadow root: arXiv's CSS never reaches it,
// and ours never leaks out.

export const HOST_ATTRIBUTE = 'data-scholarscope';

export function createShadowHost(doc: Document, tag: string, css: string, display: 'inline' | 'block'): { host: HTMLElement; root: ShadowRoot } {
  const host = doc.createElement(tag);
  host.setAttribute(HOST_ATTRIBUTE, '');
  // Inline style on the host so the page's rules for unknown elements cannot move it around.
  host.style.setProperty('display', display, 'important');
  host.style.setProperty('position', 'static', 'important');
  const root = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = css;
  root.append(style);
  return { host, root };
}
