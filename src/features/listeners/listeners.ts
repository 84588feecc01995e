import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import type { Routes } from '../../slack/routes.js';
import type { WebClient } from '@slack/web-api';
import { z } from 'zod';
import { serviceDeps, type FeatureDeps } from '../../app-deps.js';
import { messageModal } from '../common/blocks.js';
import { openThenUpdate } from '../common/flows.js';
import { answerClick } from '../common/reply.js';
import { metadataLanguage, parseAction, parseJson, parseSubmission } from '../common/payloads.js';
import { fieldErrors, readForm } from '../common/view-state.js';
import type { CommandHandler } from '../commands/listeners.js';
import { fetchTimezone } from '../common/timezones.js';
import { effects, type Effect } from '../../effects/effects.js';
import { coordinatorsOf, getInitiative, listInitiatives, membersOf } from '../initiatives/service.js';
import { FALLBACK_LANGUAGE } from '../../domain/app-language.js';
import { translatorFor, type Translate } from '../../i18n/translate.js';
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
import { getOffer } from '../pairings/offers.js';
import { LANGUAGE_WITHIN_MS } from '../common/person-language.js';

// Every word here is worded in the language of the person it is for (issue 19): the one acting, from
// their chosen language, Slack locale or the initiative's; a form's answers in the language it was shown in.


// Which initiative, and the language the form was shown in (older forms: English); whether consent is
// due is decided on the server at submission (issue 13).
const listenMetadata = z.object({ initiativeId: z.string(), language: metadataLanguage });

type Verb = 'pause' | 'resume' | 'stop';
const VERB_ACTION: Record<Verb, string> = {
  pause: ListenerIds.pauseButton,
  resume: ListenerIds.resumeButton,
  stop: ListenerIds.stopButton,
};

