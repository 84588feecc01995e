// Ids of the circle relay's own surfaces (issue 20): raising a concern in a circle, and the pause button
// of a facilitator's crisis note. The circles' other surfaces are in ids.ts.

export const CircleRelayIds = {
  /** "Report a concern" on the welcome message; value: the circle id. Opens the report form. */
  report: 'circle.report',
  /** The report form: a reason and, optionally, which member (by pseudonym) it is about. */
  reportModal: 'circle.report_modal',
  /**
   * "Pause <pseudonym> until the next session" on a facilitator's crisis note; value: JSON { circleId,
   * pseudonym }. Who may use it is read from the database, never from the value.
   */
  crisisPause: 'circle.crisis_pause',
  blocks: { reason: 'reason', about: 'about' },
} as const;

/** How many relayed copies of one message are posted at once: Slack's per-channel limit is per recipient, the workspace's is not. */
export const CIRCLE_RELAY_PARALLEL = 4;
