import { z } from 'zod';
import { APP_LANGUAGES, FALLBACK_LANGUAGE } from '../../domain/app-language.js';

// zod parsers for the parts of Slack payloads listeners use (STYLE.md: no `body as any`).

const blockActionBody = z.object({
  user: z.object({ id: z.string(), team_id: z.string().optional() }),
  team: z.object({ id: z.string(), enterprise_id: z.string().optional() }).nullish(),
  trigger_id: z.string().optional(),
  channel: z.object({ id: z.string() }).optional(),
  container: z.object({ channel_id: z.string().optional(), message_ts: z.string().optional(), view_id: z.string().optional() }).optional(),
  message: z.object({ ts: z.string() }).optional(),
  view: z.object({ id: z.string(), private_metadata: z.string().optional() }).optional(),
  actions: z.array(z.object({ action_id: z.string(), value: z.string().optional(), selected_option: z.object({ value: z.string() }).nullish() })).min(1),
});

export interface ActionContext {
  userId: string;
  workspaceId: string;
  enterpriseId: string | null;
  triggerId: string | null;
  /** Where the clicked message is, when the button was in a message. */
  message: { channel: string; ts: string } | null;
  viewId: string | null;
  value: string | null;
}

export function parseAction(body: unknown): ActionContext {
  const b = blockActionBody.parse(body);
  const action = b.actions[0]!;
  const channel = b.channel?.id ?? b.container?.channel_id;
  const ts = b.message?.ts ?? b.container?.message_ts;
  return {
    userId: b.user.id,
    workspaceId: b.team?.id ?? b.user.team_id ?? '',
    enterpriseId: b.team?.enterprise_id ?? null,
    triggerId: b.trigger_id ?? null,
    message: channel && ts ? { channel, ts } : null,
    viewId: b.view?.id ?? b.container?.view_id ?? null,
    value: action.value ?? action.selected_option?.value ?? null,
  };
}

const viewSubmissionBody = z.object({
  user: z.object({ id: z.string(), team_id: z.string().optional() }),
  team: z.object({ id: z.string(), enterprise_id: z.string().optional() }).nullish(),
  view: z.object({
    id: z.string(),
    callback_id: z.string(),
    private_metadata: z.string().optional(),
    state: z.object({ values: z.unknown() }),
  }),
});

export interface SubmissionContext {
  userId: string;
  workspaceId: string;
  enterpriseId: string | null;
  viewId: string;
  privateMetadata: string;
  values: unknown;
}

export function parseSubmission(body: unknown): SubmissionContext {
  const b = viewSubmissionBody.parse(body);
  return {
    userId: b.user.id,
    workspaceId: b.team?.id ?? b.user.team_id ?? '',
    enterpriseId: b.team?.enterprise_id ?? null,
    viewId: b.view.id,
    privateMetadata: b.view.private_metadata ?? '',
    values: b.view.state.values,
  };
}

/** Parses JSON we wrote ourselves (private_metadata, button values) against a schema. */
export function parseJson<T>(schema: z.ZodType<T>, text: string | null | undefined): T | null {
  if (!text) return null;
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * The language a form or a modal was shown in, as its private_metadata carries it (issue 19): its
 * errors and answers are worded in it. A form opened before it carried one, or a forged value, is English.
 */
export const metadataLanguage = z.enum(APP_LANGUAGES).catch(FALLBACK_LANGUAGE);
