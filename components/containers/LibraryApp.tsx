import { ZOTERO_SEND_MAX } from '../../lib/core/protocol/zotero';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { toCsv, toJson, toRis } from '../../lib/core/saved/exporters';
import type { SavedPaper } from '../../lib/core/saved/model';
import type { SavedPage } from '../../lib/core/protocol/wire';
import { EMPTY_QUERY, type SavedQuery } from '../../lib/core/saved/query';
import { ask } from '../../lib/ui/ask';
import { allSavedRecords, download, importFile } from '../../lib/ui/files';
import { usePublishedUpdate } from '../hooks/usePublishedUpdate';
import { LIBRARY_PAGE, LibraryView, type ExportFormat, type LibraryViewProps } from '../LibraryView';
import { CompareApp } from './CompareApp';
import { FollowingApp } from './FollowingApp';

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));
const UNDO_MS = 15_000;
/** Rows drawn in the first pass, more than a screen holds; the rest of the page follows in the next task (a hundred editable rows take the main thread ~50 ms). */
const FIRST_SCREEN = 30;

// BibTeX's keys transliterate names with a table of every script: loaded when a BibTeX export is made, not with the page.
// `preprint`: cite the arXiv preprint even where a published version is known (BibTeX and RIS).
const EXPORTS: Record<ExportFormat, { write: (papers: SavedPaper[], options: { preprint: boolean }) => string | Promise<string>; type: string; extension: string }> = {
  bibtex: { write: async (papers, options) => (await import('../../lib/core/saved/bibtex')).toBibtex(papers, options), type: 'application/x-bibtex', extension: 'bib' },
  ris: { write: (papers, options) => toRis(papers, options), type: 'application/x-research-info-systems', extension: 'ris' },
  csv: { write: toCsv, type: 'text/csv;charset=utf-8', extension: 'csv' },
  json: { write: (papers) => toJson(papers), type: 'application/json', extension: 'json' },
};

