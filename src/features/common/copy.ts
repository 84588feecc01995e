import { english } from '../../i18n/translate.js';

// Copy shared by every capability. Never show a person `error.message`: it can quote internals.

export const SOMETHING_WENT_WRONG =
  'Sorry, something went wrong on our side and nothing was changed. Please try again in a moment. ' +
  'If you need support right now, please use your organisation\'s support resources or a crisis line.';

export const FAILED_TITLE = 'Something went wrong';

/** A form that could not be saved: the person's words were not kept, so they know to send it again. */
export const FORM_NOT_SAVED =
  'Sorry, something went wrong on our side, and what you submitted was *not saved*. Please try again in a few minutes.';

export const RESOURCES_STILL_HERE =
  'If you need support right now, you do not have to wait for us:';

/** In English: failures are not yet worded per person (issue 19). */
export const CRISIS_LINE_FALLBACK = english('common.crisisLineFallback');

/** A direct message the app could not handle (the relay, or anything else written to it). */
export const MESSAGE_NOT_PASSED_ON =
  'Sorry, something went wrong on our side and your message was *not passed on*. Please send it again in a few minutes. ' +
  CRISIS_LINE_FALLBACK;
