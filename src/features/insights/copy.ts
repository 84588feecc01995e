export const TITLE = 'Insights';
export const REFUSED =
  'Insights are for the HR viewers and coordinators of an initiative. They show only anonymous counts, never a person. If you think you should have access, please ask one of the initiative\'s coordinators.';
export const EXPORT_SENT = 'I have sent the CSV to your messages with the app. It has the same counts as the view, with the same small numbers hidden.';
export const CHART_TITLE = 'Weekly requests and matches; demand and supply by topic';
export function explainer(k: number): string {
  return `Only anonymous counts, never a person. Counts from 1 to ${k - 1} are shown as "fewer than ${k}", and where a hidden count could be worked out from a total, another is hidden too. Weeks start on Monday (UTC).`;
}
