// How numbers, dates and ages read on screen.

const DATE = new Intl.DateTimeFormat('en-US', {
  month: 'short',
  day: '2-digit',
  year: 'numeric',
  timeZone: 'UTC',
});

/** `2026-02-05` -> `Feb 05, 2026`; a bare year stays a year. */
export function formatPublicationDate(isoDate: string | null, year: number | null = null): string {
  if (isoDate && /^\d{4}-\d{2}-\d{2}$/.test(isoDate)) {
    const time = Date.parse(`${isoDate}T00:00:00Z`);
    if (!Number.isNaN(time)) return DATE.format(time);
  }
  return year ? String(year) : '';
}

/** Full count for the reader's locale (`12,345`); a dash when unknown; compact past what a real count reaches. */
// Making an Intl.NumberFormat costs far more than using one (it was the page's busiest function on a
// 2,000-entry listing); one of each kind per locale serves every count.
const formatters = new Map<string, Intl.NumberFormat>();
function formatter(locale: string | undefined, compact: boolean): Intl.NumberFormat {
  const key = `${locale ?? ''}|${compact}`;
  let made = formatters.get(key);
  if (!made) {
    made = new Intl.NumberFormat(locale, compact ? { notation: 'compact', maximumFractionDigits: 1 } : {});
    formatters.set(key, made);
  }
  return made;
}

export function formatCount(value: number | null | undefined, locale?: string): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  if (Math.abs(value) >= 1e9) return formatCompactCount(value, locale);
  return formatter(locale, false).format(value);
}

/** Short count where space is tight (`74`, `1.2k`, `3.4M`). */
export function formatCompactCount(value: number | null | undefined, locale?: string): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  if (Math.abs(value) < 1000) return String(value);
  // Past a trillion a count is damage, not data; it still gets a few characters, never hundreds.
  if (Math.abs(value) >= 1e12) return '>999b';
  return formatter(locale, true).format(value).toLowerCase();
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** `updated just now`, `updated 5 minutes ago`, `updated 3 days ago`. */
export function formatAge(fetchedAt: number, now: number = Date.now()): string {
  const elapsed = Math.max(0, now - fetchedAt);
  const unit = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'} ago`;
  if (elapsed < MINUTE) return 'updated just now';
  if (elapsed < HOUR) return `updated ${unit(Math.floor(elapsed / MINUTE), 'minute')}`;
  if (elapsed < DAY) return `updated ${unit(Math.floor(elapsed / HOUR), 'hour')}`;
  return `updated ${unit(Math.floor(elapsed / DAY), 'day')}`;
}

/** The first `shown` names and how many more there are. */
export function splitAuthorList<T>(authors: readonly T[], shown = 5): { shown: T[]; more: number } {
  return { shown: authors.slice(0, shown), more: Math.max(0, authors.length - shown) };
}

/** At most `max` characters, an ellipsis marking the cut: source text can be far longer than any card. */
export function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** An author's affiliations on one line, as long as a card has room for. */
export function affiliationLine(affiliations: readonly string[]): string {
  return clip(affiliations.join('; '), 300);
}
