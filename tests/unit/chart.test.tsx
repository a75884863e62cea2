// The citation chart: an empty one says so.

import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { CitationChart } from '../../components/CitationChart';

describe('CitationChart', () => {
  it('says there is nothing to chart instead of drawing an empty axis or a line at 0', () => {
    const container = document.createElement('div');
    render(<CitationChart title="Citations to each year's papers" valueLabel="citations" series={[{ name: 'A', points: [{ year: 2026, value: 0 }] }, { name: 'B', points: [] }]} />, container);
    expect(container.querySelector('svg')).toBeNull();
    expect(container.textContent).toBe("Citations to each year's papersNothing to chart: every value is 0 in the lists at hand.");
    render(<CitationChart title="T" valueLabel="citations" series={[]} />, container);
    expect(container.textContent).toBe('TNothing to chart: no paper with a year in the lists at hand.');
    render(<CitationChart title="T" valueLabel="citations" series={[{ name: 'A', points: [{ year: 2025, value: 0 }, { year: 2026, value: 3 }] }]} />, container);
    expect(container.querySelectorAll('svg polyline')).toHaveLength(1);
  });

  it('ends the last year label at the axis, so it is not cut', () => {
    const container = document.createElement('div');
    render(<CitationChart title="T" valueLabel="citations" series={[{ name: 'A', points: [{ year: 2022, value: 1 }, { year: 2026, value: 3 }] }]} />, container);
    const labels = [...container.querySelectorAll('text')].filter((text) => /^\d{4}$/.test(text.textContent ?? ''));
    expect(labels.map((text) => [text.textContent, text.getAttribute('text-anchor')])).toEqual([['2022', 'middle'], ['2026', 'end']]);
  });
});
