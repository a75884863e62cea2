import { safeHref } from '../lib/core/links';
import type { ReadStatus, SavedSummary } from '../lib/core/saved/model';
import type { SavedQuery, SavedSort, VersionFilter } from '../lib/core/saved/query';
import { arxivAbsUrl, formatArxivId } from '../lib/core/ids';
import { formatCount, formatPublicationDate } from '../lib/core/format';
import { VenueBadge, ZoteroMark } from './PaperBadge';
import { PublishedUpdate, type PublishedUpdateProps } from './PublishedUpdate';
import { retractionRemark } from '../lib/core/published';

export type ExportFormat = 'bibtex' | 'ris' | 'csv' | 'json';

/** Papers drawn at first and added by each "Show more". */
export const LIBRARY_PAGE = 100;

export interface LibraryViewProps {
  /** How many papers are saved, null while the list is on its way. */
  total: number | null;
  /** How many the query matches, their keys (for "select all"), and the first of them, drawn. */
  matching: number;
  matchingKeys: readonly string[];
  papers: SavedSummary[];
  onShowMore: () => void;
  /** Keys of saved records too damaged to show; they stay in the store. */
  unreadable?: string[];
  tags: string[];
  query: SavedQuery;
  selected: ReadonlySet<string>;
  notice: { kind: 'ok' | 'error'; text: string } | null;
  /** The last removal, while it can still be undone. */
  undo: { count: number; onUndo: () => void } | null;
  onQuery: (query: SavedQuery) => void;
  onSelect: (key: string, on: boolean) => void;
  onSelectShown: (on: boolean) => void;
  onUpdate: (keys: string[], changes: { tags?: string[]; note?: string; status?: ReadStatus }) => void;
  /** Adds a tag to papers, keeping the tags they have. */
  onAddTag: (keys: string[], tag: string) => void;
  onRemove: (keys: string[]) => void;
  onExport: (format: ExportFormat, keys: string[] | null) => void;
  /** BibTeX and RIS cite the arXiv preprint even where a published version is known. */
  citePreprints: boolean;
  onCitePreprints: (value: boolean) => void;
  onImport: (file: File) => void;
  /** Papers shown that the reader's Zotero holds (empty when Zotero is off). */
  inZotero?: ReadonlySet<string>;
  /** Sends the selected papers to Zotero. */
  onSendToZotero: (keys: string[]) => void;
  /** Checks the published version of these papers (the selection, or all matching). */
  onUpdatePublished: (keys: string[]) => void;
  /** The update's panel, while there is one. */
  published: Omit<PublishedUpdateProps, 'run'> & { run: PublishedUpdateProps['run'] | null };
}

const STATUS_LABEL: Record<ReadStatus, string> = { 'to-read': 'To read', reading: 'Reading', read: 'Read' };
const SORT_LABEL: Record<SavedSort, string> = { saved: 'Saved date', published: 'Publication date', citations: 'Citations' };
const FORMATS: [ExportFormat, string][] = [['bibtex', 'BibTeX'], ['ris', 'RIS'], ['csv', 'CSV'], ['json', 'JSON (backup)']];

const splitTags = (text: string) => text.split(',').map((tag) => tag.trim()).filter(Boolean);

