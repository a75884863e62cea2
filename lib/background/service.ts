// What the background can do. The only code that touches both the store and the sources:
// fresh records come from IndexedDB with no request, the rest in as few requests as the APIs allow,
// and identical requests in flight are shared.

import { arxivIdOfKey, type Author, type AuthorCardData, type OpenAlexView, type Paper, type PaperKey, type PaperWithAuthors, type SourceName } from '../core/model';
import { CACHE_STORES, DEFAULT_PREFS, DEFAULT_SETTINGS, type Database, type OpenAlexRecord, type PaperRecord, type Prefs, type PublicationsRecord, type RelatedRecord, type Settings } from './store/db';
import { matchOpenAlexAuthor, rankCandidates, resolveFromPapers, tallyByName, type Candidate, type Resolution } from '../core/identity';
import { CAPS, isFresh, TTL, USE_MARK_INTERVAL } from './store/cache';
import { isPaperRecord, writing } from './store/records';
import { createSavedService, type SavedService } from './saved/service';
import { createCompareService, MAX_COMPARE, type CompareService } from './compare/service';
import { createFollowService, type FollowService } from './follow/service';
import { BACKUP_FORMAT, readBackup, type Backup } from '../core/backup';
import { mergeSaved } from '../core/saved/importer';
import type { FetchLike } from './sources/http';
import { fetchAuthor, fetchAuthorCitationList, fetchAuthorPapers, fetchPapersByKey, fetchRecommendations, fetchTopCiting, PAPER_BATCH_LIMIT, searchAuthorsWithTitles, type S2Options } from './sources/semanticScholar';
import { titleKey } from '../core/sites/links';
import { fetchArxivEntries, fetchLatestVersions } from './sources/arxiv';
import { ARXIV_POLICY, createHostGate, OPENALEX_POLICY, S2_POLICY, type HostGate } from './sources/hostGate';
import { fetchOpenAlexAuthor, fetchOpenAlexAuthors, fetchOpenAlexAuthorWorks, fetchWorksByKey, isOpenAlexAuthorId, WORKS_FILTER_LIMIT, type OpenAlexOptions } from './sources/openAlex';
import { arxivPaper, openAlexAuthorRecord, openAlexPaper } from './sources/normalise';

/** How long the background waits for more paper requests before sending a batch. */
export const BATCH_WINDOW_MS = 20;

/**
 * A fallback source answers for at most this many papers a batch (one OpenAlex works request), so a
 * long listing of papers too new for the primary source costs one request, not one per fifty.
 */
export const FALLBACK_MAX = 100;
/** arXiv is asked only for a few papers (a page's or a popup's paper), never for a listing: the listing already shows what arXiv would say. */
export const ARXIV_FALLBACK_MAX = 20;

/** How long a card waits for OpenAlex's numbers before it is shown without them (they are cached when they come). */
export const OPENALEX_WAIT_MS = 2500;

interface Deferred<T> {
  promise: Promise<T>;
  resolve: (value: T) => void;
  reject: (error: unknown) => void;
}

function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  promise.catch(() => undefined); // Callers handle the failure; this copy must not be reported as unhandled.
  return { promise, resolve, reject };
}

/** Pins that correct an author on papers are stored as `author:<the source's author id>`. */
export const AUTHOR_PIN = 'author:';

export interface ServiceDeps {
  db: () => Promise<Database>;
  fetch: FetchLike;
  now?: () => number;
  /** Cache sizes (tests set small ones). */
  caps?: { papers: number; authors: number; publications: number };
  /** One gate per API host (spacing, circuit); by default the hosts' real policies. */
  gates?: { s2?: HostGate; arxiv?: HostGate; openAlex?: HostGate };
  /** How long a card waits for OpenAlex (tests set short ones). */
  openAlexWaitMs?: number;
  /** Waits between retries (tests replace it). */
  sleep?: (ms: number) => Promise<void>;
}

export interface Service {
  /**
   * Papers by key (arXiv id without version, or `doi:`) with their authors; null for unknown
   * papers. Stale records are answered at once and refreshed; `onRefreshed` gets the new ones.
   */
  papers(keys: readonly PaperKey[], onRefreshed?: (fresh: Record<PaperKey, PaperWithAuthors | null>) => void): Promise<Record<PaperKey, PaperWithAuthors | null>>;
  authorCard(authorId: string): Promise<AuthorCardData>;
  settings(): Promise<Settings>;
  saveSettings(settings: Partial<Settings>): Promise<Settings>;
  /** How many records the cache holds, per store. */
  cacheInfo(): Promise<CacheInfo>;
  /** Empties the cached copies of source data (never the reader's settings). */
  clearCache(): Promise<CacheInfo>;
  resolveProfile(profile: ProfileQuery): Promise<Resolution>;
  /** Candidates for a profile by name search, those who wrote the page's papers first. */
  profileCandidates(profile: ProfileQuery): Promise<Candidate[]>;
  /** Pins (or with null, unpins) who a profile is. */
  pinProfile(profile: string, authorId: string | null): Promise<void>;
  prefs(): Promise<Prefs>;
  savePrefs(prefs: Prefs): Promise<Prefs>;
  /** The reader's saved papers. */
  saved: SavedService;
  /** The authors the reader compares, and their numbers. */
  compare: CompareService;
  /** The authors the reader follows, and their papers seen on pages. */
  follows: FollowService;
  /** Papers recommended for a paper and the most cited of those citing it. */
  related(key: PaperKey): Promise<RelatedRecord>;
  /** Everything of the reader's, as one file's data (no API key). */
  exportAll(): Promise<Backup>;
  /** Applies a data export in one transaction, merged with what is here; nothing on any error. */
  importAll(content: string): Promise<ImportSummary>;
}

