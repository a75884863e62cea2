// How a message is declared: its name (the key in the protocol table), the check of its payload
// (which also gives the payload's type) and the type of its answer. Sender and handler are both
// typed from that one declaration (protocol/index.ts).

import { isAuthorId, isPaperKey, type PaperKey } from '../ids';

/** A message: `parse` checks an untrusted payload and returns it typed, or a string saying what is wrong. */
export interface MessageDef<Payload, Answer> {
  parse(raw: Record<string, unknown>): Payload | string;
  /** Never set: carries the answer's type. */
  readonly answer?: Answer;
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
