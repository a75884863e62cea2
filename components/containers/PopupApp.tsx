import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { ProfileQuery } from '../../lib/core/identity';
import type { Author } from '../../lib/core/model';
import { resolvePopupTarget, type PopupTarget } from '../../lib/core/popupTarget';
import type { PageContextReply } from '../../lib/core/protocol/tab';
import { MAX_COMPARE } from '../../lib/core/protocol/wire';
import { pageSnapshot } from '../../lib/core/saved/model';
import { ask } from '../../lib/ui/ask';
import { compareSet, followSet } from '../../lib/ui/authorSet';
import { correction } from '../../lib/ui/correction';
import { AuthorCard, type AuthorCardState } from '../AuthorCard';
import { FollowedNewsLoader } from './FollowedNewsLoader';
import { SourceNoticesLoader } from './SourceNoticesLoader';
import { PopupView, type PaperState, type RowState } from '../PopupView';
import { useAuthorSet } from '../hooks/useAuthorSet';
import { usePersonControls } from '../hooks/usePersonControls';
import { useSelfCitationControls } from '../hooks/useSelfCitationControls';
import { SelfCitationSection, type SelfCitationProps } from '../SelfCitationSection';
import type { SelfCitationControl } from '../../lib/ui/selfCitationControl';
import { RelatedLoader } from './RelatedLoader';

// `?tab=<id>` lets the popup be opened for a given tab (tests, "open in a tab"); else the active tab.
async function currentTab(): Promise<{ id?: number; url?: string } | undefined> {
  const param = new URLSearchParams(location.search).get('tab');
  if (param && /^\d+$/.test(param)) return browser.tabs.get(Number(param));
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab;
}

async function pageContext(tabId: number | undefined): Promise<PageContextReply | null> {
  if (tabId === undefined) return null;
  try {
    const reply = (await browser.tabs.sendMessage(tabId, { type: 'pageContext' })) as PageContextReply | undefined;
    return reply ?? null;
  } catch {
    return null; // No content script on this tab (PDF, other sites).
  }
}

const selfCitationProps = (control: SelfCitationControl | undefined): SelfCitationProps | undefined => control && { view: control.view(), error: control.error(), onCount: control.count };

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** On a profile page: the card of the person the page is about, as the page's panel resolved it. */
function ProfilePopup({ profile }: { profile: ProfileQuery }) {
  const [card, setCard] = useState<AuthorCardState | { status: 'unresolved' }>({ status: 'loading' });
  const tray = useAuthorSet(compareSet);
  const following = useAuthorSet(followSet);
  const [version, setVersion] = useState(0);
  const [resolvedId, setResolvedId] = useState<string | null>(null);
  const persons = usePersonControls(() => setVersion((next) => next + 1));
  const selfCitations = useSelfCitationControls();
  useEffect(() => {
    ask({ type: 'resolveProfile', profile }).then(
      (resolution) => {
        if (resolution.status !== 'resolved') return setCard({ status: 'unresolved' });
        setCard({ status: 'loading', author: resolution.author });
        persons.open(resolution.author.authorId);
        selfCitations.open(resolution.author.authorId);
        setResolvedId(resolution.author.authorId);
        ask({ type: 'authorCard', authorId: resolution.author.authorId }).then(
          (data) => setCard({ status: 'ready', data }),
          (error: unknown) => setCard({ status: 'error', message: errorText(error), author: resolution.author }),
        );
      },
      (error: unknown) => setCard({ status: 'error', message: errorText(error) }),
    );
  }, [profile, version]);
  if (card.status === 'unresolved') {
    return (
      <p class="ss-status">
        ScholarScope could not tell which Semantic Scholar profile {profile.name ?? 'this person'} is. Choose one in the panel on the page.
      </p>
    );
  }
  const author = card.status === 'ready' ? card.data.author : null;
  return (
    <AuthorCard
      state={card}
      compare={tray.toggle(author)}
      follow={following.toggle(author)}
      person={resolvedId ? persons.control(resolvedId, card.status === 'ready') : undefined}
      extra={resolvedId && <SelfCitationSection {...selfCitationProps(selfCitations.control(resolvedId))!} />}
    />
  );
}

