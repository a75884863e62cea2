import { useEffect, useState } from 'preact/hooks';
import type { SourceNotice } from '../../lib/core/sourceNotices';
import { ask } from '../../lib/ui/ask';
import { SourceNotices } from '../SourceNotices';

/** How often, and how many times, an open page asks again: a notice comes with the answers its own requests get. */
const POLL_MS = 2000;
const POLLS = 15;

/** The sources' notices for a page that stays open a while (popup, settings); `refresh` asks again at once. */
export function SourceNoticesLoader({ refresh = 0 }: { refresh?: number }) {
  const [notices, setNotices] = useState<readonly SourceNotice[]>([]);
  useEffect(() => {
    let polls = 0;
    const read = () => void ask({ type: 'sourceNotices' }).then(setNotices, () => undefined);
    read();
    const timer = setInterval(() => (++polls >= POLLS ? clearInterval(timer) : read()), POLL_MS);
    return () => clearInterval(timer);
  }, [refresh]);
  return <SourceNotices notices={notices} />;
}
