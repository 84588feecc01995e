import { describe, expect, it } from 'vitest';
import { addDays, isCalendarDate, localDate, localTime, longDate, startOfLocalDay } from '../../src/domain/local-time.js';
import { checkPauseDate, pausesForNoAnswer, UNANSWERED_OFFERS_BEFORE_PAUSE } from '../../src/domain/pause.js';

// "Pause until <date>" (issue 15): the pause ends at the start of that day where the listener lives.

describe('startOfLocalDay', () => {
  it.each([
    ['UTC', '2026-05-01', 'UTC', '2026-05-01T00:00:00.000Z'],
    ['an unknown timezone, as UTC', '2026-05-01', 'Mars/Olympus', '2026-05-01T00:00:00.000Z'],
    ['no timezone, as UTC', '2026-05-01', null, '2026-05-01T00:00:00.000Z'],
    ['UTC+13 (Tonga): the day begins the evening before in UTC', '2026-01-06', 'Pacific/Tongatapu', '2026-01-05T11:00:00.000Z'],
    ['UTC-10 (Hawaii): the day begins at 10:00 UTC', '2026-07-01', 'Pacific/Honolulu', '2026-07-01T10:00:00.000Z'],
    ['London, the day clocks go forward (at 01:00, after midnight)', '2026-03-29', 'Europe/London', '2026-03-29T00:00:00.000Z'],
    ['London, the day after clocks went forward (now UTC+1)', '2026-03-30', 'Europe/London', '2026-03-29T23:00:00.000Z'],
    ['London, the day clocks go back (midnight is still summer time)', '2026-10-25', 'Europe/London', '2026-10-24T23:00:00.000Z'],
    ['New York, the day clocks go forward', '2026-03-08', 'America/New_York', '2026-03-08T05:00:00.000Z'],
    ['Auckland at UTC+13, the day summer time ends', '2026-04-05', 'Pacific/Auckland', '2026-04-04T11:00:00.000Z'],
    ['Auckland the day after, at UTC+12', '2026-04-06', 'Pacific/Auckland', '2026-04-05T12:00:00.000Z'],
  ])('%s', (_name, date, zone, expected) => {
    const start = startOfLocalDay(date, zone);
    expect(start.toISOString()).toBe(expected);
    // It is that day there, and a minute earlier it was still the day before.
    expect(localDate(start, zone)).toBe(date);
    expect(localDate(new Date(start.getTime() - 60_000), zone)).toBe(addDays(date, -1));
  });

  it.each([
    ['Santiago', '2026-09-06', 'America/Santiago', '2026-09-06T04:00:00.000Z'],
    ['Havana', '2026-03-08', 'America/Havana', '2026-03-08T05:00:00.000Z'],
    ['Beirut', '2026-03-29', 'Asia/Beirut', '2026-03-28T22:00:00.000Z'],
  ])('where clocks jump from 00:00 to 01:00 (%s), the day begins at 01:00', (_name, date, zone, expected) => {
    const start = startOfLocalDay(date, zone);
    expect(start.toISOString()).toBe(expected);
    expect(localDate(start, zone)).toBe(date);
    expect(localTime(start, zone).minutes).toBe(60);
    expect(localDate(new Date(start.getTime() - 1), zone)).toBe(addDays(date, -1));
  });

  it('refuses what is not a calendar date', () => {
    expect(() => startOfLocalDay('2026-02-30', 'UTC')).toThrow();
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('14/12/2026')).toBe(false);
  });

  it('says dates as people do', () => {
    expect(longDate('2026-12-14')).toBe('Monday 14 December 2026');
    expect(longDate('2026-12-14', 'de-DE')).toBe('Montag, 14. Dezember 2026');
    expect(longDate('2026-12-14', 'es-ES')).toBe('lunes, 14 de diciembre de 2026');
  });
});

describe('checkPauseDate', () => {
  const now = new Date('2026-12-03T09:00:00Z');

  it('takes a day after today where the listener is, and ends the pause at its start', () => {
    // 09:00 UTC is 22:00 on the 3rd in Tonga: tomorrow there is the 4th.
    expect(checkPauseDate('2026-12-03', now, 'Pacific/Tongatapu')).toEqual({ ok: false, reason: 'not-after-today' });
    expect(checkPauseDate('2026-12-04', now, 'Pacific/Tongatapu')).toEqual({ ok: true, date: '2026-12-04', until: new Date('2026-12-03T11:00:00Z') });
    // ...and 23:00 on the 2nd in Hawaii, where the 3rd is still tomorrow.
    expect(checkPauseDate('2026-12-03', now, 'Pacific/Honolulu')).toEqual({ ok: true, date: '2026-12-03', until: new Date('2026-12-03T10:00:00Z') });
    expect(checkPauseDate('2026-12-02', now, 'Pacific/Honolulu')).toEqual({ ok: false, reason: 'not-after-today' });
  });

  it('takes a day at most a year away', () => {
    expect(checkPauseDate('2027-12-03', now, 'UTC').ok).toBe(true);
    expect(checkPauseDate('2027-12-04', now, 'UTC')).toEqual({ ok: false, reason: 'too-far' });
    const leapDay = new Date('2028-02-29T12:00:00Z');
    expect(checkPauseDate('2029-02-28', leapDay, 'UTC').ok).toBe(true);
    expect(checkPauseDate('2029-03-01', leapDay, 'UTC')).toEqual({ ok: false, reason: 'too-far' });
  });

  it('refuses what is not a date', () => {
    expect(checkPauseDate('2026-12-32', now, 'UTC')).toEqual({ ok: false, reason: 'not-a-date' });
    expect(checkPauseDate('next week', now, 'UTC')).toEqual({ ok: false, reason: 'not-a-date' });
  });
});

describe('unanswered offers', () => {
  it('pause new offers from the third in a row', () => {
    expect(UNANSWERED_OFFERS_BEFORE_PAUSE).toBe(3);
    expect([1, 2, 3, 4].map(pausesForNoAnswer)).toEqual([false, false, true, true]);
  });
});
