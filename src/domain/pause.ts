import { isCalendarDate, localDate, startOfLocalDay } from './local-time.js';

// Pausing as a listener (issue 15): until a date of their choosing, or until they resume; and the
// gentle pause after offers went unanswered. Plain rules; the caller brings `now` and the timezone.

/** Offers in a row that may go unanswered before new offers stop (the listener is told kindly). */
export const UNANSWERED_OFFERS_BEFORE_PAUSE = 3;

export type PauseDateCheck =
  | { ok: true; date: string; until: Date }
  | { ok: false; reason: 'not-a-date' | 'not-after-today' | 'too-far' };

/**
 * A "pause until" date: a day after today in the listener's own timezone (UTC when unknown), and at
 * most a year away. The pause ends at the start of that local day.
 */
export function checkPauseDate(dateYmd: string, now: Date, timeZone: string | null): PauseDateCheck {
  if (!isCalendarDate(dateYmd)) return { ok: false, reason: 'not-a-date' };
  const today = localDate(now, timeZone);
  if (dateYmd <= today) return { ok: false, reason: 'not-after-today' };
  // The same day next year (29 February falls back to the 28th by comparing as text).
  const latest = `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`;
  if (dateYmd > latest) return { ok: false, reason: 'too-far' };
  return { ok: true, date: dateYmd, until: startOfLocalDay(dateYmd, timeZone) };
}

/** Whether another unanswered offer, bringing the count in a row to `unanswered`, pauses new offers. */
export function pausesForNoAnswer(unanswered: number): boolean {
  return unanswered >= UNANSWERED_OFFERS_BEFORE_PAUSE;
}
