import { z } from 'zod';
import { metadataLanguage, parseJson } from '../common/payloads.js';
import { ListenerIds } from './ids.js';

// What the "Pause until…" button and form carry (issue 15): only which initiative, and the offer when
// the button was on one. Who is pausing is always the person clicking or submitting.

const fromOffer = z.object({ initiativeId: z.string().min(1), offerId: z.string().min(1) });

/** The button's value: the initiative id alone, or {initiativeId, offerId} on an offer message. */
export function pauseUntilValue(initiativeId: string, offerId?: string | null): string {
  return offerId ? JSON.stringify({ initiativeId, offerId }) : initiativeId;
}

export function parsePauseUntilValue(value: string): { initiativeId: string; offerId: string | null } {
  const parsed = value.startsWith('{') ? parseJson(fromOffer, value) : null;
  return parsed ?? { initiativeId: value, offerId: null };
}

/** The pause form's metadata; a form opened before it carried its language is English. */
export const pauseMetadata = z.object({
  initiativeId: z.string().min(1),
  offerId: z.string().min(1).optional(),
  language: metadataLanguage,
});

/** The form's one field: a date as Slack's datepicker sends it, or nothing (paused until they resume). */
export const pauseFormSchema = z.object({
  [ListenerIds.blocks.pauseUntil]: z
    .string()
    .nullish()
    .transform((v) => (v ? v : null)),
});
