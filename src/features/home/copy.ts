import { APP_LOCALES, type AppLanguage } from '../../domain/app-language.js';
import { isValidTimeZone } from '../../domain/local-time.js';
import { displayPseudonym } from '../../domain/pseudonyms.js';
import type { MessageKey, Translate } from '../../i18n/translate.js';
import { escapeMrkdwn as e, type ConfirmSpec } from '../common/blocks.js';
import type { PauseReason } from '../listeners/service.js';

// The Home tab's words (issue 15), from the catalogues in the person's language (issue 19). Functions
// here build mrkdwn: each escapes the text people typed that it puts in (initiative names, topic labels,
// timezones); the rest take only the app's own values (numbers, dates, ids, pseudonyms).

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** "less than an hour", "5 hours", "12 days": how long something has been going. */
export function durationText(t: Translate, ms: number): string {
  if (ms < HOUR) return t('home.duration.lessThanAnHour');
  if (ms < DAY) return t('home.duration.hours', { hours: Math.floor(ms / HOUR) });
  return t('home.duration.days', { days: Math.floor(ms / DAY) });
}

/** "Monday 14 December" (long) or "14 Dec" (short), as the language writes dates; the day as it is where the listener lives. */
export function localDate(language: AppLanguage, at: Date, timeZone: string | null, style: 'long' | 'short'): string {
  const zone = timeZone && isValidTimeZone(timeZone) ? timeZone : 'UTC';
  const options: Intl.DateTimeFormatOptions = style === 'long' ? { weekday: 'long', day: 'numeric', month: 'long' } : { day: 'numeric', month: 'short' };
  return new Intl.DateTimeFormat(APP_LOCALES[language], { timeZone: zone, ...options }).format(at);
}

/** A weekday's short name (0 is Sunday) in the language: "Mon", "Mo", "lun". */
function weekdayName(language: AppLanguage, day: number): string {
  // 1 January 2023 was a Sunday.
  return new Intl.DateTimeFormat(APP_LOCALES[language], { weekday: 'short', timeZone: 'UTC' }).format(new Date(Date.UTC(2023, 0, 1 + day)));
}

/**
 * "Mon to Fri, 09:00 to 18:00": describeWorkingHours (domain/availability.ts) in the person's language,
 * worded the same way (every day, a run of days, or the days one by one; any time when start is end).
 */
export function workingHours(t: Translate, language: AppLanguage, hours: { days: number[]; start: string; end: string }): string {
  const days = [...new Set(hours.days)].sort((a, b) => a - b);
  let dayText: string;
  if (days.length === 7) dayText = t('home.hours.everyDay');
  else if (days.length === 0) dayText = t('home.hours.noDays');
  else if (days.length > 2 && days.every((d, i) => i === 0 || d === days[i - 1]! + 1)) {
    dayText = t('home.hours.dayRange', { first: weekdayName(language, days[0]!), last: weekdayName(language, days[days.length - 1]!) });
  } else dayText = days.map((d) => weekdayName(language, d)).join(', ');
  const time = hours.start === hours.end ? t('home.hours.anyTime') : t('home.hours.timeRange', { start: hours.start, end: hours.end });
  return `${dayText}, ${time}`;
}

export interface StatusFacts {
  status: 'pending' | 'active' | 'paused';
  pausedUntil: Date | null;
  pauseReason: PauseReason | null;
  timezone: string | null;
  capacity: number;
}

/** "You listen with *Lighthouse*: taking new conversations.": the listener's own status, for their Home. `used`: their active conversations. */
export function ownStatus(t: Translate, language: AppLanguage, initiative: string, p: StatusFacts, used: number): string {
  const values = { initiative: e(initiative) };
  if (p.status === 'pending') return t('home.listening.pending', values);
  if (p.status === 'paused') {
    if (p.pauseReason === 'no_answer') return t('home.listening.pausedNoAnswer', values);
    if (p.pausedUntil) return t('home.listening.pausedUntil', { ...values, date: localDate(language, p.pausedUntil, p.timezone, 'long') });
    return t('home.listening.paused', values);
  }
  return t(used >= p.capacity ? 'home.listening.full' : 'home.listening.taking', values);
}

/** "1 of 2 conversations". */
export function slotsUsed(t: Translate, used: number, capacity: number): string {
  return t('home.slotsUsed', { used, capacity });
}

/** "a colleague (Otter), 12 days": the seeker by pseudonym only (DESIGN.md invariant 1). */
export function conversationLine(t: Translate, seekerPseudonym: string, ranFor: number): string {
  return `${displayPseudonym(t, seekerPseudonym)}, ${durationText(t, ranFor)}`;
}

