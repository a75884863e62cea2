// Small readers for untrusted JSON: each returns a value of the right type or a fallback,
// so a malformed answer degrades to "unknown" instead of throwing deep inside the UI.

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function readString(value: unknown, maxLength = 100_000): string | null {
  return typeof value === 'string' ? value.slice(0, maxLength) : null;
}

/** A finite, non-negative integer (counts and indices), else null. */
export function readCount(value: unknown): number | null {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : null;
}

export function readStringList(value: unknown, maxItems = 1000): string[] {
  if (!Array.isArray(value)) return [];
  return value.filter((item): item is string => typeof item === 'string').slice(0, maxItems);
}

/** `YYYY-MM-DD` only. */
export function readIsoDate(value: unknown): string | null {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : null;
}
