import { useCallback, useEffect, useState } from 'preact/hooks';
import { CompareView, type ColumnState } from '../CompareView';
import { ask } from '../../lib/ui/ask';
import { compareCsv, type NumbersShown } from '../../lib/core/metrics/table';
import type { CompareEntry } from '../../lib/core/protocol/wire';
import { download } from '../../lib/ui/files';

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
        onExport={() => {
          const rows = columns.map((column) => (column.state.status === 'ready' ? column.state.row : null));
          const names = columns.map((column) => (column.state.status === 'ready' ? column.state.row.author.name : column.entry.name));
          download('scholarscope-comparison.csv', compareCsv(names, rows, new Date().getUTCFullYear()), 'text/csv;charset=utf-8');
        }}
      />
    </>
  );
}
