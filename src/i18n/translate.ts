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

/**
 * A message that takes no values words the same every time: formatted once per language (issue 17:
 * `/peer help` alone words a dozen on every request).
 */
const plain = new Map<AppLanguage, Map<MessageKey, string>>();

export function translate(language: AppLanguage, key: MessageKey, values?: MessageValues): string {
  if (values !== undefined) return String(formatterOf(language, key).format(values));
  let words = plain.get(language);
  if (!words) plain.set(language, (words = new Map()));
  let text = words.get(key);
  if (text === undefined) {
    text = String(formatterOf(language, key).format());
    words.set(key, text);
  }
  return text;
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
