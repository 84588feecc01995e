import { APP_LOCALES } from '../../domain/app-language.js';
import { slackDate } from '../common/mrkdwn.js';
import { displayPseudonym } from '../../domain/pseudonyms.js';
import type { MessageKey, Translate } from '../../i18n/translate.js';
import { escapeMrkdwn as e, type ConfirmSpec } from '../common/blocks.js';
import { REPORT_REASON_KEYS, type ReportReason } from './ids.js';

// Functions here build mrkdwn: each escapes the names and text people typed that it puts in (never its callers).
// The words are in the catalogues (src/i18n: pairings.*, reports.*), in each reader's language (issue 19).

export function introForSeeker(t: Translate, listener: string): string {
  return t('pairings.introForSeeker', { listener: displayPseudonym(t, listener) });
}

export function introForListener(t: Translate, seeker: string, topic: string | null): string {
  const name = displayPseudonym(t, seeker);
  return topic ? t('pairings.introForListener', { seeker: name, topic: e(topic) }) : t('pairings.introForListenerNoTopic', { seeker: name });
}

/** The listener's introduction's notification text: no topic (DESIGN.md "Slack facts"). */
export function introForListenerNotification(t: Translate, seeker: string): string {
  return t('pairings.introForListenerNotification', { seeker: displayPseudonym(t, seeker) });
}

export function guidelinesReminder(t: Translate, guidelines: string): string {
  return `${t('pairings.guidelinesLead')}\n${e(guidelines)}`;
}

export function youAppearAs(t: Translate, name: string): string {
  return t('pairings.youAppearAs', { name: displayPseudonym(t, name) });
}

// Confirm dialogs: Slack asks these before the click reaches us, for steps that cannot be undone (issue 14).
export function confirmEnd(t: Translate): ConfirmSpec {
  return {
    title: t('pairings.confirmEnd.title'),
    text: t('pairings.confirmEnd.text'),
    confirm: t('pairings.confirmEnd.confirm'),
    deny: t('pairings.confirmEnd.deny'),
    danger: true,
  };
}
export function confirmSomeoneElse(t: Translate): ConfirmSpec {
  return {
    title: t('pairings.confirmSomeoneElse.title'),
    text: t('pairings.confirmSomeoneElse.text'),
    confirm: t('pairings.confirmSomeoneElse.confirm'),
    deny: t('pairings.confirmSomeoneElse.deny'),
    danger: true,
  };
}
export function confirmReveal(t: Translate): ConfirmSpec {
  return {
    title: t('pairings.confirmReveal.title'),
    text: t('pairings.confirmReveal.text'),
    confirm: t('pairings.confirmReveal.confirm'),
    deny: t('pairings.confirmReveal.deny'),
  };
}

/**
 * What each side is told when a conversation ends (issues 4, 14, 15), by what happened: the catalogue
 * key of each note (src/features/pairings/end.ts picks one; it is worded when sent, in each side's language).
 */
export const END_NOTE_KEYS = {
  byYou: 'pairings.end.byYou',
  byOther: 'pairings.end.byOther',
  forSeekerByListener: 'pairings.end.forSeekerByListener',
  someoneElseSeeker: 'pairings.end.someoneElseSeeker',
  someoneElseListener: 'pairings.end.someoneElseListener',
  listenerStoppedSeeker: 'pairings.end.listenerStoppedSeeker',
  listenerStoppedListener: 'pairings.end.listenerStoppedListener',
  plannedByYou: 'pairings.end.plannedByYou',
  plannedForSeeker: 'pairings.end.plannedForSeeker',
  plannedForListener: 'pairings.end.plannedForListener',
} as const satisfies Record<string, MessageKey>;
export type EndNote = keyof typeof END_NOTE_KEYS;

/** The thank-you a listener gets whenever one of their conversations ends (issue 15). */
export function listenerThanks(t: Translate, seekerPseudonym: string): string {
  return t('pairings.end.listenerThanks', { seeker: displayPseudonym(t, seekerPseudonym) });
}

/** The app's notes to one side of a pairing that the outbox words when sent, in that side's language. */
export type PairingNoteKey = 'pairings.reveal.waiting' | 'pairings.reveal.offered' | 'pairings.reveal.done' | 'pairings.report.sent';

/** Why an offer was closed before its listener answered, and the words for each (issue 4). */
export const OFFER_CLOSED_KEYS = {
  declined: 'offers.declined',
  expired: 'offers.expired',
  withdrawn: 'offers.withdrawn',
} as const satisfies Record<string, MessageKey>;
export type OfferClosed = keyof typeof OFFER_CLOSED_KEYS;

