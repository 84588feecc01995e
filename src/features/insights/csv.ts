import { CIRCLE_METRICS, WEEKLY_METRICS, type ShownInsights } from '../../domain/insights-table.js';
import { formatShown, HIDDEN, percentileMinimum, type Shown } from '../../domain/suppression.js';
import { english, type MessageKey, type Translate } from '../../i18n/translate.js';
import { CIRCLE_METRIC_KEYS, METRIC_KEYS } from './copy.js';

// The CSV export: the same aggregates as the view, with the same cells hidden and reading the same
// ("hidden", whichever rule hid them). No names, ids or free text; the only text is our own labels and
// the initiative's topic labels. Headers and labels in the viewer's language (issue 19).

function field(text: string): string {
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text; // keep spreadsheets from running formulas
  return /[",\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const NOW_KEYS: [keyof ShownInsights['now'], MessageKey][] = [
  ['listenersActive', 'insights.csv.listenersActive'],
  ['listenersPaused', 'insights.csv.listenersPaused'],
  ['listenersPending', 'insights.csv.listenersPending'],
  ['listenersTotal', 'insights.csv.listenersTotal'],
  ['requestsWaiting', 'insights.csv.requestsWaiting'],
  ['pairingsActive', 'insights.csv.pairingsActive'],
];

export function renderCsv(shown: ShownInsights, initiative: string, t: Translate = english): string {
  const rows: string[][] = [[t('insights.csv.section'), t('insights.csv.period'), t('insights.csv.measure'), t('insights.csv.value')]];
  const v = (s: Shown) => formatShown(s);
  const today = t('insights.csv.today');
  const weekly = t('insights.csv.weekly');
  const last12 = t('insights.csv.last12Weeks');
  const counted = shown.nowTakenAt ? t('insights.csv.counted', { at: shown.nowTakenAt.toISOString().slice(0, 16).replace('T', ' ') }) : '';
  for (const [key, label] of NOW_KEYS) rows.push([t('insights.csv.now'), today, t(label), v(shown.now[key])]);
  rows.push([t('insights.csv.now'), today, t('insights.circles.csv.open'), v(shown.circles.open)]);
  for (const m of WEEKLY_METRICS) {
    shown.weeks.forEach((w, i) => rows.push([weekly, w.toISOString().slice(0, 10), t(METRIC_KEYS[m]), v(shown.weekly[m][i]!)]));
    rows.push([weekly, last12, t(METRIC_KEYS[m]), v(shown.totals[m])]);
  }
  rows.push([weekly, last12, t('insights.csv.checkInsTotal'), v(shown.checkInsTotal)]);
  const notShown = t('insights.csv.notShown', { minimum: percentileMinimum(shown.k) });
  const toMatch = t('insights.csv.timeToMatch');
  rows.push([toMatch, last12, t('insights.csv.medianMinutes'), shown.timeToMatch ? String(shown.timeToMatch.median) : notShown]);
  rows.push([toMatch, last12, t('insights.csv.p90Minutes'), shown.timeToMatch ? String(shown.timeToMatch.p90) : notShown]);
  for (const topic of shown.topics) {
    rows.push([t('insights.csv.topics'), last12, t('insights.csv.requests', { topic: topic.label }), v(topic.demand)]);
    rows.push([t('insights.csv.topics'), today, t('insights.csv.activeListeners', { topic: topic.label }), v(topic.supply)]);
  }
  // Circles (issue 20): by week as the weekly measures are, then by topic, in a section of their own.
  const circles = t('insights.circles.csv.section');
  for (const m of CIRCLE_METRICS) {
    shown.weeks.forEach((w, i) => rows.push([circles, w.toISOString().slice(0, 10), t(CIRCLE_METRIC_KEYS[m]), v(shown.circles.weekly[m][i]!)]));
    rows.push([circles, last12, t(CIRCLE_METRIC_KEYS[m]), v(shown.circles.totals[m])]);
  }
  for (const row of shown.circles.byTopic) {
    for (const m of CIRCLE_METRICS) rows.push([circles, last12, t('insights.circles.csv.byTopic', { measure: t(CIRCLE_METRIC_KEYS[m]), topic: row.label }), v(row.counts[m])]);
  }
  rows.splice(1, 0, [t('insights.csv.about'), '', t('insights.csv.explainer', { initiative, counted, below: shown.k - 1, hidden: HIDDEN }), '']);
  return `${rows.map((r) => r.map(field).join(',')).join('\n')}\n`;
}
