import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildInsights } from '../../../src/domain/insights-table.js';
import { dayStart, weekStart } from '../../../src/domain/weeks.js';
import { topicsIn } from '../../../src/features/insights/copy.js';
import { renderCsv } from '../../../src/features/insights/csv.js';
import { countNowFigures, loadDailyInsights } from '../../../src/features/insights/service.js';
import { renderInsights } from '../../../src/features/insights/views.js';
import { english, translatorFor } from '../../../src/i18n/translate.js';
import { openTestDatabase, TEST_PROVIDERS } from '../../support/databases.js';
import { makeInitiative } from '../../support/factories.js';

// Circles in insights (issue 20) on real databases: circles opened, members joined and sessions held by
// week and topic from the anonymous counters, circles open today in the day's snapshot, every figure
// with the same suppression as the rest (k = 5 here), in the view and the CSV alike.

const MORNING = new Date('2026-03-04T09:00:00Z'); // a Wednesday
const LAST_WEEK = new Date('2026-02-25T10:00:00Z');

describe.each(TEST_PROVIDERS)('circles in insights on %s', (provider) => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  const db = () => database.db;

  beforeAll(async () => {
    database = await openTestDatabase(provider, inject('templates'));
  });
  afterAll(async () => {
    await database?.drop();
  });

  async function count(initiativeId: string, metric: string, topicId: string, n: number) {
    await db().anonymousCount.create({ data: { initiativeId, metric, weekStart: weekStart(LAST_WEEK), topicId, count: n } });
  }

  async function circle(initiativeId: string, status: 'open' | 'closed', topicId: string | null = null) {
    await db().circle.create({
      data: {
        initiativeId,
        topicId,
        description: 'A circle',
        capacity: 8,
        cadence: 'weekly',
        weekday: 2,
        localTime: '12:00',
        timezone: 'Europe/London',
        firstSessionAt: LAST_WEEK,
        prompt: 'How was your week?',
        guidelines: 'Be kind.',
        status,
        createdBy: 'UCREATOR',
        createdAt: LAST_WEEK,
      },
    });
  }

  it('shows the figures by week and topic, hides those under k in the view and the CSV alike, and counts circles open today', async () => {
    const initiative = await makeInitiative(db(), { topics: ['Caring', 'Grief'] });
    const caring = initiative.topics[0]!;
    const grief = initiative.topics[1]!;
    await count(initiative.id, 'circle_opened', caring.id, 5);
    await count(initiative.id, 'circle_opened', '', 1);
    await count(initiative.id, 'circle_joined', caring.id, 12);
    await count(initiative.id, 'circle_session_held', grief.id, 2);
    // Two open, one closed: two open today, under k.
    await circle(initiative.id, 'open', caring.id);
    await circle(initiative.id, 'open');
    await circle(initiative.id, 'closed', grief.id);

    const { raw } = await loadDailyInsights(db(), initiative, MORNING);
    expect(raw.circles!.open).toBe(2);
    expect(raw.circles!.weekly.circle_joined.at(-1)).toBe(12);
    expect(raw.circles!.byTopic.map((row) => [row.label, row.counts.circle_opened])).toEqual([
      ['Caring', 5],
      ['Grief', 0],
      ['Open to all topics', 1],
    ]);

    const shown = topicsIn(buildInsights(raw), initiative, english);
    const view = renderInsights({ initiative, shown, chartFileId: null, isCoordinator: true });
    const texts = view.blocks.map((b) => (b as { text?: { text?: string } }).text?.text ?? '');
    expect(texts.find((t) => t.startsWith('*Today*'))).toContain('Circles open: hidden');
    const totals = texts.find((t) => t.startsWith('*Circles* '))!;
    expect(totals).toContain('Circles opened: 6');
    expect(totals).toContain('Members joined: 12');
    expect(totals).toContain('Sessions held: hidden');
    const byTopic = texts.find((t) => t.startsWith('*Circles by topic*'))!;
    expect(byTopic).toContain('• Open to all topics: circles opened hidden');
    expect(byTopic).toContain('members joined 12');
    // Every sessions-held figure by topic reads hidden, Caring's zero too: two sessions in all.
    expect(byTopic.match(/sessions held hidden/g)).toHaveLength(3);
    const byWeek = texts.find((t) => t.startsWith('*Circles by week*'))!;
    expect(byWeek).toContain('```');
    // No count from 1 to k-1 anywhere in the circles' figures.
    for (const text of [totals, byTopic, byWeek.replace(/\d\d-\d\d/g, '').replace('12 wk', '')]) expect(text).not.toMatch(/\b[1-4]\b/);

    const csv = renderCsv(shown, initiative.name, english);
    expect(csv).toContain('now,today,Circles open,hidden');
    expect(csv).toContain(`circles,${weekStart(LAST_WEEK).toISOString().slice(0, 10)},Members joined,12`);
    expect(csv).toContain('circles,last 12 weeks,Circles opened,6');
    expect(csv).toContain('circles,last 12 weeks,Circles opened: Open to all topics,hidden');
    expect(csv).toContain('circles,last 12 weeks,Sessions held: Caring,hidden');
    expect(csv).toContain('circles,last 12 weeks,Members joined: Caring,12');

    // The same figures in German, worded in German.
    const de = translatorFor('de');
    const german = renderInsights({ initiative, shown: topicsIn(buildInsights(raw), initiative, de), chartFileId: null, isCoordinator: false, t: de });
    expect(JSON.stringify(german.blocks)).toContain('Offen für alle Themen: Kreise eröffnet hidden');
  });

  it('says there are no circles for an initiative without any', async () => {
    const initiative = await makeInitiative(db());
    const shown = buildInsights((await loadDailyInsights(db(), initiative, MORNING)).raw);
    const view = renderInsights({ initiative, shown, chartFileId: null, isCoordinator: false });
    expect(JSON.stringify(view.blocks)).toContain('No circles in these weeks.');
    expect(JSON.stringify(view.blocks)).toContain('Circles open: 0');
  });

  it('reads a snapshot taken before circles existed as none open then', async () => {
    const initiative = await makeInitiative(db());
    await circle(initiative.id, 'open');
    const { circlesOpen: _, ...before } = await countNowFigures(db(), initiative, MORNING);
    await db().insightsSnapshot.create({ data: { initiativeId: initiative.id, day: dayStart(MORNING), figures: JSON.stringify(before), createdAt: MORNING } });
    const { raw } = await loadDailyInsights(db(), initiative, MORNING);
    expect(raw.circles!.open).toBe(0);
    // Tomorrow's snapshot counts it.
    const tomorrow = await loadDailyInsights(db(), initiative, new Date(MORNING.getTime() + 86_400_000));
    expect(tomorrow.raw.circles!.open).toBe(1);
  });
});
