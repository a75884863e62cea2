import { useEffect, useState } from 'preact/hooks';
import type { FollowNews } from '../../lib/core/protocol/wire';
import { pageSnapshot } from '../../lib/core/saved/model';
import { ask } from '../../lib/ui/ask';
import { FollowedNews } from '../FollowedNews';

/** The popup's new papers by followed authors: asked for once per opening, saved and marked seen from here. */
export function FollowedNewsLoader() {
  const [news, setNews] = useState<FollowNews | null>(null);
  const [saved, setSaved] = useState<ReadonlySet<string>>(new Set());
  useEffect(() => {
    ask({ type: 'followNews' }).then(
      (answer) => {
        setNews(answer);
        if (answer.papers.length > 0) void ask({ type: 'savedWhich', keys: answer.papers.map((paper) => paper.key) }).then((keys) => setSaved(new Set(keys)), () => undefined);
      },
      () => undefined,
    );
  }, []);
  if (!news || news.papers.length === 0) return null;

  const toggleSave = (paper: FollowNews['papers'][number]) => {
    const on = !saved.has(paper.key);
    const change = on ? ask({ type: 'savePaper', key: paper.key, page: pageSnapshot(paper.title, paper.authors, null, null) }) : ask({ type: 'unsave', keys: [paper.key] });
    void change.then(
      () => setSaved((current) => {
        const next = new Set(current);
        if (on) next.add(paper.key);
        else next.delete(paper.key);
        return next;
      }),
      () => undefined,
    );
  };
  const markSeen = () => void ask({ type: 'alertsSeen' }).then((view) => setNews({ ...news, unseen: view.unseen }), () => undefined);
  return <FollowedNews news={news} saved={saved} onToggleSave={toggleSave} onMarkSeen={markSeen} />;
}
