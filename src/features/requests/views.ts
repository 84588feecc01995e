import type { KnownBlock, ModalView } from '@slack/types';
import { parseResources } from '../../domain/resources.js';
import { CONSENT_TEXTS } from '../../domain/consent.js';
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
}

/** Resources first, always (DESIGN.md invariant 6), with "I need help right now" before any question. */
export function renderRequestModal(initiative: Initiative): ModalView {
  const topics = initiative.topics.map((t) => option(t.label, t.id));
  const anyLanguage = option('Any language', ANY_LANGUAGE);
  const blocks: KnownBlock[] = [
    section(copy.RESOURCES_FIRST),
    section(escapeMrkdwn(initiative.resources), 'resources'),
    ...renderResourceLinks(initiative.resources),
    actions([{ actionId: RequestIds.helpNowButton, text: 'I need help right now', style: 'danger', value: initiative.id }]),
    divider(),
    section(copy.WHAT_HAPPENS),
    staticSelect({ blockId: B.topic, label: 'What would you like to talk about?', placeholder: 'Choose a topic', options: topics }),
    textInput({ blockId: B.note, label: 'A note for your listener', optional: true, hint: copy.NOTE_HINT, multiline: true, maxLength: NOTE_MAX }),
    staticSelect({
      blockId: B.language,
      label: 'Preferred language',
      optional: true,
      placeholder: 'Any language',
      options: [anyLanguage, ...LANGUAGES.map((l) => option(l.name, l.code))],
      initial: anyLanguage,
    }),
    checkboxes({ blockId: B.timezone, label: 'Timezone', optional: true, options: [option('I would prefer a listener in a similar timezone', SAME_TIMEZONE)] }),
    divider(),
    section(CONSENT_TEXTS.seeker_request.text),
    context('Sending this request records your consent to the above for this request.'),
  ];
  const metadata: RequestMetadata = { initiativeId: initiative.id };
  return modal({
    callbackId: RequestIds.requestModal,
    title: copy.REQUEST_TITLE,
    submit: 'Find a listener',
    close: 'Cancel',
    privateMetadata: JSON.stringify(metadata),
    blocks,
  });
}

/** "I need help right now": the resources, and nothing else to do. */
/** The resources' web pages as buttons (up to five), so help is one tap away; none when there are no links. */
function renderResourceLinks(resources: string): KnownBlock[] {
  const links = parseResources(resources).filter((r) => r.link !== null).slice(0, RequestIds.resourceLinks.length);
  if (links.length === 0) return [];
  return [
    actions(
      links.map((r, i) => ({ actionId: RequestIds.resourceLinks[i]!, text: r.name ? `Open: ${r.name}` : copy.OPEN_RESOURCE, url: r.link! })),
    ),
  ];
}

export function renderHelpNowModal(resources: string | null): ModalView {
  const blocks: KnownBlock[] = [section(copy.HELP_NOW_LEAD)];
  if (resources) blocks.push(section(escapeMrkdwn(resources)), ...renderResourceLinks(resources));
  blocks.push(context('Peer support is not a crisis service. You can come back and ask for a listener any time.'));
  return modal({ callbackId: 'request.help_now_view', title: copy.HELP_NOW_TITLE, close: 'Close', blocks });
}

export function renderWaiting(input: { text: string; resources: string; requestId: string }) {
  return {
    text: input.text,
    blocks: [
      section(input.text),
      section(escapeMrkdwn(input.resources)),
      actions([{ actionId: RequestIds.cancelButton, text: 'Cancel my request', value: input.requestId }]),
    ] as KnownBlock[],
  };
}

/** The request modal's last word: the request is sent, where the answer will come, and the resources. */
export function renderRequestSent(resources: string): ModalView {
  return modal({
    callbackId: RequestIds.requestSent,
    title: copy.REQUEST_SENT_TITLE,
    close: 'Close',
    blocks: [section(copy.REQUEST_SENT), section(copy.WHILE_YOU_WAIT), section(escapeMrkdwn(resources), 'resources')],
  });
}

export type WaitingState =
  | { kind: 'open'; text: string; resources: string; requestId: string; estimateHours: number | null }
  | { kind: 'paired' }
  | { kind: 'cancelled' };

/** The seeker's one waiting message, as it reads now; updated in place as things happen. */
export function renderWaitingStatus(state: WaitingState) {
  if (state.kind === 'paired') return renderPlain(copy.WAITING_PAIRED);
  if (state.kind === 'cancelled') return renderPlain(copy.CANCELLED);
  const message = renderWaiting(state);
  if (state.estimateHours !== null) message.blocks.splice(1, 0, context(copy.waitEstimate(state.estimateHours)));
  return message;
}

export function renderOffer(input: {
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
  const text = copy.OFFER_NOTIFICATION;
  const blocks: KnownBlock[] = [header('Someone would like to talk'), section(copy.offerText(displayPseudonym(input.seekerPseudonym), input.topic))];
  if (input.note) blocks.push(section(`Their note:\n>${escapeMrkdwn(input.note).replace(/\n/g, '\n>')}`));
  blocks.push(
    context(copy.offerExpiry(input.timeoutHours)),
    actions([
      { actionId: input.acceptId, text: 'Accept', style: 'primary', value: input.offerId },
      { actionId: input.declineId, text: 'Decline', value: input.offerId },
      ...(input.pauseUntil ? [{ actionId: input.pauseUntil.actionId, text: copy.PAUSE_FROM_OFFER_BUTTON, value: input.pauseUntil.value }] : []),
    ]),
  );
  return { text, blocks };
}

export function renderPlain(text: string) {
  return { text, blocks: [section(text)] as KnownBlock[] };
}

/** Every initiative's resources, before the question of which initiative (DESIGN.md invariant 6). */
export function renderResourcesLead(initiatives: readonly Initiative[]): KnownBlock[] {
  return [
    section(copy.RESOURCES_FIRST),
    ...initiatives.slice(0, 10).map((i) => section(`*${escapeMrkdwn(i.name)}*\n${escapeMrkdwn(i.resources)}`)),
    divider(),
  ];
}
