// The Zotero desktop app's local server. From Zotero 9.0.2 on a request that looks like a browser's
// (a `Mozilla/` User-Agent, or any Origin header: every request an extension makes) is dropped with
// no answer unless it names itself; 7.0 to 9.0.1 answer 403 "Request not allowed" instead. So every
// request carries `X-Zotero-Connector-API-Version` and `Zotero-Allowed-Request`. No CORS is needed:
// the background holds the host permission.

import { ZOTERO_SERVER } from '../../core/zotero';
import { isRecord, readString } from '../../core/validate';
import type { FetchLike } from '../sources/http';

const HEADERS = { 'X-Zotero-Connector-API-Version': '3', 'Zotero-Allowed-Request': '1' };
/** The local server answers at once or not at all: a short wait. */
const TIMEOUT_MS = 4000;
/** Items a local API page holds (its maximum). */
export const ITEMS_PAGE = 100;

export class ZoteroError extends Error {
  constructor(readonly kind: 'not-running' | 'local-api-off' | 'read-only' | 'refused' | 'malformed', message: string) {
    super(message);
    this.name = 'ZoteroError';
  }
}

export function createZoteroClient(fetch: FetchLike) {
  async function call(path: string, init: RequestInit = {}): Promise<Response> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
    try {
      return await fetch(`${ZOTERO_SERVER}${path}`, { ...init, credentials: 'omit', signal: controller.signal, headers: { ...HEADERS, ...(init.headers as Record<string, string> | undefined) } });
    } catch {
      throw new ZoteroError('not-running', 'Zotero is not running (no answer at 127.0.0.1:23119): start the Zotero desktop app');
    } finally {
      clearTimeout(timer);
    }
  }

  /** GET from the local API; 403 "Local API is not enabled" while the reader has not turned it on. */
  async function local(path: string): Promise<Response> {
    const response = await call(`/api/users/0${path}`);
    if (response.status === 403) {
      const body = await response.text().catch(() => '');
      if (/not enabled/i.test(body)) throw new ZoteroError('local-api-off', 'Zotero’s local API is off: in Zotero, Settings → Advanced, turn on “Allow other applications on this computer to communicate with Zotero”');
      throw new ZoteroError('refused', `Zotero refused the request (403 ${body.slice(0, 80)})`);
    }
    if (!response.ok) throw new ZoteroError('refused', `Zotero answered ${response.status}`);
    return response;
  }

  return {
    /** Zotero's version when it is running; throws when it is not. */
    async ping(): Promise<string | null> {
      const response = await call('/connector/ping');
      if (!response.ok) throw new ZoteroError('refused', `Zotero answered ${response.status} to its ping`);
      return response.headers.get('X-Zotero-Version');
    },
    /** The library and collection new items go to (the one selected in Zotero). */
    async selectedCollection(): Promise<{ library: string | null; collection: string | null; editable: boolean }> {
      const response = await call('/connector/getSelectedCollection', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
      const body = (await response.json().catch(() => null)) as unknown;
      if (!response.ok || !isRecord(body)) throw new ZoteroError('malformed', `Zotero answered ${response.status} for the selected collection`);
      return { library: readString(body.libraryName, 300), collection: readString(body.name, 300), editable: body.libraryEditable !== false && body.editable !== false };
    },
    /** Every top-level item's key and version, and the library's server id (Zotero 10 on; another Zotero profile has another). */
    async versions(): Promise<{ versions: Record<string, number>; serverId: string | null }> {
      const response = await local('/items/top?format=versions');
      const body = (await response.json().catch(() => null)) as unknown;
      if (!isRecord(body)) throw new ZoteroError('malformed', 'Zotero sent item versions of the wrong shape');
      const versions = Object.fromEntries(Object.entries(body).filter((entry): entry is [string, number] => /^[A-Z0-9]{8}$/.test(entry[0]) && Number.isInteger(entry[1])));
      return { versions, serverId: response.headers.get('Zotero-Server-ID') };
    },
    /** Items by key (up to ITEMS_PAGE), as the local API gives them: `{key, version, data}`. */
    async items(keys: readonly string[]): Promise<{ key: string; version: number; data: unknown }[]> {
      const response = await local(`/items?itemKey=${keys.map(encodeURIComponent).join(',')}&format=json&limit=${ITEMS_PAGE}`);
      const body = (await response.json().catch(() => null)) as unknown;
      if (!Array.isArray(body)) throw new ZoteroError('malformed', 'Zotero sent items of the wrong shape');
      return body.filter(isRecord).flatMap((item) => (typeof item.key === 'string' && Number.isInteger(item.version) ? [{ key: item.key, version: item.version as number, data: item.data }] : []));
    },
    /** Saves items into the collection selected in Zotero; Zotero answers 201 with no item keys. */
    async saveItems(items: Record<string, unknown>[], uri: string): Promise<void> {
      const session = `scholarscope-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
      const response = await call('/connector/saveItems', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ items, uri, sessionID: session }) });
      if (response.status === 201) return;
      const text = await response.text().catch(() => '');
      if (response.status === 500 && /libraryEditable/.test(text)) throw new ZoteroError('read-only', 'The library selected in Zotero cannot be edited: select one of your own collections in Zotero and try again');
      throw new ZoteroError('refused', `Zotero did not save the paper (answer ${response.status}${text ? `: ${text.slice(0, 80)}` : ''})`);
    },
  };
}
