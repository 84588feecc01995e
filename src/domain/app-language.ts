// The languages the app speaks (issue 19), and how a person's is chosen. Plain TypeScript: no Slack, no
// database. Listener and seeker languages for matching are a longer list (languages.ts); these are the
// ones every word of the app is written in.

export const APP_LANGUAGES = ['en', 'de', 'es'] as const;
export type AppLanguage = (typeof APP_LANGUAGES)[number];

/** What is left when nothing else says: English. */
export const FALLBACK_LANGUAGE: AppLanguage = 'en';

export function isAppLanguage(value: unknown): value is AppLanguage {
  return typeof value === 'string' && (APP_LANGUAGES as readonly string[]).includes(value);
}

/**
 * The app language of a Slack locale (`de-DE`, `es-419`, `en-GB`), or null when the app does not speak
 * it. Slack writes locales with a hyphen; an underscore or a bare language code is read the same way.
 */
export function appLanguageOfLocale(locale: string | null | undefined): AppLanguage | null {
  if (!locale) return null;
  const language = locale.trim().toLowerCase().split(/[-_]/)[0];
  return isAppLanguage(language) ? language : null;
}

/**
 * A person's language: the one they chose in the app, else their Slack locale's, else the initiative's
 * default, else English. Values the app does not speak are passed over.
 */
export function chooseAppLanguage(from: { chosen?: string | null; slackLocale?: string | null; initiative?: string | null }): AppLanguage {
  if (isAppLanguage(from.chosen)) return from.chosen;
  return appLanguageOfLocale(from.slackLocale) ?? (isAppLanguage(from.initiative) ? from.initiative : FALLBACK_LANGUAGE);
}
