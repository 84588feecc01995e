import { WEEKDAY_NAMES } from '../../domain/availability.js';
import { APP_LANGUAGE_NAMES, APP_LOCALES, isAppLanguage } from '../../domain/app-language.js';
import { english, type MessageKey, type Translate } from '../../i18n/translate.js';
import { escapeMrkdwn as e } from '../common/blocks.js';
import { workingHours } from '../home/copy.js';
import { pauseDate } from '../listeners/copy.js';
import type { MyData } from './service.js';

// The words of /peer my-data and /peer delete-my-data (issue 19: in the person's language, `t`). Functions
// here build mrkdwn: each escapes the text people typed that it puts in (names, topics, notes).

export function soleCoordinatorWarning(names: string[], t: Translate = english): string {
  return t('myData.confirm.soleCoordinator', { names: names.map((n) => `*${e(n)}*`).join(', ') });
}

/** A day (an ISO date or timestamp) as people say it in the language: "3 March 2026", "3. März 2026". */
function dayText(t: Translate, iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(APP_LOCALES[t.language], { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d)));
}

const STATUS_KEYS = { pending: 'myData.status.pending', active: 'myData.status.active', paused: 'myData.status.paused' } as const satisfies Record<string, MessageKey>;
const PAUSE_REASON_KEYS = { self: 'myData.pause.self', break: 'myData.pause.break', no_answer: 'myData.pause.noAnswer' } as const satisfies Record<string, MessageKey>;
const REQUEST_STATUS_KEYS = {
  waiting: 'myData.requestStatus.waiting',
  offered: 'myData.requestStatus.offered',
  paired: 'myData.requestStatus.paired',
  closed: 'myData.requestStatus.closed',
} as const satisfies Record<string, MessageKey>;

/** A stored value by its words, or as stored when it is one the app does not word (an older value). */
function worded<K extends string>(t: Translate, keys: Record<K, MessageKey>, value: string): string {
  return value in keys ? t(keys[value as K]) : e(value);
}

function pauseText(t: Translate, p: MyData['listenerProfiles'][number]): string {
  const parts = [p.pauseReason ? worded(t, PAUSE_REASON_KEYS, p.pauseReason) : undefined, p.pausedUntil ? t('myData.pause.until', { date: pauseDate(t.language, p.pausedUntil) }) : undefined].filter(
    Boolean,
  );
  const count = p.unansweredOffersInARow > 0 ? t('myData.pause.unanswered', { count: p.unansweredOffersInARow }) : '';
  return (parts.length > 0 ? ` (${parts.join(', ')})` : '') + count;
}

function listenerLine(t: Translate, p: MyData['listenerProfiles'][number]): string {
  const days = p.workingHours.days.map((name) => WEEKDAY_NAMES.indexOf(name as (typeof WEEKDAY_NAMES)[number])).filter((d) => d >= 0);
  return t('myData.listener', {
    initiative: e(p.initiative),
    status: worded(t, STATUS_KEYS, p.status),
    pause: pauseText(t, p),
    capacity: p.capacity,
    topics: e(p.topics.join(', ')) || t('myData.none'),
    languages: p.languages.join(', '),
    hours: workingHours(t, t.language, { days, start: p.workingHours.start, end: p.workingHours.end }),
    quiet: p.quietHours ? t('myData.listener.quietHours', { start: p.quietHours.start, end: p.quietHours.end }) : '',
    introduction: p.introduction ? t('myData.listener.introduction', { text: e(p.introduction) }) : '',
  });
}

function requestLine(t: Translate, r: MyData['requests'][number]): string {
  return t('myData.request', {
    initiative: e(r.initiative),
    topic: r.topic ? e(r.topic) : t('myData.request.topicGone'),
    status: worded(t, REQUEST_STATUS_KEYS, r.status),
    date: dayText(t, r.createdAt),
    note: r.note ? t('myData.request.note', { note: e(r.note) }) : '',
    conversations: r.pairings.length > 0 ? t('myData.request.conversations', { count: r.pairings.length, pseudonym: e(r.pairings[0]!.yourPseudonym) }) : '',
  });
}

/** A circle they are in (issue 20): where, about what, as whom; never who the others are. */
function circleLine(t: Translate, c: NonNullable<MyData['circles']>[number]): string {
  return t('myData.circles.member', {
    initiative: e(c.initiative),
    topic: c.topic ? e(c.topic) : t('myData.circles.anyTopic'),
    role: c.role === 'facilitator' ? 'facilitator' : 'member',
    pseudonym: e(c.pseudonym),
    date: dayText(t, c.joinedAt),
    revealed: c.revealed ? t('myData.circles.revealed') : '',
    closed: c.circleStatus === 'closed' ? 'yes' : 'no',
  });
}

export function myDataSummary(data: MyData, t: Translate = english): string {
  const lines: string[] = [t('myData.title')];
  const circles = data.circles ?? [];
  const created = data.circlesCreated?.length ?? 0;
  if (
    data.listenerProfiles.length === 0 &&
    data.roles.length === 0 &&
    data.consentRecords.length === 0 &&
    data.requests.length === 0 &&
    data.pairingsAsListener.length === 0 &&
    data.invitations.length === 0 &&
    data.concernsRaised === 0 &&
    circles.length === 0 &&
    created === 0
  ) {
    return `${lines[0]}\n${t('myData.nothingStored')}`;
  }
  for (const p of data.listenerProfiles) lines.push(listenerLine(t, p));
  for (const r of data.requests) lines.push(requestLine(t, r));
  if (data.pairingsAsListener.length > 0) lines.push(t('myData.pairingsAsListener', { count: data.pairingsAsListener.length }));
  for (const c of circles) lines.push(circleLine(t, c));
  if (created > 0) lines.push(t('myData.circles.created', { count: created }));
  if (data.concernsRaised > 0) lines.push(t('myData.concerns', { count: data.concernsRaised }));
  if (data.doNotPairAgain > 0) lines.push(t('myData.doNotPairAgain', { count: data.doNotPairAgain }));
  if (data.timezone) lines.push(t('myData.timezone', { timezone: e(data.timezone) }));
  if (data.locale) lines.push(t('myData.locale', { locale: e(data.locale) }));
  if (data.preferences) lines.push(t('myData.previews', { on: data.preferences.notificationPreviews ? 'on' : 'off' }));
  if (data.preferences?.language) lines.push(t('myData.language', { language: languageName(data.preferences.language) }));
  if (data.checkIns.length > 0) lines.push(t('myData.checkIns', { count: data.checkIns.length }));
  if (data.insightsAccess.length > 0) lines.push(t('myData.insightsAccess', { count: data.insightsAccess.length }));
  for (const i of data.invitations) {
    const values = { initiative: e(i.initiative), date: dayText(t, i.invitedAt) };
    lines.push(i.role === 'coordinator' ? t('myData.invitation.coordinator', values) : t('myData.invitation.hrViewer', values));
  }
  for (const r of data.roles) {
    const values = { initiative: e(r.initiative), date: dayText(t, r.since) };
    lines.push(r.role === 'coordinator' ? t('myData.role.coordinator', values) : t('myData.role.hrViewer', values));
  }
  lines.push(t('myData.consentRecords', { count: data.consentRecords.length }));
  lines.push(t('myData.footer'));
  return lines.join('\n');
}

/** A language the person chose, by its own name ("Deutsch"); anything else as stored. */
function languageName(code: string): string {
  return isAppLanguage(code) ? APP_LANGUAGE_NAMES[code] : e(code);
}
