import { english } from '../../../src/i18n/translate.js';
import { describe, expect, it } from 'vitest';
import { setupInputSchema } from '../../../src/features/initiatives/input.js';
import { InitiativeIds } from '../../../src/features/initiatives/ids.js';
import { listenInputSchema } from '../../../src/features/listeners/input.js';
import { ListenerIds } from '../../../src/features/listeners/ids.js';
import { requestInputSchema } from '../../../src/features/requests/input.js';
import { RequestIds } from '../../../src/features/requests/ids.js';
import { optionalText, readForm, requiredText } from '../../../src/features/common/view-state.js';

// Every field a person types into is cleaned of control, bidi and zero-width characters before it is
// checked or stored (issue 13; the rules are src/domain/text.ts).

describe('text fields clean what a person typed', () => {
  const required = requiredText(10, 'missing', 'too long');
  const optional = optionalText(10, 'too long');

  it.each([
    ['bidi override and zero-width space go', 'Ha\u202Erb\u200Bour', 'Harbour'],
    ['control characters go, newline stays', 'a\u0000b\nc\r', 'ab\nc'],
    ['decomposed letters are composed', 'Cafe\u0301', 'Café'],
    ['markup stays, for escaping where it is shown', '<!here>', '<!here>'],
  ])('%s', (_name, input, expected) => {
    expect(required.parse(input)).toBe(expected);
    expect(optional.parse(input)).toBe(expected);
  });

  it('a field of only invisible characters is empty: missing when required, null when optional', () => {
    expect(required.safeParse('\u200B\u202E\uFEFF').success).toBe(false);
    expect(optional.parse('\u200B \u2066')).toBeNull();
  });

  it('length is measured after cleaning, so hidden characters neither count nor sneak past the limit', () => {
    expect(required.parse(`${'a'.repeat(10)}\u200B\u200B`)).toBe('a'.repeat(10));
    expect(required.safeParse('a'.repeat(11)).success).toBe(false);
  });
});

describe('every form that takes typed text cleans it', () => {
  const Z = '\u200B\u202E';

  it('the setup form: name, description, topics, resources and guidelines', () => {
    const B = InitiativeIds.blocks;
    const parsed = setupInputSchema(false, english).parse({
      [B.name]: `Harbour${Z} Circle`,
      [B.description]: `Colleagues${Z}`,
      [B.topics]: `Anxiety${Z}\nAnx${Z}iety\nGrief`,
      [B.resources]: `EAP${Z} 0800`,
      [B.guidelines]: `Be${Z} kind`,
      [B.approval]: [],
      [B.coordinators]: [],
      [B.hrViewers]: [],
      [B.minGroupSize]: '5',
      [B.retentionDays]: '90',
      [B.firstCheckInDays]: '7',
      [B.checkInEveryDays]: '14',
      [B.consent]: [],
    });
    expect([parsed[B.name], parsed[B.description], parsed[B.resources], parsed[B.guidelines]]).toEqual(['Harbour Circle', 'Colleagues', 'EAP 0800', 'Be kind']);
    expect(parsed[B.topics]).toEqual(['Anxiety', 'Grief']);
  });

  it('the listen form: the introduction', () => {
    const B = ListenerIds.blocks;
    const parsed = listenInputSchema(english, { topicIds: ['t1'], needsConsent: false }).parse({
      [B.topics]: ['t1'],
      [B.capacity]: '2',
      [B.intro]: `Hello${Z} there`,
      [B.languages]: ['en'],
      [B.quietStart]: null,
      [B.quietEnd]: null,
      [B.consent]: [],
    });
    expect(parsed[B.intro]).toBe('Hello there');
  });

  it('the request form: the note', () => {
    const B = RequestIds.blocks;
    const parsed = requestInputSchema(english, ['t1']).parse({ [B.topic]: 't1', [B.note]: `Not${Z} sleeping`, [B.language]: null, [B.timezone]: [] });
    expect(parsed[B.note]).toBe('Not sleeping');
  });
});

describe('readForm', () => {
  it('reads a date picker as the date Slack sends (YYYY-MM-DD), and an empty one as null', () => {
    expect(readForm({ pause_until: { value: { type: 'datepicker', selected_date: '2026-12-14' } } })).toEqual({ pause_until: '2026-12-14' });
    expect(readForm({ pause_until: { value: { type: 'datepicker', selected_date: null } } })).toEqual({ pause_until: null });
  });
});
