import type { KnownBlock, ModalView } from '@slack/types';
import { APP_LOCALES, type AppLanguage } from '../../domain/app-language.js';
import { DEFAULT_WORKING_HOURS } from '../../domain/availability.js';
import { consentText } from '../../domain/consent.js';
import { textsIn } from '../../domain/initiative-texts.js';
import { LANGUAGES } from '../../domain/languages.js';
import { localDate } from '../../domain/local-time.js';
import type { Translate } from '../../i18n/translate.js';
import {
  actions,
  checkboxes,
  context,
  datePicker,
  divider,
  escapeMrkdwn,
  header,
  modal,
  multiSelect,
  numberInput,
  option,
  section,
  textInput,
  timePicker,
} from '../common/blocks.js';
import { confirmDecline, confirmStop } from '../home/copy.js';
import type { Initiative } from '../initiatives/service.js';
import * as copy from './copy.js';
import { CAPACITY_DEFAULT, CAPACITY_MAX, CAPACITY_MIN, CONSENT_GIVEN, INTRO_MAX, ListenerIds } from './ids.js';
import type { ListenerProfile } from './service.js';

// Each is worded in its reader's language (`t`, issue 19); what coordinators wrote (guidelines, topic
// labels) in that language where they wrote it, else as written.

const B = ListenerIds.blocks;

/**
 * Which initiative, and the language the form (and its consent text) was shown in, so the consent
 * recorded is that of the words seen; whether consent is due is decided on the server at submission (issue 13).
 */
export interface ListenMetadata {
  initiativeId: string;
  language: AppLanguage;
}

/** A weekday's name (0 is Sunday) as the language writes it: "Monday", "Montag", "lunes". */
function weekdayName(language: AppLanguage, day: number): string {
  // 1 January 2023 was a Sunday.
  return new Intl.DateTimeFormat(APP_LOCALES[language], { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2023, 0, 1 + day)));
}

