import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import type { Routes } from '../../slack/routes.js';
import type { WebClient } from '@slack/web-api';
import { z } from 'zod';
import { serviceDeps, type FeatureDeps } from '../../app-deps.js';
import { messageModal } from '../common/blocks.js';
import { openThenUpdate } from '../common/flows.js';
import { answerClick } from '../common/reply.js';
import { parseAction, parseJson, parseSubmission } from '../common/payloads.js';
import { fieldErrors, readForm } from '../common/view-state.js';
import type { CommandHandler } from '../commands/listeners.js';
import { fetchTimezone } from '../common/timezones.js';
import { effects, type Effect } from '../../effects/effects.js';
import { coordinatorsOf, getInitiative, listInitiatives, membersOf } from '../initiatives/service.js';
import { renderChooseModal } from '../initiatives/views.js';
import * as copy from './copy.js';
import { CONSENT_GIVEN, LISTEN_FLOW, ListenerIds } from './ids.js';
import { listenInputSchema, toListenerInput } from './input.js';
import {
  decideApproval,
  getProfile,
  pauseUntil,
  needsListenerConsent,
  profilesOf,
  recordListenerTimezone,
  saveProfile,
  setPaused,
  stopListening,
  type ListenerProfile,
} from './service.js';
import { renderChooseProfile, renderListenModal, renderPauseModal, renderText } from './views.js';
import { parsePauseUntilValue, pauseFormSchema, pauseMetadata } from './pause-input.js';
import { longDate } from '../../domain/local-time.js';
import { getOffer } from '../pairings/offers.js';

// Only which initiative; whether consent is due is decided on the server at submission (issue 13).
const listenMetadata = z.object({ initiativeId: z.string() });

type Verb = 'pause' | 'resume' | 'stop';
const VERB_ACTION: Record<Verb, string> = {
  pause: ListenerIds.pauseButton,
  resume: ListenerIds.resumeButton,
  stop: ListenerIds.stopButton,
};
const VERB_LABEL: Record<Verb, string> = { pause: 'Pause', resume: 'Resume', stop: 'Stop' };

