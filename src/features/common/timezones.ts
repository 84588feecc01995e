import type { WebClient } from '@slack/web-api';
import type { Logger } from '../../logger.js';

/** A person's IANA timezone from Slack, or null if Slack can't tell us (we then assume UTC). */
export async function fetchTimezone(client: WebClient, userId: string, logger: Logger): Promise<string | null> {
  try {
    const info = await client.users.info({ user: userId });
    return info.user?.tz ?? null;
  } catch (error) {
    logger.warn({ err: error, code: 'timezone_unavailable' }, 'could not read a timezone from Slack');
    return null;
  }
}
