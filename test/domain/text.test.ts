import { describe, expect, it } from 'vitest';
import { cleanText } from '../../src/domain/text.js';
import { parseTopicList } from '../../src/domain/topics.js';

// Text from people is inert (issue 13): what a person types is cleaned once, where it comes in, of
// characters that are invisible or change how the text around them is shown.

describe('cleanText', () => {
  it.each([
    // name, input, expected
    ['plain text is unchanged', 'Peer Support UK', 'Peer Support UK'],
    ['newline and tab are kept', 'line one\n\tline two', 'line one\n\tline two'],
    ['mrkdwn characters are left for escaping where the text is shown', '<!channel> & <@U0SOMEONE>', '<!channel> & <@U0SOMEONE>'],
    ['NUL and other C0 controls go', 'a\u0000b\u0007c\u001bd\u001fe', 'abcde'],
    ['carriage return goes (Windows line ends become newlines)', 'one\r\ntwo\rthree', 'one\ntwothree'],
    ['vertical tab and form feed go', 'a\u000bb\u000cc', 'abc'],
    ['DEL and C1 controls go', 'a\u007fb\u0080c\u0085d\u009fe', 'abcde'],
    ['left-to-right and right-to-left embeddings and overrides go', 'x\u202Ay\u202Bz\u202Cw\u202Dv\u202Eu', 'xyzwvu'],
    ['bidi isolates go', 'a\u2066b\u2067c\u2068d\u2069e', 'abcde'],
    ['bidi marks go (LRM, RLM, Arabic letter mark)', 'a\u200Eb\u200Fc\u061Cd', 'abcd'],
    ['a right-to-left override that would show "exe.txt" as "txt.exe" goes', 'report\u202Etxt.exe', 'reporttxt.exe'],
    ['zero-width space, non-joiner and word joiner go', 'An\u200Bxi\u200Cety\u2060', 'Anxiety'],
    ['a byte order mark goes, at the start or inside', '\uFEFFStress\uFEFF and burnout', 'Stress and burnout'],
    ['a zero-width joiner between letters goes', 'Be\u200Dreavement', 'Bereavement'],
    ['a zero-width joiner at either end goes', '\u200DLGBTQ+ life\u200D', 'LGBTQ+ life'],
    ['a joiner inside an emoji sequence stays: the rainbow flag is one flag', 'LGBTQ+ life 🏳️\u200D🌈', 'LGBTQ+ life 🏳️\u200D🌈'],
    ['a joiner inside a family emoji with skin tones stays', '👩🏽\u200D👧🏽', '👩🏽\u200D👧🏽'],
    ['a joiner after an emoji but before a letter goes', '🌈\u200Dx', '🌈x'],
    ['emoji and other scripts pass through', 'Ruhe 🌿 안녕 مرحبا', 'Ruhe 🌿 안녕 مرحبا'],
    ['a lone surrogate goes; a pair stays', 'a\uD83Db😀c\uDE00', 'ab😀c'],
    ['decomposed letters are composed (NFC)', 'Cafe\u0301 Zu\u0308rich', 'Café Zürich'],
    ['composition works across a removed zero-width character', 'e\u200B\u0301', 'é'],
    ['text made only of invisible characters becomes empty', '\u200B\u202E\uFEFF\u0000', ''],
  ])('%s', (_name, input, expected) => {
    expect(cleanText(input)).toBe(expected);
  });

  it('is idempotent', () => {
    const samples = ['a\u200Bb\r\n\u202Ec', 'LGBTQ+ 🏳️\u200D🌈', 'Cafe\u0301', '\uD800x'];
    for (const s of samples) expect(cleanText(cleanText(s))).toBe(cleanText(s));
  });
});

describe('parseTopicList cleans each topic', () => {
  it.each([
    ['a hidden zero-width space does not make a second "Anxiety"', 'Anxiety\nAn\u200Bxiety', ['Anxiety']],
    ['an NFC and an NFD spelling are one topic', 'Caf\u00e9 talk\nCafe\u0301 talk', ['Café talk']],
    ['Windows line ends split topics and leave no carriage return', 'Anxiety\r\nDepression\r\n', ['Anxiety', 'Depression']],
    ['a line of only invisible characters is blank', 'Anxiety\n\u200B\u202E\nBipolar', ['Anxiety', 'Bipolar']],
    ['bidi overrides inside a topic go', 'Stress \u202Eand burnout', ['Stress and burnout']],
  ])('%s', (_name, input, expected) => {
    expect(parseTopicList(input)).toEqual(expected);
  });
});
