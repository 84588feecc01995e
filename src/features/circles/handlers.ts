import type { ModalView } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import type { ViewSubmitAction } from '@slack/bolt';
import { z } from 'zod';
import { serviceDeps, type FeatureDeps } from '../../app-deps.js';
import { effects } from '../../effects/effects.js';
import { FALLBACK_LANGUAGE } from '../../domain/app-language.js';
import { consentText } from '../../domain/consent.js';
import { textsIn } from '../../domain/initiative-texts.js';
import type { CircleInputField } from '../../domain/circles.js';
import { CIRCLE_DESCRIPTION_MAX, CIRCLE_GUIDELINES_MAX, CIRCLE_MAX_SIZE, CIRCLE_MIN_SIZE, CIRCLE_PROMPT_MAX } from '../../domain/circles.js';
import { translatorFor, type Translate } from '../../i18n/translate.js';
import type { Routes } from '../../slack/routes.js';
import { loadingModal, messageModal, section } from '../common/blocks.js';
import { openDm } from '../common/dm.js';
import { openThenUpdate } from '../common/flows.js';
import { metadataLanguage, parseAction, parseJson, parseSubmission } from '../common/payloads.js';
import { LANGUAGE_WITHIN_MS, translatorOf as sharedTranslatorOf } from '../common/person-language.js';
import { tellCircleMembers } from './notes.js';
import { fetchTimezone } from '../common/timezones.js';
import { readForm } from '../common/view-state.js';
import type { CommandHandler } from '../commands/listeners.js';
import { CircleIds, FACILITATORS_BLOCK, NO_TOPIC } from './ids.js';
import {
  canCreateCircle,
  circleFor,
  circleMembersFor,
  closeCircle,
  createCircle,
  facilitatorChoicesFor,
  joinCircle,
  leaveCircle,
  openCirclesFor,
  pauseMember,
  revealMember,
  setFacilitator,
  setWelcome,
  type CircleMemberRow,
} from './service.js';
import { renderCircleNote, slackDateTime } from './relay-views.js';
import { renderCirclesModal, renderCreateModal, renderManageModal, renderWelcome, type Schedule } from './views.js';

// Circles (issue 20), the Slack side: `/peer circles` and the Home button open the list; joining and
// leaving are one click each; creating, managing, pausing, closing and sharing one's name. Who may do
// what is decided by the service from the database, never from a button's value. Everything is worded
// in the language of the person it is for: the one clicking, and each member for notes in their thread.

const createMetadata = z.object({ initiativeId: z.string(), timezone: z.string(), language: metadataLanguage });
const listMetadata = z.object({ language: metadataLanguage });
const pauseValue = z.object({ circleId: z.string(), pseudonym: z.string() });

/** The create form's blocks, by the domain's field names, for errors shown on the right field. */
const FIELD_BLOCK: Record<CircleInputField, string> = {
  topic: CircleIds.blocks.topic,
  description: CircleIds.blocks.description,
  capacity: CircleIds.blocks.capacity,
  cadence: CircleIds.blocks.cadence,
  weekday: CircleIds.blocks.weekday,
  localTime: CircleIds.blocks.time,
  facilitators: CircleIds.blocks.facilitators,
  prompt: CircleIds.blocks.prompt,
  guidelines: CircleIds.blocks.guidelines,
};

function fieldError(t: Translate, field: CircleInputField): string {
  switch (field) {
    case 'topic':
      return t('circles.error.topic');
    case 'description':
      return t('circles.error.description', { max: CIRCLE_DESCRIPTION_MAX });
    case 'capacity':
      return t('circles.error.capacity', { min: CIRCLE_MIN_SIZE, max: CIRCLE_MAX_SIZE });
    case 'cadence':
      return t('circles.error.cadence');
    case 'weekday':
      return t('circles.error.weekday');
    case 'localTime':
      return t('circles.error.time');
    case 'facilitators':
      return t('circles.error.facilitators');
    case 'prompt':
      return t('circles.error.prompt', { max: CIRCLE_PROMPT_MAX });
    case 'guidelines':
      return t('circles.error.guidelines', { max: CIRCLE_GUIDELINES_MAX });
  }
}

/** A topic label as the coordinators wrote it in the reader's language, where they did (issue 19). */
const topicIn = (t: Translate, c: { topic: string | null; initiativeTexts: string }): string | null =>
  c.topic === null ? null : textsIn({ texts: c.initiativeTexts }, t.language).topicLabel(c.topic);

const scheduleOf = (c: { cadence: string; weekday: number; localTime: string; timezone: string }): Schedule => ({
  cadence: c.cadence,
  weekday: c.weekday,
  localTime: c.localTime,
  timezone: c.timezone,
});

