import type { CircleCadence } from './circles.js';
import { addDays, localDate, localTime, parseClock, utcOffsetMinutes } from './local-time.js';

// When a circle meets (issue 20): on a weekday at a local time in the circle's timezone, every week or
// every other week. Session n is n-1 cadences after the first. Slots keep the circle's local clock across
// daylight-saving changes: a circle that meets at 18:00 in Berlin still meets at 18:00 after the clocks
// move, not at 17:00 or 19:00 (a fixed number of milliseconds would drift by an hour twice a year).

const DAY_MS = 24 * 60 * 60 * 1000;

export function cadenceDays(cadence: CircleCadence): 7 | 14 {
  return cadence === 'fortnightly' ? 14 : 7;
}

/** 0 = Sunday ... 6 = Saturday for a YYYY-MM-DD date (a date only: no timezone involved). */
function weekdayOf(dateYmd: string): number {
  const [y, m, d] = dateYmd.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

/**
 * The instant the clock in `timeZone` shows `minutes` past midnight on `dateYmd`. A time the clocks skip
 * (02:30 the night they go forward) is read as the same time after the jump (03:30), as calendars do; a
 * time that happens twice (the night they go back) is the first one.
 */
export function instantAtLocal(dateYmd: string, minutes: number, timeZone: string | null): Date {
  const [y, m, d] = dateYmd.split('-').map(Number) as [number, number, number];
  const asUtc = Date.UTC(y, m - 1, d) + minutes * 60_000;
  // Offsets a day either side: a change on, just before or just after that day is seen.
  const offsets = new Set([-DAY_MS, 0, DAY_MS].map((shift) => utcOffsetMinutes(new Date(asUtc + shift), timeZone)));
  const candidates = [...offsets].map((offset) => asUtc - offset * 60_000).sort((a, b) => a - b);
  const exact = candidates.find((t) => localDate(new Date(t), timeZone) === dateYmd && localTime(new Date(t), timeZone).minutes === minutes);
  // In a gap the offset from before the change (the smaller one, so the later instant) moves it forward.
  return new Date(exact ?? candidates[candidates.length - 1]!);
}

function clockOf(localTimeText: string): number {
  const minutes = parseClock(localTimeText);
  if (minutes === null) throw new Error(`not a local time: ${localTimeText}`);
  return minutes;
}

/** The first slot strictly after `now`: the next `weekday` at `localTime` in `timezone` (DST-safe). */
export function firstSlotAfter(input: { weekday: number; localTime: string; timezone: string; now: Date }): Date {
  const minutes = clockOf(input.localTime);
  const today = localDate(input.now, input.timezone);
  // Yesterday covers a slot the zone's date line puts behind `now`'s date; 8 days ahead always finds the
  // weekday again, even when today's slot has just passed.
  for (let days = -1; days <= 8; days += 1) {
    const date = addDays(today, days);
    if (weekdayOf(date) !== input.weekday) continue;
    const slot = instantAtLocal(date, minutes, input.timezone);
    if (slot.getTime() > input.now.getTime()) return slot;
  }
  throw new Error(`no slot found for weekday ${input.weekday}`);
}

/**
 * Where a circle's slots come from. `timezone` (and `localTime`, for a first session the clocks moved)
 * keep every slot on the circle's local clock; a circle row has both. Without them slots are whole
 * 24-hour days apart.
 */
export interface CircleClock {
  firstSessionAt: Date;
  cadence: CircleCadence;
  timezone?: string | null;
  localTime?: string | null;
}

export function slotOf(circle: CircleClock, sequence: number): Date {
  const days = (sequence - 1) * cadenceDays(circle.cadence);
  if (!circle.timezone) return new Date(circle.firstSessionAt.getTime() + days * DAY_MS);
  const minutes = (circle.localTime ? parseClock(circle.localTime) : null) ?? localTime(circle.firstSessionAt, circle.timezone).minutes;
  return instantAtLocal(addDays(localDate(circle.firstSessionAt, circle.timezone), days), minutes, circle.timezone);
}

/** The session number whose slot is the first at or after `at` (1 when `at` <= firstSessionAt). */
export function sessionAtOrAfter(circle: CircleClock, at: Date): number {
  const period = cadenceDays(circle.cadence) * DAY_MS;
  // A guess on whole days, then corrected: a local-clock slot is at most an hour or two off it.
  let n = Math.max(1, Math.ceil((at.getTime() - circle.firstSessionAt.getTime()) / period) + 1);
  while (n > 1 && slotOf(circle, n - 1).getTime() >= at.getTime()) n -= 1;
  while (slotOf(circle, n).getTime() < at.getTime()) n += 1;
  return n;
}
