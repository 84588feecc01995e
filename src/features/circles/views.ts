import type { KnownBlock, ModalView } from '@slack/types';
import type { AppLanguage } from '../../domain/app-language.js';
import { CIRCLE_CADENCES, CIRCLE_DESCRIPTION_MAX, CIRCLE_GUIDELINES_MAX, CIRCLE_MAX_SIZE, CIRCLE_MIN_SIZE, CIRCLE_PROMPT_MAX } from '../../domain/circles.js';
import type { Translate } from '../../i18n/translate.js';
import {
  actions,
  context,
  divider,
  escapeMrkdwn,
  modal,
  numberInput,
  option,
  radioButtons,
  section,
  staticSelect,
  textInput,
  timePicker,
  usersSelect,
  type ButtonSpec,
} from '../common/blocks.js';
import { CircleRelayIds } from './relay-ids.js';
import { CAPACITY_DEFAULT, CircleIds, FACILITATORS_BLOCK, NO_TOPIC } from './ids.js';
import { scheduleText, weekdayName, type Schedule } from './schedule.js';

export type { Schedule } from './schedule.js';

// The circles' own surfaces (issue 20): pure functions of what the person may see. Members appear by
// their circle pseudonym only (invariant 1); a name shows only where its owner chose to reveal it.

export interface OpenCircleRow {
  circleId: string;
  topic: string | null;
  initiative: string;
  description: string;
  schedule: Schedule;
  placesLeft: number;
  /** A coordinator of its initiative: shown full circles too, with Manage. */
  canManage?: boolean;
}

export interface MyCircleRow {
  circleId: string;
  topic: string | null;
  initiative: string;
  pseudonym: string;
  role: 'member' | 'facilitator';
  schedule: Schedule;
  /** Facilitators of the circle and coordinators of its initiative manage it (decided on the server). */
  canManage: boolean;
}

const topicOf = (t: Translate, topic: string | null) => escapeMrkdwn(topic ?? t('circles.noTopic'));

/** What the list modal carries: the language its consent text was shown in, recorded when someone joins. */
export interface ListMetadata {
  language: AppLanguage;
}

// Slack refuses a modal of more than 100 blocks, and what joining agrees to comes last: at most 10 of
// the person's circles and 20 others (two blocks each), 5 create buttons and 3 facilitator pickers leave
// room for the consent text whatever the workspace holds (test/slack/surfaces.test.ts renders the most).
const MAX_MINE = 10;
const MAX_OPEN = 20;

export function renderCirclesModal(
  t: Translate,
  model: {
    mine: MyCircleRow[];
    open: OpenCircleRow[];
    createIn: { id: string; name: string }[];
    consent: string;
    /** For coordinators: each initiative they coordinate and the listeners approved as facilitators there. */
    facilitators?: { initiativeId: string; name: string; approved: string[] }[];
  },
): ModalView {
  const blocks: KnownBlock[] = [section(t('circles.intro'))];
  for (const f of (model.facilitators ?? []).slice(0, 3)) {
    const people = f.approved.length > 0 ? f.approved.slice(0, 20).map((id) => `<@${id}>`).join(', ') : t('circles.facilitatorsNone');
    blocks.push(
      section(t('circles.facilitatorsIn', { initiative: escapeMrkdwn(f.name), people })),
      // The block names the initiative; the person picked is checked against its listeners on the server.
      {
        type: 'actions',
        block_id: `${FACILITATORS_BLOCK}${f.initiativeId}`,
        elements: [
          { type: 'users_select', action_id: CircleIds.approveFacilitator, placeholder: { type: 'plain_text', text: t('circles.approveFacilitator') } },
          { type: 'users_select', action_id: CircleIds.revokeFacilitator, placeholder: { type: 'plain_text', text: t('circles.revokeFacilitator') } },
        ],
      } as KnownBlock,
    );
  }
  if (model.createIn.length > 0) {
    // One actions block per initiative: Slack refuses two buttons with one action id in a block.
    for (const i of model.createIn.slice(0, 5)) blocks.push(actions([{ actionId: CircleIds.create, text: t('circles.create', { initiative: i.name }), value: i.id }]));
  }
  if (model.mine.length > 0) {
    blocks.push(divider(), section(t('circles.mineHeading')));
    for (const row of model.mine.slice(0, MAX_MINE)) {
      const buttons: ButtonSpec[] = [{ actionId: CircleIds.leave, text: t('circles.leave'), value: row.circleId }];
      if (row.canManage) buttons.unshift({ actionId: CircleIds.manage, text: t('circles.manage'), value: row.circleId });
      blocks.push(
        section(
          t('circles.summaryMine', {
            topic: topicOf(t, row.topic),
            initiative: escapeMrkdwn(row.initiative),
            pseudonym: row.pseudonym,
            role: row.role,
            schedule: scheduleText(t, row.schedule),
          }),
        ),
        actions(buttons),
      );
    }
  }
  blocks.push(divider(), section(t('circles.openHeading')));
  if (model.open.length === 0) blocks.push(context(t('circles.noneOpen')));
  for (const row of model.open.slice(0, MAX_OPEN)) {
    const summary = section(
      t('circles.summary', {
        topic: topicOf(t, row.topic),
        initiative: escapeMrkdwn(row.initiative),
        description: escapeMrkdwn(row.description),
        schedule: scheduleText(t, row.schedule),
        places: row.placesLeft,
      }),
    );
    blocks.push(
      row.placesLeft > 0
        ? ({ ...summary, accessory: { type: 'button', action_id: CircleIds.join, value: row.circleId, text: { type: 'plain_text', text: t('circles.join') }, style: 'primary' } } as KnownBlock)
        : summary,
    );
    if (row.canManage) blocks.push(actions([{ actionId: CircleIds.manage, text: t('circles.manage'), value: row.circleId }]));
  }
  if (model.open.length > 0) {
    // Joining is one click on the list, so what it agrees to is on the list itself (invariant 3).
    blocks.push(divider(), section(t('circles.consentLead')), ...model.consent.split('\n').map((paragraph) => context(paragraph)));
  }
  const metadata: ListMetadata = { language: t.language };
  return modal({ callbackId: CircleIds.listModal, title: t('circles.title'), close: t('common.close'), blocks, privateMetadata: JSON.stringify(metadata) });
}

