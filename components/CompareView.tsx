import type { CompareRow } from '../lib/compare/service';
import { bestOf, formatMetric, metricDefs, shownValue, sortColumns, type MetricDef, type NumbersShown } from '../lib/compare/table';
import { formatAge } from '../lib/format';
import type { CompareEntry } from '../lib/store/db';
import { CitationChart } from './CitationChart';

export type ColumnState = { status: 'loading' } | { status: 'ready'; row: CompareRow } | { status: 'error'; message: string };

export interface CompareViewProps {
  /** In the tray's order. */
  columns: { entry: CompareEntry; state: ColumnState }[];
  shown: NumbersShown;
  /** A metric the columns are sorted by, for this view only; null keeps the tray's order. */
  sort: { metric: string; ascending: boolean } | null;
  now: number;
  onShown: (shown: NumbersShown) => void;
  onSort: (sort: { metric: string; ascending: boolean } | null) => void;
  onRemove: (authorId: string) => void;
  onMove: (authorId: string, to: number) => void;
  onRetry: (authorId: string) => void;
  onExport: () => void;
  onClear: () => void;
}

const SHOWN_LABEL: Record<NumbersShown, string> = {
  reported: 'As Semantic Scholar reports them',
  computed: 'Computed from each author\u2019s paper list',
  both: 'Both, side by side',
};

function Cell({ def, row, shown, best }: { def: MetricDef; row: CompareRow; shown: NumbersShown; best: boolean }) {
  const reported = def.reported(row);
  const computed = def.computed(row);
  const value = shownValue(def, row, shown);
  const differs = reported !== null && computed !== null && Math.abs(reported - computed) > 1e-9;
  return (
    <td class={`${best ? 'ss-best' : ''}${differs && shown === 'both' ? ' ss-differs' : ''}`}>
      {shown === 'both' && reported !== null && computed !== null ? (
        <>
          <span>{formatMetric(reported, def)}</span>
          <span class="ss-computed"> · computed {formatMetric(computed, def)}</span>
        </>
      ) : (
        <span>{formatMetric(value, def)}</span>
      )}
      {shown === 'reported' && reported === null && computed !== null && <span class="ss-computed"> (computed)</span>}
      {best && (
        <span class="ss-best-mark" aria-label="best">
          {' '}★
        </span>
      )}
    </td>
  );
}

