import { z } from 'zod';
import { DEFAULT_WORKING_HOURS } from '../../domain/availability.js';
import { LANGUAGE_CODES } from '../../domain/languages.js';
import { optionalText, stringList, wholeNumber } from '../common/view-state.js';
import { CAPACITY_MAX, CAPACITY_MIN, CONSENT_GIVEN, INTRO_MAX, ListenerIds } from './ids.js';

const B = ListenerIds.blocks;
const time = z
  .string()
  .nullish()
  .transform((v) => v ?? null)
  .refine((v) => v === null || /^([01]\d|2[0-3]):[0-5]\d$/.test(v), 'Please choose a time.');
const requiredTime = (missing: string) =>
  z
    .string({ error: missing })
    .nullish()
    .refine((v) => typeof v === 'string' && /^([01]\d|2[0-3]):[0-5]\d$/.test(v), missing)
    // Checked just above: a time, never null here.
    .transform((v) => v as string);
const WEEKDAY_VALUES = ['0', '1', '2', '3', '4', '5', '6'];
/** A form opened before working hours were asked has no such fields: it keeps the default hours. */
const absentAs = <T extends z.ZodType>(fallback: unknown, schema: T) => z.preprocess((v) => (v === undefined ? fallback : v), schema);

/** The listen modal, validated field by field; `topicIds` are the initiative's, to reject stale ones. */
export function listenInputSchema(options: { topicIds: readonly string[]; needsConsent: boolean }) {
  return z
    .object({
      [B.topics]: stringList
        .refine((v) => v.length > 0, 'Please choose at least one topic you have lived experience of.')
        .refine((v) => v.every((id) => options.topicIds.includes(id)), 'One of those topics is no longer offered; please choose again.'),
      [B.capacity]: wholeNumber(CAPACITY_MIN, CAPACITY_MAX, `Please choose between ${CAPACITY_MIN} and ${CAPACITY_MAX} pairings at a time.`),
      [B.intro]: optionalText(INTRO_MAX, `Please keep your introduction to ${INTRO_MAX} characters.`),
      [B.languages]: stringList
        .refine((v) => v.length > 0, 'Please choose at least one language.')
        .refine((v) => v.every((code) => LANGUAGE_CODES.has(code)), 'Please choose languages from the list.'),
      [B.workDays]: absentAs(
        DEFAULT_WORKING_HOURS.days.map(String),
        stringList
          .refine((v) => v.length > 0, 'Please choose at least one day you can take new conversations.')
          .refine((v) => v.every((d) => WEEKDAY_VALUES.includes(d)), 'Please choose days from the list.')
          .transform((v) => v.map(Number)),
      ),
      [B.workStart]: absentAs(DEFAULT_WORKING_HOURS.start, requiredTime('Please choose when your working hours start.')),
      [B.workEnd]: absentAs(DEFAULT_WORKING_HOURS.end, requiredTime('Please choose when your working hours end.')),
      [B.quietStart]: time,
      [B.quietEnd]: time,
      [B.consent]: options.needsConsent
        ? stringList.refine((v) => v.includes(CONSENT_GIVEN), 'Please tick the box to give your consent, or close this form.')
        : stringList,
    })
    .superRefine((v, ctx) => {
      const start = v[B.quietStart];
      const end = v[B.quietEnd];
      if ((start === null) !== (end === null)) {
        ctx.addIssue({ code: 'custom', path: [start === null ? B.quietStart : B.quietEnd], message: 'Please set both ends of your quiet hours, or neither.' });
      } else if (start !== null && start === end) {
        ctx.addIssue({ code: 'custom', path: [B.quietEnd], message: 'Quiet hours need to end at a different time than they start.' });
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