/** What a report's notice says to each coordinator: ids, pseudonyms and the reason (worded in each one's language). */
export type ReportNotice = {
  reportId: string;
  reporterPseudonym: string;
  aboutPseudonym: string;
  reason: ReportReason;
} & (
  /** The listener it concerns, when a seeker reported them; never the seeker (invariant 5). */
  { reporterSide: 'seeker'; aboutListenerUserId: string } | { reporterSide: 'listener' }
);

/**
 * To each coordinator (issue 15), in their language. Never the seeker's name (invariant 5): only their
 * pseudonym. When a seeker reports their listener, the listener is named, so coordinators know which
 * listener it concerns.
 */
export function reportNotice(t: Translate, input: ReportNotice & { initiativeName: string }): string {
  return t('reports.coordinators.notice', {
    side: input.reporterSide,
    initiative: e(input.initiativeName),
    reporter: input.reporterPseudonym,
    about: input.aboutPseudonym,
    listener: input.reporterSide === 'seeker' ? `<@${input.aboutListenerUserId}>` : '',
    reason: t(REPORT_REASON_KEYS[input.reason]),
  });
}

// A coordinator's reply to a report (issue 15): written by a person, so sent at once and never stored.
export function replyIntro(t: Translate, pseudonym: string, initiative: string): string {
  return t('reports.coordinators.replyIntro', { pseudonym, initiative: e(initiative) });
}
/** Slack shows the date in the reader's own time zone; clients that cannot, the day as their language writes it. */
export function alreadyReplied(t: Translate, at: Date): string {
  const day = new Intl.DateTimeFormat(APP_LOCALES[t.language], { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(at);
  return t('reports.coordinators.alreadyReplied', { date: slackDate(at, '{date_long}', day) });
}
/** The reporter's lead above a coordinator's reply, in their language (the lock screen shows reports.replyNotification). */
export function reportReplyLead(t: Translate, initiative: string, pseudonym: string): string {
  return t('reports.replyLead', { initiative: e(initiative), pseudonym });
}

/** Names the coordinators the listener can turn to (their own colleagues, never the seeker: invariant 1 holds). */
export function crisisCoordinators(t: Translate, coordinatorIds: readonly string[]): string {
  if (coordinatorIds.length === 0) return t('pairings.crisis.noCoordinator');
  return t('pairings.crisis.coordinators', { mentions: coordinatorIds.map((id) => `<@${id}>`).join(', ') });
}
/** What the seeker sees when their listener shares the resources (in their conversation's thread). */
export function resourcesSharedWithYou(t: Translate, listener: string): string {
  return t('pairings.crisis.sharedWithYou', { listener: displayPseudonym(t, listener) });
}
export function resourcesShared(t: Translate, seeker: string): string {
  return t('pairings.crisis.shared', { seeker: displayPseudonym(t, seeker) });
}
/** To each coordinator, in their language: names the listener (who asked), never the seeker or their pseudonym (invariant 5). */
export function crisisSupportNotice(t: Translate, listenerId: string, initiative: string): string {
  return t('pairings.crisis.coordinatorNotice', { listener: `<@${listenerId}>`, initiative: e(initiative) });
}
export function confirmShareResources(t: Translate): ConfirmSpec {
  return {
    title: t('pairings.crisis.confirmShare.title'),
    text: t('pairings.crisis.confirmShare.text'),
    confirm: t('pairings.crisis.confirmShare.confirm'),
    deny: t('pairings.crisis.confirmShare.deny'),
  };
}
export function confirmAskCoordinator(t: Translate): ConfirmSpec {
  return {
    title: t('pairings.crisis.confirmAsk.title'),
    text: t('pairings.crisis.confirmAsk.text'),
    confirm: t('pairings.crisis.confirmAsk.confirm'),
    deny: t('pairings.crisis.confirmAsk.deny'),
  };
}

// Confirm dialogs: Slack asks these before the click reaches us, for steps that cannot be undone (issue 14).


// A kind ending (issue 14): the answers to "Did this help?", by what the answer met.
export const ENDING_ANSWER_KEYS = {
  counted: 'pairings.ending.thanks',
  'already-answered': 'pairings.ending.alreadyAnswered',
  gone: 'pairings.ending.gone',
  'not-yours': 'pairings.ending.notYours',
} as const satisfies Record<string, MessageKey>;
