// Self-citations on a card: a button to count them, the progress while counting, then the h-index
// and citations without them beside the figures with them, and the cap the count stopped at.

import { formatCount } from '../lib/core/format';
import { CITATIONS_LISTED_MAX, SELF_CITATION_STEP, type SelfCitationView } from '../lib/core/selfCitations';

export interface SelfCitationProps {
  view: SelfCitationView | null;
  error: string | null;
  onCount: (action: 'start' | 'more') => void;
}

const percent = (part: number, whole: number) => (whole > 0 ? `${Math.round((100 * part) / whole)}%` : '–');

export function SelfCitationSection({ view, error, onCount }: SelfCitationProps) {
  return (
    <section class="ss-self" aria-label="Self-citations">
      {error && <p class="ss-status ss-error" role="alert">Self-citations: {error}</p>}
      {(!view || view.status === 'none') && (
        <button type="button" class="ss-link-button ss-self-count" disabled={!view} onClick={() => onCount('start')}>
          Count self-citations (the {SELF_CITATION_STEP} most cited papers)
        </button>
      )}
      {view?.status === 'running' && (
        <p class="ss-status" role="status">
          Counting self-citations: {view.checked} of {view.cap} papers checked <progress max={view.cap} value={view.checked} />
        </p>
      )}
      {view?.status === 'stopped' && (
        <p class="ss-status">
          Self-citations stopped after {view.checked} of {view.cap} papers: {view.error}{' '}
          <button type="button" class="ss-link-button" onClick={() => onCount('start')}>
            Continue
          </button>
        </p>
      )}
      {view?.figures && view.checked > 0 && (
        <p class="ss-self-figures">
          Without self-citations: h-index {formatCount(view.figures.hIndexWithout)} (with: {formatCount(view.figures.hIndex)}), {formatCount(view.figures.citationsWithout)} citations (with:{' '}
          {formatCount(view.figures.citations)}). Self-citations: {formatCount(view.figures.selfCitations)} of {formatCount(view.figures.citingChecked)} citing papers listed ({percent(view.figures.selfCitations, view.figures.citingChecked)}), on the {view.checked}{' '}
          most cited of {view.papers} cited papers.
        </p>
      )}
      {view?.figures && view.figures.incomplete > 0 && (
        <p class="ss-status ss-self-incomplete">
          Incomplete: {view.figures.incomplete === 1 ? '1 paper has' : `${view.figures.incomplete} papers have`} more citing papers than Semantic Scholar lists (it lists at most{' '}
          {formatCount(CITATIONS_LISTED_MAX)} for one paper); only the listed ones were checked for self-citations.
        </p>
      )}
      {view?.status === 'done' && view.cap < view.papers && (
        <button type="button" class="ss-link-button" onClick={() => onCount('more')}>
          Check the next {Math.min(SELF_CITATION_STEP, view.papers - view.cap)} papers
        </button>
      )}
    </section>
  );
}
