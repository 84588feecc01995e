export const RequestIds = {
  requestModal: 'request.request',
  requestSent: 'request.request_sent',
  requestButton: 'request.request_button',
  helpNowButton: 'request.help_now',
  /** Link buttons to the resources' web pages: Slack opens the page and also sends the click, which is only acknowledged. */
  resourceLinks: ['request.resource_link_1', 'request.resource_link_2', 'request.resource_link_3', 'request.resource_link_4', 'request.resource_link_5'],
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
