import type { ShownInsights } from '../../domain/insights-table.js';
import { formatShown } from '../../domain/suppression.js';
import { english, type Translate } from '../../i18n/translate.js';
import { METRIC_KEYS } from './copy.js';

// The chart's alt text (the image block's `alt_text`), written from the same suppressed figures the
// chart draws: what a screen reader says instead of the picture, in the viewer's language (issue 19).
// Plain text, no markup, no person.

/** Slack's limit for an image block's alt_text. */
export const ALT_TEXT_MAX = 2000;

const day = (d: Date) => d.toISOString().slice(0, 10);

/** Describes the chart in words, within Slack's alt text limit; topics past the limit are counted, not listed. */
export function chartAltText(shown: ShownInsights, t: Translate = english): string {
  const weeks = shown.weeks;
  const span = weeks.length > 0 ? t('insights.alt.span', { first: day(weeks[0]!), last: day(weeks[weeks.length - 1]!) }) : '';
  const series = (['request_opened', 'request_matched'] as const).map(
    (m) => `${t(METRIC_KEYS[m])}: ${shown.weekly[m].map((cell) => formatShown(cell)).join(', ')}.`,
  );
  const head = [t('insights.alt.head', { weeks: weeks.length, span }), ...series, t('insights.alt.byTopic')].join(' ');
  const topics = shown.topics.map((topic) => t('insights.alt.topic', { topic: topic.label, demand: formatShown(topic.demand), supply: formatShown(topic.supply) }));
  if (topics.length === 0) return `${head} ${t('insights.alt.noTopics')}`;
  const max = ALT_TEXT_MAX;
  let text = head;
  for (let i = 0; i < topics.length; i++) {
    const rest = topics.length - i - 1;
    const more = rest > 0 ? ` ${t('insights.alt.more', { count: rest })}` : '';
    const next = `${text} ${topics[i]}`;
    // Keep room to say how many topics were left out.
    if (`${next}${more}`.length > max) return `${text} ${t('insights.alt.more', { count: topics.length - i })}`.slice(0, max);
    text = next;
  }
  return text;
}
