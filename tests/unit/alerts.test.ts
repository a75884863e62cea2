import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  announcements,
  FIRST_CHECK_DELAY_MS,
  inRequests,
  INITIAL_ALERT_STATE,
  nextCheckAt,
  PERIOD_MS,
  RETRY_BASE_MS,
  RETRY_MAX_MS,
  retryDelayMs,
  windowStart,
  type FoundPaper,
} from '../../lib/core/alerts';
import { createBackground } from '../../lib/background';
import { openDatabase, type Database } from '../../lib/background/store/db';
import { instantGates } from '../fixtures/gates';
import { recordedFetch } from '../fixtures/recordedApi';
import { authorIdFor, seed, SEED_AUTHOR_ID } from '../fixtures/seedWorld';

const DAY = 86_400_000;
const HIPER = '2602.16165';

describe('when to check, and what to ask about', () => {
  const now = Date.UTC(2026, 1, 20, 8);
  it('checks a few minutes after it is turned on, then a period after each success; never when off', () => {
    expect(nextCheckAt(INITIAL_ALERT_STATE, 'daily', now)).toBe(now + FIRST_CHECK_DELAY_MS);
    const done = { ...INITIAL_ALERT_STATE, lastSuccessAt: now, lastAttemptAt: now };
    expect(nextCheckAt(done, 'daily', now)).toBe(now + PERIOD_MS.daily);
    expect(nextCheckAt(done, 'weekly', now)).toBe(now + 7 * DAY);
    expect(nextCheckAt(done, 'off', now)).toBeNull();
    // A check missed while the browser was closed runs a minute after it starts, not at once.
    expect(nextCheckAt(done, 'daily', now + 3 * DAY)).toBe(now + 3 * DAY + 60_000);
  });

  it('backs off after failures: 15 minutes doubling, at most 12 hours, never past the next regular check', () => {
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([RETRY_BASE_MS, 2 * RETRY_BASE_MS, 4 * RETRY_BASE_MS, 8 * RETRY_BASE_MS]);
    expect(retryDelayMs(20)).toBe(RETRY_MAX_MS);
    const failing = { ...INITIAL_ALERT_STATE, lastSuccessAt: now - 23 * 3_600_000, lastAttemptAt: now, failures: 3 };
    expect(nextCheckAt(failing, 'daily', now)).toBe(now + 3_600_000);
    expect(nextCheckAt({ ...failing, lastSuccessAt: now - DAY * 10 }, 'weekly', now)).toBe(now + 4 * RETRY_BASE_MS);
  });

  it('asks about the last week first, then from two days before the last success (sources date by day, and late)', () => {
    expect(windowStart(INITIAL_ALERT_STATE, now)).toBe('2026-02-13');
    expect(windowStart({ ...INITIAL_ALERT_STATE, lastSuccessAt: Date.UTC(2026, 1, 19, 23) }, now)).toBe('2026-02-17');
  });

  it('announces each paper once, with every followed author and source that listed it, and nothing known', () => {
    const paper = (key: string, authorId: string, via: 'semanticscholar' | 'openalex'): FoundPaper => ({
      key, title: `Paper ${key}`, arxivId: key, doi: null, publicationDate: '2026-02-18', authors: ['A'], authorCount: 1, followed: [{ authorId, name: `Author ${authorId}` }], via: [via],
    });
    const found = [paper('2602.1', '1', 'semanticscholar'), paper('2602.1', '2', 'semanticscholar'), paper('2602.1', '1', 'openalex'), paper('2602.2', '1', 'openalex'), paper('2602.3', '2', 'openalex')];
    const out = announcements(found, new Set(['2602.3']), now);
    expect(out.map((alert) => alert.key)).toEqual(['2602.1', '2602.2']);
    expect(out[0]).toMatchObject({ followed: [{ authorId: '1' }, { authorId: '2' }], via: ['semanticscholar', 'openalex'], foundAt: now, seen: false });
    expect(inRequests(Array.from({ length: 250 }, (_, i) => i)).map((group) => group.length)).toEqual([100, 100, 50]);
  });
});

