// The languages the app speaks (issue 19), and how a person's is chosen. Plain TypeScript: no Slack, no
// database. Listener and seeker languages for matching are a longer list (languages.ts); these are the
// ones every word of the app is written in.

export const APP_LANGUAGES = ['en', 'de', 'es'] as const;
export type AppLanguage = (typeof APP_LANGUAGES)[number];

/** Each app language by its own name (shown as is in every language). */
export const APP_LANGUAGE_NAMES: Readonly<Record<AppLanguage, string>> = { en: 'English', de: 'Deutsch', es: 'Español' };

/** The locale each app language formats dates and numbers with (Intl). */
export const APP_LOCALES: Readonly<Record<AppLanguage, string>> = { en: 'en-GB', de: 'de-DE', es: 'es-ES' };

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

/**
 * The language for someone whose own the app cannot tell, from the initiatives of their workspace: the
 * one the message is about when there is one, else the language every initiative there shares, else
 * English (a workspace running a German and a Spanish initiative does not guess between them).
 */
export function initiativeFallback(initiatives: readonly { id: string; language: string }[], initiativeId?: string | null): AppLanguage {
  const about = initiativeId ? initiatives.find((i) => i.id === initiativeId) : undefined;
  if (about) return isAppLanguage(about.language) ? about.language : FALLBACK_LANGUAGE;
  const shared = new Set(initiatives.map((i) => i.language));
  const [only] = shared;
  return shared.size === 1 && isAppLanguage(only) ? only : FALLBACK_LANGUAGE;
}