export function register(app: Routes, deps: FeatureDeps): Record<'listen' | Verb, CommandHandler> {
  const services = serviceDeps(deps);

  async function listenView(workspaceId: string, userId: string, initiativeId: string) {
    const initiative = await getInitiative(services.db, workspaceId, initiativeId);
    if (!initiative) return messageModal(copy.LISTEN_TITLE, copy.NO_INITIATIVE);
    const [profile, needsConsent] = await Promise.all([
      getProfile(services.db, initiative.id, userId),
      needsListenerConsent(services.db, workspaceId, initiative.id, userId),
    ]);
    return renderListenModal({ initiative, profile, needsConsent });
  }
  deps.flows.register(LISTEN_FLOW, ({ workspaceId, userId, initiativeId }) => listenView(workspaceId, userId, initiativeId));

  async function openListen(client: WebClient, triggerId: string, workspaceId: string, userId: string, initiativeId?: string) {
    await openThenUpdate(client, triggerId, copy.LISTEN_TITLE, async () => {
      if (initiativeId) return listenView(workspaceId, userId, initiativeId);
      const initiatives = await listInitiatives(services.db, workspaceId);
      if (initiatives.length === 0) return messageModal(copy.LISTEN_TITLE, copy.NO_INITIATIVE);
      if (initiatives.length === 1) return listenView(workspaceId, userId, initiatives[0]!.id);
      return renderChooseModal({ purpose: LISTEN_FLOW, initiatives });
    });
  }

  app.action(ListenerIds.listenButton, async ({ ack, body, client }) => {
    await ack();
    const a = parseAction(body);
    if (a.triggerId) await openListen(client, a.triggerId, a.workspaceId, a.userId, a.value ?? undefined);
  });

  app.view<ViewSubmitAction>(ListenerIds.listenModal, async (args) => submitListen(args));

  async function submitListen({ ack, body, client }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs) {
    const s = parseSubmission(body);
    const metadata = parseJson(listenMetadata, s.privateMetadata);
    const initiative = metadata ? await getInitiative(services.db, s.workspaceId, metadata.initiativeId) : null;
    if (!metadata || !initiative) {
      await ack({ response_action: 'update', view: messageModal(copy.LISTEN_TITLE, copy.NO_INITIATIVE) });
      return;
    }
    const needsConsent = await needsListenerConsent(services.db, s.workspaceId, initiative.id, s.userId);
    const form = readForm(s.values);
    const consentShown = ListenerIds.blocks.consent in form;
    // Errors go only on fields the form has: a missing consent box is answered with the form that has it.
    const parsed = listenInputSchema({ topicIds: initiative.topics.map((t) => t.id), needsConsent: needsConsent && consentShown }).safeParse(form);
    if (!parsed.success) {
      await ack({ response_action: 'errors', errors: fieldErrors(parsed.error, Object.values(ListenerIds.blocks)) });
      return;
    }
    const askConsent = async () =>
      ack({ response_action: 'update', view: await listenView(s.workspaceId, s.userId, initiative.id) });
    // A form without the consent box (opened before the text changed, or forged): show it, save nothing.
    if (needsConsent && !consentShown) return void (await askConsent());
    // Saved before the form closes, so a failure shows in the form itself (answer-failures.ts).
    const result = await saveProfile(services, {
      workspaceId: s.workspaceId,
      initiativeId: initiative.id,
      userId: s.userId,
      listener: toListenerInput(parsed.data),
      consentGiven: parsed.data[ListenerIds.blocks.consent].includes(CONSENT_GIVEN),
    });
    if (result.kind === 'consent-needed') return void (await askConsent());
    await ack();
    if (result.kind === 'initiative-gone') return;
    await recordListenerTimezone(services.db, initiative.id, s.userId, await fetchTimezone(client, s.userId, deps.logger));
    if (result.kind === 'updated') {
      await client.chat.postMessage({ channel: s.userId, ...renderText(copy.profileSaved(initiative.name)) });
      // New topics or a higher capacity can make this listener the one a waiting request needs.
      await deps.effects.run([...effects.refreshHomes(s.workspaceId, [s.userId]), effects.matchInitiative(initiative.id)]);
      return;
    }
    const pending = result.profile.status === 'pending';
    await client.chat.postMessage({
      channel: s.userId,
      ...renderText(pending ? copy.welcomePending(initiative.name) : copy.welcomeActive(initiative.name)),
    });
    await deps.effects.run([
      ...effects.send(result.outboxIds),
      ...effects.refreshHomes(s.workspaceId, [s.userId, ...result.coordinators]),
      ...(pending ? [] : [effects.matchInitiative(initiative.id)]),
    ]);
  }

  /** Pause, resume or stop in one initiative; says what happened in words the listener will recognise. */
  async function act(verb: Verb, workspaceId: string, userId: string, initiativeId: string): Promise<{ text: string; effects: Effect[] }> {
    // The initiative comes from a button's value: it must be one of this workspace's (issue 13).
    const home = effects.refreshHomes(workspaceId, [userId]);
    if (!(await getInitiative(services.db, workspaceId, initiativeId))) return { text: copy.NOT_A_LISTENER, effects: home };
    // After a change, coordinators' Homes too: they show each listener's status and load (issue 15).
    const changed = async () => effects.refreshHomes(workspaceId, [userId, ...(await coordinatorsOf(services.db, initiativeId))]);
    if (verb === 'stop') {
      const result = await stopListening(services, { workspaceId, initiativeId, userId, surface: 'command:stop' });
      if (result.kind !== 'stopped') return { text: copy.NOT_A_LISTENER, effects: home };
      // Their conversations end kindly (the notes are in the outbox) and the seekers are offered someone else.
      const { withdrawal } = result;
      for (const ended of withdrawal.ended) deps.metrics.pairingsEnded(ended.reason);
      return {
        text: copy.stopped(result.initiativeName),
        effects: [
          ...effects.send(withdrawal.outboxIds),
          effects.matchInitiative(result.initiativeId),
          ...effects.refreshHomes(workspaceId, [userId, ...withdrawal.ended.map((e) => e.pairing.seekerId)]),
        ],
      };
    }
    const result = await setPaused(services, { initiativeId, userId, paused: verb === 'pause' });
    if (result.kind === 'not-listener') return { text: copy.NOT_A_LISTENER, effects: home };
    const { profile } = result;
    if (verb === 'pause') {
      if (result.kind === 'changed') return { text: copy.paused(profile.initiativeName), effects: await changed() };
      const text = profile.status === 'pending' ? copy.pendingCannotPause(profile.initiativeName) : copy.alreadyPaused(profile.initiativeName);
      return { text, effects: home };
    }
    if (result.kind === 'changed') return { text: copy.resumed(profile.initiativeName), effects: [...(await changed()), effects.matchInitiative(initiativeId)] };
    return { text: copy.notPaused(profile.initiativeName, profile.status), effects: home };
  }

  function verbCommand(verb: Verb): CommandHandler {
    return async ({ ack, command, respond }) => {
      await ack();
      const profiles: ListenerProfile[] = await profilesOf(services.db, command.team_id, command.user_id);
      if (profiles.length === 0) {
        await respond({ response_type: 'ephemeral', ...renderText(copy.NOT_A_LISTENER) });
        return;
      }
      if (profiles.length > 1) {
        await respond({ response_type: 'ephemeral', ...renderChooseProfile({ actionId: VERB_ACTION[verb], verb: VERB_LABEL[verb], profiles }) });
        return;
      }
      const result = await act(verb, command.team_id, command.user_id, profiles[0]!.initiativeId);
      await respond({ response_type: 'ephemeral', ...renderText(result.text) });
      await deps.effects.run(result.effects);
    };
  }

  for (const verb of ['pause', 'resume', 'stop'] as const) {
    app.action(VERB_ACTION[verb], async ({ ack, body, client, respond }) => {
      await ack();
      const a = parseAction(body);
      if (!a.value) return;
      const result = await act(verb, a.workspaceId, a.userId, a.value);
      await answerClick(client, respond, body, a.userId, result.text);
      await deps.effects.run(result.effects);
    });
  }

  // ---- Pause until a date (issue 15) -------------------------------------------------------------------

  /** The "Pause until" form for one initiative, or why there is none; an offer is named only while it is still theirs to answer. */
  async function pauseView(workspaceId: string, userId: string, initiativeId: string, offerId: string | null) {
    // The initiative comes from a button's value: it must be one of this workspace's (issue 13).
    const initiative = await getInitiative(services.db, workspaceId, initiativeId);
    const profile = initiative ? await getProfile(services.db, initiative.id, userId) : null;
    if (!profile) return messageModal(copy.PAUSE_TITLE, copy.NOT_A_LISTENER);
    if (profile.status === 'pending') return messageModal(copy.PAUSE_TITLE, copy.pendingCannotPause(profile.initiativeName));
    const offer = offerId ? await getOffer(services.db, offerId) : null;
    const openOffer = offer && offer.status === 'pending' && offer.listenerUserId === userId && offer.initiativeId === profile.initiativeId;
    return renderPauseModal({ profile, offerId: openOffer ? offer.offerId : null });
  }

  async function openPause(client: WebClient, triggerId: string, workspaceId: string, userId: string, initiativeId: string, offerId: string | null) {
    await openThenUpdate(client, triggerId, copy.PAUSE_TITLE, () => pauseView(workspaceId, userId, initiativeId, offerId));
  }

  /** `/peer pause`: the form at once with one initiative; with several, which one first (its buttons open the form). */
  const pauseCommand: CommandHandler = async ({ ack, command, client, respond }) => {
    await ack();
    const profiles = await profilesOf(services.db, command.team_id, command.user_id);
    if (profiles.length === 0) return void (await respond({ response_type: 'ephemeral', ...renderText(copy.NOT_A_LISTENER) }));
    if (profiles.length > 1) {
      await respond({ response_type: 'ephemeral', ...renderChooseProfile({ actionId: ListenerIds.pauseUntilButton, verb: VERB_LABEL.pause, profiles }) });
      return;
    }
    const only = profiles[0]!;
    if (only.status === 'pending') return void (await respond({ response_type: 'ephemeral', ...renderText(copy.pendingCannotPause(only.initiativeName)) }));
    await openPause(client, command.trigger_id, command.team_id, command.user_id, only.initiativeId, null);
  };

  // From the Home tab, an offer, a check-in's "I need a break" reply, the chooser or a welcome-back note.
  app.action(ListenerIds.pauseUntilButton, async ({ ack, body, client }) => {
    await ack();
    const a = parseAction(body);
    if (!a.value || !a.triggerId) return;
    const { initiativeId, offerId } = parsePauseUntilValue(a.value);
    await openPause(client, a.triggerId, a.workspaceId, a.userId, initiativeId, offerId);
  });

  app.view<ViewSubmitAction>(ListenerIds.pauseModal, async ({ ack, body, client }) => {
    const s = parseSubmission(body);
    const metadata = parseJson(pauseMetadata, s.privateMetadata);
    const initiative = metadata ? await getInitiative(services.db, s.workspaceId, metadata.initiativeId) : null;
    const form = pauseFormSchema.safeParse(readForm(s.values));
    if (!metadata || !initiative || !form.success) {
      await ack({ response_action: 'update', view: messageModal(copy.PAUSE_TITLE, copy.NOT_A_LISTENER) });
      return;
    }
    // Saved before the form closes, so a failure shows in the form itself (answer-failures.ts).
    const result = await pauseUntil(services, {
      initiativeId: initiative.id,
      userId: s.userId,
      date: form.data[ListenerIds.blocks.pauseUntil],
      offerId: metadata.offerId ?? null,
    });
    if (result.kind === 'invalid-date') {
      const message = { 'not-a-date': copy.PAUSE_DATE_NOT_A_DATE, 'not-after-today': copy.PAUSE_DATE_NOT_AFTER_TODAY, 'too-far': copy.PAUSE_DATE_TOO_FAR }[result.reason];
      await ack({ response_action: 'errors', errors: { [ListenerIds.blocks.pauseUntil]: message } });
      return;
    }
    if (result.kind === 'not-listener') return void (await ack({ response_action: 'update', view: messageModal(copy.PAUSE_TITLE, copy.NOT_A_LISTENER) }));
    if (result.kind === 'pending') {
      await ack({ response_action: 'update', view: messageModal(copy.PAUSE_TITLE, copy.pendingCannotPause(result.profile.initiativeName)) });
      return;
    }
    await ack();
    const name = result.profile.initiativeName;
    await client.chat.postMessage({ channel: s.userId, ...renderText(result.date ? copy.pausedUntilDate(name, longDate(result.date)) : copy.paused(name)) });
    await deps.effects.run([
      ...effects.refreshHomes(s.workspaceId, [s.userId, ...(await coordinatorsOf(services.db, initiative.id))]),
      // The offer they paused from goes on to the next listener (or the seeker hears honestly that nobody is free).
      ...(result.declined ? [...effects.send(result.declined.outboxIds), effects.rematchRequest(result.declined.requestId)] : []),
    ]);
  });

  for (const [actionId, approve] of [
    [ListenerIds.approve, true],
    [ListenerIds.decline, false],
  ] as const) {
    app.action(actionId, async ({ ack, body, client, respond }) => {
      await ack();
      const a = parseAction(body);
      if (!a.value) return;
      const result = await decideApproval(services, { profileId: a.value, coordinatorId: a.userId, approve });
      if (result.kind === 'not-coordinator') {
        await answerClick(client, respond, body, a.userId, copy.NOT_COORDINATOR, false);
        return;
      }
      if (result.kind === 'already-decided') {
        await answerClick(client, respond, body, a.userId, copy.ALREADY_DECIDED);
        await deps.effects.run(effects.refreshHomes(a.workspaceId, [a.userId]));
        return;
      }
      const forCoordinator = result.kind === 'approved' ? copy.approvedByYou : copy.declinedByYou;
      await answerClick(client, respond, body, a.userId, forCoordinator(result.listenerUserId, result.initiativeName));
      const members = await membersOf(services.db, result.initiativeId);
      await deps.effects.run([
        ...effects.send(result.outboxIds),
        ...effects.refreshHomes(a.workspaceId, [result.listenerUserId, ...members.coordinators]),
        ...(result.kind === 'approved' ? [effects.matchInitiative(result.initiativeId)] : []),
      ]);
    });
  }

  return {
    listen: async ({ ack, command, client }) => {
      await ack();
      await openListen(client, command.trigger_id, command.team_id, command.user_id);
    },
    pause: pauseCommand,
    resume: verbCommand('resume'),
    stop: verbCommand('stop'),
  };
}