/** A listener's status and load as coordinators see it: never whom they support (invariant 5). */
export function listenerForCoordinator(t: Translate, language: AppLanguage, userId: string, p: StatusFacts, used: number): string {
  const load = t('home.listenerLoad', { used, capacity: p.capacity });
  if (p.status === 'pending') return `<@${userId}>: ${t('home.listenerStatus.pending')}`;
  if (p.status === 'paused') {
    const why =
      p.pauseReason === 'no_answer'
        ? t('home.listenerStatus.pausedNoAnswer')
        : p.pausedUntil
          ? t('home.listenerStatus.pausedUntil', { date: localDate(language, p.pausedUntil, p.timezone, 'short') })
          : t('home.listenerStatus.paused');
    return used > 0 ? `<@${userId}>: ${why}, ${load}` : `<@${userId}>: ${why}`;
  }
  return `<@${userId}>: ${t(used >= p.capacity ? 'home.listenerStatus.full' : 'home.listenerStatus.taking')}, ${load}`;
}

/** "Anxiety 3 (oldest 2 days)": how many wait on a topic and the longest wait; no one in it. */
export function waitingTopic(t: Translate, topic: string | null, count: number, oldestFor: number): string {
  return t('home.waitingTopic', { topic: topic === null ? t('home.noTopic') : e(topic), count, duration: durationText(t, oldestFor) });
}

/** "*Waiting for a listener (6):* Anxiety 3 (oldest 2 days), …", or that nobody is waiting. */
export function waitingLine(t: Translate, total: number, topics: string[]): string {
  return topics.length === 0 ? t('home.nobodyWaiting') : `${t('home.waitingHeading', { total })} ${topics.join(', ')}`;
}

/** "*Your topics:* Anxiety, Grief" (labels as coordinators wrote them, escaped here). */
export function yourTopics(t: Translate, labels: string[]): string {
  return labels.length === 0 ? t('home.yourTopics.none') : t('home.yourTopics', { topics: labels.map(e).join(', ') });
}

/** When offers may arrive, from workingHours, with the timezone it is read in and quiet hours. */
export function offersArrive(t: Translate, hours: string, timeZone: string | null, quiet: { start: string; end: string } | null): string {
  const arrive = timeZone ? t('home.offersArrive', { hours, timezone: e(timeZone) }) : t('home.offersArrive.noTimezone', { hours });
  return quiet ? `${arrive}; ${t('home.quietHours', { start: quiet.start, end: quiet.end })}` : arrive;
}

/** "*Your coordinators:* <@U1>, <@U2>" (mentions only), or that there is none. */
export function yourCoordinators(t: Translate, mentions: string[]): string {
  return mentions.length === 0 ? t('home.noCoordinator') : t('home.yourCoordinators', { mentions: mentions.join(', ') });
}

/** What an "and N more" line counts. */
const AND_MORE: Record<'topics' | 'coordinators' | 'listeners', MessageKey> = {
  topics: 'home.andMore.topics',
  coordinators: 'home.andMore.coordinators',
  listeners: 'home.andMore.listeners',
};

/** "…and 3 more topics". */
export function andMore(t: Translate, n: number, what: keyof typeof AND_MORE): string {
  return t(AND_MORE[what], { n });
}

/** "Your request about *Anxiety*: waiting for a listener." (the topic as written, escaped here). */
export function requestLine(t: Translate, topic: string | null, paired: boolean): string {
  return t('home.request', { topic: topic === null ? t('safety.anyTopic') : e(topic), status: paired ? 'paired' : 'waiting' });
}

/** "*Lighthouse Circle*: you coordinate this initiative". */
export function youCoordinate(t: Translate, initiative: string): string {
  return t('home.youCoordinate', { initiative: e(initiative) });
}

// Confirm dialogs on the Home, in the person's language. The same steps asked elsewhere (the /peer stop
// chooser, the approval request message) ask with these too (listeners/views.ts).
export function confirmStop(t: Translate): ConfirmSpec {
  return { title: t('home.confirmStop.title'), text: t('home.confirmStop.text'), confirm: t('home.confirmStop.confirm'), deny: t('home.confirmStop.deny'), danger: true };
}
export function confirmDecline(t: Translate): ConfirmSpec {
  return { title: t('home.confirmDecline.title'), text: t('home.confirmDecline.text'), confirm: t('home.confirmDecline.confirm'), deny: t('home.confirmDecline.deny'), danger: true };
}
export function confirmDelete(t: Translate): ConfirmSpec {
  return { title: t('home.confirmDelete.title'), text: t('home.confirmDelete.text'), confirm: t('home.confirmDelete.confirm'), deny: t('home.confirmDelete.deny'), danger: true };
}
