import { INTERNATIONAL_LINES } from '../../domain/resources.js';
import { renderRequestModal } from '../requests/views.js';
import type { KnownBlock, ModalView } from '@slack/types';
import { consentText } from '../../domain/consent.js';
import { APP_LANGUAGE_NAMES, APP_LANGUAGES, FALLBACK_LANGUAGE, isAppLanguage, type AppLanguage } from '../../domain/app-language.js';
import { english, type Translate } from '../../i18n/translate.js';
import {
  actions,
  checkboxes,
  context,
  divider,
  LIMITS,
  messageModal,
  modal,
  numberInput,
  option,
  radioButtons,
  section,
  staticSelect,
  textInput,
  usersSelect,
} from '../common/blocks.js';
import * as copy from './copy.js';
import { APPROVAL_REQUIRED, CONSENT_GIVEN, InitiativeIds, NEW_INITIATIVE, TEXT_BLOCKS } from './ids.js';
import { parseTexts, topicLinesIn } from '../../domain/initiative-texts.js';
import type { Initiative } from './service.js';

const B = InitiativeIds.blocks;

/**
 * Only which initiative the form edits: who may save it, and whether consent must be given, are decided
 * on the server when it is submitted (issue 13), never read back from the form.
 */
export interface SetupMetadata {
  initiativeId: string | null;
  /**
   * The language the form was shown in: its errors are worded in it, and the consent recorded is the
   * version of the words it showed (issue 19). Not a permission: a forged one only changes the words.
   */
  language: AppLanguage;
}

/**
 * The create (no `initiative`, or one without an id: values typed so far) or edit form, in `t`'s language
 * (the person filling it in); a new one starts from the template in that language. `people`: members and
 * pending invitees, shown in the pickers. The coordinator consent shown is in that language too, and so is
 * the version recorded when they agree (SetupMetadata.language).
 */
