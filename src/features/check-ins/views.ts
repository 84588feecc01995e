import type { KnownBlock } from '@slack/types';
import { actions, context, escapeMrkdwn, section, type ButtonSpec } from '../common/blocks.js';
import { ListenerIds } from '../listeners/ids.js';
import { RequestIds } from '../requests/ids.js';
import * as copy from './copy.js';
import { CheckInIds, LISTENER_ANSWERS, REVIEW_ANSWERS, SEEKER_ANSWERS, type CheckInAnswer } from './ids.js';

function answerButtons(checkInId: string, answers: readonly CheckInAnswer[], extra: Partial<Record<CheckInAnswer, Partial<ButtonSpec>>> = {}): KnownBlock {
  return actions(
    answers.map((a) => ({ actionId: CheckInIds.answer[a], text: copy.ANSWER_LABELS[a]!, value: JSON.stringify({ c: checkInId, a }), ...extra[a] })),
  );
}

export function renderSeekerCheckIn(input: { checkInId: string; listenerPseudonym: string; resources: string }) {
  const text = copy.seekerQuestion(input.listenerPseudonym);
  return {
    text,
    blocks: [section(text), answerButtons(input.checkInId, SEEKER_ANSWERS), context(`${copy.RESOURCES_LEAD}\n${escapeMrkdwn(input.resources)}`)] as KnownBlock[],
  };
}

/**
 * One check-in per listener, whatever their number of conversations (issue 15): it may say how many
 * they are in, never with whom.
 */
export function renderListenerCheckIn(input: { checkInId: string; conversations: number }) {
  const load = copy.listenerLoad(input.conversations);
  const blocks: KnownBlock[] = [section(copy.LISTENER_QUESTION)];
  if (load) blocks.push(context(load));
  blocks.push(answerButtons(input.checkInId, LISTENER_ANSWERS));
  return { text: copy.LISTENER_QUESTION, blocks };
}

/**
 * A planned ending (issue 15): after N weeks each side is asked, once, whether to keep going; the other
 * person appears by pseudonym only. Wrapping up ends the conversation, so it asks first.
 */
export function renderReviewCheckIn(input: { checkInId: string; otherPseudonym: string; weeks: number }) {
  const text = copy.reviewQuestion(input.otherPseudonym, input.weeks);
  return {
    text,
    blocks: [
      section(text),
      answerButtons(input.checkInId, REVIEW_ANSWERS, { keep_going: { style: 'primary' }, wrap_up: { confirm: copy.CONFIRM_WRAP_UP } }),
    ] as KnownBlock[],
  };
}

/** The answer to "I need a break", with a way to choose a return date (the listeners capability opens the form). */
export function renderBreakReply(input: { initiativeId: string }) {
  const text = copy.THANKS.break!;
  return {
    text,
    blocks: [section(text), actions([{ actionId: ListenerIds.pauseUntilButton, text: copy.CHOOSE_RETURN_DATE, value: input.initiativeId }])] as KnownBlock[],
  };
}

export function renderWaitingUpdate(input: { requestId: string; resources: string }) {
  return {
    text: copy.WAITING_UPDATE,
    blocks: [
      section(copy.WAITING_UPDATE),
      section(escapeMrkdwn(input.resources)),
      actions([{ actionId: RequestIds.cancelButton, text: 'Cancel my request', value: input.requestId }]),
    ] as KnownBlock[],
  };
}
