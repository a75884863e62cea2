// Loads and drives the related-papers list for one paper: used by the popup and the abstract page.

import { useCallback, useEffect, useState } from 'preact/hooks';
import { RelatedPapers, type RelatedState } from '../RelatedPapers';
import { ask } from '../../lib/ui/ask';
import { pageSnapshot } from '../../lib/core/saved/model';
import type { Paper } from '../../lib/core/model';
import type { PaperKey } from '../../lib/core/ids';

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function RelatedLoader({ paperKey }: { paperKey: PaperKey }) {
  const [state, setState] = useState<RelatedState>({ status: 'loading' });
  const [saved, setSaved] = useState<ReadonlySet<string>>(new Set());
  const [inZotero, setInZotero] = useState<ReadonlySet<string>>(new Set());
  const [notice, setNotice] = useState<string | null>(null);

  const load = useCallback(() => {
    setState({ status: 'loading' });
    ask({ type: 'related', key: paperKey }).then(
      (related) => {
        setState({ status: 'ready', related });
        const keys = [...related.recommended, ...related.citing].map((paper) => paper.arxivId).filter((id): id is string => id !== null);
        if (keys.length > 0) ask({ type: 'savedWhich', keys: [...new Set(keys)] }).then((which) => setSaved(new Set(which)), () => undefined);
        // From the background's index of the reader's Zotero (nothing when Zotero is off).
        if (keys.length > 0) ask({ type: 'zoteroWhich', keys: [...new Set(keys)] }).then((which) => setInZotero(new Set(which)), () => undefined);
      },
      (error: unknown) => setState({ status: 'error', message: message(error) }),
    );
  }, [paperKey]);
  useEffect(load, [load]);

  const toggleSave = (paper: Paper) => {
    const key = paper.arxivId;
    if (!key) return;
    const was = saved.has(key);
    const next = new Set(saved);
    if (was) next.delete(key);
    else next.add(key);
    setSaved(next);
    const request = was
      ? ask({ type: 'unsave', keys: [key] })
      : ask({ type: 'savePaper', key, page: pageSnapshot(paper.title, paper.authors.map((author) => author.name), null, null) });
    request.catch((error: unknown) => {
      setSaved(saved);
      setNotice(message(error));
    });
  };

  const compareAuthors = (paper: Paper) => {
    const authors = paper.authors.filter((author): author is { authorId: string; name: string } => author.authorId !== null).slice(0, 12);
    ask({ type: 'compareAdd', authors: authors.map(({ authorId, name }) => ({ authorId, name: name.slice(0, 500) })) }).then(
      (tray) => setNotice(`In the compare tray: ${tray.length} ${tray.length === 1 ? 'author' : 'authors'}.`),
      (error: unknown) => setNotice(message(error)),
    );
  };

  return (
    <>
      <RelatedPapers state={state} saved={saved} inZotero={inZotero} onToggleSave={toggleSave} onCompareAuthors={compareAuthors} onRetry={load} />
      <p class="ss-status" role="status" aria-live="polite">
        {notice ?? ''}
      </p>
    </>
  );
}
