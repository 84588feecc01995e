import { isValidTimeZone, parseClock } from './local-time.js';
import { cleanText } from './text.js';

// Peer-support circles (issue 20): small groups around a shared experience, talking through the app under
// circle pseudonyms. What a circle may be, checked before anything is stored. Plain rules, no I/O: whether
// the topic belongs to the initiative and who may facilitate are the service's to check, from the database.

export const CIRCLE_CADENCES = ['weekly', 'fortnightly'] as const;
export type CircleCadence = (typeof CIRCLE_CADENCES)[number];

/** Members, facilitators not counted: below 3 a circle is a pairing with a stranger; above 12 nobody is heard. */
export const CIRCLE_MIN_SIZE = 3;
export const CIRCLE_MAX_SIZE = 12;
export const CIRCLE_DESCRIPTION_MAX = 200;
export const CIRCLE_PROMPT_MAX = 500;
export const CIRCLE_GUIDELINES_MAX = 1000;

export const CIRCLE_ROLES = ['member', 'facilitator'] as const;
export type CircleRole = (typeof CIRCLE_ROLES)[number];

export const CIRCLE_STATUSES = ['open', 'closed'] as const;
export type CircleStatus = (typeof CIRCLE_STATUSES)[number];

export interface CircleInput {
  initiativeId: string;
  topicId: string | null;
  description: string;
  capacity: number;
  cadence: CircleCadence;
  /** 0 = Sunday ... 6 = Saturday, in `timezone`. */
  weekday: number;
  /** "HH:MM" in `timezone`. */
  localTime: string;
  /** IANA name: the creator's, from Slack. */
  timezone: string;
  prompt: string;
  guidelines: string;
  /** Slack user ids. */
  facilitatorIds: string[];
}

export type CircleInputField = 'description' | 'capacity' | 'cadence' | 'weekday' | 'localTime' | 'prompt' | 'guidelines' | 'facilitators' | 'topic';

/**
 * Every code a field can fail with. `validateCircleInput` gives the first six kinds; the service adds
 * the ones only the database can tell: 'not-in-initiative' (topic), 'not-eligible' and 'must-include-you'
 * (facilitators).
 */
export type CircleInputErrorCode =
  | 'required'
  | 'too-long'
  | 'out-of-range'
  | 'unknown'
  | 'invalid'
  /** The circle's timezone (not typed by anyone: the creator's, from Slack) is not one Intl knows. */
  | 'timezone-invalid'
  | 'not-in-initiative'
  | 'not-eligible'
  | 'must-include-you';

export type CircleInputError = { field: CircleInputField; code: CircleInputErrorCode };

export function isCircleCadence(value: string): value is CircleCadence {
  return (CIRCLE_CADENCES as readonly string[]).includes(value);
}

export function isCircleRole(value: string): value is CircleRole {
  return (CIRCLE_ROLES as readonly string[]).includes(value);
}

/**
 * The input as it is stored: people's text cleaned of invisible and direction-changing characters
 * (domain/text.ts) and trimmed, so lengths are checked on what colleagues will see; facilitators once each.
 */
export function cleanCircleInput(input: CircleInput): CircleInput {
  return {
    ...input,
    topicId: input.topicId === '' ? null : input.topicId,
    description: cleanText(input.description).trim(),
    prompt: cleanText(input.prompt).trim(),
    guidelines: cleanText(input.guidelines).trim(),
    facilitatorIds: [...new Set(input.facilitatorIds.filter((id) => id !== ''))],
  };
}

/** What is wrong with a circle's settings, field by field; empty when it may be created. Checks `input` as given. */
export function validateCircleInput(input: CircleInput): CircleInputError[] {
  const errors: CircleInputError[] = [];
  const text = (field: CircleInputField, value: string, max: number) => {
    if (value.trim() === '') errors.push({ field, code: 'required' });
    else if (value.length > max) errors.push({ field, code: 'too-long' });
  };
  text('description', input.description, CIRCLE_DESCRIPTION_MAX);
  if (!Number.isInteger(input.capacity) || input.capacity < CIRCLE_MIN_SIZE || input.capacity > CIRCLE_MAX_SIZE) {
    errors.push({ field: 'capacity', code: 'out-of-range' });
  }
  if (!isCircleCadence(input.cadence)) errors.push({ field: 'cadence', code: 'unknown' });
  if (!Number.isInteger(input.weekday) || input.weekday < 0 || input.weekday > 6) errors.push({ field: 'weekday', code: 'out-of-range' });
  if (parseClock(input.localTime) === null) errors.push({ field: 'localTime', code: 'invalid' });
  // Reported on localTime: it is the field whose meaning depends on it, and there is no timezone field.
  else if (!isValidTimeZone(input.timezone)) errors.push({ field: 'localTime', code: 'timezone-invalid' });
  text('prompt', input.prompt, CIRCLE_PROMPT_MAX);
  text('guidelines', input.guidelines, CIRCLE_GUIDELINES_MAX);
  if (input.facilitatorIds.length === 0) errors.push({ field: 'facilitators', code: 'required' });
  return errors;
}
