import { browser } from 'wxt/browser';
import css from '../../components/styles.css?inline';
import { ask } from '../../lib/client';
import { annotateAbsPage } from '../../lib/content/absPage';
import type { PageContextReply, TabRequest } from '../../lib/messages';
import { extractAbsPage } from '../../lib/pages/arxiv';

export default defineContentScript({
  matches: ['https://arxiv.org/abs/*', 'https://www.arxiv.org/abs/*', 'https://export.arxiv.org/abs/*'],
  runAt: 'document_idle',
  main() {
    const context = extractAbsPage(document, location.href);
    if (!context) return;
    // The popup asks what this page is about; the page knows the version shown.
    browser.runtime.onMessage.addListener((message: TabRequest) => {
      if (message?.type !== 'pageContext') return undefined;
      const reply: PageContextReply = {
        kind: 'abs',
        arxivId: context.arxiv.id,
        version: context.arxiv.version,
        title: context.title,
        authorNames: context.authors.map((author) => author.name),
      };
      return Promise.resolve(reply);
    });
    void annotateAbsPage(context, {
      doc: document,
      css,
      papers: (arxivIds) => ask({ type: 'papers', arxivIds }),
      authorCard: (authorId) => ask({ type: 'authorCard', authorId }),
    });
  },
});
