import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  assembleInsights,
  buildInsights,
  reportedWeeks,
  WEEKLY_METRICS,
  type NowSnapshot,
  type ShownInsights,
  type WeeklyAggregates,
} from '../../src/domain/insights-table.js';
import { groupSize, type Shown } from '../../src/domain/suppression.js';
import { dayStart, WEEK, weekStart } from '../../src/domain/weeks.js';
import { chartAltText } from '../../src/features/insights/alt-text.js';
import { renderCsv } from '../../src/features/insights/csv.js';

// DESIGN.md invariant 4 across time (issue 13): suppression that holds for one view must hold for two.
// An HR viewer who looks, waits for a colleague to ask, and looks again must not learn a count from 1
// to k-1 from what changed between the two looks.
//
// The model: a random history of an initiative (requests opened, matched, withdrawn, ended; check-in
// answers; listeners joining, pausing, leaving) stands in for the database. `aggregatesAt` and
// `nowAt` answer what the service's queries would answer at a moment (src/features/insights/service.ts:
// anonymous counters and match minutes keyed by the week an event happened in, and the live tables'
// states). Everything after that is the real code: which weeks a view reports, the daily snapshot's
// key, how a view is assembled and suppressed, and the CSV and chart alt text made from it.
//
// Two views happen at random times t1 < t2 of the same UTC day, and the history has events between
// them (the second view sees more of the day). With completed weeks only and one snapshot per day the
// two views must be identical, and then no difference can reveal anything.
//
// The old behaviour fails the same property, and so does each half of the fix alone; the last tests
// show fast-check finding a counterexample for each (what was tried is written beside them).

const DAY = 24 * 60 * 60 * 1000;

type ListenerStatus = 'pending' | 'active' | 'paused' | 'gone';
interface Request {
  topic: number;
  openedAt: number;
  matchedAt?: number;
  withdrawnAt?: number;
  endedAt?: number;
}
interface History {
  k: number;
  topics: number;
  requests: Request[];
  listeners: { topics: number[]; changes: { at: number; status: ListenerStatus }[] }[];
  checkIns: { at: number; answer: 'helpful' | 'not_yet' | 'someone_else' | 'end' }[];
}
interface Scenario {
  history: History;
  /** The day both views happen on (midnight UTC). */
  day: number;
  t1: number;
  t2: number;
  /** When the hourly job took the day's snapshot, if before the first view; else the first view takes it. */
  jobAt: number | null;
}

const topicId = (i: number) => `topic-${i}`;

// ---- The database, as the service's queries see it at a moment ----------------------------------------

function aggregatesAt(h: History, t: number, weeks: Date[]): WeeklyAggregates {
  const wanted = new Set(weeks.map((w) => w.getTime()));
  const counts = new Map<string, { metric: string; weekStart: Date; count: number }>();
  const demand = new Map<string, number>();
  const minutes = new Map<number, number>();
  const count = (metric: string, at: number | undefined, topic?: number) => {
    if (at === undefined || at > t) return;
    const week = weekStart(new Date(at));
    if (!wanted.has(week.getTime())) return;
    const key = `${metric}|${week.getTime()}`;
    const row = counts.get(key) ?? { metric, weekStart: week, count: 0 };
    row.count += 1;
    counts.set(key, row);
    if (metric === 'request_opened' && topic !== undefined) demand.set(topicId(topic), (demand.get(topicId(topic)) ?? 0) + 1);
  };
  for (const r of h.requests) {
    count('request_opened', r.openedAt, r.topic);
    count('request_matched', r.matchedAt);
    count('request_withdrawn', r.withdrawnAt);
    count('pairing_ended', r.endedAt);
    if (r.matchedAt !== undefined && r.matchedAt <= t && wanted.has(weekStart(new Date(r.matchedAt)).getTime())) {
      const m = Math.round((r.matchedAt - r.openedAt) / 60_000);
      minutes.set(m, (minutes.get(m) ?? 0) + 1);
    }
  }
  for (const c of h.checkIns) count(`checkin_${c.answer}`, c.at);
  return {
    weekly: [...counts.values()],
    demandByTopic: [...demand].map(([id, n]) => ({ topicId: id, count: n })),
    matchMinutes: [...minutes].sort((a, b) => a[0] - b[0]).map(([m, n]) => ({ minutes: m, count: n })),
  };
}

