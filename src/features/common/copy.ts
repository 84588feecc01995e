import { english, type Translate } from '../../i18n/translate.js';

// Copy shared by every capability. Never show a person `error.message`: it can quote internals.

// The failure notes (answer-failures.ts) are worded in the person's language where it is known at
// once (issue 19); these English forms are for the surfaces not yet worded per person.
export const SOMETHING_WENT_WRONG = english('common.somethingWentWrong');
export const CRISIS_LINE_FALLBACK = english('common.crisisLineFallback');

/** A direct message the app could not handle (the relay, or anything else written to it), in `t`'s language. */
export function messageNotPassedOn(t: Translate): string {
  return `${t('common.messageNotPassedOn')} ${t('common.crisisLineFallback')}`;
}
export const MESSAGE_NOT_PASSED_ON = messageNotPassedOn(english);