export function PopupApp() {
  const [profile, setProfile] = useState<ProfileQuery | null>(null);
  const [target, setTarget] = useState<PopupTarget | null | undefined>(undefined);
  const [paper, setPaper] = useState<PaperState>({ status: 'loading' });
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const [cards, setCards] = useState<ReadonlyMap<string, RowState>>(new Map());
  const [saved, setSaved] = useState<boolean | null>(null);
  const [tabId, setTabId] = useState<number | undefined>(undefined);
  const tray = useAuthorSet(compareSet);
  const following = useAuthorSet(followSet);
  const [compareAllError, setCompareAllError] = useState<string | null>(null);
  const setError = tray.error ?? following.error ?? compareAllError;

  const loadPaper = useCallback((arxivId: string) => {
    setPaper({ status: 'loading' });
    ask({ type: 'papers', keys: [arxivId] }).then(
      (answer) => {
        setPaper({ status: 'ready', entry: answer[arxivId] ?? null });
        performance.mark('rows'); // read by the benchmarks: the authors are on screen from here
      },
      (error: unknown) => setPaper({ status: 'error', message: error instanceof Error ? error.message : String(error) }),
    );
  }, []);

  useEffect(() => {
    void (async () => {
      const tab = await currentTab();
      setTabId(tab?.id);
      // An arXiv address names the paper already: asked for while the page is asked what it shows
      // (its version and title), not after.
      const fromUrl = resolvePopupTarget(tab?.url, null);
      if (fromUrl) loadPaper(fromUrl.arxivId);
      const context = await pageContext(tab?.id);
      if (context?.kind === 'profile') {
        setProfile(context.profile);
        setTarget(null);
        return;
      }
      const resolved = resolvePopupTarget(tab?.url, context);
      setTarget(resolved);
      if (resolved) {
        if (resolved.arxivId !== fromUrl?.arxivId) loadPaper(resolved.arxivId);
        ask({ type: 'savedWhich', keys: [resolved.arxivId] }).then((keys) => setSaved(keys.length > 0), () => setSaved(null));
      }
    })();
  }, [loadPaper]);

  const selfCitations = useSelfCitationControls();
  // After a merge or a drop the card and the paper's rows are read again (the person's numbers).
  const persons = usePersonControls((authorId) => {
    const row = cards.get(authorId);
    // The row's key is the author on the paper; a person's card answers under the person's first profile.
    const author = row?.status === 'ready' ? { ...row.data.author, authorId } : row && 'author' in row ? row.author : undefined;
    if (author) loadCard(author);
    if (target) loadPaper(target.arxivId);
  });
  const setCard = (authorId: string, state: RowState) => setCards((previous) => new Map(previous).set(authorId, state));

  const loadCard = (author: Author) => {
    setCard(author.authorId, { status: 'loading', author });
    persons.open(author.authorId);
    selfCitations.open(author.authorId);
    ask({ type: 'authorCard', authorId: author.authorId }).then(
      (data) => setCard(author.authorId, { status: 'ready', data: author.pinnedFrom ? { ...data, author: { ...data.author, pinnedFrom: author.pinnedFrom } } : data }),
      (error: unknown) => setCard(author.authorId, { status: 'error', message: errorText(error), author }),
    );
  };

  const toggleAuthor = (author: Author) => {
    const next = new Set(expanded);
    if (next.delete(author.authorId)) {
      setExpanded(next);
      return;
    }
    next.add(author.authorId);
    setExpanded(next);
    if (cards.get(author.authorId)?.status !== 'ready') loadCard(author);
  };

  const wrongPerson = (author: Author) => {
    setCard(author.authorId, { status: 'loading', author });
    correction.candidates(author, target?.arxivId ?? null).then(
      (found) => setCard(author.authorId, { status: 'candidates', candidates: found.filter((c) => c.author.authorId !== author.authorId) }),
      (error: unknown) => setCard(author.authorId, { status: 'error', message: errorText(error), author }),
    );
  };

  // After a correction the paper is read again: the background applies the pin to its authors.
  const pin = (author: Author, chosenId: string) =>
    void correction.pin(author, chosenId).then((chosen) => {
      setExpanded(new Set([chosen.authorId]));
      loadCard(chosen);
      if (target) loadPaper(target.arxivId);
    });

  const toggleSave = () => {
    if (!target) return;
    const entry = paper.status === 'ready' ? paper.entry : null;
    const was = saved === true;
    setSaved(!was);
    const request = was
      ? ask({ type: 'unsave', keys: [target.arxivId] })
      : ask({
          type: 'savePaper',
          key: target.arxivId,
          page: pageSnapshot(entry?.paper.title || target.pageTitle || target.arxivId, entry?.authors.map((a) => a.name) ?? [], target.version, target.primaryCategory),
        });
    request.then(
      // The page's own toggle shows the change too.
      () => tabId !== undefined && void browser.tabs.sendMessage(tabId, { type: 'savedChanged', keys: [target.arxivId], saved: !was }).catch(() => undefined),
      () => setSaved(was),
    );
  };

  const libraryLink = (
    <>
      <button type="button" class="ss-link-button" onClick={() => void browser.tabs.create({ url: browser.runtime.getURL('/library.html') })}>
        Saved papers
      </button>
      {' · '}
      <button type="button" class="ss-link-button" onClick={() => void browser.tabs.create({ url: browser.runtime.getURL('/library.html#compare') })}>
        Compare{(tray.members()?.size ?? 0) > 0 ? ` (${tray.members()!.size})` : ''}
      </button>
      {' · '}
      <button type="button" class="ss-link-button" onClick={() => void browser.tabs.create({ url: browser.runtime.getURL('/library.html#following') })}>
        Following
      </button>
    </>
  );

  if (target === undefined) return <p class="ss-status">Loading…</p>;
  const newsSection = <FollowedNewsLoader />;
  if (profile) return (
    <>
      <SourceNoticesLoader />
      <ProfilePopup profile={profile} />
    </>
  );
  return (
    <>
      {/* Where to go from here first, within the first screen: the card below can be long. */}
      <nav class="ss-popup-nav" aria-label="ScholarScope">
        {libraryLink}
        {' · '}
        <button type="button" class="ss-link-button" onClick={() => void browser.runtime.openOptionsPage()}>
          Settings
        </button>
      </nav>
      <SourceNoticesLoader />
      {newsSection}
      <PopupView
        target={target}
        paper={paper}
        expanded={expanded}
        cards={cards}
        onToggleAuthor={toggleAuthor}
        onRetryPaper={() => target && loadPaper(target.arxivId)}
        onWrongPerson={wrongPerson}
        onPin={pin}
        onShowCard={loadCard}
        saved={saved}
        onToggleSave={toggleSave}
        tray={tray.members()}
        onToggleCompare={(author) => tray.toggle(author)?.onToggle()}
        following={following.members()}
        onToggleFollow={(author) => following.toggle(author)?.onToggle()}
        personFor={(author) => persons.control(author.authorId, cards.get(author.authorId)?.status === 'ready')}
        selfCitationsFor={(author) => selfCitationProps(selfCitations.control(author.authorId))}
        onCompareAll={(authors) =>
          void ask({ type: 'compareAdd', authors: authors.slice(0, MAX_COMPARE).map((author) => ({ authorId: author.authorId, name: author.name.slice(0, 500) })) }).then(
            (entries) => (tray.replace(entries.map((entry) => entry.authorId)), setCompareAllError(null)),
            (error: unknown) => setCompareAllError(errorText(error)),
          )
        }
      />
      {setError && (
        <p class="ss-error" role="alert">
          {setError}
        </p>
      )}
      {target && (
        <section class="ss-popup-related" aria-label="Related papers">
          <h2 class="ss-popup-subtitle">Related papers</h2>
          <RelatedLoader paperKey={target.arxivId} />
        </section>
      )}
    </>
  );
}
