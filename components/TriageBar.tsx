import type { TriageFilter, TriageOrder } from '../lib/core/triage';

export interface TriageBarProps {
  order: TriageOrder;
  filter: TriageFilter;
  /** Entries by followed authors on this page. */
  followedCount: number;
  onOrder: (order: TriageOrder) => void;
  onFilter: (filter: TriageFilter) => void;
}

const ORDERS: [TriageOrder, string][] = [
  ['arxiv', "arXiv's order"],
  ['h', 'Highest h-index'],
  ['citations', 'Most cited'],
  ['followed', 'People you follow first'],
];

/** Above a listing: order and filter its entries without reloading the page. */
export function TriageBar({ order, filter, followedCount, onOrder, onFilter }: TriageBarProps) {
  return (
    <span class="ss-triage ss-root" role="group" aria-label="ScholarScope: order and filter this listing">
      <label>
        Order{' '}
        <select value={order} onChange={(event) => onOrder((event.target as HTMLSelectElement).value as TriageOrder)}>
          {ORDERS.map(([value, label]) => (
            <option value={value} key={value}>
              {label}
            </option>
          ))}
        </select>
      </label>{' '}
      <label>
        <input type="checkbox" checked={filter === 'followed-or-saved'} onChange={(event) => onFilter((event.target as HTMLInputElement).checked ? 'followed-or-saved' : 'all')} /> Only followed and saved
      </label>
      {followedCount > 0 && <span class="ss-triage-count"> · {followedCount} by people you follow</span>}
    </span>
  );
}
