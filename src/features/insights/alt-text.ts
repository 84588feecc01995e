import { METRIC_LABELS, type ShownInsights } from '../../domain/insights-table.js';
import { formatShown } from '../../domain/suppression.js';

// The chart's alt text (the image block's `alt_text`), written from the same suppressed figures the
// chart draws: what a screen reader says instead of the picture. Plain text, no markup, no person.

/** Slack's limit for an image block's alt_text. */
export const ALT_TEXT_MAX = 2000;

const day = (d: Date) => d.toISOString().slice(0, 10);

/** Describes the chart in words, within Slack's alt text limit; topics past the limit are counted, not listed. */
export function chartAltText(shown: ShownInsights): string {
  const weeks = shown.weeks;
  const span = weeks.length > 0 ? ` from the week of ${day(weeks[0]!)} to the week of ${day(weeks[weeks.length - 1]!)}` : '';
  const series = (['request_opened', 'request_matched'] as const).map(
    (m) => `${METRIC_LABELS[m]}: ${shown.weekly[m].map((cell) => formatShown(cell)).join(', ')}.`,
  );
  const head = [
    `Bar charts of anonymous counts. Requests and matches in each of the ${weeks.length} complete weeks${span} (weeks start on Monday, UTC); hidden counts are not drawn.`,
    ...series,
    `By topic, requests over those weeks and active listeners today:`,
  ].join(' ');
  const topics = shown.topics.map((t) => `${t.label}: requests ${formatShown(t.demand)}, active listeners ${formatShown(t.supply)}.`);
  if (topics.length === 0) return `${head} no topics.`;
  const max = ALT_TEXT_MAX;
  let text = head;
  for (let i = 0; i < topics.length; i++) {
    const rest = topics.length - i - 1;
    const more = rest > 0 ? ` And ${rest} more topics, listed below the chart.` : '';
    const next = `${text} ${topics[i]}`;
    // Keep room to say how many topics were left out.
    if (`${next}${more}`.length > max) return `${text} And ${topics.length - i} more topics, listed below the chart.`.slice(0, max);
    text = next;
  }
  return text;
}
