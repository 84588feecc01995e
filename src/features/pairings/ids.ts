export const PairingIds = {
  acceptOffer: 'pairing.accept_offer',
  declineOffer: 'pairing.decline_offer',
  end: 'pairing.end',
  someoneElse: 'pairing.someone_else',
  report: 'pairing.report',
  reveal: 'pairing.reveal',
  reportModal: 'pairing.report_modal',
  blocks: { reason: 'reason', block: 'block' },
} as const;

export const REPORT_REASONS = [
  { value: 'uncomfortable', label: 'Something made me uncomfortable' },
  { value: 'guidelines', label: 'The guidelines were not followed' },
  { value: 'safety', label: 'I am worried about someone\'s safety' },
  { value: 'other', label: 'Something else' },
] as const;

export const BLOCK_PAIR = 'block_pair';
