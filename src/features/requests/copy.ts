import type { Translate } from '../../i18n/translate.js';
import { escapeMrkdwn as e } from '../common/blocks.js';

// Functions here build mrkdwn: each escapes the names and text people typed that it puts in (never its callers).
// The request form's, the waiting message's and the offer's words are in the catalogues (src/i18n:
// requests.*, waiting.*, offers.*), in each recipient's language; the notes below are not yet (issue 19).

/** The waiting message's opening line for a request on `topic` (the initiative's label, escaped here). */
export function requestReceived(t: Translate, topic: string): string {
  return t('waiting.received', { topic: e(topic) });
}
export function noListenerYet(t: Translate, topic: string): string {
  return t('waiting.noListenerYet', { topic: e(topic) });
}
/** Someone could take the request but for their working or quiet hours: it waits for the first whose day begins. */
export function listenersOffHours(t: Translate, topic: string): string {
  return t('waiting.offHours', { topic: e(topic) });
}

export function offerText(t: Translate, pseudonym: string, topic: string | null): string {
  return t('offers.text', { pseudonym, topic: topic === null ? t('offers.anyTopic') : e(topic) });
}

export const NOT_OPEN = 'That request is no longer open.';
export const OFFER_DECLINED = 'Thank you for letting me know. I\'ll ask someone else; there is no need to explain.';
export const OFFER_EXPIRED = 'This offer wasn\'t answered in time, so I\'ve closed it and will keep looking for them. That\'s completely fine.';
export const OFFER_GONE = 'This offer is no longer open: the colleague may have cancelled, or it has passed to another listener.';
export const OFFER_WITHDRAWN = 'This offer was withdrawn: the colleague no longer needs a listener. Thank you for being there.';
export const NOT_YOUR_OFFER = 'This offer was meant for someone else.';
