import { describeWorkingHours, WEEKDAY_NAMES } from '../../domain/availability.js';
import { APP_LANGUAGE_NAMES, isAppLanguage } from '../../domain/app-language.js';
import { longDate } from '../../domain/local-time.js';
import { escapeMrkdwn as e } from '../common/blocks.js';
import type { MyData } from './service.js';

export const CONFIRM_TITLE = 'Delete my data';

export const CONFIRM_TEXT =
  'This erases everything Peer Support stores about you in this workspace: your listener profiles, your roles in initiatives, and your consent records. It cannot be undone. Only anonymous counts (for example "one listener left this week") remain, and they do not name you.';

export function soleCoordinatorWarning(names: string[]): string {
  return `You are the only coordinator of ${names.map((n) => `*${e(n)}*`).join(', ')}. After this it will have no coordinator until someone sets one up; you may want to invite another coordinator first.`;
}

export const ERASED =
  'Done: everything Peer Support stored about you has been erased. Thank you for being part of it. You are welcome back any time.';

export const NOTHING_STORED = 'Peer Support stores nothing about you at the moment.';

function workingHoursText(hours: MyData['listenerProfiles'][number]['workingHours']): string {
  const days = hours.days.map((name) => WEEKDAY_NAMES.indexOf(name as (typeof WEEKDAY_NAMES)[number])).filter((d) => d >= 0);
  return describeWorkingHours({ days, start: hours.start, end: hours.end });
}

const PAUSE_REASONS: Record<string, string> = {
  self: 'you chose to',
  break: 'you asked for a break',
  no_answer: 'three offers in a row went unanswered',
};

function pauseText(p: MyData['listenerProfiles'][number]): string {
  const parts = [p.pauseReason ? PAUSE_REASONS[p.pauseReason] : undefined, p.pausedUntil ? `until ${longDate(p.pausedUntil)}` : undefined].filter(Boolean);
  const count = p.unansweredOffersInARow > 0 ? `; ${p.unansweredOffersInARow} offer${p.unansweredOffersInARow === 1 ? '' : 's'} in a row unanswered` : '';
  return (parts.length > 0 ? ` (${parts.join(', ')})` : '') + count;
}

export function myDataSummary(data: MyData): string {
  const lines: string[] = ['*Everything Peer Support stores about you*'];
  if (
    data.listenerProfiles.length === 0 &&
    data.roles.length === 0 &&
    data.consentRecords.length === 0 &&
    data.requests.length === 0 &&
    data.pairingsAsListener.length === 0 &&
    data.invitations.length === 0 &&
    data.concernsRaised === 0
  ) {
    return `${lines[0]}\n${NOTHING_STORED}`;
  }
  for (const p of data.listenerProfiles) {
    lines.push(
      `• Listener in *${e(p.initiative)}*: ${p.status}${pauseText(p)}, up to ${p.capacity} at a time; topics: ${e(p.topics.join(', ')) || 'none'}; languages: ${p.languages.join(', ')}` +
        `; new offers ${workingHoursText(p.workingHours)}` +
        (p.quietHours ? `; quiet hours ${p.quietHours.start} to ${p.quietHours.end}` : '') +
        (p.introduction ? `; introduction: "${e(p.introduction)}"` : ''),
    );
  }
  for (const r of data.requests) {
    lines.push(
      `• A request in *${e(r.initiative)}* about ${e(r.topic ?? 'a topic that no longer exists')} (${r.status}, ${r.createdAt.slice(0, 10)})` +
        (r.note ? `; your note: "${e(r.note)}"` : '') +
        (r.pairings.length > 0 ? `; ${r.pairings.length} conversation${r.pairings.length === 1 ? '' : 's'} under the pseudonym ${e(r.pairings[0]!.yourPseudonym)}` : ''),
    );
  }
  if (data.pairingsAsListener.length > 0) {
    lines.push(`• ${data.pairingsAsListener.length} conversation${data.pairingsAsListener.length === 1 ? '' : 's'} as a listener (only pseudonyms and dates are kept; messages are never stored)`);
  }
  if (data.concernsRaised > 0) {
    lines.push(`• ${data.concernsRaised} concern${data.concernsRaised === 1 ? '' : 's'} you raised (the reason you chose, your pseudonym and when, so a coordinator's reply can reach you)`);
  }
  if (data.doNotPairAgain > 0) lines.push(`• ${data.doNotPairAgain} "do not pair again" record${data.doNotPairAgain === 1 ? '' : 's'} after a report`);
  if (data.timezone) lines.push(`• Your timezone from Slack, so check-ins arrive at a humane hour: ${e(data.timezone)}`);
  if (data.locale) lines.push(`• Your language setting from Slack, so check-ins are written in your language: ${e(data.locale)}`);
  if (data.preferences) lines.push(`• Your notification previews: ${data.preferences.notificationPreviews ? 'on' : 'off'}`);
  if (data.preferences?.language) lines.push(`• The language you chose for the app: ${languageName(data.preferences.language)}`);
  if (data.checkIns.length > 0) lines.push(`• ${data.checkIns.length} check-in${data.checkIns.length === 1 ? '' : 's'} (when they were due and the choice you made, if any)`);
  if (data.insightsAccess.length > 0) lines.push(`• ${data.insightsAccess.length} record${data.insightsAccess.length === 1 ? '' : 's'} of viewing or exporting insights (kept so coordinators can see who looked)`);
  for (const i of data.invitations) {
    lines.push(`• An invitation to be ${i.role === 'coordinator' ? 'a coordinator' : 'an HR viewer'} of *${e(i.initiative)}* (${i.invitedAt.slice(0, 10)}), not answered yet; it is deleted if you decline or after 14 days`);
  }
  for (const r of data.roles) lines.push(`• ${r.role === 'coordinator' ? 'Coordinator' : 'HR viewer'} of *${e(r.initiative)}* since ${r.since.slice(0, 10)}`);
  lines.push(`• ${data.consentRecords.length} consent record${data.consentRecords.length === 1 ? '' : 's'} (each time you gave or withdrew consent)`);
  lines.push('The attached file has all of it, including each consent record. `/peer delete-my-data` erases it.');
  return lines.join('\n');
}

/** A language the person chose, by its own name ("Deutsch"); anything else as stored. */
function languageName(code: string): string {
  return isAppLanguage(code) ? APP_LANGUAGE_NAMES[code] : e(code);
}
