import type { KnownBlock, ModalView } from '@slack/types';
import { CONSENT_TEXTS } from '../../domain/consent.js';
import { LANGUAGES } from '../../domain/languages.js';
import {
  actions,
  checkboxes,
  context,
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
