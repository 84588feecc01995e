import { describe, expect, it } from 'vitest';
import { isHumaneTime, nextDeliveryTime, nextOnCadence } from '../../src/domain/delivery.js';

const iso = (d: Date) => d.toISOString();

describe('humane delivery time', () => {
  it('delivers at once on a weekday between 09:00 and 17:00 local', () => {
    const at = new Date('2026-03-03T10:00:00Z'); // Tuesday 10:00 London
    expect(isHumaneTime(at, 'Europe/London', null)).toBe(true);
    expect(nextDeliveryTime(at, 'Europe/London', null)).toEqual(at);
  });

  it('waits for 09:00 the next local morning after hours', () => {
    expect(iso(nextDeliveryTime(new Date('2026-03-03T18:30:00Z'), 'Europe/London', null))).toBe('2026-03-04T09:00:00.000Z');
  });

  it('waits for Monday over a weekend', () => {
    expect(iso(nextDeliveryTime(new Date('2026-03-07T10:00:00Z'), 'Europe/London', null))).toBe('2026-03-09T09:00:00.000Z');
  });

  it('handles a person in UTC+13 (Tonga): 09:00 local is 20:00 UTC the day before', () => {
    // Monday 2026-03-02 12:00 UTC is Tuesday 01:00 in Tonga: wait until Tuesday 09:00 local.
    const next = nextDeliveryTime(new Date('2026-03-02T12:00:00Z'), 'Pacific/Tongatapu', null);
    expect(iso(next)).toBe('2026-03-02T20:00:00.000Z');
    // Friday 20:00 UTC is Saturday 09:00 in Tonga: wait until Monday 09:00 local (Sunday 20:00 UTC).
    expect(iso(nextDeliveryTime(new Date('2026-03-06T20:00:00Z'), 'Pacific/Tongatapu', null))).toBe('2026-03-08T20:00:00.000Z');
  });

  it('handles a person in UTC-10 (Hawaii): 09:00 local is 19:00 UTC', () => {
    expect(iso(nextDeliveryTime(new Date('2026-03-02T10:00:00Z'), 'Pacific/Honolulu', null))).toBe('2026-03-02T19:00:00.000Z');
    // Friday 17:30 local = Saturday 03:30 UTC: next is Monday 09:00 local.
    expect(iso(nextDeliveryTime(new Date('2026-03-07T03:30:00Z'), 'Pacific/Honolulu', null))).toBe('2026-03-09T19:00:00.000Z');
  });

  it('skips the listener\'s quiet hours inside the working day', () => {
    const quiet = { start: '09:00', end: '13:00' };
    expect(iso(nextDeliveryTime(new Date('2026-03-03T09:30:00Z'), 'Europe/London', quiet))).toBe('2026-03-03T13:00:00.000Z');
  });

  it('ignores quiet hours that would block every working hour', () => {
    const quiet = { start: '08:00', end: '18:00' };
    expect(iso(nextDeliveryTime(new Date('2026-03-03T07:00:00Z'), 'Europe/London', quiet))).toBe('2026-03-03T09:00:00.000Z');
  });

  it('lands on the local clock for half-hour and 45-minute offsets', () => {
    expect(iso(nextDeliveryTime(new Date('2026-03-02T00:07:00Z'), 'Asia/Kathmandu', null))).toBe('2026-03-02T03:15:00.000Z');
  });
});

describe('cadence', () => {
  it('is the next period after a due time', () => {
    expect(iso(nextOnCadence(new Date('2026-03-01T00:00:00Z'), 14, new Date('2026-03-01T10:00:00Z')))).toBe('2026-03-15T00:00:00.000Z');
  });

  it('after a long downtime schedules one future check-in, not one per missed period', () => {
    const next = nextOnCadence(new Date('2026-01-01T00:00:00Z'), 7, new Date('2026-03-02T00:00:00Z'));
    expect(next.getTime()).toBeGreaterThan(new Date('2026-03-02T00:00:00Z').getTime());
    expect(next.getTime() - new Date('2026-03-02T00:00:00Z').getTime()).toBeLessThanOrEqual(7 * 86_400_000);
  });
});
