import { useEffect, useState } from 'preact/hooks';
import type { AlertsView, FollowRecord } from '../../lib/core/protocol/wire';
import { ask } from '../../lib/ui/ask';
import { FollowingView, type FollowingViewProps } from '../FollowingView';

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The library's Following tab: the follows and the check's announcements, from the background. */
export function FollowingApp() {
  const [follows, setFollows] = useState<FollowRecord[] | null>(null);
  const [alerts, setAlerts] = useState<AlertsView | null>(null);
  const [checking, setChecking] = useState(false);
  const [notice, setNotice] = useState<FollowingViewProps['notice']>(null);
  const failed = (error: unknown) => setNotice({ kind: 'error', text: message(error) });
  useEffect(() => {
    ask({ type: 'followList' }).then(setFollows, failed);
    ask({ type: 'alerts' }).then(setAlerts, failed);
  }, []);
  return (
    <FollowingView
      follows={follows}
      alerts={alerts}
      checking={checking}
      notice={notice}
      onUnfollow={(author) =>
        void ask({ type: 'unfollow', authorId: author.authorId }).then((list) => {
          setFollows(list);
          setNotice({ kind: 'ok', text: `Unfollowed ${author.name}.` });
        }, failed)
      }
      onMarkSeen={() => void ask({ type: 'alertsSeen' }).then(setAlerts, failed)}
      onCheckNow={() => {
        setChecking(true);
        void ask({ type: 'alertsCheck' })
          .then((view) => {
            setAlerts(view);
            setNotice(view.state.lastError ? { kind: 'error', text: `The check did not finish: ${view.state.lastError}` } : { kind: 'ok', text: `Checked. ${view.unseen} new ${view.unseen === 1 ? 'paper' : 'papers'} not yet seen.` });
          }, failed)
          .finally(() => setChecking(false));
      }}
    />
  );
}
