// Which author record belongs to which name on the page. The paper's author list from the source
// is authoritative (identity comes from ids, never from a name search); this only lines the two lists
// up, since sources abbreviate ("E. Duflo") and pages spell out ("Esther Duflo").

export function normaliseName(name: string): string[] {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\s-]/gu, ' ')
    .split(/[\s-]+/)
    .filter(Boolean);
}

interface NameKey {
  full: string;
  surname: string;
  initial: string;
}

function key(name: string): NameKey | null {
  const parts = normaliseName(name);
  if (parts.length === 0) return null;
  return { full: parts.join(' '), surname: parts[parts.length - 1] as string, initial: (parts[0] as string)[0] as string };
}

function compatible(a: NameKey, b: NameKey): boolean {
  return a.surname === b.surname && a.initial === b.initial;
}

/** For each page name, the index of its author in `sourceNames`, or null when none fits. */
export function matchAuthors(pageNames: readonly string[], sourceNames: readonly string[]): (number | null)[] {
  const sourceKeys = sourceNames.map(key);
  const used = new Set<number>();
  const take = (index: number) => (used.add(index), index);
  return pageNames.map((pageName, position) => {
    const page = key(pageName);
    if (!page) return null;
    const same = sourceKeys[position];
    if (same && !used.has(position) && compatible(page, same)) return take(position);
    const exact = sourceKeys.findIndex((k, i) => k !== null && !used.has(i) && k.full === page.full);
    if (exact >= 0) return take(exact);
    const near = sourceKeys.findIndex((k, i) => k !== null && !used.has(i) && compatible(page, k));
    return near >= 0 ? take(near) : null;
  });
}

/** Normalised title for comparing paper lists across sites. */
export function titleKey(title: string): string {
  return title
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
