// Small readers for untrusted JSON: each returns a value of the right type or a fallback, so a
// malformed answer degrades to "unknown" for that field or record, never a failure of the batch.

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Unpaired surrogates (valid JSON, invalid text) become U+FFFD, so nothing downstream (URLs, encoders) throws on them. */
export function wellFormed(text: string): string {
  return text.replace(/[\uD800-\uDFFF]/gu, '\uFFFD');
}

export function readString(value: unknown, maxLength = 100_000): string | null {
  return typeof value === 'string' ? wellFormed(value.slice(0, maxLength)) : null;
}

/**
 * Counts past these are damage, not data: each is far above the largest real record (the most cited
 * authors have a few million citations, the highest h-indexes a few hundred).
 */
export const CEILING = {
  citations: 50_000_000,
  hIndex: 2_000,
  papers: 500_000,
  year: 2200,
  count: 1_000_000_000,
} as const;

/** A non-negative integer up to `ceiling` (counts, years, offsets), else null. */
export function readCount(value: unknown, ceiling: number = CEILING.count): number | null {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= ceiling ? value : null;
}

export function readStringList(value: unknown, maxItems = 1000, maxLength = 100_000): string[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter((item): item is string => typeof item === 'string')
    .slice(0, maxItems)
    .map((item) => wellFormed(item.slice(0, maxLength)));
}

/** `YYYY-MM-DD` only. */
export function readIsoDate(value: unknown): string | null {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : null;
}
