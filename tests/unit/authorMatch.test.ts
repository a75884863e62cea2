import { describe, expect, it } from 'vitest';
import { matchAuthors, normaliseName } from '../../lib/core/names';

describe('matchAuthors', () => {
  it('lines up identical lists by position', () => {
    expect(matchAuthors(['Zhaoran Wang', 'Jian Peng'], ['Zhaoran Wang', 'Jian Peng'])).toEqual([0, 1]);
  });

  it('matches abbreviated source names and accents', () => {
    expect(matchAuthors(['Esther Duflo', 'Abhijit Banerjee', 'Alfredo García'], ['E. Duflo', 'A. Banerjee', 'Alfredo Garcia'])).toEqual([0, 1, 2]);
  });

  it('finds authors out of order and leaves unmatched names null', () => {
    expect(matchAuthors(['Kenton Lee', 'Nobody Here', 'Jacob Devlin'], ['Jacob Devlin', 'Kenton Lee'])).toEqual([1, null, 0]);
  });

  it('never gives one record to two names', () => {
    expect(matchAuthors(['J. Smith', 'John Smith'], ['John Smith'])).toEqual([0, null]);
  });

  it('normalises names for comparison', () => {
    expect(normaliseName('Ren\u00e9 Fournet-Leclerc')).toEqual(['rene', 'fournet', 'leclerc']);
  });
});
