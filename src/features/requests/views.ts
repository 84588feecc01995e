import type { KnownBlock, ModalView } from '@slack/types';
import { parseResources } from '../../domain/resources.js';
import type { AppLanguage } from '../../domain/app-language.js';
import { consentText } from '../../domain/consent.js';
import { resourcesIn, textsIn } from '../../domain/initiative-texts.js';
import { translatorFor, type Translate } from '../../i18n/translate.js';
import { LANGUAGES } from '../../domain/languages.js';
import { displayPseudonym } from '../../domain/pseudonyms.js';
import {
  actions,
  checkboxes,
  context,
  divider,
  escapeMrkdwn,
  header,
  modal,
  option,
  section,
  staticSelect,
  textInput,
} from '../common/blocks.js';
import type { Initiative } from '../initiatives/service.js';
import * as copy from './copy.js';
import { ANY_LANGUAGE, NOTE_MAX, RequestIds, SAME_TIMEZONE } from './ids.js';

const B = RequestIds.blocks;

export interface RequestMetadata {
  initiativeId: string;
  /** The language the form (and its consent text) was shown in, so the consent recorded is that of the words seen. */
  language: AppLanguage;
}

/**
 * Resources first, always (DESIGN.md invariant 6), with "I need help right now" before any question.
 * Worded in the seeker's `language` (issue 19); topics and resources as the coordinators wrote them.
 */
export function renderRequestModal(language: AppLanguage, initiative: Initiative): ModalView {
  const t = translatorFor(language);
  // The coordinators' words in the seeker's language where they wrote them (issue 19), else as written.
  const own = textsIn(initiative, language);
  const topics = initiative.topics.map((topic) => option(own.topicLabel(topic.label), topic.id));
  const anyLanguage = option(t('requests.anyLanguage'), ANY_LANGUAGE);
  const blocks: KnownBlock[] = [
    section(t('requests.resourcesFirst')),
    section(escapeMrkdwn(own.resources), 'resources'),
    ...renderResourceLinks(t, own.resources),
    actions([{ actionId: RequestIds.helpNowButton, text: t('requests.helpNowButton'), style: 'danger', value: initiative.id }]),
    divider(),
    section(t('requests.whatHappens')),
    staticSelect({ blockId: B.topic, label: t('requests.topicLabel'), placeholder: t('requests.topicPlaceholder'), options: topics }),
    textInput({ blockId: B.note, label: t('requests.noteLabel'), optional: true, hint: t('requests.noteHint', { max: NOTE_MAX }), multiline: true, maxLength: NOTE_MAX }),
    staticSelect({
      blockId: B.language,
      label: t('requests.languageLabel'),
      optional: true,
      placeholder: t('requests.anyLanguage'),
      options: [anyLanguage, ...LANGUAGES.map((l) => option(l.name, l.code))],
      initial: anyLanguage,
    }),
    checkboxes({ blockId: B.timezone, label: t('requests.timezoneLabel'), optional: true, options: [option(t('requests.sameTimezone'), SAME_TIMEZONE)] }),
    divider(),
    // One section per paragraph: a longer language must still fit Block Kit's 3,000 characters a section.
    ...consentText('seeker_request', language).text.split('\n').map((paragraph) => section(paragraph)),
    context(t('requests.consentFooter')),
  ];
  const metadata: RequestMetadata = { initiativeId: initiative.id, language };
  return modal({
    callbackId: RequestIds.requestModal,
    title: t('requests.title'),
    submit: t('requests.submit'),
    close: t('common.cancel'),
    privateMetadata: JSON.stringify(metadata),
    blocks,
  });
}

/** "I need help right now": the resources, and nothing else to do. */
/** The resources' web pages as buttons (up to five), so help is one tap away; none when there are no links. */
function renderResourceLinks(t: Translate, resources: string): KnownBlock[] {
  const links = parseResources(resources).filter((r) => r.link !== null).slice(0, RequestIds.resourceLinks.length);
  if (links.length === 0) return [];
  return [
    actions(
      links.map((r, i) => ({
        actionId: RequestIds.resourceLinks[i]!,
        text: r.name ? t('requests.openNamedResource', { name: r.name }) : t('requests.openResource'),
        url: r.link!,
      })),
    ),
  ];
}

