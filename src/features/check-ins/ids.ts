export const SEEKER_ANSWERS = ['helpful', 'not_yet', 'someone_else', 'end'] as const;
export const LISTENER_ANSWERS = ['fine', 'break', 'coordinator'] as const;
/** A planned ending (issue 15): after N weeks both people are asked, once, whether to keep going. */
export const REVIEW_ANSWERS = ['keep_going', 'wrap_up'] as const;
export type CheckInAnswer = (typeof SEEKER_ANSWERS)[number] | (typeof LISTENER_ANSWERS)[number] | (typeof REVIEW_ANSWERS)[number];
export const CHECK_IN_ANSWERS: readonly CheckInAnswer[] = [...SEEKER_ANSWERS, ...LISTENER_ANSWERS, ...REVIEW_ANSWERS];
/**
 * 'seeker' and the reviews are about one pairing (subject: the pairing); 'listener' is about the
 * listener (subject: their profile, one per listener whatever their number of conversations);
 * 'waiting' about a request still waiting; 'circle_session' is a circle's session prompt to one of its
 * people (subject: their CircleMember row, sequence: the circle's session number; issue 20), never answered.
 */
export type CheckInKind = 'seeker' | 'listener' | 'waiting' | 'seeker_review' | 'listener_review' | 'circle_session';
export const REVIEW_KINDS = ['seeker_review', 'listener_review'] as const satisfies readonly CheckInKind[];

export function isReviewKind(kind: string): kind is (typeof REVIEW_KINDS)[number] {
  return (REVIEW_KINDS as readonly string[]).includes(kind);
}

/** Which kinds of check-in an answer may be given to: a listener's choices never apply to a seeker's. */
export function kindsAnswerable(answer: CheckInAnswer): CheckInKind[] {
  if ((SEEKER_ANSWERS as readonly string[]).includes(answer)) return ['seeker'];
  if ((LISTENER_ANSWERS as readonly string[]).includes(answer)) return ['listener'];
  return [...REVIEW_KINDS];
}

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
    keep_going: 'checkin.answer.keep_going',
    wrap_up: 'checkin.answer.wrap_up',
  },
} as const satisfies { answer: Record<CheckInAnswer, string> };
