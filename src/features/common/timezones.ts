import type { WebClient } from '@slack/web-api';
import type { Db } from '../../db/client.js';
import type { Logger } from '../../logger.js';

/** A cached timezone and locale older than this are asked of Slack again before use (and pruned by retention). */
export const TIMEZONE_REFRESH_MS = 7 * 24 * 60 * 60 * 1000;

/** Whether a cached row (fetched at `fetchedAt`) may still be used, or Slack must be asked again. */
export function isFresh(fetchedAt: Date, now: Date): boolean {
  return now.getTime() - fetchedAt.getTime() < TIMEZONE_REFRESH_MS;
}

/** What the app keeps of Slack's users.info: where a person's day is, and their language (issue 19). */
export interface SlackPerson {
  /** IANA name, or null if Slack can't tell us (we then assume UTC). */
  timezone: string | null;
  /** Slack's locale (`de-DE`), or null. */
  locale: string | null;
}

const UNKNOWN: SlackPerson = { timezone: null, locale: null };

/** A person's timezone and locale from Slack (users.info with include_locale); unknown if Slack can't say. */
export async function fetchPerson(client: WebClient, userId: string, logger: Logger): Promise<SlackPerson> {
  try {
    const info = await client.users.info({ user: userId, include_locale: true });
    return { timezone: info.user?.tz ?? null, locale: info.user?.locale ?? null };
  } catch (error) {
    logger.warn({ err: error, code: 'timezone_unavailable' }, 'could not read a timezone from Slack');
    return UNKNOWN;
  }
}

/** A person's IANA timezone from Slack, or null if Slack can't tell us (we then assume UTC). */
export async function fetchTimezone(client: WebClient, userId: string, logger: Logger): Promise<string | null> {
  return (await fetchPerson(client, userId, logger)).timezone;
}

export interface CachedPerson extends SlackPerson {
  fetchedAt: Date;
}

/**
 * The timezone and locale from the cache, asking Slack (users.info) when they are missing or a week old.
 * A caller that loaded cache rows in bulk passes the person's row (or null) to skip the lookup.
 */
export async function cachedPerson(
  client: WebClient,
  db: Db,
  userId: string,
  now: Date,
  logger: Logger,
  prefetched?: CachedPerson | null,
): Promise<SlackPerson> {
  const cached = prefetched !== undefined ? prefetched : await db.personTimezone.findUnique({ where: { userId } });
  if (cached && isFresh(cached.fetchedAt, now)) return { timezone: cached.timezone, locale: cached.locale };
  const person = await fetchPerson(client, userId, logger);
  await db.personTimezone.upsert({ where: { userId }, create: { userId, ...person, fetchedAt: now }, update: { ...person, fetchedAt: now } });
  return person;
}

