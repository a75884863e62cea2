import type { FollowNews } from '../lib/core/protocol/wire';
import { PaperTitle } from './RelatedPapers';

/** Papers by followed authors that pages showed since the popup last listed them, newest first. */
export function FollowedNews({ news }: { news: FollowNews }) {
  return (
    <section class="ss-news" aria-label="New from people you follow">
      <h2 class="ss-popup-subtitle">New from people you follow</h2>
      <ul class="ss-pub-list">
        {news.papers.map((paper) => (
          <li class="ss-related-item" key={paper.key}>
            <PaperTitle title={paper.title} arxivId={paper.arxivId} />
            <p class="ss-pub-authors">By {paper.followed.map((author) => author.name).join(', ')}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
