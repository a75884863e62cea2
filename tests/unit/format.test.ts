import { describe, expect, it } from 'vitest';
import { affiliationLine, clip, formatAge, formatCompactCount, formatCount, formatPublicationDate, splitAuthorList } from '../../lib/core/format';

describe('format', () => {
  it('shows dates as the seed card does', () => {
    expect(formatPublicationDate('2026-02-18')).toBe('Feb 18, 2026');
    expect(formatPublicationDate('2026-02-05')).toBe('Feb 05, 2026');
    expect(formatPublicationDate('2026-01-26')).toBe('Jan 26, 2026');
    expect(formatPublicationDate(null, 2001)).toBe('2001');
    expect(formatPublicationDate('not a date', null)).toBe('');
  });

  it('formats counts for the locale, compact where tight', () => {
    expect(formatCount(12345, 'en-US')).toBe('12,345');
    expect(formatCount(null)).toBe('–');
    expect(formatCompactCount(74)).toBe('74');
    expect(formatCompactCount(1234, 'en-US')).toBe('1.2k');
    expect(formatCompactCount(58740, 'en-US')).toBe('58.7k');
  });

  it('draws absurd counts in a few characters, and clips text a card has no room for', () => {
    for (const absurd of [1e15, 1e308, 2 ** 53]) {
      expect(formatCompactCount(absurd, 'en-US').length).toBeLessThanOrEqual(6);
      expect(formatCount(absurd, 'en-US').length).toBeLessThanOrEqual(8);
    }
    expect(clip('x'.repeat(1000), 300)).toHaveLength(300);
    expect(clip('short', 300)).toBe('short');
    expect(affiliationLine(['a'.repeat(100_000), 'b'])).toHaveLength(300);
  });

  it('says how old data is', () => {
    const now = Date.UTC(2026, 10, 24);
    expect(formatAge(now - 10_000, now)).toBe('updated just now');
    expect(formatAge(now - 5 * 60_000, now)).toBe('updated 5 minutes ago');
    expect(formatAge(now - 60 * 60_000, now)).toBe('updated 1 hour ago');
    expect(formatAge(now - 3 * 86_400_000, now)).toBe('updated 3 days ago');
  });

  it('shows the first five authors and counts the rest', () => {
    expect(splitAuthorList(['a', 'b', 'c', 'd', 'e', 'f', 'g'])).toEqual({ shown: ['a', 'b', 'c', 'd', 'e'], more: 2 });
    expect(splitAuthorList(['a'])).toEqual({ shown: ['a'], more: 0 });
  });
});