function nowAt(h: History, t: number): NowSnapshot {
  const statusAt = (changes: { at: number; status: ListenerStatus }[]) => changes.filter((c) => c.at <= t).at(-1)?.status ?? 'gone';
  const statuses = h.listeners.map((l) => ({ ...l, status: statusAt(l.changes) }));
  const has = (s: ListenerStatus) => statuses.filter((l) => l.status === s).length;
  const by = (at: number | undefined) => at !== undefined && at <= t;
  return {
    k: h.k,
    takenAt: new Date(t),
    now: {
      listenersActive: has('active'),
      listenersPaused: has('paused'),
      listenersPending: has('pending'),
      requestsWaiting: h.requests.filter((r) => by(r.openedAt) && !by(r.matchedAt) && !by(r.withdrawnAt)).length,
      pairingsActive: h.requests.filter((r) => by(r.matchedAt) && !by(r.endedAt)).length,
    },
    topics: Array.from({ length: h.topics }, (_, i) => ({
      id: topicId(i),
      label: `Topic ${i}`,
      supply: statuses.filter((l) => l.status === 'active' && l.topics.includes(i)).length,
    })),
  };
}

// ---- Views --------------------------------------------------------------------------------------------

/** What a viewer is shown: the suppressed figures, and the CSV and chart alt text made from them. */
interface Seen {
  shown: ShownInsights;
  csv: string;
  altText: string;
}

function seen(shown: ShownInsights): Seen {
  return { shown, csv: renderCsv(shown, 'Harbour Circle'), altText: chartAltText(shown) };
}

/** The app as it is: completed weeks, and the snapshot stored for the view's day (taken if missing). */
function viewNow(h: History, t: number, snapshots: Map<number, NowSnapshot>): Seen {
  const day = dayStart(new Date(t)).getTime();
  const snapshot = snapshots.get(day) ?? nowAt(h, t);
  snapshots.set(day, snapshot);
  const weeks = reportedWeeks(new Date(t));
  return seen(buildInsights(assembleInsights({ weeks, aggregates: aggregatesAt(h, t, weeks), snapshot })));
}

/** The last 12 weeks including the current one, as before issue 13. */
function weeksWithCurrent(t: number): Date[] {
  const current = weekStart(new Date(t)).getTime();
  return Array.from({ length: 12 }, (_, i) => new Date(current - (11 - i) * WEEK));
}

type Variant = (h: History, t: number, snapshots: Map<number, NowSnapshot>) => Seen;

/** Before issue 13: the current week, and "now" figures counted live at every view. */
const before: Variant = (h, t) => {
  const weeks = weeksWithCurrent(t);
  return seen(buildInsights(assembleInsights({ weeks, aggregates: aggregatesAt(h, t, weeks), snapshot: nowAt(h, t) })));
};
/** Completed weeks, but live "now" figures. */
const liveNow: Variant = (h, t) => {
  const weeks = reportedWeeks(new Date(t));
  return seen(buildInsights(assembleInsights({ weeks, aggregates: aggregatesAt(h, t, weeks), snapshot: nowAt(h, t) })));
};
/** The daily snapshot, but the current week still reported. */
const currentWeek: Variant = (h, t, snapshots) => {
  const day = dayStart(new Date(t)).getTime();
  const snapshot = snapshots.get(day) ?? nowAt(h, t);
  snapshots.set(day, snapshot);
  const weeks = weeksWithCurrent(t);
  return seen(buildInsights(assembleInsights({ weeks, aggregates: aggregatesAt(h, t, weeks), snapshot })));
};

