import type { KnownBlock, ModalView } from '@slack/types';
import { DEFAULT_WORKING_HOURS, WEEKDAY_NAMES } from '../../domain/availability.js';
import { CONSENT_TEXTS } from '../../domain/consent.js';
import { LANGUAGES } from '../../domain/languages.js';
import { localDate, longDate } from '../../domain/local-time.js';
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
import type { Initiative } from '../initiatives/service.js';
import * as copy from './copy.js';
import { CAPACITY_DEFAULT, CAPACITY_MAX, CAPACITY_MIN, CONSENT_GIVEN, INTRO_MAX, ListenerIds } from './ids.js';
import type { ListenerProfile } from './service.js';

const B = ListenerIds.blocks;

/** Only which initiative: whether consent is due is decided on the server at submission (issue 13). */
export interface ListenMetadata {
  initiativeId: string;
}

export function renderListenModal(input: { initiative: Initiative; profile: ListenerProfile | null; needsConsent: boolean }): ModalView {
  const { initiative, profile } = input;
  const topicOptions = initiative.topics.map((t) => option(t.label, t.id));
  const languageOptions = LANGUAGES.map((l) => option(l.name, l.code));
  const consentOption = option(copy.CONSENT_LABEL, CONSENT_GIVEN);
  // Monday first, as a week reads at work; values are the stored weekday numbers (0 = Sunday).
  const dayOptions = [1, 2, 3, 4, 5, 6, 0].map((d) => option(WEEKDAY_NAMES[d]!, String(d)));
  const blocks: KnownBlock[] = [
    section(`*${escapeMrkdwn(initiative.name)}*: listener guidelines`),
    section(escapeMrkdwn(initiative.guidelines)),
    divider(),
    multiSelect({
      blockId: B.topics,
      label: 'Topics you have lived experience of',
      placeholder: 'Choose topics',
      options: topicOptions,
      initial: topicOptions.filter((o) => profile?.topicIds.includes(o.value ?? "")),
    }),
    numberInput({
      blockId: B.capacity,
      label: 'How many colleagues can you support at once?',
      hint: `From ${CAPACITY_MIN} to ${CAPACITY_MAX}.`,
      initial: profile?.capacity ?? CAPACITY_DEFAULT,
      min: CAPACITY_MIN,
      max: CAPACITY_MAX,
    }),
    textInput({
      blockId: B.intro,
      label: 'A short anonymous introduction',
      optional: true,
      hint: copy.INTRO_HINT,
      initial: profile?.intro,
      multiline: true,
      maxLength: INTRO_MAX,
    }),
    multiSelect({
      blockId: B.languages,
      label: 'Languages you can talk in',
      placeholder: 'Choose languages',
      options: languageOptions,
      initial: languageOptions.filter((o) => (profile?.languages ?? ["en"]).includes(o.value ?? "")),
    }),
    checkboxes({
      blockId: B.workDays,
      label: 'Days you can take new conversations',
      options: dayOptions,
      initial: dayOptions.filter((o) => (profile?.workDays ?? DEFAULT_WORKING_HOURS.days).includes(Number(o.value))),
    }),
    timePicker({ blockId: B.workStart, label: 'Working hours start', initial: profile?.workStart ?? DEFAULT_WORKING_HOURS.start, placeholder: 'e.g. 09:00' }),
    timePicker({ blockId: B.workEnd, label: 'Working hours end', initial: profile?.workEnd ?? DEFAULT_WORKING_HOURS.end, placeholder: 'e.g. 18:00' }),
    context(
      'New offers only reach you on these days, between these times, in your own timezone (from your Slack profile). The same start and end means any time of those days.',
    ),
    timePicker({ blockId: B.quietStart, label: 'Quiet hours start', optional: true, initial: profile?.quietHoursStart, placeholder: 'e.g. 20:00' }),
    timePicker({ blockId: B.quietEnd, label: 'Quiet hours end', optional: true, initial: profile?.quietHoursEnd, placeholder: 'e.g. 08:00' }),
    context('No offers or check-ins reach you during your quiet hours, in your own timezone.'),
  ];
  if (input.needsConsent) {
    blocks.push(divider(), section(CONSENT_TEXTS.listener.text), checkboxes({ blockId: B.consent, label: 'Your consent', options: [consentOption] }));
  }
  const metadata: ListenMetadata = { initiativeId: initiative.id };
  return modal({
    callbackId: ListenerIds.listenModal,
    title: profile ? copy.EDIT_TITLE : copy.LISTEN_TITLE,
    submit: profile ? 'Save' : 'Volunteer',
    close: 'Cancel',
    privateMetadata: JSON.stringify(metadata),
    blocks,
  });
}

