export const ListenerIds = {
  listenModal: 'listener.listen',
  listenButton: 'listener.listen_button',
  pauseButton: 'listener.pause',
  resumeButton: 'listener.resume',
  stopButton: 'listener.stop',
  /** Opens the "Pause until" form (a datepicker); value: the initiative id. From Home, an offer, a check-in. */
  pauseUntilButton: 'listener.pause_until',
  pauseModal: 'listener.pause_modal',
  approve: 'listener.approve',
  decline: 'listener.decline',
  blocks: {
    topics: 'topics',
    capacity: 'capacity',
    intro: 'intro',
    languages: 'languages',
    quietStart: 'quiet_start',
    quietEnd: 'quiet_end',
    workDays: 'work_days',
    workStart: 'work_start',
    workEnd: 'work_end',
    pauseUntil: 'pause_until',
    consent: 'consent',
  },
} as const;

export const LISTEN_FLOW = 'listen';
export const CONSENT_GIVEN = 'consent_given';
export const INTRO_MAX = 280;
export const CAPACITY_MIN = 1;
export const CAPACITY_MAX = 5;
export const CAPACITY_DEFAULT = 2;
