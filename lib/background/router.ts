// The background's single entry point for messages: check the sender and the payload against the
// protocol table, dispatch to the handler registered for it, and always answer (never throw back
// into the messaging layer).

import { parseRequest, type Answer, type MessageName, type Payload, type Reply } from '../core/protocol';

export interface Sender {
  /** The extension id of the sender, as the browser reports it. */
  id?: string;
  /** The tab of a content script that sent it. */
  tab?: { id?: number };
}

export type Handler<K extends MessageName> = (payload: Payload<K>, sender: Sender) => Promise<Answer<K>>;
/** One handler per message of the protocol; the compiler checks each answer against the table. */
export type Handlers = { [K in MessageName]: Handler<K> };
/** The handlers a feature registers. */
export type HandlersFor<K extends MessageName> = Pick<Handlers, K>;

export async function handleMessage(handlers: Handlers, raw: unknown, sender: Sender, ownId: string): Promise<Reply<unknown>> {
  if (sender.id !== ownId) return { ok: false, error: 'Messages are accepted only from this extension' };
  const request = parseRequest(raw);
  if ('error' in request) return { ok: false, error: request.error };
  const { type, ...payload } = request;
  try {
    const handler = handlers[type] as (payload: unknown, sender: Sender) => Promise<unknown>;
    return { ok: true, data: await handler(payload, sender) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