function SavedItem({ paper, selected, inZotero, onSelect, onUpdate, onRemove }: { paper: SavedSummary; selected: boolean; inZotero: boolean } & Pick<LibraryViewProps, 'onSelect' | 'onUpdate' | 'onRemove'>) {
  const id = paper.arxivId ? formatArxivId({ id: paper.arxivId, version: paper.version }) : paper.doi;
  const link = safeHref(paper.arxivId ? arxivAbsUrl({ id: paper.arxivId, version: paper.version }) : paper.doi ? `https://doi.org/${encodeURI(paper.doi)}` : null);
  const label = `Select ${paper.title}`;
  return (
    <li class="ss-saved-item">
      <input type="checkbox" checked={selected} aria-label={label} onChange={(event) => onSelect(paper.key, (event.target as HTMLInputElement).checked)} />
      <div class="ss-saved-body">
        <h2 class="ss-saved-title">{paper.title}</h2>
        <p class="ss-saved-meta">
          {link && (
            <a href={link} target="_blank" rel="noopener noreferrer">
              {id}
            </a>
          )}
          <span>{formatPublicationDate(paper.publicationDate, paper.year)}</span>
          {paper.citationCount !== null && <span>{formatCount(paper.citationCount)} citations</span>}
          {paper.published ? <VenueBadge published={paper.published} /> : paper.published === null && <span class="ss-preprint">preprint</span>}
          {inZotero && <ZoteroMark />}
          {paper.retraction && (
            <span class="ss-withdrawn" title={retractionRemark(paper.retraction)}>
              {paper.retraction.kind === 'retraction' ? 'retracted' : 'withdrawn by the publisher'}
            </span>
          )}
          {paper.withdrawn && (
            <span class="ss-withdrawn" title={`Withdrawn: "${paper.withdrawn}" (arXiv's comment, when saved)`}>
              withdrawn
            </span>
          )}
        </p>
        <p class="ss-saved-authors">{paper.authors.slice(0, 8).join(', ')}{paper.authors.length > 8 ? ` +${paper.authors.length - 8}` : ''}</p>
        <div class="ss-saved-edit">
          <label>
            Status{' '}
            <select value={paper.status} onChange={(event) => onUpdate([paper.key], { status: (event.target as HTMLSelectElement).value as ReadStatus })}>
              {Object.entries(STATUS_LABEL).map(([value, text]) => (
                <option value={value} key={value}>
                  {text}
                </option>
              ))}
            </select>
          </label>
          <label>
            Tags{' '}
            {/* Uncontrolled, keyed by what is stored: a refresh of the list while the reader types
                (another change's answer, the worker's second answer) must not reset the field. */}
            <input
              key={paper.tags.join(', ')}
              type="text"
              class="ss-tags-input"
              defaultValue={paper.tags.join(', ')}
              placeholder="comma, separated"
              onChange={(event) => onUpdate([paper.key], { tags: splitTags((event.target as HTMLInputElement).value) })}
            />
          </label>
          <label class="ss-note-label">
            Note
            <textarea key={paper.note} rows={2} defaultValue={paper.note} onChange={(event) => onUpdate([paper.key], { note: (event.target as HTMLTextAreaElement).value })} />
          </label>
          <button type="button" class="ss-link-button" onClick={() => onRemove([paper.key])} aria-label={`Remove ${paper.title}`}>
            Remove
          </button>
        </div>
      </div>
    </li>
  );
}

