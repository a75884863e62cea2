// What the benchmarks run inside a listing page: the long tasks, when the authors in the first
// viewport show numbers, when all of them do, whether any author in view is ever blank while
// scrolling, and the floor: the same chips drawn by a bare page script. Passed as source text, so no
// bundler helper is needed in the page. With the extension the watch runs in its content script's
// world (its shadow roots are closed: only there can they be opened), started as that world appears;
// without it, as an init script in the page.

/** Names of the author links on arXiv's listings (`.list-authors a`) and search results (`p.authors a`). */
const AUTHORS = '.list-authors a, p.authors > a';

/** Installed in every listing page: long tasks and the in-view / all-authors watch. */
export const WATCH = `(() => {
  const ss = (window.__ss = { longTasks: [], dcl: null, inViewAt: null, allAt: null, inViewCount: 0, authors: 0 });
  new PerformanceObserver((list) => list.getEntries().forEach((entry) => ss.longTasks.push({ start: Math.round(entry.startTime), duration: Math.round(entry.duration) }))).observe({ type: 'longtask', buffered: true });
  // A chip shows numbers (or says the source has none, "?" or "!"): anything but absent or loading.
  const rootOf = (host) => globalThis.chrome?.dom?.openOrClosedShadowRoot?.(host) ?? host.shadowRoot;
  const settled = (link) => {
    const host = link.nextElementSibling;
    const root = host && host.tagName === 'SCHOLARSCOPE-CHIP' ? rootOf(host) : null;
    const text = root ? root.textContent : '';
    return text !== '' && text !== '…';
  };
  ss.settled = settled;
  const parsed = () => {
    ss.dcl = performance.getEntriesByType('navigation')[0]?.domContentLoadedEventStart || performance.now();
    const links = [...document.querySelectorAll(${JSON.stringify(AUTHORS)})];
    ss.authors = links.length;
    // Which links are in view is read at the first frame, whose layout the browser does anyway:
    // asking at DOMContentLoaded would force that layout into this probe's task.
    let inView = null;
    const frame = () => {
      inView ??= links.filter((link) => { const r = link.getBoundingClientRect(); return r.bottom > 0 && r.top < innerHeight; });
      ss.inViewCount = inView.length;
      if (ss.inViewAt === null && inView.every(settled)) ss.inViewAt = performance.now();
      if (ss.inViewAt === null) requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
    // All authors, checked less often: reading thousands of shadow roots costs the page too.
    const all = () => {
      if (links.every(settled)) ss.allAt = performance.now();
      else setTimeout(all, 100);
    };
    setTimeout(all, 100);
  };
  // Started after DOMContentLoaded (a small page may be parsed before our world appears): at once.
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', parsed);
  else parsed();
})()`;

/**
 * Scrolls the page at `pxPerSecond` for `ms`, checking at every frame whether an author in view
 * has no numbers yet. Entries are found by binary search on their position, so checking costs
 * the page little. Resolves { frames, blankFrames, worstBlank, scrolledPx }.
 */
export const SCROLL = (pxPerSecond: number, ms: number) => `new Promise((resolve) => {
  const ss = window.__ss;
  const links = [...document.querySelectorAll(${JSON.stringify(AUTHORS)})];
  const inView = () => {
    let lo = 0, hi = links.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (links[mid].getBoundingClientRect().bottom <= 0) lo = mid + 1; else hi = mid; }
    const seen = [];
    for (let i = lo; i < links.length; i++) { const r = links[i].getBoundingClientRect(); if (r.top >= innerHeight) break; if (r.bottom > 0) seen.push(links[i]); }
    return seen;
  };
  let frames = 0, blankFrames = 0, worstBlank = 0;
  const start = performance.now(), startY = scrollY;
  let last = start;
  const step = (now) => {
    const blank = inView().filter((link) => !ss.settled(link)).length;
    frames++;
    if (blank > 0) blankFrames++;
    worstBlank = Math.max(worstBlank, blank);
    if (now - start >= ${ms}) return resolve({ frames, blankFrames, worstBlank, scrolledPx: Math.round(scrollY - startY) });
    scrollBy(0, (${pxPerSecond} * (now - last)) / 1000);
    last = now;
    requestAnimationFrame(step);
  };
  requestAnimationFrame(step);
})`;

/**
 * The floor, in a page without the extension: at DOMContentLoaded a bare script draws the same chip
 * after each author (one shadow root each, one shared constructed sheet), first for the authors in
 * view, then for all; `__floor` gets the time of the first frame after each.
 */
export const FLOOR = (css: string, which: 'inView' | 'all') => `(() => {
  window.__floor = null;
  document.addEventListener('DOMContentLoaded', () => {
    const dcl = performance.now();
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(${JSON.stringify(css)});
    let links = [...document.querySelectorAll(${JSON.stringify(AUTHORS)})];
    if (${JSON.stringify(which)} === 'inView') links = links.filter((link) => { const r = link.getBoundingClientRect(); return r.bottom > 0 && r.top < innerHeight; });
    for (const link of links) {
      const host = document.createElement('scholarscope-chip');
      host.style.setProperty('display', 'inline', 'important');
      const root = host.attachShadow({ mode: 'open' });
      root.adoptedStyleSheets = [sheet];
      const chip = document.createElement('button');
      chip.className = 'ss-chip';
      chip.textContent = 'h 12 · 3.4k';
      root.append(chip);
      link.after(host);
    }
    requestAnimationFrame(() => (window.__floor = { dcl, drawn: performance.now(), chips: links.length }));
  });
})()`;
