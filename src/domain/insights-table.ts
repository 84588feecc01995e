import { completedWeeks } from './weeks.js';
import { groupSize, percentilesFromCounts, suppress, type Group, type Shown } from './suppression.js';

// Lays out an initiative's aggregates as cells and the groups that relate them, applies suppression
// (DESIGN.md invariant 4) and returns only what may be shown. Every view, chart and CSV export is made
// from this one result, so they all hide the same cells.
//
// Suppression holds for one view; these rules make it hold across views over time (issue 13). An HR
// viewer who looks, waits for a colleague to ask, and looks again must see nothing change that day:
// - only completed weeks are reported, so what happens today lands in a week no view shows yet;
// - the "now" figures (listeners by status, requests waiting, pairings active, active listeners by
//   topic) come from a snapshot taken once a day (`NowSnapshot`), never from the live tables;
// - the minimum group size is the snapshot's too, so a change of k applies from the next day: the same
//   figures suppressed with two values of k hide different cells, and the two views together could
//   give away a cell each hides.
// A day and a week both start at midnight UTC, so one day never spans two sets of reported weeks.

export const WEEKLY_METRICS = [
  'request_opened',
  'request_matched',
  'request_withdrawn',
  'pairing_ended',
  'checkin_helpful',
  'checkin_not_yet',
  'checkin_someone_else',
  'checkin_end',
  // "Did this help?" at the end of a conversation (issue 14): one anonymous answer per pairing.
  'ending_helped',
  'ending_not_helped',
] as const;
export type WeeklyMetric = (typeof WEEKLY_METRICS)[number];

/** How many completed weeks are reported. */
export const WEEKS_SHOWN = 12;

/** The weeks a view on `now` reports: the 12 completed weeks before the current one, oldest first. */
export function reportedWeeks(now: Date): Date[] {
  return completedWeeks(now, WEEKS_SHOWN);
}

export interface NowFigures {
  listenersActive: number;
  listenersPaused: number;
  listenersPending: number;
  requestsWaiting: number;
  pairingsActive: number;
}

/**
 * The day's "now" figures, taken once per initiative and UTC day and stored as JSON: counts only, and
 * the topics as they were then (with active listeners per topic), so the topic list cannot change
 * under a viewer during the day either.
 */
export interface NowSnapshot {
  k: number;
  /** When the figures were counted. */
  takenAt: Date;
  now: NowFigures;
  topics: { id: string; label: string; supply: number }[];
}

/** What the database aggregations over completed weeks return (anonymous counters, match minutes). */
export interface WeeklyAggregates {
  weekly: { metric: string; weekStart: Date; count: number }[];
  demandByTopic: { topicId: string; count: number }[];
  /** Minutes from request to match, ascending. */
  matchMinutes: { minutes: number; count: number }[];
}

export const OTHER_TOPIC = 'Other (topic since removed)';

/** One view's raw figures: the day's snapshot for "now" (and k), the aggregates for `weeks`. */
export function assembleInsights(input: { weeks: Date[]; aggregates: WeeklyAggregates; snapshot: NowSnapshot }): RawInsights {
  const { weeks, aggregates, snapshot } = input;
  const weekly = Object.fromEntries(WEEKLY_METRICS.map((m) => [m, weeks.map(() => 0)])) as Record<WeeklyMetric, number[]>;
  const isMetric = (m: string): m is WeeklyMetric => (WEEKLY_METRICS as readonly string[]).includes(m);
  for (const row of aggregates.weekly) {
    const index = weeks.findIndex((w) => w.getTime() === row.weekStart.getTime());
    if (index >= 0 && isMetric(row.metric)) weekly[row.metric][index] = (weekly[row.metric][index] ?? 0) + row.count;
  }
  const demandOf = new Map(aggregates.demandByTopic.map((r) => [r.topicId, r.count]));
  const known = new Set(snapshot.topics.map((t) => t.id));
  // Requests whose topic was removed before the day's snapshot still count as demand, under "Other".
  const other = aggregates.demandByTopic.filter((r) => !known.has(r.topicId)).reduce((sum, r) => sum + r.count, 0);
  return {
    k: snapshot.k,
    weeks,
    weekly,
    now: { ...snapshot.now },
    nowTakenAt: snapshot.takenAt,
    matchMinutes: aggregates.matchMinutes,
    topics: [
      ...snapshot.topics.map((t) => ({ label: t.label, demand: demandOf.get(t.id) ?? 0, supply: t.supply })),
      ...(other > 0 ? [{ label: OTHER_TOPIC, demand: other, supply: 0 }] : []),
    ],
  };
}