/** The library: the saved list with search, filters, sorting, editing, bulk actions, export and import. */
export function LibraryView(props: LibraryViewProps) {
  const { total, matching, matchingKeys, papers, tags, query, selected, notice, undo, onQuery, onSelectShown, onUpdate, onAddTag, onRemove, onExport, onImport } = props;
  const selection = [...selected];
  const allShownSelected = matchingKeys.length > 0 && matchingKeys.every((key) => selected.has(key));
  return (
    <main class="ss-library">
      <header class="ss-library-header">
        <h1>Saved papers</h1>
        <p class="ss-status">
          {total === null ? 'Loading…' : total === 0 ? 'Nothing saved yet: use ☆ Save beside a paper on arXiv, or import a file.' : `${matching} of ${total} match`}
        </p>
      </header>
      <section class="ss-library-controls" aria-label="Find">
        <input type="search" aria-label="Search titles, authors, abstracts, tags and notes" placeholder="Search titles, authors, abstracts, tags, notes" value={query.text} onInput={(event) => onQuery({ ...query, text: (event.target as HTMLInputElement).value })} />
        <label>
          Tag{' '}
          <select value={query.tag ?? ''} onChange={(event) => onQuery({ ...query, tag: (event.target as HTMLSelectElement).value || null })}>
            <option value="">All</option>
            {tags.map((tag) => (
              <option value={tag} key={tag}>
                {tag}
              </option>
            ))}
          </select>
        </label>
        <label>
          Status{' '}
          <select value={query.status ?? ''} onChange={(event) => onQuery({ ...query, status: ((event.target as HTMLSelectElement).value || null) as ReadStatus | null })}>
            <option value="">All</option>
            {Object.entries(STATUS_LABEL).map(([value, text]) => (
              <option value={value} key={value}>
                {text}
              </option>
            ))}
          </select>
        </label>
        <label>
          Version{' '}
          <select value={query.version ?? ''} onChange={(event) => onQuery({ ...query, version: ((event.target as HTMLSelectElement).value || undefined) as VersionFilter | undefined })}>
            <option value="">All</option>
            <option value="published">Published</option>
            <option value="preprint">Preprint only</option>
            <option value="retracted">Retracted or withdrawn</option>
          </select>
        </label>
        <label>
          Sort by{' '}
          <select value={query.sort} onChange={(event) => onQuery({ ...query, sort: (event.target as HTMLSelectElement).value as SavedSort })}>
            {Object.entries(SORT_LABEL).map(([value, text]) => (
              <option value={value} key={value}>
                {text}
              </option>
            ))}
          </select>
        </label>
      </section>
      <section class="ss-library-actions" aria-label="Selection and files">
        <label>
          <input type="checkbox" checked={allShownSelected} onChange={(event) => onSelectShown((event.target as HTMLInputElement).checked)} /> Select all {matching} matching
        </label>
        <span>{selection.length} selected</span>
        <button type="button" class="ss-button" disabled={selection.length === 0} onClick={() => {
          const tag = prompt('Tag to add to the selected papers')?.trim();
          if (tag) onAddTag(selection, tag);
        }}>
          Tag selected
        </button>
        <button type="button" class="ss-button" disabled={selection.length === 0} onClick={() => onRemove(selection)}>
          Remove selected
        </button>
        <button type="button" class="ss-button" disabled={selection.length === 0} onClick={() => props.onSendToZotero(selection)}>
          Send selected to Zotero
        </button>
        <button type="button" class="ss-button" disabled={matching === 0 || props.published.run?.running} onClick={() => props.onUpdatePublished(selection.length > 0 ? selection : [...matchingKeys])}>
          Update to published versions{selection.length > 0 ? ' (selected)' : ` (${matching})`}
        </button>
        <span class="ss-export">
          Export{' '}
          {FORMATS.map(([format, label]) => (
            <button type="button" class="ss-button" key={format} onClick={() => onExport(format, selection.length > 0 ? selection : null)}>
              {label}
            </button>
          ))}
          {selection.length > 0 ? ' (selected)' : ' (all)'}{' '}
          <label>
            <input type="checkbox" checked={props.citePreprints} onChange={(event) => props.onCitePreprints((event.target as HTMLInputElement).checked)} /> cite preprints, not published versions
          </label>
        </span>
        <label class="ss-button ss-import">
          Import…
          <input type="file" accept=".json,.bib,application/json,text/x-bibtex" class="ss-visually-hidden" onChange={(event) => {
            const file = (event.target as HTMLInputElement).files?.[0];
            if (file) onImport(file);
            (event.target as HTMLInputElement).value = '';
          }} />
        </label>
      </section>
      {props.unreadable && props.unreadable.length > 0 && (
        <p class="ss-error" role="alert">
          {props.unreadable.length === 1 ? 'One saved record is' : `${props.unreadable.length} saved records are`} damaged and cannot be shown (
          {props.unreadable.slice(0, 5).join(', ')}
          {props.unreadable.length > 5 ? ', …' : ''}). They are kept as they are; the rest of the list works.
        </p>
      )}
      <p class={notice?.kind === 'error' ? 'ss-error' : 'ss-notice'} role="status" aria-live="polite">
        {notice?.text ?? ''}
        {undo && (
          <>
            {' '}
            <button type="button" class="ss-button" onClick={undo.onUndo}>
              Undo
            </button>
          </>
        )}
      </p>
      {props.published.run && <PublishedUpdate {...props.published} run={props.published.run} />}
      <ul class="ss-saved-list">
        {papers.map((paper) => (
          <SavedItem key={paper.key} paper={paper} selected={selected.has(paper.key)} inZotero={props.inZotero?.has(paper.key) ?? false} onSelect={props.onSelect} onUpdate={onUpdate} onRemove={onRemove} />
        ))}
      </ul>
      {matching > papers.length && (
        // A long list comes and is drawn a page at a time: thousands of editable rows at once take seconds.
        <button type="button" class="ss-button ss-show-more" onClick={props.onShowMore}>
          Show {Math.min(matching - papers.length, LIBRARY_PAGE)} more ({matching - papers.length} not shown)
        </button>
      )}
    </main>
  );
}
