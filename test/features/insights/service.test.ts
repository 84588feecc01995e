import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { fixedClock } from '../../../src/clock.js';
import { openDatabase } from '../../../src/db/client.js';
import { weekStart } from '../../../src/domain/weeks.js';
import { incrementCount } from '../../../src/features/common/anonymous-counts.js';
import { dailySnapshot, loadDailyInsights, retireOldCharts, storeChart, takeDueSnapshots } from '../../../src/features/insights/service.js';
import { createLogger } from '../../../src/logger.js';
import { insightsSnapshotJob, type JobDeps } from '../../../src/scheduler/jobs.js';
import { openTestDatabase, TEST_PROVIDERS } from '../../support/databases.js';
import { makeInitiative, makeListener, makePairing, makeRequest } from '../../support/factories.js';

// Issue 13, insights that hold across time, on real databases: every view of a day reads the same
// figures whatever happens in between (completed weeks, the day's snapshot), the snapshot and the
// chart are each stored once per initiative and day even when two processes race, and the hourly job
// takes the day's snapshots.

const DAY = 24 * 60 * 60 * 1000;
const HOUR = 60 * 60 * 1000;
// A Wednesday; the week started on Monday 2 March 2026.
const MORNING = new Date('2026-03-04T09:00:00Z');
const AFTERNOON = new Date('2026-03-04T15:00:00Z');
const LAST_WEEK = new Date('2026-02-25T10:00:00Z');

