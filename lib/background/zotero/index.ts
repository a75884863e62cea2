// Zotero: what the reader's library holds, marked on every page from an index (never a request per
// chip or per page), and papers sent there. The index is built once through the local API and kept
// current with one request, the top-level items' keys and versions: new and changed items are read,
// items gone (deleted, or moved to the trash, which the API leaves out) dropped. That works on every
// Zotero version, including 9.x, whose locally added items keep version 0 until a sync. Zotero 10's
// `Zotero-Server-ID` names the library: another Zotero profile is another library, and its index is
// built again from nothing.

import type { PaperKey } from '../../core/ids';
import type { AuthorCardData } from '../../core/model';
import { keysOfZoteroItem, zoteroItem, ZOTERO_ORIGIN, type PaperForZotero, type ZoteroStatus } from '../../core/zotero';
import type { Context } from '../context';
import type { HandlersFor } from '../router';
import { createZoteroClient, ITEMS_PAGE, ZoteroError } from './client';

/** A page's marks start a refresh of the index at most this often (one local request). */
export const REFRESH_EVERY_MS = 10 * 60 * 1000;

export interface ZoteroDeps {
  /** What ScholarScope knows of a paper, to send: the saved record, else the cached one. */
  paperFor: (key: PaperKey) => Promise<PaperForZotero | null>;
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function createZotero(ctx: Context, deps: ZoteroDeps) {
  const client = createZoteroClient(ctx.fetch);
  // Every paper key in the index, loaded once per worker life.
  let marks: Promise<Set<PaperKey>> | null = null;
  let lastRefresh = 0;
  let lastError: string | null = null;

  const enabled = () => ctx.hostAllowed(ZOTERO_ORIGIN).catch(() => false);

  function loadMarks(): Promise<Set<PaperKey>> {
    marks ??= ctx.db().then(async (db) => new Set((await db.getAll('zoteroItems')).flatMap((item) => item.keys)));
    marks.catch(() => (marks = null));
    return marks;
  }

  /** Brings the index up to date with the library; answers how many items it holds. */
  async function refresh(): Promise<number> {
    lastRefresh = ctx.now();
    const { versions, serverId } = await client.versions();
    const db = await ctx.db();
    const state = await db.get('zoteroState', 'state');
    const otherLibrary = state !== undefined && state.serverId !== serverId;
    const known = new Map(otherLibrary ? [] : (await db.getAll('zoteroItems')).map((item) => [item.itemKey, item.version] as const));
    const wanted = Object.keys(versions).filter((key) => known.get(key) !== versions[key]);
    const gone = [...known.keys()].filter((key) => !(key in versions));
    const read: { itemKey: string; version: number; keys: PaperKey[] }[] = [];
    for (let start = 0; start < wanted.length; start += ITEMS_PAGE) {
      for (const item of await client.items(wanted.slice(start, start + ITEMS_PAGE))) read.push({ itemKey: item.key, version: item.version, keys: keysOfZoteroItem(item.data) });
    }
    const tx = db.transaction(['zoteroItems', 'zoteroState'], 'readwrite');
    if (otherLibrary) await tx.objectStore('zoteroItems').clear();
    for (const key of gone) await tx.objectStore('zoteroItems').delete(key);
    for (const record of read) await tx.objectStore('zoteroItems').put(record);
    await tx.objectStore('zoteroState').put({ serverId, indexedAt: ctx.now() }, 'state');
    await tx.done;
    marks = null;
    return (await db.count('zoteroItems'));
  }

  /** Which of these papers the library holds, from the index; an index older than REFRESH_EVERY_MS is refreshed behind the answer. */
  async function which(keys: readonly PaperKey[]): Promise<PaperKey[]> {
    if (!(await enabled())) return [];
    if (ctx.now() - lastRefresh > REFRESH_EVERY_MS) {
      lastRefresh = ctx.now();
      void ctx.shared('zotero-refresh', refresh).then(() => (lastError = null), (error: unknown) => (lastError = message(error)));
    }
    const held = await loadMarks();
    return keys.filter((key) => held.has(key));
  }

  /** A card with its publications the library holds marked (the card as it was when Zotero is off). */
  async function markCard(card: AuthorCardData): Promise<AuthorCardData> {
    // `which` answers nothing while Zotero is off.
    const held = new Set(await which(card.publications.flatMap((paper) => (paper.arxivId ? [paper.arxivId] : []))));
    return held.size === 0 ? card : { ...card, publications: card.publications.map((paper) => (paper.arxivId && held.has(paper.arxivId) ? { ...paper, inZotero: true } : paper)) };
  }

  async function status(): Promise<ZoteroStatus> {
    const base: ZoteroStatus = { enabled: await enabled(), running: false, version: null, localApi: 'unknown', library: null, collection: null, indexed: null, indexedAt: null, advice: null };
    const db = await ctx.db();
    const state = await db.get('zoteroState', 'state');
    if (state) Object.assign(base, { indexed: await db.count('zoteroItems'), indexedAt: state.indexedAt });
    if (!base.enabled) return { ...base, advice: 'Turn Zotero on to see which papers your library holds and to send papers there.' };
    try {
      base.version = await client.ping();
      base.running = true;
      const selected = await client.selectedCollection();
      Object.assign(base, { library: selected.library, collection: selected.collection });
      base.indexed = await ctx.shared('zotero-refresh', refresh);
      base.indexedAt = ctx.now();
      base.localApi = 'on';
      lastError = null;
    } catch (error) {
      if (error instanceof ZoteroError && error.kind === 'local-api-off') base.localApi = 'off';
      base.advice = message(error);
      if (base.localApi === 'off') base.advice += '. Until then papers can be sent, but which ones Zotero already holds is not known.';
    }
    return { ...base, advice: base.advice ?? lastError };
  }

  /** Sends papers to the collection selected in Zotero, as Zotero's own arXiv translator would save them. */
  async function send(keys: readonly PaperKey[]): Promise<{ sent: number }> {
    if (!(await enabled())) throw new ZoteroError('refused', 'Zotero is off: turn it on in ScholarScope’s settings');
    const papers = (await Promise.all(keys.map(deps.paperFor))).filter((paper): paper is PaperForZotero => paper !== null);
    if (papers.length === 0) throw new ZoteroError('malformed', 'ScholarScope knows nothing of these papers to send');
    const first = papers[0]!;
    await client.saveItems(papers.map(zoteroItem), first.arxivId ? `https://arxiv.org/abs/${first.arxivId}` : first.doi ? `https://doi.org/${first.doi}` : 'https://arxiv.org/');
    // Marked at once; the index learns the new items' keys at its next refresh (soon: it is due now).
    const held = await loadMarks();
    papers.forEach((paper) => held.add(paper.key));
    lastRefresh = 0;
    return { sent: papers.length };
  }

  const handlers: HandlersFor<'zoteroStatus' | 'zoteroWhich' | 'zoteroSend'> = {
    zoteroStatus: () => status(),
    zoteroWhich: ({ keys }) => which(keys),
    zoteroSend: ({ keys }) => send(keys),
  };
  return { status, refresh, which, send, enabled, markCard, handlers };
}
