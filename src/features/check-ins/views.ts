import type { KnownBlock } from '@slack/types';
import { actions, context, escapeMrkdwn, section } from '../common/blocks.js';
import { RequestIds } from '../requests/ids.js';
import * as copy from './copy.js';
import { CheckInIds, LISTENER_ANSWERS, SEEKER_ANSWERS, type CheckInAnswer } from './ids.js';

function answerButtons(checkInId: string, answers: readonly CheckInAnswer[]): KnownBlock {
  return actions(answers.map((a) => ({ actionId: CheckInIds.answer[a], text: copy.ANSWER_LABELS[a]!, value: JSON.stringify({ c: checkInId, a }) })));
}

export function renderSeekerCheckIn(input: { checkInId: string; listenerPseudonym: string; resources: string }) {
  const text = copy.seekerQuestion(input.listenerPseudonym);
  return {
    text,
    blocks: [section(text), answerButtons(input.checkInId, SEEKER_ANSWERS), context(`${copy.RESOURCES_LEAD}\n${escapeMrkdwn(input.resources)}`)] as KnownBlock[],
  };
}

export function renderListenerCheckIn(input: { checkInId: string }) {
  return { text: copy.LISTENER_QUESTION, blocks: [section(copy.LISTENER_QUESTION), answerButtons(input.checkInId, LISTENER_ANSWERS)] as KnownBlock[] };
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
