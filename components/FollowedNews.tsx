import type { FollowNews } from '../lib/core/protocol/wire';
import { PaperTitle } from './RelatedPapers';

export interface FollowedNewsProps {
  news: FollowNews;
  /** Which of the listed papers are saved. */
  saved: ReadonlySet<string>;
  onToggleSave: (paper: FollowNews['papers'][number]) => void;
  /** Marks every announced paper seen (the badge clears). */
  onMarkSeen: () => void;
}

/**
 * Papers by followed authors, newest first: those the scheduled check announced and the reader has
 * not marked seen, then those pages showed since the popup last listed them (each paper once).
 */
export function FollowedNews({ news, saved, onToggleSave, onMarkSeen }: FollowedNewsProps) {
  return (
    <section class="ss-news" aria-label="New from people you follow">
      <h2 class="ss-popup-subtitle">New from people you follow</h2>
      <ul class="ss-pub-list">
        {news.papers.map((paper) => (
          <li class="ss-related-item" key={paper.key}>
            <PaperTitle title={paper.title} arxivId={paper.arxivId} />
            <p class="ss-pub-authors">
              By {paper.followed.map((author) => author.name).join(', ')}
              {paper.announced ? ' · new' : ' · seen on a page'}
            </p>
            <button type="button" class="ss-link-button" aria-pressed={saved.has(paper.key)} onClick={() => onToggleSave(paper)}>
              {saved.has(paper.key) ? '★ Saved' : '☆ Save'}
            </button>
          </li>
        ))}
      </ul>
      {news.unseen > 0 && (
        <button type="button" class="ss-button" onClick={onMarkSeen}>
          Mark all seen ({news.unseen})
        </button>
      )}
    </section>
  );
}
