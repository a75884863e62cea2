import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { computeMetrics } from '../../lib/core/metrics/compute';
import { METRICS, paperStats, type MetricInputs } from '../../lib/core/metrics/registry';
import { METRICS_PAGE, metricsTable, withTable } from '../../scripts/metrics-table';

describe('the metric registry', () => {
  it('declares each metric once, with a definition and a reference', () => {
    expect(new Set(METRICS.map((metric) => metric.id)).size).toBe(METRICS.length);
    for (const metric of METRICS) {
      expect(metric.definition.length, metric.id).toBeGreaterThan(10);
      expect(metric.reference.length, metric.id).toBeGreaterThan(3);
    }
  });

  it('computes from a paper list what the metric code computes', () => {
    const papers = [10, 8, 5, 4, 3].map((citations, index) => ({ year: 2018 + index, citations }));
    const expected = computeMetrics(papers, 2026);
    const inputs: MetricInputs = { reported: null, openAlex: null, list: paperStats(papers, 2026), currentYear: 2026 };
    const computed = Object.fromEntries(METRICS.map((metric) => [metric.id, metric.computed(inputs)]));
    expect(computed).toMatchObject({
      citations: expected.citations,
      h: expected.hIndex,
      i10: expected.i10Index,
      g: expected.gIndex,
      papers: expected.papers,
      perPaper: expected.citationsPerPaper,
      m: expected.mQuotient,
      first: expected.firstYear,
      latest: expected.latestYear,
    });
  });

  it('is what the metrics page’s table says', () => {
    const page = readFileSync(METRICS_PAGE, 'utf8');
    expect(page).toContain(metricsTable());
    expect(withTable(page)).toBe(page);
  });
});
