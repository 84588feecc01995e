import { inWindow, localTime, parseClock } from './local-time.js';

// When a message may reach a person: a workday (Monday to Friday) between 09:00 and 17:00 in their
// timezone, and outside their quiet hours (issue 5). Plain rules; the caller brings `now`.

export const WORKDAY_START = 9 * 60;
export const WORKDAY_END = 17 * 60;
const STEP_MINUTES = 5;
const SEARCH_DAYS = 9;

export interface QuietHours {
  start: string;
  end: string;
}

export function isHumaneTime(at: Date, timeZone: string | null, quiet: QuietHours | null): boolean {
  const local = localTime(at, timeZone);
  if (local.weekday === 0 || local.weekday === 6) return false;
  if (local.minutes < WORKDAY_START || local.minutes >= WORKDAY_END) return false;
  if (quiet) {
    const s = parseClock(quiet.start);
    const e = parseClock(quiet.end);
    if (s !== null && e !== null && s !== e && inWindow(local.minutes, s, e)) return false;
  }
  return true;
}

/**
 * The earliest humane moment at or after `from`, to the minute. Quiet hours that cover every working
 * hour are ignored rather than delaying forever.
 */
export function nextDeliveryTime(from: Date, timeZone: string | null, quiet: QuietHours | null): Date {
  const found = firstMomentWhen(from, timeZone, (t) => isHumaneTime(t, timeZone, quiet));
  if (found) return found;
  return quiet ? nextDeliveryTime(from, timeZone, null) : from;
}

// A circle meets at the hour and on the day its members signed up for (issue 20), evenings and weekends
// included: its session prompt may reach a member any day between 08:00 and 21:00 their time, so a
// Tuesday 18:00 circle is not told on Wednesday morning, and a member for whom the slot falls at night
// gets it in their morning.
export const WAKING_START = 8 * 60;
export const WAKING_END = 21 * 60;

export function isWakingTime(at: Date, timeZone: string | null): boolean {
  const { minutes } = localTime(at, timeZone);
  return minutes >= WAKING_START && minutes < WAKING_END;
}

/** The earliest waking moment at or after `from`, to the minute. */
export function nextWakingTime(from: Date, timeZone: string | null): Date {
  return firstMomentWhen(from, timeZone, (t) => isWakingTime(t, timeZone)) ?? from;
}

/**
 * The earliest moment at or after `from` when `ok` holds, or null if none within 9 days. Steps through
 * time in 5-minute slots aligned to the local clock, so an offset like UTC+13 or UTC+5:45 lands on
 * 09:00 local exactly.
 */
export function firstMomentWhen(from: Date, timeZone: string | null, ok: (at: Date) => boolean): Date | null {
  if (ok(from)) return from;
  const start = new Date(Math.floor(from.getTime() / 60_000) * 60_000);
  const local = localTime(start, timeZone);
  const toNextSlot = (STEP_MINUTES - (local.minutes % STEP_MINUTES)) % STEP_MINUTES || STEP_MINUTES;
  let t = new Date(start.getTime() + toNextSlot * 60_000);
  const limit = from.getTime() + SEARCH_DAYS * 24 * 60 * 60_000;
  while (t.getTime() <= limit) {
    if (ok(t)) return t;
    t = new Date(t.getTime() + STEP_MINUTES * 60_000);
  }
  return null;
}

/** The next time on a cadence after `now`: `due + k * every` for the smallest k that is in the future. */
export function nextOnCadence(due: Date, everyDays: number, now: Date): Date {
  const every = everyDays * 24 * 60 * 60_000;
  const k = Math.max(1, Math.floor((now.getTime() - due.getTime()) / every) + 1);
  return new Date(due.getTime() + k * every);
}

/** Backoff before retrying a failed send: 1, 5, 15, 60 minutes. */
export function retryDelayMinutes(attempt: number): number {
  return [1, 5, 15, 60][Math.min(Math.max(attempt, 1), 4) - 1]!;
}

export const MAX_SEND_ATTEMPTS = 5;

/**
 * Backoff before retrying an outbox message (an introduction, an offer, a note): people are waiting
 * for these, so the first retries come within seconds, then back off: 5 s, 30 s, 2, 10, 30, 60 minutes.
 */
export function outboxRetryDelaySeconds(attempt: number): number {
  return [5, 30, 120, 600, 1800, 3600][Math.min(Math.max(attempt, 1), 6) - 1]!;
}

export const MAX_OUTBOX_ATTEMPTS = 8;

/** Slack answers that no retry can change (the message or its address is wrong): give up at once. */
const PERMANENT_ERRORS: ReadonlySet<string> = new Set([
  'invalid_blocks',
  'invalid_arguments',
  'invalid_attachments',
  'no_text',
  'msg_too_long',
  'channel_not_found',
  'user_not_found',
  'not_in_channel',
  'is_archived',
  'cannot_dm_bot',
  'user_disabled',
  'account_inactive',
  'message_not_found',
  'cant_update_message',
  'edit_window_closed',
  'invalid_auth',
  'token_revoked',
  'not_authed',
]);

export function isPermanentSlackError(code: string): boolean {
  return PERMANENT_ERRORS.has(code);
}
