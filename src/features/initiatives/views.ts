import { INTERNATIONAL_LINES } from '../../domain/resources.js';
import { renderRequestModal } from '../requests/views.js';
import type { KnownBlock, ModalView } from '@slack/types';
import { CONSENT_TEXTS } from '../../domain/consent.js';
import { APP_LANGUAGE_NAMES, APP_LANGUAGES, FALLBACK_LANGUAGE, isAppLanguage, type AppLanguage } from '../../domain/app-language.js';
import { english, type Translate } from '../../i18n/translate.js';
import { DEFAULT_TOPICS } from '../../domain/topics.js';
import {
  actions,
  checkboxes,
  context,
  divider,
  header,
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
import type { Initiative, Role } from './service.js';

const B = InitiativeIds.blocks;

/**
 * Only which initiative the form edits: who may save it, and whether consent must be given, are decided
 * on the server when it is submitted (issue 13), never read back from the form.
 */
export interface SetupMetadata {
  initiativeId: string | null;
}

/**
 * The create (no `initiative`, or one without an id: values typed so far) or edit form. `people`: members
 * and pending invitees, shown in the pickers.
 */
export function renderSetupModal(input: {
  initiative?: Partial<Pick<Initiative, 'id'>> & Pick<Initiative, 'name' | 'description' | 'resources' | 'guidelines' | 'approvalRequired' | 'minGroupSize' | 'retentionDays' | 'firstCheckInDays' | 'checkInEveryDays' | 'waitingUpdateEveryDays' | 'reviewAfterWeeks' | 'language' | 'texts'> & {
    topics: { label: string }[];
  };
  people?: { coordinators: string[]; hrViewers: string[] };
  needsConsent: boolean;
}): ModalView {
  const i = input.initiative;
  const approvalOption = option(copy.APPROVAL_LABEL, APPROVAL_REQUIRED);
  const consentOption = option(copy.COORDINATOR_CONSENT_LABEL, CONSENT_GIVEN);
  const languageOptions = APP_LANGUAGES.map((l) => option(APP_LANGUAGE_NAMES[l], l));
  const blocks: KnownBlock[] = [
    textInput({ blockId: B.name, label: 'Name', initial: i?.name, maxLength: 80, placeholder: 'e.g. Peer Support UK' }),
    textInput({ blockId: B.description, label: 'Short description', initial: i?.description, multiline: true, maxLength: 500 }),
    staticSelect({
      blockId: B.language,
      label: copy.LANGUAGE_LABEL,
      hint: copy.LANGUAGE_HINT,
      placeholder: copy.LANGUAGE_LABEL,
      options: languageOptions,
      initial: languageOptions.find((o) => o.value === (isAppLanguage(i?.language) ? i.language : FALLBACK_LANGUAGE)),
    }),
    textInput({
      blockId: B.topics,
      label: 'Topics of lived experience',
      hint: 'One per line. Listeners choose from these, and people asking for support pick one.',
      initial: (i ? i.topics.map((t) => t.label) : DEFAULT_TOPICS).join('\n'),
      multiline: true,
    }),
    textInput({
      blockId: B.resources,
      label: 'Support and crisis resources',
      hint: 'Shown first to everyone who asks for support. One per line, as "Name: phone or link (hours)". Replace every <placeholder>: the form is not saved while one is left.',
      initial: i?.resources ?? copy.DEFAULT_RESOURCES,
      multiline: true,
      maxLength: 2500,
    }),
    checkboxes({
      blockId: B.resourceLines,
      label: copy.RESOURCE_LINES_LABEL,
      hint: copy.RESOURCE_LINES_HINT,
      optional: true,
      options: INTERNATIONAL_LINES.map((l) => option(l.line, l.id)),
    }),
    actions([{ actionId: InitiativeIds.previewButton, text: copy.PREVIEW_BUTTON }]),
    textInput({
      blockId: B.guidelines,
      label: 'Listener guidelines',
      hint: 'Values, boundaries, confidentiality and its limits, when to signpost.',
      initial: i?.guidelines ?? copy.DEFAULT_GUIDELINES,
      multiline: true,
      maxLength: 2500,
    }),
    ...textsBlocks(i),
    checkboxes({
      blockId: B.approval,
      label: 'Approval',
      optional: true,
      options: [approvalOption],
      initial: !i || i.approvalRequired ? [approvalOption] : [],
    }),
    usersSelect({
      blockId: B.coordinators,
      label: 'Other coordinators',
      optional: true,
      hint: `They are invited, and added when they accept. At most ${copy.MAX_PEOPLE_PER_PICKER}.`,
      initial: input.people?.coordinators,
      placeholder: 'Choose colleagues',
      maxSelected: copy.MAX_PEOPLE_PER_PICKER,
    }),
    usersSelect({
      blockId: B.hrViewers,
      label: 'HR viewers',
      optional: true,
      hint: `They see anonymous counts only, never a person. They are invited, and added when they accept. At most ${copy.MAX_PEOPLE_PER_PICKER}.`,
      initial: input.people?.hrViewers,
      placeholder: 'Choose colleagues',
      maxSelected: copy.MAX_PEOPLE_PER_PICKER,
    }),
    numberInput({
      blockId: B.minGroupSize,
      label: 'Minimum group size for reports',
      hint: 'Counts below this are never shown. At least 3.',
      initial: i?.minGroupSize ?? 5,
      min: 3,
      max: 100,
    }),
    numberInput({ blockId: B.retentionDays, label: 'Keep ended pairings for (days)', initial: i?.retentionDays ?? 90, min: 7, max: 3650 }),
    numberInput({ blockId: B.firstCheckInDays, label: 'First check-in after (days)', initial: i?.firstCheckInDays ?? 7, min: 1, max: 60 }),
    numberInput({ blockId: B.checkInEveryDays, label: 'Then check in every (days)', initial: i?.checkInEveryDays ?? 14, min: 1, max: 90 }),
    numberInput({
      blockId: B.waitingUpdateEveryDays,
      label: 'Someone still waiting hears from us every (days)',
      hint: 'After a first update at 24 hours, each with the resources and a way to cancel.',
      initial: i?.waitingUpdateEveryDays ?? 3,
      min: 1,
      max: 30,
    }),
    numberInput({
      blockId: B.reviewAfterWeeks,
      label: 'Ask both whether to keep going after (weeks)',
      hint: 'Once, to each person in a conversation. If nobody answers, nothing changes.',
      initial: i?.reviewAfterWeeks ?? 6,
      min: 1,
      max: 52,
    }),
  ];
  if (input.needsConsent) {
    blocks.push(divider(), section(CONSENT_TEXTS.coordinator.text), checkboxes({ blockId: B.consent, label: 'Your consent', options: [consentOption] }));
  }
  const metadata: SetupMetadata = { initiativeId: i?.id ?? null };
  return modal({
    callbackId: InitiativeIds.setupModal,
    title: i?.id ? copy.EDIT_TITLE : copy.SETUP_TITLE,
    submit: i?.id ? 'Save' : 'Create',
    close: 'Cancel',
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

export function renderNotCoordinator(): ModalView {
  return messageModal(copy.EDIT_TITLE, copy.NOT_COORDINATOR);
}

export function renderNotAllowedToCreate(creators: readonly string[]): ModalView {
  return messageModal(copy.SETUP_TITLE, copy.notAllowedToCreate(creators));
}

/**
 * The invitation DM. Its buttons carry only the invitation's id: who is invited, to what and in which
 * role is read from the stored Invitation when they answer (issue 13), never from the button.
 */
export function renderInvitation(input: { inviterId: string; invitation: { id: string; role: Role; initiativeName: string } }) {
  const { invitation } = input;
  const value = invitation.id;
  const text = copy.invitationText(input.inviterId, invitation.role, invitation.initiativeName);
  return {
    text,
    blocks: [
      header('An invitation to help with peer support'),
      section(text),
      section(CONSENT_TEXTS[invitation.role].text),
      actions([
        { actionId: InitiativeIds.acceptRole, text: 'I agree and accept', style: 'primary', value },
        { actionId: InitiativeIds.declineRole, text: 'No, thank you', value },
      ]),
    ] as KnownBlock[],
  };
}

export function renderInvitationAnswer(text: string) {
  return { text, blocks: [section(text)] as KnownBlock[] };
}

export function renderConfirmation(text: string) {
  return { text, blocks: [section(text), context('Peer support complements professional care and is not a crisis service.')] as KnownBlock[] };
}

/**
 * The request form exactly as someone asking for support would see it, from the setup form's current
 * (unsaved) values: resources first. Its "submit" only closes the preview.
 */
export function renderSeekerPreview(input: { name: string; resources: string; topics: string[] }): ModalView {
  const request = renderRequestModal('en', {
    id: PREVIEW_ID,
    workspaceId: '',
    name: input.name || copy.PREVIEW_NO_NAME,
    description: '',
    // Slack refuses empty text and a select without options: say what is still missing instead.
    resources: input.resources.trim() || copy.PREVIEW_NO_RESOURCES,
    guidelines: '',
    approvalRequired: false,
    minGroupSize: 5,
    retentionDays: 90,
    firstCheckInDays: 7,
    checkInEveryDays: 14,
    topics: (input.topics.length > 0 ? input.topics : [copy.PREVIEW_NO_TOPICS]).map((label, i) => ({ id: `${PREVIEW_ID}-${i}`, label })),
  });
  return modal({
    callbackId: InitiativeIds.previewModal,
    title: copy.PREVIEW_TITLE,
    submit: copy.PREVIEW_CLOSE,
    close: copy.PREVIEW_BACK,
    blocks: [context(copy.PREVIEW_LEAD), ...(request.blocks as KnownBlock[])].slice(0, LIMITS.modalBlocks),
  });
}

const PREVIEW_ID = 'preview';

/** The optional resources, guidelines and topics in each language the app speaks (issue 19). */
function textsBlocks(i: { texts?: string; topics: { label: string }[] } | undefined): KnownBlock[] {
  const texts = parseTexts(i?.texts);
  const topics = i ? i.topics.map((t) => t.label) : [...DEFAULT_TOPICS];
  const blocks: KnownBlock[] = [divider(), section(copy.TEXTS_HEADER), context(copy.TEXTS_HINT)];
  for (const language of APP_LANGUAGES) {
    const b = TEXT_BLOCKS[language];
    const name = APP_LANGUAGE_NAMES[language];
    const own = texts[language];
    blocks.push(
      textInput({ blockId: b.resources, label: copy.textsLabel('resources', name), optional: true, initial: own?.resources, multiline: true, maxLength: 2500 }),
      textInput({ blockId: b.guidelines, label: copy.textsLabel('guidelines', name), optional: true, initial: own?.guidelines, multiline: true, maxLength: 2500 }),
      textInput({
        blockId: b.topics,
        label: copy.textsLabel('topics', name),
        hint: copy.TOPICS_IN_LANGUAGE_HINT,
        optional: true,
        initial: topicLinesIn(topics, own) || undefined,
        multiline: true,
      }),
    );
  }
  blocks.push(divider());
  return blocks;
}