export function register(app: Routes, deps: FeatureDeps): { circles: CommandHandler } {
  const services = serviceDeps(deps);

  const translatorOf = (client: WebClient, userId: string, workspaceId: string, withinMs?: number): Promise<Translate> =>
    sharedTranslatorOf(deps.languages, client, userId, { workspaceId, ...(withinMs !== undefined ? { withinMs } : {}) });

  /**
   * Posts a member's welcome message in their DM with the app and records it: its thread is where the
   * circle's conversation and session prompts reach them. False when Slack would not take it now (the
   * list posts it again the next time the person opens it).
   */
  async function welcome(client: WebClient, workspaceId: string, member: { id: string; userId: string; pseudonym: string; role: 'member' | 'facilitator' }, circleId: string): Promise<boolean> {
    const circle = await circleFor(services.db, { circleId });
    if (!circle) return false;
    try {
      const t = await translatorOf(client, member.userId, workspaceId);
      const channel = await openDm(client, member.userId);
      const posted = await client.chat.postMessage({
        channel,
        ...renderWelcome(t, {
          circleId,
          topic: topicIn(t, circle),
          pseudonym: member.pseudonym,
          role: member.role,
          schedule: scheduleOf(circle),
          guidelines: circle.guidelines,
          description: circle.description,
        }),
      });
      if (!posted.ts) return false;
      await setWelcome(services.db, { memberId: member.id, channel, threadTs: posted.ts });
      return true;
    } catch (error) {
      deps.logger.warn({ err: error, code: 'circle_welcome_failed', circleId }, 'a circle welcome message was not sent');
      return false;
    }
  }

  const tellMembers = (client: WebClient, workspaceId: string, members: readonly CircleMemberRow[], words: (t: Translate) => string) =>
    tellCircleMembers(client, deps, workspaceId, members, words);

  async function listView(client: WebClient, t: Translate, workspaceId: string, userId: string): Promise<ModalView> {
    const [circles, creatable, coordinated] = await Promise.all([
      openCirclesFor(services.db, { workspaceId, userId }),
      canCreateCircle(services.db, { workspaceId, userId }),
      facilitatorChoicesFor(services.db, { workspaceId, userId }),
    ]);
    // A welcome message that could not be sent at joining is sent now.
    for (const c of circles.filter((c) => c.mine && c.member && !c.member.threadTs)) {
      await welcome(client, workspaceId, { id: c.member!.id, userId, pseudonym: c.member!.pseudonym, role: c.member!.role }, c.id);
    }
    return renderCirclesModal(t, {
      mine: circles
        .filter((c) => c.mine && c.member)
        .map((c) => ({
          circleId: c.id,
          topic: topicIn(t, c),
          initiative: c.initiativeName,
          pseudonym: c.member!.pseudonym,
          role: c.member!.role,
          schedule: scheduleOf(c),
          canManage: c.canManage,
        })),
      // Open circles with a place; a coordinator also sees their initiatives' full ones, to manage them.
      open: circles
        .filter((c) => !c.mine && (c.placesLeft > 0 || c.canManage))
        .map((c) => ({
          circleId: c.id,
          topic: topicIn(t, c),
          initiative: c.initiativeName,
          description: c.description,
          schedule: scheduleOf(c),
          placesLeft: c.placesLeft,
          canManage: c.canManage,
        })),
      createIn: creatable.initiatives.map((i) => ({ id: i.id, name: i.name })),
      consent: consentText('circle_member', t.language).text,
      facilitators: coordinated.map((c) => ({ initiativeId: c.id, name: c.name, approved: c.listeners.filter((l) => l.facilitator).map((l) => l.userId) })),
    });
  }

  async function openList(client: WebClient, triggerId: string, workspaceId: string, userId: string): Promise<void> {
    const t = await translatorOf(client, userId, workspaceId, LANGUAGE_WITHIN_MS);
    await openThenUpdate(client, triggerId, t, t('circles.title'), () => listView(client, t, workspaceId, userId));
  }

  /** A modal on top of the list: a placeholder at once (the trigger lasts 3 s), then what it should show. */
  async function pushThenUpdate(client: WebClient, triggerId: string, t: Translate, title: string, load: () => Promise<ModalView>): Promise<void> {
    const pushed = await client.views.push({ trigger_id: triggerId, view: loadingModal(t, title) });
    const viewId = pushed.view?.id;
    if (!viewId) throw new Error('views.push returned no view id');
    await client.views.update({ view_id: viewId, view: await load() });
  }

  /** Answers a click: in the modal it came from, or in the DM thread of the message it came from. */
  async function answer(client: WebClient, a: ReturnType<typeof parseAction>, t: Translate, text: string, thread?: { channel: string; ts: string }): Promise<void> {
    if (a.viewId) await client.views.update({ view_id: a.viewId, view: messageModal(t, t('circles.title'), text) });
    else if (thread) await client.chat.postMessage({ channel: thread.channel, thread_ts: thread.ts, ...renderCircleNote(text) });
    else await client.chat.postMessage({ channel: a.userId, ...renderCircleNote(text) });
  }

  app.action(CircleIds.openList, async ({ ack, body, client }) => {
    await ack();
    const a = parseAction(body);
    if (a.triggerId) await openList(client, a.triggerId, a.workspaceId, a.userId);
  });

  app.action(CircleIds.join, async ({ ack, body, client }) => {
    await ack();
    const a = parseAction(body);
    if (!a.value) return;
    const metadata = parseJson(listMetadata, ((body as { view?: { private_metadata?: string } }).view?.private_metadata) ?? null);
    // The consent recorded is the text the list showed, in its language (invariant 3).
    const language = metadata?.language ?? FALLBACK_LANGUAGE;
    const t = translatorFor(language);
    const result = await joinCircle(services.db, { workspaceId: a.workspaceId, userId: a.userId, circleId: a.value, language, now: services.clock.now(), random: services.random });
    if (result.kind === 'full') return answer(client, a, t, t('circles.full'));
    if (result.kind === 'closed') return answer(client, a, t, t('circles.closed'));
    if (result.kind === 'not-found') return answer(client, a, t, t('circles.notFound'));
    if (result.kind === 'already-member') return answer(client, a, t, t('circles.alreadyMember', { pseudonym: result.member.pseudonym }));
    const member = result.member;
    const sent = await welcome(client, a.workspaceId, { id: member.id, userId: a.userId, pseudonym: member.pseudonym, role: 'member' }, a.value);
    await answer(client, a, t, t(sent ? 'circles.joined' : 'circles.joinedNoWelcome', { pseudonym: member.pseudonym }));
    await deps.effects.run([...effects.refreshHomes(a.workspaceId, [a.userId])]);
  });

  app.action(CircleIds.leave, async ({ ack, body, client }) => {
    await ack();
    const a = parseAction(body);
    if (!a.value) return;
    const t = await translatorOf(client, a.userId, a.workspaceId);
    const members = await circleMembersFor(services.db, a.value);
    const me = members.find((m) => m.userId === a.userId);
    const result = await leaveCircle(services.db, { workspaceId: a.workspaceId, userId: a.userId, circleId: a.value, now: services.clock.now() });
    if (result.kind !== 'left' || !me) return answer(client, a, t, t('circles.notMember'));
    await answer(client, a, t, t('circles.left'), me.channel && me.threadTs ? { channel: me.channel, ts: me.threadTs } : undefined);
    if (result.closed) {
      // Its last facilitator left: the circle closed (service.ts), and everyone in it is told why.
      await tellMembers(client, a.workspaceId, result.closed, (mt) => mt('myData.circles.closedNotice'));
      await deps.effects.run([...effects.refreshHomes(a.workspaceId, result.closed.map((m) => m.userId))]);
    } else {
      await tellMembers(client, a.workspaceId, members.filter((m) => m.userId !== a.userId), (mt) => mt('circles.leftNotice', { pseudonym: me.pseudonym }));
    }
    await deps.effects.run([...effects.refreshHomes(a.workspaceId, [a.userId])]);
  });

  app.action(CircleIds.create, async ({ ack, body, client }) => {
    await ack();
    const a = parseAction(body);
    if (!a.triggerId || !a.value) return;
    const t = await translatorOf(client, a.userId, a.workspaceId, LANGUAGE_WITHIN_MS);
    const initiativeId = a.value;
    const load = async () => {
      const allowed = (await canCreateCircle(services.db, { workspaceId: a.workspaceId, userId: a.userId })).initiatives.find((i) => i.id === initiativeId);
      if (!allowed) return messageModal(t, t('circles.createTitle'), t('circles.notAllowed'));
      const timezone = (await fetchTimezone(client, a.userId, deps.logger)) ?? 'UTC';
      return renderCreateModal(t, { initiativeId, topics: allowed.topics, timezone, creatorId: a.userId });
    };
    if (a.viewId) await pushThenUpdate(client, a.triggerId, t, t('circles.createTitle'), load);
    else await openThenUpdate(client, a.triggerId, t, t('circles.createTitle'), load);
  });

  app.view<ViewSubmitAction>(CircleIds.createModal, async ({ ack, body, client }) => {
    const s = parseSubmission(body);
    const metadata = parseJson(createMetadata, s.privateMetadata);
    const t = translatorFor(metadata?.language ?? FALLBACK_LANGUAGE);
    if (!metadata) {
      await ack({ response_action: 'update', view: messageModal(t, t('circles.createTitle'), t('circles.notAllowed')) });
      return;
    }
    const form = readForm(s.values);
    const one = (block: string) => {
      const v = form[block];
      return typeof v === 'string' ? v : null;
    };
    const many = (block: string) => {
      const v = form[block];
      return Array.isArray(v) ? v : [];
    };
    const topic = one(CircleIds.blocks.topic);
    const capacity = Number(one(CircleIds.blocks.capacity) ?? Number.NaN);
    const weekday = Number(one(CircleIds.blocks.weekday) ?? Number.NaN);
    const result = await createCircle(services.db, {
      workspaceId: s.workspaceId,
      createdBy: s.userId,
      input: {
        initiativeId: metadata.initiativeId,
        topicId: topic && topic !== NO_TOPIC ? topic : null,
        description: one(CircleIds.blocks.description) ?? '',
        capacity,
        cadence: (one(CircleIds.blocks.cadence) ?? '') as never,
        weekday,
        localTime: one(CircleIds.blocks.time) ?? '',
        timezone: metadata.timezone,
        prompt: one(CircleIds.blocks.prompt) ?? '',
        guidelines: one(CircleIds.blocks.guidelines) ?? '',
        facilitatorIds: many(CircleIds.blocks.facilitators),
      },
      now: services.clock.now(),
      random: services.random,
    });
    if (result.kind === 'invalid') {
      const errors: Record<string, string> = {};
      for (const e of result.errors) errors[FIELD_BLOCK[e.field]] ??= fieldError(t, e.field);
      await ack({ response_action: 'errors', errors });
      return;
    }
    if (result.kind === 'not-allowed') {
      await ack({ response_action: 'update', view: messageModal(t, t('circles.createTitle'), t('circles.notAllowed')) });
      return;
    }
    await ack({ response_action: 'update', view: messageModal(t, t('circles.createTitle'), t('circles.created', { topic: topicIn(t, result.circle) ?? t('circles.noTopic') })) });
    const members = await circleMembersFor(services.db, result.circle.id);
    for (const m of members) await welcome(client, s.workspaceId, m, result.circle.id);
  });

  async function manageView(t: Translate, workspaceId: string, userId: string, circleId: string): Promise<ModalView> {
    const circle = await circleFor(services.db, { circleId, viewerId: userId, workspaceId });
    // Another workspace's circle is none here.
    if (!circle) return messageModal(t, t('circles.manageTitle'), t('circles.notFound'));
    if (circle.status !== 'open') return messageModal(t, t('circles.manageTitle'), t('circles.closed'));
    if (!circle.viewerCanManage) return messageModal(t, t('circles.manageTitle'), t('circles.notAllowed'));
    const members = await circleMembersFor(services.db, circleId);
    return renderManageModal(t, {
      circleId,
      topic: topicIn(t, circle),
      capacity: circle.capacity,
      members: members.map((m) => ({ pseudonym: m.pseudonym, role: m.role, pausedUntil: m.pausedUntil })),
      canClose: circle.viewerCanClose,
      now: services.clock.now(),
      timezone: circle.timezone,
    });
  }

  app.action(CircleIds.manage, async ({ ack, body, client }) => {
    await ack();
    const a = parseAction(body);
    if (!a.triggerId || !a.value) return;
    const t = await translatorOf(client, a.userId, a.workspaceId, LANGUAGE_WITHIN_MS);
    const circleId = a.value;
    await pushThenUpdate(client, a.triggerId, t, t('circles.manageTitle'), () => manageView(t, a.workspaceId, a.userId, circleId));
  });

  app.action(CircleIds.pauseMember, async ({ ack, body, client }) => {
    await ack();
    const a = parseAction(body);
    const value = parseJson(pauseValue, a.value);
    if (!value) return;
    const t = await translatorOf(client, a.userId, a.workspaceId);
    const result = await pauseMember(services.db, { workspaceId: a.workspaceId, byUserId: a.userId, circleId: value.circleId, pseudonym: value.pseudonym, now: services.clock.now() });
    if (result.kind === 'not-allowed') return answer(client, a, t, t('circles.notAllowed'));
    if (result.kind !== 'paused') return answer(client, a, t, t('circles.notMember'));
    if (a.viewId) await client.views.update({ view_id: a.viewId, view: await manageView(t, a.workspaceId, a.userId, value.circleId) });
    // The time in the member's own timezone, as Slack shows a date token.
    await tellMembers(client, a.workspaceId, [result.member], (mt) => mt('circles.pausedNotice', { until: slackDateTime(mt.language, result.until) }));
  });

  app.action(CircleIds.close, async ({ ack, body, client }) => {
    await ack();
    const a = parseAction(body);
    if (!a.value) return;
    const t = await translatorOf(client, a.userId, a.workspaceId);
    const result = await closeCircle(services.db, { workspaceId: a.workspaceId, userId: a.userId, circleId: a.value, now: services.clock.now() });
    if (result.kind === 'not-allowed') return answer(client, a, t, t('circles.notAllowed'));
    if (result.kind === 'already-closed') return answer(client, a, t, t('circles.alreadyClosed'));
    await answer(client, a, t, t('circles.closedByYou'));
    await tellMembers(client, a.workspaceId, result.members, (mt) => mt('circles.closedNotice'));
  });

  app.action(CircleIds.reveal, async ({ ack, body, client }) => {
    await ack();
    const a = parseAction(body);
    if (!a.value) return;
    const t = await translatorOf(client, a.userId, a.workspaceId);
    const members = await circleMembersFor(services.db, a.value);
    const me = members.find((m) => m.userId === a.userId);
    const result = await revealMember(services.db, { workspaceId: a.workspaceId, userId: a.userId, circleId: a.value });
    if (result.kind !== 'revealed' || !me) return answer(client, a, t, t('circles.notMember'));
    const user = `<@${a.userId}>`;
    await answer(client, a, t, t('circles.revealed', { pseudonym: me.pseudonym, user }), me.channel && me.threadTs ? { channel: me.channel, ts: me.threadTs } : undefined);
    // The one place a member's identity goes to the others: because they chose it (invariant 1).
    await tellMembers(client, a.workspaceId, members.filter((m) => m.userId !== a.userId), (mt) => mt('circles.revealedNotice', { pseudonym: me.pseudonym, user }));
  });

  // A coordinator approves a listener as facilitator (or withdraws it) by picking them in the list;
  // whether the clicker coordinates that initiative and the person is an active listener of it is
  // checked here and in the service, whatever the block says.
  const facilitatorPick = z.object({
    actions: z.array(z.object({ block_id: z.string(), selected_user: z.string().nullish() })).min(1),
  });
  for (const [actionId, facilitator] of [
    [CircleIds.approveFacilitator, true],
    [CircleIds.revokeFacilitator, false],
  ] as const) {
    app.action(actionId, async ({ ack, body, client }) => {
      await ack();
      const a = parseAction(body);
      const pick = facilitatorPick.safeParse(body);
      if (!pick.success) return;
      const { block_id: blockId, selected_user: picked } = pick.data.actions[0]!;
      if (!picked || !blockId.startsWith(FACILITATORS_BLOCK)) return;
      const initiativeId = blockId.slice(FACILITATORS_BLOCK.length);
      const t = await translatorOf(client, a.userId, a.workspaceId);
      const choices = await facilitatorChoicesFor(services.db, { workspaceId: a.workspaceId, userId: a.userId });
      const initiative = choices.find((c) => c.id === initiativeId);
      const profile = initiative?.listeners.find((l) => l.userId === picked);
      let text: string;
      if (!initiative) text = t('circles.notAllowed');
      else if (!profile) text = t('circles.notAListener');
      else {
        const result = await setFacilitator(services.db, { byUserId: a.userId, listenerProfileId: profile.profileId, facilitator });
        text = result === 'done' ? t(facilitator ? 'circles.facilitatorApproved' : 'circles.facilitatorRevoked') : t('circles.notAllowed');
        // Their Home's circles line and create button follow the change; a refused pick touches nobody.
        if (result === 'done') await deps.effects.run([...effects.refreshHomes(a.workspaceId, [picked])]);
      }
      if (a.viewId) {
        // The list again, with the change in it and a line saying what happened.
        const view = await listView(client, t, a.workspaceId, a.userId);
        await client.views.update({ view_id: a.viewId, view: { ...view, blocks: [section(text), ...view.blocks].slice(0, 100) } });
      } else {
        await client.chat.postMessage({ channel: a.userId, ...renderCircleNote(text) });
      }
    });
  }

  return {
    circles: async ({ ack, command, client }) => {
      await ack();
      await openList(client, command.trigger_id, command.team_id, command.user_id);
    },
  };
}
