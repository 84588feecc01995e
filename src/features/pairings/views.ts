import type { KnownBlock, ModalView } from '@slack/types';
import { displayPseudonym } from '../../domain/pseudonyms.js';
import { actions, checkboxes, context, escapeMrkdwn, messageModal, modal, option, radioButtons, section, textInput, type ButtonSpec } from '../common/blocks.js';
import { neutraliseRelayed, splitMrkdwn } from '../common/mrkdwn.js';
import { english, type Translate } from '../../i18n/translate.js';
import * as copy from './copy.js';
import type { AppLanguage } from '../../domain/app-language.js';
import { RequestIds } from '../requests/ids.js';
import { BLOCK_PAIR, PairingIds, REPORT_REASONS, REPORT_REPLY_MAX } from './ids.js';
import type { Side } from './service.js';

function revealButton(t: Translate, pairingId: string): ButtonSpec {
  return { actionId: PairingIds.reveal, text: t('pairings.button.reveal'), value: pairingId, confirm: copy.confirmReveal(t) };
}

/** End, reveal and report for both; "Ask for someone else" for the seeker only. In that side's language (`t`). */
export function pairingButtons(t: Translate, pairingId: string, side: Side): KnownBlock {
  const buttons: ButtonSpec[] = [{ actionId: PairingIds.end, text: t('pairings.button.end'), value: pairingId, confirm: copy.confirmEnd(t) }];
  if (side === 'seeker') {
    buttons.push({ actionId: PairingIds.someoneElse, text: t('pairings.button.someoneElse'), value: pairingId, confirm: copy.confirmSomeoneElse(t) });
  }
  buttons.push(revealButton(t, pairingId));
  buttons.push({ actionId: PairingIds.report, text: t('pairings.button.report'), value: pairingId });
  return actions(buttons);
}

/** A quoted text someone wrote (an introduction, a note), under a lead in the reader's language. */
function quoted(lead: string, text: string): KnownBlock {
  return section(`${lead}\n>${escapeMrkdwn(text).replace(/\n/g, '\n>')}`);
}

/** The seeker's introduction, in the seeker's language; the listener's introduction as they wrote it. */
export function renderSeekerIntro(t: Translate, input: { pairingId: string; listenerPseudonym: string; seekerPseudonym: string; listenerIntro: string | null }) {
  const text = copy.introForSeeker(t, input.listenerPseudonym);
  const blocks: KnownBlock[] = [section(text)];
  if (input.listenerIntro) blocks.push(quoted(t('pairings.listenerSays', { listener: displayPseudonym(t, input.listenerPseudonym) }), input.listenerIntro));
  blocks.push(section(t('pairings.whatToExpect')), context(copy.youAppearAs(t, input.seekerPseudonym)), pairingButtons(t, input.pairingId, 'seeker'));
  return { text, blocks };
}

/** The listener's introduction, in the listener's language; the seeker's note and the guidelines as written. */
export function renderListenerIntro(
  t: Translate,
  input: { pairingId: string; seekerPseudonym: string; listenerPseudonym: string; topic: string | null; note: string | null; guidelines: string },
) {
  // The topic stays in the blocks: the top-level text is what a lock screen shows (DESIGN.md "Slack facts").
  const text = copy.introForListenerNotification(t, input.seekerPseudonym);
  const blocks: KnownBlock[] = [section(copy.introForListener(t, input.seekerPseudonym, input.topic))];
  if (input.note) blocks.push(quoted(t('offers.theirNote'), input.note));
  blocks.push(
    section(copy.guidelinesReminder(t, input.guidelines)),
    context(copy.youAppearAs(t, input.listenerPseudonym)),
    pairingButtons(t, input.pairingId, 'listener'),
  );
  return { text, blocks };
}

/** Section text stops at 3000 characters (Slack); a little room is left. */
const RELAYED_PIECE = 2900;

/**
 * A relayed message: the sender's pseudonym, then their words, passed through and never stored. The
 * words stay theirs, but nothing in them may mention or ping anyone through the app (neutraliseRelayed),
 * and a long message becomes several sections cut only where no link, mention or entity breaks.
 */
