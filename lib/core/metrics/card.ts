// Which numbers an author card shows first, and the per-source rows beneath them. The reader picks
// a primary source; OpenAlex's numbers lead only where OpenAlex knows the person, and the card always
// says whose numbers it shows.

import { citationsInLastYears } from './compute';
import type { AuthorCardData, SourceName } from '../model';

export const SOURCE_LABEL: Record<SourceName, string> = { semanticscholar: 'Semantic Scholar', openalex: 'OpenAlex' };

export interface Headline {
  citations: number | null;
  hIndex: number | null;
  papers: number | null;
  source: SourceName;
  fetchedAt: number;
}

export function headline(data: AuthorCardData): Headline {
  const { author, openAlex } = data;
  if (data.primary === 'openalex' && author.source !== 'openalex' && openAlex?.status === 'matched') {
    const other = openAlex.author;
    return { citations: other.citationCount, hIndex: other.hIndex, papers: other.worksCount, source: 'openalex', fetchedAt: openAlex.fetchedAt };
  }
  return { citations: author.citationCount, hIndex: author.hIndex, papers: author.paperCount, source: author.source, fetchedAt: data.fetchedAt };
}

export interface SourceRow {
  source: SourceName;
  citations: number | null;
  hIndex: number | null;
  papers: number | null;
  i10Index: number | null;
  twoYearMean: number | null;
  lastFiveYears: number | null;
}

/** One row per source that has numbers for the author (Semantic Scholar gives no i10, two-year mean or per-year counts). */
export function sourceRows(data: AuthorCardData, currentYear: number): SourceRow[] {
  const rows: SourceRow[] = [];
  const { author, openAlex } = data;
  if (author.source === 'semanticscholar') {
    rows.push({ source: 'semanticscholar', citations: author.citationCount, hIndex: author.hIndex, papers: author.paperCount, i10Index: null, twoYearMean: null, lastFiveYears: null });
  }
  if (openAlex?.status === 'matched') {
    const other = openAlex.author;
    rows.push({
      source: 'openalex',
      citations: other.citationCount,
      hIndex: other.hIndex,
      papers: other.worksCount,
      i10Index: other.i10Index,
      twoYearMean: other.twoYearMeanCitedness,
      lastFiveYears: other.countsByYear.length > 0 ? citationsInLastYears(other.countsByYear, currentYear) : null,
    });
  }
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
