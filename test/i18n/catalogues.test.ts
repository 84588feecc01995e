import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { APP_LANGUAGES } from '../../src/domain/app-language.js';
import { CATALOGUES, type MessageKey } from '../../src/i18n/catalogues/index.js';
import { translate } from '../../src/i18n/translate.js';

// Issue 19: every key in every language, with the same arguments of the same kinds, every plural
// category the language needs, and no key the code never uses.

const KEYS = Object.keys(CATALOGUES.en) as MessageKey[];

/** Each argument a message takes, with its kind (text, number, plural, select, date, time). */
function argumentsOf(elements: MessageFormatElement[], into = new Map<string, string>()): Map<string, string> {
  for (const el of elements) {
    if (el.type === TYPE.argument) into.set(el.value, 'text');
    if (el.type === TYPE.number) into.set(el.value, 'number');
    if (el.type === TYPE.date) into.set(el.value, 'date');
    if (el.type === TYPE.time) into.set(el.value, 'time');
    if (el.type === TYPE.plural) into.set(el.value, el.pluralType === 'ordinal' ? 'ordinal' : 'plural');
    if (el.type === TYPE.select) into.set(el.value, 'select');
    if (el.type === TYPE.plural || el.type === TYPE.select) for (const option of Object.values(el.options)) argumentsOf(option.value, into);
  }
  return into;
}

/** Every plural in a message, with the categories it words (`=0` and the like are exact matches, not categories). */
function pluralsOf(elements: MessageFormatElement[], into: { name: string; categories: string[] }[] = []) {
  for (const el of elements) {
    if (el.type === TYPE.plural) into.push({ name: el.value, categories: Object.keys(el.options).filter((k) => !k.startsWith('=')) });
    if (el.type === TYPE.plural || el.type === TYPE.select) for (const option of Object.values(el.options)) pluralsOf(option.value, into);
  }
  return into;
}

const ast = (language: string, key: MessageKey) => parse(CATALOGUES[language as keyof typeof CATALOGUES][key], { ignoreTag: true });

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'generated' || path.endsWith(join('i18n', 'catalogues')) ? [] : sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

describe('message catalogues', () => {
  it('hold the same keys in every language', () => {
    for (const language of APP_LANGUAGES) expect(Object.keys(CATALOGUES[language]).sort(), language).toEqual([...KEYS].sort());
  });

  it('give every message the same arguments, of the same kinds, in every language', () => {
    for (const key of KEYS) {
      const english = Object.fromEntries(argumentsOf(ast('en', key)));
      for (const language of APP_LANGUAGES) expect(Object.fromEntries(argumentsOf(ast(language, key))), `${language} ${key}`).toEqual(english);
    }
  });

  it('word every plural category each language needs', () => {
    for (const language of APP_LANGUAGES) {
      const needed = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
      for (const key of KEYS) {
        for (const plural of pluralsOf(ast(language, key))) {
          expect(plural.categories, `${language} ${key} {${plural.name}}`).toEqual(expect.arrayContaining([...needed, 'other']));
        }
      }
    }
  });

  it('format every message in every language with sample values', () => {
    for (const key of KEYS) {
      const values = Object.fromEntries([...argumentsOf(ast('en', key))].map(([name, kind]) => [name, kind === 'text' || kind === 'select' ? 'x' : kind === 'date' || kind === 'time' ? new Date(0) : 2]));
      for (const language of APP_LANGUAGES) expect(translate(language, key, values).length, `${language} ${key}`).toBeGreaterThan(0);
    }
  });

  it('have no key the code never uses', () => {
    const code = sourceFiles(join(import.meta.dirname, '../../src')).map((f) => readFileSync(f, 'utf8')).join('\n');
    expect(KEYS.filter((key) => !code.includes(`'${key}'`))).toEqual([]);
  });

  it('words Spanish counts with the plural forms Spanish uses, and formats numbers for the language', () => {
    expect(translate('es', 'checkIns.listenerLoad', { conversations: 1 })).toBe('Ahora mismo acompañas a 1 persona.');
    expect(translate('es', 'checkIns.listenerLoad', { conversations: 1_000_000 })).toBe('Ahora mismo acompañas a 1.000.000 personas.');
    expect(translate('de', 'checkIns.listenerLoad', { conversations: 1200 })).toBe('Du bist gerade für 1.200 Personen da.');
    expect(translate('en', 'checkIns.listenerLoad', { conversations: 1200 })).toBe("You're supporting 1,200 colleagues at the moment.");
  });

  it('writes Spanish that reads the same in Spain and Latin America: no vosotros forms', () => {
    const vosotros = /\b(vosotros|vosotras|os|vuestro|vuestra|\p{L}+áis|\p{L}+éis)\b/iu;
    expect(KEYS.filter((key) => vosotros.test(CATALOGUES.es[key]))).toEqual([]);
  });

  it('addresses people in German with "du", never the formal "Sie" (a capital Sie or Ihnen inside a sentence)', () => {
    const formal = /(?<![.!?:„"]\s|^|\{|\()\b(Sie|Ihnen|Ihr|Ihre|Ihrem|Ihren|Ihrer|Ihres)\b/u;
    expect(KEYS.filter((key) => formal.test(CATALOGUES.de[key]))).toEqual([]);
    expect(formal.test('Möchten Sie zuhören?')).toBe(true);
    expect(KEYS.filter((key) => /\b(du|dich|dir|dein\p{L}*)\b/iu.test(CATALOGUES.de[key])).length).toBeGreaterThan(KEYS.length / 3);
  });

  it("keeps Slack's own markup as text", () => {
    expect(translate('en', 'checkIns.seekerQuestion', { listener: '<@U123>' })).toContain('*<@U123>*');
  });
});
