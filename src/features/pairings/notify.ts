import type { WebClient } from '@slack/web-api';
import * as copy from './copy.js';
import type { EndReason, Pairing, Side } from './service.js';
import { renderNote } from './views.js';

/** Messages both sides get when a pairing ends; each names the other only by pseudonym. */
export async function announceEnd(
  client: WebClient,
  pairing: Pairing,
  by: Side | 'system',
  reason: EndReason,
  options: { onlyListener?: boolean } = {},
): Promise<void> {
  const toSeeker =
    reason === 'someone_else'
      ? copy.SOMEONE_ELSE_SEEKER
      : reason === 'listener_stopped'
        ? copy.LISTENER_STOPPED_SEEKER
        : by === 'seeker'
          ? copy.ENDED_BY_YOU
          : copy.ENDED_FOR_SEEKER_BY_LISTENER;
  const toListener = reason === 'someone_else' ? copy.SOMEONE_ELSE_LISTENER : by === 'listener' ? copy.ENDED_BY_YOU : copy.ENDED_BY_OTHER;
  const seekerThread = pairing.seekerThreadTs ? { thread_ts: pairing.seekerThreadTs, reply_broadcast: true } : {};
  const listenerThread = pairing.listenerThreadTs ? { thread_ts: pairing.listenerThreadTs, reply_broadcast: true } : {};
  // After the seeker erased their data, only the listener is left to tell.
  if (!options.onlyListener) await client.chat.postMessage({ channel: pairing.seekerChannel, ...seekerThread, ...renderNote(toSeeker) });
  if (reason !== 'listener_stopped') {
    await client.chat.postMessage({ channel: pairing.listenerChannel, ...listenerThread, ...renderNote(toListener) });
  }
}

