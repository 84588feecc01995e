export const RequestIds = {
  requestModal: 'request.request',
  requestSent: 'request.request_sent',
  requestButton: 'request.request_button',
  helpNowButton: 'request.help_now',
  cancelButton: 'request.cancel',
  blocks: {
    topic: 'topic',
    note: 'note',
    language: 'language',
    timezone: 'timezone',
  },
} as const;

export const REQUEST_FLOW = 'request';
export const NOTE_MAX = 500;
export const SAME_TIMEZONE = 'same_timezone';
export const ANY_LANGUAGE = 'any';
