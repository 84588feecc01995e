// Weeks are the finest time grain of aggregates (DESIGN.md invariant 4): Monday 00:00 UTC.

const DAY = 24 * 60 * 60 * 1000;
export const WEEK = 7 * DAY;

export function weekStart(at: Date): Date {
  const day = dayStart(at);
  const sinceMonday = (day.getUTCDay() + 6) % 7;
  return new Date(day.getTime() - sinceMonday * DAY);
}

/** Midnight UTC of the day `at` falls in: the grain of the daily insights snapshot. */
export function dayStart(at: Date): Date {
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
}

/**
 * The `count` weeks that have ended by `now`, oldest first: never the current week, which is still
 * filling up (a view that included it would let a later view on the same day show who just asked).
 */
export function completedWeeks(now: Date, count: number): Date[] {
  const current = weekStart(now).getTime();
  return Array.from({ length: count }, (_, i) => new Date(current - (count - i) * WEEK));
}
