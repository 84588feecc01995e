import type { KnownBlock, ModalView } from '@slack/types';
import { APP_LOCALES, type AppLanguage } from '../../domain/app-language.js';
import type { CircleRole } from '../../domain/circles.js';
import { displayPseudonym } from '../../domain/pseudonyms.js';
import type { Translate } from '../../i18n/translate.js';
import { actions, clip, escapeMrkdwn, messageModal, modal, option, radioButtons, section, staticSelect, context, type ButtonSpec } from '../common/blocks.js';
import { neutraliseRelayed, slackDate, splitMrkdwn } from '../common/mrkdwn.js';
import { PairingIds, REPORT_REASON_KEYS, REPORT_REASONS, type ReportReason } from '../pairings/ids.js';
import { CircleRelayIds } from './relay-ids.js';

// What the circle relay shows (issue 20): relayed messages under circle pseudonyms, the app's notes in a
// member's welcome thread, a facilitator's crisis note, and the circle's report form and notice. Pure
// functions of data, each in its reader's language (`t`). Nobody appears by name unless they chose to
// reveal it to the circle (DESIGN.md invariant 1).

/** Section text stops at 3000 characters (Slack); a little room is left. */
const RELAYED_PIECE = 2900;
/** 50 blocks in a message: the author's line and at most this many pieces of their words. */
const RELAYED_PIECES_MAX = 45;

/** How someone in a circle appears to the others: "a colleague (Otter)", or "the facilitator (Heron)". */
export function circleName(t: Translate, author: { pseudonym: string; role: CircleRole }): string {
  return author.role === 'facilitator' ? t('circles.relay.facilitator', { name: author.pseudonym }) : displayPseudonym(t, author.pseudonym);
}

export interface CircleAuthor {
  pseudonym: string;
  role: CircleRole;
  /** Their Slack user id, only once they chose to reveal themselves to the circle. */
  revealedUserId: string | null;
}

/**
 * A message relayed to one member of the circle, in their welcome thread: the author's circle name (and
 * their mention, once they revealed it), then their words, passed through and never stored. As in
 * pairings (renderRelayed), nothing in the words may ping anyone through the app, a long message is cut
 * only where no link, mention or entity breaks, and the notification text, which lock screens show,
 * carries the words only for a recipient who turned previews on.
 */
export function renderCircleRelayed(t: Translate, input: { author: CircleAuthor; text: string; previews: boolean }) {
  const words = neutraliseRelayed(input.text);
  // verbatim: no automatic parsing of a person's words (see renderRelayed).
  const pieces = splitMrkdwn(words, RELAYED_PIECE)
    .slice(0, RELAYED_PIECES_MAX)
    .map((piece): KnownBlock => ({ type: 'section', text: { type: 'mrkdwn', text: piece, verbatim: true } }));
  const name = circleName(t, input.author);
  const mention = input.author.revealedUserId ? ` <@${input.author.revealedUserId}>` : '';
  return {
    text: input.previews ? `${name}${mention}: ${words}` : t('circles.relay.notification'),
    blocks: [context(`*${name}*${mention}`), ...pieces] as KnownBlock[],
  };
}

/** A note from the app in someone's welcome thread: its text, and the initiative's resources under it when given. */
export function renderCircleNote(text: string, resources?: string) {
  const blocks: KnownBlock[] = [section(text)];
  if (resources) blocks.push(section(escapeMrkdwn(resources)));
  return { text, blocks };
}

/**
 * A date and time as Slack shows it to each reader, in their own timezone; clients that cannot, the time
 * in UTC as the reader's language writes it.
 */
