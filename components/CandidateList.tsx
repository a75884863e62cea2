import type { Candidate } from '../lib/core/identity';
import { affiliationLine, formatCompactCount } from '../lib/core/format';

export interface CandidateListProps {
  /** Who is being looked for. */
  name: string | null;
  candidates: Candidate[];
  onPin: (authorId: string) => void;
  onBack?: () => void;
}

/** Semantic Scholar profiles that could be the person, with the facts that tell them apart. */
export function CandidateList({ name, candidates, onPin, onBack }: CandidateListProps) {
  return (
    <section class="ss-candidates" aria-label="Candidates">
      <p class="ss-status">Which Semantic Scholar profile is {name ?? 'this person'}? Pick one; your choice is kept.</p>
      {candidates.length === 0 && <p class="ss-status">Semantic Scholar has no other profile under this name.</p>}
      <ul class="ss-candidate-list">
        {candidates.map(({ author, overlap }) => (
          <li class="ss-candidate" key={author.authorId}>
            <div class="ss-candidate-who">
              <span class="ss-candidate-name">{author.name}</span>
              {author.affiliations.length > 0 && <span class="ss-affiliation">{affiliationLine(author.affiliations)}</span>}
              <span class="ss-candidate-facts">
                {formatCompactCount(author.paperCount)} papers · {formatCompactCount(author.citationCount)} citations · h {formatCompactCount(author.hIndex)}
                {overlap > 0 ? ` · wrote ${overlap} of this page's papers` : ''}
              </span>
            </div>
            <button type="button" class="ss-button" onClick={() => onPin(author.authorId)} aria-label={`This is ${author.name} (${author.authorId})`}>
              This is them
            </button>
          </li>
        ))}
      </ul>
      {onBack && (
        <button type="button" class="ss-link-button" onClick={onBack}>
          Back to the card
        </button>
      )}
    </section>
  );
}
