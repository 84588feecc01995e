import { z } from 'zod';
import { APP_LANGUAGE_NAMES, APP_LANGUAGES, isAppLanguage, type AppLanguage } from '../../domain/app-language.js';
import { zipTopicLabels, type InitiativeTexts } from '../../domain/initiative-texts.js';
import { findPlaceholder, INTERNATIONAL_LINES, resourcesProblem } from '../../domain/resources.js';
import { MAX_TOPIC_LENGTH, MAX_TOPICS, parseTopicList } from '../../domain/topics.js';
import { optionalText, requiredText, stringList, wholeNumber } from '../common/view-state.js';
import { MAX_PEOPLE_PER_PICKER, NO_RESOURCE_CONTACT, placeholderLeft, TOO_MANY_PEOPLE, topicLinesMismatch } from './copy.js';
import { APPROVAL_REQUIRED, CONSENT_GIVEN, InitiativeIds, TEXT_BLOCKS } from './ids.js';

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
    ...textFields(),
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
    const texts = textsOf(v, ctx);
    if (texts === null) return z.NEVER;
    return { ...v, [B.resources]: resources, texts };
  });
}

/** The optional fields for each language's texts: at most as long as the initiative's own. */
function textFields() {
  const fields: Record<string, z.ZodType<string | null>> = {};
  for (const language of APP_LANGUAGES) {
    const b = TEXT_BLOCKS[language];
    const name = APP_LANGUAGE_NAMES[language];
    fields[b.resources] = optionalText(2500, `Please keep the resources in ${name} to 2,500 characters.`);
    fields[b.guidelines] = optionalText(2500, `Please keep the guidelines in ${name} to 2,500 characters.`);
    fields[b.topics] = optionalText(MAX_TOPICS * (MAX_TOPIC_LENGTH + 1), `Please keep each topic in ${name} to ${MAX_TOPIC_LENGTH} characters.`);
  }
  return fields as Record<(typeof TEXT_BLOCKS)[AppLanguage][keyof (typeof TEXT_BLOCKS)['en']], z.ZodType<string | null>>;
}

/**
 * The texts in other languages, checked as the initiative's own are (resources with real contacts and
 * no placeholder; one topic per line, as many as the topics above); null after adding an issue.
 */
function textsOf(v: Record<string, unknown>, ctx: z.RefinementCtx): InitiativeTexts | null {
  const topics = v[B.topics] as string[];
  const texts: InitiativeTexts = {};
  let ok = true;
  for (const language of APP_LANGUAGES) {
    const b = TEXT_BLOCKS[language];
    const resources = v[b.resources] as string | null;
    const guidelines = v[b.guidelines] as string | null;
    const problem = resources ? resourcesProblem(resources) : null;
    if (problem) {
      ctx.addIssue({ code: 'custom', path: [b.resources], message: problem === 'placeholder' ? placeholderLeft(findPlaceholder(resources!) ?? '') : NO_RESOURCE_CONTACT });
      ok = false;
    }
    const labels = zipTopicLabels(topics, (v[b.topics] as string | null) ?? '');
    if (labels === null) {
      ctx.addIssue({ code: 'custom', path: [b.topics], message: topicLinesMismatch(topics.length) });
      ok = false;
    } else if (Object.values(labels).some((l) => l.length > MAX_TOPIC_LENGTH)) {
      ctx.addIssue({ code: 'custom', path: [b.topics], message: `Please keep each topic to ${MAX_TOPIC_LENGTH} characters.` });
      ok = false;
    }
    const own = { ...(resources ? { resources } : {}), ...(guidelines ? { guidelines } : {}), ...(labels && Object.keys(labels).length > 0 ? { topics: labels } : {}) };
    if (Object.keys(own).length > 0) texts[language] = own;
  }
  return ok ? texts : null;
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
  /** Resources, guidelines and topic labels in other languages; unchanged when the form did not say. */
  texts?: InitiativeTexts;
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
    texts: input.texts,
    coordinatorIds: input[B.coordinators],
    hrViewerIds: input[B.hrViewers],
  };
}

