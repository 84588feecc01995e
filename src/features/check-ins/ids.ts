export const CheckInIds = {
  answer: 'checkin.answer',
} as const;

export const SEEKER_ANSWERS = ['helpful', 'not_yet', 'someone_else', 'end'] as const;
export const LISTENER_ANSWERS = ['fine', 'break', 'coordinator'] as const;
export type CheckInAnswer = (typeof SEEKER_ANSWERS)[number] | (typeof LISTENER_ANSWERS)[number];
export type CheckInKind = 'seeker' | 'listener' | 'waiting';
