import { escapeMrkdwn } from '../common/blocks.js';

// A safety net for anyone who writes to the app outside a conversation (issue 14): the resources first,
// then a kind word, then a way to ask for a listener. Warm and plain, never clinical (DESIGN.md).

/**
 * The notification text: what a lock screen or a shared screen shows. It never quotes the person's
 * message nor hints at how they feel (DESIGN.md "Slack facts"), whichever version they get.
 */
export const SAFETY_NET_TEXT = 'Peer Support: support resources and how to ask for a listener';

export const RESOURCES_LEAD = '*If you need support right now*';

/** A message with no crisis words: not passed on to anyone, and what they can do. */
export const CALM_LINE =
  'You are not in a conversation at the moment, so this message was not passed on to anyone, and it was not kept. ' +
  'If you would like to talk, you can ask for an anonymous listener: a colleague who has lived through something similar.';

/** A message with crisis words: warmer, and more urgent, without waiting for a listener. */
export const URGENT_LINE =
  "It sounds like things are really hard right now. You don't have to wait for a listener: please reach out to one of these now. " +
  'If you are in danger, call your local emergency number. Your message was not passed on to anyone and was not kept; ' +
  'you can still ask for a listener too.';

export const ASK_FOR_A_LISTENER = 'Ask for a listener';

const STATUS: Record<'waiting' | 'offered' | 'paired', string> = {
  waiting: 'we are looking for a listener',
  offered: 'a listener has been asked and we are waiting for their answer',
  paired: 'you are talking with a listener: reply in that conversation\'s thread to reach them',
};

/** Where one of the person's open requests stands; `topic` is the initiative's label, escaped here. */
export function requestStatusLine(topic: string | null, status: keyof typeof STATUS): string {
  return `Your request about *${escapeMrkdwn(topic ?? 'a topic')}*: ${STATUS[status]}.`;
}
