import { z } from 'zod';
import { LANGUAGE_CODES } from '../../domain/languages.js';
import { optionalText, stringList } from '../common/view-state.js';
import { ANY_LANGUAGE, NOTE_MAX, RequestIds, SAME_TIMEZONE } from './ids.js';

const B = RequestIds.blocks;

export function requestInputSchema(topicIds: readonly string[]) {
  return z.object({
    [B.topic]: z
      .string({ error: 'Please choose what you would like to talk about.' })
      .nullish()
      .refine((v): v is string => typeof v === 'string' && v.length > 0, 'Please choose what you would like to talk about.')
      .refine((v) => topicIds.includes(v as string), 'That topic is no longer offered; please choose again.'),
    [B.note]: optionalText(NOTE_MAX, `Please keep your note to ${NOTE_MAX} characters.`),
    [B.language]: z
      .string()
      .nullish()
      .transform((v) => (v && v !== ANY_LANGUAGE ? v : null))
      .refine((v) => v === null || LANGUAGE_CODES.has(v), 'Please choose a language from the list.'),
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
