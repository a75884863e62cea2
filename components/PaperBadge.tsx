import type { Paper } from '../lib/core/model';
import { retractionRemark, type PublishedVersion, type RetractionMark } from '../lib/core/published';
import { formatCompactCount, formatCount } from '../lib/core/format';

export interface PaperBadgeProps {
  /** null: the source does not list the paper yet. */
  paper: Paper | null;
  /** Set when the paper could not be looked up. */
  error?: string;
  /** Offered with an error: look the paper up again. */
  onRetry?: () => void;
  /** Who gave the paper, when not Semantic Scholar. */
  source?: 'openalex' | 'arxiv';
}

export interface SaveToggleProps {
  saved: boolean;
  title: string;
  onToggle: () => void;
}

/** Save a paper to the reading list, or take it off; its state is visible at a glance. */
export function SaveToggle({ saved, title, onToggle }: SaveToggleProps) {
  return (
    <button type="button" class={saved ? 'ss-save ss-saved' : 'ss-save'} aria-pressed={saved} aria-label={`${saved ? 'Saved' : 'Save'}: ${title}`} onClick={onToggle}>
      {saved ? '★ Saved' : '☆ Save'}
    </button>
  );
}

/** A compact badge on each listed paper: its citation count. Room for more actions beside it. */
export function PaperBadge({ paper, error, onRetry, source }: PaperBadgeProps) {
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
      <span class="ss-badge ss-badge-unknown" role="img" aria-label="No source lists this paper yet" title="No source lists this paper yet">
        –
      </span>
    );
  }
  const count = paper.citationCount;
  if (count === null) {
    const why = source === 'arxiv' ? 'Only arXiv lists this paper so far: no citation count yet' : 'No citation count yet';
    return (
      <span class="ss-badge ss-badge-unknown" role="img" aria-label={why} title={why}>
        new
      </span>
    );
  }
  const label = `${formatCount(count)} ${count === 1 ? 'citation' : 'citations'} (${source === 'openalex' ? 'OpenAlex' : 'Semantic Scholar'})`;
  return (
    <span class="ss-badge" role="img" aria-label={label} title={label}>
      {formatCompactCount(count)} cited
    </span>
  );
}

/** Where the paper was published, with how that is known (the title and the accessible name say it). */
export function VenueBadge({ published }: { published: PublishedVersion }) {
  const label = `Published: ${published.venue}${published.year ? ` ${published.year}` : ''}${published.doi ? `, DOI ${published.doi}` : ''}; ${published.basis}`;
  return (
    <span class="ss-venue" role="img" aria-label={label} title={label}>
      {published.label}
    </span>
  );
}

/** A retraction or withdrawal notice, with who gave it. */
export function RetractionBadge({ mark }: { mark: RetractionMark }) {
  const label = retractionRemark(mark);
  return (
    <span class="ss-withdrawn" role="img" aria-label={label} title={label}>
      {mark.kind === 'retraction' ? 'retracted' : 'withdrawn'}
    </span>
  );
}

export interface EntryBadgeProps {
  /** The paper's answer: known (with its source), unknown (null) or a failed lookup. */
  answer: { paper: Paper; source?: 'openalex' | 'arxiv' } | { error: string } | null;
  onRetry: () => void;
  /** Names of followed authors on the paper. */
  followed: readonly string[];
  /** The save toggle, where the page offers one. */
  save?: SaveToggleProps;
  /** arXiv's comment on the page saying the paper was withdrawn. */
  withdrawn?: string | null;
  /** Zotero, when the reader turned it on: the paper is in their library, or can be sent there. */
  zotero?: { held: boolean; title: string; onSend: () => void };
}

/** The reader's Zotero library holds the paper (any version, by arXiv id or DOI). */
export function ZoteroMark() {
  return (
    <span class="ss-zotero" role="img" aria-label="In your Zotero library" title="In your Zotero library">
      in Zotero
    </span>
  );
}

/** Everything beside a listed paper: its badge, the save toggle and who of the people followed wrote it. */
export function EntryBadge({ answer, onRetry, followed, save, withdrawn, zotero }: EntryBadgeProps) {
  const withdrawnLabel = withdrawn && `Withdrawn: "${withdrawn}" (arXiv's comment on this page)`;
  return (
    <span>
      {withdrawnLabel && (
        <span class="ss-withdrawn" role="img" aria-label={withdrawnLabel} title={withdrawnLabel}>
          withdrawn
        </span>
      )}
      {answer && 'error' in answer ? <PaperBadge paper={null} error={answer.error} onRetry={onRetry} /> : <PaperBadge paper={answer?.paper ?? null} source={answer?.source} />}
      {answer && 'paper' in answer && answer.paper.published && <VenueBadge published={answer.paper.published} />}
      {answer && 'paper' in answer && answer.paper.retraction && <RetractionBadge mark={answer.paper.retraction} />}
      {save && <SaveToggle {...save} />}
      {zotero?.held && <ZoteroMark />}
      {zotero && !zotero.held && (
        <button type="button" class="ss-save ss-zotero-send" aria-label={`Send to Zotero: ${zotero.title}`} title="Send to the collection selected in Zotero" onClick={zotero.onSend}>
          → Zotero
        </button>
      )}
      {followed.length > 0 && (
        <span class="ss-followed" title={`By ${followed.join(', ')}, whom you follow`}>
          ● {followed.join(', ')}
        </span>
      )}
    </span>
  );
}