export function renderSetupModal(
  t: Translate,
  input: {
    initiative?: Partial<Pick<Initiative, 'id'>> & Pick<Initiative, 'name' | 'description' | 'resources' | 'guidelines' | 'approvalRequired' | 'minGroupSize' | 'retentionDays' | 'firstCheckInDays' | 'checkInEveryDays' | 'waitingUpdateEveryDays' | 'reviewAfterWeeks' | 'language' | 'texts'> & {
      topics: { label: string }[];
    };
    people?: { coordinators: string[]; hrViewers: string[] };
    needsConsent: boolean;
  },
): ModalView {
  const i = input.initiative;
  const template = copy.defaultTexts(t);
  const approvalOption = option(t('setup.approval.option'), APPROVAL_REQUIRED);
  const consentOption = option(t('setup.consent.option'), CONSENT_GIVEN);
  const languageOptions = APP_LANGUAGES.map((l) => option(APP_LANGUAGE_NAMES[l], l));
  // A new initiative is offered the language its template is written in.
  const language = i ? (isAppLanguage(i.language) ? i.language : FALLBACK_LANGUAGE) : t.language;
  const blocks: KnownBlock[] = [
    textInput({ blockId: B.name, label: t('setup.name.label'), initial: i?.name, maxLength: 80, placeholder: t('setup.name.placeholder') }),
    textInput({ blockId: B.description, label: t('setup.description.label'), initial: i?.description, multiline: true, maxLength: 500 }),
    staticSelect({
      blockId: B.language,
      label: t('setup.language.label'),
      hint: t('setup.language.hint'),
      placeholder: t('setup.language.label'),
      options: languageOptions,
      initial: languageOptions.find((o) => o.value === language),
    }),
    textInput({
      blockId: B.topics,
      label: t('setup.topics.label'),
      hint: t('setup.topics.hint'),
      initial: (i ? i.topics.map((topic) => topic.label) : template.topics).join('\n'),
      multiline: true,
    }),
    textInput({
      blockId: B.resources,
      label: t('setup.resources.label'),
      hint: t('setup.resources.hint'),
      initial: i?.resources ?? template.resources,
      multiline: true,
      maxLength: 2500,
    }),
    checkboxes({
      blockId: B.resourceLines,
      label: t('setup.resourceLines.label'),
      hint: t('setup.resourceLines.hint'),
      optional: true,
      options: INTERNATIONAL_LINES.map((l) => option(l.line[t.language], l.id)),
    }),
    actions([{ actionId: InitiativeIds.previewButton, text: t('setup.preview.button') }]),
    textInput({
      blockId: B.guidelines,
      label: t('setup.guidelines.label'),
      hint: t('setup.guidelines.hint'),
      initial: i?.guidelines ?? template.guidelines,
      multiline: true,
      maxLength: 2500,
    }),
    ...textsBlocks(t, i, template.topics),
    checkboxes({
      blockId: B.approval,
      label: t('setup.approval.label'),
      optional: true,
      options: [approvalOption],
      initial: !i || i.approvalRequired ? [approvalOption] : [],
    }),
    usersSelect({
      blockId: B.coordinators,
      label: t('setup.coordinators.label'),
      optional: true,
      hint: t('setup.coordinators.hint', { max: copy.MAX_PEOPLE_PER_PICKER }),
      initial: input.people?.coordinators,
      placeholder: t('setup.people.placeholder'),
      maxSelected: copy.MAX_PEOPLE_PER_PICKER,
    }),
    usersSelect({
      blockId: B.hrViewers,
      label: t('setup.hrViewers.label'),
      optional: true,
      hint: t('setup.hrViewers.hint', { max: copy.MAX_PEOPLE_PER_PICKER }),
      initial: input.people?.hrViewers,
      placeholder: t('setup.people.placeholder'),
      maxSelected: copy.MAX_PEOPLE_PER_PICKER,
    }),
    numberInput({
      blockId: B.minGroupSize,
      label: t('setup.minGroupSize.label'),
      hint: t('setup.minGroupSize.hint'),
      initial: i?.minGroupSize ?? 5,
      min: 3,
      max: 100,
    }),
    numberInput({ blockId: B.retentionDays, label: t('setup.retentionDays.label'), initial: i?.retentionDays ?? 90, min: 7, max: 3650 }),
    numberInput({ blockId: B.firstCheckInDays, label: t('setup.firstCheckInDays.label'), initial: i?.firstCheckInDays ?? 7, min: 1, max: 60 }),
    numberInput({ blockId: B.checkInEveryDays, label: t('setup.checkInEveryDays.label'), initial: i?.checkInEveryDays ?? 14, min: 1, max: 90 }),
    numberInput({
      blockId: B.waitingUpdateEveryDays,
      label: t('setup.waitingUpdateEveryDays.label'),
      hint: t('setup.waitingUpdateEveryDays.hint'),
      initial: i?.waitingUpdateEveryDays ?? 3,
      min: 1,
      max: 30,
    }),
    numberInput({
      blockId: B.reviewAfterWeeks,
      label: t('setup.reviewAfterWeeks.label'),
      hint: t('setup.reviewAfterWeeks.hint'),
      initial: i?.reviewAfterWeeks ?? 6,
      min: 1,
      max: 52,
    }),
  ];
  if (input.needsConsent) {
    blocks.push(
      divider(),
      section(consentText('coordinator', t.language).text),
      checkboxes({ blockId: B.consent, label: t('setup.consent.label'), options: [consentOption] }),
    );
  }
  const metadata: SetupMetadata = { initiativeId: i?.id ?? null, language: t.language };
  return modal({
    callbackId: InitiativeIds.setupModal,
    title: i?.id ? t('setup.editTitle') : t('setup.title'),
    submit: i?.id ? t('setup.save') : t('setup.create'),
    close: t('common.cancel'),
    privateMetadata: JSON.stringify(metadata),
    blocks,
  });
}

export interface ChooseMetadata {
  purpose: string;
  /** The language the chooser was shown in: its error is worded in it too (issue 19). */
  language?: AppLanguage;
}

