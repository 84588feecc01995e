import { isValidTimeZone } from '../../domain/local-time.js';
import { displayPseudonym } from '../../domain/pseudonyms.js';
import { escapeMrkdwn as e } from '../common/blocks.js';
import type { PauseReason } from '../listeners/service.js';

// The Home tab's words (issue 15). Functions here build mrkdwn: each escapes the text people typed that
// it puts in (topic labels); the rest take only the app's own values (numbers, dates, ids, pseudonyms).

export const EDIT_PROFILE = 'Edit my listener profile';
export const PAUSE = 'Pause…';
export const RESUME = 'Resume';
export const STOP = 'Stop being a listener';
export const NO_CONVERSATIONS = 'No conversations at the moment.';
export const NOBODY_WAITING = '*Waiting for a listener:* nobody at the moment.';
export const NO_COORDINATOR = '*Your coordinators:* none at the moment.';
export const NO_TOPIC = 'No topic';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** "less than an hour", "5 hours", "12 days": how long something has been going. */
export function durationText(ms: number): string {
  if (ms < HOUR) return 'less than an hour';
  if (ms < DAY) {
    const hours = Math.floor(ms / HOUR);
    return `${hours} hour${hours === 1 ? '' : 's'}`;
  }
  const days = Math.floor(ms / DAY);
  return `${days} day${days === 1 ? '' : 's'}`;
}

/** "Monday 14 December" (long) or "14 Dec" (short), the day as it is where the listener lives. */
export function localDate(at: Date, timeZone: string | null, style: 'long' | 'short'): string {
  const zone = timeZone && isValidTimeZone(timeZone) ? timeZone : 'UTC';
  const options: Intl.DateTimeFormatOptions = style === 'long' ? { weekday: 'long', day: 'numeric', month: 'long' } : { day: 'numeric', month: 'short' };
  return new Intl.DateTimeFormat('en-GB', { timeZone: zone, ...options }).format(at);
}

export interface StatusFacts {
  status: 'pending' | 'active' | 'paused';
  pausedUntil: Date | null;
  pauseReason: PauseReason | null;
  timezone: string | null;
  capacity: number;
}

/** The listener's own status in plain words, for their Home. `used`: their active conversations. */
export function ownStatus(p: StatusFacts, used: number): string {
  if (p.status === 'pending') return 'waiting for a coordinator\'s approval';
  if (p.status === 'paused') {
    if (p.pauseReason === 'no_answer') return 'paused because three offers went unanswered (no harm done: you can resume any time)';
    if (p.pausedUntil) return `paused until ${localDate(p.pausedUntil, p.timezone, 'long')} (you can resume sooner)`;
    return 'paused (you can resume any time)';
  }
  return used >= p.capacity ? 'every place is taken, so no new offers until a conversation ends' : 'taking new conversations';
}

/** "1 of 2 conversations". */
export function slotsUsed(used: number, capacity: number): string {
  return `${used} of ${capacity} conversation${capacity === 1 ? '' : 's'}`;
}

/** "a colleague (Otter), 12 days": the seeker by pseudonym only (DESIGN.md invariant 1). */
export function conversationLine(seekerPseudonym: string, ranFor: number): string {
  return `${displayPseudonym(seekerPseudonym)}, ${durationText(ranFor)}`;
}

/** A listener's status and load as coordinators see it: never whom they support (invariant 5). */
export function listenerForCoordinator(userId: string, p: StatusFacts, used: number): string {
  const load = `${used} of ${p.capacity}`;
  if (p.status === 'pending') return `<@${userId}>: waiting for approval`;
  if (p.status === 'paused') {
    const why = p.pauseReason === 'no_answer' ? 'paused (no answer)' : p.pausedUntil ? `paused until ${localDate(p.pausedUntil, p.timezone, 'short')}` : 'paused';
    return used > 0 ? `<@${userId}>: ${why}, ${load}` : `<@${userId}>: ${why}`;
  }
  return used >= p.capacity ? `<@${userId}>: every place taken, ${load}` : `<@${userId}>: taking new conversations, ${load}`;
}

/** "Anxiety 3 (oldest 2 days)": how many wait on a topic and the longest wait; no one in it. */
export function waitingTopic(topic: string | null, count: number, oldestFor: number): string {
  return `${e(topic ?? NO_TOPIC)} ${count} (oldest ${durationText(oldestFor)})`;
}

export function waitingHeading(total: number): string {
  return `*Waiting for a listener (${total}):*`;
}

/** "*Your topics:* Anxiety, Grief" (labels as coordinators wrote them, escaped here). */
export function yourTopics(labels: string[]): string {
  return labels.length === 0 ? '*Your topics:* none chosen yet.' : `*Your topics:* ${labels.map(e).join(', ')}`;
}

/** When offers may arrive, from describeWorkingHours, with the timezone it is read in and quiet hours. */
export function offersArrive(hours: string, timeZone: string | null, quiet: { start: string; end: string } | null): string {
  const zone = timeZone ? ` (${e(timeZone)})` : ' (UTC until Slack tells me your timezone)';
  const quietText = quiet ? `; quiet hours ${quiet.start} to ${quiet.end}` : '';
  return `*Offers arrive:* ${hours}${zone}${quietText}`;
}

export function yourCoordinators(mentions: string): string {
  return `*Your coordinators:* ${mentions}`;
}

export function andMore(n: number, what: string): string {
  return `…and ${n} more ${what}`;
}