describe('the scheduled check in the background', () => {
  let db: Database;
  let clock: number;
  let log: { method: string; url: string }[];
  let online: boolean;
  let alarms: (number | null)[];
  let badge: number[];
  const coauthor = seed.publications[0]!.authorsShown[1]!; // Jian Peng, on HiPER only
  beforeEach(async () => {
    db = await openDatabase(`alerts-${Math.random()}`);
    clock = Date.UTC(2026, 1, 20, 8);
    log = [];
    online = true;
    alarms = [];
    badge = [];
  });
  afterEach(() => db.close());

  let bodies: string[] = [];
  const withBodies = async (input: string, init?: RequestInit) => {
    if (typeof init?.body === 'string') bodies.push(init.body);
    return recordedFetch(log)(input, init);
  };
  const background = (fetch: typeof withBodies = withBodies) =>
    createBackground({
      db: async () => db,
      fetch,
      now: () => clock,
      gates: instantGates(),
      sleep: async () => undefined,
      openAlexWaitMs: 5_000,
      alerts: { online: () => online, schedule: (when) => void alarms.push(when), onUnseen: (count) => void badge.push(count) },
    });
  const authorBatches = () => log.filter((request) => request.url.includes('/author/batch'));
  const openAlexWorks = () => log.filter((request) => request.url.includes('api.openalex.org/works') && request.url.includes('authorships.author.id'));

  /** Follows the seed author (whose card, opened first, matched the OpenAlex profile) and a coauthor. */
  async function followBoth() {
    const service = background();
    await service.authorCard(SEED_AUTHOR_ID);
    await service.follows.follow({ authorId: SEED_AUTHOR_ID, name: seed.author.name });
    await service.follows.follow({ authorId: authorIdFor(coauthor), name: coauthor });
    log.length = 0;
    bodies = [];
    return service;
  }

  it('finds the week\'s papers in one request per source, announces each once, and never again after a restart', async () => {
    const service = await followBoth();
    const first = await service.alerts.check();
    // One works list to OpenAlex for the seed (matched when the card opened), one author batch to
    // Semantic Scholar for the coauthor (not matched), asking for nothing else.
    expect(authorBatches()).toHaveLength(1);
    expect(bodies).toEqual([JSON.stringify({ ids: [authorIdFor(coauthor)] })]);
    expect(openAlexWorks()).toHaveLength(1);
    expect(decodeURIComponent(openAlexWorks()[0]!.url)).toContain('filter=authorships.author.id:A5000000001,from_publication_date:2026-02-13');
    // HiPER (18 February) is in the week; the clinical paper (5 February) and the January one are not.
    expect(first.announced.map((alert) => alert.key)).toEqual([HIPER]);
    expect(first.announced[0]).toMatchObject({
      title: seed.publications[0]!.title,
      followed: [{ authorId: SEED_AUTHOR_ID, name: seed.author.name }, { authorId: authorIdFor(coauthor), name: coauthor }],
      seen: false,
    });
    expect(first.announced[0]!.via.sort()).toEqual(['openalex', 'semanticscholar']);
    expect(first.state).toMatchObject({ lastSuccessAt: clock, failures: 0, lastError: null, nextAt: clock + PERIOD_MS.daily });
    expect(alarms.at(-1)).toBe(clock + PERIOD_MS.daily);
    expect(badge.at(-1)).toBe(1);

    // The next day, and again in a new worker over the same database: nothing is announced twice.
    clock += DAY;
    expect((await service.alerts.check()).announced).toEqual([]);
    clock += DAY;
    const restarted = background();
    expect((await restarted.alerts.check()).announced).toEqual([]);
    expect((await restarted.alerts.view()).papers.map((alert) => alert.key)).toEqual([HIPER]);
    // The window moved on with each success.
    expect(decodeURIComponent(openAlexWorks().at(-1)!.url)).toContain('from_publication_date:2026-02-19');

    // Seen clears the badge; the popup's list has it first, from the check, once.
    const news = await restarted.handlers.followNews({}, {});
    expect(news.papers.map((paper) => [paper.key, paper.announced])).toEqual([[HIPER, true]]);
    expect(news.unseen).toBe(1);
    expect((await restarted.alerts.markSeen()).unseen).toBe(0);
    expect(badge.at(-1)).toBe(0);
  });

  it('checks a followed person under every profile and announces their papers as theirs', async () => {
    const service = background();
    await service.persons.merge([SEED_AUTHOR_ID, '9300001', '9300002']);
    await service.follows.follow({ authorId: SEED_AUTHOR_ID, name: seed.author.name });
    log.length = 0;
    bodies = [];
    const { announced } = await service.alerts.check();
    // No OpenAlex match is known (no card was opened): one author batch with all three profiles.
    expect(bodies).toEqual([JSON.stringify({ ids: [SEED_AUTHOR_ID, '9300001', '9300002'] })]);
    // HiPER by the seed's own profile, and the paper only profile 9300002 lists, both as the followed author's.
    expect(announced.map((alert) => [alert.key, alert.followed])).toEqual(
      expect.arrayContaining([
        [HIPER, [{ authorId: SEED_AUTHOR_ID, name: seed.author.name }]],
        ['2602.00004', [{ authorId: SEED_AUTHOR_ID, name: seed.author.name }]],
      ]),
    );
    expect(announced).toHaveLength(2);
  });

  it('asks nothing offline, and tries again in 15 minutes without counting a failure', async () => {
    const service = await followBoth();
    online = false;
    const result = await service.alerts.check();
    expect(log).toEqual([]);
    expect(result.state).toMatchObject({ lastSuccessAt: null, failures: 0, lastError: 'offline', nextAt: clock + RETRY_BASE_MS });
  });

  it('backs off after failures, keeps the window until every request answered, then carries on', async () => {
    const service = await followBoth();
    const failing = background(async (input) => {
      log.push({ method: 'GET', url: String(input) });
      return new Response('{"message": "Internal Server Error"}', { status: 500, headers: { 'content-type': 'application/json' } });
    });
    const once = await failing.alerts.check();
    expect(once.state).toMatchObject({ failures: 1, lastSuccessAt: null, nextAt: clock + RETRY_BASE_MS });
    expect(once.state.lastError).toMatch(/Semantic Scholar/);
    clock += RETRY_BASE_MS;
    expect((await failing.alerts.check()).state).toMatchObject({ failures: 2, nextAt: clock + 2 * RETRY_BASE_MS });
    // Working again: the first window (a week back) is asked about, and the paper announced.
    clock += 2 * RETRY_BASE_MS;
    const recovered = await service.alerts.check();
    expect(recovered.state).toMatchObject({ failures: 0, lastError: null, lastSuccessAt: clock });
    expect(recovered.announced.map((alert) => alert.key)).toEqual([HIPER]);
  });

  it('stays within ceil(follows/100) requests per source for 250 follows', async () => {
    const service = background();
    for (let i = 0; i < 250; i++) await service.follows.follow({ authorId: String(8_000_000 + i), name: `Reader Follow ${i}` });
    await service.follows.follow({ authorId: 'A5000000001', name: seed.author.name });
    await service.alerts.check();
    expect(authorBatches()).toHaveLength(3);
    expect(authorBatches().every((request) => request.method === 'POST')).toBe(true);
    expect(openAlexWorks()).toHaveLength(1);
  });

  it('keeps a check due later when the background restarts, so restarts do not put it off', async () => {
    await followBoth();
    const first = await background().alerts.reschedule();
    expect(first.nextAt).toBe(clock + FIRST_CHECK_DELAY_MS);
    const due = first.nextAt!;
    clock += FIRST_CHECK_DELAY_MS - 60_000;
    expect((await background().alerts.reschedule()).nextAt).toBe(due);
    expect(alarms.at(-1)).toBe(due);
    // Overdue after the browser was closed (no check made yet): five minutes after this start.
    clock = due + 3 * DAY;
    expect((await background().alerts.reschedule()).nextAt).toBe(clock + FIRST_CHECK_DELAY_MS);
  });

  it('sets no alarm when checks are off, and one again when turned back on', async () => {
    const service = await followBoth();
    await service.handlers.saveSettings({ settings: { alertSchedule: 'off' } }, {});
    expect(alarms.at(-1)).toBeNull();
    await service.handlers.saveSettings({ settings: { alertSchedule: 'weekly' } }, {});
    expect(alarms.at(-1)).toBe(clock + FIRST_CHECK_DELAY_MS);
  });

  it('keeps announcements and their seen state in the backup, and does not announce them again after an import', async () => {
    const service = await followBoth();
    await service.alerts.check();
    await service.alerts.markSeen([HIPER]);
    const exported = await service.exportAll();
    expect(exported.alerts.map((alert) => [alert.key, alert.seen])).toEqual([[HIPER, true]]);
    expect(exported.settings).toMatchObject({ alertSchedule: 'daily', alertNotifications: false });

    const other = await openDatabase(`alerts-import-${Math.random()}`);
    const elsewhere = createBackground({ db: async () => other, fetch: recordedFetch(), now: () => clock, gates: instantGates(), sleep: async () => undefined });
    await elsewhere.importAll(JSON.stringify({ ...exported, saved: [] }));
    expect((await elsewhere.alerts.view()).papers.map((alert) => [alert.key, alert.seen])).toEqual([[HIPER, true]]);
    expect((await elsewhere.follows.list()).map((follow) => follow.authorId).sort()).toEqual([SEED_AUTHOR_ID, authorIdFor(coauthor)].sort());
    expect((await elsewhere.alerts.check()).announced).toEqual([]);
    other.close();
  });
});
