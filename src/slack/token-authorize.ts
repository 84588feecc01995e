import type { AuthorizeResult, AuthorizeSourceData } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';

/**
 * Authorizes every request with the one bot token (SLACK_BOT_TOKEN). Bolt's own, given its `token`
 * option, calls auth.test in its constructor and keeps the promise: when Slack's Web API could not be
 * reached at that moment, the rejection was unhandled and stopped the process half a second after it
 * said it was running, and had it been handled, every later request would have failed on it.
 *
 * Only events need the bot's ids (Bolt's ignoreSelf drops the app's own messages by them): they are
 * asked of Slack for the first event, shared with events that arrive meanwhile, kept once Slack gave
 * them, and asked again after a failure. Commands and clicks never wait for them, so `/peer help`
 * answers (its answer travels in the acknowledgement) even while Slack's Web API is unreachable.
 */
export function tokenAuthorize(
  token: string,
  client: () => WebClient,
): (source: AuthorizeSourceData<boolean>, body?: unknown) => Promise<AuthorizeResult> {
  let identity: Promise<{ botId?: string; botUserId?: string }> | undefined;
  const ask = () =>
    client()
      .auth.test({ token })
      .then((r) => ({ botId: r.bot_id, botUserId: r.user_id }))
      .catch((error: unknown) => {
        identity = undefined;
        throw error;
      });
  return async ({ isEnterpriseInstall }, body) => {
    const authorized = { isEnterpriseInstall, botToken: token };
    if ((body as { type?: unknown } | undefined)?.type !== 'event_callback') return authorized;
    identity ??= ask();
    return { ...authorized, ...(await identity) };
  };
}
