// The protocol between the background and its callers (content scripts, popup, extension pages):
// every message once, with the check of its payload and the type of its answer. `ask` in lib/ui
// sends from this table and the background's router dispatches it to handlers typed from it, so
// the compiler rejects a handler whose answer does not match.

import { isRecord } from '../validate';
import type { MessageDef } from './define';
import { paperMessages } from './papers';
import { peopleMessages } from './people';
import { savedMessages } from './saved';
import { settingsMessages } from './settings';
import { zoteroMessages } from './zotero';

export const PROTOCOL = { ...paperMessages, ...savedMessages, ...peopleMessages, ...settingsMessages, ...zoteroMessages };

export type Protocol = typeof PROTOCOL;
export type MessageName = keyof Protocol;
export type Payload<K extends MessageName> = Protocol[K] extends MessageDef<infer P, unknown> ? P : never;
export type Answer<K extends MessageName> = Protocol[K] extends MessageDef<unknown, infer A> ? A : never;

/** A message as it travels: its name in `type`, its payload beside it. */
export type Request = { [K in MessageName]: { type: K } & Payload<K> }[MessageName];
export type RequestOf<K extends MessageName> = { type: K } & Payload<K>;

/** What the background answers: the data, or why not. */
export type Reply<T> = { ok: true; data: T } | { ok: false; error: string };

const isMessageName = (name: string): name is MessageName => Object.hasOwn(PROTOCOL, name);

/** The request if `raw` is a well-formed one, else a reason. */
export function parseRequest(raw: unknown): Request | { error: string } {
  if (!isRecord(raw) || typeof raw.type !== 'string') return { error: 'Malformed message: no type' };
  if (!isMessageName(raw.type)) return { error: `Unknown message type: ${raw.type.slice(0, 40)}` };
  const payload = (PROTOCOL[raw.type] as MessageDef<object, unknown>).parse(raw);
  return typeof payload === 'string' ? { error: payload } : ({ type: raw.type, ...payload } as Request);
}
