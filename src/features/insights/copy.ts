import { HIDDEN } from '../../domain/suppression.js';

export const TITLE = 'Insights';
export const REFUSED =
  'Insights are for the HR viewers and coordinators of an initiative. They show only anonymous counts, never a person. If you think you should have access, please ask one of the initiative\'s coordinators.';
export const EXPORT_SENT = 'I have sent the CSV to your messages with the app. It has the same counts as the view, with the same numbers hidden.';
export const CHART_TITLE = 'Weekly requests and matches; demand and supply by topic';
export const CHART_FILENAME = 'peer-support-insights.png';
export function explainer(k: number): string {
  return (
    `Only anonymous counts, never a person. Counts from 1 to ${k - 1} are hidden, and so is a second count wherever a hidden one could be worked out from a total; every hidden count reads "${HIDDEN}", whatever its size. ` +
    'Only complete weeks are shown (Monday to Sunday, UTC), and the figures for today are counted once a day, so looking again later today shows the same numbers.'
  );
}
/** The "now" heading: the figures are the day's snapshot, not live. */
export function todayHeading(takenAt: Date | undefined): string {
  return takenAt ? `*Today* (counted at ${takenAt.toISOString().slice(11, 16)} UTC)` : '*Today*';
}
export function timeToMatchHidden(minimum: number): string {
  return `not shown below ${minimum} matches`;
}
