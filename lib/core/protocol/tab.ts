// Messages between the background or popup and a tab's content script.

import type { PaperKey } from '../ids';
import type { ProfileQuery } from '../identity';
import type { PaperWithAuthors } from '../model';

/** What the popup asks the content script of a tab. */
export type TabRequest = { type: 'pageContext' };

/** What the background or popup tells a tab: papers it showed stale have been refreshed; papers were saved or removed elsewhere. */
export type TabUpdate =
  | { type: 'papersRefreshed'; papers: Record<PaperKey, PaperWithAuthors | null> }
  | { type: 'savedChanged'; keys: PaperKey[]; saved: boolean };

export type PageContextReply =
  | {
      /** A page about one paper (abstract page, HTML full text). */
      kind: 'paper';
      arxivId: string;
      version: number | null;
      title: string;
      authorNames: string[];
      /** arXiv's primary category when the page shows it (abstract pages). */
      primaryCategory: string | null;
    }
  | { kind: 'profile'; profile: ProfileQuery };
