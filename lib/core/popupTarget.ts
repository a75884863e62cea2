// Which paper the popup is about: what the tab's content script reports, else the tab's URL
// (PDF pages run no content script; the id in the URL is all there is).

import { parseArxivId } from './ids';
import type { PageContextReply } from './protocol/tab';

export interface PopupTarget {
  arxivId: string;
  version: number | null;
  /** The title the page shows, when a content script could tell. */
  pageTitle: string | null;
  primaryCategory: string | null;
}

export function resolvePopupTarget(tabUrl: string | undefined, page: PageContextReply | null): PopupTarget | null {
  if (page?.kind === 'paper') return { arxivId: page.arxivId, version: page.version, pageTitle: page.title || null, primaryCategory: page.primaryCategory ?? null };
  const fromUrl = tabUrl ? parseArxivId(tabUrl) : null;
  return fromUrl ? { arxivId: fromUrl.id, version: fromUrl.version, pageTitle: null, primaryCategory: null } : null;
}