export function renderListenModal(t: Translate, input: { initiative: Initiative; profile: ListenerProfile | null; needsConsent: boolean }): ModalView {
  const { initiative, profile } = input;
  const own = textsIn(initiative, t.language);
  const topicOptions = initiative.topics.map((topic) => option(own.topicLabel(topic.label), topic.id));
  // Each language by its own name, in every language.
  const languageOptions = LANGUAGES.map((l) => option(l.name, l.code));
  const consentOption = option(t('listeners.consentCheckbox'), CONSENT_GIVEN);
  // Monday first, as a week reads at work; values are the stored weekday numbers (0 = Sunday).
  const dayOptions = [1, 2, 3, 4, 5, 6, 0].map((d) => option(weekdayName(t.language, d), String(d)));
  const blocks: KnownBlock[] = [
    section(t('listeners.guidelinesHeading', { initiative: escapeMrkdwn(initiative.name) })),
    section(escapeMrkdwn(own.guidelines)),
    divider(),
    multiSelect({
      blockId: B.topics,
      label: t('listeners.topicsLabel'),
      placeholder: t('listeners.topicsPlaceholder'),
      options: topicOptions,
      initial: topicOptions.filter((o) => profile?.topicIds.includes(o.value ?? '')),
    }),
    numberInput({
      blockId: B.capacity,
      label: t('listeners.capacityLabel'),
      hint: t('listeners.capacityHint', { min: CAPACITY_MIN, max: CAPACITY_MAX }),
      initial: profile?.capacity ?? CAPACITY_DEFAULT,
      min: CAPACITY_MIN,
      max: CAPACITY_MAX,
    }),
    textInput({
      blockId: B.intro,
      label: t('listeners.introLabel'),
      optional: true,
      hint: t('listeners.introHint', { max: INTRO_MAX }),
      initial: profile?.intro,
      multiline: true,
      maxLength: INTRO_MAX,
    }),
    multiSelect({
      blockId: B.languages,
      label: t('listeners.languagesLabel'),
      placeholder: t('listeners.languagesPlaceholder'),
      options: languageOptions,
      initial: languageOptions.filter((o) => (profile?.languages ?? ['en']).includes(o.value ?? '')),
    }),
    checkboxes({
      blockId: B.workDays,
      label: t('listeners.workDaysLabel'),
      options: dayOptions,
      initial: dayOptions.filter((o) => (profile?.workDays ?? DEFAULT_WORKING_HOURS.days).includes(Number(o.value))),
    }),
    timePicker({
      blockId: B.workStart,
      label: t('listeners.workStartLabel'),
      initial: profile?.workStart ?? DEFAULT_WORKING_HOURS.start,
      placeholder: t('listeners.timePlaceholder', { time: '09:00' }),
    }),
    timePicker({
      blockId: B.workEnd,
      label: t('listeners.workEndLabel'),
      initial: profile?.workEnd ?? DEFAULT_WORKING_HOURS.end,
      placeholder: t('listeners.timePlaceholder', { time: '18:00' }),
    }),
    context(t('listeners.workingHoursHint')),
    timePicker({
      blockId: B.quietStart,
      label: t('listeners.quietStartLabel'),
      optional: true,
      initial: profile?.quietHoursStart,
      placeholder: t('listeners.timePlaceholder', { time: '20:00' }),
    }),
    timePicker({
      blockId: B.quietEnd,
      label: t('listeners.quietEndLabel'),
      optional: true,
      initial: profile?.quietHoursEnd,
      placeholder: t('listeners.timePlaceholder', { time: '08:00' }),
    }),
    context(t('listeners.quietHoursHint')),
  ];
  if (input.needsConsent) {
    blocks.push(
      divider(),
      // One section per paragraph: a longer language must still fit Block Kit's 3,000 characters a section.
      ...consentText('listener', t.language).text.split('\n').map((paragraph) => section(paragraph)),
      checkboxes({ blockId: B.consent, label: t('listeners.consentLabel'), options: [consentOption] }),
    );
  }
  const metadata: ListenMetadata = { initiativeId: initiative.id, language: t.language };
  return modal({
    callbackId: ListenerIds.listenModal,
    title: profile ? t('listeners.editTitle') : t('listeners.listenTitle'),
    submit: profile ? t('listeners.save') : t('listeners.volunteer'),
    close: t('common.cancel'),
    privateMetadata: JSON.stringify(metadata),
    blocks,
  });
}

export function renderText(text: string) {
  return { text, blocks: [section(text)] as KnownBlock[] };
}

/**
 * To one coordinator, in their language: who volunteered, on which topics (labels in that language where
 * the coordinators wrote them: the caller's), their introduction, and Approve or Decline.
 */
export function renderApprovalRequest(t: Translate, input: { profile: ListenerProfile; topicLabels: string[] }) {
  const { profile } = input;
  const text = copy.approvalRequest(t, profile.userId, profile.initiativeName, input.topicLabels.join(', '));
  const blocks: KnownBlock[] = [header(t('listeners.approval.header')), section(text)];
  if (profile.intro) blocks.push(context(t('listeners.approval.introduction', { introduction: escapeMrkdwn(profile.intro) })));
  blocks.push(
    actions([
      { actionId: ListenerIds.approve, text: t('listeners.approval.approve'), style: 'primary', value: profile.id },
      { actionId: ListenerIds.decline, text: t('listeners.approval.decline'), value: profile.id, confirm: confirmDecline(t) },
    ]),
  );
  return { text, blocks };
}

/** Asks which initiative a pause, resume or stop is for, when the person listens in several. */
export function renderChooseProfile(t: Translate, input: { actionId: string; verb: copy.ChooseVerb; profiles: ListenerProfile[] }) {
  const text = t('listeners.chooseInitiative');
  return {
    text,
    blocks: [
      section(text),
      // One actions block per initiative: the buttons share an action id, which Slack refuses twice in one block.
      ...input.profiles.map((p) =>
        actions([
          {
            actionId: input.actionId,
            text: t(copy.CHOOSE_KEYS[input.verb], { initiative: p.initiativeName }),
            value: p.initiativeId,
            ...(input.actionId === ListenerIds.stopButton ? { confirm: confirmStop(t) } : {}),
          },
        ]),
      ),
    ] as KnownBlock[],
  };
}

