import { describe, expect, it } from 'vitest';
import {
  CIRCLE_DESCRIPTION_MAX,
  CIRCLE_GUIDELINES_MAX,
  CIRCLE_MAX_SIZE,
  CIRCLE_MIN_SIZE,
  CIRCLE_PROMPT_MAX,
  cleanCircleInput,
  isCircleCadence,
  isCircleRole,
  validateCircleInput,
  type CircleInput,
  type CircleInputError,
} from '../../src/domain/circles.js';

// What a circle may be (issue 20), checked before anything is stored: each field fails with a stable code
// the form turns into words; the database's checks (topic, facilitators) are the service's.

const valid: CircleInput = {
  initiativeId: 'I1',
  topicId: 'T1',
  description: 'A weekly circle for colleagues who care for a parent.',
  capacity: 8,
  cadence: 'weekly',
  weekday: 3,
  localTime: '12:30',
  timezone: 'Europe/Berlin',
  prompt: 'What has been on your mind this week?',
  guidelines: 'What is said in the circle stays in the circle.',
  facilitatorIds: ['UFAC1'],
};

describe('validateCircleInput', () => {
  it('accepts a complete circle', () => {
    expect(validateCircleInput(valid)).toEqual([]);
  });

  it.each<[string, Partial<CircleInput>, CircleInputError[]]>([
    ['no topic (a circle open to any experience)', { topicId: null }, []],
    ['the smallest circle', { capacity: CIRCLE_MIN_SIZE }, []],
    ['the largest circle', { capacity: CIRCLE_MAX_SIZE }, []],
    ['a circle of two', { capacity: CIRCLE_MIN_SIZE - 1 }, [{ field: 'capacity', code: 'out-of-range' }]],
    ['a circle of thirteen', { capacity: CIRCLE_MAX_SIZE + 1 }, [{ field: 'capacity', code: 'out-of-range' }]],
    ['a size that is not a whole number', { capacity: 4.5 }, [{ field: 'capacity', code: 'out-of-range' }]],
    ['a size that is not a number', { capacity: Number.NaN }, [{ field: 'capacity', code: 'out-of-range' }]],
    ['fortnightly', { cadence: 'fortnightly' }, []],
    ['a cadence the app does not know', { cadence: 'monthly' as CircleInput['cadence'] }, [{ field: 'cadence', code: 'unknown' }]],
    ['Sunday', { weekday: 0 }, []],
    ['Saturday', { weekday: 6 }, []],
    ['a weekday after Saturday', { weekday: 7 }, [{ field: 'weekday', code: 'out-of-range' }]],
    ['a negative weekday', { weekday: -1 }, [{ field: 'weekday', code: 'out-of-range' }]],
    ['midnight', { localTime: '00:00' }, []],
    ['a minute before midnight', { localTime: '23:59' }, []],
    ['24:00', { localTime: '24:00' }, [{ field: 'localTime', code: 'invalid' }]],
    ['a time without its leading zero', { localTime: '9:30' }, [{ field: 'localTime', code: 'invalid' }]],
    ['no time', { localTime: '' }, [{ field: 'localTime', code: 'invalid' }]],
    ['a timezone Intl does not know', { timezone: 'Mars/Olympus' }, [{ field: 'localTime', code: 'timezone-invalid' }]],
    ['no timezone', { timezone: '' }, [{ field: 'localTime', code: 'timezone-invalid' }]],
    ['an empty description', { description: '' }, [{ field: 'description', code: 'required' }]],
    ['a description of spaces', { description: '   \n ' }, [{ field: 'description', code: 'required' }]],
    ['the longest description', { description: 'x'.repeat(CIRCLE_DESCRIPTION_MAX) }, []],
    ['a description too long', { description: 'x'.repeat(CIRCLE_DESCRIPTION_MAX + 1) }, [{ field: 'description', code: 'too-long' }]],
    ['no prompt', { prompt: '' }, [{ field: 'prompt', code: 'required' }]],
    ['the longest prompt', { prompt: 'x'.repeat(CIRCLE_PROMPT_MAX) }, []],
    ['a prompt too long', { prompt: 'x'.repeat(CIRCLE_PROMPT_MAX + 1) }, [{ field: 'prompt', code: 'too-long' }]],
    ['no guidelines', { guidelines: ' ' }, [{ field: 'guidelines', code: 'required' }]],
    ['the longest guidelines', { guidelines: 'x'.repeat(CIRCLE_GUIDELINES_MAX) }, []],
    ['guidelines too long', { guidelines: 'x'.repeat(CIRCLE_GUIDELINES_MAX + 1) }, [{ field: 'guidelines', code: 'too-long' }]],
    ['no facilitator', { facilitatorIds: [] }, [{ field: 'facilitators', code: 'required' }]],
    ['two facilitators', { facilitatorIds: ['UFAC1', 'UFAC2'] }, []],
  ])('%s', (_name, change, expected) => {
    expect(validateCircleInput({ ...valid, ...change })).toEqual(expected);
  });

  it('reports every field that is wrong at once, so the form shows them together', () => {
    const errors = validateCircleInput({ ...valid, description: '', capacity: 1, weekday: 9, prompt: '', facilitatorIds: [] });
    expect(errors.map((e) => e.field)).toEqual(['description', 'capacity', 'weekday', 'prompt', 'facilitators']);
  });
});

describe('cleanCircleInput', () => {
  it.each<[string, Partial<CircleInput>, Partial<CircleInput>]>([
    ['trims the text people wrote', { description: '  Carers  ', prompt: '\nHow was it?\n', guidelines: ' Be kind. ' }, { description: 'Carers', prompt: 'How was it?', guidelines: 'Be kind.' }],
    ['removes a bidi override, so a description cannot pretend to be other words', { description: 'Carers\u202Egnp.exe' }, { description: 'Carersgnp.exe' }],
    ['removes zero-width characters', { prompt: 'How\u200B are you?' }, { prompt: 'How are you?' }],
    ['reads an empty topic as none', { topicId: '' }, { topicId: null }],
    ['names each facilitator once', { facilitatorIds: ['UA', 'UB', 'UA', ''] }, { facilitatorIds: ['UA', 'UB'] }],
  ])('%s', (_name, change, expected) => {
    expect(cleanCircleInput({ ...valid, ...change })).toEqual({ ...valid, ...change, ...expected });
  });

  it('checks lengths on what colleagues will see: spaces around a full description do not count', () => {
    const padded = { ...valid, description: `  ${'x'.repeat(CIRCLE_DESCRIPTION_MAX)}  ` };
    expect(validateCircleInput(padded)).toEqual([{ field: 'description', code: 'too-long' }]);
    expect(validateCircleInput(cleanCircleInput(padded))).toEqual([]);
  });
});

describe('cadences and roles', () => {
  it.each([
    ['weekly', true],
    ['fortnightly', true],
    ['monthly', false],
    ['', false],
  ])('%s is a cadence: %s', (value, expected) => {
    expect(isCircleCadence(value)).toBe(expected);
  });

  it.each([
    ['member', true],
    ['facilitator', true],
    ['coordinator', false],
  ])('%s is a circle role: %s', (value, expected) => {
    expect(isCircleRole(value)).toBe(expected);
  });
});
