import { describe, expect, it } from 'vitest';
import { APP_LOCALES } from '../../../src/domain/app-language.js';
import { buildInsights, OTHER_TOPIC, type RawInsights } from '../../../src/domain/insights-table.js';
import { chartSpec, renderChartPng, weekLabel } from '../../../src/features/insights/chart.js';
import { topicsIn } from '../../../src/features/insights/copy.js';
import { SAMPLE_WEEKS, sampleInsights } from './sample.js';
import { english, translatorFor, type MessageKey } from '../../../src/i18n/translate.js';

// Issue 19: the chart image drawn in the viewer's language: every word in it from the catalogue, the
// weeks written as the viewer's locale writes a date, topics as the coordinators wrote them in that
// language. The same figures in every language.

const weeks = SAMPLE_WEEKS;
const raw: RawInsights = sampleInsights([
  { label: 'Grief', demand: 12, supply: 6 },
  { label: 'Anxiety', demand: 30, supply: 8 },
]);
const shown = buildInsights(raw);

const ENGLISH_WORDS = ['Requests', 'Matched', 'Requests (12 weeks)', 'Active listeners today', 'Week starting', 'Count', 'Complete weeks only', 'What people ask about'];
const CHART_KEYS: MessageKey[] = [
  'insights.chart.subtitle',
  'insights.chart.byWeek',
  'insights.chart.byTopic',
  'insights.chart.weekStarting',
  'insights.chart.count',
  'insights.chart.requests',
  'insights.chart.matched',
  'insights.chart.demand',
  'insights.chart.supply',
];

type Panel = { title: string; data: { values: { week?: string; topic?: string; series: string; count: number }[] }; encoding: Record<string, { title?: string | null; scale?: { domain?: string[] } }> };
const panelsOf = (spec: ReturnType<typeof chartSpec>) => (spec as unknown as { vconcat: Panel[] }).vconcat;

describe('the insights chart in each language', () => {
  it.each(['de', 'es'] as const)('in %s, carries the translated words and the weeks as the locale writes them, and no English series name', (language) => {
    const t = translatorFor(language);
    const spec = chartSpec(shown, 'Kreis Nord', t);
    const [byWeek, byTopic] = panelsOf(spec);
    const json = JSON.stringify(spec);

    expect((spec as { title: { subtitle: string } }).title.subtitle).toBe(t('insights.chart.subtitle'));
    expect(byWeek!.title).toBe(t('insights.chart.byWeek'));
    expect(byTopic!.title).toBe(t('insights.chart.byTopic'));
    expect(byWeek!.encoding.x!.title).toBe(t('insights.chart.weekStarting'));
    expect(byWeek!.encoding.y!.title).toBe(t('insights.chart.count'));
    expect(byTopic!.encoding.x!.title).toBe(t('insights.chart.count'));
    expect(new Set(byWeek!.data.values.map((v) => v.series))).toEqual(new Set([t('insights.chart.requests'), t('insights.chart.matched')]));
    expect(new Set(byTopic!.data.values.map((v) => v.series))).toEqual(new Set([t('insights.chart.demand'), t('insights.chart.supply')]));
    for (const key of CHART_KEYS) expect(json, key).toContain(JSON.stringify(t(key)).slice(1, -1));
    for (const word of ENGLISH_WORDS) expect(json, word).not.toContain(word);

    // Week labels: a short date in the viewer's locale, in the weeks' order, never ISO.
    const domain = byWeek!.encoding.x!.scale!.domain!;
    const locale = new Intl.DateTimeFormat(APP_LOCALES[language], { day: 'numeric', month: 'short', timeZone: 'UTC' });
    expect(domain).toEqual(weeks.map((w) => locale.format(w)));
    expect(domain).toEqual(weeks.map((w) => weekLabel(w, t)));
    expect(new Set(domain).size).toBe(12);
    expect(json).not.toMatch(/\d{4}-\d\d-\d\d/);
    for (const v of byWeek!.data.values) expect(domain).toContain(v.week);
  });

  it('writes the weeks as German and Spanish readers write a date', () => {
    expect(weekLabel(weeks[0]!, translatorFor('de'))).toMatch(/^7\. Sep/);
    expect(weekLabel(weeks[0]!, translatorFor('es'))).toMatch(/^7 sept?/);
    expect(weekLabel(weeks[11]!, translatorFor('de'))).toBe('23. Nov.');
  });

  it('draws the same figures in every language, and keeps the series in the same order and colours', () => {
    const counts = (language: 'en' | 'de' | 'es') =>
      panelsOf(chartSpec(shown, 'Kreis Nord', translatorFor(language))).map((p) => p.data.values.map((v) => v.count));
    expect(counts('de')).toEqual(counts('en'));
    expect(counts('es')).toEqual(counts('en'));
    const de = translatorFor('de');
    const [byWeek] = panelsOf(chartSpec(shown, 'Kreis Nord', de));
    expect(byWeek!.encoding.color!.scale!.domain).toEqual([de('insights.chart.matched'), de('insights.chart.requests')]);
    const [englishWeek] = panelsOf(chartSpec(shown, 'Kreis Nord', english));
    expect(englishWeek!.encoding.color!.scale!.domain).toEqual(['Matched', 'Requests']);
  });

  it("names topics as the coordinators wrote them in the viewer's language, and a removed topic in its words", () => {
    const texts = JSON.stringify({ de: { topics: { Grief: 'Trauer' } }, es: { topics: { Grief: 'Duelo', Anxiety: 'Ansiedad' } } });
    const withOther = buildInsights({ ...raw, topics: [...raw.topics, { label: OTHER_TOPIC, demand: 5, supply: 0 }] });
    const de = translatorFor('de');
    const german = topicsIn(withOther, { texts }, de);
    expect(german.topics.map((t) => t.label)).toEqual(['Trauer', 'Anxiety', de('insights.otherTopic')]);
    expect(german.topics.map((t) => [t.demand, t.supply])).toEqual(withOther.topics.map((t) => [t.demand, t.supply]));
    const [, byTopic] = panelsOf(chartSpec(german, 'Kreis Nord', de));
    expect(new Set(byTopic!.data.values.map((v) => v.topic))).toEqual(new Set(['Trauer', 'Anxiety', de('insights.otherTopic')]));
    expect(topicsIn(withOther, { texts }, translatorFor('es')).topics.map((t) => t.label)).toEqual(['Duelo', 'Ansiedad', translatorFor('es')('insights.otherTopic')]);
    expect(topicsIn(withOther, { texts }, english).topics.map((t) => t.label)).toEqual(['Grief', 'Anxiety', OTHER_TOPIC]);
  });

  it('renders a PNG in German', async () => {
    const png = await renderChartPng(shown, 'Kreis Nord', translatorFor('de'));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.length).toBeGreaterThan(1000);
  });
});
