import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { APP_LANGUAGES } from '../../src/domain/app-language.js';
import { CATALOGUES, type MessageKey } from '../../src/i18n/catalogues/index.js';
import { translate, translatorFor } from '../../src/i18n/translate.js';
import { renderHelp } from '../../src/features/help/views.js';

// Issue 17: messages that take no values are worded once per language, and there is one translator per
// language. What they say must not change for it.

const KEYS = Object.keys(CATALOGUES.en) as MessageKey[];

/** Whether a message words without values (ICU MessageFormat throws for a missing one). */
function takesNoValues(language: (typeof APP_LANGUAGES)[number], key: MessageKey): boolean {
  try {
    new IntlMessageFormat(CATALOGUES[language][key], language, undefined, { ignoreTag: true }).format();
    return true;
  } catch {
    return false;
  }
}

describe('translate', () => {
  it('words every value-less message as ICU MessageFormat does, the first time and every time after', () => {
    let checked = 0;
    for (const language of APP_LANGUAGES) {
      for (const key of KEYS.filter((k) => takesNoValues(language, k))) {
        const expected = String(new IntlMessageFormat(CATALOGUES[language][key], language, undefined, { ignoreTag: true }).format());
        expect(translate(language, key)).toBe(expected);
        expect(translate(language, key)).toBe(expected);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('still words a message with its values on every call, never from an earlier call', () => {
    expect(translate('en', 'help.unknownCommand', { typed: 'hug' })).toContain('`hug`');
    expect(translate('en', 'help.unknownCommand', { typed: 'wave' })).toContain('`wave`');
    expect(translate('en', 'help.unknownCommand', { typed: 'wave' })).not.toContain('hug');
  });

  it('keeps each language apart', () => {
    expect(translate('de', 'help.intro')).not.toBe(translate('en', 'help.intro'));
    expect(translate('de', 'help.intro')).toBe(translatorFor('de')('help.intro'));
  });

  it('gives one translator per language, which knows its language', () => {
    expect(translatorFor('es')).toBe(translatorFor('es'));
    expect(translatorFor('es')).not.toBe(translatorFor('de'));
    expect(translatorFor('es').language).toBe('es');
  });

  it("words the help's list of commands in each translator's own language", () => {
    const german = renderHelp(translatorFor('de'));
    const english = renderHelp(translatorFor('en'));
    expect(german.text).not.toBe(english.text);
    expect(renderHelp(translatorFor('de')).text).toBe(german.text);
    // A translator of a test's own (not one of the app's) gets a list of its own.
    const keys = Object.assign((key: MessageKey) => `[${key}]`, { language: 'en' as const });
    expect(renderHelp(keys).text).toContain('[help.command.request]');
  });
});
