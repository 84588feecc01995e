import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type { KnownBlock } from '@slack/types';
import { z } from 'zod';
import type { Logger } from '../../logger.js';
import { modal, section } from './blocks.js';
import * as copy from './copy.js';
import type { WebClient } from '@slack/web-api';
import { FALLBACK_LANGUAGE, type AppLanguage } from '../../domain/app-language.js';
import { english, translatorFor, type Translate } from '../../i18n/translate.js';

// Every handler answers (STYLE.md): a command, button, form or message that fails tells the person
// within seconds, in plain words, that it did not work and what to do, instead of leaving them with
// silence that looks like success. One global middleware, around every listener; the log gets a code,
// never the error's message. It never throws itself: failing to tell someone is logged, nothing more.

export function codeOf(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') return error.code;
  return 'unexpected';
}

const MULTIPLE_ACK = 'slack_bolt_receiver_ack_multiple_error';

const failureBody = z.object({
  type: z.string().optional(),
  command: z.string().optional(),
  user: z.object({ id: z.string() }).optional(),
  user_id: z.string().optional(),
  team: z.object({ id: z.string() }).nullish(),
  team_id: z.string().optional(),
  response_url: z.string().optional(),
  view: z.object({ id: z.string(), type: z.string().optional(), blocks: z.array(z.unknown()).optional() }).optional(),
  event: z.object({ type: z.string(), channel_type: z.string().optional(), channel: z.string().optional(), user: z.string().optional(), bot_id: z.string().optional(), subtype: z.string().optional() }).optional(),
});

/** The resources block of the surface the person acted from, so they are shown even with the database down. */
export function resourcesIn(blocks: readonly unknown[] | undefined): string | null {
  const block = z.object({ block_id: z.literal('resources'), text: z.object({ text: z.string() }) });
  for (const b of blocks ?? []) {
    const parsed = block.safeParse(b);
    if (parsed.success) return parsed.data.text.text;
  }
  return null;
}

/** The failure in a modal, with the resources the person was shown, else a crisis line; in `t`'s language. */
export function renderFailureModal(text: string, resources: string | null, t: Translate = english) {
  const blocks: KnownBlock[] = [section(text)];
  blocks.push(section(resources ? `${t('common.resourcesStillHere')}\n${resources}` : t('common.crisisLineFallback')));
  return modal({ callbackId: 'common.failed', title: t('common.failedTitle'), blocks });
}

/**
 * The person's language when it can be known at once (issue 19): the failure may be the database, so
 * only briefly (src/features/common/person-language.ts answers from memory, else English within the bound).
 */
export type FailureLanguage = (client: WebClient, workspaceId: string, userId: string) => Promise<AppLanguage>;

export function answerFailures(logger: Logger, languageOf?: FailureLanguage): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    try {
      await args.next();
    } catch (error) {
      const body = failureBody.safeParse(args.body);
      const kind = body.success ? (body.data.command ? 'command' : (body.data.type ?? 'unknown')) : 'unknown';
      logger.error({ err: error, code: codeOf(error), payload_type: kind }, 'a handler failed; telling the person');
      // Already answered where it happened (a modal replaced with the failure), so say nothing twice.
      if (!body.success || (error as { answered?: unknown }).answered === true) return;
      try {
        await tell(args, body.data, languageOf);
      } catch (tellError) {
        logger.error({ err: tellError, code: codeOf(tellError) }, 'could not tell the person a handler failed');
      }
    }
  };
}

type Ack = (response?: unknown) => Promise<void>;

/** Acks with `response` if nobody has acked yet; false if the listener had acked already. */
async function ackIfStill(args: AnyMiddlewareArgs, response?: unknown): Promise<boolean> {
  const ack = (args as { ack?: Ack }).ack;
  if (!ack) return false;
  try {
    await ack(response);
    return true;
  } catch (error) {
    if (codeOf(error) === MULTIPLE_ACK) return false;
    throw error;
  }
}

async function tell(args: AnyMiddlewareArgs, body: z.infer<typeof failureBody>, languageOf?: FailureLanguage): Promise<void> {
  const { client } = args as unknown as { client: WebClient };
  const respond = (args as { respond?: (message: Record<string, unknown>) => Promise<unknown> }).respond;
  const userId = body.user?.id ?? body.user_id ?? body.event?.user;
  const workspaceId = body.team?.id ?? body.team_id ?? '';
  const t = translatorFor(userId && languageOf ? await languageOf(client, workspaceId, userId).catch(() => FALLBACK_LANGUAGE) : FALLBACK_LANGUAGE);
  const somethingWentWrong = t('common.somethingWentWrong');

  if (body.command) {
    if (await ackIfStill(args, { response_type: 'ephemeral', text: somethingWentWrong })) return;
    if (respond) await respond({ response_type: 'ephemeral', text: somethingWentWrong });
    return;
  }
  if (body.type === 'view_submission') {
    const view = renderFailureModal(t('common.formNotSaved'), resourcesIn(body.view?.blocks), t);
    if (await ackIfStill(args, { response_action: 'update', view })) return;
    if (userId) await client.chat.postMessage({ channel: userId, text: somethingWentWrong });
    return;
  }
  if (body.type === 'block_actions') {
    await ackIfStill(args);
    if (body.view?.type === 'modal') {
      await client.views.update({ view_id: body.view.id, view: renderFailureModal(somethingWentWrong, resourcesIn(body.view.blocks), t) });
    } else if (respond && body.response_url) {
      await respond({ response_type: 'ephemeral', replace_original: false, text: somethingWentWrong });
    } else if (userId) {
      await client.chat.postMessage({ channel: userId, text: somethingWentWrong });
    }
    return;
  }
  // A direct message a person wrote to the app (the relay): it was not passed on, so say so.
  const event = body.event;
  if (event?.type === 'message' && event.channel_type === 'im' && event.user && !event.bot_id && event.channel) {
    if (event.subtype === undefined || event.subtype === 'file_share' || event.subtype === 'thread_broadcast') {
      await client.chat.postMessage({ channel: event.channel, text: copy.messageNotPassedOn(t) });
    }
  }
}
