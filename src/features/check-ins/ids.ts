export const SEEKER_ANSWERS = ['helpful', 'not_yet', 'someone_else', 'end'] as const;
export const LISTENER_ANSWERS = ['fine', 'break', 'coordinator'] as const;
export type CheckInAnswer = (typeof SEEKER_ANSWERS)[number] | (typeof LISTENER_ANSWERS)[number];
export const CHECK_IN_ANSWERS: readonly CheckInAnswer[] = [...SEEKER_ANSWERS, ...LISTENER_ANSWERS];
export type CheckInKind = 'seeker' | 'listener' | 'waiting';

export const CheckInIds = {
  // One action id per answer: the answers share one actions block, and Slack refuses a block whose
  // action ids repeat (invalid_blocks), so the whole check-in message would never arrive.
  answer: {
    helpful: 'checkin.answer.helpful',
    not_yet: 'checkin.answer.not_yet',
    someone_else: 'checkin.answer.someone_else',
    end: 'checkin.answer.end',
    fine: 'checkin.answer.fine',
    break: 'checkin.answer.break',
    coordinator: 'checkin.answer.coordinator',
  },
} as const satisfies { answer: Record<CheckInAnswer, string> };