export function renderHelpNowModal(t: Translate, resources: string | null): ModalView {
  const blocks: KnownBlock[] = [section(t('requests.helpNowLead'))];
  if (resources) blocks.push(section(escapeMrkdwn(resources)), ...renderResourceLinks(t, resources));
  blocks.push(context(t('requests.notACrisisService')));
  return modal({ callbackId: 'request.help_now_view', title: t('requests.helpNowTitle'), close: t('common.close'), blocks });
}

export function renderWaiting(t: Translate, input: { text: string; resources: string; requestId: string }) {
  return {
    text: input.text,
    blocks: [
      section(input.text),
      section(escapeMrkdwn(input.resources)),
      actions([{ actionId: RequestIds.cancelButton, text: t('requests.cancelMyRequest'), value: input.requestId }]),
    ] as KnownBlock[],
  };
}

/** The request modal's last word: the request is sent, where the answer will come, and the resources. */
export function renderRequestSent(t: Translate, resources: string): ModalView {
  return modal({
    callbackId: RequestIds.requestSent,
    title: t('requests.sentTitle'),
    close: t('common.close'),
    blocks: [section(t('requests.sent')), section(t('requests.whileYouWait')), section(escapeMrkdwn(resources), 'resources')],
  });
}

export type WaitingState =
  | { kind: 'open'; text: string; resources: string; requestId: string; estimateHours: number | null }
  | { kind: 'paired' }
  | { kind: 'cancelled' };

/** The seeker's one waiting message, as it reads now, in their language; updated in place as things happen. */
export function renderWaitingStatus(t: Translate, state: WaitingState) {
  if (state.kind === 'paired') return renderPlain(t('waiting.paired'));
  if (state.kind === 'cancelled') return renderPlain(t('waiting.cancelled'));
  const message = renderWaiting(t, state);
  if (state.estimateHours !== null) message.blocks.splice(1, 0, context(t('waiting.estimate', { hours: state.estimateHours })));
  return message;
}

/** An offer to a listener, in their language (`t`); the seeker's note as written. */
export function renderOffer(t: Translate, input: {
  offerId: string;
  seekerPseudonym: string;
  topic: string | null;
  note: string | null;
  timeoutHours: number;
  acceptId: string;
  declineId: string;
  /** "Pause until…" (issue 15): pausing from the offer declines it; the action id and value come from the listeners capability. */
  pauseUntil?: { actionId: string; value: string };
}) {
  // Topic and note stay in the blocks: the top-level text is what a lock screen shows (DESIGN.md "Slack facts").
  const text = t('offers.notification');
  const blocks: KnownBlock[] = [header(t('offers.header')), section(copy.offerText(t, displayPseudonym(t, input.seekerPseudonym), input.topic))];
  if (input.note) blocks.push(section(`${t('offers.theirNote')}\n>${escapeMrkdwn(input.note).replace(/\n/g, '\n>')}`));
  blocks.push(
    context(t('offers.expiry', { hours: input.timeoutHours })),
    actions([
      { actionId: input.acceptId, text: t('offers.accept'), style: 'primary', value: input.offerId },
      { actionId: input.declineId, text: t('offers.decline'), value: input.offerId },
      ...(input.pauseUntil ? [{ actionId: input.pauseUntil.actionId, text: t('offers.pauseUntil'), value: input.pauseUntil.value }] : []),
    ]),
  );
  return { text, blocks };
}

export function renderPlain(text: string) {
  return { text, blocks: [section(text)] as KnownBlock[] };
}

/** Every initiative's resources, before the question of which initiative (DESIGN.md invariant 6). */
export function renderResourcesLead(t: Translate, initiatives: readonly Initiative[]): KnownBlock[] {
  return [
    section(t('requests.resourcesFirst')),
    ...initiatives.slice(0, 10).map((i) => section(`*${escapeMrkdwn(i.name)}*\n${escapeMrkdwn(resourcesIn(i, t.language))}`)),
    divider(),
  ];
}