export interface RawInsights {
  k: number;
  /** Monday 00:00 UTC of each reported (completed) week, oldest first. */
  weeks: Date[];
  weekly: Record<WeeklyMetric, number[]>;
  now: NowFigures;
  /** When the "now" figures were counted (the day's snapshot). */
  nowTakenAt?: Date;
  /** Minutes from request to match, as (minutes, how many) pairs, ascending. */
  matchMinutes: { minutes: number; count: number }[];
  topics: { label: string; demand: number; supply: number }[];
}

export interface ShownInsights {
  k: number;
  weeks: Date[];
  weekly: Record<WeeklyMetric, Shown[]>;
  totals: Record<WeeklyMetric, Shown>;
  checkInsTotal: Shown;
  now: Record<keyof RawInsights['now'], Shown> & { listenersTotal: Shown };
  nowTakenAt?: Date;
  /** Null below 2k matches (src/domain/suppression.ts). */
  timeToMatch: { median: number; p90: number } | null;
  topics: { label: string; demand: Shown; supply: Shown }[];
  /**
   * Topic demand is hidden whole when fewer than k requests were made: every topic's demand reads
   * hidden, zeros included, or the zeros would say which topic those few people asked about.
   */
  topicsHidden: boolean;
}

export function buildInsights(raw: RawInsights): ShownInsights {
  const cells = new Map<string, number>();
  const groups: Group[] = [];
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

  for (const m of WEEKLY_METRICS) {
    const parts = raw.weeks.map((_, w) => `${m}:w${w}`);
    raw.weekly[m].forEach((v, w) => cells.set(`${m}:w${w}`, v));
    cells.set(`${m}:total`, sum(raw.weekly[m]));
    groups.push({ total: `${m}:total`, parts });
  }
  const answers = ['checkin_helpful', 'checkin_not_yet', 'checkin_someone_else', 'checkin_end'] as const;
  cells.set('checkins:total', sum(answers.map((a) => cells.get(`${a}:total`)!)));
  groups.push({ total: 'checkins:total', parts: answers.map((a) => `${a}:total`) });

  for (const [key, v] of Object.entries(raw.now)) cells.set(`now:${key}`, v);
  cells.set('now:listenersTotal', raw.now.listenersActive + raw.now.listenersPaused + raw.now.listenersPending);
  groups.push({ total: 'now:listenersTotal', parts: ['now:listenersActive', 'now:listenersPaused', 'now:listenersPending'] });
  // Not an exact identity over a 12-week window, but close enough to guard as one.
  groups.push({ total: 'request_opened:total', parts: ['request_matched:total', 'request_withdrawn:total', 'now:requestsWaiting'] });

  raw.topics.forEach((t, i) => {
    cells.set(`topic:${i}:demand`, t.demand);
    cells.set(`topic:${i}:supply`, t.supply);
  });
  const demandTotal = sum(raw.topics.map((t) => t.demand));
  cells.set('topics:demand', demandTotal);
  groups.push({ total: 'topics:demand', parts: raw.topics.map((_, i) => `topic:${i}:demand`) });

  const k = groupSize(raw.k);
  const topicsHidden = demandTotal > 0 && demandTotal < k;
  const shown = suppress(cells, groups, k);
  // Only the topics group holds these cells, and its total is hidden too, so hiding more of them
  // cannot leave any group with a single hidden member.
  if (topicsHidden) raw.topics.forEach((_, i) => shown.set(`topic:${i}:demand`, { kind: 'suppressed' }));
  const get = (id: string) => shown.get(id)!;

  return {
    k,
    weeks: raw.weeks,
    weekly: Object.fromEntries(WEEKLY_METRICS.map((m) => [m, raw.weeks.map((_, w) => get(`${m}:w${w}`))])) as ShownInsights['weekly'],
    totals: Object.fromEntries(WEEKLY_METRICS.map((m) => [m, get(`${m}:total`)])) as ShownInsights['totals'],
    checkInsTotal: get('checkins:total'),
    now: {
      listenersActive: get('now:listenersActive'),
      listenersPaused: get('now:listenersPaused'),
      listenersPending: get('now:listenersPending'),
      listenersTotal: get('now:listenersTotal'),
      requestsWaiting: get('now:requestsWaiting'),
      pairingsActive: get('now:pairingsActive'),
    },
    ...(raw.nowTakenAt ? { nowTakenAt: raw.nowTakenAt } : {}),
    timeToMatch: percentilesFromCounts(raw.matchMinutes, k),
    topics: raw.topics.map((t, i) => ({ label: t.label, demand: get(`topic:${i}:demand`), supply: get(`topic:${i}:supply`) })),
    topicsHidden,
  };
}
