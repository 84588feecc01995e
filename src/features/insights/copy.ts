import { textsIn } from '../../domain/initiative-texts.js';
import { ALL_TOPICS, OTHER_TOPIC, type CircleMetric, type ShownInsights, type WeeklyMetric } from '../../domain/insights-table.js';
import { HIDDEN } from '../../domain/suppression.js';
import { english, type MessageKey, type Translate } from '../../i18n/translate.js';

// The insights' words (issue 19): in the viewer's language, `t`. Topic labels are the coordinators' own,
// in the viewer's language where they wrote one (topicsIn).

export const CHART_FILENAME = 'peer-support-insights.png';

export function explainer(k: number, t: Translate = english): string {
  return t('insights.explainer', { below: k - 1, hidden: HIDDEN });
}
/** The "now" heading: the figures are the day's snapshot, not live. */
export function todayHeading(takenAt: Date | undefined, t: Translate = english): string {
  return takenAt ? t('insights.todayCounted', { time: takenAt.toISOString().slice(11, 16) }) : t('insights.today');
}

/** Each weekly measure's label, and its short form for the table's columns. */
export const METRIC_KEYS = {
  request_opened: 'insights.metric.request_opened',
  request_matched: 'insights.metric.request_matched',
  request_withdrawn: 'insights.metric.request_withdrawn',
  pairing_ended: 'insights.metric.pairing_ended',
  checkin_helpful: 'insights.metric.checkin_helpful',
  checkin_not_yet: 'insights.metric.checkin_not_yet',
  checkin_someone_else: 'insights.metric.checkin_someone_else',
  checkin_end: 'insights.metric.checkin_end',
  ending_helped: 'insights.metric.ending_helped',
  ending_not_helped: 'insights.metric.ending_not_helped',
} as const satisfies Record<WeeklyMetric, MessageKey>;
export const SHORT_METRIC_KEYS = {
  request_opened: 'insights.short.request_opened',
  request_matched: 'insights.short.request_matched',
  request_withdrawn: 'insights.short.request_withdrawn',
  pairing_ended: 'insights.short.pairing_ended',
  checkin_helpful: 'insights.short.checkin_helpful',
  checkin_not_yet: 'insights.short.checkin_not_yet',
  checkin_someone_else: 'insights.short.checkin_someone_else',
  checkin_end: 'insights.short.checkin_end',
  ending_helped: 'insights.short.ending_helped',
  ending_not_helped: 'insights.short.ending_not_helped',
} as const satisfies Record<WeeklyMetric, MessageKey>;

/** The circles' measures (issue 20), and their short forms for the circles' weekly table. */
export const CIRCLE_METRIC_KEYS = {
  circle_opened: 'insights.circles.metric.opened',
  circle_joined: 'insights.circles.metric.joined',
  circle_session_held: 'insights.circles.metric.sessionsHeld',
} as const satisfies Record<CircleMetric, MessageKey>;
export const SHORT_CIRCLE_METRIC_KEYS = {
  circle_opened: 'insights.circles.short.opened',
  circle_joined: 'insights.circles.short.joined',
  circle_session_held: 'insights.circles.short.sessionsHeld',
} as const satisfies Record<CircleMetric, MessageKey>;

/** "45 min", "2.5 h", "3.0 days": a duration in minutes, for the time to match. */
export function minutesText(t: Translate, m: number): string {
  if (m < 90) return t('insights.minutes', { n: String(m) });
  if (m < 48 * 60) return t('insights.hours', { n: (m / 60).toFixed(1) });
  return t('insights.days', { n: (m / 1440).toFixed(1) });
}

/**
 * The figures with each topic labelled in the viewer's language where the coordinators wrote one
 * (issue 19), so the view, its chart and alt text, and the CSV name topics alike; the counts are untouched.
 */
export function topicsIn(shown: ShownInsights, initiative: { texts?: string | null }, t: Translate): ShownInsights {
  const own = textsIn(initiative, t.language);
  const label = (topic: string) =>
    topic === OTHER_TOPIC ? t('insights.otherTopic') : topic === ALL_TOPICS ? t('insights.circles.allTopics') : own.topicLabel(topic);
  return {
    ...shown,
    topics: shown.topics.map((topic) => ({ ...topic, label: label(topic.label) })),
    circles: { ...shown.circles, byTopic: shown.circles.byTopic.map((row) => ({ ...row, label: label(row.label) })) },
  };
}
