import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildInsights, WEEKLY_METRICS, type RawInsights } from '../../src/domain/insights-table.js';
import { formatShown, HIDDEN, percentiles, percentilesFromCounts, suppress, type Group, type Shown } from '../../src/domain/suppression.js';

const value = (s: Shown | undefined) => (s?.kind === 'count' ? s.value : null);

describe('suppress', () => {
  it('shows counts of 0 and of k or more, and hides 1 to k-1', () => {
    const out = suppress(new Map([['a', 0], ['b', 1], ['c', 4], ['d', 5], ['e', 40]]), [], 5);
    expect([...out.values()].map((s) => (s.kind === 'count' ? s.value : 'x'))).toEqual([0, 'x', 'x', 5, 40]);
    expect(formatShown(out.get('c')!)).toBe(HIDDEN);
  });

  it('never uses k below 3', () => {
    const out = suppress(new Map([['a', 2], ['b', 3]]), [], 1);
    expect(out.get('a')).toEqual({ kind: 'suppressed' });
    expect(value(out.get('b'))).toBe(3);
  });

  it('hides a second cell so a hidden one cannot be worked out from the total', () => {
    const cells = new Map([['total', 20], ['w1', 2], ['w2', 8], ['w3', 10]]);
    const out = suppress(cells, [{ total: 'total', parts: ['w1', 'w2', 'w3'] }], 5);
    expect(out.get('w1')).toEqual({ kind: 'suppressed' });
    expect(out.get('w2')).toEqual({ kind: 'suppressed' }); // smallest that brings the hidden sum to k
    expect(value(out.get('w3'))).toBe(10);
    expect(value(out.get('total'))).toBe(20);
  });

  it('hides a whole breakdown of fewer than k people', () => {
    const cells = new Map([['total', 4], ['a', 4], ['b', 0]]);
    const out = suppress(cells, [{ total: 'total', parts: ['a', 'b'] }], 5);
    expect(out.get('total')).toEqual({ kind: 'suppressed' });
    expect(out.get('a')).toEqual({ kind: 'suppressed' });
  });

  it('DESIGN.md invariant 4: a cell hidden only to protect another reads exactly as a small count does', () => {
    // 4 requests in one week and 9 in the other, 13 shown in all: the 4 is hidden, and the 9 with it, or
    // 13 - 9 would give it away. Labelling both "fewer than 5" was false for the 9, and anyone adding
    // up the labels against the 13 could tell there was a protecting cell; both now read alike.
    const cells = new Map([['opened:w1', 4], ['opened:w2', 9], ['opened:total', 13]]);
    const out = suppress(cells, [{ total: 'opened:total', parts: ['opened:w1', 'opened:w2'] }], 5);
    expect(out.get('opened:w1')).toEqual(out.get('opened:w2'));
    expect(formatShown(out.get('opened:w1')!)).toBe(HIDDEN);
    expect(formatShown(out.get('opened:w2')!)).toBe(HIDDEN);
    expect(formatShown(out.get('opened:total')!)).toBe('13');
  });

  it('follows a hidden total into the group where it is a part', () => {
    // The topic total is part of the grand total; hiding it must not let it be subtracted out there.
    const cells = new Map([['grand', 30], ['t1', 10], ['t2', 20], ['t1a', 2], ['t1b', 8]]);
    const groups: Group[] = [
      { total: 'grand', parts: ['t1', 't2'] },
      { total: 't1', parts: ['t1a', 't1b'] },
    ];
    const out = suppress(cells, groups, 5);
    for (const g of groups) {
      const hiddenCount = [g.total, ...g.parts].filter((m) => out.get(m)!.kind === 'suppressed').length;
      expect(hiddenCount).not.toBe(1);
    }
  });
});