describe.each(TEST_PROVIDERS)('insights snapshots on %s', (provider) => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  const db = () => database.db;

  beforeAll(async () => {
    database = await openTestDatabase(provider, inject('templates'));
  });
  afterAll(async () => {
    await database?.drop();
  });

  /** An initiative with last week's history and today's state: 6 requests, 6 active listeners. */
  async function busyInitiative() {
    const initiative = await makeInitiative(db(), { topics: ['Anxiety', 'Parenting'] });
    const [anxiety, parenting] = initiative.topics;
    const listeners = [];
    for (let i = 0; i < 6; i++) listeners.push(await makeListener(db(), { initiativeId: initiative.id, topicIds: [anxiety!.id, parenting!.id] }));
    await db().$transaction(async (tx) => {
      for (let i = 0; i < 6; i++) await incrementCount(tx, { initiativeId: initiative.id, metric: 'request_opened', at: LAST_WEEK, topicId: i < 5 ? anxiety!.id : parenting!.id });
      for (let i = 0; i < 5; i++) await incrementCount(tx, { initiativeId: initiative.id, metric: 'request_matched', at: LAST_WEEK, topicId: anxiety!.id });
    });
    for (let i = 0; i < 6; i++) await makeRequest(db(), { initiativeId: initiative.id, seekerId: `USEEK${i}`, createdAt: new Date(MORNING.getTime() - DAY), topicId: anxiety!.id });
    return { initiative, listeners, anxiety: anxiety!, parenting: parenting! };
  }

  it('a view at 09:00 and one at 15:00 read the same figures, though a request, a match and a new listener came in between', async () => {
    const { initiative, listeners, anxiety } = await busyInitiative();
    const morning = await loadDailyInsights(db(), initiative, MORNING);
    expect(morning.raw.weeks.at(-1)).toEqual(new Date('2026-02-23T00:00:00Z'));
    expect(morning.raw.weekly.request_opened.at(-1)).toBe(6);
    expect(morning.raw.now).toEqual({ listenersActive: 6, listenersPaused: 0, listenersPending: 0, requestsWaiting: 6, pairingsActive: 0 });

    // Between the looks: one more request, one matched, one listener more, one paused; as the app
    // records them (counters in the week they happen in, rows changed in place).
    const between = new Date(MORNING.getTime() + 2 * HOUR);
    const request = await makeRequest(db(), { initiativeId: initiative.id, seekerId: 'USEEKNEW', createdAt: between, topicId: anxiety.id });
    await makePairing(db(), { request, listener: listeners[0]!, startedAt: between });
    await db().supportRequest.update({ where: { id: request.id }, data: { status: 'paired' } });
    await db().$transaction(async (tx) => {
      await incrementCount(tx, { initiativeId: initiative.id, metric: 'request_opened', at: between, topicId: anxiety.id });
      await incrementCount(tx, { initiativeId: initiative.id, metric: 'request_matched', at: between, topicId: anxiety.id });
      await tx.matchTime.create({ data: { initiativeId: initiative.id, weekStart: weekStart(between), minutes: 3 } });
    });
    await makeListener(db(), { initiativeId: initiative.id, topicIds: [anxiety.id] });
    await db().listenerProfile.update({ where: { id: listeners[1]!.id }, data: { status: 'paused' } });

    const afternoon = await loadDailyInsights(db(), initiative, AFTERNOON);
    expect(afternoon.raw).toEqual(morning.raw);
    expect(afternoon.snapshot.id).toBe(morning.snapshot.id);

    // The next day shows yesterday's "now" and, from next Monday, this week.
    const tomorrow = await loadDailyInsights(db(), initiative, new Date(MORNING.getTime() + DAY));
    expect(tomorrow.raw.now).toEqual({ listenersActive: 6, listenersPaused: 1, listenersPending: 0, requestsWaiting: 6, pairingsActive: 1 });
    expect(tomorrow.raw.weekly.request_opened.at(-1)).toBe(6);
    const nextMonday = await loadDailyInsights(db(), initiative, new Date('2026-03-09T08:00:00Z'));
    expect(nextMonday.raw.weekly.request_opened.slice(-2)).toEqual([6, 1]);
  });

  it('takes the "now" figures when the first view of the day asks, and keeps the topics as they were then', async () => {
    const { initiative, anxiety } = await busyInitiative();
    const first = await dailySnapshot(db(), initiative, MORNING);
    expect(first.day).toEqual(new Date('2026-03-04T00:00:00Z'));
    expect(first.figures.takenAt).toEqual(MORNING);
    expect(first.figures.topics.map((t) => [t.label, t.supply])).toEqual([['Anxiety', 6], ['Parenting', 6]]);
    await db().initiativeTopic.update({ where: { id: anxiety.id }, data: { label: 'Anxiety and panic' } });
    const later = await loadDailyInsights(db(), initiative, AFTERNOON);
    expect(later.raw.topics.map((t) => t.label)).toEqual(['Anxiety', 'Parenting']);
    expect(later.raw.nowTakenAt).toEqual(MORNING);
  });

  it('keeps the day\'s k: a change of the minimum group size applies from the next day', async () => {
    const { initiative } = await busyInitiative();
    const morning = await loadDailyInsights(db(), initiative, MORNING);
    expect(morning.raw.k).toBe(5);
    for (const minGroupSize of [3, 8]) expect((await loadDailyInsights(db(), { ...initiative, minGroupSize }, AFTERNOON)).raw).toEqual(morning.raw);
    expect((await loadDailyInsights(db(), { ...initiative, minGroupSize: 8 }, new Date(MORNING.getTime() + DAY))).raw.k).toBe(8);
  });

  it('two processes taking the same day\'s snapshot at once store one row, and both read it', async () => {
    const { initiative } = await busyInitiative();
    const other = await openDatabase(database.url);
    try {
      const taken = await Promise.all([
        dailySnapshot(db(), initiative, MORNING),
        dailySnapshot(other.db, initiative, new Date(MORNING.getTime() + 1)),
        dailySnapshot(db(), initiative, new Date(MORNING.getTime() + 2)),
        dailySnapshot(other.db, initiative, new Date(MORNING.getTime() + 3)),
      ]);
      expect(new Set(taken.map((t) => t.id)).size).toBe(1);
      expect(new Set(taken.map((t) => JSON.stringify(t.figures))).size).toBe(1);
      expect(await db().insightsSnapshot.count({ where: { initiativeId: initiative.id } })).toBe(1);
    } finally {
      await other.close();
    }
  });

  it('keeps the first chart stored for a day, whichever process uploaded first, and retires charts older than yesterday', async () => {
    const { initiative } = await busyInitiative();
    const days = [-3, -2, -1, 0].map((d) => new Date(MORNING.getTime() + d * DAY));
    const snapshots = [];
    for (const at of days) snapshots.push(await dailySnapshot(db(), initiative, at));
    for (const [i, s] of snapshots.slice(0, 3).entries()) expect(await storeChart(db(), s.id, 'en', `F0OLD${i}`)).toBe(`F0OLD${i}`);

    const today = snapshots[3]!;
    const [a, b] = await Promise.all([storeChart(db(), today.id, 'en', 'F0FIRST'), storeChart(db(), today.id, 'en', 'F0SECOND')]);
    expect(a).toBe(b);
    expect(['F0FIRST', 'F0SECOND']).toContain(a);
    expect((await loadDailyInsights(db(), initiative, AFTERNOON)).snapshot.charts).toEqual({ en: a });

    // The charts of three and two days ago go; yesterday's stays (a modal may still show it).
    expect((await retireOldCharts(db(), initiative.id, MORNING)).sort()).toEqual(['F0OLD0', 'F0OLD1']);
    expect(await retireOldCharts(db(), initiative.id, MORNING)).toEqual([]);
    const rows = await db().insightsSnapshot.findMany({ where: { initiativeId: initiative.id }, orderBy: { day: 'asc' }, include: { charts: true } });
    expect(rows.map((r) => r.charts.map((c) => c.fileId))).toEqual([[], [], ['F0OLD2'], [a]]);
  });

  it('issue 19: keeps one chart per day and language, whichever process stored it first, and retires old charts in every language, each once', async () => {
    const { initiative } = await busyInitiative();
    const twoDaysAgo = await dailySnapshot(db(), initiative, new Date(MORNING.getTime() - 2 * DAY));
    const today = await dailySnapshot(db(), initiative, MORNING);
    expect(today.charts).toEqual({});
    const other = await openDatabase(database.url);
    try {
      // Two languages the same day: two charts, side by side.
      expect(await storeChart(db(), today.id, 'en', 'F0TODAYEN')).toBe('F0TODAYEN');
      expect(await storeChart(other.db, today.id, 'de', 'F0TODAYDE')).toBe('F0TODAYDE');
      // Two Spanish views at once, from two processes: one chart, the same answer for both.
      const [first, second] = await Promise.all([storeChart(db(), today.id, 'es', 'F0ESFIRST'), storeChart(other.db, today.id, 'es', 'F0ESSECOND')]);
      expect(first).toBe(second);
      expect(['F0ESFIRST', 'F0ESSECOND']).toContain(first);
      // A later German view keeps the German chart stored first.
      expect(await storeChart(db(), today.id, 'de', 'F0DELATE')).toBe('F0TODAYDE');
      expect((await loadDailyInsights(db(), initiative, AFTERNOON)).snapshot.charts).toEqual({ en: 'F0TODAYEN', de: 'F0TODAYDE', es: first });
      expect(await db().insightsChart.count({ where: { snapshotId: today.id } })).toBe(3);

      // Two days ago in two languages: both files are handed back once, though two processes retire at once.
      await storeChart(db(), twoDaysAgo.id, 'en', 'F0OLDEN');
      await storeChart(db(), twoDaysAgo.id, 'de', 'F0OLDDE');
      const retired = await Promise.all([retireOldCharts(db(), initiative.id, MORNING), retireOldCharts(other.db, initiative.id, MORNING)]);
      expect(retired.flat().sort()).toEqual(['F0OLDDE', 'F0OLDEN']);
      expect(await db().insightsChart.count({ where: { snapshotId: twoDaysAgo.id } })).toBe(0);
      expect(await db().insightsChart.count({ where: { snapshotId: today.id } })).toBe(3);
    } finally {
      await other.close();
    }
  });

  it('the hourly job takes today\'s snapshot for each initiative that has none, once, and prunes old rows without a chart', async () => {
    const a = await makeInitiative(db());
    const b = await makeInitiative(db());
    const clock = fixedClock('2026-05-01T00:20:00Z');
    const deps = { db: db(), clock, logger: createLogger('silent') } as unknown as JobDeps;
    expect(await insightsSnapshotJob(deps)).toBeGreaterThanOrEqual(2);
    expect(await insightsSnapshotJob(deps)).toBe(0);
    for (const initiative of [a, b]) {
      const rows = await db().insightsSnapshot.findMany({ where: { initiativeId: initiative.id } });
      expect(rows.map((r) => r.day)).toEqual([new Date('2026-05-01T00:00:00Z')]);
    }
    // b's old snapshot still has a German chart: it waits until the chart is retired.
    const old = await db().insightsSnapshot.findFirstOrThrow({ where: { initiativeId: b.id } });
    await storeChart(db(), old.id, 'de', 'F0KEPTDE');
    clock.set('2026-05-20T00:20:00Z');
    const { pruned } = await takeDueSnapshots(db(), clock.now());
    expect(pruned).toBeGreaterThanOrEqual(1);
    expect(await db().insightsSnapshot.count({ where: { initiativeId: a.id, day: new Date('2026-05-01T00:00:00Z') } })).toBe(0);
    expect(await db().insightsSnapshot.count({ where: { initiativeId: a.id, day: new Date('2026-05-20T00:00:00Z') } })).toBe(1);
    expect(await db().insightsSnapshot.count({ where: { id: old.id } })).toBe(1);
    expect(await retireOldCharts(db(), b.id, clock.now())).toEqual(['F0KEPTDE']);
    await takeDueSnapshots(db(), clock.now());
    expect(await db().insightsSnapshot.count({ where: { id: old.id } })).toBe(0);
  });
});
