import type { RespondFn } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { KnownBlock } from '@slack/types';
import { section } from './blocks.js';

/**
 * Answers a button click where it happened: replaces the message the button was in (a DM or an
 * ephemeral message, through its response_url), or, for a Home tab button, sends a DM.
 */
export async function answerClick(
  client: WebClient,
  respond: RespondFn | undefined,
  body: unknown,
  userId: string,
  text: string,
  replace = true,
): Promise<void> {
  await answerClickWith(client, respond, body, userId, { text, blocks: [section(text)] }, replace);
}

/** answerClick with a whole message (text and blocks), for a reply that carries a button. */
export async function answerClickWith(
  client: WebClient,
  respond: RespondFn | undefined,
  body: unknown,
  userId: string,
  message: { text: string; blocks: KnownBlock[] },
  replace = true,
): Promise<void> {
  const hasResponseUrl = typeof body === 'object' && body !== null && 'response_url' in body && typeof body.response_url === 'string';
  if (hasResponseUrl && respond) {
    await respond({ ...message, replace_original: replace, response_type: 'ephemeral' });
    return;
  }
  await client.chat.postMessage({ channel: userId, ...message });
}
