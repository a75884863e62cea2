import type { AlertRecord } from '../lib/core/alerts';
import { clip, formatPublicationDate } from '../lib/core/format';
import type { AlertsView, FollowRecord } from '../lib/core/protocol/wire';
import { PaperTitle } from './RelatedPapers';

/** Papers listed under each followed author at most. */
const PER_AUTHOR = 10;

export interface FollowingViewProps {
  follows: FollowRecord[] | null;
  alerts: AlertsView | null;
  checking: boolean;
  notice: { kind: 'ok' | 'error'; text: string } | null;
  onUnfollow: (author: FollowRecord) => void;
  onMarkSeen: () => void;
  onCheckNow: () => void;
}

const when = (time: number | null) => (time === null ? 'never' : new Date(time).toLocaleString());

function Paper({ paper }: { paper: AlertRecord }) {
  return (
    <li class="ss-related-item">
      <PaperTitle title={paper.title} arxivId={paper.arxivId} />
      <p class="ss-pub-authors">
        {formatPublicationDate(paper.publicationDate)}
        {paper.authors.length > 0 && ` · ${paper.authors.slice(0, 5).join(', ')}${paper.authorCount > 5 ? ` +${paper.authorCount - 5}` : ''}`}
        {!paper.seen && <strong> · new</strong>}
      </p>
    </li>
  );
}

/** Everyone the reader follows, each with the papers the scheduled check found, newest first; where the check stands. */
export function FollowingView({ follows, alerts, checking, notice, onUnfollow, onMarkSeen, onCheckNow }: FollowingViewProps) {
  const state = alerts?.state;
  return (
    <main class="ss-library ss-following">
      <h1>People you follow</h1>
      <p class="ss-status">
        {state ? (
          <>
            Last checked {when(state.lastSuccessAt)}
            {state.nextAt !== null ? `; next check ${when(state.nextAt)}` : '; checks are off (see the settings)'}
            {state.lastError && ` · the last try failed: ${clip(state.lastError, 200)}`}
          </>
        ) : (
          'Loading…'
        )}
      </p>
      <p>
        <button type="button" class="ss-button" disabled={checking} onClick={onCheckNow}>
          {checking ? 'Checking…' : 'Check now'}
        </button>{' '}
        {alerts && alerts.unseen > 0 && (
          <button type="button" class="ss-button" onClick={onMarkSeen}>
            Mark all seen ({alerts.unseen})
          </button>
        )}
      </p>
      {notice && (
        <p class={notice.kind === 'error' ? 'ss-error' : 'ss-notice'} role="status">
          {notice.text}
        </p>
      )}
      {follows !== null && follows.length === 0 && <p>You follow no one yet: open an author's card on arXiv and choose Follow.</p>}
      <ul class="ss-follow-list">
        {(follows ?? []).map((author) => {
          const papers = (alerts?.papers ?? []).filter((paper) => paper.followed.some((followed) => followed.authorId === author.authorId)).slice(0, PER_AUTHOR);
          return (
            <li key={author.authorId} class="ss-follow-item">
              <h2 class="ss-popup-subtitle">
                {author.name}{' '}
                <button type="button" class="ss-link-button" onClick={() => onUnfollow(author)} aria-label={`Unfollow ${author.name}`}>
                  Unfollow
                </button>
              </h2>
              {papers.length > 0 ? (
                <ul class="ss-pub-list">
                  {papers.map((paper) => (
                    <Paper key={paper.key} paper={paper} />
                  ))}
                </ul>
              ) : (
                <p class="ss-hint">No new papers found yet.</p>
              )}
            </li>
          );
        })}
      </ul>
    </main>
  );
}
