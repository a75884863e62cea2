import type { CompareEntry, CompareRow } from '../lib/core/protocol/wire';
import { formatCount } from '../lib/core/format';
import { SelfCitationSection, type SelfCitationProps } from './SelfCitationSection';
import { PersonSection } from './PersonSection';
import type { PersonControl } from '../lib/core/personCandidates';
import { bestOf, citationsPerYear, citationsToEachYear, formatMetric, listShortfall, metricDefs, shownOrigin, sortColumns, type MetricDef, type NumbersShown, type ValueOrigin } from '../lib/core/metrics/table';
import { affiliationLine, formatAge } from '../lib/core/format';
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
  /** Each column's self-citations (counted on demand), by author id. */
  selfCitations?: ReadonlyMap<string, SelfCitationProps>;
  /** Each column's other profiles of the same person, and merging them. */
  personFor?: (authorId: string) => PersonControl | undefined;
}

const SHOWN_LABEL: Record<NumbersShown, string> = {
  reported: 'As each author\u2019s source reports them',
  openalex: 'As OpenAlex reports them',
  computed: 'Computed from each author\u2019s paper list',
  both: 'Reported and computed, side by side',
  sources: 'Semantic Scholar and OpenAlex, side by side',
};

const ORIGIN_NOTE: Record<ValueOrigin, string> = { reported: 'reported', openalex: 'OpenAlex', computed: 'computed' };

/** Two numbers for one metric: the first as the view's main one, the second after a dot. */
function pair(shown: NumbersShown, def: MetricDef, row: CompareRow): { second: number | null; label: string; first: number | null } | null {
  if (shown === 'both') return { first: def.reported(row) ?? def.openAlex(row), second: def.computed(row), label: 'computed' };
  if (shown === 'sources') return { first: def.reported(row), second: def.openAlex(row), label: 'OpenAlex' };
  return null;
}

function Cell({ def, row, shown, best: bestOfRow }: { def: MetricDef; row: CompareRow; shown: NumbersShown; best: boolean }) {
  const { value, origin } = shownOrigin(def, row, shown);
  const two = pair(shown, def, row);
  const differs = two !== null && two.first !== null && two.second !== null && Math.abs(two.first - two.second) > 1e-9;
  // A number from elsewhere than the view's first choice says where it is from.
  const preferred: ValueOrigin = shown === 'openalex' ? 'openalex' : shown === 'computed' ? 'computed' : 'reported';
  // A number computed from a list known to fall short is a lower bound: said, or not shown at all when the list is empty.
  const short = listShortfall(row);
  const computedShown = two ? two.label === 'computed' && two.second !== null : origin === 'computed';
  // A lower bound is never marked the best of its row.
  const best = bestOfRow && !(short && computedShown && !two);
  if (short && computedShown && short.papers === 0 && !two) {
    return (
      <td title={`Not computed: ${short.text}`}>
        — <span class="ss-computed">({short.text})</span>
      </td>
    );
  }
  return (
    <td class={`${best ? 'ss-best' : ''}${differs ? ' ss-differs' : ''}`}>
      {two && two.first !== null && two.second !== null ? (
        <>
          <span>{formatMetric(two.first, def)}</span>
          <span class="ss-computed">
            {' '}
            · {two.label} {formatMetric(two.second, def)}
          </span>
        </>
      ) : (
        <span>{formatMetric(value, def)}</span>
      )}
      {!(two && two.first !== null && two.second !== null) && origin !== null && origin !== preferred && <span class="ss-computed"> ({ORIGIN_NOTE[origin]})</span>}
      {short && computedShown && <span class="ss-computed"> ({short.text})</span>}
      {best && (
        <span class="ss-best-mark" aria-label="best">
          {' '}★
        </span>
      )}
    </td>
  );
}

