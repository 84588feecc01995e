import { describe, expect, it } from 'vitest';
import { appLanguageOfLocale, chooseAppLanguage, initiativeFallback } from '../../src/domain/app-language.js';

describe('app language', () => {
  it("reads the language of Slack's locales", () => {
    expect(appLanguageOfLocale('de-DE')).toBe('de');
    expect(appLanguageOfLocale('es-419')).toBe('es');
    expect(appLanguageOfLocale('en-GB')).toBe('en');
    expect(appLanguageOfLocale('es_ES')).toBe('es');
    expect(appLanguageOfLocale('DE')).toBe('de');
    expect(appLanguageOfLocale('fr-FR')).toBeNull();
    expect(appLanguageOfLocale('')).toBeNull();
    expect(appLanguageOfLocale(null)).toBeNull();
  });

  it("chooses the person's own choice, then Slack's locale, then the initiative's language, then English", () => {
    expect(chooseAppLanguage({ chosen: 'es', slackLocale: 'de-DE', initiative: 'en' })).toBe('es');
    expect(chooseAppLanguage({ chosen: null, slackLocale: 'de-DE', initiative: 'es' })).toBe('de');
    expect(chooseAppLanguage({ slackLocale: 'fr-FR', initiative: 'es' })).toBe('es');
    expect(chooseAppLanguage({ slackLocale: 'ja-JP' })).toBe('en');
    expect(chooseAppLanguage({ chosen: 'klingon', initiative: 'fr' })).toBe('en');
    expect(chooseAppLanguage({})).toBe('en');
  });

  it("falls back to the initiative the message is about, else the language every initiative shares, else English", () => {
    const initiatives = [
      { id: 'i-de', language: 'de' },
      { id: 'i-es', language: 'es' },
    ];
    expect(initiativeFallback(initiatives, 'i-es')).toBe('es');
    expect(initiativeFallback(initiatives, 'i-de')).toBe('de');
    // Two languages and no initiative named: no guess between them.
    expect(initiativeFallback(initiatives)).toBe('en');
    expect(initiativeFallback(initiatives, 'i-gone')).toBe('en');
    expect(initiativeFallback([{ id: 'a', language: 'de' }, { id: 'b', language: 'de' }])).toBe('de');
    expect(initiativeFallback([{ id: 'a', language: 'fr' }], 'a')).toBe('en');
    expect(initiativeFallback([])).toBe('en');
  });
});
