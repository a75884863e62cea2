import type { FollowNews } from '../lib/follow/service';
import { safeHref } from '../lib/links';
import { arxivAbsUrl } from '../lib/model';

/** Papers by followed authors that pages showed since the popup last listed them, newest first. */
export function FollowedNews({ news }: { news: FollowNews }) {
  return (
    <section class="ss-news" aria-label="New from people you follow">
      <h2 class="ss-popup-subtitle">New from people you follow</h2>
      <ul class="ss-pub-list">
        {news.papers.map((paper) => {
          const link = paper.arxivId ? safeHref(arxivAbsUrl({ id: paper.arxivId, version: null })) : null;
          return (
            <li class="ss-related-item" key={paper.key}>
              <p class="ss-pub-title">
                {link ? (
                  <a href={link} target="_blank" rel="noopener noreferrer">
                    {paper.title}
                  </a>
                ) : (
                  paper.title
                )}
              </p>
              <p class="ss-pub-authors">By {paper.followed.map((author) => author.name).join(', ')}</p>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