/** A relayed message; the notification (previews off) in the recipient's language `t`. */
export function renderRelayed(pseudonym: string, text: string, options: { previews?: boolean; t?: Translate } = {}) {
  const words = neutraliseRelayed(text);
  // verbatim: no automatic parsing of a person's words (Slack would link channel names and parse "certain
  // mentions" it finds in plain text); Slack already delivered their links as <...>, which still work.
  const sections = splitMrkdwn(words, RELAYED_PIECE)
    .slice(0, 45)
    .map((piece): KnownBlock => ({ type: 'section', text: { type: 'mrkdwn', text: piece, verbatim: true } }));
  const t = options.t ?? english;
  const name = displayPseudonym(t, pseudonym);
  return {
    // Discreet by default (issue 14): notifications and lock screens show the top-level text, so the
    // words go there only for a recipient who turned previews on for themselves (src/features/preferences).
    text: options.previews ? `${name}: ${words}` : t('pairings.relayedNotification'),
    blocks: [context(`*${name}*`), ...sections] as KnownBlock[],
  };
}

export function renderNote(text: string, extra?: string) {
  const blocks: KnownBlock[] = [section(text)];
  if (extra) blocks.push(section(escapeMrkdwn(extra)));
  return { text, blocks };
}

/**
 * The private note to a listener when the seeker's words suggest a crisis (issue 14): the guidance, the
 * initiative's resources, who the coordinators are, and buttons to share the resources with the seeker
 * and to ask a coordinator now. It never quotes the seeker's words (invariant 2).
 */
export function renderCrisisNote(t: Translate, input: { pairingId: string; resources: string; coordinatorIds: readonly string[] }) {
  const text = t('pairings.crisis.listenerNote');
  const blocks: KnownBlock[] = [section(text)];
  if (input.resources) blocks.push(section(`${t('pairings.crisis.resourcesLead')}\n${escapeMrkdwn(input.resources)}`));
  blocks.push(context(copy.crisisCoordinators(t, input.coordinatorIds)));
  const buttons: ButtonSpec[] = [];
  if (input.resources) {
    buttons.push({ actionId: PairingIds.shareResources, text: t('pairings.crisis.shareButton'), value: input.pairingId, style: 'primary', confirm: copy.confirmShareResources(t) });
  }
  if (input.coordinatorIds.length > 0) {
    buttons.push({ actionId: PairingIds.askCoordinator, text: t('pairings.crisis.askButton'), value: input.pairingId, confirm: copy.confirmAskCoordinator(t) });
  }
  if (buttons.length > 0) blocks.push(actions(buttons));
  return { text, blocks };
}

/** The resources a listener shared, as the seeker sees them: under the listener's pseudonym. */
export function renderSharedResources(t: Translate, listenerPseudonym: string, resources: string) {
  const text = copy.resourcesSharedWithYou(t, listenerPseudonym);
  return { text, blocks: [section(text), section(escapeMrkdwn(resources))] as KnownBlock[] };
}

/**
 * The seeker's note when a conversation has ended for good (issue 14, "a kind ending"): the note, the
 * initiative's resources, a way to ask again, and an optional one-tap "Did this help?" carrying only
 * the pairing id (the answer is counted, never stored against anyone). The top-level text is the note.
 */
export function renderSeekerEnding(t: Translate, input: { text: string; pairingId: string; initiativeName: string; resources: string }) {
  const blocks: KnownBlock[] = [
    section(input.text),
    section(`${t('pairings.ending.resourcesLead')}\n*${escapeMrkdwn(input.initiativeName)}*\n${escapeMrkdwn(input.resources)}`),
    actions([{ actionId: RequestIds.requestButton, text: t('pairings.ending.askAgain') }]),
    section(t('pairings.ending.question')),
    actions([
      { actionId: PairingIds.endingHelped, text: t('pairings.ending.helped'), value: input.pairingId },
      { actionId: PairingIds.endingNotHelped, text: t('pairings.ending.notHelped'), value: input.pairingId },
    ]),
  ];
  return { text: input.text, blocks };
}

export function renderRevealOffer(t: Translate, pairingId: string) {
  const text = t('pairings.reveal.offered');
  return { text, blocks: [section(text), actions([revealButton(t, pairingId)])] as KnownBlock[] };
}

export interface ReportMetadata {
  pairingId: string;
  /** The language the form was shown in: its errors are worded in it too. */
  language?: AppLanguage;
}