export interface CreateMetadata {
  initiativeId: string;
  timezone: string;
  language: AppLanguage;
}

export function renderCreateModal(
  t: Translate,
  model: { initiativeId: string; topics: { id: string; label: string }[]; timezone: string; creatorId: string },
): ModalView {
  const b = CircleIds.blocks;
  const noTopic = option(t('circles.noTopic'), NO_TOPIC);
  const cadences = CIRCLE_CADENCES.map((c) => option(t(c === 'weekly' ? 'circles.cadence.weekly' : 'circles.cadence.fortnightly'), c));
  const weekdays = [1, 2, 3, 4, 5, 6, 0].map((d) => option(weekdayName(t.language, d), String(d)));
  const metadata: CreateMetadata = { initiativeId: model.initiativeId, timezone: model.timezone, language: t.language };
  return modal({
    callbackId: CircleIds.createModal,
    title: t('circles.createTitle'),
    submit: t('circles.createSubmit'),
    close: t('common.close'),
    privateMetadata: JSON.stringify(metadata),
    blocks: [
      staticSelect({
        blockId: b.topic,
        label: t('circles.field.topic'),
        options: [noTopic, ...model.topics.map((topic) => option(topic.label, topic.id))],
        initial: noTopic,
        placeholder: t('circles.field.placeholder'),
      }),
      textInput({
        blockId: b.description,
        label: t('circles.field.description'),
        hint: t('circles.field.descriptionHint', { max: CIRCLE_DESCRIPTION_MAX }),
        maxLength: CIRCLE_DESCRIPTION_MAX,
      }),
      numberInput({
        blockId: b.capacity,
        label: t('circles.field.capacity'),
        hint: t('circles.field.capacityHint', { min: CIRCLE_MIN_SIZE, max: CIRCLE_MAX_SIZE }),
        initial: CAPACITY_DEFAULT,
        min: CIRCLE_MIN_SIZE,
        max: CIRCLE_MAX_SIZE,
      }),
      radioButtons({ blockId: b.cadence, label: t('circles.field.cadence'), options: cadences, initial: cadences[0]! }),
      staticSelect({ blockId: b.weekday, label: t('circles.field.weekday'), options: weekdays, placeholder: t('circles.field.placeholder') }),
      timePicker({
        blockId: b.time,
        label: t('circles.field.time'),
        hint: t('circles.field.timeHint', { timezone: model.timezone }),
        initial: '17:00',
        placeholder: t('circles.field.placeholder'),
      }),
      usersSelect({
        blockId: b.facilitators,
        label: t('circles.field.facilitators'),
        hint: t('circles.field.facilitatorsHint'),
        initial: [model.creatorId],
        placeholder: t('circles.field.placeholder'),
        maxSelected: 3,
      }),
      textInput({
        blockId: b.prompt,
        label: t('circles.field.prompt'),
        hint: t('circles.field.promptHint', { max: CIRCLE_PROMPT_MAX }),
        initial: t('circles.field.promptDefault'),
        multiline: true,
        maxLength: CIRCLE_PROMPT_MAX,
      }),
      textInput({
        blockId: b.guidelines,
        label: t('circles.field.guidelines'),
        initial: t('circles.field.guidelinesDefault'),
        multiline: true,
        maxLength: CIRCLE_GUIDELINES_MAX,
      }),
    ],
  });
}

