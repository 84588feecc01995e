import { displayPseudonym } from '../../domain/pseudonyms.js';
import { escapeMrkdwn as e, type ConfirmSpec } from '../common/blocks.js';

export function seekerQuestion(listenerPseudonym: string): string {
  return `How is it going with *${displayPseudonym(listenerPseudonym)}*? Whatever you choose is fine, and only you see this.`;
}
export const LISTENER_QUESTION =
  'How are you doing? Listening can take a lot out of you. However you answer, thank you for being there for a colleague.';
/** How many conversations a listener is in, never with whom (one check-in covers them all, issue 15). */
export function listenerLoad(conversations: number): string {
  if (conversations <= 0) return '';
  return conversations === 1 ? "You're supporting 1 colleague at the moment." : `You're supporting ${conversations} colleagues at the moment.`;
}
export const WAITING_UPDATE =
  'I\'m still looking for a listener for you, and I haven\'t forgotten you. If things feel urgent, please don\'t wait: these are here for you now.';
export const RESOURCES_LEAD = '*Support and crisis resources*';

export const ANSWER_LABELS: Record<string, string> = {
  helpful: 'Helpful',
  not_yet: 'Not yet',
  someone_else: "I'd like someone else",
  end: 'End',
  fine: "I'm fine",
  break: 'I need a break',
  coordinator: 'Talk to a coordinator',
  keep_going: 'Keep going',
  wrap_up: "Let's wrap up",
};

export const THANKS: Record<string, string> = {
  helpful: 'Thank you for letting me know. I\'m glad it helps.',
  not_yet: 'Thank you for telling me. It can take time; you can end or ask for someone else whenever you like.',
  someone_else: 'Of course. I\'ve ended this conversation and I\'m looking for someone else for you.',
  end: 'I\'ve ended the conversation. Thank you for reaching out; you can ask again any time with `/peer request`.',
  fine: 'Thank you. Glad to hear it.',
  break:
    'Take the time you need. You\'re paused: no new offers until you `/peer resume`, or choose a day below and I\'ll welcome you back then. Your current conversations carry on unless you end them.',
  coordinator: 'I\'ve let the coordinators know you\'d like to talk. One of them will reach out to you.',
  keep_going: 'Thank you for letting me know. Nothing changes: carry on as you are, and either of you can end whenever you like.',
  // The conversation's own end note (pairings/copy.ts PLANNED_BY_YOU) says what happened; this only answers the click.
  wrap_up: 'Thank you for the weeks you spent talking.',
};

/** The button under the "I need a break" reply: opens the form to choose a return date. */
export const CHOOSE_RETURN_DATE = "Choose when I'm back";
/** "Let's wrap up" on a conversation that had already ended by the time of the click. */
export const ALREADY_WRAPPED_UP = 'This conversation had already ended, so there was nothing to wrap up. Thank you for taking part.';

// A planned ending (issue 15): after N weeks each side is asked once, by the other's pseudonym only.
export function reviewQuestion(otherPseudonym: string, weeks: number): string {
  const span = weeks === 1 ? '1 week' : `${weeks} weeks`;
  return `You and *${displayPseudonym(otherPseudonym)}* have been talking for ${span}. Would you like to keep going? There's no need to answer: if you don't, nothing changes.`;
}
export const CONFIRM_WRAP_UP: ConfirmSpec = {
  title: 'Wrap up this conversation?',
  text: 'This ends the conversation for both of you, and the other person is told kindly that it has come to a planned end. It cannot be undone.',
  confirm: "Let's wrap up",
  deny: 'Not yet',
  danger: true,
};

export const ALREADY_ANSWERED = 'Thank you, your answer was already noted.';

export function coordinatorNotice(listenerId: string, initiative: string): string {
  return `<@${listenerId}>, a listener with *${e(initiative)}*, asked to talk with a coordinator after a check-in. Please reach out to them. (Nothing about the people they support is shared.)`;
}
