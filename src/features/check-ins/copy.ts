import { displayPseudonym } from '../../domain/pseudonyms.js';
import { escapeMrkdwn as e } from '../common/blocks.js';

export function seekerQuestion(listenerPseudonym: string): string {
  return `How is it going with *${displayPseudonym(listenerPseudonym)}*? Whatever you choose is fine, and only you see this.`;
}
export const LISTENER_QUESTION =
  'How are you doing? Listening can take a lot out of you. However you answer, thank you for being there for a colleague.';
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
};

export const THANKS: Record<string, string> = {
  helpful: 'Thank you for letting me know. I\'m glad it helps.',
  not_yet: 'Thank you for telling me. It can take time; you can end or ask for someone else whenever you like.',
  someone_else: 'Of course. I\'ve ended this conversation and I\'m looking for someone else for you.',
  end: 'I\'ve ended the conversation. Thank you for reaching out; you can ask again any time with `/peer request`.',
  fine: 'Thank you. Glad to hear it.',
  break: 'Take the time you need. You\'re paused: no new offers until you `/peer resume`. Your current conversations carry on unless you end them.',
  coordinator: 'I\'ve let the coordinators know you\'d like to talk. One of them will reach out to you.',
};

export const ALREADY_ANSWERED = 'Thank you, your answer was already noted.';

export function coordinatorNotice(listenerId: string, initiative: string): string {
  return `<@${listenerId}>, a listener with *${e(initiative)}*, asked to talk with a coordinator after a check-in. Please reach out to them. (Nothing about the people they support is shared.)`;
}
