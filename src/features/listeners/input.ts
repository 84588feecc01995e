import { z } from 'zod';
import { LANGUAGE_CODES } from '../../domain/languages.js';
import { optionalText, stringList, wholeNumber } from '../common/view-state.js';
import { CAPACITY_MAX, CAPACITY_MIN, CONSENT_GIVEN, INTRO_MAX, ListenerIds } from './ids.js';

const B = ListenerIds.blocks;
const time = z
  .string()
  .nullish()
  .transform((v) => v ?? null)
  .refine((v) => v === null || /^([01]\d|2[0-3]):[0-5]\d$/.test(v), 'Please choose a time.');

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
}

export function toListenerInput(v: z.infer<ReturnType<typeof listenInputSchema>>): ListenerInput {
  return {
    topicIds: v[B.topics],
    capacity: v[B.capacity],
    intro: v[B.intro],
    languages: v[B.languages],
    quietHoursStart: v[B.quietStart],
    quietHoursEnd: v[B.quietEnd],
  };
}
