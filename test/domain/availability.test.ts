import { describe, expect, it } from 'vitest';
import { describeWorkingHours, DEFAULT_WORKING_HOURS, nextWorkingMoment, parseWorkDays } from '../../src/domain/availability.js';

// When a note that is not urgent reaches a listener (issue 15): within their own working hours and
// outside their quiet hours, in their timezone.

const none = { start: null, end: null };

describe('nextWorkingMoment', () => {
  it('is now within working hours', () => {
    const now = new Date('2026-03-04T10:00:00Z'); // Wednesday 11:00 in Berlin
    expect(nextWorkingMoment(now, 'Europe/Berlin', DEFAULT_WORKING_HOURS, none)).toEqual(now);
  });

  it('waits over a weekend for Monday 09:00 local', () => {
    const friday = new Date('2026-03-06T18:30:00Z'); // Friday 19:30 in Berlin
    expect(nextWorkingMoment(friday, 'Europe/Berlin', DEFAULT_WORKING_HOURS, none).toISOString()).toBe('2026-03-09T08:00:00.000Z');
  });

  it('skips quiet hours inside working hours, and lands on the local minute in a UTC+13 zone', () => {
    const midnight = new Date('2026-03-03T11:00:00Z'); // Wednesday 00:00 in Auckland (UTC+13)
    const at = nextWorkingMoment(midnight, 'Pacific/Auckland', DEFAULT_WORKING_HOURS, { start: '09:00', end: '09:30' });
    expect(at.toISOString()).toBe('2026-03-03T20:30:00.000Z'); // 09:30 local
  });

  it('falls back to now when the hours never come round', () => {
    const now = new Date('2026-03-04T10:00:00Z');
    expect(nextWorkingMoment(now, 'UTC', { days: [], start: '09:00', end: '18:00' }, none)).toEqual(now);
  });
});

describe('working days and their description', () => {
  it('reads stored days leniently and describes ranges plainly', () => {
    expect(parseWorkDays('5,1,x,9,1')).toEqual([1, 5]);
    expect(describeWorkingHours(DEFAULT_WORKING_HOURS)).toBe('Mon to Fri, 09:00 to 18:00');
    expect(describeWorkingHours({ days: [0, 1, 2, 3, 4, 5, 6], start: '00:00', end: '00:00' })).toBe('every day, any time');
    expect(describeWorkingHours({ days: [1, 3], start: '22:00', end: '06:00' })).toBe('Mon, Wed, 22:00 to 06:00');
  });
});
