import { z } from 'zod';
import { LANGUAGE_CODES } from '../../domain/languages.js';
import type { Translate } from '../../i18n/translate.js';
import { optionalText, stringList } from '../common/view-state.js';
import { ANY_LANGUAGE, NOTE_MAX, RequestIds, SAME_TIMEZONE } from './ids.js';

const B = RequestIds.blocks;

/** The request form's rules, its messages worded in the form's language (`t`). */
export function requestInputSchema(t: Translate, topicIds: readonly string[]) {
  return z.object({
    [B.topic]: z
      .string({ error: t('requests.error.topic') })
      .nullish()
      .refine((v): v is string => typeof v === 'string' && v.length > 0, t('requests.error.topic'))
      .refine((v) => topicIds.includes(v as string), t('requests.error.topicGone')),
    [B.note]: optionalText(NOTE_MAX, t('requests.error.noteTooLong', { max: NOTE_MAX })),
    [B.language]: z
      .string()
      .nullish()
      .transform((v) => (v && v !== ANY_LANGUAGE ? v : null))
      .refine((v) => v === null || LANGUAGE_CODES.has(v), t('requests.error.language')),
    [B.timezone]: stringList.transform((v) => v.includes(SAME_TIMEZONE)),
  });
}

export interface RequestInput {
  topicId: string;
  note: string | null;
  language: string | null;
  sameTimezone: boolean;
}

export function toRequestInput(v: z.infer<ReturnType<typeof requestInputSchema>>): RequestInput {
  return { topicId: v[B.topic] as string, note: v[B.note], language: v[B.language], sameTimezone: v[B.timezone] };
}
