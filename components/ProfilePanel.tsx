import type { Candidate, Resolution, ResolvedVia } from '../lib/core/identity';
import type { PersonControl } from '../lib/core/personCandidates';
import { AuthorCard, type AuthorCardState, type CompareControl } from './AuthorCard';
import { CandidateList } from './CandidateList';
import { ErrorNotice } from './ErrorNotice';

type Gone = Resolution['gone'];
type Claim = Resolution['claim'];

/** `gone`: an author id Semantic Scholar no longer has, which the reader's pin or the page gave. */
export type PanelState =
  | { status: 'loading' }
  | { status: 'resolved'; via: ResolvedVia; evidence: number; card: AuthorCardState; gone?: Gone; claim?: Claim }
  | { status: 'candidates'; candidates: Candidate[]; gone?: Gone; claim?: Claim }
  | { status: 'unknown'; gone?: Gone; claim?: Claim }
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
  /** Adding the person to the compare tray. */
  compare?: CompareControl;
  follow?: CompareControl;
  person?: PersonControl;
}

function viaText(via: ResolvedVia, evidence: number): string {
  if (via === 'pin') return 'Matched by your choice.';
  if (via === 'page-id') return 'Matched by the Semantic Scholar id this page gives.';
  if (via === 'orcid') return 'Matched by the ORCID iD this page gives.';
  return `Matched by ${evidence} of this page's papers.`;
}

function goneText({ authorId, from }: NonNullable<Gone>): string {
  return from === 'pin'
    ? `The profile you chose for this page, Semantic Scholar author ${authorId}, is no longer listed there; choose again if this is not them.`
    : `This page links Semantic Scholar author ${authorId}, which Semantic Scholar no longer lists.`;
}

function claimText(name: string | null, { authorId, name: linked }: NonNullable<Claim>): string {
  return `This page links Semantic Scholar author ${authorId}, ${linked}, but the page's name is ${name ?? 'not given'}: the names differ, so that link is shown only as the page's claim and is not taken as who this is.`;
}

/** The small floating panel on profile pages: who this is, by which evidence, and a way to correct it. */
export function ProfilePanel({ name, state, collapsed, onToggleCollapsed, onPin, onWrongPerson, onRetry, compare, follow, person }: ProfilePanelProps) {
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
          {'gone' in state && state.gone && <p class="ss-status">{goneText(state.gone)}</p>}
          {'claim' in state && state.claim && <p class="ss-status ss-claim">{claimText(name, state.claim)}</p>}
          {state.status === 'loading' && <p class="ss-status" role="status">Finding {name ?? 'this person'} on Semantic Scholar…</p>}
          {state.status === 'error' && <ErrorNotice text={`Could not look this person up: ${state.message}`} onRetry={onRetry} />}
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
              <AuthorCard state={state.card} compare={state.card.status === 'ready' ? compare : undefined} follow={state.card.status === 'ready' ? follow : undefined} person={person} />
            </>
          )}
        </div>
      )}
    </aside>
  );
}