/** Every count a view shows, by where it is. */
function cellsOf(shown: ShownInsights): Map<string, Shown> {
  const cells = new Map<string, Shown>();
  shown.weeks.forEach((w, i) => {
    for (const m of WEEKLY_METRICS) cells.set(`${m} in week ${w.toISOString().slice(0, 10)}`, shown.weekly[m][i]!);
  });
  for (const m of WEEKLY_METRICS) cells.set(`${m} in all`, shown.totals[m]);
  cells.set('check-ins in all', shown.checkInsTotal);
  for (const [key, cell] of Object.entries(shown.now)) cells.set(`now ${key}`, cell);
  for (const t of shown.topics) {
    cells.set(`requests on ${t.label}`, t.demand);
    cells.set(`active listeners on ${t.label}`, t.supply);
  }
  return cells;
}

/**
 * Where two views on the same day show a count in the same place that grew or shrank by 1 to k-1:
 * the viewer then knows that exactly that many people did that thing in between (a colleague asked
 * about that topic, a listener paused), the very count suppression hides.
 */
function revealed(a: ShownInsights, b: ShownInsights, k: number): string[] {
  const first = cellsOf(a);
  const found: string[] = [];
  for (const [where, cell] of cellsOf(b)) {
    const earlier = first.get(where);
    if (earlier?.kind !== 'count' || cell.kind !== 'count') continue;
    const difference = Math.abs(cell.value - earlier.value);
    if (difference >= 1 && difference < groupSize(k)) found.push(`${where}: ${earlier.value} then ${cell.value}`);
  }
  return found;
}

// ---- Random histories -----------------------------------------------------------------------------------

const FIRST_DAY = Date.UTC(2026, 0, 1);

const scenario: fc.Arbitrary<Scenario> = fc
  .record({
    dayIndex: fc.integer({ min: 0, max: 364 }),
    k: fc.integer({ min: 3, max: 7 }),
    topics: fc.integer({ min: 1, max: 4 }),
    t1: fc.integer({ min: 0, max: DAY - 2 }),
    gap: fc.integer({ min: 1, max: DAY - 1 }),
    jobFraction: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }),
    // Event times as offsets from the day's end, back over nine weeks; many in this week and today,
    // where the viewer would look for a change.
    requests: fc.array(
      fc.record({
        topic: fc.nat(3),
        ago: fc.oneof(fc.integer({ min: 0, max: 63 * DAY }), fc.integer({ min: 0, max: 7 * DAY }), fc.integer({ min: 0, max: DAY })),
        waitMinutes: fc.option(fc.integer({ min: 1, max: 3 * 24 * 60 }), { nil: undefined }),
        withdrawAfter: fc.option(fc.integer({ min: 1, max: 2 * DAY }), { nil: undefined }),
        endAfter: fc.option(fc.integer({ min: 1, max: 14 * DAY }), { nil: undefined }),
      }),
      { maxLength: 60 },
    ),
    listeners: fc.array(
      fc.record({
        topics: fc.uniqueArray(fc.nat(3), { minLength: 1, maxLength: 3 }),
        changes: fc.array(fc.record({ ago: fc.oneof(fc.integer({ min: 0, max: 30 * DAY }), fc.integer({ min: 0, max: DAY })), status: fc.constantFrom<ListenerStatus>('pending', 'active', 'active', 'paused', 'gone') }), { minLength: 1, maxLength: 4 }),
      }),
      { maxLength: 20 },
    ),
    checkIns: fc.array(
      fc.record({ ago: fc.oneof(fc.integer({ min: 0, max: 63 * DAY }), fc.integer({ min: 0, max: DAY })), answer: fc.constantFrom('helpful' as const, 'not_yet' as const, 'someone_else' as const, 'end' as const) }),
      { maxLength: 40 },
    ),
  })
  .map((g): Scenario => {
    const day = FIRST_DAY + g.dayIndex * DAY;
    const end = day + DAY - 1;
    const t1 = day + g.t1;
    const t2 = Math.min(end, t1 + g.gap);
    const requests = g.requests.map((r): Request => {
      const openedAt = end - r.ago;
      const request: Request = { topic: r.topic % g.topics, openedAt };
      if (r.waitMinutes !== undefined) {
        request.matchedAt = openedAt + r.waitMinutes * 60_000;
        if (r.endAfter !== undefined) request.endedAt = request.matchedAt + r.endAfter;
      } else if (r.withdrawAfter !== undefined) request.withdrawnAt = openedAt + r.withdrawAfter;
      return request;
    });
    const listeners = g.listeners.map((l) => ({
      topics: l.topics.map((t) => t % g.topics),
      changes: l.changes.map((c) => ({ at: end - c.ago, status: c.status })).sort((a, b) => a.at - b.at),
    }));
    const checkIns = g.checkIns.map((c) => ({ at: end - c.ago, answer: c.answer }));
    return {
      history: { k: g.k, topics: g.topics, requests, listeners, checkIns },
      day,
      t1,
      t2,
      jobAt: g.jobFraction === null ? null : day + Math.floor(g.jobFraction * (t1 - day)),
    };
  })
  .filter((s) => s.t2 > s.t1);

