import { Resvg } from '@resvg/resvg-js';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import type { ShownInsights } from '../../domain/insights-table.js';

// The chart people would rather look at than read: weekly requests and matches, and demand against
// supply by topic. Vega-Lite draws SVG without a browser; resvg turns it into a PNG. Only cells that
// survived suppression are plotted; a hidden cell is left out, never drawn to scale, whichever rule hid
// it. One chart is drawn per initiative and day and reused by every view that day (listeners.ts); its
// alt text is written from the same figures (alt-text.ts).

const day = (d: Date) => d.toISOString().slice(0, 10);

export function chartSpec(shown: ShownInsights, title: string): TopLevelSpec {
  const weekly = shown.weeks.flatMap((w, i) =>
    (['request_opened', 'request_matched'] as const).flatMap((m) => {
      const cell = shown.weekly[m][i]!;
      return cell.kind === 'count' ? [{ week: day(w), series: m === 'request_opened' ? 'Requests' : 'Matched', count: cell.value }] : [];
    }),
  );
  const topics = shown.topics.flatMap((t) => [
    ...(t.demand.kind === 'count' ? [{ topic: t.label, series: 'Requests (12 weeks)', count: t.demand.value }] : []),
    ...(t.supply.kind === 'count' ? [{ topic: t.label, series: 'Active listeners today', count: t.supply.value }] : []),
  ]);
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: title, subtitle: 'Complete weeks only (Monday to Sunday, UTC). Hidden counts are not drawn.' },
    config: { font: 'DejaVu Sans', view: { stroke: null } },
    // Each panel has its own series; a shared colour scale would give one legend with two series per colour.
    resolve: { scale: { color: 'independent' }, legend: { color: 'independent' } },
    vconcat: [
      {
        title: 'Requests and matches by complete week',
        width: 560,
        height: 180,
        data: { values: weekly },
        mark: { type: 'bar' },
        encoding: {
          // Every week keeps its place on the axis, even one whose counts are all suppressed or zero.
          x: { field: 'week', type: 'ordinal', title: 'Week starting', scale: { domain: shown.weeks.map(day) } },
          xOffset: { field: 'series' },
          y: { field: 'count', type: 'quantitative', title: 'Count', axis: { tickMinStep: 1 } },
          color: { field: 'series', title: null, scale: { range: ['#2c5f5d', '#e07a5f'] } },
        },
      },
      {
        title: 'What people ask about, and who can listen',
        width: 560,
        height: { step: 14 },
        data: { values: topics },
        mark: { type: 'bar' },
        encoding: {
          y: { field: 'topic', type: 'nominal', title: null },
          yOffset: { field: 'series' },
          x: { field: 'count', type: 'quantitative', title: 'Count', axis: { tickMinStep: 1 } },
          color: { field: 'series', title: null, scale: { range: ['#81b29a', '#3d405b'] } },
        },
      },
    ],
  } as TopLevelSpec;
}

export async function renderChartPng(shown: ShownInsights, title: string): Promise<Buffer> {
  const view = new vega.View(vega.parse(compile(chartSpec(shown, title)).spec), { renderer: 'none' });
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
