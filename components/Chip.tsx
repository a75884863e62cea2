import type { Author } from '../lib/model';
import { formatCompactCount } from '../lib/format';

export type ChipState = { status: 'loading' } | { status: 'ready'; author: Author } | { status: 'unknown' } | { status: 'error'; message: string };

export interface ChipProps {
  name: string;
  state: ChipState;
  expanded: boolean;
  onActivate: () => void;
}

/** The small badge beside an author name: `h 5 · 74`. */
export function Chip({ name, state, expanded, onActivate }: ChipProps) {
  if (state.status === 'ready') {
    const { hIndex, citationCount } = state.author;
    return (
      <button
        type="button"
        class="ss-chip"
        aria-haspopup="dialog"
        aria-expanded={expanded}
        aria-label={`${name}: h-index ${hIndex ?? 'unknown'}, ${citationCount ?? 'unknown'} citations. Show author card`}
        onClick={onActivate}
      >
        h {formatCompactCount(hIndex)} · {formatCompactCount(citationCount)}
      </button>
    );
  }
  const text = state.status === 'loading' ? '…' : state.status === 'unknown' ? '?' : '!';
  const label =
    state.status === 'loading'
      ? `Loading metrics for ${name}`
      : state.status === 'unknown'
        ? `No Semantic Scholar record matched ${name}`
        : `Could not load metrics for ${name}: ${state.message}`;
  return (
    <span class={`ss-chip ss-chip-${state.status}`} role="img" aria-label={label} title={label}>
      {text}
    </span>
  );
}
