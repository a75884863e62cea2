import { formatCount, splitAuthorList } from '../lib/core/format';
import { type Paper } from '../lib/core/model';
import { arxivAbsUrl, parseArxivId } from '../lib/core/ids';
import type { RelatedRecord } from '../lib/core/protocol/wire';
import { ErrorNotice } from './ErrorNotice';
import { RetractionBadge, SaveToggle, VenueBadge, ZoteroMark } from './PaperBadge';

export type RelatedState = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; related: RelatedRecord };

export interface RelatedPapersProps {
  state: RelatedState;
  /** arXiv ids on the saved list. */
  saved: ReadonlySet<string>;
  /** arXiv ids the reader's Zotero holds. */
  inZotero?: ReadonlySet<string>;
  onToggleSave?: (paper: Paper) => void;
  /** Adds the paper's authors to the compare tray. */
  onCompareAuthors?: (paper: Paper) => void;
  onRetry?: () => void;
}

/** A paper's title, linked to its arXiv page when it has one (a stored id that is not an arXiv id gets no link). */
export function PaperTitle({ title, arxivId }: { title: string; arxivId: string | null }) {
  const ref = arxivId ? parseArxivId(arxivId) : null;
  const link = ref ? arxivAbsUrl({ id: ref.id, version: null }) : null;
  return (
    <p class="ss-pub-title">
      {link ? (
        <a href={link} target="_blank" rel="noopener noreferrer">
          {title}
        </a>
      ) : (
        title
      )}
    </p>
  );
}

function RelatedItem({ paper, saved, inZotero, onToggleSave, onCompareAuthors }: { paper: Paper } & Omit<RelatedPapersProps, 'state' | 'onRetry'>) {
  const { shown, more } = splitAuthorList(paper.authors, 3);
  return (
    <li class="ss-related-item">
      <PaperTitle title={paper.title} arxivId={paper.arxivId} />
      <p class="ss-pub-authors">
        {shown.map((author) => author.name).join(', ')}
        {more > 0 ? ` +${more}` : ''}
        {paper.year ? ` · ${paper.year}` : ''} · {formatCount(paper.citationCount)} citations
      </p>
      <p class="ss-related-actions">
        {paper.published && <VenueBadge published={paper.published} />}
        {paper.retraction && <RetractionBadge mark={paper.retraction} />}
        {paper.arxivId && onToggleSave && <SaveToggle saved={saved.has(paper.arxivId)} title={paper.title} onToggle={() => onToggleSave(paper)} />}
        {paper.arxivId && inZotero?.has(paper.arxivId) && <ZoteroMark />}
        {onCompareAuthors && paper.authors.some((author) => author.authorId) && (
          <button type="button" class="ss-compare" onClick={() => onCompareAuthors(paper)} aria-label={`Compare authors of ${paper.title}`}>
            + Compare authors
          </button>
        )}
      </p>
    </li>
  );
}

function RelatedList({ title, papers, empty, ...rest }: { title: string; papers: Paper[]; empty: string } & Omit<RelatedPapersProps, 'state' | 'onRetry'>) {
  return (
    <section class="ss-related-list" aria-label={title}>
      <h3 class="ss-section-title">{title}</h3>
      {papers.length === 0 ? (
        <p class="ss-status">{empty}</p>
      ) : (
        <ol class="ss-pub-list">
          {papers.map((paper, index) => (
            <RelatedItem key={paper.s2PaperId ?? `${index}`} paper={paper} {...rest} />
          ))}
        </ol>
      )}
    </section>
  );
}

/** Semantic Scholar lists citing papers newest first: past one page, these are the most cited of the newest. */
export function citingTitle(citingOf: number | undefined): string {
  return citingOf ? `Most cited of the newest ${citingOf.toLocaleString('en')} papers citing it` : 'Most cited of the papers citing it';
}

/** Papers related to the one in view: recommended for it, and the most cited of those citing it. */
export function RelatedPapers({ state, onRetry, ...rest }: RelatedPapersProps) {
  if (state.status === 'loading') return <p class="ss-status" role="status">Loading related papers…</p>;
  if (state.status === 'error') return <ErrorNotice text={`Could not load related papers: ${state.message}`} onRetry={onRetry} />;
  return (
    <div class="ss-related">
      <RelatedList title="Recommended by Semantic Scholar" papers={state.related.recommended} empty="No recommendations for this paper yet." {...rest} />
      <RelatedList title={citingTitle(state.related.citingOf)} papers={state.related.citing} empty="No citing papers known yet." {...rest} />
    </div>
  );
}
