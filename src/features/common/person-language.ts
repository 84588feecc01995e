import { ErrorCode, type WebClient } from '@slack/web-api';
import type { Db } from '../../db/client.js';
import { chooseAppLanguage, FALLBACK_LANGUAGE, type AppLanguage } from '../../domain/app-language.js';
import { FreshCache } from '../../domain/fresh-cache.js';
import type { Logger } from '../../logger.js';
import { isFresh } from './timezones.js';

// The language to answer someone in when they reach the app (a command, a DM, a click), issue 19. Read
// only: the cached row of someone taking part (their consent covers it), else Slack's users.info, kept
// in this process's memory for a few minutes and never written down, so nothing is stored about a
// person who has not consented to anything (DESIGN.md invariant 3). Check-ins, sent by the app on its
// own to people taking part, cache the locale with the timezone (timezones.ts cachedPerson).

const LATE = Symbol('late');

/** How long a person's locale is kept in a process's memory. */
const FRESH_MS = 10 * 60 * 1000;
const MAX_PEOPLE = 10_000;

export interface PersonLanguages {
  /**
   * The person's language; English when Slack can't say (or says a language the app does not speak),
   * or when it takes longer than `withinMs` (a trigger_id or a view submission has 3 seconds in all:
   * the lookup goes on and is kept for the person's next step).
   */
  of(client: WebClient, userId: string, options?: { withinMs?: number }): Promise<AppLanguage>;
  /** The person erased their data here: their locale leaves this process's memory too. */
  forget(userId: string): void;
}

export function personLanguages(deps: { db: Db; logger: Logger; now: () => Date }): PersonLanguages {
  const cache = new FreshCache<string | null>({ freshMs: FRESH_MS, maxEntries: MAX_PEOPLE, now: () => deps.now().getTime() });
  const readLocale = async (client: WebClient, userId: string): Promise<string | null> => {
    const row = await deps.db.personTimezone.findUnique({ where: { userId }, select: { locale: true, fetchedAt: true } });
    if (row && isFresh(row.fetchedAt, deps.now())) return row.locale;
    try {
      const info = await client.users.info({ user: userId, include_locale: true });
      return info.user?.locale ?? null;
    } catch (error) {
      // Slack's own answer (user_not_found, a missing scope) will not change in minutes: kept, as "no
      // locale". Anything else (the network, a 5xx, a 429) is thrown, so the next message asks again.
      if ((error as { code?: unknown }).code === ErrorCode.PlatformError) return null;
      throw error;
    }
  };
  return {
    async of(client, userId, options = {}) {
      const locale = cache.get(userId, () => readLocale(client, userId));
      let timer: NodeJS.Timeout | undefined;
      const late =
        options.withinMs === undefined
          ? null
          : new Promise<typeof LATE>((resolve) => {
              timer = setTimeout(() => resolve(LATE), options.withinMs);
            });
      try {
        const found = await (late ? Promise.race([locale, late]) : locale);
        if (found === LATE) {
          deps.logger.warn({ code: 'locale_late' }, 'answering in English: the locale came too late');
          return FALLBACK_LANGUAGE;
        }
        return chooseAppLanguage({ slackLocale: found });
      } catch (error) {
        deps.logger.warn({ err: error, code: 'locale_unavailable' }, 'answering in English: no locale from Slack');
        return FALLBACK_LANGUAGE;
      } finally {
        clearTimeout(timer);
      }
    },
    forget: (userId) => cache.forget(userId),
  };
}
