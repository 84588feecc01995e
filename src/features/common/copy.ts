// Copy shared by every capability. Never show a person `error.message`: it can quote internals.

export const SOMETHING_WENT_WRONG =
  'Sorry, something went wrong on our side and nothing was changed. Please try again in a moment. ' +
  'If you need support right now, please use your organisation\'s support resources or a crisis line.';