/** Random tables: a row of parts per group with its total, and nested groups sharing cells. */
const table = fc
  .record({
    k: fc.integer({ min: 1, max: 10 }),
    rows: fc.array(fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 6 }),
  })
  .map(({ k, rows }) => {
    const cells = new Map<string, number>();
    const groups: Group[] = [];
    const rowTotals: string[] = [];
    rows.forEach((row, r) => {
      const parts = row.map((v, c) => {
        cells.set(`r${r}c${c}`, v);
        return `r${r}c${c}`;
      });
      cells.set(`r${r}`, row.reduce((a, b) => a + b, 0));
      rowTotals.push(`r${r}`);
      groups.push({ total: `r${r}`, parts });
    });
    // Column groups where rows are the same width, and a grand total over the row totals.
    const width = Math.min(...rows.map((r) => r.length));
    for (let c = 0; c < width; c++) {
      const parts = rows.map((_, r) => `r${r}c${c}`);
      cells.set(`c${c}`, rows.reduce((sum, row) => sum + row[c]!, 0));
      groups.push({ total: `c${c}`, parts });
    }
    cells.set('grand', [...rowTotals].reduce((sum, id) => sum + cells.get(id)!, 0));
    groups.push({ total: 'grand', parts: rowTotals });
    return { k, cells, groups };
  });

describe('suppress (property-based)', () => {
  it('never shows a count from 1 to k-1', () => {
    fc.assert(
      fc.property(table, ({ k, cells, groups }) => {
        const threshold = Math.max(3, k);
        for (const shown of suppress(cells, groups, k).values()) {
          if (shown.kind === 'count') expect(shown.value === 0 || shown.value >= threshold).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('never leaves a hidden cell recoverable by subtracting visible cells from a visible total', () => {
    fc.assert(
      fc.property(table, ({ k, cells, groups }) => {
        const out = suppress(cells, groups, k);
        for (const g of groups) {
          const hiddenMembers = [g.total, ...g.parts].filter((m) => out.get(m)!.kind === 'suppressed');
          expect(hiddenMembers.length).not.toBe(1);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('percentiles', () => {
  it('gives the median and 90th percentile only from 2k values on', () => {
    expect(percentiles([1, 2, 3, 4], 5)).toBeNull();
    // k values were enough before issue 13: with 5, one person's wait was the median.
    expect(percentiles([10, 20, 30, 40, 50, 60, 70, 80, 90], 5)).toBeNull();
    expect(percentiles([10, 20, 30, 40, 50, 60, 70, 80, 90, 100], 5)).toEqual({ median: 50, p90: 90 });
    expect(percentilesFromCounts([{ minutes: 5, count: 9 }], 5)).toBeNull();
    expect(percentilesFromCounts([{ minutes: 5, count: 4 }, { minutes: 50, count: 6 }], 5)).toEqual({ median: 50, p90: 50 });
    // Never below 2 x 3, whatever the initiative's k.
    expect(percentiles([1, 2, 3, 4, 5], 1)).toBeNull();
    expect(percentiles([1, 2, 3, 4, 5, 6], 1)).not.toBeNull();
  });
});

describe('buildInsights', () => {
  const raw = (demand: number[], k = 5): RawInsights => ({
    k,
    weeks: [new Date('2026-03-02T00:00:00Z')],
    weekly: Object.fromEntries(WEEKLY_METRICS.map((m) => [m, [m === 'request_opened' ? demand.reduce((a, b) => a + b, 0) : 0]])) as RawInsights['weekly'],
    now: { listenersActive: 7, listenersPaused: 0, listenersPending: 0, requestsWaiting: 0, pairingsActive: 0 },
    matchMinutes: [{ minutes: 30, count: 9 }],
    topics: demand.map((d, i) => ({ label: `Topic ${i}`, demand: d, supply: 7 })),
  });

  it('hides every topic\'s demand, zeros included, when fewer than k requests were made in all', () => {
    const shown = buildInsights(raw([3, 0, 0]));
    expect(shown.topicsHidden).toBe(true);
    // A zero beside one hidden topic would say which topic those 3 people asked about.
    expect(shown.topics.map((t) => formatShown(t.demand))).toEqual([HIDDEN, HIDDEN, HIDDEN]);
    expect(shown.topics.map((t) => formatShown(t.supply))).toEqual(['7', '7', '7']);
  });

  it('shows no time to match below 2k matches (9 with k = 5)', () => {
    expect(buildInsights(raw([9])).timeToMatch).toBeNull();
    expect(buildInsights({ ...raw([9]), matchMinutes: [{ minutes: 30, count: 10 }] }).timeToMatch).toEqual({ median: 30, p90: 30 });
  });
});
