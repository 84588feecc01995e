import { WEEKLY_METRICS, type RawInsights } from '../../../src/domain/insights-table.js';

/** Twelve Mondays from 7 September 2026 to 23 November 2026. */
export const SAMPLE_WEEKS = Array.from({ length: 12 }, (_, w) => new Date(Date.UTC(2026, 8, 7 + 7 * w)));

/** Twelve weeks of figures, some under k = 5, with `topics` (labels as an initiative wrote them). */
export function sampleInsights(topics: RawInsights['topics']): RawInsights {
  return {
    k: 5,
    weeks: SAMPLE_WEEKS,
    weekly: Object.fromEntries(WEEKLY_METRICS.map((m, j) => [m, SAMPLE_WEEKS.map((_, w) => ((w + j) % 3) * 6)])) as RawInsights['weekly'],
    now: { listenersActive: 12, listenersPaused: 2, listenersPending: 6, requestsWaiting: 7, pairingsActive: 9 },
    matchMinutes: [{ minutes: 45, count: 30 }],
    topics,
  };
}
