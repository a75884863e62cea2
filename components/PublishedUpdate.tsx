import type { PublishedOffer } from '../lib/core/protocol/wire';
import { retractionRemark, type PublishedVersion } from '../lib/core/published';

/** Where an update to published versions stands: checked so far, what is left, and each paper's result. */
export interface PublishedRun {
  total: number;
  left: number;
  running: boolean;
  offers: PublishedOffer[];
  /** Keys whose offer the reader accepted, with what they had before (for undo). */
  accepted: ReadonlyMap<string, PublishedVersion | null>;
  error: string | null;
}

export interface PublishedUpdateProps {
  run: PublishedRun;
  onAccept: (offers: PublishedOffer[]) => void;
  onUndo: (key: string) => void;
  onStop: () => void;
  onResume: () => void;
  onClose: () => void;
}

const same = (a: PublishedVersion | null, b: PublishedVersion | null) => (a?.label ?? null) === (b?.label ?? null) && (a?.doi ?? null) === (b?.doi ?? null) && (a?.venue ?? null) === (b?.venue ?? null);

/** An offer that would change the saved paper: a venue found that is not the one it has. */
export const isNews = (offer: PublishedOffer) => offer.published !== null && !same(offer.published, offer.current);

/** The library's "Update to published versions": progress, a result per paper, accept and undo; nothing changes without a click. */
export function PublishedUpdate({ run, onAccept, onUndo, onStop, onResume, onClose }: PublishedUpdateProps) {
  const checked = run.total - run.left;
  const news = run.offers.filter(isNews);
  const waiting = news.filter((offer) => !run.accepted.has(offer.key));
  const unchanged = run.offers.filter((offer) => offer.published !== null && !isNews(offer)).length;
  const none = run.offers.filter((offer) => offer.found === 'none').length;
  const retracted = run.offers.filter((offer) => offer.retraction);
  const notes = [...new Set(run.offers.flatMap((offer) => offer.skipped))];
  return (
    <section class="ss-published-run" aria-label="Update to published versions">
      <h2>Published versions</h2>
      <p>
        <progress value={checked} max={Math.max(1, run.total)} aria-label="Papers checked" /> {checked} of {run.total} checked
        {run.running ? ' …' : run.left > 0 ? ' (stopped)' : ''}{' '}
        {run.running ? (
          <button type="button" class="ss-button" onClick={onStop}>
            Stop
          </button>
        ) : run.left > 0 ? (
          <button type="button" class="ss-button" onClick={onResume}>
            Resume ({run.left} left)
          </button>
        ) : null}{' '}
        <button type="button" class="ss-button" disabled={waiting.length === 0} onClick={() => onAccept(waiting)}>
          Accept all {waiting.length} found
        </button>{' '}
        <button type="button" class="ss-link-button" onClick={onClose}>
          Close
        </button>
      </p>
      {run.error && <p class="ss-error" role="alert">{run.error}</p>}
      <p class="ss-muted">
        {news.length} with a published version to accept, {unchanged} already up to date, {none} with no published version found{retracted.length > 0 ? `, ${retracted.length} retracted or withdrawn (marked in the list)` : ''}.
      </p>
      {notes.length > 0 && (
        <ul class="ss-published-notes" aria-label="Sources not asked">
          {notes.slice(0, 5).map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
      <ul class="ss-published-offers">
        {[...news, ...retracted.filter((offer) => !isNews(offer))].map((offer) => (
          <li key={offer.key} class="ss-published-offer">
            <span class="ss-published-title">{offer.title}</span>
            {offer.published && (
              <span>
                {offer.current ? `${offer.current.label} → ` : ''}
                <strong>{offer.published.label}</strong> <span class="ss-muted">({offer.published.basis})</span>
              </span>
            )}
            {offer.retraction && <span class="ss-withdrawn">{retractionRemark(offer.retraction)}</span>}
            {isNews(offer) &&
              (run.accepted.has(offer.key) ? (
                <button type="button" class="ss-button" onClick={() => onUndo(offer.key)} aria-label={`Undo for ${offer.title}`}>
                  Undo
                </button>
              ) : (
                <button type="button" class="ss-button" onClick={() => onAccept([offer])} aria-label={`Accept for ${offer.title}`}>
                  Accept
                </button>
              ))}
          </li>
        ))}
      </ul>
    </section>
  );
}
