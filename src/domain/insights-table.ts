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

/**
 * Circles (issue 20), by week and by topic: circles opened, members joined (people: k applies as to
 * every figure), sessions held. Shown apart from the pairings' weekly table, with their own groups.
 */
export const CIRCLE_METRICS = ['circle_opened', 'circle_joined', 'circle_session_held'] as const;
export type CircleMetric = (typeof CIRCLE_METRICS)[number];
/** The label of circles open to every topic of the initiative (topicId ''), translated where shown. */
export const ALL_TOPICS = 'Open to all topics';

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
  /** Circles open when the snapshot was taken (absent from snapshots taken before circles existed: none then). */
  circlesOpen?: number;
}

/** What the database aggregations over completed weeks return (anonymous counters, match minutes). */
export interface WeeklyAggregates {
  weekly: { metric: string; weekStart: Date; count: number }[];
  demandByTopic: { topicId: string; count: number }[];
  /** Minutes from request to match, ascending. */
  matchMinutes: { minutes: number; count: number }[];
  /** Circle counters over the weeks by topic ('' for circles open to every topic). `weekly` holds them by week. */
  circlesByTopic?: { metric: string; topicId: string; count: number }[];
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
  const circles = assembleCircles(weeks, aggregates, snapshot, known);
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
    circles,
  };
}

const isCircleMetric = (m: string): m is CircleMetric => (CIRCLE_METRICS as readonly string[]).includes(m);
const zeroCounts = (): Record<CircleMetric, number> => ({ circle_opened: 0, circle_joined: 0, circle_session_held: 0 });

/**
 * The circles' figures: by week, and by topic as the day's snapshot lists them, then circles open to
 * every topic, then (if any) topics removed since, together under "Other" as for demand.
 */
function assembleCircles(weeks: Date[], aggregates: WeeklyAggregates, snapshot: NowSnapshot, known: ReadonlySet<string>): RawCircles {
  const weekly = Object.fromEntries(CIRCLE_METRICS.map((m) => [m, weeks.map(() => 0)])) as Record<CircleMetric, number[]>;
  for (const row of aggregates.weekly) {
    const index = weeks.findIndex((w) => w.getTime() === row.weekStart.getTime());
    if (index >= 0 && isCircleMetric(row.metric)) weekly[row.metric][index] = (weekly[row.metric][index] ?? 0) + row.count;
  }
  const byId = new Map<string, Record<CircleMetric, number>>();
  const other = zeroCounts();
  for (const row of aggregates.circlesByTopic ?? []) {
    if (!isCircleMetric(row.metric)) continue;
    if (row.topicId !== '' && !known.has(row.topicId)) {
      other[row.metric] += row.count;
      continue;
    }
    const counts = byId.get(row.topicId) ?? zeroCounts();
    counts[row.metric] += row.count;
    byId.set(row.topicId, counts);
  }
  const anyOther = CIRCLE_METRICS.some((m) => other[m] > 0);
  return {
    open: snapshot.circlesOpen ?? 0,
    weekly,
    byTopic: [
      ...snapshot.topics.map((t) => ({ label: t.label, counts: byId.get(t.id) ?? zeroCounts() })),
      { label: ALL_TOPICS, counts: byId.get('') ?? zeroCounts() },
      ...(anyOther ? [{ label: OTHER_TOPIC, counts: other }] : []),
    ],
  };
}

/** The circles' raw figures (issue 20). */
export interface RawCircles {
  /** Circles open in the day's snapshot. */
  open: number;
  weekly: Record<CircleMetric, number[]>;
  /** Over the reported weeks, per topic (labels as the initiative wrote them, or ALL_TOPICS / OTHER_TOPIC). */
  byTopic: { label: string; counts: Record<CircleMetric, number> }[];
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
  /** Circles (issue 20); none when absent. */
  circles?: RawCircles;
}

export interface ShownCircles {
  open: Shown;
  weekly: Record<CircleMetric, Shown[]>;
  totals: Record<CircleMetric, Shown>;
  byTopic: { label: string; counts: Record<CircleMetric, Shown> }[];
  /** Whether any circle was counted over the weeks or is open today (else views say there are none). */
  any: boolean;
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
  circles: ShownCircles;
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

  const circles = raw.circles ?? noCircles(raw.weeks);
  cells.set('now:circlesOpen', circles.open);
  for (const m of CIRCLE_METRICS) {
    circles.weekly[m].forEach((v, w) => cells.set(`${m}:w${w}`, v));
    cells.set(`${m}:total`, sum(circles.weekly[m]));
    groups.push({ total: `${m}:total`, parts: raw.weeks.map((_, w) => `${m}:w${w}`) });
    // The same total broken down by topic: a second group over it, so neither breakdown gives the other away.
    circles.byTopic.forEach((row, i) => cells.set(`circletopic:${i}:${m}`, row.counts[m]));
    groups.push({ total: `${m}:total`, parts: circles.byTopic.map((_, i) => `circletopic:${i}:${m}`) });
  }

  const k = groupSize(raw.k);
  const topicsHidden = demandTotal > 0 && demandTotal < k;
  const shown = suppress(cells, groups, k);
  // Only the topics group holds these cells, and its total is hidden too, so hiding more of them
  // cannot leave any group with a single hidden member.
  if (topicsHidden) raw.topics.forEach((_, i) => shown.set(`topic:${i}:demand`, { kind: 'suppressed' }));
  // The same for circles: fewer than k in all (say two people joined), and every topic's figure reads
  // hidden, zeros included, or the zeros would say which topic's circle they joined.
  for (const m of CIRCLE_METRICS) {
    const total = cells.get(`${m}:total`)!;
    if (total > 0 && total < k) circles.byTopic.forEach((_, i) => shown.set(`circletopic:${i}:${m}`, { kind: 'suppressed' }));
  }
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
    circles: {
      open: get('now:circlesOpen'),
      weekly: Object.fromEntries(CIRCLE_METRICS.map((m) => [m, raw.weeks.map((_, w) => get(`${m}:w${w}`))])) as ShownCircles['weekly'],
      totals: Object.fromEntries(CIRCLE_METRICS.map((m) => [m, get(`${m}:total`)])) as ShownCircles['totals'],
      byTopic: circles.byTopic.map((row, i) => ({
        label: row.label,
        counts: Object.fromEntries(CIRCLE_METRICS.map((m) => [m, get(`circletopic:${i}:${m}`)])) as Record<CircleMetric, Shown>,
      })),
      any: circles.open > 0 || CIRCLE_METRICS.some((m) => cells.get(`${m}:total`)! > 0),
    },
  };
}

/** An initiative's figures before circles existed: none. */
function noCircles(weeks: Date[]): RawCircles {
  return {
    open: 0,
    weekly: Object.fromEntries(CIRCLE_METRICS.map((m) => [m, weeks.map(() => 0)])) as Record<CircleMetric, number[]>,
    byTopic: [],
  };
}