export function register(app: Routes, deps: FeatureDeps): Record<'listen' | Verb, CommandHandler> {
  const services = serviceDeps(deps);

  /** The person's words (issue 19); `withinMs` where a trigger_id is waiting. */
  async function translatorOf(client: WebClient, userId: string, workspaceId: string, initiativeId: string | null, withinMs?: number): Promise<Translate> {
    return translatorFor(await deps.languages.of(client, userId, { workspaceId, initiativeId, ...(withinMs !== undefined ? { withinMs } : {}) }));
  }

  async function listenView(t: Translate, workspaceId: string, userId: string, initiativeId: string) {
    const initiative = await getInitiative(services.db, workspaceId, initiativeId);
    if (!initiative) return messageModal(t, t('listeners.listenTitle'), t('listeners.noInitiative'));
    const [profile, needsConsent] = await Promise.all([
      getProfile(services.db, initiative.id, userId),
      needsListenerConsent(services.db, workspaceId, initiative.id, userId),
    ]);
    return renderListenModal(t, { initiative, profile, needsConsent });
  }
  deps.flows.register(LISTEN_FLOW, async ({ workspaceId, userId, initiativeId, client }) =>
    listenView(await translatorOf(client, userId, workspaceId, initiativeId, LANGUAGE_WITHIN_MS), workspaceId, userId, initiativeId),
  );

  async function openListen(client: WebClient, triggerId: string, workspaceId: string, userId: string, initiativeId?: string) {
    // The language first (from memory, or one quick users.info), so the placeholder is worded in it too.
    const t = await translatorOf(client, userId, workspaceId, initiativeId ?? null, LANGUAGE_WITHIN_MS);
    await openThenUpdate(
      client,
      triggerId,
      t,
      t('listeners.listenTitle'),
      async () => {
        if (initiativeId) return listenView(t, workspaceId, userId, initiativeId);
        const initiatives = await listInitiatives(services.db, workspaceId);
        if (initiatives.length === 0) return messageModal(t, t('listeners.listenTitle'), t('listeners.noInitiative'));
        if (initiatives.length === 1) return listenView(t, workspaceId, userId, initiatives[0]!.id);
        return renderChooseModal({ purpose: LISTEN_FLOW, initiatives, t });
      },
    );
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
    // The form's own language: its errors, its answers and the consent recorded (the words they saw).
    const language = metadata?.language ?? FALLBACK_LANGUAGE;
    const t = translatorFor(language);
    const initiative = metadata ? await getInitiative(services.db, s.workspaceId, metadata.initiativeId) : null;
    if (!metadata || !initiative) {
      await ack({ response_action: 'update', view: messageModal(t, t('listeners.listenTitle'), t('listeners.noInitiative')) });
      return;
    }
    const needsConsent = await needsListenerConsent(services.db, s.workspaceId, initiative.id, s.userId);
    const form = readForm(s.values);
    const consentShown = ListenerIds.blocks.consent in form;
    // Errors go only on fields the form has: a missing consent box is answered with the form that has it.
    const parsed = listenInputSchema(t, { topicIds: initiative.topics.map((topic) => topic.id), needsConsent: needsConsent && consentShown }).safeParse(form);
    if (!parsed.success) {
      await ack({ response_action: 'errors', errors: fieldErrors(parsed.error, Object.values(ListenerIds.blocks)) });
      return;
    }
    const askConsent = async () =>
      ack({ response_action: 'update', view: await listenView(t, s.workspaceId, s.userId, initiative.id) });
    // A form without the consent box (opened before the text changed, or forged): show it, save nothing.
    if (needsConsent && !consentShown) return void (await askConsent());
    // Saved before the form closes, so a failure shows in the form itself (answer-failures.ts).
    const result = await saveProfile(services, {
      workspaceId: s.workspaceId,
      initiativeId: initiative.id,
      userId: s.userId,
      listener: toListenerInput(parsed.data),
      consentGiven: parsed.data[ListenerIds.blocks.consent].includes(CONSENT_GIVEN),
      consentLanguage: language,
    });
    if (result.kind === 'consent-needed') return void (await askConsent());
    await ack();
    if (result.kind === 'initiative-gone') return;
    await recordListenerTimezone(services.db, initiative.id, s.userId, await fetchTimezone(client, s.userId, deps.logger));
    if (result.kind === 'updated') {
      await client.chat.postMessage({ channel: s.userId, ...renderText(copy.initiativeNote(t, 'profileSaved', initiative.name)) });
      // New topics or a higher capacity can make this listener the one a waiting request needs.
      await deps.effects.run([...effects.refreshHomes(s.workspaceId, [s.userId]), effects.matchInitiative(initiative.id)]);
      return;
    }
    const pending = result.profile.status === 'pending';
    await client.chat.postMessage({
      channel: s.userId,
      ...renderText(copy.initiativeNote(t, pending ? 'welcomePending' : 'welcomeActive', initiative.name)),
    });
    await deps.effects.run([
      ...effects.send(result.outboxIds),
      ...effects.refreshHomes(s.workspaceId, [s.userId, ...result.coordinators]),
      ...(pending ? [] : [effects.matchInitiative(initiative.id)]),
    ]);
  }

  /** Pause, resume or stop in one initiative; says what happened in words the listener will recognise, in theirs. */
  async function act(t: Translate, verb: Verb, workspaceId: string, userId: string, initiativeId: string): Promise<{ text: string; effects: Effect[] }> {
    // The initiative comes from a button's value: it must be one of this workspace's (issue 13).
    const home = effects.refreshHomes(workspaceId, [userId]);
    if (!(await getInitiative(services.db, workspaceId, initiativeId))) return { text: t('listeners.notAListener'), effects: home };
    // After a change, coordinators' Homes too: they show each listener's status and load (issue 15).
    const changed = async () => effects.refreshHomes(workspaceId, [userId, ...(await coordinatorsOf(services.db, initiativeId))]);
    if (verb === 'stop') {
      const result = await stopListening(services, { workspaceId, initiativeId, userId, surface: 'command:stop' });
      if (result.kind !== 'stopped') return { text: t('listeners.notAListener'), effects: home };
      // Their conversations end kindly (the notes are in the outbox) and the seekers are offered someone else.
      const { withdrawal } = result;
      for (const ended of withdrawal.ended) deps.metrics.pairingsEnded(ended.reason);
      return {
        text: copy.initiativeNote(t, 'stopped', result.initiativeName),
        effects: [
          ...effects.send(withdrawal.outboxIds),
          effects.matchInitiative(result.initiativeId),
          ...effects.refreshHomes(workspaceId, [userId, ...withdrawal.ended.map((e) => e.pairing.seekerId)]),
        ],
      };
    }
    const result = await setPaused(services, { initiativeId, userId, paused: verb === 'pause' });
    if (result.kind === 'not-listener') return { text: t('listeners.notAListener'), effects: home };
    const { profile } = result;
    if (verb === 'pause') {
      if (result.kind === 'changed') return { text: copy.initiativeNote(t, 'paused', profile.initiativeName), effects: await changed() };
      return { text: copy.initiativeNote(t, profile.status === 'pending' ? 'pendingCannotPause' : 'alreadyPaused', profile.initiativeName), effects: home };
    }
    if (result.kind === 'changed') {
      return { text: copy.initiativeNote(t, 'resumed', profile.initiativeName), effects: [...(await changed()), effects.matchInitiative(initiativeId)] };
    }
    return { text: copy.notPaused(t, profile.initiativeName, profile.status), effects: home };
  }

  function verbCommand(verb: Verb): CommandHandler {
    return async ({ ack, command, client, respond }) => {
      await ack();
      const profiles: ListenerProfile[] = await profilesOf(services.db, command.team_id, command.user_id);
      const only = profiles.length === 1 ? profiles[0]!.initiativeId : null;
      const t = await translatorOf(client, command.user_id, command.team_id, only);
      if (profiles.length === 0) {
        await respond({ response_type: 'ephemeral', ...renderText(t('listeners.notAListener')) });
        return;
      }
      if (!only) {
        await respond({ response_type: 'ephemeral', ...renderChooseProfile(t, { actionId: VERB_ACTION[verb], verb, profiles }) });
        return;
      }
      const result = await act(t, verb, command.team_id, command.user_id, only);
      await respond({ response_type: 'ephemeral', ...renderText(result.text) });
      await deps.effects.run(result.effects);
    };
  }

  for (const verb of ['pause', 'resume', 'stop'] as const) {
    app.action(VERB_ACTION[verb], async ({ ack, body, client, respond }) => {
      await ack();
      const a = parseAction(body);
      if (!a.value) return;
      const t = await translatorOf(client, a.userId, a.workspaceId, a.value);
      const result = await act(t, verb, a.workspaceId, a.userId, a.value);
      await answerClick(client, respond, body, a.userId, result.text);
      await deps.effects.run(result.effects);
    });
  }

  // ---- Pause until a date (issue 15) -------------------------------------------------------------------

  /** The "Pause until" form for one initiative, or why there is none; an offer is named only while it is still theirs to answer. */
  async function pauseView(t: Translate, workspaceId: string, userId: string, initiativeId: string, offerId: string | null) {
    // The initiative comes from a button's value: it must be one of this workspace's (issue 13).
    const initiative = await getInitiative(services.db, workspaceId, initiativeId);
    const profile = initiative ? await getProfile(services.db, initiative.id, userId) : null;
    if (!profile) return messageModal(t, t('listeners.pause.title'), t('listeners.notAListener'));
    if (profile.status === 'pending') return messageModal(t, t('listeners.pause.title'), copy.initiativeNote(t, 'pendingCannotPause', profile.initiativeName));
    const offer = offerId ? await getOffer(services.db, offerId) : null;
    const openOffer = offer && offer.status === 'pending' && offer.listenerUserId === userId && offer.initiativeId === profile.initiativeId;
    return renderPauseModal(t, { profile, offerId: openOffer ? offer.offerId : null });
  }

  async function openPause(client: WebClient, triggerId: string, workspaceId: string, userId: string, initiativeId: string, offerId: string | null) {
    const t = await translatorOf(client, userId, workspaceId, initiativeId, LANGUAGE_WITHIN_MS);
    await openThenUpdate(client, triggerId, t, t('listeners.pause.title'), () => pauseView(t, workspaceId, userId, initiativeId, offerId));
  }

  /** `/peer pause`: the form at once with one initiative; with several, which one first (its buttons open the form). */
  const pauseCommand: CommandHandler = async ({ ack, command, client, respond }) => {
    await ack();
    const profiles = await profilesOf(services.db, command.team_id, command.user_id);
    const only = profiles.length === 1 ? profiles[0]! : null;
    // One initiative to pause in: the form at once, while the trigger_id lasts (it asks the language itself).
    if (only && only.status !== 'pending') return void (await openPause(client, command.trigger_id, command.team_id, command.user_id, only.initiativeId, null));
    const t = await translatorOf(client, command.user_id, command.team_id, only?.initiativeId ?? null);
    if (profiles.length === 0) return void (await respond({ response_type: 'ephemeral', ...renderText(t('listeners.notAListener')) }));
    if (!only) {
      await respond({ response_type: 'ephemeral', ...renderChooseProfile(t, { actionId: ListenerIds.pauseUntilButton, verb: 'pause', profiles }) });
      return;
    }
    await respond({ response_type: 'ephemeral', ...renderText(copy.initiativeNote(t, 'pendingCannotPause', only.initiativeName)) });
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
    // The form's own language: its errors and its answer.
    const t = translatorFor(metadata?.language ?? FALLBACK_LANGUAGE);
    const initiative = metadata ? await getInitiative(services.db, s.workspaceId, metadata.initiativeId) : null;
    const form = pauseFormSchema.safeParse(readForm(s.values));
    const notAListener = () => messageModal(t, t('listeners.pause.title'), t('listeners.notAListener'));
    if (!metadata || !initiative || !form.success) {
      await ack({ response_action: 'update', view: notAListener() });
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
      await ack({ response_action: 'errors', errors: { [ListenerIds.blocks.pauseUntil]: t(copy.PAUSE_DATE_ERROR_KEYS[result.reason]) } });
      return;
    }
    if (result.kind === 'not-listener') return void (await ack({ response_action: 'update', view: notAListener() }));
    if (result.kind === 'pending') {
      await ack({ response_action: 'update', view: messageModal(t, t('listeners.pause.title'), copy.initiativeNote(t, 'pendingCannotPause', result.profile.initiativeName)) });
      return;
    }
    await ack();
    const name = result.profile.initiativeName;
    const text = result.date ? copy.pausedUntilDate(t, name, copy.pauseDate(t.language, result.date)) : copy.initiativeNote(t, 'paused', name);
    await client.chat.postMessage({ channel: s.userId, ...renderText(text) });
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
      // The coordinator's own answer in their language; the volunteer's and the other copies are worded when sent.
      const t = await translatorOf(client, a.userId, a.workspaceId, 'initiativeId' in result ? result.initiativeId : null);
      if (result.kind === 'not-coordinator') {
        await answerClick(client, respond, body, a.userId, t('listeners.approval.notCoordinator'), false);
        return;
      }
      if (result.kind === 'already-decided') {
        await answerClick(client, respond, body, a.userId, t('listeners.approval.alreadyDecided'));
        await deps.effects.run(effects.refreshHomes(a.workspaceId, [a.userId]));
        return;
      }
      await answerClick(client, respond, body, a.userId, copy.decidedByYou(t, result.kind === 'approved', result.listenerUserId, result.initiativeName));
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
