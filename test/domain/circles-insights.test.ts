import { describe, expect, it } from 'vitest';
import {
  ALL_TOPICS,
  assembleInsights,
  buildInsights,
  CIRCLE_METRICS,
  OTHER_TOPIC,
  WEEKLY_METRICS,
  type CircleMetric,
  type RawCircles,
  type RawInsights,
  type WeeklyMetric,
} from '../../src/domain/insights-table.js';
import type { Shown } from '../../src/domain/suppression.js';

// Circles in insights (issue 20): circles opened, members joined and sessions held, by week and by topic,
// and circles open today, with the same suppression as every other figure (DESIGN.md invariant 4):
// members are people, so k applies; circles and sessions too, as everywhere.

const WEEKS = [new Date('2026-02-09T00:00:00Z'), new Date('2026-02-16T00:00:00Z'), new Date('2026-02-23T00:00:00Z')];
const HIDDEN: Shown = { kind: 'suppressed' };
const count = (value: number): Shown => ({ kind: 'count', value });

const zeros = (): Record<CircleMetric, number> => ({ circle_opened: 0, circle_joined: 0, circle_session_held: 0 });

function raw(circles: { open?: number; weekly?: Partial<RawCircles['weekly']>; byTopic?: RawCircles['byTopic'] } | undefined, k = 5): RawInsights {
  const weekly = Object.fromEntries(WEEKLY_METRICS.map((m) => [m, WEEKS.map(() => 0)])) as Record<WeeklyMetric, number[]>;
  return {
    k,
    weeks: WEEKS,
    weekly,
    now: { listenersActive: 0, listenersPaused: 0, listenersPending: 0, requestsWaiting: 0, pairingsActive: 0 },
    matchMinutes: [],
    topics: [],
    ...(circles
      ? {
          circles: {
            open: circles.open ?? 0,
            weekly: { ...(Object.fromEntries(CIRCLE_METRICS.map((m) => [m, WEEKS.map(() => 0)])) as RawCircles['weekly']), ...circles.weekly },
            byTopic: circles.byTopic ?? [],
          },
        }
      : {}),
  };
}

