// What every background module is built with: the database, the network, the clock, the hosts'
// gates, and a way to share a request already in flight.

import type { AlertHooks } from '../core/alerts';
import type { TabUpdate } from '../core/protocol/tab';
import { ARXIV_POLICY, createHostGate, CROSSREF_POLICY, DBLP_POLICY, OPENALEX_POLICY, S2_POLICY, type HostGate } from './sources/hostGate';
import type { FetchLike } from './sources/http';
import { CAPS } from './store/cache';
import type { Database } from './store/db';

export interface BackgroundDeps {
  db: () => Promise<Database>;
  fetch: FetchLike;
  now?: () => number;
  /** Cache sizes, and the saved list's (tests set small ones). */
  caps?: { papers: number; authors: number; publications: number; saved?: number };
  /** One gate per API host (spacing, circuit); by default the hosts' real policies. */
  gates?: { s2?: HostGate; arxiv?: HostGate; openAlex?: HostGate; dblp?: HostGate; crossref?: HostGate };
  /** Whether the reader granted an optional API host (DBLP, Crossref); all are taken as granted when unset (tests). */
  hostAllowed?: (origin: string) => Promise<boolean>;
  /** How long a card waits for OpenAlex (tests set short ones). */
  openAlexWaitMs?: number;
  /** Waits between retries (tests replace it). */
  sleep?: (ms: number) => Promise<void>;
  /** Tells a tab's content script what changed (refreshed papers); best effort. */
  notifyTab?: (tabId: number, update: TabUpdate) => void;
  /** Told the compare tray's size after every change (the toolbar badge shows it). */
  onTrayChanged?: (size: number) => void;
  /** Papers a self-citation request asks about (tests set 1 to watch the progress). */
  selfCitationBatch?: number;
  /** The scheduled check for new papers: the browser's alarm, online state, badge and notifications (alerts/index.ts). */
  alerts?: AlertHooks;
}

export interface Context {
  db: () => Promise<Database>;
  fetch: FetchLike;
  now: () => number;
  sleep?: (ms: number) => Promise<void>;
  caps: { papers: number; authors: number; publications: number; saved?: number };
  gates: { s2: HostGate; arxiv: HostGate; openAlex: HostGate; dblp: HostGate; crossref: HostGate };
  hostAllowed: (origin: string) => Promise<boolean>;
  openAlexWaitMs?: number;
  /** Runs `task` once for `key` while it is in flight; later callers share its result. */
  shared<T>(key: string, task: () => Promise<T>): Promise<T>;
}

export function createContext(deps: BackgroundDeps): Context {
  const inflight = new Map<string, Promise<unknown>>();
  const now = deps.now ?? Date.now;
  return {
    db: deps.db,
    fetch: deps.fetch,
    now,
    sleep: deps.sleep,
    caps: deps.caps ?? CAPS,
    gates: {
      s2: deps.gates?.s2 ?? createHostGate(S2_POLICY, now, deps.sleep),
      arxiv: deps.gates?.arxiv ?? createHostGate(ARXIV_POLICY, now, deps.sleep),
      openAlex: deps.gates?.openAlex ?? createHostGate(OPENALEX_POLICY, now, deps.sleep),
      dblp: deps.gates?.dblp ?? createHostGate(DBLP_POLICY, now, deps.sleep),
      crossref: deps.gates?.crossref ?? createHostGate(CROSSREF_POLICY, now, deps.sleep),
    },
    hostAllowed: deps.hostAllowed ?? (async () => true),
    openAlexWaitMs: deps.openAlexWaitMs,
    shared<T>(key: string, task: () => Promise<T>): Promise<T> {
      const running = inflight.get(key) as Promise<T> | undefined;
      if (running) return running;
      const started = task().finally(() => inflight.delete(key));
      inflight.set(key, started);
      return started;
    },
  };
}
