// The background's single entry point for messages: check who sends, the payload against the
// protocol table and what that sender may ask, dispatch to the handler registered for it, and always
// answer (never throw back into the messaging layer).
//
// Who sends decides what it may do. Extension pages (the popup, options, library and compare pages,
// whose address is under the extension's own origin) may send every message. A content script is
// code in a web page's renderer, which a page may compromise: it may send only the messages the
// protocol marks for content scripts, about the papers its own tab showed (protocol/define.ts).

import { PROTOCOL, parseRequest, type Answer, type MessageName, type Payload, type Reply } from '../core/protocol';
import type { ContentRights } from '../core/protocol/define';
import { isRecord } from '../core/validate';
import type { ContentGate } from './contentGate';

export interface Sender {
  /** The extension id of the sender, as the browser reports it. */
  id?: string;
  /** The address of the sending document: an extension page's own, or the page a content script runs in. */
  url?: string;
  /** The tab of a content script that sent it (an extension page opened in a tab has one too). */
  tab?: { id?: number };
}

export type Handler<K extends MessageName> = (payload: Payload<K>, sender: Sender) => Promise<Answer<K>>;
/** One handler per message of the protocol; the compiler checks each answer against the table. */
export type Handlers = { [K in MessageName]: Handler<K> };
/** The handlers a feature registers. */
export type HandlersFor<K extends MessageName> = Pick<Handlers, K>;

/** This extension: its id and the origin of its pages (`chrome-extension://<id>/`, `moz-extension://<uuid>/`). */
export interface Own {
  id: string;
  origin: string;
}

export type SenderKind = { kind: 'extension' } | { kind: 'content'; tabId: number };

/** An extension page, a content script in a tab, or (null) no one whose messages are taken. */
export function senderKind(sender: Sender, own: Own): SenderKind | null {
  if (sender.id !== own.id) return null;
  // Not `sender.tab`: the popup or the library opened in a tab has one too.
  if (typeof sender.url === 'string' && sender.url.startsWith(own.origin)) return { kind: 'extension' };
  const tabId = sender.tab?.id;
  return typeof tabId === 'number' && tabId >= 0 ? { kind: 'content', tabId } : null;
}

export async function handleMessage(handlers: Handlers, raw: unknown, sender: Sender, own: Own, gate: ContentGate): Promise<Reply<unknown>> {
  const from = senderKind(sender, own);
  if (!from) return { ok: false, error: 'Messages are accepted only from this extension' };
  // Refused by its name before its payload is read.
  const named = isRecord(raw) && typeof raw.type === 'string' && Object.hasOwn(PROTOCOL, raw.type) ? (raw.type as MessageName) : null;
  if (from.kind === 'content' && named && !PROTOCOL[named].content) return { ok: false, error: `${named} is for ScholarScope's own pages, not for a web page` };
  const request = parseRequest(raw);
  if ('error' in request) return { ok: false, error: request.error };
  const { type, ...payload } = request;
  if (from.kind === 'content') {
    const rights = PROTOCOL[type].content as ContentRights<unknown>;
    if (!gate.enter(from.tabId)) return { ok: false, error: 'This page has too many requests waiting; try again in a moment' };
    try {
      const refused = await contentRefusal(rights, payload, from.tabId, gate);
      if (refused) return { ok: false, error: `${type}: ${refused}` };
      return await dispatch(handlers, type, payload, sender);
    } finally {
      gate.done(from.tabId);
    }
  }
  return dispatch(handlers, type, payload, sender);
}

// Why a content script may not send this payload, or null when it may; what it shows becomes its tab's.
async function contentRefusal(rights: ContentRights<unknown>, payload: unknown, tabId: number, gate: ContentGate): Promise<string | null> {
  const named = rights.ownKeys?.(payload);
  if (named) {
    if (rights.maxKeys !== undefined && named.length > rights.maxKeys) return `a page may name at most ${rights.maxKeys} paper${rights.maxKeys === 1 ? '' : 's'} a message`;
    if (!(await gate.owns(tabId, named))) return 'a page may name only papers it shows';
  }
  const shown = rights.shows?.(payload);
  if (shown) await gate.show(tabId, shown);
  return null;
}

async function dispatch(handlers: Handlers, type: MessageName, payload: unknown, sender: Sender): Promise<Reply<unknown>> {
  try {
    const handler = handlers[type] as (payload: unknown, sender: Sender) => Promise<unknown>;
    return { ok: true, data: await handler(payload, sender) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
