import { safeHref } from '../lib/core/links';
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { Author, AuthorCardData, Paper } from '../lib/core/model';
import { arxivAbsUrl, formatArxivId } from '../lib/core/ids';
import { affiliationLine, formatAge, formatCount, formatPublicationDate, splitAuthorList } from '../lib/core/format';
import { headline, headlineSource, openAlexNote, SOURCE_LABEL, sourceRows } from '../lib/core/metrics/card';
import { CARD_METRICS } from '../lib/core/metrics/registry';
import { formatMetric } from '../lib/core/metrics/table';
import { ErrorNotice } from './ErrorNotice';
import { PersonSection } from './PersonSection';
import type { PersonControl } from '../lib/core/personCandidates';
import { RetractionBadge, VenueBadge, ZoteroMark } from './PaperBadge';

export type AuthorCardState =
  | { status: 'loading'; author?: Author }
  | { status: 'error'; message: string; author?: Author }
  | { status: 'ready'; data: AuthorCardData };

export interface AuthorCardProps {
  state: AuthorCardState;
  onRetry?: () => void;
  /** Offered where the reader can correct who this is. */
  onWrongPerson?: () => void;
  /** Adding to or taking out of the compare tray. */
  compare?: CompareControl;
  /** Following the author (their papers are marked on listings). */
  follow?: CompareControl;
  /** Merging profiles into one person and dropping papers; without it the card offers neither. */
  person?: PersonControl;
  /** Drawn after the person part once the card is ready (extension pages: self-citations). */
  extra?: ComponentChildren;
  now?: number;
}

export interface CompareControl {
  inTray: boolean;
  onToggle: () => void;
}

/** "Follow": a toggle, pressed while the reader follows the author. */
export function FollowToggle({ control, name }: { control: CompareControl; name: string }) {
  return (
    <button
      type="button"
      class={`ss-compare ss-follow${control.inTray ? ' ss-comparing' : ''}`}
      aria-pressed={control.inTray}
      aria-label={control.inTray ? `Following ${name}; stop following` : `Follow ${name}`}
      onClick={control.onToggle}
    >
      {control.inTray ? '✓ Following' : '+ Follow'}
    </button>
  );
}

/** "Compare": a toggle, pressed while the author is in the compare tray. */
export function CompareToggle({ control, name }: { control: CompareControl; name: string }) {
  return (
    <button
      type="button"
      class={`ss-compare${control.inTray ? ' ss-comparing' : ''}`}
      aria-pressed={control.inTray}
      aria-label={control.inTray ? `Comparing ${name}; remove from the compare tray` : `Compare ${name}`}
      onClick={control.onToggle}
    >
      {control.inTray ? '✓ Comparing' : '+ Compare'}
    </button>
  );
}

function Metric({ label, value }: { label: string; value: number | null }) {
  return (
    <div class="ss-metric">
      <dt>{label}</dt>
      <dd>{formatCount(value)}</dd>
    </div>
  );
}

function CardHeader({ author }: { author: Author }) {
  const initial = author.name.trim().charAt(0).toUpperCase() || '?';
  return (
    <header class="ss-card-header">
      <span class="ss-avatar" aria-hidden="true">{initial}</span>
      <div class="ss-who">
        <h2 class="ss-name">{author.name}</h2>
        {author.affiliations.length > 0 && <p class="ss-affiliation">{affiliationLine(author.affiliations)}</p>}
      </div>
    </header>
  );
}

function Metrics({ numbers }: { numbers: { label: string; value: number | null }[] }) {
  return (
    <dl class="ss-metrics">
      {numbers.map(({ label, value }) => (
        <Metric key={label} label={label} value={value} />
      ))}
    </dl>
  );
}

