// Messages about the reader's Zotero library.

import type { PaperKey } from '../ids';
import type { ZoteroStatus } from '../zotero';
import { forContentScripts, keyList, message, noPayload } from './define';

/** Papers one send carries (a library selection is sent in parts of this size). */
export const ZOTERO_SEND_MAX = 50;

export const zoteroMessages = {
  /** Settings → Zotero: is the app running, is its local API on, which library, how big the index is (and brings it up to date). */
  zoteroStatus: noPayload<ZoteroStatus>(),
  /** Which of a page's papers the reader's Zotero holds, from the index. */
  zoteroWhich: forContentScripts(
    message<{ keys: PaperKey[] }, PaperKey[]>((raw) => {
      const keys = keyList(raw.keys);
      return keys ? { keys } : 'zoteroWhich needs paper keys';
    }),
    { ownKeys: ({ keys }) => keys },
  ),
  /** Saves papers into the collection selected in Zotero: the library's selection, or one paper a page shows. */
  zoteroSend: forContentScripts(
    message<{ keys: PaperKey[] }, { sent: number }>((raw) => {
      const keys = keyList(raw.keys, ZOTERO_SEND_MAX);
      return keys && keys.length > 0 ? { keys } : `zoteroSend needs 1 to ${ZOTERO_SEND_MAX} paper keys`;
    }),
    { ownKeys: ({ keys }) => keys, maxKeys: 1 },
  ),
};