/**
 * The welcome message in a person's DM with the app: its thread is the circle's conversation, where
 * replies are relayed and session prompts arrive. Its notification text says nothing about the circle.
 */
export function renderWelcome(
  t: Translate,
  model: { circleId: string; topic: string | null; pseudonym: string; role: 'member' | 'facilitator'; schedule: Schedule; guidelines: string; description: string },
): { text: string; blocks: KnownBlock[] } {
  return {
    text: t('circles.welcome.notification'),
    blocks: [
      section(
        t('circles.welcome.lead', {
          topic: topicOf(t, model.topic),
          pseudonym: model.pseudonym,
          role: model.role,
          schedule: scheduleText(t, model.schedule),
        }),
      ),
      context(escapeMrkdwn(model.description)),
      section(t('circles.welcome.how')),
      section(`${t('circles.welcome.guidelines')}\n${escapeMrkdwn(model.guidelines)}`),
      actions([
        {
          actionId: CircleIds.reveal,
          text: t('circles.welcome.reveal'),
          value: model.circleId,
          confirm: {
            title: t('circles.welcome.revealConfirmTitle'),
            text: t('circles.welcome.revealConfirm'),
            confirm: t('circles.welcome.revealConfirmYes'),
            deny: t('circles.welcome.cancel'),
          },
        },
        { actionId: CircleRelayIds.report, text: t('reports.title'), value: model.circleId },
        { actionId: CircleIds.leave, text: t('circles.welcome.leave'), value: model.circleId },
      ]),
    ],
  };
}

export interface ManagedMember {
  pseudonym: string;
  role: 'member' | 'facilitator';
  pausedUntil: Date | null;
}

export function renderManageModal(
  t: Translate,
  model: { circleId: string; topic: string | null; capacity: number; members: ManagedMember[]; canClose: boolean; now: Date; timezone: string },
): ModalView {
  const when = (d: Date) => new Intl.DateTimeFormat(t.language, { dateStyle: 'medium', timeStyle: 'short', timeZone: model.timezone }).format(d);
  const members = model.members.filter((m) => m.role === 'member').length;
  const blocks: KnownBlock[] = [section(t('circles.manageLead', { topic: topicOf(t, model.topic), members, capacity: model.capacity }))];
  for (const m of model.members.slice(0, 40)) {
    const paused = m.pausedUntil !== null && m.pausedUntil > model.now;
    const line = t('circles.manageMember', { pseudonym: m.pseudonym, role: m.role, paused: paused ? 'yes' : 'no', until: paused ? when(m.pausedUntil!) : '' });
    if (m.role === 'member' && !paused) {
      blocks.push({
        ...section(line),
        accessory: {
          type: 'button',
          action_id: CircleIds.pauseMember,
          value: JSON.stringify({ circleId: model.circleId, pseudonym: m.pseudonym }),
          text: { type: 'plain_text', text: t('circles.pauseMember') },
        },
      } as KnownBlock);
    } else {
      blocks.push(section(line));
    }
  }
  if (model.canClose) {
    blocks.push(
      divider(),
      actions([
        {
          actionId: CircleIds.close,
          text: t('circles.close'),
          value: model.circleId,
          style: 'danger',
          confirm: {
            title: t('circles.closeConfirmTitle'),
            text: t('circles.closeConfirm'),
            confirm: t('circles.closeConfirmYes'),
            deny: t('circles.welcome.cancel'),
            danger: true,
          },
        },
      ]),
    );
  }
  return modal({ callbackId: CircleIds.manageModal, title: t('circles.manageTitle'), close: t('common.close'), blocks });
}
