import { browser } from 'wxt/browser';
import css from '../../components/styles.css?inline';
import { ask } from '../../lib/ui/ask';
import { ARXIV_ORIGINS } from '../../lib/core/sites/hosts';
import { annotateEntries, applyTabUpdate, type AnnotateDeps, type Annotation } from '../../lib/page/annotate';
import { createCorrection } from '../../lib/ui/correction';
import { compareActions, followActions } from '../../lib/ui/setActions';
import { savedActions } from '../../lib/ui/savedActions';
import { measure } from '../../lib/page/slices';
import { mountTriage } from '../../lib/page/triage';
import { setTheme } from '../../lib/page/shadow';
import { mountRelatedSection } from '../../lib/page/relatedSection';
import type { PageContextReply, TabRequest, TabUpdate } from '../../lib/core/protocol/messages';
import { absEntry, extractAbsPage, extractListPage } from '../../lib/core/sites/arxiv';

// arXiv pages with papers: abstract pages, listings, catch-up, author listings, search, HTML full text.
const PATHS = ['/abs/*', '/list/*', '/catchup*', '/a/*', '/search/*', '/html/*'];

// Papers shown from a stale cache come back refreshed, and papers get saved from the popup or the
// keyboard shortcut; redraw them in place.
function followRefreshes(annotation: Promise<Annotation>) {
  browser.runtime.onMessage.addListener((message: TabUpdate) => {
    if (message?.type === 'papersRefreshed' || message?.type === 'savedChanged') void annotation.then((current) => applyTabUpdate(current, message));
    return undefined;
  });
}

function answerPopup(reply: PageContextReply) {
  // The popup asks what this page is about; the page knows the version shown.
  browser.runtime.onMessage.addListener((message: TabRequest) => (message?.type === 'pageContext' ? Promise.resolve(reply) : undefined));
}

export default defineContentScript({
  matches: ARXIV_ORIGINS.flatMap((host) => PATHS.map((path) => `${host}${path}`)),
  runAt: 'document_idle',
  async main() {
    // The reader can switch arXiv off in the settings; the popup still answers for the page.
    const enabled = ask({ type: 'getSettings' }).then(
      (settings) => (setTheme(settings.theme), settings.sites.arxiv),
      () => true,
    );
    const started = performance.now();
    const deps: AnnotateDeps = {
      doc: document,
      css,
      papers: (keys) => ask({ type: 'papers', keys }),
      authorCard: (authorId) => ask({ type: 'authorCard', authorId }),
      correct: createCorrection({
        candidates: (profile) => ask({ type: 'profileCandidates', profile }),
        pin: (profile, authorId) => ask({ type: 'pinProfile', profile, authorId }),
        authorCard: (authorId) => ask({ type: 'authorCard', authorId }),
      }),
      saved: savedActions,
      compare: compareActions,
      follow: followActions,
    };
    const abs = extractAbsPage(document, location.href);
    if (abs) {
      answerPopup({ kind: 'paper', arxivId: abs.arxiv.id, version: abs.arxiv.version, title: abs.title, authorNames: abs.authors.map((a) => a.name), primaryCategory: abs.primaryCategory });
      if (!(await enabled)) return;
      followRefreshes(annotateEntries([absEntry(abs)], deps, { badges: true, eagerChips: true, badgeInside: true }));
      mountRelatedSection(document, css, abs.arxiv.id);
      return;
    }
    const list = extractListPage(document, location.href);
    measure('extract', started);
    if (!list) return;
    const single = list.kind === 'html' ? list.entries[0] : undefined;
    if (single?.arxiv) {
      answerPopup({ kind: 'paper', arxivId: single.arxiv.id, version: single.arxiv.version, title: single.title, authorNames: single.authors.map((a) => a.name), primaryCategory: null });
    }
    if (!(await enabled)) return;
    const html = list.kind === 'html';
    const annotation = annotateEntries(list.entries, deps, { badges: true, eagerChips: html, badgeInside: html });
    followRefreshes(annotation);
    // Listings and search results get the order-and-filter bar once their entries are known.
    if (!html) void annotation.then((done) => mountTriage({ doc: document, css, entries: list.entries, facts: () => done.facts() }));
  },
});
