// How a message is declared: its name (the key in the protocol table), the check of its payload
// (which also gives the payload's type) and the type of its answer. Sender and handler are both
// typed from that one declaration (protocol/index.ts).

import { isAuthorId, isPaperKey, type PaperKey } from '../ids';

/**
 * A message: `parse` checks an untrusted payload and returns it typed, or a string saying what is
 * wrong. Extension pages (popup, options, library, compare) may send every message; content scripts
 * only those that carry `content` (see `forContentScripts`).
 */
export interface MessageDef<Payload, Answer> {
  parse(raw: Record<string, unknown>): Payload | string;
  /** Set when content scripts may send it too, with what limits them. */
  readonly content?: ContentRights<Payload>;
  /** Never set: carries the answer's type. */
  readonly answer?: Answer;
}

/**
 * What a content script may do with a message. A content script is code in a page's renderer, which
 * may be compromised: it gets only what drawing its page needs. Paper keys a tab asked about
 * (`shows`) become that tab's own; a message that changes the reader's list (`ownKeys`) may name only
 * those, and at most `maxKeys` of them.
 */
export interface ContentRights<Payload> {
  // Methods, not function properties: the table's types read the answer through MessageDef<unknown, A>.
  shows?(payload: Payload): readonly PaperKey[];
  ownKeys?(payload: Payload): readonly PaperKey[];
  maxKeys?: number;
}

/** Marks a message as one content scripts may send (every other message is for extension pages only). */
export function forContentScripts<Payload, Answer>(def: MessageDef<Payload, Answer>, rights: ContentRights<Payload> = {}): MessageDef<Payload, Answer> {
  return { ...def, content: rights };
}

export function message<Payload, Answer>(parse: (raw: Record<string, unknown>) => Payload | string): MessageDef<Payload, Answer> {
  return { parse };
}

/** A message without payload. */
export function noPayload<Answer>(): MessageDef<Record<never, never>, Answer> {
  return { parse: () => ({}) };
}

/**
 * Semantic Scholar's paper batch limit: the background sends at most this many papers a request, and
 * pages group their papers by it, so a message costs at most one request.
 */
export const PAPER_BATCH_LIMIT = 500;

/** A page of up to 2,000 entries asks in one message. */
export const MAX_IDS_PER_MESSAGE = 2000;

/** Paper keys (arXiv ids without versions, `doi:` keys), at most `max`; null when any is not one. */
export function keyList(keys: unknown, max = MAX_IDS_PER_MESSAGE): PaperKey[] | null {
  if (!Array.isArray(keys) || keys.length > max) return null;
  return keys.every((key) => typeof key === 'string' && isPaperKey(key)) ? (keys as PaperKey[]) : null;
}

export function shortText(value: unknown, max: number): value is string {
  return typeof value === 'string' && value.length <= max;
}

/** An author as the reader's lists keep them: an id and a name (of at most 500 characters). */
export function authorRef(value: unknown): { authorId: string; name: string } | null {
  if (typeof value !== 'object' || value === null) return null;
  const { authorId, name } = value as Record<string, unknown>;
  return isAuthorId(authorId) && typeof name === 'string' && name.length > 0 && name.length <= 500 ? { authorId, name } : null;
}