export function renderText(text: string) {
  return { text, blocks: [section(text)] as KnownBlock[] };
}

export function renderApprovalRequest(input: { profile: ListenerProfile; topicLabels: string[] }) {
  const { profile } = input;
  const text = copy.approvalRequest(profile.userId, profile.initiativeName, input.topicLabels.join(', '));
  const blocks: KnownBlock[] = [header('A new listener to review'), section(text)];
  if (profile.intro) blocks.push(context(`Their introduction: ${escapeMrkdwn(profile.intro)}`));
  blocks.push(
    actions([
      { actionId: ListenerIds.approve, text: 'Approve', style: 'primary', value: profile.id },
      { actionId: ListenerIds.decline, text: 'Decline', value: profile.id, confirm: copy.CONFIRM_DECLINE },
    ]),
  );
  return { text, blocks };
}

/** Asks which initiative a pause, resume or stop is for, when the person listens in several. */
export function renderChooseProfile(input: { actionId: string; verb: string; profiles: ListenerProfile[] }) {
  const text = copy.CHOOSE_INITIATIVE;
  return {
    text,
    blocks: [
      section(text),
      // One actions block per initiative: the buttons share an action id, which Slack refuses twice in one block.
      ...input.profiles.map((p) =>
        actions([
          {
            actionId: input.actionId,
            text: `${input.verb}: ${p.initiativeName}`,
            value: p.initiativeId,
            ...(input.actionId === ListenerIds.stopButton ? { confirm: copy.CONFIRM_STOP } : {}),
          },
        ]),
      ),
    ] as KnownBlock[],
  };
}

/** Which initiative the pause form is for and, when it was opened from an offer, that offer (declined on submit). */
export interface PauseMetadata {
  initiativeId: string;
  offerId?: string;
}

/** The day a pause with a return date ends on, in the listener's own timezone, as YYYY-MM-DD. */
function pauseEndDate(profile: Pick<ListenerProfile, 'pausedUntil' | 'timezone'>): string | null {
  return profile.pausedUntil ? localDate(profile.pausedUntil, profile.timezone) : null;
}

/** "Pause until": an optional date (empty: until they resume), what pausing means, and what happens to an open offer. */
export function renderPauseModal(input: { profile: ListenerProfile; offerId?: string | null }): ModalView {
  const { profile } = input;
  const endDate = pauseEndDate(profile);
  const blocks: KnownBlock[] = [section(copy.pauseIntro(profile.initiativeName))];
  if (profile.status === 'paused') blocks.push(context(copy.currentlyPaused(endDate ? longDate(endDate) : null)));
  if (input.offerId) blocks.push(context(copy.PAUSE_FROM_OFFER));
  blocks.push(
    datePicker({
      blockId: B.pauseUntil,
      label: copy.PAUSE_DATE_LABEL,
      optional: true,
      hint: copy.PAUSE_DATE_HINT,
      placeholder: copy.PAUSE_DATE_PLACEHOLDER,
      initial: endDate,
    }),
  );
  const metadata: PauseMetadata = { initiativeId: profile.initiativeId, ...(input.offerId ? { offerId: input.offerId } : {}) };
  return modal({
    callbackId: ListenerIds.pauseModal,
    title: copy.PAUSE_TITLE,
    submit: copy.PAUSE_SUBMIT,
    close: 'Cancel',
    privateMetadata: JSON.stringify(metadata),
    blocks,
  });
}

/** The note when a pause with a return date ends (an outbox row: app copy and the initiative's name only). */
export function renderWelcomeBack(input: { initiativeName: string; initiativeId: string }) {
  const text = copy.welcomeBack(input.initiativeName);
  return {
    text,
    blocks: [section(text), actions([{ actionId: ListenerIds.pauseUntilButton, text: copy.PAUSE_AGAIN_BUTTON, value: input.initiativeId }])] as KnownBlock[],
  };
}

/** Paused after offers went unanswered: why, that nothing is wrong, and how to come back (an outbox row). */
export function renderNoAnswerPause(input: { initiativeName: string; initiativeId: string }) {
  const text = copy.pausedForNoAnswer(input.initiativeName);
  return {
    text,
    blocks: [
      section(text),
      actions([
        { actionId: ListenerIds.resumeButton, text: 'Resume', style: 'primary', value: input.initiativeId },
        { actionId: ListenerIds.pauseUntilButton, text: copy.PAUSE_BUTTON, value: input.initiativeId },
      ]),
    ] as KnownBlock[],
  };
}
