import { safeHref } from '../lib/core/links';
import type { Author, PaperWithAuthors } from '../lib/core/model';
import { arxivAbsUrl, formatArxivId } from '../lib/core/ids';
import { formatCompactCount } from '../lib/core/format';
import type { PopupTarget } from '../lib/core/popupTarget';
import type { Candidate } from '../lib/core/identity';
import { AuthorCard, type AuthorCardState, type CompareControl } from './AuthorCard';
import { CandidateList } from './CandidateList';
import type { PersonControl } from '../lib/core/personCandidates';
import { SelfCitationSection, type SelfCitationProps } from './SelfCitationSection';
import { ErrorNotice } from './ErrorNotice';
import { SaveToggle } from './PaperBadge';

/** An author row's content: their card, or the profiles to choose from when correcting it. */
export type RowState = AuthorCardState | { status: 'candidates'; candidates: Candidate[] };

export type PaperState = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; entry: PaperWithAuthors | null };

export interface PopupViewProps {
  target: PopupTarget | null;
  paper: PaperState;
  expanded: ReadonlySet<string>;
  cards: ReadonlyMap<string, RowState>;
  onToggleAuthor: (author: Author) => void;
  onRetryPaper: () => void;
  onWrongPerson?: (author: Author) => void;
  onPin?: (author: Author, chosenId: string) => void;
  /** Back from the candidates to the author's card. */
  onShowCard?: (author: Author) => void;
  /** Whether the paper is on the saved list (null: not known yet), and the toggle. */
  saved?: boolean | null;
  onToggleSave?: () => void;
  /** Authors in the compare tray; with it each card offers Compare and the list "Compare all". */
  tray?: ReadonlySet<string>;
  onToggleCompare?: (author: Author) => void;
  /** Authors the reader follows, and the toggle. */
  following?: ReadonlySet<string>;
  onToggleFollow?: (author: Author) => void;
  onCompareAll?: (authors: Author[]) => void;
  /** Each open card's person control (merge profiles, drop papers). */
  personFor?: (author: Author) => PersonControl | undefined;
  /** Each open card's self-citation control. */
  selfCitationsFor?: (author: Author) => SelfCitationProps | undefined;
}

function NotAPaper() {
  return (
    <section class="ss-empty">
      <h1 class="ss-popup-title">ScholarScope</h1>
      <p>This tab is not an arXiv paper.</p>
      <p>
        Open a paper on arXiv (an abstract page such as <code>arxiv.org/abs/1810.04805</code>, or its PDF) and this
        popup shows the paper's authors with their citations, h-index and publications. On abstract pages each
        author name also gets a small chip; hover it or focus it for the author card.
      </p>
    </section>
  );
}

interface AuthorRowProps {
  author: Author;
  open: boolean;
  card: RowState | undefined;
  onToggle: () => void;
  onWrongPerson?: () => void;
  onPin?: (chosenId: string) => void;
  onBack: () => void;
  compare?: CompareControl;
  follow?: CompareControl;
  person?: PersonControl;
  selfCitations?: SelfCitationProps;
}

function AuthorRow({ author, open, card, onToggle, onWrongPerson, onPin, onBack, compare, follow, person, selfCitations }: AuthorRowProps) {
  const panelId = `author-${author.authorId}`;
  return (
    <li class="ss-author-row">
      <button type="button" class="ss-author-toggle" aria-expanded={open} aria-controls={panelId} onClick={onToggle}>
        <span class="ss-author-name">{author.name}</span>
        <span class="ss-author-metrics">
          h {formatCompactCount(author.hIndex)} · {formatCompactCount(author.citationCount)}
        </span>
      </button>
      {open && (
        <div id={panelId} class="ss-author-panel">
          {card?.status === 'candidates' ? (
            <CandidateList name={author.name} candidates={card.candidates} onPin={(id) => onPin?.(id)} onBack={onBack} />
          ) : (
            <AuthorCard state={card ?? { status: 'loading', author }} onWrongPerson={onWrongPerson} compare={compare} follow={follow} person={person} extra={selfCitations && <SelfCitationSection {...selfCitations} />} />
          )}
        </div>
      )}
    </li>
  );
}

