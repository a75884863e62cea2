// The keyboard shortcut: save the paper in the current tab. The tab's content script says what
// the page shows; a PDF tab has no content script, so the id comes from the URL and the title
// from the source.

import type { PageContextReply } from '../core/protocol/tab';
import type { PaperWithAuthors } from '../core/model';
import { resolvePopupTarget } from '../core/popupTarget';
import { pageSnapshot, type SavedPaper } from '../core/saved/model';
import type { PageSnapshot } from '../core/protocol/wire';

export interface ShortcutDeps {
  pageContext: () => Promise<PageContextReply | null>;
  paper: (arxivId: string) => Promise<PaperWithAuthors | null>;
  save: (key: string, page: PageSnapshot) => Promise<SavedPaper>;
}

export type ShortcutResult = { status: 'saved'; paper: SavedPaper } | { status: 'no-paper' };

export async function saveTabPaper(tabUrl: string | undefined, deps: ShortcutDeps): Promise<ShortcutResult> {
  const context = await deps.pageContext().catch(() => null);
  const target = resolvePopupTarget(tabUrl, context);
  if (!target) return { status: 'no-paper' };
  // Asking first puts the record in the cache, so the snapshot gets the source's metadata.
  const known = await deps.paper(target.arxivId).catch(() => null);
  const page: PageSnapshot = pageSnapshot(
    target.pageTitle ?? known?.paper.title ?? `arXiv:${target.arxivId}`,
    context?.kind === 'paper' ? context.authorNames : (known?.paper.authors.map((a) => a.name) ?? []),
    target.version,
    target.primaryCategory,
  );
  return { status: 'saved', paper: await deps.save(target.arxivId, page) };
}
