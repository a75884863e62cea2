// Bibliometric indicators computed from an author's paper list, each defined once. The reference
// is Harzing's Publish or Perish manual (h, g, i10, cites per paper, m-quotient); the choices it
// leaves open are stated beside each function.

/** What each metric needs of one paper. */
export interface PaperCitations {
  year: number | null;
  citations: number;
  /** The paper's ids (core/person.ts `paperIds`), to count a paper listed under two profiles once. */
  ids?: string[];
}

/** Citation counts, largest first (negative or fractional counts are not citations). */
function ranked(citations: readonly number[]): number[] {
  return citations.map((count) => (Number.isFinite(count) && count > 0 ? Math.floor(count) : 0)).sort((a, b) => b - a);
}

/** h-index (Hirsch 2005): the largest h such that h papers have at least h citations each. */
export function hIndex(citations: readonly number[]): number {
  const sorted = ranked(citations);
  let h = 0;
  while (h < sorted.length && (sorted[h] as number) >= h + 1) h++;
  return h;
}

/**
 * g-index (Egghe 2006): the largest g such that the g most cited papers together have at least g²
 * citations. Like Publish or Perish, g is capped at the number of papers (no fictitious papers).
 */
export function gIndex(citations: readonly number[]): number {
  const sorted = ranked(citations);
  let sum = 0;
  let g = 0;
  for (let index = 0; index < sorted.length; index++) {
    sum += sorted[index] as number;
    if (sum >= (index + 1) ** 2) g = index + 1;
  }
  return g;
}

/** i10-index (Google Scholar): papers with at least 10 citations. */
export function i10Index(citations: readonly number[]): number {
  return ranked(citations).filter((count) => count >= 10).length;
}

/** Citations per paper; null with no papers. */
export function citationsPerPaper(totalCitations: number, papers: number): number | null {
  return papers > 0 ? totalCitations / papers : null;
}

/**
 * m-quotient (Hirsch 2005): h divided by the years since the first paper. The years are counted
 * inclusively (a first paper this year is one year), as Publish or Perish counts its "Years", so
 * the quotient is always defined.
 */
export function mQuotient(h: number, firstYear: number | null, currentYear: number): number | null {
  if (firstYear === null || firstYear > currentYear) return null;
  return h / (currentYear - firstYear + 1);
}

/** Citations received in the last `years` calendar years, this one included, from per-year counts. */
export function citationsInLastYears(perYear: readonly { year: number; citations: number }[], currentYear: number, years = 5): number {
  return perYear.filter((entry) => entry.year > currentYear - years && entry.year <= currentYear).reduce((sum, entry) => sum + Math.max(0, entry.citations), 0);
}

export interface ComputedMetrics {
  papers: number;
  citations: number;
  hIndex: number;
  gIndex: number;
  i10Index: number;
  citationsPerPaper: number | null;
  mQuotient: number | null;
  firstYear: number | null;
  latestYear: number | null;
  /** Papers published and citations to those papers, per publication year, oldest first. */
  byPublicationYear: { year: number; papers: number; citations: number }[];
}

/** Every metric from one paper list. */
export function computeMetrics(papers: readonly PaperCitations[], currentYear: number): ComputedMetrics {
  const counts = papers.map((paper) => paper.citations);
  const citations = ranked(counts).reduce((sum, count) => sum + count, 0);
  // A year outside this range is a data error, not a publication date.
  const plausible = (year: number | null): year is number => year !== null && Number.isInteger(year) && year > 1000 && year <= currentYear + 1;
  const years = papers.map((paper) => paper.year).filter(plausible);
  const firstYear = years.length > 0 ? Math.min(...years) : null;
  const latestYear = years.length > 0 ? Math.max(...years) : null;
  const h = hIndex(counts);
  const perYear = new Map<number, { year: number; papers: number; citations: number }>();
  for (const paper of papers) {
    if (!plausible(paper.year)) continue;
    const entry = perYear.get(paper.year) ?? { year: paper.year, papers: 0, citations: 0 };
    entry.papers += 1;
    entry.citations += ranked([paper.citations])[0] as number;
    perYear.set(paper.year, entry);
  }
  return {
    papers: papers.length,
    citations,
    hIndex: h,
    gIndex: gIndex(counts),
    i10Index: i10Index(counts),
    citationsPerPaper: citationsPerPaper(citations, papers.length),
    mQuotient: mQuotient(h, firstYear, currentYear),
    firstYear,
    latestYear,
    byPublicationYear: [...perYear.values()].sort((a, b) => a.year - b.year),
  };
}
