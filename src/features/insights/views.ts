import type { KnownBlock, ModalView } from '@slack/types';
import { METRIC_LABELS, WEEKLY_METRICS, type ShownInsights } from '../../domain/insights-table.js';
import { formatShown, percentileMinimum, type Shown } from '../../domain/suppression.js';
import { actions, context, divider, escapeMrkdwn, header, LIMITS, modal, section, type ButtonSpec } from '../common/blocks.js';
import { chartAltText } from './alt-text.js';
import * as copy from './copy.js';
import { InsightsIds } from './ids.js';

const SHORT: Record<(typeof WEEKLY_METRICS)[number], string> = {
  request_opened: 'Opened',
  request_matched: 'Matched',
  request_withdrawn: 'Withdrawn',
  pairing_ended: 'Ended',
  checkin_helpful: 'Helpful',
  checkin_not_yet: 'Not yet',
  checkin_someone_else: 'Else',
  checkin_end: 'End',
  ending_helped: 'Helped',
  ending_not_helped: 'Not really',
};

function minutesText(m: number): string {
  if (m < 90) return `${m} min`;
  if (m < 48 * 60) return `${(m / 60).toFixed(1)} h`;
  return `${(m / 1440).toFixed(1)} days`;
}

/** The weekly table as monospaced text; a hidden cell reads as it does everywhere else. */
function weeklyTable(shown: ShownInsights): string {
  const cell = (s: Shown) => formatShown(s);
  const metrics = WEEKLY_METRICS;
  const head = ['Week', ...metrics.map((m) => SHORT[m])];
  const lines = shown.weeks.map((w, i) => [w.toISOString().slice(5, 10), ...metrics.map((m) => cell(shown.weekly[m][i]!))]);
  lines.push(['12 wk', ...metrics.map((m) => cell(shown.totals[m]))]);
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

export function renderInsights(input: {
  initiative: { id: string; name: string };
  shown: ShownInsights;
  chartFileId: string | null;
  isCoordinator: boolean;
}): ModalView {
  const { shown } = input;
  const f = (s: Shown) => formatShown(s);
  const blocks: KnownBlock[] = [
    header(input.initiative.name),
    context(copy.explainer(shown.k)),
    section(
      `${copy.todayHeading(shown.nowTakenAt)}\nListeners active: ${f(shown.now.listenersActive)}, paused: ${f(shown.now.listenersPaused)}, waiting for approval: ${f(shown.now.listenersPending)} (in all: ${f(shown.now.listenersTotal)})\n` +
        `Requests waiting for a listener: ${f(shown.now.requestsWaiting)}\nPairings active: ${f(shown.now.pairingsActive)}`,
    ),
    section(
      `*Last 12 weeks*\n` +
        WEEKLY_METRICS.map((m) => `${METRIC_LABELS[m]}: ${f(shown.totals[m])}`).join('\n') +
        `\nTime to match: ${shown.timeToMatch ? `median ${minutesText(shown.timeToMatch.median)}, 90th percentile ${minutesText(shown.timeToMatch.p90)}` : copy.timeToMatchHidden(percentileMinimum(shown.k))}`,
    ),
  ];
  // The day's chart, uploaded once without a channel (so only the app can see the file) and shown here
  // by its id; its alt text says in words what it draws, from the same suppressed figures.
  if (input.chartFileId) blocks.push({ type: 'image', slack_file: { id: input.chartFileId }, alt_text: chartAltText(shown), title: { type: 'plain_text', text: copy.CHART_TITLE } } as KnownBlock);
  blocks.push(section(`*By week*\n${weeklyTable(shown)}`));
  const topicLines = shown.topics.map((t) => `• ${escapeMrkdwn(t.label)}: requests ${f(t.demand)}, active listeners ${f(t.supply)}`);
  blocks.push(...sectionsOf(['*Demand and supply by topic* (requests over the 12 weeks, active listeners today)', ...topicLines]));
  blocks.push(divider());
  const buttons: ButtonSpec[] = [{ actionId: InsightsIds.exportButton, text: 'Export CSV', value: input.initiative.id }];
  if (input.isCoordinator) buttons.push({ actionId: InsightsIds.accessLogButton, text: 'Who viewed insights', value: input.initiative.id });
  blocks.push(actions(buttons));
  const metadata: InsightsMetadata = { initiativeId: input.initiative.id };
  return modal({ callbackId: InsightsIds.modal, title: copy.TITLE, close: 'Close', privateMetadata: JSON.stringify(metadata), blocks });
}

export function renderAccessLog(initiativeName: string, entries: { viewerId: string; action: string; at: Date }[]): ModalView {
  const lines = entries.length === 0 ? ['Nobody has viewed the insights yet.'] : entries.map((e) => `• <@${e.viewerId}> ${e.action === 'export' ? 'exported' : 'viewed'} on ${e.at.toISOString().slice(0, 16).replace('T', ' ')} UTC`);
  return modal({ callbackId: 'insights.access_log_view', title: 'Insights access', close: 'Close', blocks: [section(`*${escapeMrkdwn(initiativeName)}*`), section(lines.join('\n'))] });
}
