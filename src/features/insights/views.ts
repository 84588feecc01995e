import type { KnownBlock, ModalView } from '@slack/types';
import { CIRCLE_METRICS, WEEKLY_METRICS, type ShownInsights } from '../../domain/insights-table.js';
import { english, type Translate } from '../../i18n/translate.js';
import { formatShown, percentileMinimum, type Shown } from '../../domain/suppression.js';
import { actions, context, divider, escapeMrkdwn, header, LIMITS, modal, section, type ButtonSpec } from '../common/blocks.js';
import { chartAltText } from './alt-text.js';
import * as copy from './copy.js';
import { InsightsIds } from './ids.js';

/** The weekly table as monospaced text; a hidden cell reads as it does everywhere else. */
function weeklyTable(t: Translate, shown: ShownInsights): string {
  const metrics = WEEKLY_METRICS;
  return monospaced(
    [t('insights.week'), ...metrics.map((m) => t(copy.SHORT_METRIC_KEYS[m]))],
    [
      ...shown.weeks.map((w, i) => [w.toISOString().slice(5, 10), ...metrics.map((m) => formatShown(shown.weekly[m][i]!))]),
      [t('insights.twelveWeeks'), ...metrics.map((m) => formatShown(shown.totals[m]))],
    ],
  );
}

/** The circles' own weekly table (issue 20), beside the pairings' rather than widening it. */
function circlesTable(t: Translate, shown: ShownInsights): string {
  const { circles } = shown;
  return monospaced(
    [t('insights.week'), ...CIRCLE_METRICS.map((m) => t(copy.SHORT_CIRCLE_METRIC_KEYS[m]))],
    [
      ...shown.weeks.map((w, i) => [w.toISOString().slice(5, 10), ...CIRCLE_METRICS.map((m) => formatShown(circles.weekly[m][i]!))]),
      [t('insights.twelveWeeks'), ...CIRCLE_METRICS.map((m) => formatShown(circles.totals[m]))],
    ],
  );
}

function monospaced(head: string[], lines: string[][]): string {
  const widths = head.map((h, c) => Math.max(h.length, ...lines.map((l) => l[c]!.length)));
  const fmt = (row: string[]) => row.map((x, c) => x.padStart(widths[c]!)).join(' ');
  return ['```', fmt(head), ...lines.map(fmt), '```'].join('\n');
}

/** Lines packed into sections of at most Slack's 3000 characters, so a long topic list is split, never cut short. */
function sectionsOf(lines: readonly string[]): KnownBlock[] {
  const chunks: string[] = [];
  for (const line of lines) {
    const last = chunks.at(-1);
    if (last !== undefined && last.length + 1 + line.length <= LIMITS.sectionText) chunks[chunks.length - 1] = `${last}\n${line}`;
    else chunks.push(line);
  }
  return chunks.map((chunk) => section(chunk));
}

export interface InsightsMetadata {
  initiativeId: string;
}

