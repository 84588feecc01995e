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

/** Each message parsed once per language, on first use. */
const compiled = new Map<string, IntlMessageFormat>();

function formatterOf(language: AppLanguage, key: MessageKey): IntlMessageFormat {
  const id = `${language}\u0000${key}`;
  let format = compiled.get(id);
  if (!format) {
    // ignoreTag: Slack's own markup (<@U123>, <https://...|text>) is text, not an ICU rich-text tag.
    format = new IntlMessageFormat(CATALOGUES[language][key], language, undefined, { ignoreTag: true });
    compiled.set(id, format);
  }
  return format;
}

export function translate(language: AppLanguage, key: MessageKey, values?: MessageValues): string {
  return String(formatterOf(language, key).format(values));
}

export function translatorFor(language: AppLanguage): Translate {
  return Object.assign((key: MessageKey, values?: MessageValues) => translate(language, key, values), { language });
}

/** English, for surfaces not yet rendered per person (and for tests that read the English wording). */
export const english: Translate = translatorFor('en');
