// The part of the closed-roots driver (closedUi.ts) that runs inside the content script's isolated
// world: it is sent as source, so it imports nothing and names nothing outside itself. Selectors
// pierce shadow roots, open or closed, as Playwright's CSS engine pierces open ones: each compound
// of a descendant or child chain may lie in a different tree.

export type TextMatch = { text: string; exact?: boolean } | { source: string; flags: string };
export type Step = { css: string; hasText?: TextMatch } | { role: string; name?: TextMatch } | { text: TextMatch } | { hasText?: TextMatch } | { nth: number };

export async function engine(steps: Step[], op: string, input: { arg: unknown; attached?: boolean } | null, fn: ((target: unknown, arg: unknown) => unknown) | null): Promise<unknown> {
  type Scope = Document | Element;
  const dom = (globalThis as unknown as { chrome?: { dom?: { openOrClosedShadowRoot(element: Element): ShadowRoot | null } } }).chrome?.dom;
  // The API takes HTML elements only (it throws on MathML and SVG, which have no roots of ours).
  const shadowOf = (element: Element): ShadowRoot | null => (element instanceof HTMLElement ? (dom?.openOrClosedShadowRoot(element) ?? element.shadowRoot) : null);
  const parentOf = (element: Element): Element | null => element.parentElement ?? ((element.parentNode as ShadowRoot | null)?.host ?? null);

  // Every element under `scope` in tree order, a host's shadow tree before its children.
  function below(scope: Scope): Element[] {
    const out: Element[] = [];
    const walk = (node: ParentNode) => {
      for (const child of Array.from(node.children)) {
        out.push(child);
        const shadow = shadowOf(child);
        if (shadow) walk(shadow);
        walk(child);
      }
    };
    const shadow = scope instanceof Element ? shadowOf(scope) : null;
    if (shadow) walk(shadow);
    walk(scope);
    return out;
  }

  const deepText = (element: Element): string => {
    const shadow = shadowOf(element);
    let text = '';
    const nodes = shadow ? [...Array.from(shadow.childNodes), ...Array.from(element.childNodes)] : Array.from(element.childNodes);
    for (const node of nodes) {
      if (node.nodeType === 3) text += node.textContent ?? '';
      else if (node.nodeType === 1 && !['STYLE', 'SCRIPT'].includes((node as Element).tagName)) text += deepText(node as Element);
    }
    return text;
  };
  const squash = (text: string) => text.replace(/\s+/g, ' ').trim();
  const matches = (value: string, match: TextMatch): boolean => {
    if ('source' in match) return new RegExp(match.source, match.flags).test(value);
    return match.exact ? squash(value) === match.text : squash(value).toLowerCase().includes(match.text.toLowerCase());
  };

  // A selector list; each selector a chain of compounds joined by ' ' or '>'.
  function split(selector: string, at: (char: string) => boolean): string[] {
    const parts: string[] = [];
    let depth = 0;
    let quote = '';
    let current = '';
    for (const char of selector) {
      if (quote) quote = char === quote ? '' : quote;
      else if (char === '"' || char === "'") quote = char;
      else if ('([' .includes(char)) depth++;
      else if (')]'.includes(char)) depth--;
      if (!quote && depth === 0 && at(char)) {
        parts.push(current);
        current = '';
        continue;
      }
      current += char;
    }
    parts.push(current);
    return parts;
  }
  function chain(selector: string): { compound: string; combinator: string }[] {
    const spaced = selector.replace(/\s*>\s*/g, ' > ').trim();
    const tokens = split(spaced, (char) => char === ' ').filter(Boolean);
    const out: { compound: string; combinator: string }[] = [];
    let combinator = ' ';
    for (const token of tokens) {
      if (token === '>') combinator = '>';
      else {
        out.push({ compound: token, combinator });
        combinator = ' ';
      }
    }
    return out;
  }
  // `inside`: every element under the scope, so the chain's first compound is matched within it.
  function fits(element: Element, links: { compound: string; combinator: string }[], index: number, inside: Set<Element> | null): boolean {
    if (!element.matches(links[index]!.compound)) return false;
    if (index === 0) return inside === null || inside.has(element);
    const combinator = links[index]!.combinator;
    for (let parent = parentOf(element); parent; parent = parentOf(parent)) {
      if (fits(parent, links, index - 1, inside)) return true;
      if (combinator === '>') return false;
    }
    return false;
  }
  function css(scope: Scope, selector: string): Element[] {
    const lists = split(selector, (char) => char === ',').map(chain);
    const candidates = below(scope);
    const inside = scope instanceof Document ? null : new Set(candidates);
    return candidates.filter((element) => lists.some((links) => fits(element, links, links.length - 1, inside)));
  }

  const ROLES: Record<string, string> = {
    button: 'button, input[type="button"], input[type="submit"], input[type="reset"], [role="button"]',
    checkbox: 'input[type="checkbox"], [role="checkbox"]',
    radio: 'input[type="radio"], [role="radio"]',
    combobox: 'select, [role="combobox"]',
    searchbox: 'input[type="search"], [role="searchbox"]',
    status: '[role="status"], output',
    alert: '[role="alert"]',
    dialog: 'dialog, [role="dialog"]',
    link: 'a[href], [role="link"]',
    region: 'section[aria-label], section[aria-labelledby], [role="region"]',
    list: 'ul, ol, [role="list"]',
    listitem: 'li, [role="listitem"]',
    heading: 'h1, h2, h3, h4, h5, h6, [role="heading"]',
  };
  function accessibleName(element: Element): string {
    const label = element.getAttribute('aria-label');
    if (label) return label;
    const root = element.getRootNode() as Document | ShadowRoot;
    const by = element.getAttribute('aria-labelledby');
    if (by) return by.split(/\s+/).map((id) => root.getElementById?.(id)?.textContent ?? '').join(' ');
    if (element instanceof HTMLInputElement && element.labels?.length) return Array.from(element.labels).map((l) => l.textContent ?? '').join(' ');
    return deepText(element);
  }

  const visible = (element: Element) => {
    const rect = element.getBoundingClientRect();
    return rect.width > 0 && rect.height > 0 && getComputedStyle(element).visibility !== 'hidden';
  };

  let current: Scope[] = [document];
  for (const step of steps) {
    if ('css' in step) {
      const found = new Set<Element>();
      for (const scope of current) for (const element of css(scope, step.css)) found.add(element);
      current = [...found];
      if (step.hasText) current = current.filter((element) => matches(deepText(element as Element), step.hasText!));
    } else if ('role' in step) {
      const found = new Set<Element>();
      for (const scope of current) for (const element of css(scope, ROLES[step.role] ?? `[role="${step.role}"]`)) found.add(element);
      current = [...found].filter((element) => !step.name || matches(accessibleName(element), step.name));
    } else if ('text' in step) {
      const found = new Set<Element>();
      for (const scope of current) for (const element of below(scope)) if (matches(deepText(element), step.text)) found.add(element);
      // The innermost elements with the text, as Playwright's getByText finds them.
      current = [...found].filter((element) => ![...found].some((other) => other !== element && element.contains(other)));
    } else if ('nth' in step) {
      const picked = step.nth < 0 ? current[current.length + step.nth] : current[step.nth];
      current = picked ? [picked] : [];
    } else if (step.hasText) {
      current = current.filter((element) => matches(deepText(element as Element), step.hasText!));
    }
  }
  const elements = current.filter((scope): scope is Element => scope instanceof Element);
  const arg = input?.arg ?? null;

  if (op === 'count') return elements.length;
  if (op === 'allTextContents') return elements.map(deepText);
  if (op === 'evaluateAll') return await fn!(elements, arg);
  const element = input?.attached ? elements[0] : elements.find(visible);
  if (op === 'isVisible' || op === 'exists') return { found: Boolean(element) };
  if (!element) return { found: false };
  const html = element as HTMLElement & HTMLInputElement & HTMLSelectElement;
  switch (op) {
    case 'textContent':
      return { found: true, value: deepText(element) };
    case 'innerText':
      return { found: true, value: html.innerText ?? deepText(element) };
    case 'getAttribute':
      return { found: true, value: element.getAttribute(arg as string) };
    case 'inputValue':
      return { found: true, value: html.value };
    case 'isChecked':
      return { found: true, value: html.checked === true || element.getAttribute('aria-checked') === 'true' || element.getAttribute('aria-pressed') === 'true' };
    case 'box': {
      const rect = element.getBoundingClientRect();
      return { found: true, value: { x: rect.x, y: rect.y, width: rect.width, height: rect.height } };
    }
    case 'point': {
      // Where the element stays put for two frames, as Playwright waits: a redraw meanwhile means ask again.
      element.scrollIntoView({ block: 'center', inline: 'center' });
      const rect = element.getBoundingClientRect();
      for (let frame = 0; frame < 2; frame++) await new Promise((resolve) => requestAnimationFrame(resolve));
      const after = element.getBoundingClientRect();
      if (!element.isConnected || after.left !== rect.left || after.top !== rect.top || after.width !== rect.width) return { found: false };
      return { found: true, value: { x: after.left + after.width / 2, y: after.top + after.height / 2 } };
    }
    case 'focus':
      html.focus();
      return { found: true, value: null };
    case 'selectAll':
      html.focus();
      html.select?.();
      return { found: true, value: null };
    case 'selectOption':
      html.value = arg as string;
      html.dispatchEvent(new Event('input', { bubbles: true }));
      html.dispatchEvent(new Event('change', { bubbles: true }));
      return { found: true, value: null };
    case 'evaluate':
      return { found: true, value: await fn!(element, arg) };
  }
  throw new Error(`Unknown operation ${op}`);
}