/** In the viewer's language, `t` (issue 19); topic labels as the coordinators wrote them. */
export function renderInsights(input: {
  initiative: { id: string; name: string };
  shown: ShownInsights;
  chartFileId: string | null;
  isCoordinator: boolean;
  t?: Translate;
}): ModalView {
  const { shown } = input;
  const t = input.t ?? english;
  const f = (s: Shown) => formatShown(s);
  const now = shown.now;
  const blocks: KnownBlock[] = [
    header(input.initiative.name),
    context(copy.explainer(shown.k, t)),
    section(
      `${copy.todayHeading(shown.nowTakenAt, t)}\n` +
        t('insights.now', {
          active: f(now.listenersActive),
          paused: f(now.listenersPaused),
          pending: f(now.listenersPending),
          total: f(now.listenersTotal),
          waiting: f(now.requestsWaiting),
          pairings: f(now.pairingsActive),
        }) +
        // Circles open today belong with the day's other figures (the same snapshot).
        `\n${t('insights.circles.openNow', { open: f(shown.circles.open) })}`,
    ),
    section(
      `${t('insights.last12Weeks')}\n` +
        WEEKLY_METRICS.map((m) => `${t(copy.METRIC_KEYS[m])}: ${f(shown.totals[m])}`).join('\n') +
        `\n${
          shown.timeToMatch
            ? t('insights.timeToMatch', { median: copy.minutesText(t, shown.timeToMatch.median), p90: copy.minutesText(t, shown.timeToMatch.p90) })
            : t('insights.timeToMatchHidden', { minimum: percentileMinimum(shown.k) })
        }`,
    ),
  ];
  // The day's chart, uploaded once without a channel (so only the app can see the file) and shown here
  // by its id; its alt text says in words what it draws, from the same suppressed figures.
  if (input.chartFileId) blocks.push({ type: 'image', slack_file: { id: input.chartFileId }, alt_text: chartAltText(shown, t), title: { type: 'plain_text', text: t('insights.chartTitle') } } as KnownBlock);
  blocks.push(section(`${t('insights.byWeek')}\n${weeklyTable(t, shown)}`));
  const topicLines = shown.topics.map((topic) => t('insights.topicLine', { topic: escapeMrkdwn(topic.label), demand: f(topic.demand), supply: f(topic.supply) }));
  blocks.push(...sectionsOf([t('insights.byTopic'), ...topicLines]));
  blocks.push(...renderCircles(t, shown));
  blocks.push(divider());
  const buttons: ButtonSpec[] = [{ actionId: InsightsIds.exportButton, text: t('insights.exportButton'), value: input.initiative.id }];
  if (input.isCoordinator) buttons.push({ actionId: InsightsIds.accessLogButton, text: t('insights.accessLogButton'), value: input.initiative.id });
  blocks.push(actions(buttons));
  const metadata: InsightsMetadata = { initiativeId: input.initiative.id };
  return modal({ callbackId: InsightsIds.modal, title: t('insights.title'), close: t('insights.close'), privateMetadata: JSON.stringify(metadata), blocks });
}

/**
 * Circles (issue 20): the 12 weeks' totals, by week and by topic, hidden as every other figure is.
 * An initiative with no circle says so in one line.
 */
function renderCircles(t: Translate, shown: ShownInsights): KnownBlock[] {
  const { circles } = shown;
  if (!circles.any) return [section(`${t('insights.circles.heading')}\n${t('insights.circles.none')}`)];
  const totals = CIRCLE_METRICS.map((m) => `${t(copy.CIRCLE_METRIC_KEYS[m])}: ${formatShown(circles.totals[m])}`);
  const topicLines = circles.byTopic.map((row) =>
    t('insights.circles.topicLine', {
      topic: escapeMrkdwn(row.label),
      opened: formatShown(row.counts.circle_opened),
      joined: formatShown(row.counts.circle_joined),
      held: formatShown(row.counts.circle_session_held),
    }),
  );
  return [
    section([t('insights.circles.heading'), ...totals].join('\n')),
    section(`${t('insights.circles.byWeek')}\n${circlesTable(t, shown)}`),
    ...sectionsOf([t('insights.circles.byTopic'), ...topicLines]),
  ];
}

export function renderAccessLog(initiativeName: string, entries: { viewerId: string; action: string; at: Date }[], t: Translate = english): ModalView {
  const lines =
    entries.length === 0
      ? [t('insights.accessLog.nobody')]
      : entries.map((e) => {
          const values = { user: `<@${e.viewerId}>`, at: e.at.toISOString().slice(0, 16).replace('T', ' ') };
          return e.action === 'export' ? t('insights.accessLog.exported', values) : t('insights.accessLog.viewed', values);
        });
  return modal({
    callbackId: 'insights.access_log_view',
    title: t('insights.accessLog.title'),
    close: t('insights.close'),
    blocks: [section(`*${escapeMrkdwn(initiativeName)}*`), section(lines.join('\n'))],
  });
}
