import { z } from 'zod';
import { APP_LANGUAGE_NAMES, APP_LANGUAGES, isAppLanguage, type AppLanguage } from '../../domain/app-language.js';
import { zipTopicLabels, type InitiativeTexts } from '../../domain/initiative-texts.js';
import { findPlaceholder, pickedLines, resourcesProblem } from '../../domain/resources.js';
import type { Translate } from '../../i18n/translate.js';
import { MAX_TOPIC_LENGTH, MAX_TOPICS, parseTopicList } from '../../domain/topics.js';
import { optionalText, requiredText, stringList, wholeNumber } from '../common/view-state.js';
import { MAX_PEOPLE_PER_PICKER, placeholderLeft, topicLinesMismatch } from './copy.js';
import { APPROVAL_REQUIRED, CONSENT_GIVEN, InitiativeIds, TEXT_BLOCKS } from './ids.js';

const B = InitiativeIds.blocks;

export const DEFAULT_WAITING_UPDATE_EVERY_DAYS = 3;
export const DEFAULT_REVIEW_AFTER_WEEKS = 6;
export const MIN_GROUP_SIZE_FLOOR = 3; // DESIGN.md invariant 4: k never below 3

const people = (t: Translate) =>
  stringList.transform((ids) => [...new Set(ids)]).refine((ids) => ids.length <= MAX_PEOPLE_PER_PICKER, t('setup.error.tooManyPeople', { max: MAX_PEOPLE_PER_PICKER }));

/**
 * The setup modal's fields, validated; keys are block ids. Whether consent is asked is decided by the
 * server (a new initiative, or a coordinator whose consent is not to the current text), never by the form.
 * Errors are worded in `t`'s language (the form's), and so are the widely known lines picked.
 */
export function setupInputSchema(needsConsent: boolean, t: Translate) {
  const days = (min: number, max: number) => wholeNumber(min, max, t('setup.error.days', { min, max }));
  return z.object({
    [B.name]: requiredText(80, t('setup.error.nameMissing'), t('setup.error.nameLong')),
    [B.description]: requiredText(500, t('setup.error.descriptionMissing'), t('setup.error.descriptionLong')),
    [B.topics]: z
      .string()
      .nullish()
      .transform((v) => parseTopicList(v ?? ''))
      .refine((topics) => topics.length > 0, t('setup.error.topicsMissing'))
      .refine((topics) => topics.length <= MAX_TOPICS, t('setup.error.topicsMany', { max: MAX_TOPICS }))
      .refine((topics) => topics.every((topic) => topic.length <= MAX_TOPIC_LENGTH), t('setup.error.topicLong', { max: MAX_TOPIC_LENGTH })),
    [B.resources]: requiredText(2500, t('setup.error.resourcesMissing'), t('setup.error.resourcesLong')),
    [B.resourceLines]: stringList.transform((ids) => pickedLines(ids, t.language)),
    [B.guidelines]: requiredText(2500, t('setup.error.guidelinesMissing'), t('setup.error.guidelinesLong')),
    [B.approval]: stringList.transform((v) => v.includes(APPROVAL_REQUIRED)),
    // Each person named is sent a DM: a cap keeps one save from messaging hundreds of people (issue 13).
    [B.coordinators]: people(t),
    [B.hrViewers]: people(t),
    [B.minGroupSize]: wholeNumber(MIN_GROUP_SIZE_FLOOR, 100, t('setup.error.minGroupSize')),
    [B.retentionDays]: days(7, 3650),
    [B.firstCheckInDays]: days(1, 60),
    [B.checkInEveryDays]: days(1, 90),
    // Older forms (and tests) may not have the field: the default, 3 days, then stands.
    [B.waitingUpdateEveryDays]: days(1, 30).optional(),
    // The same for the planned ending: without the field, 6 weeks stands.
    [B.reviewAfterWeeks]: wholeNumber(1, 52, t('setup.error.reviewWeeks')).optional(),
    // Older forms (and tests) may not have the field: the initiative keeps its language (English when new).
    [B.language]: z
      .string()
      .nullish()
      .refine((v) => v == null || isAppLanguage(v), t('setup.error.language'))
      .transform((v) => (isAppLanguage(v) ? v : undefined)),
    ...textFields(t),
    [B.consent]: needsConsent
      ? stringList.refine((v) => v.includes(CONSENT_GIVEN), t('setup.error.consent'))
      : stringList,
  }).transform((v, ctx) => {
    // The resources are what a person in distress sees first: real lines, never a template left in.
    const resources = withLines(v[B.resources], v[B.resourceLines]);
    const problem = resourcesProblem(resources);
    if (problem) {
      const message = problem === 'placeholder' ? placeholderLeft(t, findPlaceholder(resources) ?? '') : t('setup.error.noContact');
      ctx.addIssue({ code: 'custom', path: [B.resources], message });
      return z.NEVER;
    }
    const texts = textsOf(t, v, ctx);
    if (texts === null) return z.NEVER;
    return { ...v, [B.resources]: resources, texts };
  });
}

/** The optional fields for each language's texts: at most as long as the initiative's own. */
function textFields(t: Translate) {
  const fields: Record<string, z.ZodType<string | null>> = {};
  for (const language of APP_LANGUAGES) {
    const b = TEXT_BLOCKS[language];
    const name = APP_LANGUAGE_NAMES[language];
    fields[b.resources] = optionalText(2500, t('setup.error.textsResourcesLong', { language: name }));
    fields[b.guidelines] = optionalText(2500, t('setup.error.textsGuidelinesLong', { language: name }));
    fields[b.topics] = optionalText(MAX_TOPICS * (MAX_TOPIC_LENGTH + 1), t('setup.error.textsTopicLong', { language: name, max: MAX_TOPIC_LENGTH }));
  }
  return fields as Record<(typeof TEXT_BLOCKS)[AppLanguage][keyof (typeof TEXT_BLOCKS)['en']], z.ZodType<string | null>>;
}

/**
 * The texts in other languages, checked as the initiative's own are (resources with real contacts and
 * no placeholder; one topic per line, as many as the topics above); null after adding an issue.
 */
function textsOf(t: Translate, v: Record<string, unknown>, ctx: z.RefinementCtx): InitiativeTexts | null {
  const topics = v[B.topics] as string[];
  const texts: InitiativeTexts = {};
  let ok = true;
  for (const language of APP_LANGUAGES) {
    const b = TEXT_BLOCKS[language];
    const resources = v[b.resources] as string | null;
    const guidelines = v[b.guidelines] as string | null;
    const problem = resources ? resourcesProblem(resources) : null;
    if (problem) {
      ctx.addIssue({ code: 'custom', path: [b.resources], message: problem === 'placeholder' ? placeholderLeft(t, findPlaceholder(resources!) ?? '') : t('setup.error.noContact') });
      ok = false;
    }
    const labels = zipTopicLabels(topics, (v[b.topics] as string | null) ?? '');
    if (labels === null) {
      ctx.addIssue({ code: 'custom', path: [b.topics], message: topicLinesMismatch(t, topics.length) });
      ok = false;
    } else if (Object.values(labels).some((l) => l.length > MAX_TOPIC_LENGTH)) {
      ctx.addIssue({ code: 'custom', path: [b.topics], message: t('setup.error.textsTopicLong', { language: APP_LANGUAGE_NAMES[language], max: MAX_TOPIC_LENGTH }) });
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