export function slackDateTime(language: AppLanguage, at: Date): string {
  const fallback = new Intl.DateTimeFormat(APP_LOCALES[language], { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(at);
  return slackDate(at, '{date_short_pretty} {time}', `${fallback} UTC`);
}

/** To a paused member who wrote: nothing was passed on, until when, and the resources, kindly. */
export function renderPausedNote(t: Translate, input: { until: Date; resources: string }) {
  return renderCircleNote(t('circles.safety.paused', { until: slackDateTime(t.language, input.until) }), input.resources);
}

/** What the pause button carries: which circle and whom, by pseudonym. Who may use it is read from the database. */
export interface CrisisPauseValue {
  circleId: string;
  pseudonym: string;
}

/**
 * The private note to each facilitator when a member's words suggest a crisis: the member by circle
 * pseudonym only, the initiative's resources, and a button to pause the member's messages until the next
 * session. It never quotes the member's words (invariant 2). The lock screen names nobody.
 */
export function renderCircleCrisisNote(t: Translate, input: { circleId: string; pseudonym: string; resources: string }) {
  const blocks: KnownBlock[] = [section(t('circles.safety.facilitatorNote', { member: input.pseudonym }))];
  if (input.resources) blocks.push(section(`${t('pairings.crisis.resourcesLead')}\n${escapeMrkdwn(input.resources)}`));
  const value: CrisisPauseValue = { circleId: input.circleId, pseudonym: input.pseudonym };
  const pause: ButtonSpec = {
    actionId: CircleRelayIds.crisisPause,
    text: t('circles.safety.pauseButton', { member: input.pseudonym }),
    value: JSON.stringify(value),
    confirm: {
      title: t('circles.safety.confirmPause.title'),
      text: t('circles.safety.confirmPause.text', { member: input.pseudonym }),
      confirm: t('circles.safety.confirmPause.confirm'),
      deny: t('circles.safety.confirmPause.deny'),
    },
  };
  blocks.push(actions([pause]));
  return { text: t('circles.safety.facilitatorNotification'), blocks };
}

// ---- Concerns raised in a circle ---------------------------------------------------------------------

/** What the report form carries: the circle, and the language it was shown in (for its errors and answer). */
export interface CircleReportMetadata {
  circleId: string;
  language?: AppLanguage;
}

/** The form to raise a concern in a circle: the reason, and optionally whom it is about, by pseudonym. */
export function renderCircleReportModal(t: Translate, input: { circleId: string; others: readonly string[] }): ModalView {
  const metadata: CircleReportMetadata = { circleId: input.circleId, language: t.language };
  const blocks: KnownBlock[] = [
    section(t('circles.report.intro')),
    radioButtons({ blockId: CircleRelayIds.blocks.reason, label: t('reports.question'), options: REPORT_REASONS.map((r) => option(t(r.label), r.value)) }),
  ];
  if (input.others.length > 0) {
    blocks.push(
      staticSelect({
        blockId: CircleRelayIds.blocks.about,
        label: t('circles.report.about'),
        optional: true,
        placeholder: t('circles.report.aboutPlaceholder'),
        options: input.others.map((pseudonym) => option(pseudonym, pseudonym)),
      }),
    );
  }
  return modal({
    callbackId: CircleRelayIds.reportModal,
    title: t('reports.title'),
    submit: t('reports.submit'),
    close: t('common.cancel'),
    privateMetadata: JSON.stringify(metadata),
    blocks,
  });
}

/** What the form turns into once the concern went (or could not), in the reporter's language. */
export function renderCircleReportAnswer(t: Translate, text: string): ModalView {
  return messageModal(t, t('reports.title'), text);
}

/**
 * A concern raised in a circle, as the report_notice outbox row carries it: ids, pseudonyms and the
 * reason's value; worded when sent, in each coordinator's language (src/outbox/send.ts).
 */
export interface CircleReportNotice {
  reporterSide: 'member';
  reportId: string;
  circleId: string;
  reporterPseudonym: string;
  /** The member it is about, by circle pseudonym; null when the reporter chose nobody. */
  aboutPseudonym: string | null;
  reason: ReportReason;
}

/** How much of the circle's description a notice quotes to name the circle. */
const CIRCLE_LABEL_MAX = 120;

/**
 * The notice one coordinator gets, in their language: the initiative, the circle (its description), the
 * reporter's pseudonym, whom it is about (a pseudonym, if any) and the reason; never a name. The button is
 * the pairings' reply button (value: the report id only), so the reply reaches the reporter the same way.
 */
export function renderCircleReportNotice(t: Translate, input: CircleReportNotice & { initiativeName: string; circleDescription: string | null }) {
  const values = {
    initiative: escapeMrkdwn(input.initiativeName),
    circle: escapeMrkdwn(clip(input.circleDescription ?? '…', CIRCLE_LABEL_MAX)),
    reporter: input.reporterPseudonym,
    reason: t(REPORT_REASON_KEYS[input.reason]),
  };
  const notice = input.aboutPseudonym ? t('circles.report.noticeAbout', { ...values, about: input.aboutPseudonym }) : t('circles.report.notice', values);
  return {
    text: t('reports.coordinators.notification'),
    blocks: [
      section(notice),
      actions([{ actionId: PairingIds.replyToReport, text: t('reports.coordinators.replyButton', { pseudonym: input.reporterPseudonym }), value: input.reportId }]),
    ] as KnownBlock[],
  };
}
