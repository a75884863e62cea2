// Every id that goes into an API path goes through here. An id comes from a page or an answer, and
// a page can write anything: `10.1234/../../graph/v1/author/999` would walk up Semantic Scholar's
// path with the reader's key, and OpenAlex turns `%2F` back into `/`. So an id with a dot segment,
// a percent sign, a query or fragment mark, a backslash, white space or a control character, or one
// longer than any real id, is refused before any request; the rest is escaped but for `keep`.

import { SourceError } from './http';

/** Longer than any DOI the protocol accepts (`doi:` keys hold at most 300 characters after the prefix). */
export const MAX_PATH_ID = 320;

// `%`: no escapes of our own making are decoded later into `/`, `.` or `?`.
const FORBIDDEN = /[%?#\\\s\p{Cc}]/u;

/** Why `id` cannot be part of a path, or null when it can. */
export function pathIdProblem(id: string): string | null {
  if (id.length === 0) return 'an empty id';
  if (id.length > MAX_PATH_ID) return `an id of more than ${MAX_PATH_ID} characters`;
  if (FORBIDDEN.test(id)) return 'an id with %, ?, #, \\, white space or a control character';
  if (id.split('/').some((segment) => segment === '.' || segment === '..')) return 'an id with a . or .. segment';
  return null;
}

/** `id` as one part of an API path: escaped, but for the characters in `keep` (such as `:` and `/` of `DOI:10.1145/x`). */
export function pathSegment(id: string, keep = ''): string {
  const problem = pathIdProblem(id);
  if (problem) throw new SourceError('client', `ScholarScope does not send ${problem} to a source: ${JSON.stringify(id.slice(0, 60))}`);
  return [...id].map((char) => (keep.includes(char) ? char : encodeURIComponent(char))).join('');
}