export interface ImportSummary {
  saved: { added: number; merged: number };
  compare: number;
  follows: number;
  pins: number;
}

export interface ProfileQuery {
  /** `<site>:<profile key>`. */
  profile: string;
  name: string | null;
  s2AuthorId: string | null;
  /** The page's papers (arXiv ids and `doi:` keys): evidence for who the person is. */
  paperKeys: PaperKey[];
  /** Paper titles on the page, where it gives no ids (Google Scholar). */
  titles: string[];
}

export type CacheInfo = Record<(typeof CACHE_STORES)[number], number>;

export function createService(deps: ServiceDeps): Service {
  const now = deps.now ?? Date.now;
  const inflight = new Map<string, Promise<unknown>>();
  const s2Gate = deps.gates?.s2 ?? createHostGate(S2_POLICY);
  const arxivGate = deps.gates?.arxiv ?? createHostGate(ARXIV_POLICY);
  const openAlexGate = deps.gates?.openAlex ?? createHostGate(OPENALEX_POLICY);

  // Read on every request: kept in memory until changed (a restarted worker reads them again).
  let settingsCache: Promise<Settings> | null = null;
  function settings(): Promise<Settings> {
    settingsCache ??= deps.db().then(async (db) => {
      const stored = await db.get('settings', 'settings');
      // Records written before a setting existed get its default.
      return { ...DEFAULT_SETTINGS, ...stored, sites: { ...DEFAULT_SETTINGS.sites, ...stored?.sites } };
    });
    settingsCache.catch(() => (settingsCache = null));
    return settingsCache;
  }

  /** How long records stay fresh: the reader's cache lifetime (papers unknown to the source: at most a day). */
  async function lifetimes() {
    const days = (await settings()).cacheDays;
    const ms = days * 24 * 60 * 60 * 1000;
    return { paper: ms, missingPaper: Math.min(ms, TTL.missingPaper), author: ms, publications: ms };
  }

  async function s2Options(): Promise<S2Options> {
    const { s2ApiKey } = await settings();
    return { fetch: deps.fetch, apiKey: s2ApiKey || undefined, gate: s2Gate, sleep: deps.sleep };
  }

  async function openAlexOptions(): Promise<OpenAlexOptions> {
    const { openAlexEmail, openAlexApiKey } = await settings();
    return { fetch: deps.fetch, email: openAlexEmail || undefined, apiKey: openAlexApiKey || undefined, gate: openAlexGate, sleep: deps.sleep };
  }

  /** Runs `task` once for `key` while it is in flight; later callers share its result. */
  function shared<T>(key: string, task: () => Promise<T>): Promise<T> {
    const running = inflight.get(key) as Promise<T> | undefined;
    if (running) return running;
    const started = task().finally(() => inflight.delete(key));
    inflight.set(key, started);
    return started;
  }

  /** Who answered for a record: Semantic Scholar's records carry no source (they predate the others). */
  const sourceOf = (record: PaperRecord): SourceName | 'arxiv' => record.source ?? 'semanticscholar';

  // Unknown papers, and papers the primary source did not have, are asked for again within a day.
  function paperRecordFresh(record: PaperRecord | undefined, at: number, ttl: { paper: number; missingPaper: number }, primary: SourceName): record is PaperRecord {
    if (!record) return false;
    const full = record.paper !== null && sourceOf(record) === primary;
    return isFresh(record.fetchedAt, full ? ttl.paper : ttl.missingPaper, at);
  }

  // Papers asked for within a short window (several tabs, several groups of one page) share one
  // queue; each flush sends batches of up to PAPER_BATCH_LIMIT. A key already on its way is not
  // asked for again. Callers get the records written, so they answer from memory.
  const paperWaits = new Map<PaperKey, Promise<PaperRecord>>();
  let queue = new Map<PaperKey, Deferred<PaperRecord>>();
  let flushTimer: ReturnType<typeof setTimeout> | null = null;

  function fetchPapers(db: Database, keys: PaperKey[]): Promise<Map<PaperKey, PaperRecord>> {
    const waits = keys.map(async (key) => {
      let wait = paperWaits.get(key);
      if (!wait) {
        const pending = deferred<PaperRecord>();
        queue.set(key, pending);
        wait = pending.promise;
        paperWaits.set(key, wait);
      }
      return [key, await wait] as const;
    });
    flushTimer ??= setTimeout(() => void flush(db), BATCH_WINDOW_MS);
    return Promise.all(waits).then((entries) => new Map(entries));
  }

  async function flush(db: Database) {
    flushTimer = null;
    const batch = queue;
    queue = new Map();
    const keys = [...batch.keys()];
    const chunks: PaperKey[][] = [];
    for (let start = 0; start < keys.length; start += PAPER_BATCH_LIMIT) chunks.push(keys.slice(start, start + PAPER_BATCH_LIMIT));
    await Promise.all(
      chunks.map(async (chunk) => {
        try {
          const records = await fetchAndStore(db, chunk);
          for (const key of chunk) {
            const record = records.get(key)!;
            if (record instanceof Error) batch.get(key)!.reject(record);
            else batch.get(key)!.resolve(record);
          }
        } catch (error) {
          for (const key of chunk) batch.get(key)!.reject(error);
        } finally {
          for (const key of chunk) paperWaits.delete(key);
        }
      }),
    );
  }

  type SourceAnswers = Map<PaperKey, { paper: Paper; authors: Author[]; source: SourceName | 'arxiv' }>;

  async function fromS2(keys: PaperKey[]): Promise<SourceAnswers> {
    const answers = await fetchPapersByKey(keys, await s2Options(), now);
    const found: SourceAnswers = new Map();
    for (const [key, answer] of answers) if (answer) found.set(key, { ...answer, source: 'semanticscholar' });
    return found;
  }

  // List requests: the works by DOI (100 a request), then their authors' numbers (100 a request).
  async function fromOpenAlex(keys: PaperKey[]): Promise<SourceAnswers> {
    const options = await openAlexOptions();
    const works = await fetchWorksByKey(keys, options);
    const ids = [...works.values()].flatMap((work) => work.authorships.map((authorship) => authorship.authorId)).filter((id): id is string => id !== null);
    const authors = ids.length > 0 ? await fetchOpenAlexAuthors(ids, options) : new Map();
    const fetchedAt = now();
    const found: SourceAnswers = new Map();
    for (const [key, work] of works) {
      const listed = work.authorships.map((authorship) => (authorship.authorId ? authors.get(authorship.authorId) : undefined)).filter((author) => author !== undefined);
      found.set(key, { paper: openAlexPaper(work), authors: listed.map((author) => openAlexAuthorRecord(author, fetchedAt)), source: 'openalex' });
    }
    return found;
  }

  // Papers too new for both: the title, abstract and names arXiv gives, with no one's numbers.
  async function fromArxiv(keys: PaperKey[]): Promise<SourceAnswers> {
    const ids = keys.map(arxivIdOfKey).filter((id): id is string => id !== null);
    const found: SourceAnswers = new Map();
    if (ids.length === 0) return found;
    for (const [id, entry] of await fetchArxivEntries(ids, { fetch: deps.fetch, gate: arxivGate, sleep: deps.sleep })) found.set(id, { paper: arxivPaper(entry), authors: [], source: 'arxiv' });
    return found;
  }

  /**
   * Asks the reader's primary source, then the other for what it lacked or when it failed, then
   * arXiv for ids neither knows. A key no source knew gets the primary's failure, if it failed, and
   * is stored as unknown if it answered. What a fallback says is stored only when the
   * primary source answered (else it serves this request alone, so the primary is asked again next
   * time), and never replaces a cached record of the primary source.
   */
  async function fetchAndStore(db: Database, keys: PaperKey[]): Promise<Map<PaperKey, PaperRecord | Error>> {
    const { primarySource } = await settings();
    const order = primarySource === 'openalex' ? [fromOpenAlex, fromS2, fromArxiv] : [fromS2, fromOpenAlex, fromArxiv];
    const found: SourceAnswers = new Map();
    let firstFailure: Error | null = null; // the primary's
    let primaryFailed = false;
    for (const [index, source] of order.entries()) {
      const lacking = keys.filter((key) => !found.has(key));
      if (lacking.length === 0) break;
      if (source === fromArxiv && lacking.length > ARXIV_FALLBACK_MAX) break;
      try {
        for (const [key, answer] of await source(index === 0 ? lacking : lacking.slice(0, FALLBACK_MAX))) found.set(key, answer);
      } catch (error) {
        // A fallback's failure leaves the primary's answer ("unknown") standing.
        if (index === 0) {
          primaryFailed = true;
          firstFailure = error instanceof Error ? error : new Error(String(error));
        }
      }
    }
    const fetchedAt = now();
    const records = new Map<PaperKey, PaperRecord | Error>();
    const tx = db.transaction(['papers', 'authors'], 'readwrite');
    const papersStore = tx.objectStore('papers');
    const authorsStore = tx.objectStore('authors');
    const authors = new Map<string, Author>();
    for (const key of keys) {
      const answer = found.get(key);
      if (!answer && firstFailure) {
        records.set(key, firstFailure);
        continue;
      }
      const record: PaperRecord = { key, paper: answer?.paper ?? null, authors: answer?.authors ?? [], fetchedAt, usedAt: fetchedAt };
      if (answer && answer.source !== 'semanticscholar') record.source = answer.source;
      if (answer && answer.source !== primarySource) {
        const existing = await papersStore.get(key);
        if (isPaperRecord(existing, key) && existing.paper && sourceOf(existing) === primarySource) {
          records.set(key, existing);
          continue;
        }
        if (primaryFailed) {
          records.set(key, record);
          continue;
        }
      }
      records.set(key, record);
      void papersStore.put(record);
      for (const author of record.authors) authors.set(author.authorId, author);
    }
    for (const author of authors.values()) void authorsStore.put(author);
    await tx.done;
    void evictOverCap(db).catch(() => undefined);
    return records;
  }

  // Past a store's cap the least recently used records go (papers, publication lists) or, for
  // authors, the longest unrefreshed. Pins, settings and preferences live elsewhere: never touched.
  async function evictOverCap(db: Database) {
    const caps = deps.caps ?? CAPS;
    const trim = async (store: 'papers' | 'publications' | 'authors' | 'citationLists' | 'related' | 'openalex', index: 'usedAt' | 'fetchedAt', cap: number) => {
      const excess = (await db.count(store)) - cap;
      if (excess <= 0) return;
      // Down to 90% of the cap, so eviction does not run on every write.
      let toDrop = excess + Math.floor(cap / 10);
      const tx = db.transaction(store, 'readwrite');
      // Oldest first along the index.
      let cursor = await tx.store.index(index as never).openCursor();
      for (; cursor && toDrop > 0; toDrop--) {
        await cursor.delete();
        cursor = await cursor.continue();
      }
      await tx.done;
    };
    await trim('papers', 'usedAt', caps.papers);
    await trim('publications', 'usedAt', caps.publications);
    await trim('authors', 'fetchedAt', caps.authors);
    await trim('citationLists', 'usedAt', caps.publications);
    await trim('related', 'usedAt', caps.publications);
    await trim('openalex', 'usedAt', caps.publications);
  }

  // Marks records as shown, at most once an hour each, in one write.
  function markUsed(db: Database, records: Iterable<PaperRecord>) {
    const at = now();
    const due = [...records].filter((record) => at - (record.usedAt ?? 0) > USE_MARK_INTERVAL);
    if (due.length === 0) return;
    const tx = db.transaction('papers', 'readwrite');
    for (const record of due) void tx.store.put({ ...record, usedAt: at });
    tx.done.catch(() => undefined);
  }

  async function readPapers(db: Database, ids: string[]): Promise<Map<string, PaperRecord>> {
    const tx = db.transaction('papers');
    const records = new Map<string, PaperRecord>();
    await Promise.all(
      ids.map(async (id) => {
        const record: unknown = await tx.store.get(id);
        // A damaged record counts as missing: it is fetched again and overwritten.
        if (isPaperRecord(record, id)) records.set(id, record);
      }),
    );
    await tx.done;
    return records;
  }

  /**
   * Fresh records come from the store with no request; missing ones are fetched. Stale ones are
   * answered at once from the store and refreshed in the background; `onRefreshed` receives the
   * new versions, so what is on screen can be updated.
   */
  async function papers(
    keys: readonly PaperKey[],
    onRefreshed?: (fresh: Record<PaperKey, PaperWithAuthors | null>) => void,
  ): Promise<Record<PaperKey, PaperWithAuthors | null>> {
    const ids = [...new Set(keys)];
    const db = await deps.db();
    const records = await readPapers(db, ids);
    markUsed(db, records.values());
    const at = now();
    const missing = ids.filter((id) => !records.has(id));
    const ttl = await lifetimes();
    const { primarySource } = await settings();
    const stale = ids.filter((id) => records.has(id) && !paperRecordFresh(records.get(id), at, ttl, primarySource));
    if (missing.length > 0) {
      for (const [id, record] of await fetchPapers(db, missing)) records.set(id, record);
    }
    if (stale.length > 0) {
      // Stale data now, fresh data when it comes; a failed refresh keeps the stale records.
      fetchPapers(db, stale).then(
        async (fresh) => onRefreshed?.(await present(db, stale, fresh)),
        () => undefined,
      );
    }
    return present(db, ids, records);
  }

  async function present(db: Database, ids: readonly PaperKey[], records: Map<PaperKey, PaperRecord>): Promise<Record<PaperKey, PaperWithAuthors | null>> {
    const result: Record<PaperKey, PaperWithAuthors | null> = {};
    const replace = await authorPins(db);
    for (const id of ids) {
      const record = records.get(id);
      if (!record?.paper) {
        result[id] = null;
        continue;
      }
      const authors = replace.size > 0 ? await Promise.all(record.authors.map((author) => pinned(db, author, replace))) : record.authors;
      result[id] = { paper: record.paper, authors, fetchedAt: record.fetchedAt, ...(record.source ? { source: record.source } : {}) };
    }
    return result;
  }

  /** The reader's corrections: source author id -> the author to show instead. */
  async function authorPins(db: Database): Promise<Map<string, string>> {
    const pins = await db.getAll('pins');
    return new Map(pins.filter((pin) => pin.profile.startsWith(AUTHOR_PIN)).map((pin) => [pin.profile.slice(AUTHOR_PIN.length), pin.authorId]));
  }

  async function pinned(db: Database, author: Author, replace: Map<string, string>): Promise<Author> {
    const instead = replace.get(author.authorId);
    if (!instead) return author;
    try {
      return { ...(await authorRecord(db, instead)), pinnedFrom: author.authorId };
    } catch {
      return author; // The pinned record cannot be had now; the source's is better than nothing.
    }
  }

  async function withVersions(list: Paper[]): Promise<Paper[]> {
    const arxivIds = list.map((paper) => paper.arxivId).filter((id): id is string => id !== null);
    if (arxivIds.length === 0) return list;
    try {
      const versions = await fetchLatestVersions(arxivIds, { fetch: deps.fetch, gate: arxivGate, sleep: deps.sleep });
      return list.map((paper) => (paper.arxivId ? { ...paper, version: versions.get(paper.arxivId) ?? null } : paper));
    } catch {
      return list; // Versions are a nicety; the card is complete without them.
    }
  }

  /**
   * A cached record while it is fresh; else fetched once (callers in flight share the request) and
   * stored by `fetch`. When the fetch fails, the cached record, however old, is better than nothing.
   */
  async function readThrough<T extends { fetchedAt: number; usedAt?: number }>(cached: T | undefined, ttl: number, key: string, fetch: () => Promise<T>, usage?: UsageMark): Promise<T> {
    if (cached && isFresh(cached.fetchedAt, ttl, now())) return used(cached, usage);
    try {
      return await shared(key, fetch);
    } catch (error) {
      if (cached) return used(cached, usage);
      throw error;
    }
  }

  // Cached lists are evicted least recently used first, so reading one marks it (at most hourly, not awaited).
  type UsageMark = { db: Database; store: 'publications' | 'citationLists' | 'related' | 'openalex' };
  function used<T extends { usedAt?: number }>(record: T, usage: UsageMark | undefined): T {
    const at = now();
    if (usage && at - (record.usedAt ?? 0) > USE_MARK_INTERVAL) void usage.db.put(usage.store, { ...record, usedAt: at } as never).catch(() => undefined);
    return record;
  }

  // Author ids are Semantic Scholar's (digits) or, for authors only OpenAlex listed, OpenAlex's (`A…`).
  async function authorRecord(db: Database, authorId: string): Promise<Author> {
    return readThrough(await db.get('authors', authorId), (await lifetimes()).author, `author:${authorId}`, async () => {
      const author = isOpenAlexAuthorId(authorId)
        ? openAlexAuthorRecord(await fetchOpenAlexAuthor(authorId, await openAlexOptions()), now())
        : await fetchAuthor(authorId, await s2Options(), now);
      await db.put('authors', author);
      return author;
    });
  }

  async function authorPapers(authorId: string): Promise<Paper[]> {
    if (!isOpenAlexAuthorId(authorId)) return fetchAuthorPapers(authorId, await s2Options());
    return (await fetchOpenAlexAuthorWorks(authorId, await openAlexOptions())).map(openAlexPaper);
  }

  /** `onList` gets a freshly fetched list before the arXiv versions are added (what needs no versions can start). */
  async function publicationsRecord(db: Database, authorId: string, onList?: (list: Paper[]) => void): Promise<PublicationsRecord> {
    return readThrough(await db.get('publications', authorId), (await lifetimes()).publications, `publications:${authorId}`, async () => {
      const fetched = await authorPapers(authorId);
      onList?.(fetched);
      const list = await withVersions(fetched);
      const record: PublicationsRecord = { authorId, papers: list, fetchedAt: now(), usedAt: now() };
      await db.put('publications', record);
      return record;
    }, { db, store: 'publications' });
  }

  /**
   * OpenAlex's view of an author: for an OpenAlex id, its own record; for a Semantic Scholar id, the
   * OpenAlex author that the works of their most cited arXiv papers agree on (two requests, cached).
   */
  async function openAlexRecord(db: Database, author: Author, papers: readonly Paper[]): Promise<OpenAlexRecord> {
    const authorId = author.authorId;
    return readThrough(await db.get('openalex', authorId), (await lifetimes()).author, `openalex:${authorId}`, async () => {
      // A second opinion: one retry, so a failing OpenAlex is reported within the card's wait.
      const options = { ...(await openAlexOptions()), retries: 1 };
      let record: Omit<OpenAlexRecord, 'fetchedAt' | 'usedAt'>;
      if (isOpenAlexAuthorId(authorId)) {
        record = { authorId, openAlexId: authorId, author: await fetchOpenAlexAuthor(authorId, options), evidence: { agreeing: 1, looked: 1 } };
      } else {
        const keys = [...papers]
          .filter((paper) => paper.arxivId !== null)
          .sort((a, b) => (b.citationCount ?? 0) - (a.citationCount ?? 0))
          .slice(0, WORKS_FILTER_LIMIT)
          .map((paper) => paper.arxivId as string);
        const works = keys.length > 0 ? [...(await fetchWorksByKey(keys, options)).values()] : [];
        const match = matchOpenAlexAuthor(author.name, works);
        record = match
          ? { authorId, openAlexId: match.openAlexId, author: await fetchOpenAlexAuthor(match.openAlexId, options), evidence: { agreeing: match.agreeing, looked: works.length } }
          : { authorId, openAlexId: null, author: null, evidence: { agreeing: 0, looked: works.length } };
      }
      const stored: OpenAlexRecord = { ...record, fetchedAt: now(), usedAt: now() };
      await db.put('openalex', stored);
      void evictOverCap(db).catch(() => undefined);
      return stored;
    }, { db, store: 'openalex' });
  }

  function openAlexView(record: OpenAlexRecord): OpenAlexView {
    return record.author
      ? { status: 'matched', author: record.author, agreeing: record.evidence.agreeing, looked: record.evidence.looked, fetchedAt: record.fetchedAt }
      : { status: 'unmatched', looked: record.evidence.looked, fetchedAt: record.fetchedAt };
  }

  /** OpenAlex's view, waited for at most `OPENALEX_WAIT_MS` (the fetch goes on and is cached). */
  async function openAlexFor(db: Database, author: Author, papers: readonly Paper[], waitMs = deps.openAlexWaitMs ?? OPENALEX_WAIT_MS): Promise<OpenAlexView> {
    const message = (error: unknown) => `OpenAlex: ${error instanceof Error ? error.message : String(error)}`;
    const view = openAlexRecord(db, author, papers).then(openAlexView, (error: unknown): OpenAlexView => ({ status: 'unavailable', message: message(error) }));
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<OpenAlexView>((resolve) => {
      timer = setTimeout(() => resolve({ status: 'unavailable', message: 'OpenAlex is slow to answer; its numbers will be here next time' }), waitMs);
    });
    try {
      return await Promise.race([view, late]);
    } finally {
      clearTimeout(timer);
    }
  }

  async function authorCard(authorId: string): Promise<AuthorCardData> {
    const db = await deps.db();
    const pendingAuthor = authorRecord(db, authorId);
    // OpenAlex needs the list, not its versions: it starts while the arXiv API is asked.
    let early: Promise<OpenAlexView> | null = null;
    const [author, publications] = await Promise.all([
      pendingAuthor,
      publicationsRecord(db, authorId, (list) => (early = pendingAuthor.then((known) => openAlexFor(db, known, list)))),
    ]);
    const openAlex = await (early ?? openAlexFor(db, author, publications.papers));
    const { primarySource } = await settings();
    return { author, publications: publications.papers, fetchedAt: Math.min(author.fetchedAt, publications.fetchedAt), openAlex, primary: primarySource };
  }

  // Merged into what is stored: a page changes only the settings it shows.
  async function saveSettings(changes: Partial<Settings>): Promise<Settings> {
    const db = await deps.db();
    const previous = await settings();
    const next = { ...previous, ...changes };
    await db.put('settings', next, 'settings');
    settingsCache = Promise.resolve(next);
    // Pages show the new primary source's authors at once, not after the cached papers expire.
    if (next.primarySource !== previous.primarySource) await db.clear('papers');
    return next;
  }

  async function cacheInfo(): Promise<CacheInfo> {
    const db = await deps.db();
    const counts = await Promise.all(CACHE_STORES.map((store) => db.count(store)));
    return Object.fromEntries(CACHE_STORES.map((store, index) => [store, counts[index] ?? 0])) as CacheInfo;
  }

  async function clearCache(): Promise<CacheInfo> {
    const db = await deps.db();
    const tx = db.transaction([...CACHE_STORES], 'readwrite');
    await Promise.all([...CACHE_STORES.map((store) => tx.objectStore(store).clear()), tx.done]);
    return cacheInfo();
  }

  async function pagePapers(query: ProfileQuery) {
    if (!query.name || query.paperKeys.length === 0) return { tally: new Map<string, { author: Author; count: number }>(), count: 0 };
    const answers = Object.values(await papers(query.paperKeys));
    return { tally: tallyByName(query.name, answers), count: answers.filter(Boolean).length };
  }

  async function resolveProfile(query: ProfileQuery): Promise<Resolution> {
    const db = await deps.db();
    const pin = await db.get('pins', query.profile);
    if (pin) return { status: 'resolved', via: 'pin', evidence: 0, author: await authorRecord(db, pin.authorId) };
    if (query.s2AuthorId) return { status: 'resolved', via: 'page-id', evidence: 0, author: await authorRecord(db, query.s2AuthorId) };
    const { tally, count } = await pagePapers(query);
    const agreed = resolveFromPapers(tally, count);
    if (agreed) return { status: 'resolved', via: 'papers', evidence: agreed.count, author: agreed.author };
    const candidates = await profileCandidatesFrom(query, tally);
    const byTitles = clearLeader(candidates);
    if (byTitles) return { status: 'resolved', via: 'papers', evidence: byTitles.overlap, author: byTitles.author };
    return candidates.length > 0 ? { status: 'candidates', candidates } : { status: 'unknown' };
  }

  // Where only titles are evidence: one candidate wrote at least two of them and more than twice
  // as many as anyone else.
  function clearLeader(candidates: Candidate[]): Candidate | null {
    const [first, second] = candidates;
    if (!first || first.overlap < 2) return null;
    return !second || first.overlap > 2 * second.overlap ? first : null;
  }

  async function profileCandidatesFrom(query: ProfileQuery, tally: Map<string, { count: number }>): Promise<Candidate[]> {
    if (!query.name) return [];
    const name = query.name;
    const withTitles = query.titles.length > 0;
    const found = await shared(`search:${withTitles ? 'titles:' : ''}${name}`, async () =>
      searchAuthorsWithTitles(name, await s2Options(), withTitles, now),
    );
    const pageTitles = new Set(query.titles.map(titleKey));
    const overlapTally = new Map<string, { count: number }>(tally);
    for (const { author, titles } of found) {
      const shared = titles.filter((title) => pageTitles.has(titleKey(title))).length;
      overlapTally.set(author.authorId, { count: Math.max(shared, tally.get(author.authorId)?.count ?? 0) });
    }
    return rankCandidates(found.map((entry) => entry.author), overlapTally);
  }

  async function profileCandidates(query: ProfileQuery): Promise<Candidate[]> {
    return profileCandidatesFrom(query, (await pagePapers(query)).tally);
  }

  async function pinProfile(profile: string, authorId: string | null): Promise<void> {
    const db = await deps.db();
    if (authorId === null) await db.delete('pins', profile);
    else await db.put('pins', { profile, authorId, pinnedAt: now() });
  }

  async function prefs(): Promise<Prefs> {
    const db = await deps.db();
    return { ...DEFAULT_PREFS, ...(await db.get('prefs', 'prefs')) };
  }

  // Merged into what is stored: each page sets only the preferences it knows of.
  async function savePrefs(next: Prefs): Promise<Prefs> {
    const db = await deps.db();
    const tx = db.transaction('prefs', 'readwrite');
    const merged = { ...DEFAULT_PREFS, ...(await tx.store.get('prefs')), ...next };
    await tx.store.put(merged, 'prefs');
    await tx.done;
    return merged;
  }

  // Saving snapshots what the cache knows of a paper, without asking the network.
  const saved = createSavedService(
    deps.db,
    async (key) => {
      const record = await (await deps.db()).get('papers', key);
      return record?.paper ? { paper: record.paper, authors: record.authors, fetchedAt: record.fetchedAt } : null;
    },
    now,
  );

  // A paper list is cached like a publication list: fresh for a week, the cached one kept when a refresh fails.
  async function citationList(authorId: string) {
    const db = await deps.db();
    return readThrough(await db.get('citationLists', authorId), (await lifetimes()).publications, `citations:${authorId}`, async () => {
      const { papers, complete } = isOpenAlexAuthorId(authorId) ? await openAlexCitationList(authorId) : await fetchAuthorCitationList(authorId, await s2Options());
      const record = { authorId, papers, complete, fetchedAt: now(), usedAt: now() };
      await db.put('citationLists', record);
      void evictOverCap(db).catch(() => undefined);
      return record;
    }, { db, store: 'citationLists' });
  }

  // An author only OpenAlex knows: their works, one page of the most cited (OpenAlex's h-index and i10 cover the rest).
  async function openAlexCitationList(authorId: string) {
    const works = await fetchOpenAlexAuthorWorks(authorId, await openAlexOptions(), 200, 'cited_by_count:desc');
    const author = await authorRecord(await deps.db(), authorId);
    return { papers: works.map((work) => ({ year: work.year, citations: work.citationCount ?? 0 })), complete: author.paperCount !== null && works.length >= author.paperCount };
  }

  const compare = createCompareService(
    deps.db,
    {
      author: async (authorId) => authorRecord(await deps.db(), authorId),
      citationList,
      openAlex: async (author) => {
        const db = await deps.db();
        return openAlexFor(db, author, (await publicationsRecord(db, author.authorId)).papers, 4 * (deps.openAlexWaitMs ?? OPENALEX_WAIT_MS));
      },
    },
    now,
  );

  // Two requests (recommendations, citations), cached like publication lists; either may fail alone.
  async function related(key: PaperKey): Promise<RelatedRecord> {
    const db = await deps.db();
    const cached = await db.get('related', key);
    return readThrough(cached, (await lifetimes()).publications, `related:${key}`, async () => {
      const options = await s2Options();
      const [recommended, citing] = await Promise.allSettled([fetchRecommendations(key, options), fetchTopCiting(key, options)]);
      if (recommended.status === 'rejected' && citing.status === 'rejected') throw recommended.reason;
      const record: RelatedRecord = {
        key,
        recommended: recommended.status === 'fulfilled' ? recommended.value : (cached?.recommended ?? []),
        citing: citing.status === 'fulfilled' ? citing.value : (cached?.citing ?? []),
        fetchedAt: now(),
        usedAt: now(),
      };
      await db.put('related', record);
      void evictOverCap(db).catch(() => undefined);
      return record;
    }, { db, store: 'related' });
  }

  const follows = createFollowService(deps.db, now);

  async function exportAll(): Promise<Backup> {
    const db = await deps.db();
    const [list, tray, followed, pins, current, preferences] = await Promise.all([saved.list(), compare.list(), follows.list(), db.getAll('pins'), settings(), prefs()]);
    return {
      format: BACKUP_FORMAT,
      version: 1,
      exportedAt: new Date(now()).toISOString(),
      saved: list.papers,
      compare: tray.map(({ authorId, name }) => ({ authorId, name })),
      follows: followed.map(({ authorId, name }) => ({ authorId, name })),
      pins: pins.map(({ profile, authorId }) => ({ profile, authorId })),
      settings: { cacheDays: current.cacheDays, sites: current.sites, theme: current.theme, primarySource: current.primarySource, openAlexEmail: current.openAlexEmail },
      prefs: { panelCollapsed: preferences.panelCollapsed },
    };
  }

  async function importAll(content: string): Promise<ImportSummary> {
    const backup = readBackup(content); // throws with a reason; nothing written yet
    const db = await deps.db();
    const current = await settings();
    const summary = await writing(async () => {
      const tx = db.transaction(['saved', 'compare', 'follows', 'pins', 'settings', 'prefs'], 'readwrite');
      let added = 0;
      let merged = 0;
      for (const paper of backup.saved) {
        const existing = await tx.objectStore('saved').get(paper.key);
        await tx.objectStore('saved').put(existing ? mergeSaved(existing, paper) : paper);
        if (existing) merged++;
        else added++;
      }
      const tray = (await tx.objectStore('compare').getAll()).sort((a, b) => a.position - b.position);
      const inTray = new Set(tray.map((entry) => entry.authorId));
      let position = tray.length;
      for (const author of backup.compare) {
        if (inTray.has(author.authorId) || position >= MAX_COMPARE) continue;
        inTray.add(author.authorId);
        await tx.objectStore('compare').put({ ...author, position: position++, addedAt: now() });
      }
      for (const author of backup.follows) {
        if (!(await tx.objectStore('follows').get(author.authorId))) await tx.objectStore('follows').put({ ...author, followedAt: now() });
      }
      for (const pin of backup.pins) await tx.objectStore('pins').put({ ...pin, pinnedAt: now() });
      // The API key stays the one this browser has.
      await tx.objectStore('settings').put({ ...current, ...backup.settings }, 'settings');
      const storedPrefs = await tx.objectStore('prefs').get('prefs');
      await tx.objectStore('prefs').put({ ...DEFAULT_PREFS, ...storedPrefs, ...backup.prefs }, 'prefs');
      await tx.done;
      return { saved: { added, merged }, compare: position - tray.length, follows: backup.follows.length, pins: backup.pins.length };
    });
    settingsCache = null;
    return summary;
  }

  return { papers, authorCard, settings, saveSettings, cacheInfo, clearCache, resolveProfile, profileCandidates, pinProfile, prefs, savePrefs, saved, compare, follows, related, exportAll, importAll };
}
