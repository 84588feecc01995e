import { APP_LOCALES, type AppLanguage } from '../../domain/app-language.js';
import { slackDate } from '../common/mrkdwn.js';
import { longDate } from '../../domain/local-time.js';
import type { MessageKey, Translate } from '../../i18n/translate.js';
import { escapeMrkdwn as e } from '../common/blocks.js';

// Every word here is in the catalogues (src/i18n/catalogues/listeners.ts), worded for each person in
// their language (issue 19). Functions here build mrkdwn: each escapes the names and text people typed
// that it puts in (never its callers).

/**
 * What a listener is told about their place in one initiative, by what happened: the catalogue key of
 * each note. The outbox words some of them when sent (OutboxListenerNote), in the listener's language.
 */
export const INITIATIVE_NOTE_KEYS = {
  welcomeActive: 'listeners.welcomeActive',
  welcomePending: 'listeners.welcomePending',
  profileSaved: 'listeners.profileSaved',
  approved: 'listeners.approvedForListener',
  declined: 'listeners.declinedForListener',
  paused: 'listeners.paused',
  alreadyPaused: 'listeners.alreadyPaused',
  resumed: 'listeners.resumed',
  notPausedPending: 'listeners.notPaused.pending',
  notPausedActive: 'listeners.notPaused.active',
  stopped: 'listeners.stopped',
  pendingCannotPause: 'listeners.pendingCannotPause',
  pauseIntro: 'listeners.pause.intro',
  welcomeBack: 'listeners.welcomeBack',
  pausedForNoAnswer: 'listeners.pausedForNoAnswer',
} as const satisfies Record<string, MessageKey>;
export type InitiativeNote = keyof typeof INITIATIVE_NOTE_KEYS;

/** The notes the outbox sends a listener later, worded when sent (src/outbox/outbox.ts 'listener_note'). */
export type OutboxListenerNote = Extract<InitiativeNote, 'welcomeBack' | 'pausedForNoAnswer' | 'approved' | 'declined'>;

/** One of the notes above, naming the initiative (escaped here). */
export function initiativeNote(t: Translate, note: InitiativeNote, initiative: string): string {
  return t(INITIATIVE_NOTE_KEYS[note], { initiative: e(initiative) });
}

/** Why `/peer resume` changed nothing: still waiting for approval, or already taking conversations. */
export function notPaused(t: Translate, initiative: string, status: string): string {
  return initiativeNote(t, status === 'pending' ? 'notPausedPending' : 'notPausedActive', initiative);
}

/** The chooser's button for one initiative, when someone listens in several (plain text: the name as written). */
export const CHOOSE_KEYS = {
  pause: 'listeners.choose.pause',
  resume: 'listeners.choose.resume',
  stop: 'listeners.choose.stop',
} as const satisfies Record<string, MessageKey>;
export type ChooseVerb = keyof typeof CHOOSE_KEYS;

/** To coordinators: who volunteered, where, and on which topics (labels as the coordinators wrote them). */
export function approvalRequest(t: Translate, listenerId: string, initiative: string, topics: string): string {
  return t('listeners.approval.request', { listener: `<@${listenerId}>`, initiative: e(initiative), topics: e(topics) });
}

/** The answer to the coordinator who approved or declined. */
export function decidedByYou(t: Translate, approved: boolean, listenerId: string, initiative: string): string {
  const values = { listener: `<@${listenerId}>`, initiative: e(initiative) };
  return approved ? t('listeners.approval.approvedByYou', values) : t('listeners.approval.declinedByYou', values);
}

/**
 * What every coordinator's copy of an approval request becomes once one of them decided (issue 15), the
 * decider's own too. The date is Slack's, so each reader sees it in their own timezone.
 */
export function approvalDecided(t: Translate, input: { listenerId: string; coordinatorId: string; initiative: string; approved: boolean; at: Date }): string {
  const date = slackDate(input.at, '{date_long}', input.at.toISOString().slice(0, 10));
  return t('listeners.approval.decided', {
    listener: `<@${input.listenerId}>`,
    approved: input.approved ? 'yes' : 'no',
    initiative: e(input.initiative),
    coordinator: `<@${input.coordinatorId}>`,
    date,
  });
}

/** "Monday 14 December 2026", "Montag, 14. Dezember 2026", "lunes, 14 de diciembre de 2026": a YYYY-MM-DD day as the language writes it. */
export function pauseDate(language: AppLanguage, dateYmd: string): string {
  return longDate(dateYmd, APP_LOCALES[language]);
}

/** What the pause form says about a pause already in place; `until` is a date as people say it (pauseDate). */
export function currentlyPaused(t: Translate, until: string | null): string {
  return until ? t('listeners.pause.currentlyUntil', { date: e(until) }) : t('listeners.pause.currentlyNoDate');
}

/** Paused until a day (`date` as people say it, pauseDate). */
export function pausedUntilDate(t: Translate, initiative: string, date: string): string {
  return t('listeners.pausedUntilDate', { initiative: e(initiative), date: e(date) });
}

/** Why a pause date was refused, by checkPauseDate's reason (src/domain/pause.ts). */
export const PAUSE_DATE_ERROR_KEYS = {
  'not-a-date': 'listeners.pause.notADate',
  'not-after-today': 'listeners.pause.notAfterToday',
  'too-far': 'listeners.pause.tooFar',
} as const satisfies Record<string, MessageKey>;
