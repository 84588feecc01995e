import { isHumaneTime, WORKDAY_END, WORKDAY_START } from '../../src/domain/delivery.js';
import { localTime } from '../../src/domain/local-time.js';

// The app process runs on the real clock and sends check-ins only at a humane hour for their recipient
// (src/domain/delivery.ts), so an end-to-end test that needs check-ins sent (or tried) now puts its
// people in a timezone where it is a workday between 09:00 and 17:00 right now.

/** Real zones covering every whole-hour offset from UTC-12 to UTC+14. */
const ZONES = [
  'Etc/GMT+12', 'Pacific/Pago_Pago', 'Pacific/Honolulu', 'America/Anchorage', 'America/Los_Angeles', 'America/Denver',
  'America/Chicago', 'America/New_York', 'America/Halifax', 'America/Sao_Paulo', 'America/Noronha', 'Atlantic/Cape_Verde',
  'Europe/London', 'Europe/Berlin', 'Europe/Athens', 'Europe/Moscow', 'Asia/Dubai', 'Asia/Karachi', 'Asia/Dhaka',
  'Asia/Bangkok', 'Asia/Shanghai', 'Asia/Tokyo', 'Australia/Brisbane', 'Pacific/Noumea', 'Pacific/Auckland',
  'Pacific/Tongatapu', 'Pacific/Kiritimati',
];

/**
 * The zone where it is a workday nearest midday now, and still working hours `forMinutes` from now.
 * Null from Saturday about 05:00 to Sunday about 19:00 UTC, when it is a workday nowhere between
 * 09:00 and 17:00: tests that need one skip then.
 */
export function zoneInWorkingHours(now: Date, forMinutes = 15): string | null {
  const later = new Date(now.getTime() + forMinutes * 60_000);
  const fits = ZONES.filter((zone) => isHumaneTime(now, zone, null) && isHumaneTime(later, zone, null));
  const margin = (zone: string) => {
    const minutes = localTime(now, zone).minutes;
    return Math.min(minutes - WORKDAY_START, WORKDAY_END - minutes);
  };
  return fits.sort((a, b) => margin(b) - margin(a))[0] ?? null;
}
