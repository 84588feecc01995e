import { z } from 'zod';
import { isAppLanguage, type AppLanguage } from '../../domain/app-language.js';
import { findPlaceholder, INTERNATIONAL_LINES, resourcesProblem } from '../../domain/resources.js';
import { MAX_TOPIC_LENGTH, MAX_TOPICS, parseTopicList } from '../../domain/topics.js';
import { requiredText, stringList, wholeNumber } from '../common/view-state.js';
import { MAX_PEOPLE_PER_PICKER, NO_RESOURCE_CONTACT, placeholderLeft, TOO_MANY_PEOPLE } from './copy.js';
import { APPROVAL_REQUIRED, CONSENT_GIVEN, InitiativeIds } from './ids.js';

const B = InitiativeIds.blocks;

export const DEFAULT_WAITING_UPDATE_EVERY_DAYS = 3;
export const DEFAULT_REVIEW_AFTER_WEEKS = 6;
export const MIN_GROUP_SIZE_FLOOR = 3; // DESIGN.md invariant 4: k never below 3

const people = stringList
  .transform((ids) => [...new Set(ids)])
  .refine((ids) => ids.length <= MAX_PEOPLE_PER_PICKER, TOO_MANY_PEOPLE);

/**
 * The setup modal's fields, validated; keys are block ids. Whether consent is asked is decided by the
 * server (a new initiative, or a coordinator whose consent is not to the current text), never by the form.
 */
export function setupInputSchema(needsConsent: boolean) {
  return z.object({
    [B.name]: requiredText(80, 'Please give the initiative a name.', 'Please keep the name to 80 characters.'),
    [B.description]: requiredText(500, 'Please add a short description.', 'Please keep the description to 500 characters.'),
    [B.topics]: z
      .string()
      .nullish()
      .transform((v) => parseTopicList(v ?? ''))
      .refine((t) => t.length > 0, 'Please list at least one topic, one per line.')
      .refine((t) => t.length <= MAX_TOPICS, `Please list at most ${MAX_TOPICS} topics.`)
      .refine((t) => t.every((topic) => topic.length <= MAX_TOPIC_LENGTH), `Please keep each topic to ${MAX_TOPIC_LENGTH} characters.`),
    [B.resources]: requiredText(2500, 'Please add the support and crisis resources everyone will see first.', 'Please keep the resources to 2,500 characters.'),
    [B.resourceLines]: stringList.transform((ids) => INTERNATIONAL_LINES.filter((l) => ids.includes(l.id)).map((l) => l.line)),
    [B.guidelines]: requiredText(2500, 'Please add the guidelines listeners agree to.', 'Please keep the guidelines to 2,500 characters.'),
    [B.approval]: stringList.transform((v) => v.includes(APPROVAL_REQUIRED)),
    // Each person named is sent a DM: a cap keeps one save from messaging hundreds of people (issue 13).
    [B.coordinators]: people,
    [B.hrViewers]: people,
    [B.minGroupSize]: wholeNumber(MIN_GROUP_SIZE_FLOOR, 100, 'Please enter a whole number from 3 to 100 (5 is a good default).'),
    [B.retentionDays]: wholeNumber(7, 3650, 'Please enter a number of days from 7 to 3650.'),
    [B.firstCheckInDays]: wholeNumber(1, 60, 'Please enter a number of days from 1 to 60.'),
    [B.checkInEveryDays]: wholeNumber(1, 90, 'Please enter a number of days from 1 to 90.'),
    // Older forms (and tests) may not have the field: the default, 3 days, then stands.
    [B.waitingUpdateEveryDays]: wholeNumber(1, 30, 'Please enter a number of days from 1 to 30.').optional(),
    // The same for the planned ending: without the field, 6 weeks stands.
    [B.reviewAfterWeeks]: wholeNumber(1, 52, 'Please enter a number of weeks from 1 to 52 (6 is a good default).').optional(),
    // Older forms (and tests) may not have the field: the initiative keeps its language (English when new).
    [B.language]: z
      .string()
      .nullish()
      .refine((v) => v == null || isAppLanguage(v), 'Please choose one of the languages listed.')
      .transform((v) => (isAppLanguage(v) ? v : undefined)),
    [B.consent]: needsConsent
      ? stringList.refine((v) => v.includes(CONSENT_GIVEN), 'Please tick the box to agree, or close this form.')
      : stringList,
  }).transform((v, ctx) => {
    // The resources are what a person in distress sees first: real lines, never a template left in.
    const resources = withLines(v[B.resources], v[B.resourceLines]);
    const problem = resourcesProblem(resources);
    if (problem) {
      const message = problem === 'placeholder' ? placeholderLeft(findPlaceholder(resources) ?? '') : NO_RESOURCE_CONTACT;
      ctx.addIssue({ code: 'custom', path: [B.resources], message });
      return z.NEVER;
    }
    return { ...v, [B.resources]: resources };
  });
}

/** The coordinator's own resources, then the widely known lines they picked that are not there yet. */
function withLines(resources: string, lines: string[]): string {
  const missing = lines.filter((line) => !resources.includes(line));
  return missing.length === 0 ? resources : `${resources}\n${missing.join('\n')}`;
}

export type SetupInput = z.infer<ReturnType<typeof setupInputSchema>>;

export interface InitiativeSettings {
  name: string;
  description: string;
  topics: string[];
  resources: string;
  guidelines: string;
  approvalRequired: boolean;
  minGroupSize: number;
  retentionDays: number;
  firstCheckInDays: number;
  checkInEveryDays: number;
  /** How often a seeker still waiting hears from us, after the first update at 24 hours. */
  waitingUpdateEveryDays: number;
  /** After how many weeks both people in a conversation are asked, once, whether to keep going. */
  reviewAfterWeeks: number;
  /** For people whose Slack language the app does not speak; unchanged when the form did not say. */
  language?: AppLanguage;
  coordinatorIds: string[];
  hrViewerIds: string[];
}

export function toSettings(input: SetupInput): InitiativeSettings {
  return {
    name: input[B.name],
    description: input[B.description],
    topics: input[B.topics],
    resources: input[B.resources],
    guidelines: input[B.guidelines],
    approvalRequired: input[B.approval],
    minGroupSize: input[B.minGroupSize],
    retentionDays: input[B.retentionDays],
    firstCheckInDays: input[B.firstCheckInDays],
    checkInEveryDays: input[B.checkInEveryDays],
    waitingUpdateEveryDays: input[B.waitingUpdateEveryDays] ?? DEFAULT_WAITING_UPDATE_EVERY_DAYS,
    reviewAfterWeeks: input[B.reviewAfterWeeks] ?? DEFAULT_REVIEW_AFTER_WEEKS,
    ...(input[B.language] ? { language: input[B.language] } : {}),
    coordinatorIds: input[B.coordinators],
    hrViewerIds: input[B.hrViewers],
  };
}
