export const PairingIds = {
  acceptOffer: 'pairing.accept_offer',
  declineOffer: 'pairing.decline_offer',
  end: 'pairing.end',
  someoneElse: 'pairing.someone_else',
  report: 'pairing.report',
  reveal: 'pairing.reveal',
  reportModal: 'pairing.report_modal',
  // "Did this help?" on the seeker's ending note: distinct ids, since the two buttons share one block.
  endingHelped: 'pairing.ending_helped',
  endingNotHelped: 'pairing.ending_not_helped',
  /** In a crisis note: the listener shares the initiative's resources with the seeker, under their pseudonym. */
  shareResources: 'pairing.share_resources',
  /** In a crisis note: the listener asks the coordinators for support now (naming the listener only). */
  askCoordinator: 'pairing.ask_coordinator',
  /** In a report's notice to coordinators (issue 15): opens the reply form; value: the report id. */
  replyToReport: 'pairing.reply_to_report',
  /** The reply form: what a coordinator writes is sent to the reporter under their pseudonym, never stored. */
  reportReplyModal: 'pairing.report_reply_modal',
  blocks: { reason: 'reason', block: 'block', replyText: 'reply_text' },
} as const;

/** The reasons a concern may be raised for; `label` is the catalogue key of its words (issue 19). */
export const REPORT_REASONS = [
  { value: 'uncomfortable', label: 'reports.reason.uncomfortable' },
  { value: 'guidelines', label: 'reports.reason.guidelines' },
  { value: 'safety', label: 'reports.reason.safety' },
  { value: 'other', label: 'reports.reason.other' },
] as const;
export type ReportReason = (typeof REPORT_REASONS)[number]['value'];
/** Each reason's catalogue key. */
export const REPORT_REASON_KEYS = Object.fromEntries(REPORT_REASONS.map((r) => [r.value, r.label])) as Record<ReportReason, (typeof REPORT_REASONS)[number]['label']>;

export const BLOCK_PAIR = 'block_pair';

/** A coordinator's reply to a report: what one message to the reporter may hold. */
export const REPORT_REPLY_MAX = 2000;
