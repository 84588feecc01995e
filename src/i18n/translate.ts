import { IntlMessageFormat } from 'intl-messageformat';
import type { AppLanguage } from '../domain/app-language.js';
import { CATALOGUES, type MessageKey } from './catalogues/index.js';

// Every word the app shows comes from the catalogues (src/i18n/catalogues), written in ICU MessageFormat
// (plurals, selects, numbers and dates formatted for the language by `intl-messageformat`). Values are
// put in as given: callers escape what goes into mrkdwn (escapeMrkdwn) as they always have.

export type { MessageKey } from './catalogues/index.js';
export type MessageValues = Record<string, string | number | Date>;

/** A function that words a message in one language, and that language (for text people wrote in several). */
export type Translate = ((key: MessageKey, values?: MessageValues) => string) & { readonly language: AppLanguage };

/**
 * Each message parsed once per language, on first use. A message that takes no values words the same
 * every time, so its words are kept with it (issue 17: `/peer help` alone words a dozen on every request).
 */
const compiled = new Map<string, { format: IntlMessageFormat; plain?: string }>();

function compiledOf(language: AppLanguage, key: MessageKey): { format: IntlMessageFormat; plain?: string } {
  const id = `${language}\u0000${key}`;
  let entry = compiled.get(id);
  if (!entry) {
    // ignoreTag: Slack's own markup (<@U123>, <https://...|text>) is text, not an ICU rich-text tag.
    entry = { format: new IntlMessageFormat(CATALOGUES[language][key], language, undefined, { ignoreTag: true }) };
    compiled.set(id, entry);
  }
  return entry;
}

export function translate(language: AppLanguage, key: MessageKey, values?: MessageValues): string {
  const entry = compiledOf(language, key);
  if (values !== undefined) return String(entry.format.format(values));
  return (entry.plain ??= String(entry.format.format()));
}

/** One translator per language, made on first use. */
const translators = new Map<AppLanguage, Translate>();

export function translatorFor(language: AppLanguage): Translate {
  let t = translators.get(language);
  if (!t) {
    t = Object.assign((key: MessageKey, values?: MessageValues) => translate(language, key, values), { language });
    translators.set(language, t);
  }
  return t;
}

/** English, for surfaces not yet rendered per person (and for tests that read the English wording). */
export const english: Translate = translatorFor('en');
