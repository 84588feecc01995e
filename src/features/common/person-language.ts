import { ErrorCode, type WebClient } from '@slack/web-api';
import type { Db } from '../../db/client.js';
import { appLanguageOfLocale, chooseAppLanguage, FALLBACK_LANGUAGE, initiativeFallback, isAppLanguage, type AppLanguage } from '../../domain/app-language.js';
import { FreshCache } from '../../domain/fresh-cache.js';
import { within } from '../../domain/within.js';
import type { Logger } from '../../logger.js';
import { isFresh } from './timezones.js';
import { translatorFor, type Translate } from '../../i18n/translate.js';

// The language to answer someone in when they reach the app (a command, a DM, a click), issue 19. Read
// only: the cached row of someone taking part (their consent covers it), else Slack's users.info, kept
// in this process's memory for a few minutes and never written down, so nothing is stored about a
// person who has not consented to anything (DESIGN.md invariant 3). Check-ins, sent by the app on its
// own to people taking part, cache the locale with the timezone (timezones.ts cachedPerson).
//
// Order (chooseAppLanguage): the language the person chose in the app (PersonPreference, their own act,
// erased with them), else their Slack locale's, else the initiative's default (the one the message is
// about, or the one every initiative of the workspace shares), else English.

const LATE = Symbol('late');

/**
 * How long an answer to a click, a command or a form waits for the person's language before it is
 * worded in the initiative's (then English): a trigger_id and a view submission have 3 seconds in all.
 */
export const LANGUAGE_WITHIN_MS = 800;

/** How long the initiative's language may take once the person's came too late (it is usually in memory). */
const FALLBACK_WITHIN_MS = 100;

/** How long a person's locale is kept in a process's memory. */
const FRESH_MS = 10 * 60 * 1000;
const MAX_PEOPLE = 10_000;

export interface LanguageOptions {
  /** At most this long (a trigger_id or a view submission has 3 seconds in all); then English. */
  withinMs?: number;
  /** The workspace, whose initiatives' default language stands in for a locale the app does not speak. */
  workspaceId?: string;
  /** The initiative the message is about, when there is one: its default language comes first. */
  initiativeId?: string | null;
}

export interface PersonLanguages {
  /**
   * The person's language; the initiative's (then English) when Slack can't say, says a language the
   * app does not speak, or answers later than `withinMs` (the lookup goes on and is kept for the
   * person's next step).
   */
  of(client: WebClient, userId: string, options?: LanguageOptions): Promise<AppLanguage>;
  /** The person chose a language, or erased their data here: what this process kept of them goes. */
  forget(userId: string): void;
}

/** What is kept of a person in memory: their Slack locale and the language they chose, if any. */
interface Known {
  locale: string | null;
  chosen: string | null;
}

export function personLanguages(deps: {
  db: Db;
  logger: Logger;
  now: () => Date;
  /** A workspace's initiatives with their default language (the app passes its short-lived cache). */
  initiatives?: (workspaceId: string) => Promise<readonly { id: string; language: string }[]>;
}): PersonLanguages {
  const cache = new FreshCache<Known>({ freshMs: FRESH_MS, maxEntries: MAX_PEOPLE, now: () => deps.now().getTime() });
  const readLocale = async (client: WebClient, userId: string, row: { locale: string | null; fetchedAt: Date } | null): Promise<string | null> => {
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
  const readKnown = async (client: WebClient, userId: string): Promise<Known> => {
    const [row, preference] = await Promise.all([
      deps.db.personTimezone.findUnique({ where: { userId }, select: { locale: true, fetchedAt: true } }),
      deps.db.personPreference.findUnique({ where: { userId }, select: { language: true } }),
    ]);
    const chosen = isAppLanguage(preference?.language) ? preference.language : null;
    // A language of their own choosing needs nothing from Slack.
    return { chosen, locale: chosen ? null : await readLocale(client, userId, row) };
  };
  const fallbackOf = async (options: LanguageOptions): Promise<AppLanguage> =>
    options.workspaceId && deps.initiatives ? initiativeFallback(await deps.initiatives(options.workspaceId), options.initiativeId) : FALLBACK_LANGUAGE;
  /**
   * The initiative's language when the person's came too late: from the app's short-lived memory of the
   * initiatives, so it is quick; English if even that takes longer than FALLBACK_WITHIN_MS.
   */
  const quickFallback = (options: LanguageOptions): Promise<AppLanguage> =>
    within(fallbackOf(options).catch(() => FALLBACK_LANGUAGE), FALLBACK_WITHIN_MS, FALLBACK_LANGUAGE);
  const choose = async (client: WebClient, userId: string, options: LanguageOptions): Promise<AppLanguage> => {
    const known = await cache.get(userId, () => readKnown(client, userId));
    if (known.chosen) return chooseAppLanguage({ chosen: known.chosen });
    // The initiatives are read only for a locale the app does not speak (every relayed message asks).
    return appLanguageOfLocale(known.locale) ?? fallbackOf(options);
  };
  return {
    async of(client, userId, options = {}) {
      const language = choose(client, userId, options);
      // Past `withinMs` nobody awaits it: a failure then is logged below by whoever asks next, not thrown here.
      language.catch(() => {});
      try {
        const found = await (options.withinMs === undefined ? language : within(language, options.withinMs, LATE));
        if (found === LATE) {
          deps.logger.warn({ code: 'locale_late' }, "answering in the initiative's language: the locale came too late");
          return await quickFallback(options);
        }
        return found;
      } catch (error) {
        deps.logger.warn({ err: error, code: 'locale_unavailable' }, "answering in the initiative's language: no locale from Slack");
        return fallbackOf(options).catch(() => FALLBACK_LANGUAGE);
      }
    },
    forget: (userId) => cache.forget(userId),
  };
}

/** The person's language (PersonLanguages.of), as a translator for their words. */
export async function translatorOf(languages: PersonLanguages, client: WebClient, userId: string, options: LanguageOptions = {}): Promise<Translate> {
  return translatorFor(await languages.of(client, userId, options));
}
