import { METRIC_LABELS, WEEKLY_METRICS, type ShownInsights } from '../../domain/insights-table.js';
import { formatShown, HIDDEN, percentileMinimum, type Shown } from '../../domain/suppression.js';

// The CSV export: the same aggregates as the view, with the same cells hidden and reading the same
// ("hidden", whichever rule hid them). No names, ids or free text; the only text is our own labels and
// the initiative's topic labels.

function field(text: string): string {
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text; // keep spreadsheets from running formulas
  return /[",\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function renderCsv(shown: ShownInsights, initiative: string): string {
  const rows: string[][] = [['section', 'period', 'measure', 'value']];
  const v = (s: Shown) => formatShown(s);
  const today = 'today';
  const counted = shown.nowTakenAt ? ` (counted at ${shown.nowTakenAt.toISOString().slice(0, 16).replace('T', ' ')} UTC)` : '';
  const nowLabels: [keyof ShownInsights['now'], string][] = [
    ['listenersActive', 'Listeners active'],
    ['listenersPaused', 'Listeners paused'],
    ['listenersPending', 'Listeners waiting for approval'],
    ['listenersTotal', 'Listeners in all'],
    ['requestsWaiting', 'Requests waiting'],
    ['pairingsActive', 'Pairings active'],
  ];
  for (const [key, label] of nowLabels) rows.push(['now', today, label, v(shown.now[key])]);
  for (const m of WEEKLY_METRICS) {
    shown.weeks.forEach((w, i) => rows.push(['weekly', w.toISOString().slice(0, 10), METRIC_LABELS[m], v(shown.weekly[m][i]!)]));
    rows.push(['weekly', 'last 12 weeks', METRIC_LABELS[m], v(shown.totals[m])]);
  }
  rows.push(['weekly', 'last 12 weeks', 'Check-in answers in all', v(shown.checkInsTotal)]);
  const notShown = `not shown below ${percentileMinimum(shown.k)} matches`;
  rows.push(['time to match', 'last 12 weeks', 'Median minutes', shown.timeToMatch ? String(shown.timeToMatch.median) : notShown]);
  rows.push(['time to match', 'last 12 weeks', '90th percentile minutes', shown.timeToMatch ? String(shown.timeToMatch.p90) : notShown]);
  for (const t of shown.topics) {
    rows.push(['topics', 'last 12 weeks', `Requests: ${t.label}`, v(t.demand)]);
    rows.push(['topics', today, `Active listeners: ${t.label}`, v(t.supply)]);
  }
  rows.splice(1, 0, [
    'about',
    '',
    `${initiative}: complete weeks only (Monday to Sunday, UTC); today's figures are counted once a day${counted}; counts from 1 to ${shown.k - 1} are hidden, and so is a second count wherever one could be worked out from a total; every hidden count reads "${HIDDEN}"`,
    '',
  ]);
  return `${rows.map((r) => r.map(field).join(',')).join('\n')}\n`;
}
