import { percentilesFromCounts, suppress, type Group, type Shown } from './suppression.js';

// Lays out an initiative's aggregates as cells and the groups that relate them, applies suppression
// (DESIGN.md invariant 4) and returns only what may be shown. Every view, chart and CSV export is made
// from this one result, so they all hide the same cells.

export const WEEKLY_METRICS = [
  'request_opened',
  'request_matched',
  'request_withdrawn',
  'pairing_ended',
  'checkin_helpful',
  'checkin_not_yet',
  'checkin_someone_else',
  'checkin_end',
] as const;
export type WeeklyMetric = (typeof WEEKLY_METRICS)[number];

export const METRIC_LABELS: Record<WeeklyMetric, string> = {
  request_opened: 'Requests opened',
  request_matched: 'Requests matched',
  request_withdrawn: 'Requests withdrawn',
  pairing_ended: 'Pairings ended',
  checkin_helpful: 'Check-ins: helpful',
  checkin_not_yet: 'Check-ins: not yet',
  checkin_someone_else: 'Check-ins: someone else',
  checkin_end: 'Check-ins: ended',
};

export interface RawInsights {
  k: number;
  /** Monday 00:00 UTC of each of the last 12 weeks, oldest first. */
  weeks: Date[];
  weekly: Record<WeeklyMetric, number[]>;
  now: { listenersActive: number; listenersPaused: number; listenersPending: number; requestsWaiting: number; pairingsActive: number };
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
  timeToMatch: { median: number; p90: number } | null;
  topics: { label: string; demand: Shown; supply: Shown }[];
  /** Topic demand is hidden whole when fewer than k requests were made. */
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

  const shown = suppress(cells, groups, raw.k);
  const get = (id: string) => shown.get(id)!;

  return {
    k: Math.max(3, raw.k),
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
    timeToMatch: percentilesFromCounts(raw.matchMinutes, raw.k),
    topics: raw.topics.map((t, i) => ({ label: t.label, demand: get(`topic:${i}:demand`), supply: get(`topic:${i}:supply`) })),
    topicsHidden: demandTotal > 0 && demandTotal < Math.max(3, raw.k),
  };
}
