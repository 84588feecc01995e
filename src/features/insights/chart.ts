import { Resvg } from '@resvg/resvg-js';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { APP_LOCALES } from '../../domain/app-language.js';
import type { ShownInsights } from '../../domain/insights-table.js';
import type { Translate } from '../../i18n/translate.js';

// The chart people would rather look at than read: weekly requests and matches, and demand against
// supply by topic. Vega-Lite draws SVG without a browser; resvg turns it into a PNG. Only cells that
// survived suppression are plotted; a hidden cell is left out, never drawn to scale, whichever rule hid
// it. One chart is drawn per initiative, day and language, and reused by every view that day in that
// language (listeners.ts); its alt text is written from the same figures (alt-text.ts). Every word in
// it comes from `t` (issue 19); topic labels come as the caller gives them (in the viewer's language).

/** A week's first day as the viewer's locale writes a short date ("2 Mar", "2. März", "2 mar"). */
export function weekLabel(week: Date, t: Translate): string {
  return new Intl.DateTimeFormat(APP_LOCALES[t.language], { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(week);
}

export function chartSpec(shown: ShownInsights, title: string, t: Translate): TopLevelSpec {
  // Twelve consecutive Mondays: day and month alone tell them apart; the axis's domain keeps their order.
  const weeks = shown.weeks.map((w) => weekLabel(w, t));
  const series = { request_opened: t('insights.chart.requests'), request_matched: t('insights.chart.matched') } as const;
  const weekly = shown.weeks.flatMap((_, i) =>
    (['request_opened', 'request_matched'] as const).flatMap((m) => {
      const cell = shown.weekly[m][i]!;
      return cell.kind === 'count' ? [{ week: weeks[i]!, series: series[m], count: cell.value }] : [];
    }),
  );
  const demand = t('insights.chart.demand');
  const supply = t('insights.chart.supply');
  const topics = shown.topics.flatMap((topic) => [
    ...(topic.demand.kind === 'count' ? [{ topic: topic.label, series: demand, count: topic.demand.value }] : []),
    ...(topic.supply.kind === 'count' ? [{ topic: topic.label, series: supply, count: topic.supply.value }] : []),
  ]);
  const count = t('insights.chart.count');
  const weeklySeries = [series.request_matched, series.request_opened];
  const topicSeries = [supply, demand];
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: title, subtitle: t('insights.chart.subtitle') },
    // Room for the longer words of German and Spanish in the legends and for topic labels, not cut short at Vega's defaults.
    config: { font: 'DejaVu Sans', view: { stroke: null }, legend: { labelLimit: 300 }, axis: { labelLimit: 300 } },
    // Each panel has its own series; a shared colour scale would give one legend with two series per colour.
    resolve: { scale: { color: 'independent' }, legend: { color: 'independent' } },
    vconcat: [
      {
        title: t('insights.chart.byWeek'),
        width: 560,
        height: 180,
        data: { values: weekly },
        mark: { type: 'bar' },
        encoding: {
          // Every week keeps its place on the axis, even one whose counts are all suppressed or zero.
          x: { field: 'week', type: 'ordinal', title: t('insights.chart.weekStarting'), scale: { domain: weeks } },
          // Series in a fixed order and colour, as the English names sort, whatever they are called in this language.
          xOffset: { field: 'series', sort: weeklySeries },
          y: { field: 'count', type: 'quantitative', title: count, axis: { tickMinStep: 1 } },
          color: { field: 'series', title: null, scale: { domain: weeklySeries, range: ['#2c5f5d', '#e07a5f'] } },
        },
      },
      {
        title: t('insights.chart.byTopic'),
        width: 560,
        height: { step: 14 },
        data: { values: topics },
        mark: { type: 'bar' },
        encoding: {
          y: { field: 'topic', type: 'nominal', title: null },
          yOffset: { field: 'series', sort: topicSeries },
          x: { field: 'count', type: 'quantitative', title: count, axis: { tickMinStep: 1 } },
          color: { field: 'series', title: null, scale: { domain: topicSeries, range: ['#81b29a', '#3d405b'] } },
        },
      },
    ],
  } as TopLevelSpec;
}

export async function renderChartPng(shown: ShownInsights, title: string, t: Translate): Promise<Buffer> {
  const view = new vega.View(vega.parse(compile(chartSpec(shown, title, t)).spec), { renderer: 'none' });
  const svg = await view.toSVG();
  view.finalize();
  return new Resvg(svg, {
    background: 'white',
    fitTo: { mode: 'zoom', value: 2 },
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' },
  })
    .render()
    .asPng();
}
