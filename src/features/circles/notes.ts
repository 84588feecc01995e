import type { WebClient } from '@slack/web-api';
import type { FeatureDeps } from '../../app-deps.js';
import type { Translate } from '../../i18n/translate.js';
import { translatorOf } from '../common/person-language.js';
import { renderCircleNote } from './relay-views.js';

// A note from the app to people in a circle (someone left or shared their name, a member was paused, the
// circle closed), each in their own welcome thread and language. Used by the circles' own buttons and
// by erasure, which can close a circle its last facilitator leaves.

/** Members without a thread yet are skipped; one failure stops none of the others (it is logged). */
export async function tellCircleMembers(
  client: WebClient,
  deps: Pick<FeatureDeps, 'languages' | 'logger'>,
  workspaceId: string,
  members: readonly { userId: string; channel: string | null; threadTs: string | null }[],
  words: (t: Translate) => string,
): Promise<void> {
  await Promise.all(
    members.map(async (m) => {
      if (!m.channel || !m.threadTs) return;
      try {
        const t = await translatorOf(deps.languages, client, m.userId, { workspaceId });
        await client.chat.postMessage({ channel: m.channel, thread_ts: m.threadTs, ...renderCircleNote(words(t)) });
      } catch (error) {
        deps.logger.warn({ err: error, code: 'circle_note_failed' }, 'a note to a circle member was not sent');
      }
    }),
  );
}