/**
 * Which initiative the pause form is for; when it was opened from an offer, that offer (declined on
 * submit); and the language it was shown in, for its errors and its answer.
 */
export interface PauseMetadata {
  initiativeId: string;
  offerId?: string;
  language: AppLanguage;
}

/** The day a pause with a return date ends on, in the listener's own timezone, as YYYY-MM-DD. */
function pauseEndDate(profile: Pick<ListenerProfile, 'pausedUntil' | 'timezone'>): string | null {
  return profile.pausedUntil ? localDate(profile.pausedUntil, profile.timezone) : null;
}

/** "Pause until": an optional date (empty: until they resume), what pausing means, and what happens to an open offer. */
export function renderPauseModal(t: Translate, input: { profile: ListenerProfile; offerId?: string | null }): ModalView {
  const { profile } = input;
  const endDate = pauseEndDate(profile);
  const blocks: KnownBlock[] = [section(copy.initiativeNote(t, 'pauseIntro', profile.initiativeName))];
  if (profile.status === 'paused') blocks.push(context(copy.currentlyPaused(t, endDate ? copy.pauseDate(t.language, endDate) : null)));
  if (input.offerId) blocks.push(context(t('listeners.pause.fromOffer')));
  blocks.push(
    datePicker({
      blockId: B.pauseUntil,
      label: t('listeners.pause.dateLabel'),
      optional: true,
      hint: t('listeners.pause.dateHint'),
      placeholder: t('listeners.pause.datePlaceholder'),
      initial: endDate,
    }),
  );
  const metadata: PauseMetadata = { initiativeId: profile.initiativeId, ...(input.offerId ? { offerId: input.offerId } : {}), language: t.language };
  return modal({
    callbackId: ListenerIds.pauseModal,
    title: t('listeners.pause.title'),
    submit: t('listeners.pause.submit'),
    close: t('common.cancel'),
    privateMetadata: JSON.stringify(metadata),
    blocks,
  });
}

/** The note when a pause with a return date ends (sent through the outbox, worded when sent). */
export function renderWelcomeBack(t: Translate, input: { initiativeName: string; initiativeId: string }) {
  const text = copy.initiativeNote(t, 'welcomeBack', input.initiativeName);
  return {
    text,
    blocks: [section(text), actions([{ actionId: ListenerIds.pauseUntilButton, text: t('listeners.pauseAgain'), value: input.initiativeId }])] as KnownBlock[],
  };
}

/** Paused after offers went unanswered: why, that nothing is wrong, and how to come back (sent through the outbox). */
export function renderNoAnswerPause(t: Translate, input: { initiativeName: string; initiativeId: string }) {
  const text = copy.initiativeNote(t, 'pausedForNoAnswer', input.initiativeName);
  return {
    text,
    blocks: [
      section(text),
      actions([
        { actionId: ListenerIds.resumeButton, text: t('listeners.resume'), style: 'primary', value: input.initiativeId },
        { actionId: ListenerIds.pauseUntilButton, text: t('listeners.pause.button'), value: input.initiativeId },
      ]),
    ] as KnownBlock[],
  };
}

/** A note the outbox sends a listener, worded when sent in their language (src/outbox/outbox.ts 'listener_note'). */
export function renderListenerNote(t: Translate, note: copy.OutboxListenerNote, input: { initiativeName: string; initiativeId: string }) {
  if (note === 'welcomeBack') return renderWelcomeBack(t, input);
  if (note === 'pausedForNoAnswer') return renderNoAnswerPause(t, input);
  return renderText(copy.initiativeNote(t, note, input.initiativeName));
}