/** The form to raise a concern, in the reporter's language `t` (carried in its metadata, for its errors). */
export function renderReportModal(pairingId: string, t: Translate = english): ModalView {
  const metadata: ReportMetadata = { pairingId, language: t.language };
  return modal({
    callbackId: PairingIds.reportModal,
    title: t('reports.title'),
    submit: t('reports.submit'),
    close: t('common.cancel'),
    privateMetadata: JSON.stringify(metadata),
    blocks: [
      section(t('reports.intro')),
      radioButtons({ blockId: PairingIds.blocks.reason, label: t('reports.question'), options: REPORT_REASONS.map((r) => option(t(r.label), r.value)) }),
      checkboxes({ blockId: PairingIds.blocks.block, label: t('reports.pairing'), optional: true, options: [option(t('reports.block'), BLOCK_PAIR)] }),
    ],
  });
}

// ---- Reports coordinators can act on (issue 15) ------------------------------------------------------

export type ReportNoticeInput = copy.ReportNotice & { initiativeName: string };

/**
 * The notice one coordinator gets, in their language, with a button to reply to the reporter (value: the
 * report id only). The lock screen shows the notification text, which names nobody.
 */
export function renderReportNotice(t: Translate, input: ReportNoticeInput) {
  return {
    text: t('reports.coordinators.notification'),
    blocks: [
      section(copy.reportNotice(t, input)),
      actions([{ actionId: PairingIds.replyToReport, text: t('reports.coordinators.replyButton', { pseudonym: input.reporterPseudonym }), value: input.reportId }]),
    ] as KnownBlock[],
  };
}

export interface ReportReplyMetadata {
  reportId: string;
  /** The language the form was shown in: its errors and its answer are worded in it too. */
  language?: AppLanguage;
}

/** The form a coordinator writes a reply in, in their language; only the report id (and that language) travels with it. */
export function renderReportReplyModal(t: Translate, input: { reportId: string; reporterPseudonym: string; initiativeName: string; repliedAt: Date | null }): ModalView {
  const metadata: ReportReplyMetadata = { reportId: input.reportId, language: t.language };
  const blocks: KnownBlock[] = [section(copy.replyIntro(t, input.reporterPseudonym, input.initiativeName))];
  if (input.repliedAt) blocks.push(context(copy.alreadyReplied(t, input.repliedAt)));
  blocks.push(
    textInput({
      blockId: PairingIds.blocks.replyText,
      label: t('reports.coordinators.replyLabel'),
      hint: t('reports.coordinators.replyHint'),
      multiline: true,
      maxLength: REPORT_REPLY_MAX,
    }),
  );
  return modal({
    callbackId: PairingIds.reportReplyModal,
    title: t('reports.coordinators.replyTitle'),
    submit: t('reports.coordinators.replySubmit'),
    close: t('common.cancel'),
    privateMetadata: JSON.stringify(metadata),
    blocks,
  });
}

/** What the reply form turns into when there is nothing to write (a refusal) or once the reply went, in the coordinator's language. */
export function renderReplyAnswer(t: Translate, text: string): ModalView {
  return messageModal(t, t('reports.coordinators.replyTitle'), text);
}

/** To one coordinator, in their language, when a listener asks for support: the lock screen names nobody. */
export function renderCrisisSupportNotice(t: Translate, input: { listenerId: string; initiativeName: string }) {
  return { text: t('pairings.crisis.coordinatorNotification'), blocks: [section(copy.crisisSupportNotice(t, input.listenerId, input.initiativeName))] as KnownBlock[] };
}

/**
 * The reply as the reporter sees it: under their pseudonym, the coordinator unnamed. The words are a
 * person's, passed through and never stored: neutralised like relayed text (no mention, channel or
 * broadcast can ping anyone through the app), quoted, and cut only where nothing breaks. The top-level
 * text, which lock screens show, carries none of them.
 */
export function renderReportReply(input: { initiativeName: string; reporterPseudonym: string; text: string }, t: Translate = english) {
  const quoted = `>${neutraliseRelayed(input.text).replace(/\n/g, '\n>')}`;
  const pieces = splitMrkdwn(quoted, RELAYED_PIECE)
    .slice(0, 45)
    .map((piece): KnownBlock => ({ type: 'section', text: { type: 'mrkdwn', text: piece.startsWith('>') ? piece : `>${piece}`, verbatim: true } }));
  return {
    text: t('reports.replyNotification'),
    blocks: [section(copy.reportReplyLead(t, input.initiativeName, input.reporterPseudonym)), ...pieces, context(t('reports.replyFooter'))] as KnownBlock[],
  };
}
