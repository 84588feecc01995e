import type { WebClient } from '@slack/web-api';
import type { Db } from '../../db/client.js';
import type { Logger } from '../../logger.js';

/** A cached timezone older than this is asked of Slack again before use (and pruned by retention). */
export const TIMEZONE_REFRESH_MS = 7 * 24 * 60 * 60 * 1000;

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

export interface CachedTimezone {
  timezone: string | null;
  fetchedAt: Date;
}

/**
 * The timezone from the cache, asking Slack (users.info) when it is missing or a week old. A caller
 * that loaded cache rows in bulk passes the person's row (or null) to skip the lookup.
 */
export async function cachedTimezone(
  client: WebClient,
  db: Db,
  userId: string,
  now: Date,
  logger: Logger,
  prefetched?: CachedTimezone | null,
): Promise<string | null> {
  const cached = prefetched !== undefined ? prefetched : await db.personTimezone.findUnique({ where: { userId } });
  if (cached && now.getTime() - cached.fetchedAt.getTime() < TIMEZONE_REFRESH_MS) return cached.timezone;
  const timezone = await fetchTimezone(client, userId, logger);
  await db.personTimezone.upsert({ where: { userId }, create: { userId, timezone, fetchedAt: now }, update: { timezone, fetchedAt: now } });
  return timezone;
}
