// OpenAlex's and arXiv's answers as the common records, so a paper or an author from either shows
// exactly like one from Semantic Scholar (and says where it came from).

import { arxivIdOfKey, type Author, type OpenAlexAuthor, type Paper } from '../../core/model';
import type { ArxivEntry } from './arxiv';
import type { OpenAlexWork } from './openAlex';

export function openAlexPaper(work: OpenAlexWork): Paper {
  return {
    arxivId: arxivIdOfKey(work.key),
    version: null,
    s2PaperId: null,
    title: work.title,
    abstract: work.abstract,
    publicationDate: work.publicationDate,
    year: work.year,
    citationCount: work.citationCount,
    authors: work.authorships.map((authorship) => ({ authorId: authorship.authorId, name: authorship.name })),
  };
}

/** An OpenAlex author as the chips and cards show authors: works count as papers. */
export function openAlexAuthorRecord(author: OpenAlexAuthor, fetchedAt: number): Author {
  return {
    authorId: author.id,
    name: author.name,
    affiliations: author.institutions,
    citationCount: author.citationCount,
    hIndex: author.hIndex,
    paperCount: author.worksCount,
    url: author.url,
    source: 'openalex',
    fetchedAt,
  };
}

export function arxivPaper(entry: ArxivEntry): Paper {
  return {
    arxivId: entry.id,
    version: entry.version,
    s2PaperId: null,
    title: entry.title,
    abstract: entry.abstract,
    publicationDate: entry.published,
    year: entry.published ? Number(entry.published.slice(0, 4)) : null,
    citationCount: null,
    authors: entry.authors.map((name) => ({ authorId: null, name })),
  };
}
