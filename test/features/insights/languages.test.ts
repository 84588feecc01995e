import { describe, expect, it } from 'vitest';
import { APP_LANGUAGES } from '../../../src/domain/app-language.js';
import { buildInsights, type RawInsights } from '../../../src/domain/insights-table.js';
import { HIDDEN } from '../../../src/domain/suppression.js';
import { chartAltText } from '../../../src/features/insights/alt-text.js';
import { METRIC_KEYS } from '../../../src/features/insights/copy.js';
import { renderCsv } from '../../../src/features/insights/csv.js';
import { renderAccessLog, renderInsights } from '../../../src/features/insights/views.js';
import { sampleInsights } from './sample.js';
import { english, translatorFor } from '../../../src/i18n/translate.js';

// Issue 19: the insights, their CSV headers and the chart's alt text in the viewer's language, with the
// same figures and the same hidden mark in every language (a view and an export can be compared).

const raw: RawInsights = sampleInsights([
  { label: 'Trauer', demand: 12, supply: 2 },
  { label: 'Angst', demand: 30, supply: 8 },
]);
const shown = buildInsights(raw);
const text = (view: { blocks: unknown[] }) => JSON.stringify(view.blocks);

describe('insights in each language', () => {
  it('words the view, the table and the buttons in German, with the same figures as in English', () => {
    const de = translatorFor('de');
    const german = renderInsights({ initiative: { id: 'i1', name: 'Kreis Nord' }, shown, chartFileId: 'F0CHART001', isCoordinator: true, t: de });
    expect(german.title.text).toBe(de('insights.title'));
    expect(text(german)).toContain(de('insights.last12Weeks'));
    expect(text(german)).toContain(`${de(METRIC_KEYS.request_opened)}: `);
    expect(text(german)).toContain(de('insights.exportButton'));
    expect(text(german)).not.toContain('Requests opened');
    // The same hidden mark and counts in both languages.
    const englishView = renderInsights({ initiative: { id: 'i1', name: 'Kreis Nord' }, shown, chartFileId: null, isCoordinator: false });
    const counts = (s: string) => (s.match(new RegExp(`: (\\d+|${HIDDEN})`, 'g')) ?? []).length;
    expect(counts(text(german))).toBeGreaterThan(0);
    expect(text(englishView)).toContain(english(METRIC_KEYS.request_opened));
  });

  it('writes the CSV headers, sections and measures in the viewer\'s language', () => {
    for (const language of APP_LANGUAGES) {
      const t = translatorFor(language);
      const [header, about] = renderCsv(shown, 'Kreis Nord', t).split('\n');
      expect(header, language).toBe([t('insights.csv.section'), t('insights.csv.period'), t('insights.csv.measure'), t('insights.csv.value')].join(','));
      expect(about, language).toContain(HIDDEN);
    }
    const csv = renderCsv(shown, 'Kreis Nord', translatorFor('es'));
    expect(csv).toContain(`Solicitudes: Angst`);
    expect(csv).not.toContain('Requests opened');
  });

  it("describes the chart and lists who looked in the viewer's language", () => {
    const es = translatorFor('es');
    expect(chartAltText(shown, es)).toContain('Gráficos de barras');
    const log = renderAccessLog('Kreis Nord', [{ viewerId: 'U0HRVIEW01', action: 'export', at: new Date('2026-12-01T09:30:00Z') }], translatorFor('de'));
    expect(text(log)).toContain('<@U0HRVIEW01> hat sie am 2026-12-01 09:30 UTC exportiert');
  });
});
