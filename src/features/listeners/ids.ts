export const ListenerIds = {
  listenModal: 'listener.listen',
  listenButton: 'listener.listen_button',
  pauseButton: 'listener.pause',
  resumeButton: 'listener.resume',
  stopButton: 'listener.stop',
  approve: 'listener.approve',
  decline: 'listener.decline',
  blocks: {
    topics: 'topics',
    capacity: 'capacity',
    intro: 'intro',
    languages: 'languages',
    quietStart: 'quiet_start',
    quietEnd: 'quiet_end',
    consent: 'consent',
  },
} as const;

export const LISTEN_FLOW = 'listen';
export const CONSENT_GIVEN = 'consent_given';
export const INTRO_MAX = 280;
export const CAPACITY_MIN = 1;
export const CAPACITY_MAX = 5;
export const CAPACITY_DEFAULT = 2;
