import { useCallback, useEffect, useState } from 'preact/hooks';
import { CompareView, type ColumnState } from '../CompareView';
import { ask } from '../../lib/ui/ask';
import { compareCsv, type NumbersShown } from '../../lib/core/metrics/table';
import type { CompareEntry } from '../../lib/core/protocol/wire';
import { download } from '../../lib/ui/files';
import { useSelfCitationControls } from '../hooks/useSelfCitationControls';
import { usePersonControls } from '../hooks/usePersonControls';

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The compare view: the tray from the background, each author's row asked for once. */
export function CompareApp({ onTrayChanged }: { onTrayChanged: (size: number) => void }) {
  const [entries, setEntries] = useState<CompareEntry[] | null>(null);
  const [states, setStates] = useState<ReadonlyMap<string, ColumnState>>(new Map());
  const [shown, setShown] = useState<NumbersShown>('reported');
  const [sort, setSort] = useState<{ metric: string; ascending: boolean } | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback((authorId: string) => {
    setStates((previous) => new Map(previous).set(authorId, { status: 'loading' }));
    ask({ type: 'compareRow', authorId }).then(
      (row) => setStates((previous) => new Map(previous).set(authorId, { status: 'ready', row })),
      (failure) => setStates((previous) => new Map(previous).set(authorId, { status: 'error', message: message(failure) })),
    );
  }, []);

  const apply = useCallback(
    (tray: Promise<CompareEntry[]>) =>
      tray.then(
        (next) => {
          setEntries(next);
          onTrayChanged(next.length);
          setError(null);
        },
        (failure) => setError(message(failure)),
      ),
    [onTrayChanged],
  );

  useEffect(() => void apply(ask({ type: 'compareList' })), [apply]);
  // Self-citations of each column, read when it loads (no request unless counted), counted on the reader's word.
  const selfCitations = useSelfCitationControls();
  // And the other profiles of each column's person (one name search each, cached); a merge reloads the column.
  const persons = usePersonControls(load);
  useEffect(() => {
    for (const entry of entries ?? []) {
      if (selfCitations.control(entry.authorId)) continue;
      selfCitations.open(entry.authorId);
      persons.open(entry.authorId);
    }
  }, [entries, selfCitations, persons]);
  useEffect(() => {
    for (const entry of entries ?? []) if (!states.has(entry.authorId)) load(entry.authorId);
  }, [entries, states, load]);

  if (entries === null) return <p class="ss-status">{error ?? 'Loading the compare tray…'}</p>;
  const columns = entries.map((entry) => ({ entry, state: states.get(entry.authorId) ?? ({ status: 'loading' } as const) }));
  return (
    <>
      {error && (
        <p class="ss-error" role="alert">
          {error}
        </p>
      )}
      <CompareView
        columns={columns}
        shown={shown}
        sort={sort}
        now={Date.now()}
        onShown={setShown}
        onSort={setSort}
        onRemove={(authorId) => void apply(ask({ type: 'compareRemove', authorId }))}
        onMove={(authorId, to) => void apply(ask({ type: 'compareMove', authorId, to }))}
        onRetry={load}
        onClear={() => void apply(ask({ type: 'compareClear' }))}
        personFor={(authorId) => persons.control(authorId, states.get(authorId)?.status === 'ready')}
        selfCitations={new Map((entries ?? []).flatMap((entry) => {
          const control = selfCitations.control(entry.authorId);
          return control ? [[entry.authorId, { view: control.view(), error: control.error(), onCount: control.count }] as const] : [];
        }))}
        onExport={() => {
          const rows = columns.map((column) => (column.state.status === 'ready' ? column.state.row : null));
          const names = columns.map((column) => (column.state.status === 'ready' ? column.state.row.author.name : column.entry.name));
          const self = columns.map((column) => selfCitations.control(column.entry.authorId)?.view() ?? null);
          download('scholarscope-comparison.csv', compareCsv(names, rows, new Date().getUTCFullYear(), self), 'text/csv;charset=utf-8');
        }}
      />
    </>
  );
}
