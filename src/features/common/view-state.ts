import { z } from 'zod';
import { cleanText } from '../../domain/text.js';

// Reads a submitted modal's state into plain values. Convention: each input block's action id is
// `value`, so a field is addressed by its block id alone. Validation of the values is zod's job
// (each feature's input.ts); this only flattens Slack's shape.

const selectedOption = z.object({ value: z.string() });
const stateValue = z.object({
  type: z.string(),
  value: z.string().nullish(),
  selected_time: z.string().nullish(),
  selected_date: z.string().nullish(),
  selected_user: z.string().nullish(),
  selected_users: z.array(z.string()).optional(),
  selected_option: selectedOption.nullish(),
  selected_options: z.array(selectedOption).optional(),
});
const stateValues = z.record(z.string(), z.record(z.string(), stateValue));

export type StateValues = z.infer<typeof stateValues>;
export const FIELD_ACTION_ID = 'value';

/** Plain values of a view submission: strings, string lists or null, keyed by block id. */
export type FormValues = Record<string, string | string[] | null>;

export function readForm(values: unknown): FormValues {
  const parsed = stateValues.parse(values);
  const form: FormValues = {};
  for (const [blockId, actions] of Object.entries(parsed)) {
    const v = actions[FIELD_ACTION_ID] ?? Object.values(actions)[0];
    if (!v) continue;
    switch (v.type) {
      case 'plain_text_input':
      case 'number_input':
      case 'email_text_input':
      case 'url_text_input':
        form[blockId] = v.value ?? null;
        break;
      case 'timepicker':
        form[blockId] = v.selected_time ?? null;
        break;
      case 'datepicker':
        form[blockId] = v.selected_date ?? null;
        break;
      case 'users_select':
        form[blockId] = v.selected_user ?? null;
        break;
      case 'multi_users_select':
        form[blockId] = v.selected_users ?? [];
        break;
      case 'static_select':
      case 'radio_buttons':
        form[blockId] = v.selected_option?.value ?? null;
        break;
      case 'multi_static_select':
      case 'checkboxes':
        form[blockId] = (v.selected_options ?? []).map((o) => o.value);
        break;
      default:
        form[blockId] = v.value ?? null;
    }
  }
  return form;
}

/** zod issues to Slack's `response_action: 'errors'` map: the first message per block id. */
export function fieldErrors(error: z.ZodError, knownBlocks: readonly string[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const block = String(issue.path[0] ?? '');
    const target = knownBlocks.includes(block) ? block : knownBlocks[0]!;
    errors[target] ??= issue.message;
  }
  return errors;
}

// Field helpers for input schemas: Slack sends null for an empty optional field. Typed text is cleaned
// of control, bidi and zero-width characters before it is measured or stored (domain/text.ts).
export const optionalText = (max: number, tooLong: string) =>
  z
    .string()
    .nullish()
    .transform((v) => cleanText(v ?? '').trim())
    .refine((v) => v.length <= max, tooLong)
    .transform((v) => (v === '' ? null : v));

export const requiredText = (max: number, missing: string, tooLong: string) =>
  z
    .string({ error: missing })
    .nullish()
    .transform((v) => cleanText(v ?? '').trim())
    .refine((v) => v.length > 0, missing)
    .refine((v) => v.length <= max, tooLong);

export const wholeNumber = (min: number, max: number, message: string) =>
  z
    .string({ error: message })
    .nullish()
    .transform((v, ctx) => {
      const n = Number((v ?? '').trim());
      if (!(v ?? '').trim() || !Number.isInteger(n) || n < min || n > max) {
        ctx.addIssue({ code: 'custom', message });
        return z.NEVER;
      }
      return n;
    });

export const stringList = z
  .union([z.array(z.string()), z.null()])
  .optional()
  .transform((v) => v ?? []);
