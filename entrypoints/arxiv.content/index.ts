import { browser } from 'wxt/browser';
import css from '../../components/styles.css?inline';
import type { PageContextReply, TabRequest, TabUpdate } from '../../lib/core/protocol/tab';
import { arxivPageKind, arxivSite } from '../../lib/core/sites/arxiv';
import { matchesOf } from '../../lib/core/sites/patterns';
import { annotateEntries } from '../../lib/page/annotate';
import { applyTabUpdate, type Annotation } from '../../lib/page/annotation';
import { mountRelatedSection } from '../../lib/page/relatedSection';
import { setTheme } from '../../lib/page/shadow';
import { measure } from '../../lib/page/slices';
import { mountTriage } from '../../lib/page/triage';
import { ask } from '../../lib/ui/ask';
import { compareSet, followSet } from '../../lib/ui/authorSet';
import { personActions } from '../../lib/ui/personControl';
import { correction } from '../../lib/ui/correction';
import { savedActions } from '../../lib/ui/savedActions';

// Papers shown from a stale cache come back refreshed, and papers get saved from the popup or the
// keyboard shortcut; redraw them in place.
function followRefreshes(annotation: Promise<Annotation>) {
  browser.runtime.onMessage.addListener((message: TabUpdate) => {
    if (message?.type === 'papersRefreshed' || message?.type === 'savedChanged') void annotation.then((current) => applyTabUpdate(current, message));
    return undefined;
  });
}

// The popup asks what this page is about; the page knows the version shown.
function answerPopup(reply: PageContextReply) {
  browser.runtime.onMessage.addListener((message: TabRequest) => (message?.type === 'pageContext' ? Promise.resolve(reply) : undefined));
}

// arXiv's pages with papers (lib/core/sites/arxiv): abstracts, listings, catch-up, author listings,
// search results, HTML full text; what each kind gets is its descriptor's drawing.
export default defineContentScript({
  matches: matchesOf(arxivSite),
  // Injected as the page starts, to ask for the settings while it loads and to begin at
  // DOMContentLoaded itself: at document_end or idle the browser has first laid out a long listing,
  // which can take seconds.
  runAt: 'document_start',
  async main() {
    // The reader can switch arXiv off in the settings; the popup still answers for the page.
    let settingsKnown = false;
    let zoteroOn = false;
    const enabled = ask({ type: 'pageSettings' })
      .then(
        (settings) => (setTheme(settings.theme), (zoteroOn = settings.zotero), settings.sites.arxiv),
        () => true,
      )
      .finally(() => (settingsKnown = true));
    if (document.readyState === 'loading') await new Promise((parsed) => document.addEventListener('DOMContentLoaded', parsed, { once: true }));
    const started = performance.now();
    const kind = arxivPageKind(location.href);
    const page = kind?.extract(document, location.href);
    if (!kind || !page) return;
    // A page about one paper reads its authors when the chips are drawn, not here.
    if (!kind.drawing.single) measure('extract', started);
    const paper = kind.drawing.single ? page.entries[0] : undefined;
    if (paper?.arxiv) {
      answerPopup({ kind: 'paper', arxivId: paper.arxiv.id, version: paper.arxiv.version, title: paper.title, authorNames: paper.authors.map((a) => a.name), primaryCategory: paper.primaryCategory ?? null });
    }
    // Waiting for the settings (a slow start) ends this task: the next is timed from its own start.
    const taskStart = settingsKnown ? started : null;
    if (!(await enabled)) return;
    const firstTaskStart = taskStart ?? performance.now();
    // No yield here: the first screen's request goes in the task that read the page, so its answer
    // can be back while the browser lays the page out (annotate.ts yields before the rest).
    const annotation = annotateEntries(
      page.entries,
      {
        doc: document,
        css,
        papers: (keys, options) => ask({ type: 'papers', keys, ...options }),
        authorCard: (authorId) => ask({ type: 'authorCard', authorId }),
        correct: correction,
        saved: savedActions,
        zotero: zoteroOn ? { which: (keys) => ask({ type: 'zoteroWhich', keys }), send: (key) => ask({ type: 'zoteroSend', keys: [key] }) } : undefined,
        compare: compareSet,
        follow: followSet,
        persons: personActions,
      },
      { badges: true, eagerChips: kind.drawing.single, badgeInside: kind.drawing.badgeInside },
    );
    // Reading the page and asking for its first screen are one task: the benchmark holds it under 50 ms.
    if (!kind.drawing.single) measure('first task', firstTaskStart);
    followRefreshes(annotation);
    if (kind.drawing.related && paper) mountRelatedSection(document, css, paper.key);
    // Listings and search results get the order-and-filter bar once their entries are known.
    if (kind.drawing.triage) void annotation.then((done) => mountTriage({ doc: document, css, entries: page.entries, facts: () => done.facts() }));
  },
});
