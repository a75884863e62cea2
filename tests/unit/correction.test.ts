import { instantGates } from '../fixtures/gates';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCorrection } from '../../lib/ui/correction';
import { createBackground } from '../../lib/background';
import { openDatabase, type Database } from '../../lib/background/store/db';
import { recordedFetch } from '../fixtures/recordedApi';
import { NAMESAKE, SEED_AUTHOR_ID } from '../fixtures/seedWorld';

let db: Database;
beforeEach(async () => (db = await openDatabase(`correction-${Math.random()}`)));
afterEach(() => db.close());

describe('correcting an author on papers', () => {
  it('offers other profiles by name, pins one, and the background shows it on every paper from then on', async () => {
    const log: { method: string; url: string }[] = [];
    const service = createBackground({ db: async () => db, fetch: recordedFetch(log), gates: instantGates() });
    const correction = createCorrection({ candidates: service.profileCandidates, pin: service.pinProfile, authorCard: service.authorCard });
    const before = (await service.papers(['2602.16165']))['2602.16165']!.authors[0]!;
    expect(before).toMatchObject({ authorId: SEED_AUTHOR_ID, hIndex: 5 });

    const candidates = await correction.candidates(before, '2602.16165');
    expect(candidates.map((c) => [c.author.authorId, c.overlap])).toEqual([[SEED_AUTHOR_ID, 1], [NAMESAKE.authorId, 0], ['9300001', 0], ['9300002', 0]]);

    const chosen = await correction.pin(before, NAMESAKE.authorId);
    expect(chosen).toMatchObject({ authorId: NAMESAKE.authorId, hIndex: 7, pinnedFrom: SEED_AUTHOR_ID });
    for (const key of ['2602.16165', '2602.05381']) {
      const first = (await service.papers([key]))[key]!.authors[0]!;
      expect(first).toMatchObject({ authorId: NAMESAKE.authorId, pinnedFrom: SEED_AUTHOR_ID });
    }
    // The correction of a corrected author still pins the source's id; choosing it again unpins.
    const back = await correction.pin(chosen, SEED_AUTHOR_ID);
    expect(back.pinnedFrom).toBeUndefined();
    expect(await db.count('pins')).toBe(0);
    expect((await service.papers(['2602.16165']))['2602.16165']!.authors[0]!.authorId).toBe(SEED_AUTHOR_ID);
  });
});