/** Each source's numbers for the author, side by side, with what only OpenAlex gives. */
function BySource({ data, now }: { data: AuthorCardData; now?: number }) {
  const rows = sourceRows(data, new Date(now ?? Date.now()).getUTCFullYear());
  const note = openAlexNote(data);
  if (!rows.some((row) => row.source === 'openalex')) return note ? <p class="ss-status ss-source-note">{note}</p> : null;
  return (
    <div class="ss-by-source">
      <table>
        <caption class="ss-section-title">Numbers by source</caption>
        <thead>
          <tr>
            <th scope="col">Source</th>
            {CARD_METRICS.map((metric) => (
              <th scope="col" key={metric.id}>
                {metric.card!.short === metric.label ? metric.label : <abbr title={`${metric.label}: ${metric.definition}`}>{metric.card!.short}</abbr>}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.source}>
              <th scope="row">{SOURCE_LABEL[row.source]}</th>
              {row.values.map((value, index) => (
                <td key={CARD_METRICS[index]!.id}>{formatMetric(value, CARD_METRICS[index]!)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {note && <p class="ss-status ss-source-note">{note}</p>}
    </div>
  );
}

export function PublicationItem({ paper, rank, onDrop }: { paper: Paper; rank: number; onDrop?: (paper: Paper) => void }) {
  const [open, setOpen] = useState(false);
  const { shown, more } = splitAuthorList(paper.authors);
  const arxiv = paper.arxivId ? { id: paper.arxivId, version: paper.version } : null;
  const citations = paper.citationCount ?? 0;
  return (
    <li class="ss-pub">
      <div class="ss-pub-meta">
        <span class="ss-rank">#{rank}</span>
        {arxiv && (
          <a class="ss-arxiv-id" href={safeHref(arxivAbsUrl(arxiv)) ?? undefined} target="_blank" rel="noopener noreferrer">
            {formatArxivId(arxiv)}
          </a>
        )}
        <span class="ss-date">{formatPublicationDate(paper.publicationDate, paper.year)}</span>
        {paper.published && <VenueBadge published={paper.published} />}
        {paper.retraction && <RetractionBadge mark={paper.retraction} />}
        {paper.inZotero && <ZoteroMark />}
      </div>
      <h3 class="ss-pub-title">{paper.title}</h3>
      {paper.abstract && (
        <div class="ss-abstract">
          <button type="button" class="ss-link-button" aria-expanded={open} onClick={() => setOpen(!open)}>
            {open ? 'Hide abstract' : 'Show abstract'}
          </button>
          {open && <p class="ss-abstract-text">{paper.abstract}</p>}
        </div>
      )}
      <p class="ss-pub-authors">
        {shown.map((author, index) => (
          <span class="ss-pub-author" key={`${index}-${author.name}`}>{author.name}</span>
        ))}
        {more > 0 && <span class="ss-more">+{more}</span>}
      </p>
      <p class="ss-citations">
        {formatCount(citations)} {citations === 1 ? 'Citation' : 'Citations'}
      </p>
      {onDrop && (
        <button type="button" class="ss-link-button ss-drop" onClick={() => onDrop(paper)} aria-label={`Not by this person: ${paper.title}`}>
          Not by this person
        </button>
      )}
    </li>
  );
}

function SourceLine({ author, shown, recomputed, openAlexUrl, now, onWrongPerson, compare, follow }: { author: Author; shown: ReturnType<typeof headlineSource>; recomputed: boolean; openAlexUrl: string | null; now?: number; onWrongPerson?: () => void; compare?: CompareControl; follow?: CompareControl }) {
  return (
    <footer class="ss-source">
      <span>
        {recomputed ? 'Numbers recomputed for this person from' : 'Numbers from'} {SOURCE_LABEL[shown.source]}, {formatAge(shown.fetchedAt, now)}
        {author.pinnedFrom ? ' · the profile you chose' : ''}
      </span>
      {safeHref(author.url) && (
        <a href={safeHref(author.url)!} target="_blank" rel="noopener noreferrer">
          Profile on {SOURCE_LABEL[author.source]}
        </a>
      )}
      {openAlexUrl && author.source !== 'openalex' && safeHref(openAlexUrl) && (
        <a href={safeHref(openAlexUrl)!} target="_blank" rel="noopener noreferrer">
          Profile on OpenAlex
        </a>
      )}
      {onWrongPerson && (
        <button type="button" class="ss-link-button ss-wrong-person" onClick={onWrongPerson}>
          Not this person?
        </button>
      )}
      {(compare || follow) && (
        <span class="ss-card-actions">
          {follow && <FollowToggle control={follow} name={author.name} />}
          {compare && <CompareToggle control={compare} name={author.name} />}
        </span>
      )}
    </footer>
  );
}

/** Most cited first; ties keep the newest-first order. */
export function mostCited(papers: readonly Paper[]): Paper[] {
  return papers.map((paper, index) => ({ paper, index })).sort((a, b) => (b.paper.citationCount ?? -1) - (a.paper.citationCount ?? -1) || a.index - b.index).map((entry) => entry.paper);
}

/** The author card: who, how cited, and what they published, newest first. */
export function AuthorCard({ state, onRetry, onWrongPerson, compare, follow, person, extra, now }: AuthorCardProps) {
  const author = state.status === 'ready' ? state.data.author : state.author;
  const [order, setOrder] = useState<'newest' | 'cited'>('newest');
  const publications = state.status === 'ready' ? (order === 'cited' ? mostCited(state.data.publications) : state.data.publications) : [];
  const year = new Date(now ?? Date.now()).getUTCFullYear();
  const shown = state.status === 'ready' ? headlineSource(state.data) : null;
  const openAlexUrl = state.status === 'ready' && state.data.openAlex?.status === 'matched' ? state.data.openAlex.author.url : null;
  return (
    <article class="ss-card" aria-busy={state.status === 'loading'}>
      {author ? <CardHeader author={author} /> : <p class="ss-status">Loading author…</p>}
      {author && <Metrics numbers={headline(state.status === 'ready' ? state.data : { author, publications: [], fetchedAt: author.fetchedAt }, year)} />}
      {state.status === 'ready' && <BySource data={state.data} now={now} />}
      {state.status === 'ready' && person && <PersonSection person={state.data.person} control={person} />}
      {state.status === 'ready' && extra}
      <section class="ss-pubs" aria-label="Publications">
        <h3 class="ss-section-title">
          Publications
          {state.status === 'ready' && state.data.publications.length > 1 && (
            <span class="ss-order" role="group" aria-label="Order publications">
              <button type="button" class="ss-link-button" aria-pressed={order === 'newest'} onClick={() => setOrder('newest')}>
                Newest
              </button>
              <button type="button" class="ss-link-button" aria-pressed={order === 'cited'} onClick={() => setOrder('cited')}>
                Most cited
              </button>
            </span>
          )}
        </h3>
        {state.status === 'loading' && <p class="ss-status" role="status">Loading publications…</p>}
        {state.status === 'error' && <ErrorNotice text={`Could not load this author: ${state.message}`} onRetry={onRetry} />}
        {state.status === 'ready' && state.data.publications.length === 0 && (
          <p class="ss-status">No publications listed for this author yet.</p>
        )}
        {state.status === 'ready' && state.data.publications.length > 0 && (
          <ol class="ss-pub-list">
            {publications.map((paper, index) => (
              <PublicationItem key={paper.s2PaperId ?? `${index}`} paper={paper} rank={index + 1} onDrop={person && !person.busy ? person.onDrop : undefined} />
            ))}
          </ol>
        )}
      </section>
      {state.status === 'ready' && shown && <SourceLine author={state.data.author} shown={shown} recomputed={!!state.data.person} openAlexUrl={openAlexUrl} now={now} onWrongPerson={onWrongPerson} compare={compare} follow={follow} />}
    </article>
  );
}
