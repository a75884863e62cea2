// What the sources' own limits mean for the reader now (a refused key, a spent daily allowance),
// each said once with what to do about it.

import { noticeText, type SourceNotice } from '../lib/core/sourceNotices';

export function SourceNotices({ notices }: { notices: readonly SourceNotice[] }) {
  if (notices.length === 0) return null;
  return (
    <ul class="ss-source-notices" role="status" aria-label="About the sources">
      {notices.map((notice) => (
        <li key={`${notice.source}-${notice.kind}`} class="ss-source-notice">
          {noticeText(notice)}
        </li>
      ))}
    </ul>
  );
}
