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

