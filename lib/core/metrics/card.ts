// Which numbers an author card shows first, and the per-source rows beneath them, for the card's
// metrics of the registry. The reader picks a primary source; OpenAlex's numbers lead only where
// OpenAlex knows the person, and the card always says whose numbers it shows.

import type { AuthorCardData, SourceName } from '../model';
import { CARD_METRICS, type Metric, type MetricInputs } from './registry';

export const SOURCE_LABEL: Record<SourceName, string> = { semanticscholar: 'Semantic Scholar', openalex: 'OpenAlex' };

function inputs(data: AuthorCardData, currentYear: number): MetricInputs {
  return { reported: data.author, openAlex: data.openAlex?.status === 'matched' ? data.openAlex.author : null, list: null, currentYear };
}

/** The source whose numbers lead the card (for a person, recomputed from that source's lists). */
export function headlineSource(data: AuthorCardData): { source: SourceName; fetchedAt: number } {
  const { author, openAlex } = data;
  if (!data.person && data.primary === 'openalex' && author.source !== 'openalex' && openAlex?.status === 'matched') return { source: 'openalex', fetchedAt: openAlex.fetchedAt };
  return { source: author.source, fetchedAt: data.fetchedAt };
}

/** The numbers at the top of the card, labelled, from the source that leads. */
export function headline(data: AuthorCardData, currentYear: number): { label: string; value: number | null }[] {
  const read = headlineSource(data).source === 'openalex' && data.author.source !== 'openalex' ? 'openAlex' : 'reported';
  return CARD_METRICS.filter((metric) => metric.card?.headline).map((metric) => ({ label: metric.card!.headline!, value: metric[read](inputs(data, currentYear)) }));
}

export interface SourceRow {
  source: SourceName;
  /** One value per metric of `CARD_METRICS`, in its order. */
  values: (number | null)[];
}

/** One row per source that has numbers for the author (Semantic Scholar gives no i10, two-year mean or per-year counts). */
export function sourceRows(data: AuthorCardData, currentYear: number): SourceRow[] {
  // A person's card leads with the recomputed numbers; the source's row keeps what it reports for the first profile.
  const given = { ...inputs(data, currentYear), reported: data.person?.profiles[0] ?? data.author };
  const row = (source: SourceName, read: 'reported' | 'openAlex') => ({ source, values: CARD_METRICS.map((metric: Metric) => metric[read](given)) });
  const rows: SourceRow[] = [];
  if (data.author.source === 'semanticscholar') rows.push(row('semanticscholar', 'reported'));
  if (data.openAlex?.status === 'matched') rows.push(row('openalex', 'openAlex'));
  return rows;
}

/** What the card says about OpenAlex when it shows no OpenAlex numbers; null when it does (or says nothing). */
export function openAlexNote(data: AuthorCardData): string | null {
  const view = data.openAlex;
  if (!view || view.status === 'matched') return null;
  if (view.status === 'unavailable') return view.message;
  return view.looked === 0
    ? 'OpenAlex: none of this author’s arXiv papers are in OpenAlex yet'
    : `OpenAlex: no profile that ${view.looked} of this author’s papers agree on`;
}
