import type { KnownBlock } from '@slack/types';
import { actions, context, escapeMrkdwn, section, type ButtonSpec } from '../common/blocks.js';
import { ListenerIds } from '../listeners/ids.js';
import { RequestIds } from '../requests/ids.js';
import type { Translate } from '../../i18n/translate.js';
import * as copy from './copy.js';
import { CheckInIds, LISTENER_ANSWERS, REVIEW_ANSWERS, SEEKER_ANSWERS, type CheckInAnswer } from './ids.js';

// Each is worded in its recipient's language (`t`, issue 19); the text people wrote (resources) as written.

function answerButtons(
  t: Translate,
  checkInId: string,
  answers: readonly CheckInAnswer[],
  extra: Partial<Record<CheckInAnswer, Partial<ButtonSpec>>> = {},
): KnownBlock {
  return actions(
    answers.map((a) => ({ actionId: CheckInIds.answer[a], text: t(copy.ANSWER_LABEL_KEYS[a]), value: JSON.stringify({ c: checkInId, a }), ...extra[a] })),
  );
}

export function renderSeekerCheckIn(t: Translate, input: { checkInId: string; listenerPseudonym: string; resources: string }) {
  const text = copy.seekerQuestion(t, input.listenerPseudonym);
  return {
    text,
    blocks: [
      section(text),
      answerButtons(t, input.checkInId, SEEKER_ANSWERS),
      context(`${t('checkIns.resourcesLead')}\n${escapeMrkdwn(input.resources)}`),
    ] as KnownBlock[],
  };
}

/**
 * One check-in per listener, whatever their number of conversations (issue 15): it may say how many
 * they are in, never with whom.
 */
export function renderListenerCheckIn(t: Translate, input: { checkInId: string; conversations: number }) {
  const question = t('checkIns.listenerQuestion');
  const load = copy.listenerLoad(t, input.conversations);
  const blocks: KnownBlock[] = [section(question)];
  if (load) blocks.push(context(load));
  blocks.push(answerButtons(t, input.checkInId, LISTENER_ANSWERS));
  return { text: question, blocks };
}

/**
 * A planned ending (issue 15): after N weeks each side is asked, once, whether to keep going; the other
 * person appears by pseudonym only. Wrapping up ends the conversation, so it asks first.
 */
export function renderReviewCheckIn(t: Translate, input: { checkInId: string; otherPseudonym: string; weeks: number }) {
  const text = copy.reviewQuestion(t, input.otherPseudonym, input.weeks);
  return {
    text,
    blocks: [
      section(text),
      answerButtons(t, input.checkInId, REVIEW_ANSWERS, { keep_going: { style: 'primary' }, wrap_up: { confirm: copy.confirmWrapUp(t) } }),
    ] as KnownBlock[],
  };
}

/** The answer to "I need a break", with a way to choose a return date (the listeners capability opens the form). */
export function renderBreakReply(t: Translate, input: { initiativeId: string }) {
  const text = t(copy.THANKS_KEYS.break);
  return {
    text,
    blocks: [section(text), actions([{ actionId: ListenerIds.pauseUntilButton, text: t('checkIns.chooseReturnDate'), value: input.initiativeId }])] as KnownBlock[],
  };
}

export function renderWaitingUpdate(t: Translate, input: { requestId: string; resources: string }) {
  const text = t('checkIns.waitingUpdate');
  return {
    text,
    blocks: [
      section(text),
      section(escapeMrkdwn(input.resources)),
      actions([{ actionId: RequestIds.cancelButton, text: t('requests.cancelMyRequest'), value: input.requestId }]),
    ] as KnownBlock[],
  };
}

/**
 * A circle's session prompt to one of its people (issue 20), in their circle thread: the prompt the
 * facilitator wrote, the circle's guidelines and the initiative's resources. All three are text people
 * wrote, shown as written (escaped, so it cannot ping anyone or look like the app's own words). Nothing to
 * answer: replies in the thread are the circle's conversation.
 */
export function renderCircleSessionPrompt(
  t: Translate,
  input: { sequence: number; prompt: string; guidelines: string; resources: string },
) {
  // The notification says only that the circle meets: a lock screen shows it, and a circle's name or
  // description tells what it is about (the same rule as relayed words, DESIGN.md).
  const text = t('circles.session.notification');
  const lead = t('circles.session.lead', { session: input.sequence });
  const quoted = escapeMrkdwn(input.prompt).replace(/\n/g, '\n>');
  const blocks: KnownBlock[] = [section(lead), section(`${t('circles.session.fromFacilitator')}\n>${quoted}`), context(t('circles.session.replyHere'))];
  if (input.guidelines.trim()) blocks.push(section(`${t('circles.session.guidelinesLead')}\n${escapeMrkdwn(input.guidelines)}`));
  if (input.resources.trim()) blocks.push(context(`${t('checkIns.resourcesLead')}\n${escapeMrkdwn(input.resources)}`));
  return { text, blocks };
}
