import { describe, expect, it } from 'vitest';
import { cadenceDays, firstSlotAfter, instantAtLocal, sessionAtOrAfter, slotOf, type CircleClock } from '../../src/domain/circle-sessions.js';
import { localDate, localTime } from '../../src/domain/local-time.js';

// When circles meet (issue 20): a weekday and a local time in the circle's timezone, every week or every
// other week, kept on the local clock when the clocks change. 2026: Berlin goes forward on 29 March and
// back on 25 October; New York forward on 8 March and back on 1 November.

describe('cadenceDays', () => {
  it('is 7 for weekly and 14 for fortnightly', () => {
    expect(cadenceDays('weekly')).toBe(7);
    expect(cadenceDays('fortnightly')).toBe(14);
  });
});

describe('instantAtLocal', () => {
  it.each([
    ['Berlin in winter', '2026-01-13', '18:00', 'Europe/Berlin', '2026-01-13T17:00:00.000Z'],
    ['Berlin in summer', '2026-07-14', '18:00', 'Europe/Berlin', '2026-07-14T16:00:00.000Z'],
    ['a time New York skips (02:30 as clocks go forward) is read after the jump', '2026-03-08', '02:30', 'America/New_York', '2026-03-08T07:30:00.000Z'],
    ['a time New York has twice (01:30 as clocks go back) is the first one', '2026-11-01', '01:30', 'America/New_York', '2026-11-01T05:30:00.000Z'],
    ['a time Berlin skips', '2026-03-29', '02:30', 'Europe/Berlin', '2026-03-29T01:30:00.000Z'],
    ['UTC+5:45 (Kathmandu)', '2026-05-04', '09:00', 'Asia/Kathmandu', '2026-05-04T03:15:00.000Z'],
    ['an unknown timezone, as UTC', '2026-05-04', '09:00', 'Mars/Olympus', '2026-05-04T09:00:00.000Z'],
  ])('%s', (_name, date, clock, zone, expected) => {
    const [h, m] = clock.split(':').map(Number) as [number, number];
    expect(instantAtLocal(date, h * 60 + m, zone).toISOString()).toBe(expected);
  });
});

describe('firstSlotAfter', () => {
  it.each([
    ['later this week', 2, '18:00', 'Europe/Berlin', '2026-03-23T10:00:00Z', '2026-03-24T17:00:00.000Z'],
    ['today, an hour from now', 2, '18:00', 'Europe/Berlin', '2026-03-24T16:00:00Z', '2026-03-24T17:00:00.000Z'],
    ['today a minute before the slot', 2, '18:00', 'Europe/Berlin', '2026-03-24T16:59:00Z', '2026-03-24T17:00:00.000Z'],
    ['exactly at the slot: strictly after, so next week (after the clocks went forward)', 2, '18:00', 'Europe/Berlin', '2026-03-24T17:00:00Z', '2026-03-31T16:00:00.000Z'],
    ["today's slot has passed: next week", 2, '18:00', 'Europe/Berlin', '2026-03-24T18:30:00Z', '2026-03-31T16:00:00.000Z'],
    ['weekday wrap: Saturday to Monday', 1, '09:00', 'Europe/Berlin', '2026-03-28T12:00:00Z', '2026-03-30T07:00:00.000Z'],
    ['weekday wrap: Saturday to Sunday, the night the clocks go forward', 0, '10:00', 'Europe/Berlin', '2026-03-28T12:00:00Z', '2026-03-29T08:00:00.000Z'],
    ['a Sunday slot New York skips', 0, '02:30', 'America/New_York', '2026-03-07T12:00:00Z', '2026-03-08T07:30:00.000Z'],
    ['New York, the week the clocks go back', 4, '19:00', 'America/New_York', '2026-10-30T12:00:00Z', '2026-11-06T00:00:00.000Z'],
    ['Auckland: already Tuesday there, slot still ahead', 2, '08:00', 'Pacific/Auckland', '2026-06-01T19:00:00Z', '2026-06-01T20:00:00.000Z'],
    ['Auckland: already Tuesday there, slot passed', 2, '08:00', 'Pacific/Auckland', '2026-06-01T21:00:00Z', '2026-06-08T20:00:00.000Z'],
    ['Honolulu: Tuesday in UTC, still Monday there', 1, '20:00', 'Pacific/Honolulu', '2026-06-02T05:00:00Z', '2026-06-02T06:00:00.000Z'],
  ])('%s', (_name, weekday, clock, timezone, now, expected) => {
    const slot = firstSlotAfter({ weekday, localTime: clock, timezone, now: new Date(now) });
    expect(slot.toISOString()).toBe(expected);
    expect(localTime(slot, timezone).weekday).toBe(weekday);
  });

  it('refuses a local time that is not HH:MM', () => {
    expect(() => firstSlotAfter({ weekday: 1, localTime: '9am', timezone: 'UTC', now: new Date('2026-01-01T00:00:00Z') })).toThrow();
  });
});

