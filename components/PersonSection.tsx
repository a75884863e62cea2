// The card's "one person" part: the profiles merged into this person with each one's reported
// numbers beside the recomputed ones, the papers dropped, and other profiles that may be the same
// person with their evidence. Pure: what to show and what to call come in as props.

import { useState } from 'preact/hooks';
import type { PersonView } from '../lib/core/model';
import type { PersonCandidates, PersonControl, ProfileEvidence } from '../lib/core/personCandidates';
import { SHOWN_COAUTHORS } from '../lib/core/personCandidates';
import { formatCount } from '../lib/core/format';
import { SOURCE_LABEL } from '../lib/core/metrics/card';

const figures = (citations: number | null, h: number | null, papers: number | null) => `${formatCount(citations)} citations, h-index ${formatCount(h)}, ${formatCount(papers)} papers`;

function Merged({ person, control }: { person: PersonView; control: PersonControl }) {
  if (person.profiles.length < 2) return null;
  const { metrics } = person;
  return (
    <div class="ss-person-merged">
      <p class="ss-section-title">One person from {person.profiles.length} profiles</p>
      <ul>
        {person.profiles.map((profile) => (
          <li key={profile.authorId}>
            {SOURCE_LABEL[profile.source]} profile “{profile.name}” ({profile.authorId}) reports {figures(profile.citationCount, profile.hIndex, profile.paperCount)}
          </li>
        ))}
      </ul>
      <p>
        The merged person: {figures(metrics.citations, metrics.hIndex, metrics.papers)}, recomputed from the merged paper list
        {person.duplicates > 0 ? ` (${person.duplicates} listed twice, counted once)` : ''}
        {person.complete ? '' : ' (some lists were cut: lower bounds)'}.
      </p>
      <button type="button" class="ss-link-button ss-unmerge" disabled={control.busy} onClick={() => control.onUnmerge(person.personId)}>
        Unmerge these profiles
      </button>
    </div>
  );
}

function Dropped({ person, control }: { person: PersonView; control: PersonControl }) {
  if (person.dropped.length === 0) return null;
  return (
    <details>
      <summary>Dropped as not by this person ({person.dropped.length})</summary>
      <ul>
        {person.dropped.map((paper) => (
          <li key={paper.ids[0]}>
            <span>{paper.title || paper.ids[0]}</span>{' '}
            <button type="button" class="ss-link-button" disabled={control.busy} onClick={() => control.onRestore(paper)} aria-label={`Restore ${paper.title}`}>
              Restore
            </button>
          </li>
        ))}
      </ul>
    </details>
  );
}

function Evidence({ candidate }: { candidate: ProfileEvidence }) {
  const lines: string[] = [];
  if (candidate.sameOrcid) lines.push('Same ORCID');
  if (candidate.sameOpenAlex) lines.push(`Same OpenAlex author (${candidate.sameOpenAlex})`);
  if (candidate.sharedCoauthorCount > 0) {
    const more = candidate.sharedCoauthorCount - Math.min(candidate.sharedCoauthors.length, SHOWN_COAUTHORS);
    lines.push(`Shared coauthors: ${candidate.sharedCoauthors.map((coauthor) => coauthor.name).join(', ')}${more > 0 ? ` and ${more} more` : ''}`);
  }
  if (candidate.years) lines.push(`Papers ${candidate.years.from}–${candidate.years.to}${candidate.overlappingYears ? ' (overlapping years)' : ''}`);
  if (candidate.sharedVenues.length > 0) lines.push(`Shared venues: ${candidate.sharedVenues.join(', ')}`);
  if (!candidate.suggested) lines.push('Shares only the name: not suggested');
  return (
    <ul>
      {lines.map((line) => (
        <li key={line}>{line}</li>
      ))}
    </ul>
  );
}

function Candidates({ found, control }: { found: PersonCandidates; control: PersonControl }) {
  return (
    <ol>
      {found.candidates.map((candidate) => (
        <li key={candidate.author.authorId}>
          <p>
            <strong>{candidate.author.name}</strong> ({candidate.author.authorId}){candidate.author.affiliations.length > 0 ? `, ${candidate.author.affiliations[0]}` : ''}: reports{' '}
            {figures(candidate.author.citationCount, candidate.author.hIndex, candidate.author.paperCount)}
          </p>
          <Evidence candidate={candidate} />
          <button type="button" class="ss-merge" disabled={control.busy} onClick={() => control.onMerge(candidate.author.authorId)} aria-label={`Merge ${candidate.author.name} (${candidate.author.authorId}) into this person`}>
            Merge into this person
          </button>
        </li>
      ))}
    </ol>
  );
}

/** The person part of a card: merged profiles, drops, and other profiles on request. */
export function PersonSection({ person, control }: { person?: PersonView; control: PersonControl }) {
  const [open, setOpen] = useState(false);
  const state = control.candidates;
  const suggested = state.status === 'ready' ? state.found.candidates.filter((candidate) => candidate.suggested).length : 0;
  const others = state.status === 'ready' ? state.found.candidates.length : 0;
  return (
    <section class="ss-person" aria-label="One person">
      {person && <Merged person={person} control={control} />}
      {person && <Dropped person={person} control={control} />}
      {control.error && <p class="ss-status ss-error" role="alert">Not changed: {control.error}</p>}
      {state.status === 'error' && <p class="ss-status">No other profiles: {state.message}</p>}
      {others > 0 && (
        <p>
          <button type="button" class="ss-link-button ss-other-profiles" aria-expanded={open} onClick={() => setOpen(!open)}>
            {suggested > 0 ? `${suggested} other ${suggested === 1 ? 'profile looks' : 'profiles look'} like this person` : `${others} other ${others === 1 ? 'profile shares' : 'profiles share'} only the name`}
          </button>
          {state.status === 'ready' && state.found.nameVariants.length > 1 &&  <span> · names seen: {state.found.nameVariants.join(', ')}</span>}
        </p>
      )}
      {open && state.status === 'ready' && <Candidates found={state.found} control={control} />}
    </section>
  );
}
