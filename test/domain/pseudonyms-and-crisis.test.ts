import { describe, expect, it } from 'vitest';
import { crisisWordsOf, crisisWordsOfEach, DEFAULT_CRISIS_WORDS, mentionsCrisis } from '../../src/domain/crisis.js';
import { displayPseudonym, pickPseudonym, PSEUDONYM_NAMES } from '../../src/domain/pseudonyms.js';
import { english, translatorFor } from '../../src/i18n/translate.js';

describe('pseudonyms', () => {
  it('never gives the listener the seeker\'s pseudonym', () => {
    for (let i = 0; i < PSEUDONYM_NAMES.length; i++) {
      const seeker = PSEUDONYM_NAMES[i]!;
      for (const r of [0, 0.3, 0.5, 0.999]) expect(pickPseudonym(() => r, [seeker])).not.toBe(seeker);
    }
  });

  it('never picks a name it was asked to avoid, whatever the random source', () => {
    const avoid = new Set(PSEUDONYM_NAMES.slice(0, 28));
    for (const r of [0, 0.25, 0.5, 0.75, 0.9999999]) {
      const name = pickPseudonym(() => r, avoid);
      expect(avoid.has(name)).toBe(false);
      expect(PSEUDONYM_NAMES).toContain(name);
    }
    // Only one name left: that one, every time.
    const allButOne = PSEUDONYM_NAMES.filter((n) => n !== 'Moth');
    for (const r of [0, 0.5, 0.9999999]) expect(pickPseudonym(() => r, allButOne)).toBe('Moth');
  });

  it('falls back to any name when every name is avoided', () => {
    expect(pickPseudonym(() => 0, PSEUDONYM_NAMES)).toBe(PSEUDONYM_NAMES[0]);
    expect(PSEUDONYM_NAMES).toContain(pickPseudonym(() => 0.9999999, new Set(PSEUDONYM_NAMES)));
  });

  it('picks from the random source alone: the same draw gives the same name, whoever asks', () => {
    // Nothing about the person goes in (invariant 1), so a re-picked name says nothing about them.
    expect(pickPseudonym(() => 0.5, ['Otter'])).toBe(pickPseudonym(() => 0.5, new Set(['Otter'])));
    expect(pickPseudonym(() => 0, [])).toBe('Otter');
    expect(pickPseudonym(() => 0, ['Otter'])).toBe('Heron');
  });

  it('shows a pseudonym as "a colleague (Name)" in English and as the name itself in German and Spanish sentences', () => {
    expect(displayPseudonym(english, 'Otter')).toBe('a colleague (Otter)');
    expect(displayPseudonym(translatorFor('de'), 'Otter')).toBe('Otter');
    expect(displayPseudonym(translatorFor('es'), 'Otter')).toBe('Otter');
  });

  it('stays in range for a random source that returns values close to 1', () => {
    expect(PSEUDONYM_NAMES).toContain(pickPseudonym(() => 0.9999999));
  });
});

describe('crisis words', () => {
  it('uses the built-in list when the initiative has none', () => {
    expect(crisisWordsOf('  \n ')).toEqual([...DEFAULT_CRISIS_WORDS]);
    expect(crisisWordsOf('hopeless\nNo way out, end it')).toEqual(['hopeless', 'no way out', 'end it']);
  });

  it('joins several initiatives\' words, each one\'s own or the built-in list, and the built-in list for none', () => {
    expect(crisisWordsOfEach([])).toEqual([...DEFAULT_CRISIS_WORDS]);
    expect(crisisWordsOfEach(['hopeless', 'hopeless\nno way out'])).toEqual(['hopeless', 'no way out']);
    expect(crisisWordsOfEach(['hopeless', ''])).toEqual(['hopeless', ...DEFAULT_CRISIS_WORDS]);
  });

  it.each([
    ['I want to die', true],
    ['Sometimes I think about SUICIDE.', true],
    ['i might hurt myself tonight', true],
    ["I can't cope anymore", true],
    ['I cannot cope with this', true],
    ['Ich will nicht mehr leben.', true],
    ['Manchmal denke ich an Suizid', true],
    ['Ich kann nicht mehr.', true],
    ['Ich habe an eine Überdosis gedacht', true],
    ['Ich habe heute keine Zeit mehr', false],
    ['Ya no puedo más', true],
    ['A veces pienso en quitarme la vida', true],
    ['Estarían mejor sin mí', true],
    ['No puedo ir a la reunión de más tarde', false],
    ['This project is killing me, lol', false],
    ['I died laughing', false],
    ['', false],
  ])('%s → %s', (text, expected) => {
    expect(mentionsCrisis(text, DEFAULT_CRISIS_WORDS)).toBe(expected);
  });

  it('matches whole words and phrases, not parts of words', () => {
    expect(mentionsCrisis('overdosed on coffee is not a thing', ['overdose'])).toBe(false);
    expect(mentionsCrisis('took an overdose', ['overdose'])).toBe(true);
  });
});