const berlinWeekly: CircleClock = { firstSessionAt: new Date('2026-03-24T17:00:00Z'), cadence: 'weekly', timezone: 'Europe/Berlin', localTime: '18:00' };
const berlinAutumn: CircleClock = { firstSessionAt: new Date('2026-10-20T16:00:00Z'), cadence: 'weekly', timezone: 'Europe/Berlin', localTime: '18:00' };
const berlinFortnightly: CircleClock = { ...berlinWeekly, cadence: 'fortnightly' };
const newYorkWeekly: CircleClock = { firstSessionAt: new Date('2026-03-06T00:00:00Z'), cadence: 'weekly', timezone: 'America/New_York', localTime: '19:00' };
const newYorkSkipped: CircleClock = { firstSessionAt: new Date('2026-03-08T07:30:00Z'), cadence: 'weekly', timezone: 'America/New_York', localTime: '02:30' };

describe('slotOf', () => {
  it.each([
    ['the first session is firstSessionAt', berlinWeekly, 1, '2026-03-24T17:00:00.000Z'],
    ['Berlin weekly, across the change to summer time: still 18:00 there', berlinWeekly, 2, '2026-03-31T16:00:00.000Z'],
    ['Berlin weekly, session 3', berlinWeekly, 3, '2026-04-07T16:00:00.000Z'],
    ['Berlin weekly, across the change back to winter time', berlinAutumn, 2, '2026-10-27T17:00:00.000Z'],
    ['Berlin fortnightly, session 2', berlinFortnightly, 2, '2026-04-07T16:00:00.000Z'],
    ['Berlin fortnightly, session 3', berlinFortnightly, 3, '2026-04-21T16:00:00.000Z'],
    ['New York weekly (Thursday 19:00, Friday in UTC), across the change', newYorkWeekly, 2, '2026-03-12T23:00:00.000Z'],
    ['a first session the clocks moved keeps its own time afterwards', newYorkSkipped, 2, '2026-03-15T06:30:00.000Z'],
    ['without a timezone, whole days apart', { firstSessionAt: new Date('2026-03-24T17:00:00Z'), cadence: 'weekly' }, 2, '2026-03-31T17:00:00.000Z'],
  ] as const)('%s', (_name, circle, sequence, expected) => {
    expect(slotOf(circle, sequence).toISOString()).toBe(expected);
  });

  it('keeps the local weekday and clock for a year of sessions', () => {
    for (let n = 1; n <= 53; n += 1) {
      const slot = slotOf(berlinWeekly, n);
      expect(localTime(slot, 'Europe/Berlin')).toEqual({ weekday: 2, minutes: 18 * 60 });
    }
    expect(localDate(slotOf(berlinFortnightly, 27), 'Europe/Berlin')).toBe('2027-03-23');
  });
});

describe('sessionAtOrAfter', () => {
  it.each([
    ['long before the first session', berlinWeekly, '2026-01-01T00:00:00Z', 1],
    ['exactly at the first session', berlinWeekly, '2026-03-24T17:00:00Z', 1],
    ['just after the first session', berlinWeekly, '2026-03-24T17:00:00.001Z', 2],
    ['an hour before session 2 in UTC terms of the old offset (still before it)', berlinWeekly, '2026-03-31T15:30:00Z', 2],
    ['exactly at session 2 (summer time)', berlinWeekly, '2026-03-31T16:00:00Z', 2],
    ['between session 2 and where a fixed week would have put it', berlinWeekly, '2026-03-31T16:30:00Z', 3],
    ['after the change back, between where a fixed week would put it and the slot', berlinAutumn, '2026-10-27T16:30:00Z', 2],
    ['fortnightly, a week in', berlinFortnightly, '2026-03-31T16:00:00Z', 2],
    ['fortnightly, just after session 2', berlinFortnightly, '2026-04-07T16:00:01Z', 3],
  ] as const)('%s', (_name, circle, at, expected) => {
    expect(sessionAtOrAfter(circle, new Date(at))).toBe(expected);
  });

  it('is always the first slot at or after the moment (every 3 hours for a year, three circles)', () => {
    for (const circle of [berlinWeekly, berlinFortnightly, newYorkWeekly]) {
      for (let at = circle.firstSessionAt.getTime() - 86_400_000; at < circle.firstSessionAt.getTime() + 365 * 86_400_000; at += 3 * 3_600_000) {
        const n = sessionAtOrAfter(circle, new Date(at));
        expect(slotOf(circle, n).getTime()).toBeGreaterThanOrEqual(at);
        if (n > 1) expect(slotOf(circle, n - 1).getTime()).toBeLessThan(at);
      }
    }
  });
});
