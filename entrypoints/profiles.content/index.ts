import { browser } from 'wxt/browser';
import css from '../../components/styles.css?inline';
import { hasEvidence, profileQuery } from '../../lib/core/identity';
import type { PageContextReply, TabRequest, TabUpdate } from '../../lib/core/protocol/tab';
import type { PageSettings } from '../../lib/core/settings';
import { extractProfilePage, PROFILE_MATCHES, profileSiteAt } from '../../lib/core/sites/profileSites';
import { annotateEntries } from '../../lib/page/annotate';
import { applyTabUpdate, type Annotation } from '../../lib/page/annotation';
import { mountProfilePanel, type ProfilePanelHandle } from '../../lib/page/profilePanel';
import { setTheme } from '../../lib/page/shadow';
import { ask } from '../../lib/ui/ask';
import { compareSet, followSet } from '../../lib/ui/authorSet';
import { personActions } from '../../lib/ui/personControl';
import { savedActions } from '../../lib/ui/savedActions';

// Rendered pages settle within seconds; stop watching after this.
const WATCH_MS = 15_000;
// A page's changes (its own scripts' too) read it again at most this often, and this many times in
// all; the annotations kept for later updates are as many.
const RERUN_MS = 500;
const MAX_RERUNS = 60;
const MAX_ANNOTATIONS = 20;

export default defineContentScript({
  matches: PROFILE_MATCHES,
  // Registered by the background for the profile sites the reader granted (lib/background/profileAccess.ts).
  registration: 'runtime',
  runAt: 'document_idle',
  main(ctx) {
    let panel: ProfilePanelHandle | null = null;
    let reply: PageContextReply | null = null;
    let shown = '';
    let annotations: Promise<Annotation>[] = [];
    // Papers shown from a stale cache come back refreshed, and papers get saved from the popup or
    // the keyboard shortcut; redraw them in place.
    browser.runtime.onMessage.addListener((message: TabUpdate) => {
      if (message?.type === 'papersRefreshed' || message?.type === 'savedChanged') for (const annotation of annotations) void annotation.then((current) => applyTabUpdate(current, message));
      return undefined;
    });
    browser.runtime.onMessage.addListener((message: TabRequest) => (message?.type === 'pageContext' && reply ? Promise.resolve(reply) : undefined));

    // Which site this is, from the address: reading the page is for `run`.
    const site = profileSiteAt(location.href);
    // Sites the reader switched off in the settings get nothing.
    // Without an answer every site counts as on (only `false` switches one off); the registry, with
    // arXiv's page readers, stays out of this script.
    let settings: Omit<PageSettings, 'sites'> & { sites: Partial<Record<string, boolean>> } | null = null;
    // `settled`: an app page is read again as it fills in, and until it has settled one with nothing
    // to go on yet (ORCID before its record loads) waits instead of saying no one matched.
    const run = async (settled = !site?.rendersLate) => {
      settings ??= await ask({ type: 'pageSettings' }).then(
        (known) => (setTheme(known.theme), known),
        () => ({ theme: 'system' as const, sites: {}, panelCollapsed: false, zotero: false }),
      );
      const found = extractProfilePage(document, location.href);
      const context = found && settings.sites[found.site] !== false ? found : null;
      if (!context) {
        panel?.remove();
        panel = null;
        reply = null;
        return;
      }
      const query = profileQuery(context);
      if (!settled && !hasEvidence(query)) return;
      reply = { kind: 'profile', profile: query };
      const key = JSON.stringify(query);
      if (key === shown) return; // Nothing new on the page since the last look.
      shown = key;
      panel ??= mountProfilePanel({
        doc: document,
        css,
        resolve: (profile) => ask({ type: 'resolveProfile', profile }),
        candidates: (profile) => ask({ type: 'profileCandidates', profile }),
        pin: (profile, authorId) => ask({ type: 'pinProfile', profile, authorId }),
        authorCard: (authorId) => ask({ type: 'authorCard', authorId }),
        collapsed: settings.panelCollapsed,
        savePrefs: (prefs) => ask({ type: 'savePrefs', prefs }),
        compare: compareSet,
        follow: followSet,
        persons: personActions,
      });
      void panel.show(query);
      if (context.entries.length > 0) {
        annotations = annotations.slice(-(MAX_ANNOTATIONS - 1));
        annotations.push(
          annotateEntries(
            context.entries,
            { doc: document, css, papers: (keys) => ask({ type: 'papers', keys }), authorCard: (authorId) => ask({ type: 'authorCard', authorId }), saved: savedActions, compare: compareSet, follow: followSet, persons: personActions },
            { badges: true, eagerChips: false },
          ),
        );
      }
    };
    void run();
    // Every later look goes through here: at most one each RERUN_MS, MAX_RERUNS in all. The page's
    // own scripts can change the page (and send WXT's location event) as often as they like.
    const observers: MutationObserver[] = [];
    let reruns = 0;
    let timer: number | undefined;
    const rerun = () => {
      if (timer !== undefined || reruns >= MAX_RERUNS) return;
      timer = ctx.setTimeout(() => {
        timer = undefined;
        if (++reruns === MAX_RERUNS) {
          observers.forEach((observer) => observer.disconnect());
          console.info(`ScholarScope: this page changed ${MAX_RERUNS} times; later changes are not read until it is reloaded`);
        }
        void run();
      }, RERUN_MS);
    };
    const watch = (target: Node, options: MutationObserverInit, changed: MutationCallback) => {
      const observer = new MutationObserver(changed);
      observer.observe(target, options);
      observers.push(observer);
      return observer;
    };
    ctx.onInvalidated(() => observers.forEach((observer) => observer.disconnect()));
    // Apps (OpenReview, ORCID, Semantic Scholar) fill the page in after load: look again as it
    // changes, for a while; then once more, as it is.
    if (site?.rendersLate) {
      const observer = watch(document.body, { childList: true, subtree: true }, (records) => {
        // Our own panel and chips change the page too; only the page's own changes count.
        if (!records.every((record) => (record.target as Element).closest?.('[data-scholarscope]'))) rerun();
      });
      ctx.setTimeout(() => (observer.disconnect(), void run(true)), WATCH_MS);
    }
    // Google Scholar adds rows to its table when the reader presses "Show more": read them as they come.
    const grows = site?.grows ? document.querySelector(site.grows) : null;
    if (grows) watch(grows, { childList: true }, () => rerun());
    // Semantic Scholar is a single-page app: a new person arrives without a page load. WXT reports
    // the change from the Navigation API's navigate event, before the address has changed; read it
    // after, and only if the address did change (a page's script can send the event too).
    let address = location.href;
    ctx.addEventListener(window, 'wxt:locationchange', () => {
      ctx.setTimeout(() => {
        if (location.href === address) return;
        address = location.href;
        rerun();
      }, 0);
    });
  },
});
