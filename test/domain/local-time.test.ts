import { describe, expect, it } from 'vitest';
import { inWindow, isInQuietHours, localTime, parseClock, utcOffsetMinutes } from '../../src/domain/local-time.js';

describe('local time', () => {
  it('reads the clock and weekday in a timezone, including UTC+13 and UTC-10', () => {
    const at = new Date('2026-01-05T20:30:00Z'); // Monday 20:30 UTC
    expect(localTime(at, 'Pacific/Tongatapu')).toEqual({ minutes: 9 * 60 + 30, weekday: 2 }); // Tuesday 09:30
    expect(localTime(at, 'Pacific/Honolulu')).toEqual({ minutes: 10 * 60 + 30, weekday: 1 }); // Monday 10:30
    expect(utcOffsetMinutes(at, 'Pacific/Tongatapu')).toBe(13 * 60);
    expect(utcOffsetMinutes(at, 'Pacific/Honolulu')).toBe(-10 * 60);
  });

  it('falls back to UTC for an unknown or missing timezone', () => {
    const at = new Date('2026-01-05T20:30:00Z');
    expect(localTime(at, 'Mars/Olympus')).toEqual(localTime(at, 'UTC'));
    expect(localTime(at, null)).toEqual({ minutes: 20 * 60 + 30, weekday: 1 });
  });

  it.each([
    ['inside a same-day window', 600, 540, 1020, true],
    ['at its end (exclusive)', 1020, 540, 1020, false],
    ['inside a window that wraps midnight, late', 1380, 1320, 420, true],
    ['inside a window that wraps midnight, early', 60, 1320, 420, true],
    ['outside a window that wraps midnight', 720, 1320, 420, false],
  ])('inWindow: %s', (_name, minutes, start, end, expected) => {
    expect(inWindow(minutes, start, end)).toBe(expected);
  });

  it('treats missing, malformed or empty quiet hours as none', () => {
    const at = new Date('2026-01-05T23:00:00Z');
    expect(isInQuietHours(at, 'UTC', null, null)).toBe(false);
    expect(isInQuietHours(at, 'UTC', '25:00', '07:00')).toBe(false);
    expect(isInQuietHours(at, 'UTC', '07:00', '07:00')).toBe(false);
    expect(isInQuietHours(at, 'UTC', '22:00', '07:00')).toBe(true);
    expect(parseClock('7:00')).toBeNull();
  });
});
