import { describe, expect, it } from 'vitest';
import { buildInsights, WEEKLY_METRICS, type RawInsights, type WeeklyMetric } from '../../src/domain/insights-table.js';

// "Did this help?" at the end of a conversation (issue 14) is a weekly anonymous count like the
// check-in answers, and is shown only at k or more (DESIGN.md invariant 4), by the same suppression.

const WEEKS = [new Date('2026-02-09T00:00:00Z'), new Date('2026-02-16T00:00:00Z')];

function raw(counts: Partial<Record<WeeklyMetric, number[]>>, k = 5): RawInsights {
  const weekly = Object.fromEntries(WEEKLY_METRICS.map((m) => [m, counts[m] ?? WEEKS.map(() => 0)])) as Record<WeeklyMetric, number[]>;
  return {
    k,
    weeks: WEEKS,
    weekly,
    now: { listenersActive: 0, listenersPaused: 0, listenersPending: 0, requestsWaiting: 0, pairingsActive: 0 },
    matchMinutes: [],
    topics: [],
  };
}

describe('ending answers in insights', () => {
  it('are reported by week and in total, like the check-in answers', () => {
    const shown = buildInsights(raw({ ending_helped: [6, 5], ending_not_helped: [0, 0] }));
    expect(shown.weekly.ending_helped).toEqual([{ kind: 'count', value: 6 }, { kind: 'count', value: 5 }]);
    expect(shown.totals.ending_helped).toEqual({ kind: 'count', value: 11 });
    expect(shown.totals.ending_not_helped).toEqual({ kind: 'count', value: 0 });
  });

  it('hide a count from 1 to k-1, and a week that would give it away', () => {
    const shown = buildInsights(raw({ ending_not_helped: [2, 7] }));
    expect(shown.weekly.ending_not_helped[0]).toEqual({ kind: 'suppressed' });
    // 9 in all minus a shown 7 would say 2: the total or the other week is hidden too.
    expect([shown.weekly.ending_not_helped[1], shown.totals.ending_not_helped]).toContainEqual({ kind: 'suppressed' });
  });
});
