// Self-citations as a card shows them: read when the card opens (no request when nothing was
// counted), counted on the reader's word, progress polled while the background counts. Polling
// also resumes a count a stopped worker left halfway.

import type { SelfCitationView } from '../core/selfCitations';
import { ask } from './ask';

export const POLL_MS = 700;

export interface SelfCitationControl {
  view(): SelfCitationView | null;
  error(): string | null;
  count(action: 'start' | 'more'): void;
  /** Stops polling (the card closed). */
  stop(): void;
}

export function createSelfCitationControl(authorId: string, redraw: () => void, asker: typeof ask = ask): SelfCitationControl {
  let current: SelfCitationView | null = null;
  let failure: string | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  function take(action: 'read' | 'start' | 'more') {
    void asker({ type: 'selfCitations', authorId, action }).then(
      (view) => {
        current = view;
        failure = null;
        redraw();
        clearTimeout(timer);
        if (view.status === 'running' && !stopped) timer = setTimeout(() => take('read'), POLL_MS);
      },
      (error: unknown) => {
        failure = error instanceof Error ? error.message : String(error);
        redraw();
      },
    );
  }
  take('read');

  return {
    view: () => current,
    error: () => failure,
    count: (action) => take(action),
    stop: () => {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