describe('circles in insights', () => {
  it('shows circles opened, members joined and sessions held by week, in total and by topic, at k or more', () => {
    const shown = buildInsights(
      raw({
        open: 6,
        weekly: { circle_opened: [5, 0, 6], circle_joined: [10, 8, 12], circle_session_held: [0, 5, 5] },
        byTopic: [
          { label: 'Caring', counts: { circle_opened: 5, circle_joined: 18, circle_session_held: 5 } },
          { label: ALL_TOPICS, counts: { circle_opened: 6, circle_joined: 12, circle_session_held: 5 } },
        ],
      }),
    );
    expect(shown.circles.open).toEqual(count(6));
    expect(shown.circles.weekly.circle_joined).toEqual([count(10), count(8), count(12)]);
    expect(shown.circles.totals).toEqual({ circle_opened: count(11), circle_joined: count(30), circle_session_held: count(10) });
    expect(shown.circles.byTopic).toEqual([
      { label: 'Caring', counts: { circle_opened: count(5), circle_joined: count(18), circle_session_held: count(5) } },
      { label: ALL_TOPICS, counts: { circle_opened: count(6), circle_joined: count(12), circle_session_held: count(5) } },
    ]);
    expect(shown.circles.any).toBe(true);
  });

  it('hides a week with 1 to k-1 members joining, and a second cell that would give it away', () => {
    const shown = buildInsights(raw({ weekly: { circle_joined: [2, 7, 0] }, byTopic: [{ label: 'Caring', counts: { ...zeros(), circle_joined: 9 } }] }));
    expect(shown.circles.weekly.circle_joined[0]).toEqual(HIDDEN);
    // 9 in all minus a shown 7 would say 2: the other week or the total is hidden too.
    expect([shown.circles.weekly.circle_joined[1], shown.circles.totals.circle_joined]).toContainEqual(HIDDEN);
    expect(shown.circles.weekly.circle_joined[2]).toEqual(count(0));
  });

  it('hides every topic\'s figure, zeros included, when fewer than k joined in all: the zeros would say which topic', () => {
    const shown = buildInsights(
      raw({
        weekly: { circle_joined: [0, 2, 0], circle_opened: [5, 0, 0] },
        byTopic: [
          { label: 'Caring', counts: { ...zeros(), circle_opened: 5, circle_joined: 2 } },
          { label: 'Grief', counts: zeros() },
          { label: ALL_TOPICS, counts: zeros() },
        ],
      }),
    );
    expect(shown.circles.totals.circle_joined).toEqual(HIDDEN);
    expect(shown.circles.byTopic.map((row) => row.counts.circle_joined)).toEqual([HIDDEN, HIDDEN, HIDDEN]);
    // The other measures are their own figures: shown where they are k or more, or zero.
    expect(shown.circles.byTopic.map((row) => row.counts.circle_opened)).toEqual([count(5), count(0), count(0)]);
  });

  it('hides a topic with 1 to k-1, and another topic so the first cannot be worked out from the total', () => {
    const shown = buildInsights(
      raw({
        weekly: { circle_session_held: [6, 6, 0] },
        byTopic: [
          { label: 'Caring', counts: { ...zeros(), circle_session_held: 3 } },
          { label: 'Grief', counts: { ...zeros(), circle_session_held: 9 } },
        ],
      }),
    );
    expect(shown.circles.totals.circle_session_held).toEqual(count(12));
    expect(shown.circles.byTopic.map((row) => row.counts.circle_session_held)).toEqual([HIDDEN, HIDDEN]);
  });

  it('hides circles open today from 1 to k-1', () => {
    expect(buildInsights(raw({ open: 2 })).circles.open).toEqual(HIDDEN);
    expect(buildInsights(raw({ open: 0 })).circles.open).toEqual(count(0));
  });

  it('says there are none for an initiative with no circles (and for figures from before circles)', () => {
    for (const input of [raw(undefined), raw({})]) {
      const shown = buildInsights(input);
      expect(shown.circles.any).toBe(false);
      expect(shown.circles.totals).toEqual({ circle_opened: count(0), circle_joined: count(0), circle_session_held: count(0) });
    }
  });

  it('assembles the counters by week and by topic as the day\'s snapshot lists topics, then open to all, then topics since removed', () => {
    const at = WEEKS[1]!;
    const assembled = assembleInsights({
      weeks: WEEKS,
      aggregates: {
        weekly: [
          { metric: 'circle_joined', weekStart: at, count: 7 },
          { metric: 'request_opened', weekStart: at, count: 3 },
        ],
        demandByTopic: [],
        matchMinutes: [],
        circlesByTopic: [
          { metric: 'circle_joined', topicId: 'grief', count: 4 },
          { metric: 'circle_joined', topicId: '', count: 2 },
          { metric: 'circle_joined', topicId: 'removed', count: 1 },
          { metric: 'circle_opened', topicId: 'grief', count: 1 },
        ],
      },
      snapshot: { k: 5, takenAt: at, now: raw(undefined).now, topics: [{ id: 'caring', label: 'Caring', supply: 0 }, { id: 'grief', label: 'Grief', supply: 0 }], circlesOpen: 3 },
    });
    expect(assembled.circles).toEqual({
      open: 3,
      weekly: { circle_opened: [0, 0, 0], circle_joined: [0, 7, 0], circle_session_held: [0, 0, 0] },
      byTopic: [
        { label: 'Caring', counts: zeros() },
        { label: 'Grief', counts: { ...zeros(), circle_opened: 1, circle_joined: 4 } },
        { label: ALL_TOPICS, counts: { ...zeros(), circle_joined: 2 } },
        { label: OTHER_TOPIC, counts: { ...zeros(), circle_joined: 1 } },
      ],
    });
    expect(assembled.weekly.request_opened).toEqual([0, 3, 0]);
  });
});