/** The saved papers: a page of the list at a time from the background, which searches it; edited, exported and imported here. */
function LibraryApp() {
  const [page, setPage] = useState<SavedPage | null>(null);
  const [query, setQuery] = useState<SavedQuery>(EMPTY_QUERY);
  const [limit, setLimit] = useState(LIBRARY_PAGE);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [notice, setNotice] = useState<LibraryViewProps['notice']>(null);
  const [undo, setUndo] = useState<LibraryViewProps['undo']>(null);
  const [citePreprints, setCitePreprints] = useState(false);
  const [inZotero, setInZotero] = useState<ReadonlySet<string>>(new Set());
  const [drawAll, setDrawAll] = useState(false);

  // Answers to keystrokes can cross: only the latest question's answer is shown.
  const latest = useRef(0);
  const reload = useCallback(() => {
    const asked = ++latest.current;
    const fetchPage = (): Promise<void> =>
      ask({ type: 'savedQuery', query, offset: 0, limit }).then(
        (answer) => {
          if (asked !== latest.current) return;
          setPage(answer);
          // Marks from the background's index of the reader's Zotero (none when Zotero is off: then nothing is redrawn).
          if (answer.papers.length > 0) ask({ type: 'zoteroWhich', keys: answer.papers.map((paper) => paper.key) }).then((held) => setInZotero((current) => (held.length === 0 && current.size === 0 ? current : new Set(held))), () => undefined);
          // A woken worker answers the opening page before its index: the tags and the rest come next.
          if (answer.partial) return fetchPage();
        },
        (error) => setNotice({ kind: 'error', text: message(error) }),
      );
    return fetchPage();
  }, [query, limit]);
  useEffect(() => void reload(), [reload]);
  // The first screen is drawn first; the rest of the page once it is on screen.
  useEffect(() => {
    if (!page || drawAll) return;
    const later = setTimeout(() => setDrawAll(true), 0);
    return () => clearTimeout(later);
  }, [page, drawAll]);
  const published = usePublishedUpdate(useCallback(() => void reload(), [reload]));

  const act = (work: Promise<unknown>, done?: string) =>
    work.then(
      () => {
        if (done) setNotice({ kind: 'ok', text: done });
        return reload();
      },
      (error) => setNotice({ kind: 'error', text: message(error) }),
    );

  return (
    <LibraryView
      total={page?.total ?? null}
      matching={page?.matching ?? 0}
      matchingKeys={page?.keys ?? []}
      papers={drawAll ? (page?.papers ?? []) : (page?.papers ?? []).slice(0, FIRST_SCREEN)}
      tags={page?.tags ?? []}
      query={query}
      selected={selected}
      notice={notice}
      unreadable={page?.unreadable ?? []}
      undo={undo}
      onShowMore={() => setLimit((current) => current + LIBRARY_PAGE)}
      onQuery={(next) => {
        setQuery(next);
        setLimit(LIBRARY_PAGE);
      }}
      onSelect={(key, on) => setSelected((previous) => {
        const next = new Set(previous);
        if (on) next.add(key);
        else next.delete(key);
        return next;
      })}
      onSelectShown={(on) => setSelected(on ? new Set(page?.keys ?? []) : new Set())}
      onUpdate={(keys, changes) => void act(ask({ type: 'updateSaved', keys, changes }))}
      onAddTag={(keys, tag) => void act(ask({ type: 'updateSaved', keys, changes: { addTag: tag } }), `Tagged ${keys.length} "${tag}".`)}
      onRemove={(keys) =>
        void ask({ type: 'unsave', keys }).then(
          (removed) => {
            setSelected(new Set());
            setNotice({ kind: 'ok', text: `Removed ${removed.length} ${removed.length === 1 ? 'paper' : 'papers'}.` });
            const offer = { count: removed.length, onUndo: () => void act(ask({ type: 'restoreSaved', papers: removed }), `Put back ${removed.length}.`).then(() => setUndo(null)) };
            setUndo(offer);
            setTimeout(() => setUndo((current) => (current === offer ? null : current)), UNDO_MS);
            return reload();
          },
          (error) => setNotice({ kind: 'error', text: message(error) }),
        )
      }
      onUpdatePublished={published.start}
      inZotero={inZotero}
      onSendToZotero={(keys) => {
        const parts = Array.from({ length: Math.ceil(keys.length / ZOTERO_SEND_MAX) }, (_, index) => keys.slice(index * ZOTERO_SEND_MAX, (index + 1) * ZOTERO_SEND_MAX));
        const sending = parts.reduce<Promise<number>>((done, part) => done.then(async (count) => count + (await ask({ type: 'zoteroSend', keys: part })).sent), Promise.resolve(0));
        void act(sending.then((count) => setNotice({ kind: 'ok', text: `Sent ${count} ${count === 1 ? 'paper' : 'papers'} to Zotero.` })));
      }}
      published={{ run: published.run, onAccept: published.accept, onUndo: published.undo, onStop: published.stop, onResume: published.resume, onClose: published.close }}
      citePreprints={citePreprints}
      onCitePreprints={setCitePreprints}
      onExport={(format, keys) => {
        // Whole records (abstracts too) are read only for an export, a page of the store at a time.
        const chosen = allSavedRecords().then((all) => (keys ? all.filter((paper) => keys.includes(paper.key)) : all));
        const { write, type, extension } = EXPORTS[format];
        chosen.then(
          async (list) => {
            download(`scholarscope-saved-papers.${extension}`, await write(list, { preprint: citePreprints }), type);
            setNotice({ kind: 'ok', text: `Exported ${list.length} ${list.length === 1 ? 'paper' : 'papers'} as ${format === 'bibtex' ? 'BibTeX' : format.toUpperCase()}.` });
          },
          (error) => setNotice({ kind: 'error', text: message(error) }),
        );
      }}
      onImport={(file) =>
        importFile(
          file,
          (upload) => ask({ type: 'importSaved', upload }),
          (result) => {
            if (!result.ok) return setNotice({ kind: 'error', text: result.text });
            setNotice({ kind: 'ok', text: `Imported ${file.name}: ${result.value.added} added, ${result.value.merged} merged with papers already saved.` });
            void reload();
          },
        )
      }
    />
  );
}

type View = 'saved' | 'compare' | 'following';
const viewOf = (hash: string): View => (hash === '#compare' ? 'compare' : hash === '#following' ? 'following' : 'saved');
const TITLES: Record<View, string> = { saved: 'ScholarScope: saved papers', compare: 'ScholarScope: compare authors', following: 'ScholarScope: people you follow' };

/** The library page: saved papers, the compare view at `#compare` and the people followed at `#following`. */
export function LibraryPage() {
  const [view, setView] = useState<View>(viewOf(location.hash));
  const [traySize, setTraySize] = useState<number | null>(null);
  useEffect(() => {
    const follow = () => setView(viewOf(location.hash));
    addEventListener('hashchange', follow);
    ask({ type: 'compareList' }).then((tray) => setTraySize(tray.length), () => undefined);
    return () => removeEventListener('hashchange', follow);
  }, []);
  useEffect(() => {
    document.title = TITLES[view];
  }, [view]);
  return (
    <>
      <nav class="ss-tabs" aria-label="ScholarScope">
        <a href="#saved" aria-current={view === 'saved' ? 'page' : undefined}>
          Saved papers
        </a>
        <a href="#compare" aria-current={view === 'compare' ? 'page' : undefined}>
          Compare authors{traySize ? ` (${traySize})` : ''}
        </a>
        <a href="#following" aria-current={view === 'following' ? 'page' : undefined}>
          Following
        </a>
      </nav>
      {view === 'compare' ? (
        <main class="ss-library">
          <CompareApp onTrayChanged={setTraySize} />
        </main>
      ) : view === 'following' ? (
        <FollowingApp />
      ) : (
        <LibraryApp />
      )}
    </>
  );
}
