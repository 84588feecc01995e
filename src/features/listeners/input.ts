import { z } from 'zod';
import { DEFAULT_WORKING_HOURS } from '../../domain/availability.js';
import { LANGUAGE_CODES } from '../../domain/languages.js';
import type { Translate } from '../../i18n/translate.js';
import { optionalText, stringList, wholeNumber } from '../common/view-state.js';
import { CAPACITY_MAX, CAPACITY_MIN, CONSENT_GIVEN, INTRO_MAX, ListenerIds } from './ids.js';

const B = ListenerIds.blocks;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const time = (message: string) =>
  z
    .string()
    .nullish()
    .transform((v) => v ?? null)
    .refine((v) => v === null || TIME.test(v), message);
const requiredTime = (missing: string) =>
  z
    .string({ error: missing })
    .nullish()
    .refine((v) => typeof v === 'string' && TIME.test(v), missing)
    // Checked just above: a time, never null here.
    .transform((v) => v as string);
const WEEKDAY_VALUES = ['0', '1', '2', '3', '4', '5', '6'];
/** A form opened before working hours were asked has no such fields: it keeps the default hours. */
const absentAs = <T extends z.ZodType>(fallback: unknown, schema: T) => z.preprocess((v) => (v === undefined ? fallback : v), schema);

/**
 * The listen modal, validated field by field, its messages worded in the form's language (`t`); `topicIds`
 * are the initiative's, to reject stale ones.
 */
export function listenInputSchema(t: Translate, options: { topicIds: readonly string[]; needsConsent: boolean }) {
  return z
    .object({
      [B.topics]: stringList
        .refine((v) => v.length > 0, t('listeners.error.topics'))
        .refine((v) => v.every((id) => options.topicIds.includes(id)), t('listeners.error.topicGone')),
      [B.capacity]: wholeNumber(CAPACITY_MIN, CAPACITY_MAX, t('listeners.error.capacity', { min: CAPACITY_MIN, max: CAPACITY_MAX })),
      [B.intro]: optionalText(INTRO_MAX, t('listeners.error.introTooLong', { max: INTRO_MAX })),
      [B.languages]: stringList
        .refine((v) => v.length > 0, t('listeners.error.languages'))
        .refine((v) => v.every((code) => LANGUAGE_CODES.has(code)), t('listeners.error.languagesFromList')),
      [B.workDays]: absentAs(
        DEFAULT_WORKING_HOURS.days.map(String),
        stringList
          .refine((v) => v.length > 0, t('listeners.error.workDays'))
          .refine((v) => v.every((d) => WEEKDAY_VALUES.includes(d)), t('listeners.error.workDaysFromList'))
          .transform((v) => v.map(Number)),
      ),
      [B.workStart]: absentAs(DEFAULT_WORKING_HOURS.start, requiredTime(t('listeners.error.workStart'))),
      [B.workEnd]: absentAs(DEFAULT_WORKING_HOURS.end, requiredTime(t('listeners.error.workEnd'))),
      [B.quietStart]: time(t('listeners.error.time')),
      [B.quietEnd]: time(t('listeners.error.time')),
      [B.consent]: options.needsConsent
        ? stringList.refine((v) => v.includes(CONSENT_GIVEN), t('listeners.error.consent'))
        : stringList,
    })
    .superRefine((v, ctx) => {
      const start = v[B.quietStart];
      const end = v[B.quietEnd];
      if ((start === null) !== (end === null)) {
        ctx.addIssue({ code: 'custom', path: [start === null ? B.quietStart : B.quietEnd], message: t('listeners.error.quietHoursBoth') });
      } else if (start !== null && start === end) {
        ctx.addIssue({ code: 'custom', path: [B.quietEnd], message: t('listeners.error.quietHoursSame') });
      }
    });
}

export interface ListenerInput {
  topicIds: string[];
  capacity: number;
  intro: string | null;
  languages: string[];
  quietHoursStart: string | null;
  quietHoursEnd: string | null;
  /** Local weekdays new conversations may be offered on, 0 = Sunday ... 6 = Saturday. */
  workDays: number[];
  /** "HH:MM" in their own timezone; the same start and end means any time of those days. */
  workStart: string;
  workEnd: string;
}

export function toListenerInput(v: z.infer<ReturnType<typeof listenInputSchema>>): ListenerInput {
  return {
    topicIds: v[B.topics],
    capacity: v[B.capacity],
    intro: v[B.intro],
    languages: v[B.languages],
    quietHoursStart: v[B.quietStart],
    quietHoursEnd: v[B.quietEnd],
    workDays: v[B.workDays],
    workStart: v[B.workStart],
    workEnd: v[B.workEnd],
  };
}
