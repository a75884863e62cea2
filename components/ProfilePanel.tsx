import type { Candidate } from '../lib/identity';
import { formatCompactCount } from '../lib/format';
import { AuthorCard, type AuthorCardState } from './AuthorCard';

export type PanelState =
  | { status: 'loading' }
  | { status: 'resolved'; via: 'pin' | 'page-id' | 'papers'; evidence: number; card: AuthorCardState }
  | { status: 'candidates'; candidates: Candidate[] }
  | { status: 'unknown' }
  | { status: 'error'; message: string };

export interface ProfilePanelProps {
  name: string | null;
  state: PanelState;
  collapsed: boolean;
  onToggleCollapsed: () => void;
  /** Pin this Semantic Scholar author as the person of this page. */
  onPin: (authorId: string) => void;
  /** The match is wrong: show candidates. */
  onWrongPerson: () => void;
  onRetry: () => void;
}

function viaText(via: 'pin' | 'page-id' | 'papers', evidence: number): string {
  if (via === 'pin') return 'Matched by your choice.';
  if (via === 'page-id') return 'Matched by the Semantic Scholar id this page gives.';
  return `Matched by ${evidence} of this page's papers.`;
}

function CandidateList({ name, candidates, onPin }: { name: string | null; candidates: Candidate[]; onPin: (id: string) => void }) {
  return (
    <section class="ss-candidates" aria-label="Candidates">
      <p class="ss-status">Which Semantic Scholar profile is {name ?? 'this person'}? Pick one; your choice is kept for this page.</p>
      <ul class="ss-candidate-list">
        {candidates.map(({ author, overlap }) => (
          <li class="ss-candidate" key={author.authorId}>
            <div class="ss-candidate-who">
              <span class="ss-candidate-name">{author.name}</span>
              {author.affiliations.length > 0 && <span class="ss-affiliation">{author.affiliations.join('; ')}</span>}
              <span class="ss-candidate-facts">
                {formatCompactCount(author.paperCount)} papers · {formatCompactCount(author.citationCount)} citations
                {overlap > 0 ? ` · wrote ${overlap} of this page's papers` : ''}
              </span>
            </div>
            <button type="button" class="ss-button" onClick={() => onPin(author.authorId)} aria-label={`This is ${author.name} (${author.authorId})`}>
              This is them
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The small floating panel on profile pages: who this is, by which evidence, and a way to correct it. */
export function ProfilePanel({ name, state, collapsed, onToggleCollapsed, onPin, onWrongPerson, onRetry }: ProfilePanelProps) {
  return (
    <aside class="ss-panel ss-root" aria-label="ScholarScope: who this profile is">
      <header class="ss-panel-header">
        <span class="ss-panel-title">ScholarScope</span>
        <button type="button" class="ss-link-button" aria-expanded={!collapsed} onClick={onToggleCollapsed}>
          {collapsed ? 'Show' : 'Hide'}
        </button>
      </header>
      {!collapsed && (
        <div class="ss-panel-body">
          {state.status === 'loading' && <p class="ss-status" role="status">Finding {name ?? 'this person'} on Semantic Scholar…</p>}
          {state.status === 'error' && (
            <div class="ss-error" role="alert">
              <p>Could not look this person up: {state.message}</p>
              <button type="button" class="ss-button" onClick={onRetry}>
                Try again
              </button>
            </div>
          )}
          {state.status === 'unknown' && <p class="ss-status">No Semantic Scholar profile matched {name ?? 'this person'}.</p>}
          {state.status === 'candidates' && <CandidateList name={name} candidates={state.candidates} onPin={onPin} />}
          {state.status === 'resolved' && (
            <>
              <p class="ss-panel-via">
                {viaText(state.via, state.evidence)}{' '}
                <button type="button" class="ss-link-button" onClick={onWrongPerson}>
                  Not this person?
                </button>
              </p>
              <AuthorCard state={state.card} />
            </>
          )}
        </div>
      )}
    </aside>
  );
}
