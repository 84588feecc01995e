import { escapeMrkdwn } from '../common/blocks.js';
import type { Translate } from '../../i18n/translate.js';

// A safety net for anyone who writes to the app outside a conversation (issue 14): the resources first,
// then a kind word, then a way to ask for a listener. Warm and plain, never clinical (DESIGN.md). The
// words are in the catalogues (src/i18n: safety.*), in each person's language. The notification text
// (safety.notificationText) is what a lock screen or a shared screen shows: it never quotes the
// person's message nor hints at how they feel (DESIGN.md "Slack facts"), in any language.

/** Where one of the person's open requests stands; `topic` is the initiative's label, escaped here. */
export function requestStatusLine(t: Translate, topic: string | null, status: 'waiting' | 'offered' | 'paired'): string {
  return t('safety.requestStatus', { topic: topic === null ? t('safety.anyTopic') : escapeMrkdwn(topic), status });
}
