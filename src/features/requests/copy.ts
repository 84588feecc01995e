import { escapeMrkdwn as e } from '../common/blocks.js';

// Functions here build mrkdwn: each escapes the names and text people typed that it puts in (never its callers).
// The request form's words are in the catalogues (src/i18n: requests.*), in the seeker's language; the
// messages below are not yet (issue 19).






export function requestReceived(topic: string): string {
  return `Thank you for reaching out. I'm looking for a listener who knows *${e(topic)}* from their own life, and I'll message you here as soon as someone says yes. Nobody will learn who you are unless you choose to tell them.`;
}

export function noListenerYet(topic: string): string {
  return `Thank you for reaching out. To be honest with you: no listener for *${e(topic)}* is free right now. Your request is waiting, and I'll pair you as soon as someone is available. In the meantime, these are here for you:`;
}

/** Someone could take the request but for their working or quiet hours: it waits for the first whose day begins. */
export function listenersOffHours(topic: string): string {
  return `The listeners for *${e(topic)}* are outside their working hours right now. Your request is safe with us and goes to the first of them whose day begins; you'll hear from me here. If you need someone sooner, these are here for you any time:`;
}

export const CANCELLED = 'Your request is cancelled. You can ask again whenever you like.';
export const NOT_OPEN = 'That request is no longer open.';

/** The notification text of an offer: what lock screens and push notifications show, so no topic or note. */
export const OFFER_NOTIFICATION = 'Someone would like to talk (Peer Support)';

export function offerText(pseudonym: string, topic: string | null): string {
  return `*${pseudonym}* would like to talk with someone who has lived experience of *${topic === null ? 'a topic you listen on' : e(topic)}*. Would you like to listen?`;
}

export function offerExpiry(hours: number): string {
  return `If you don't answer within ${hours} hour${hours === 1 ? '' : 's'}, I'll ask another listener. Declining is always fine.`;
}

export const PAUSE_FROM_OFFER_BUTTON = 'Pause until…';
export const OFFER_DECLINED = 'Thank you for letting me know. I\'ll ask someone else; there is no need to explain.';
export const OFFER_EXPIRED = 'This offer wasn\'t answered in time, so I\'ve closed it and will keep looking for them. That\'s completely fine.';
export const OFFER_GONE = 'This offer is no longer open: the colleague may have cancelled, or it has passed to another listener.';
export const OFFER_WITHDRAWN = 'This offer was withdrawn: the colleague no longer needs a listener. Thank you for being there.';
export const NOT_YOUR_OFFER = 'This offer was meant for someone else.';


export const STILL_LOOKING =
  'I haven\'t been able to find a free listener for you just yet. Your request is waiting, and I\'ll pair you as soon as someone is available. In the meantime, these are here for you:';




export const OFFER_NOT_TAKEN =
  'The listener I asked isn\'t able to talk just now. That happens, and it says nothing about you. I\'m still looking, and your request stays open.';

export const WAITING_PAIRED = 'Good news: a listener said yes. Their introduction follows below, and you can write to them whenever you\'re ready.';

export function waitEstimate(hours: number): string {
  return `People here are usually paired within ${hours} hour${hours === 1 ? '' : 's'}.`;
}

