import { displayPseudonym } from '../../domain/pseudonyms.js';
import type { MessageKey, Translate } from '../../i18n/translate.js';
import { escapeMrkdwn as e, type ConfirmSpec } from '../common/blocks.js';

// Functions here build mrkdwn: each escapes the names and text people typed that it puts in (never its callers).
// The introductions' words, buttons and confirmations are in the catalogues (src/i18n: pairings.*), in
// each side's language; what follows is not yet (issue 19).

export function introForSeeker(t: Translate, listener: string): string {
  return t('pairings.introForSeeker', { listener: displayPseudonym(listener) });
}

export function introForListener(t: Translate, seeker: string, topic: string | null): string {
  const name = displayPseudonym(seeker);
  return topic ? t('pairings.introForListener', { seeker: name, topic: e(topic) }) : t('pairings.introForListenerNoTopic', { seeker: name });
}

/** The listener's introduction's notification text: no topic (DESIGN.md "Slack facts"). */
export function introForListenerNotification(t: Translate, seeker: string): string {
  return t('pairings.introForListenerNotification', { seeker: displayPseudonym(seeker) });
}

export function guidelinesReminder(t: Translate, guidelines: string): string {
  return `${t('pairings.guidelinesLead')}\n${e(guidelines)}`;
}

export function youAppearAs(t: Translate, name: string): string {
  return t('pairings.youAppearAs', { name: displayPseudonym(name) });
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
  return t('pairings.end.listenerThanks', { seeker: displayPseudonym(seekerPseudonym) });
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

/** The notification text of a report's notice: what a coordinator's lock screen shows, so no one named. */
export const REPORT_NOTICE_NOTIFICATION = 'A concern was raised in an initiative you coordinate (Peer Support)';

/**
 * To each coordinator (issue 15). Never the seeker's name (invariant 5): only their pseudonym. When a seeker
 * reports their listener, the listener is named, so coordinators know which listener it concerns.
 */
export function reportNotice(input: { initiative: string; reporterSide: 'seeker' | 'listener'; reporter: string; about: string; reason: string; listenerId: string | null }): string {
  const where = `A concern was raised in *${e(input.initiative)}*`;
  const what =
    input.reporterSide === 'seeker'
      ? `${where} by *${displayPseudonym(input.reporter)}*, who asked for support, about their listener${input.listenerId ? ` <@${input.listenerId}>` : ''}, known to them as *${input.about}*.`
      : `${where} by a listener, *${displayPseudonym(input.reporter)}*, about the person they listen to, *${displayPseudonym(input.about)}*.`;
  const privacy =
    input.reporterSide === 'seeker'
      ? 'Who asked for support and what was said stay private.'
      : 'Who asked for support and what was said stay private, and the listener is not named here either.';
  return `${what}\nReason: ${e(input.reason)}.\n${privacy} You can reply to *${input.reporter}* below: your words reach them under that pseudonym, without your name. Please follow your initiative's guidance.`;
}
export function replyButton(pseudonym: string): string {
  return `Reply to ${pseudonym}`;
}

// A coordinator's reply to a report (issue 15): written by a person, so sent at once and never stored.
export const REPLY_TITLE = 'Reply to a concern';
export const REPLY_LABEL = 'Your reply';
export const REPLY_HINT = 'They see it came from a coordinator of the initiative, not which one. Mentions of people or channels are shown as plain text.';
export function replyIntro(pseudonym: string, initiative: string): string {
  return `Your reply goes to *${displayPseudonym(pseudonym)}*, who raised this concern in *${e(initiative)}*, in their messages with the app. It is sent as you write it and is not stored.`;
}
export function alreadyReplied(at: Date): string {
  return `A coordinator already replied to this concern on <!date^${Math.floor(at.getTime() / 1000)}^{date_long}|${at.toISOString().slice(0, 10)}>.`;
}
export const REPLY_EMPTY = 'Please write your reply.';
export const REPLY_TOO_LONG = 'Please keep your reply to 2000 characters or fewer.';
export const REPLY_NOT_COORDINATOR = 'Only this initiative\'s coordinators can reply to its concerns. Nothing was sent.';
export const REPLY_NOT_SENT = 'Your reply could not be sent just now. Nothing was sent; please try again in a moment.';
export const REPORTER_GONE =
  'This colleague can no longer be reached through the app: they may have erased their data, or the concern was deleted after the initiative\'s retention period, as everything is after a while. Nothing was sent. Thank you for following it up.';
export function replySent(pseudonym: string): string {
  return `Your reply reached *${pseudonym}*.`;
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
  return t('pairings.crisis.sharedWithYou', { listener: displayPseudonym(listener) });
}
export function resourcesShared(t: Translate, seeker: string): string {
  return t('pairings.crisis.shared', { seeker: displayPseudonym(seeker) });
}
/** To coordinators: names the listener (who asked), never the seeker or their pseudonym (invariant 5). */
export function crisisSupportNotice(listenerId: string, initiative: string): string {
  return `<@${listenerId}>, a listener with *${e(initiative)}*, asks for support with a conversation right now. Please reach out to them soon. (Nothing about the person they are listening to is shared.)`;
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
