import type { Paper } from '../lib/model';
import { formatCompactCount, formatCount } from '../lib/format';

export interface PaperBadgeProps {
  /** null: the source does not list the paper yet. */
  paper: Paper | null;
  /** Set when the paper could not be looked up. */
  error?: string;
  /** Offered with an error: look the paper up again. */
  onRetry?: () => void;
}

/** A compact badge on each listed paper: its citation count. Room for more actions beside it. */
export function PaperBadge({ paper, error, onRetry }: PaperBadgeProps) {
  if (error) {
    const label = `Could not look this paper up: ${error}${onRetry ? '. Try again' : ''}`;
    return onRetry ? (
      <button type="button" class="ss-badge ss-badge-error" aria-label={label} title={label} onClick={onRetry}>
        !
      </button>
    ) : (
      <span class="ss-badge ss-badge-error" role="img" aria-label={label} title={label}>
        !
      </span>
    );
  }
  if (!paper) {
    return (
      <span class="ss-badge ss-badge-unknown" role="img" aria-label="Semantic Scholar does not list this paper yet" title="Semantic Scholar does not list this paper yet">
        –
      </span>
    );
  }
  const count = paper.citationCount;
  const label = `${formatCount(count)} ${count === 1 ? 'citation' : 'citations'} (Semantic Scholar)`;
  return (
    <span class="ss-badge" role="img" aria-label={label} title={label}>
      {formatCompactCount(count)} cited
    </span>
  );
}
