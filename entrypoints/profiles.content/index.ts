import { browser } from 'wxt/browser';
import css from '../../components/styles.css?inline';
import { ask } from '../../lib/client';
import { annotateEntries } from '../../lib/content/annotate';
import { mountProfilePanel, type ProfilePanelHandle } from '../../lib/content/profilePanel';
import type { PageContextReply, TabRequest } from '../../lib/messages';
import { extractProfilePage, profileQuery } from '../../lib/pages/profiles';

export default defineContentScript({
  matches: ['https://www.semanticscholar.org/author/*', 'https://dblp.org/pid/*', 'https://dblp.uni-trier.de/pid/*'],
  runAt: 'document_idle',
  main(ctx) {
    let panel: ProfilePanelHandle | null = null;
    let reply: PageContextReply | null = null;
    browser.runtime.onMessage.addListener((message: TabRequest) => (message?.type === 'pageContext' && reply ? Promise.resolve(reply) : undefined));

    const run = () => {
      const context = extractProfilePage(document, location.href);
      if (!context) {
        panel?.remove();
        panel = null;
        reply = null;
        return;
      }
      const query = profileQuery(context);
      reply = { kind: 'profile', profile: query };
      panel ??= mountProfilePanel({
        doc: document,
        css,
        resolve: (profile) => ask({ type: 'resolveProfile', profile }),
        candidates: (profile) => ask({ type: 'profileCandidates', profile }),
        pin: (profile, authorId) => ask({ type: 'pinProfile', profile, authorId }),
        authorCard: (authorId) => ask({ type: 'authorCard', authorId }),
        prefs: () => ask({ type: 'getPrefs' }),
        savePrefs: (prefs) => ask({ type: 'savePrefs', prefs }),
      });
      void panel.show(query);
      if (context.entries.length > 0) {
        void annotateEntries(
          context.entries,
          { doc: document, css, papers: (arxivIds) => ask({ type: 'papers', arxivIds }), authorCard: (authorId) => ask({ type: 'authorCard', authorId }) },
          { badges: true, eagerChips: false },
        );
      }
    };
    run();
    // Semantic Scholar is a single-page app: a new person arrives without a page load. WXT reports
    // the change from the Navigation API's navigate event, before the address has changed; read it after.
    ctx.addEventListener(window, 'wxt:locationchange', () => ctx.setTimeout(run, 0));
  },
});
