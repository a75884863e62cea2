// arXiv asks for one request every three seconds and a single connection at a time: its gate holds
// the slot until an answer has ended, however slow. (Timings here are scaled down: 30 ms spacing,
// answers of 120 ms; the policy itself is checked below.)

import { describe, expect, it } from 'vitest';
import { ARXIV_POLICY, createHostGate } from '../../lib/background/sources/hostGate';
import { citingTitle } from '../../components/RelatedPapers';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("arXiv's gate", () => {
  it('never lets a request start while an answer is still coming', async () => {
    const gate = createHostGate({ ...ARXIV_POLICY, minIntervalMs: 30 });
    let inFlight = 0;
    let overlaps = 0;
    const starts: number[] = [];
    const slowAnswer = async () => {
      if (inFlight > 0) overlaps += 1;
      inFlight += 1;
      starts.push(Date.now());
      await pause(120); // a slow answer, read to its end inside the gate
      inFlight -= 1;
    };
    await Promise.all([gate.run(slowAnswer), gate.run(slowAnswer), gate.run(slowAnswer)]);
    expect(overlaps).toBe(0);
    expect(starts[2]! - starts[0]!).toBeGreaterThanOrEqual(2 * 115);
  });

  it('is the one-at-a-time policy, three seconds apart', () => {
    expect(ARXIV_POLICY).toMatchObject({ host: 'export.arxiv.org', minIntervalMs: 3000, serial: true });
  });
});

describe('the most cited of the citing papers', () => {
  it('says they are of the newest 1,000 when Semantic Scholar lists more', () => {
    expect(citingTitle(1000)).toBe('Most cited of the newest 1,000 papers citing it');
    expect(citingTitle(undefined)).toBe('Most cited of the papers citing it');
  });
});