/** The toolbar popup: the paper in the current tab and a card for each of its authors. */
export function PopupView({ target, paper, expanded, cards, onToggleAuthor, onRetryPaper, onWrongPerson, onPin, onShowCard, saved, onToggleSave, tray, onToggleCompare, onCompareAll, following, onToggleFollow, personFor, selfCitationsFor }: PopupViewProps) {
  if (!target) return <NotAPaper />;
  const shownId = formatArxivId({ id: target.arxivId, version: target.version });
  const entry = paper.status === 'ready' ? paper.entry : null;
  const title = entry?.paper.title || target.pageTitle || '';
  return (
    <section class="ss-popup-paper">
      <header class="ss-paper-header">
        <p class="ss-paper-id">
          <a href={safeHref(arxivAbsUrl({ id: target.arxivId, version: target.version })) ?? undefined} target="_blank" rel="noopener noreferrer">
            arXiv:{shownId}
          </a>
        </p>
        {title && <h1 class="ss-popup-title">{title}</h1>}
        {saved !== undefined && saved !== null && onToggleSave && <SaveToggle saved={saved} title={title || shownId} onToggle={onToggleSave} />}
      </header>
      {paper.status === 'loading' && <p class="ss-status" role="status">Loading authors…</p>}
      {paper.status === 'error' && <ErrorNotice text={`Could not load this paper's authors: ${paper.message}`} onRetry={onRetryPaper} />}
      {paper.status === 'ready' && !entry && (
        <p class="ss-status">No source lists this paper yet (Semantic Scholar, OpenAlex, arXiv); new papers usually appear within a few days.</p>
      )}
      {entry?.source === 'arxiv' && (
        <>
          <p class="ss-status">Only arXiv lists this paper so far, so there are no citation numbers yet; Semantic Scholar and OpenAlex usually list new papers within a few days.</p>
          <ul class="ss-name-list" aria-label="Authors">
            {entry.paper.authors.map((author, index) => (
              <li key={`${index}-${author.name}`}>{author.name}</li>
            ))}
          </ul>
        </>
      )}
      {entry?.source === 'openalex' && <p class="ss-status">From OpenAlex: Semantic Scholar does not list this paper yet.</p>}
      {entry && entry.authors.length === 0 && entry.source !== 'arxiv' && <p class="ss-status">The source lists no authors for this paper.</p>}
      {entry && entry.authors.length > 1 && tray && onCompareAll && (
        <p class="ss-compare-all">
          <button type="button" class="ss-button" onClick={() => onCompareAll(entry.authors)} disabled={entry.authors.every((author) => tray.has(author.authorId))}>
            {entry.authors.every((author) => tray.has(author.authorId)) ? 'All authors are in the compare tray' : `Compare all ${entry.authors.length} authors`}
          </button>
        </p>
      )}
      {entry && entry.authors.length > 0 && (
        <ul class="ss-author-list" aria-label="Authors">
          {entry.authors.map((author) => (
            <AuthorRow
              key={author.authorId}
              author={author}
              open={expanded.has(author.authorId)}
              card={cards.get(author.authorId)}
              onToggle={() => onToggleAuthor(author)}
              onWrongPerson={onWrongPerson && (() => onWrongPerson(author))}
              onPin={onPin && ((chosenId) => onPin(author, chosenId))}
              onBack={() => onShowCard?.(author)}
              compare={tray && onToggleCompare ? { inTray: tray.has(author.authorId), onToggle: () => onToggleCompare(author) } : undefined}
              follow={following && onToggleFollow ? { inTray: following.has(author.authorId), onToggle: () => onToggleFollow(author) } : undefined}
              person={personFor?.(author)}
              selfCitations={selfCitationsFor?.(author)}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