/** The two views of a scenario under a variant, the day's snapshot taken by the job or the first view. */
function twoViews(s: Scenario, variant: Variant): [Seen, Seen] {
  const snapshots = new Map<number, NowSnapshot>();
  if (s.jobAt !== null) snapshots.set(s.day, nowAt(s.history, s.jobAt));
  return [variant(s.history, s.t1, snapshots), variant(s.history, s.t2, snapshots)];
}

const sameDayViewsRevealNothing = (variant: Variant) =>
  fc.property(scenario, (s) => {
    const [a, b] = twoViews(s, variant);
    return revealed(a.shown, b.shown, s.history.k).length === 0;
  });

// ---- The properties ----------------------------------------------------------------------------------

describe('DESIGN.md invariant 4 across time: two views on the same day', () => {
  it('show exactly the same figures, CSV and chart alt text, however much happened in between', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const snapshots = new Map<number, NowSnapshot>();
        if (s.jobAt !== null) snapshots.set(s.day, nowAt(s.history, s.jobAt));
        const first = viewNow(s.history, s.t1, snapshots);
        const second = viewNow(s.history, s.t2, snapshots);
        expect(second.shown).toEqual(first.shown);
        expect(second.csv).toBe(first.csv);
        expect(second.altText).toBe(first.altText);
        expect(revealed(first.shown, second.shown, s.history.k)).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });

  it('read the same when the coordinator changes k between them: the day keeps the snapshot\'s k', () => {
    fc.assert(
      fc.property(scenario, fc.integer({ min: -4, max: 4 }), (s, change) => {
        const snapshots = new Map<number, NowSnapshot>();
        const first = viewNow(s.history, s.t1, snapshots);
        const second = viewNow({ ...s.history, k: Math.max(3, s.history.k + change) }, s.t2, snapshots);
        expect(second).toEqual(first);
      }),
      { numRuns: 200 },
    );
  });

  // Why k waits for the next day: the same figures suppressed with a larger k do not simply hide more.
  // Complementary suppression picks its second cell by size against k, so a cell hidden to protect
  // another at the old k can show at the new one while another hides; with both views, the protected
  // small count is a subtraction away again. fast-check finds such a pair within a few histories; the
  // first we saw had k = 3 then 4, and a week's withdrawn count, hidden beside a small one at k = 3,
  // showing as 0 at k = 4.
  it('would fail if a raised k applied within the day: a cell hidden in the first view shows in the second', () => {
    const noHiddenCellShows = fc.property(scenario, fc.integer({ min: 1, max: 4 }), (s, raise) => {
      const snapshots = new Map<number, NowSnapshot>();
      const first = viewNow(s.history, s.t1, snapshots);
      const weeks = reportedWeeks(new Date(s.t2));
      const snapshot = snapshots.get(s.day)!;
      const second = buildInsights(assembleInsights({ weeks, aggregates: aggregatesAt(s.history, s.t2, weeks), snapshot: { ...snapshot, k: snapshot.k + raise } }));
      const before = cellsOf(first.shown);
      return [...cellsOf(second)].every(([where, cell]) => before.get(where)?.kind !== 'suppressed' || cell.kind === 'suppressed');
    });
    expect(fc.check(noHiddenCellShows, { numRuns: 1000, seed: 13 }).failed).toBe(true);
  });

  it('a look, a colleague asking, and a second look the same day: nothing changes (and before issue 13, the total grew by one)', () => {
    // Wednesday 4 March 2026; k = 5. Six requests this week before 09:00 and eight last week, six
    // active listeners. HR looks at 09:00; a colleague asks at 11:00 and a listener joins at noon; HR
    // looks again at 15:00.
    const day = Date.UTC(2026, 2, 4);
    const history: History = {
      k: 5,
      topics: 2,
      requests: [
        ...Array.from({ length: 8 }, (_, i) => ({ topic: i % 2, openedAt: day - 6 * DAY + i * 3_600_000 })),
        ...Array.from({ length: 6 }, (_, i) => ({ topic: 0, openedAt: day - DAY + i * 3_600_000 })),
        { topic: 0, openedAt: day + 11 * 3_600_000 },
      ],
      listeners: [
        ...Array.from({ length: 6 }, () => ({ topics: [0, 1], changes: [{ at: day - 20 * DAY, status: 'active' as const }] })),
        { topics: [0], changes: [{ at: day + 12 * 3_600_000, status: 'active' }] },
      ],
      checkIns: [],
    };
    const s: Scenario = { history, day, t1: day + 9 * 3_600_000, t2: day + 15 * 3_600_000, jobAt: null };

    const [old1, old2] = twoViews(s, before);
    expect(revealed(old1.shown, old2.shown, 5)).toEqual(
      expect.arrayContaining([
        `request_opened in week 2026-03-02: 6 then 7`,
        'now requestsWaiting: 14 then 15',
        'now listenersActive: 6 then 7',
        'active listeners on Topic 0: 6 then 7',
      ]),
    );

    const [now1, now2] = twoViews(s, (h, t, snapshots) => viewNow(h, t, snapshots));
    expect(now2).toEqual(now1);
    expect(now1.shown.weeks.at(-1)).toEqual(new Date('2026-02-23T00:00:00Z')); // the last complete week
    expect(cellsOf(now1.shown).get('request_opened in week 2026-02-23')).toEqual({ kind: 'count', value: 8 });
  });

  // What was tried, to show the property means something: the same random histories, viewed the old
  // way and with each half of the fix alone. With seed 13, fast-check finds two views whose difference
  // reveals a small count within the first few histories each time: before issue 13 and with the
  // current week still shown, k = 3 and this week's "Requests opened" (and its topic, and the total)
  // going from 3 to 4 because one colleague asked between the looks; with live "now" figures,
  // "Listeners waiting for approval" going from 3 to 4. And changing `completedWeeks` to include the
  // current week makes the first property fail after two histories (one check-in answered between the
  // looks changes the current week's cell).
  it.each([
    ['before issue 13 (current week and live "now" figures)', before],
    ['completed weeks with live "now" figures', liveNow],
    ['the daily snapshot with the current week still shown', currentWeek],
  ] as const)('would fail %s', (_name, variant) => {
    const result = fc.check(sameDayViewsRevealNothing(variant), { numRuns: 1000, seed: 13 });
    expect(result.failed).toBe(true);
    const [s] = result.counterexample!;
    const [a, b] = twoViews(s, variant);
    expect(revealed(a.shown, b.shown, s.history.k).length).toBeGreaterThan(0);
  });
});
