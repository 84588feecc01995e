// Local clock time in an IANA timezone, with Intl (no library needed). Used for quiet hours and, later,
// humane delivery hours.

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', { timeZone, hourCycle: 'h23', weekday: 'short', hour: '2-digit', minute: '2-digit', year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, f);
  }
  return f;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

export interface LocalTime {
  /** Minutes since local midnight. */
  minutes: number;
  /** 0 = Sunday ... 6 = Saturday. */
  weekday: number;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

export function localTime(at: Date, timeZone: string | null): LocalTime {
  const zone = timeZone && isValidTimeZone(timeZone) ? timeZone : 'UTC';
  const parts = formatter(zone).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '0';
  return { minutes: Number(get('hour')) * 60 + Number(get('minute')), weekday: WEEKDAYS.indexOf(get('weekday')) };
}

/** Offset from UTC in minutes at `at` (positive east of Greenwich). */
export function utcOffsetMinutes(at: Date, timeZone: string | null): number {
  const zone = timeZone && isValidTimeZone(timeZone) ? timeZone : 'UTC';
  const parts = formatter(zone).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? '0');
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  const truncated = Math.floor(at.getTime() / 60_000) * 60_000;
  return Math.round((asUtc - truncated) / 60_000);
}

export function parseClock(hhmm: string): number | null {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(hhmm);
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

/** Whether `minutes` falls in [start, end), where the window may wrap past midnight (22:00 to 07:00). */
export function inWindow(minutes: number, start: number, end: number): boolean {
  return start <= end ? minutes >= start && minutes < end : minutes >= start || minutes < end;
}

export function isInQuietHours(at: Date, timeZone: string | null, start: string | null, end: string | null): boolean {
  if (!start || !end) return false;
  return isInQuietHoursAt(localTime(at, timeZone), start, end);
}

/** The same, from a local time already worked out (matching computes it once per timezone). */
export function isInQuietHoursAt(local: LocalTime, start: string | null, end: string | null): boolean {
  if (!start || !end) return false;
  const s = parseClock(start);
  const e = parseClock(end);
  if (s === null || e === null || s === e) return false;
  return inWindow(local.minutes, s, e);
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whether `ymd` is a real calendar date written YYYY-MM-DD (as Slack's datepicker sends it). */
export function isCalendarDate(ymd: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(ymd);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const at = new Date(Date.UTC(y, mo - 1, d));
  return at.getUTCFullYear() === y && at.getUTCMonth() === mo - 1 && at.getUTCDate() === d;
}

/** The local calendar date at `at` in `timeZone` (UTC when unknown), as YYYY-MM-DD. */
export function localDate(at: Date, timeZone: string | null): string {
  const zone = timeZone && isValidTimeZone(timeZone) ? timeZone : 'UTC';
  const parts = formatter(zone).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/**
 * The first instant of the local day `dateYmd` in `timeZone` (UTC when unknown): local 00:00, or, where
 * a daylight-saving change skips midnight (clocks jump from 00:00 to 01:00), the moment the day begins.
 * Offsets are read a day either side, so a change on, just before or just after the day is seen.
 */
export function startOfLocalDay(dateYmd: string, timeZone: string | null): Date {
  if (!isCalendarDate(dateYmd)) throw new Error(`not a calendar date: ${dateYmd}`);
  const [y, m, d] = dateYmd.split('-').map(Number) as [number, number, number];
  const midnightAsUtc = Date.UTC(y, m - 1, d);
  const offsets = new Set([-DAY_MS, 0, DAY_MS].map((shift) => utcOffsetMinutes(new Date(midnightAsUtc + shift), timeZone)));
  const candidates = [...offsets].map((offset) => midnightAsUtc - offset * 60_000).sort((a, b) => a - b);
  // The earliest candidate that is already on that day; a day a zone skipped altogether starts when the next one does.
  const onTheDay = candidates.find((t) => localDate(new Date(t), timeZone) === dateYmd);
  return new Date(onTheDay ?? candidates.find((t) => localDate(new Date(t), timeZone) > dateYmd) ?? candidates[0]!);
}

/** `dateYmd` moved by whole calendar days (no timezone involved: dates only). */
export function addDays(dateYmd: string, days: number): string {
  const [y, m, d] = dateYmd.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d) + days * DAY_MS).toISOString().slice(0, 10);
}

const longDates = new Map<string, Intl.DateTimeFormat>();

/**
 * "Monday 14 December 2026" for YYYY-MM-DD: a date as people say it, with no time or zone to confuse;
 * in another locale as it writes dates ("Montag, 14. Dezember 2026" in de-DE).
 */
export function longDate(dateYmd: string, locale = 'en-GB'): string {
  const [y, m, d] = dateYmd.split('-').map(Number) as [number, number, number];
  let format = longDates.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
    longDates.set(locale, format);
  }
  const text = format.format(new Date(Date.UTC(y, m - 1, d)));
  // British English without the comma some versions of Intl put after the weekday.
  return locale === 'en-GB' ? text.replace(',', '') : text;
}
