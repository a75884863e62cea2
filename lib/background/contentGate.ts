// What the background remembers of each tab's content script, to hold it to what its page needs:
// the paper keys the page asked about (its own papers), and how many of its messages are unanswered.
// The keys outlive a stopped service worker (session storage: memory only, gone with the browser),
// so a page read a minute ago can still save its paper.

import type { PaperKey } from '../core/ids';

/** More keys than any page shows (a listing shows at most 2,000, a profile 500); the oldest go first. */
export const MAX_TAB_KEYS = 5000;
/** Tabs remembered; the least recently active are forgotten first. */
export const MAX_TABS = 100;
/** Unanswered messages one tab may have at once (a 2,000-entry listing with a card open needs about 16). */
export const MAX_IN_FLIGHT_PER_TAB = 24;

/** Where the keys are kept between worker starts (browser.storage.session; memory in tests). */
export interface LedgerStore {
  load(): Promise<Record<string, string[]> | undefined>;
  save(tabs: Record<string, string[]>): Promise<void>;
}

export interface ContentGate {
  /** Records `keys` as shown on the tab's page. */
  show(tabId: number, keys: readonly PaperKey[]): Promise<void>;
  /** Whether every key is one the tab's page asked about. */
  owns(tabId: number, keys: readonly PaperKey[]): Promise<boolean>;
  /** Takes a place for one message of the tab; false when it has too many unanswered. `done` gives it back. */
  enter(tabId: number): boolean;
  done(tabId: number): void;
  /** The tab closed. */
  forget(tabId: number): Promise<void>;
}

export function createContentGate(store: LedgerStore | null): ContentGate {
  const inFlight = new Map<number, number>();
  // One read per worker start, shared: messages are handled in the order they came.
  let tabs: Promise<Map<number, Set<string>>> | null = null;
  const loaded = () =>
    (tabs ??= (store ? store.load().catch(() => undefined) : Promise.resolve(undefined)).then(
      (stored) => new Map(Object.entries(stored ?? {}).map(([id, keys]) => [Number(id), new Set(Array.isArray(keys) ? keys : [])])),
    ));

  // Written after each change, one write at a time: changes made while one is under way go in the
  // next (a listing's groups arrive together, and each would otherwise write every tab's keys).
  // A failed write only means a stopped worker forgets (pages then re-ask).
  let writing = false;
  let changed = false;
  function persist(current: Map<number, Set<string>>) {
    if (!store) return;
    changed = true;
    if (writing) return;
    writing = true;
    void (async () => {
      while (changed) {
        changed = false;
        await store.save(Object.fromEntries([...current].map(([id, keys]) => [String(id), [...keys]]))).catch(() => undefined);
      }
      writing = false;
    })();
  }

  return {
    async show(tabId, keys) {
      const current = await loaded();
      const own = current.get(tabId) ?? new Set<string>();
      // Most recently active last, so the first is the one to forget.
      current.delete(tabId);
      current.set(tabId, own);
      for (const key of keys) {
        own.delete(key);
        own.add(key);
      }
      for (const key of own) {
        if (own.size <= MAX_TAB_KEYS) break;
        own.delete(key);
      }
      for (const id of current.keys()) {
        if (current.size <= MAX_TABS) break;
        current.delete(id);
      }
      persist(current);
    },
    async owns(tabId, keys) {
      const own = (await loaded()).get(tabId);
      return own !== undefined && keys.every((key) => own.has(key));
    },
    enter(tabId) {
      const count = inFlight.get(tabId) ?? 0;
      if (count >= MAX_IN_FLIGHT_PER_TAB) return false;
      inFlight.set(tabId, count + 1);
      return true;
    },
    done(tabId) {
      const count = (inFlight.get(tabId) ?? 1) - 1;
      if (count <= 0) inFlight.delete(tabId);
      else inFlight.set(tabId, count);
    },
    async forget(tabId) {
      const current = await loaded();
      if (current.delete(tabId)) persist(current);
    },
  };
}