/** Where a column's numbers come from and how old they are. */
function sourceText(row: CompareRow, now: number): string {
  const source = row.author.source === 'openalex' ? 'OpenAlex' : 'Semantic Scholar';
  const list = row.listFetchedAt === null ? `; paper list unavailable (${row.computedError ?? 'unknown error'})` : row.complete ? '' : '; paper list incomplete';
  const view = row.openAlex;
  const second =
    row.author.source === 'openalex'
      ? ''
      : view.status === 'matched'
        ? `. OpenAlex ${view.author.id} (on ${view.agreeing} of ${view.looked} papers), ${formatAge(view.fetchedAt, now)}`
        : view.status === 'unmatched'
          ? '. OpenAlex: no matching profile'
          : `. ${view.message}`;
  return `${source}, ${formatAge(row.author.fetchedAt, now)}${list}${second}`;
}

/** Authors side by side: a column each, a row per metric, the best of each row marked. */
/** A merged person's column: computed numbers are the person's, reported ones the first profile's. */
export const personNote = (person: NonNullable<CompareRow['person']>) =>
  `One person: ${person.profiles.length} ${person.profiles.length === 1 ? 'profile' : 'profiles merged'}${person.dropped > 0 ? `, ${person.dropped} ${person.dropped === 1 ? 'paper' : 'papers'} dropped` : ''}; computed numbers are the person’s, reported ones the first profile’s`;

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
  const perYear = ordered.filter((column) => column.row && citationsPerYear(column.row).length > 0).map((column) => ({ name: column.row!.author.name, points: citationsPerYear(column.row!) }));

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
                    {column.row && column.row.author.affiliations.length > 0 && <span class="ss-compare-affiliation">{affiliationLine(column.row.author.affiliations)}</span>}
                    {column.row?.person && <span class="ss-compare-person">{personNote(column.row.person)}</span>}
                    {column.row && props.personFor?.(column.entry.authorId) && <PersonSection control={props.personFor(column.entry.authorId)!} />}
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
            {props.selfCitations && (
              <tr data-metric="self-citations">
                <th scope="row">Without self-citations</th>
                {ordered.map((column) => {
                  const self = props.selfCitations?.get(column.entry.authorId);
                  const figures = self?.view?.figures;
                  return (
                    <td key={column.entry.authorId} class="ss-compare-self">
                      {self && self.view?.status === 'done' && figures ? (
                        `h ${figures.hIndexWithout} · ${formatCount(figures.citationsWithout)} citations (${figures.citingChecked > 0 ? Math.round((100 * figures.selfCitations) / figures.citingChecked) : 0}% self${figures.incomplete > 0 ? `; incomplete: ${figures.incomplete} with more citing papers than listed` : ''})`
                      ) : self ? (
                        <SelfCitationSection {...self} />
                      ) : (
                        ''
                      )}
                    </td>
                  );
                })}
              </tr>
            )}
            <tr data-metric="source">
              <th scope="row">Source and age</th>
              {ordered.map((column) => (
                <td key={column.entry.authorId} class="ss-compare-source">
                  {column.row ? sourceText(column.row, now) : ''}
                </td>
              ))}
            </tr>
          </tbody>
        </table>
      </div>
      <p class="ss-status ss-compare-notes">
        Reported numbers are each author’s source’s own (Semantic Scholar, or OpenAlex for authors only it lists); OpenAlex’s are
        those of the OpenAlex profile that the author’s arXiv papers agree on. Computed ones come from every paper the source lists for the author
        {anyIncomplete ? ' (for prolific authors only the first pages, so those are lower bounds)' : ''}. g, the years and the m-quotient’s years are
        always computed; citations in the last five years and the two-year mean come from OpenAlex’s per-year counts.
      </p>
      {perYear.length > 0 && <CitationChart title="Citations received per year (OpenAlex)" valueLabel="citations received in each year, as OpenAlex counts them" series={perYear} />}
      <CitationChart
        title="Citations to each year's papers"
        valueLabel="citations, today, of the papers published in each year"
        series={ordered.filter((column) => column.row && column.row.listFetchedAt !== null).map((column) => ({ name: column.row!.author.name, points: citationsToEachYear(column.row!, currentYear) }))}
      />
    </section>
  );
}
