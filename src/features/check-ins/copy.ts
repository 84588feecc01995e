import { displayPseudonym } from '../../domain/pseudonyms.js';
import type { MessageKey, Translate } from '../../i18n/translate.js';
import { escapeMrkdwn as e, type ConfirmSpec } from '../common/blocks.js';
import type { CheckInAnswer } from './ids.js';

// Every word here is in the catalogues (src/i18n), worded for each person in their language (issue 19).

export function seekerQuestion(t: Translate, listenerPseudonym: string): string {
  return t('checkIns.seekerQuestion', { listener: displayPseudonym(t, listenerPseudonym) });
}
/** How many conversations a listener is in, never with whom (one check-in covers them all, issue 15). */
export function listenerLoad(t: Translate, conversations: number): string {
  return conversations <= 0 ? '' : t('checkIns.listenerLoad', { conversations });
}

export const ANSWER_LABEL_KEYS: Record<CheckInAnswer, MessageKey> = {
  helpful: 'checkIns.answer.helpful',
  not_yet: 'checkIns.answer.notYet',
  someone_else: 'checkIns.answer.someoneElse',
  end: 'checkIns.answer.end',
  fine: 'checkIns.answer.fine',
  break: 'checkIns.answer.break',
  coordinator: 'checkIns.answer.coordinator',
  keep_going: 'checkIns.answer.keepGoing',
  wrap_up: 'checkIns.answer.wrapUp',
};

/** The reply where someone clicked an answer. Wrapping up: the conversation's own end note (pairings) says what happened. */
export const THANKS_KEYS: Record<CheckInAnswer, MessageKey> = {
  helpful: 'checkIns.thanks.helpful',
  not_yet: 'checkIns.thanks.notYet',
  someone_else: 'checkIns.thanks.someoneElse',
  end: 'checkIns.thanks.end',
  fine: 'checkIns.thanks.fine',
  break: 'checkIns.thanks.break',
  coordinator: 'checkIns.thanks.coordinator',
  keep_going: 'checkIns.thanks.keepGoing',
  wrap_up: 'checkIns.thanks.wrapUp',
};

// A planned ending (issue 15): after N weeks each side is asked once, by the other's pseudonym only.
export function reviewQuestion(t: Translate, otherPseudonym: string, weeks: number): string {
  return t('checkIns.reviewQuestion', { other: displayPseudonym(t, otherPseudonym), weeks });
}
export function confirmWrapUp(t: Translate): ConfirmSpec {
  return {
    title: t('checkIns.confirmWrapUp.title'),
    text: t('checkIns.confirmWrapUp.text'),
    confirm: t('checkIns.confirmWrapUp.confirm'),
    deny: t('checkIns.confirmWrapUp.deny'),
    danger: true,
  };
}

export function coordinatorNotice(listenerId: string, initiative: string): string {
  return `<@${listenerId}>, a listener with *${e(initiative)}*, asked to talk with a coordinator after a check-in. Please reach out to them. (Nothing about the people they support is shared.)`;
}