/** Asks which initiative, when there is more than one (DESIGN.md: ask only then). */
export function renderChooseModal(input: {
  purpose: string;
  initiatives: { id: string; name: string }[];
  allowNew?: boolean;
  /** Shown above the question; the request flow puts the resources here (DESIGN.md invariant 6). */
  lead?: KnownBlock[];
  /** The person's language (issue 19); English without. */
  t?: Translate;
}): ModalView {
  const t = input.t ?? english;
  const options = input.initiatives.map((i) => option(i.name, i.id));
  if (input.allowNew) options.push(option(t('initiatives.choose.new'), NEW_INITIATIVE));
  const metadata: ChooseMetadata = { purpose: input.purpose, language: t.language };
  return modal({
    callbackId: InitiativeIds.chooseModal,
    title: t('initiatives.choose.title'),
    submit: t('initiatives.choose.submit'),
    close: t('common.cancel'),
    privateMetadata: JSON.stringify(metadata),
    // Radio buttons hold at most 10 options (Slack); more initiatives than that get a menu, read the same way.
    blocks: [
      ...(input.lead ?? []),
      options.length <= LIMITS.radioOptions
        ? radioButtons({ blockId: B.choice, label: t('initiatives.choose.prompt'), options })
        : staticSelect({ blockId: B.choice, label: t('initiatives.choose.prompt'), options, placeholder: t('initiatives.choose.title') }),
    ],
  });
}

export function renderNotCoordinator(t: Translate): ModalView {
  return messageModal(t, t('setup.editTitle'), t('setup.notCoordinator'));
}

export function renderInitiativeGone(t: Translate): ModalView {
  return messageModal(t, t('setup.editTitle'), t('setup.gone'));
}

export function renderNotAllowedToCreate(t: Translate, creators: readonly string[]): ModalView {
  return messageModal(t, t('setup.title'), copy.notAllowedToCreate(t, creators));
}

export function renderConfirmation(t: Translate, text: string) {
  return { text, blocks: [section(text), context(t('setup.confirmationFooter'))] as KnownBlock[] };
}

/**
 * The request form exactly as someone asking for support would see it, from the setup form's current
 * (unsaved) values: resources first. Its "submit" only closes the preview. In the coordinator's language.
 */
export function renderSeekerPreview(t: Translate, input: { name: string; resources: string; topics: string[] }): ModalView {
  const request = renderRequestModal(t.language, {
    id: PREVIEW_ID,
    workspaceId: '',
    name: input.name || t('setup.preview.noName'),
    description: '',
    // Slack refuses empty text and a select without options: say what is still missing instead.
    resources: input.resources.trim() || t('setup.preview.noResources'),
    guidelines: '',
    approvalRequired: false,
    minGroupSize: 5,
    retentionDays: 90,
    firstCheckInDays: 7,
    checkInEveryDays: 14,
    topics: (input.topics.length > 0 ? input.topics : [t('setup.preview.noTopics')]).map((label, n) => ({ id: `${PREVIEW_ID}-${n}`, label })),
  });
  return modal({
    callbackId: InitiativeIds.previewModal,
    title: t('setup.preview.title'),
    submit: t('setup.preview.close'),
    close: t('setup.preview.back'),
    blocks: [context(t('setup.preview.lead')), ...(request.blocks as KnownBlock[])].slice(0, LIMITS.modalBlocks),
  });
}

const PREVIEW_ID = 'preview';

/** The optional resources, guidelines and topics in each language the app speaks (issue 19). */
function textsBlocks(t: Translate, i: { texts?: string; topics: { label: string }[] } | undefined, templateTopics: readonly string[]): KnownBlock[] {
  const texts = parseTexts(i?.texts);
  const topics = i ? i.topics.map((topic) => topic.label) : [...templateTopics];
  const blocks: KnownBlock[] = [divider(), section(t('setup.texts.header')), context(t('setup.texts.hint'))];
  for (const language of APP_LANGUAGES) {
    const b = TEXT_BLOCKS[language];
    const name = APP_LANGUAGE_NAMES[language];
    const own = texts[language];
    blocks.push(
      textInput({ blockId: b.resources, label: t('setup.texts.resources', { language: name }), optional: true, initial: own?.resources, multiline: true, maxLength: 2500 }),
      textInput({ blockId: b.guidelines, label: t('setup.texts.guidelines', { language: name }), optional: true, initial: own?.guidelines, multiline: true, maxLength: 2500 }),
      textInput({
        blockId: b.topics,
        label: t('setup.texts.topics', { language: name }),
        hint: t('setup.texts.topicsHint'),
        optional: true,
        initial: topicLinesIn(topics, own) || undefined,
        multiline: true,
      }),
    );
  }
  blocks.push(divider());
  return blocks;
}
