import type { AppLanguage } from '../../domain/app-language.js';
import type { Translate } from '../../i18n/translate.js';

// How a circle's meeting time is written (issue 20): "Weekly on Tuesday at 18:00 (Europe/Berlin)", with
// the weekday in the reader's language from the platform's own calendar data.

export interface Schedule {
  cadence: string;
  weekday: number;
  localTime: string;
  timezone: string;
}

/** A weekday's name in the language (0 = Sunday). */
export function weekdayName(language: AppLanguage, weekday: number): string {
  // 2023-01-01 was a Sunday.
  return new Intl.DateTimeFormat(language, { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2023, 0, 1 + weekday)));
}

export function scheduleText(t: Translate, schedule: Schedule): string {
  return t('circles.schedule', {
    cadence: schedule.cadence,
    weekday: weekdayName(t.language, schedule.weekday),
    time: schedule.localTime,
    timezone: schedule.timezone,
  });
}
