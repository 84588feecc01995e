import type { Translate } from '../../i18n/translate.js';

// Copy shared by every capability. Never show a person `error.message`: it can quote internals.
// The failure notes (answer-failures.ts) are worded in the person's language (issue 19), from the
// catalogues' common.* keys.

/** A direct message the app could not handle (the relay, or anything else written to it), in `t`'s language. */
export function messageNotPassedOn(t: Translate): string {
  return `${t('common.messageNotPassedOn')} ${t('common.crisisLineFallback')}`;
}
