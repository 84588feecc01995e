import { firstMomentWhen } from './delivery.js';
import { inWindow, isInQuietHours, localTime, parseClock, type LocalTime } from './local-time.js';

// When a listener may be offered a request (issue 15): on their working days, within their working
// hours, in their own timezone. Plain rules over plain data; the caller brings `now`.

export interface WorkingHours {
  /** Local weekdays, 0 = Sunday ... 6 = Saturday. */
  days: readonly number[];
  /** "HH:MM"; the same start and end means any time of those days. End before start wraps past midnight. */
  start: string;
  end: string;
}

export const DEFAULT_WORKING_HOURS: WorkingHours = { days: [1, 2, 3, 4, 5], start: '09:00', end: '18:00' };

export const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;
const SHORT = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;

/** "1,2,3,4,5" as stored, to weekday numbers; anything unreadable is dropped. */
export function parseWorkDays(stored: string): number[] {
  return [...new Set(stored.split(',').map((d) => Number(d.trim())))].filter((d) => Number.isInteger(d) && d >= 0 && d <= 6).sort((a, b) => a - b);
}

/** A listener's working hours as stored (workDays "1,2,3,4,5", workStart, workEnd). */
export function workingHoursOf(row: { workDays: string; workStart: string; workEnd: string }): WorkingHours {
  return { days: parseWorkDays(row.workDays), start: row.workStart, end: row.workEnd };
}

export function formatWorkDays(days: readonly number[]): string {
  return [...new Set(days)].sort((a, b) => a - b).join(',');
}

/** Whether `at` falls on one of the days and within the hours, in `timeZone` (UTC when unknown). */
export function isWithinWorkingHours(at: Date, timeZone: string | null, hours: WorkingHours): boolean {
  return isWithinWorkingHoursAt(localTime(at, timeZone), hours);
}

/** The same, from a local time already worked out (matching computes it once per timezone). */
export function isWithinWorkingHoursAt(local: LocalTime, hours: WorkingHours): boolean {
  if (!hours.days.includes(local.weekday)) return false;
  const start = parseClock(hours.start);
  const end = parseClock(hours.end);
  if (start === null || end === null || start === end) return true;
  return inWindow(local.minutes, start, end);
}

/** "Mon to Fri, 09:00 to 18:00" / "every day, any time" / "Mon, Wed, Fri, 10:00 to 14:00". */
export function describeWorkingHours(hours: WorkingHours): string {
  const days = [...new Set(hours.days)].sort((a, b) => a - b);
  let dayText: string;
  if (days.length === 7) dayText = 'every day';
  else if (days.length === 0) dayText = 'no days';
  else if (days.length > 2 && days.every((d, i) => i === 0 || d === days[i - 1]! + 1)) dayText = `${SHORT[days[0]!]} to ${SHORT[days[days.length - 1]!]}`;
  else dayText = days.map((d) => SHORT[d]).join(', ');
  const time = hours.start === hours.end ? 'any time' : `${hours.start} to ${hours.end}`;
  return `${dayText}, ${time}`;
}

/**
 * When a note that is not urgent (welcome back after a pause) should reach a listener: the first moment
 * at or after `from` within their working hours and outside their quiet hours; `from` itself when their
 * hours never come round (no days ticked, or quiet hours covering them).
 */
export function nextWorkingMoment(from: Date, timeZone: string | null, hours: WorkingHours, quiet: { start: string | null; end: string | null }): Date {
  return (
    firstMomentWhen(from, timeZone, (at) => isWithinWorkingHours(at, timeZone, hours) && !isInQuietHours(at, timeZone, quiet.start, quiet.end)) ?? from
  );
}