/** Authors side by side: a column each, a row per metric, the best of each row marked. */
export function CompareView(props: CompareViewProps) {
  const { columns, shown, sort, now } = props;
  const currentYear = new Date(now).getUTCFullYear();
  const defs = metricDefs(currentYear);
  const rows = columns.map((column) => (column.state.status === 'ready' ? column.state.row : null));
  const sortDef = sort ? defs.find((def) => def.id === sort.metric) : undefined;
  const order = sortDef ? sortColumns(sortDef, rows, shown, sort?.ascending) : columns.map((_, index) => index);
  const ordered = order.map((index) => ({ ...(columns[index] as CompareViewProps['columns'][number]), row: rows[index] ?? null }));
  const orderedRows = ordered.map((column) => column.row);
  const anyIncomplete = ordered.some((column) => column.row && !column.row.complete);

  if (columns.length === 0) {
    return (
      <section class="ss-compare-view" aria-labelledby="compare-title">
        <h1 id="compare-title">Compare authors</h1>
        <p class="ss-status">No authors to compare yet. Use + Compare on an author card (hover a name on arXiv, the popup, or a profile page), or "Compare all authors" in the popup.</p>
      </section>
    );
  }

  return (
    <section class="ss-compare-view" aria-labelledby="compare-title">
      <header class="ss-library-header">
        <h1 id="compare-title">Compare authors</h1>
        <p class="ss-status">
          {columns.length} {columns.length === 1 ? 'author' : 'authors'}. ★ marks the best value of a row. Click a metric to order the authors by it.
        </p>
      </header>
      <div class="ss-library-controls">
        <label>
          Numbers{' '}
          <select value={shown} onChange={(event) => props.onShown((event.target as HTMLSelectElement).value as NumbersShown)}>
            {Object.entries(SHOWN_LABEL).map(([value, label]) => (
              <option value={value} key={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        {sort && (
          <button type="button" class="ss-button" onClick={() => props.onSort(null)}>
            Back to your order
          </button>
        )}
        <button type="button" class="ss-button" onClick={props.onExport}>
          Export CSV
        </button>
        <button type="button" class="ss-button" onClick={props.onClear}>
          Remove all
        </button>
      </div>
      <div class="ss-compare-scroll">
        <table class="ss-compare-table">
          <caption class="ss-visually-hidden">Authors compared, one column each</caption>
          <thead>
            <tr>
              <th scope="col">Metric</th>
              {ordered.map((column) => {
                const name = column.row?.author.name ?? column.entry.name;
                const trayIndex = columns.findIndex((c) => c.entry.authorId === column.entry.authorId);
                return (
                  <th scope="col" key={column.entry.authorId} class="ss-compare-author">
                    <span class="ss-compare-name">{name}</span>
                    {column.row && column.row.author.affiliations.length > 0 && <span class="ss-compare-affiliation">{column.row.author.affiliations.join('; ')}</span>}
                    <span class="ss-compare-tools">
                      <button type="button" class="ss-link-button" disabled={sort !== null || trayIndex === 0} aria-label={`Move ${name} left`} onClick={() => props.onMove(column.entry.authorId, trayIndex - 1)}>
                        ←
                      </button>
                      <button type="button" class="ss-link-button" disabled={sort !== null || trayIndex === columns.length - 1} aria-label={`Move ${name} right`} onClick={() => props.onMove(column.entry.authorId, trayIndex + 1)}>
                        →
                      </button>
                      <button type="button" class="ss-link-button" aria-label={`Remove ${name}`} onClick={() => props.onRemove(column.entry.authorId)}>
                        Remove
                      </button>
                    </span>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {defs.map((def) => {
              const best = bestOf(def, orderedRows, shown);
              const active = sort?.metric === def.id;
              return (
                <tr key={def.id} data-metric={def.id}>
                  <th scope="row">
                    <button
                      type="button"
                      class="ss-link-button ss-sort"
                      aria-pressed={active}
                      title={def.definition}
                      onClick={() => props.onSort({ metric: def.id, ascending: active ? !sort?.ascending : false })}
                    >
                      {def.label}
                      {active ? (sort?.ascending ? ' ▲' : ' ▼') : ''}
                    </button>
                  </th>
                  {ordered.map((column, index) => {
                    if (column.state.status === 'loading') return <td key={column.entry.authorId} class="ss-status">…</td>;
                    if (column.state.status === 'error') {
                      return (
                        <td key={column.entry.authorId} class="ss-error">
                          {def.id === 'citations' ? (
                            <>
                              {column.state.message}{' '}
                              <button type="button" class="ss-link-button" onClick={() => props.onRetry(column.entry.authorId)}>
                                Try again
                              </button>
                            </>
                          ) : (
                            '!'
                          )}
                        </td>
                      );
                    }
                    return <Cell key={column.entry.authorId} def={def} row={column.state.row} shown={shown} best={best.has(index)} />;
                  })}
                </tr>
              );
            })}
            <tr data-metric="recent">
              <th scope="row">Citations in the last 5 years</th>
              {ordered.map((column) => (
                <td key={column.entry.authorId} class="ss-status">
                  –
                </td>
              ))}
            </tr>
            <tr data-metric="source">
              <th scope="row">Source and age</th>
              {ordered.map((column) => (
                <td key={column.entry.authorId} class="ss-compare-source">
                  {column.row
                    ? `Semantic Scholar, ${formatAge(column.row.author.fetchedAt, now)}${column.row.listFetchedAt === null ? `; paper list unavailable (${column.row.computedError ?? 'unknown error'})` : column.row.complete ? '' : '; first 5,000 papers'}`
                    : ''}
                </td>
              ))}
            </tr>
          </tbody>
        </table>
      </div>
      <p class="ss-status ss-compare-notes">
        Reported numbers are Semantic Scholar's own; computed ones come from every paper it lists for the author
        {anyIncomplete ? ' (the first 5,000 for prolific authors, so those are lower bounds)' : ''}. i10, g, the years and the m-quotient's years are
        always computed. Citations received in each year, and so the last five years, need per-year counts that Semantic
        Scholar does not give; OpenAlex has them and is not connected yet.
      </p>
      <CitationChart
        title="Citations to each year's papers"
        valueLabel="citations, today, of the papers published in each year"
        series={ordered.filter((column) => column.row?.computed).map((column) => ({ name: column.row!.author.name, points: column.row!.computed!.byPublicationYear.map((entry) => ({ year: entry.year, value: entry.citations })) }))}
      />
    </section>
  );
}
