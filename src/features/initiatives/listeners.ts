import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { translatorFor } from '../../i18n/translate.js';
import { FALLBACK_LANGUAGE, type AppLanguage } from '../../domain/app-language.js';
import { serializeTexts } from '../../domain/initiative-texts.js';
import type { Routes } from '../../slack/routes.js';
import type { WebClient } from '@slack/web-api';
import { z } from 'zod';
import { serviceDeps, type FeatureDeps } from '../../app-deps.js';
import { pickedLines } from '../../domain/resources.js';
import { LANGUAGE_WITHIN_MS, translatorOf } from '../common/person-language.js';
import type { Translate } from '../../i18n/translate.js';
import { cleanText } from '../../domain/text.js';
import { parseTopicList } from '../../domain/topics.js';
import { errorCodeOf } from '../../slack/bulk-sender.js';
import { openThenUpdate } from '../common/flows.js';
import { metadataLanguage, parseAction, parseJson, parseSubmission } from '../common/payloads.js';
import { fieldErrors, readForm } from '../common/view-state.js';
import type { CommandHandler } from '../commands/listeners.js';
import { effects } from '../../effects/effects.js';
import * as copy from './copy.js';
import { CONSENT_GIVEN, InitiativeIds, NEW_INITIATIVE, SETUP_BLOCK_IDS } from './ids.js';
import { setupInputSchema, toSettings, type InitiativeSettings } from './input.js';
import { registerInvitationAnswers } from './invitation-listeners.js';
import {
  createInitiative,
  getInitiative,
  hasRole,
  listInitiatives,
  mayCreateInitiative,
  membersOf,
  needsCoordinatorConsent,
  peopleOf,
  updateInitiative,
  type Initiative,
} from './service.js';
import {
  renderChooseModal,
  renderConfirmation,
  renderInitiativeGone,
  renderNotAllowedToCreate,
  renderNotCoordinator,
  renderSeekerPreview,
  renderSetupModal,
} from './views.js';

export const SETUP_FLOW = 'setup';

// Only which initiative the form edits; anything else a forged form carries is ignored (issue 13).
const setupMetadata = z.object({ initiativeId: z.string().nullable(), language: metadataLanguage });
const chooseMetadata = z.object({ purpose: z.string(), language: metadataLanguage });

const previewState = z.object({ view: z.object({ state: z.object({ values: z.unknown() }) }) });
const previewMetadata = z.object({ view: z.object({ private_metadata: z.string().optional() }) });

/** The language a setup form was shown in (its metadata), English for a form from before issue 19. */
function languageIn(privateMetadata: string | undefined): AppLanguage {
  return parseJson(setupMetadata, privateMetadata)?.language ?? FALLBACK_LANGUAGE;
}

export function register(app: Routes, deps: FeatureDeps): { setup: CommandHandler } {
  const services = serviceDeps(deps);

  /** Slack's word on whether the person is a workspace admin or owner (users.info, interactive client). */
  async function isAdminOrOwner(client: WebClient, userId: string): Promise<boolean> {
    try {
      const { user } = await client.users.info({ user: userId });
      return user?.is_admin === true || user?.is_owner === true || user?.is_primary_owner === true;
    } catch (error) {
      if (errorCodeOf(error) === 'user_not_found') return false;
      throw error;
    }
  }

  const mayCreate = (client: WebClient, workspaceId: string, userId: string) =>
    mayCreateInitiative(services.db, {
      workspaceId,
      userId,
      creators: deps.config.initiativeCreators,
      isAdminOrOwner: () => isAdminOrOwner(client, userId),
    });

  /** The language of whoever fills in the form (issue 19): their choice, their Slack locale, the workspace's. */
  const formLanguage = (client: WebClient, userId: string, workspaceId: string, initiativeId?: string) =>
    translatorOf(deps.languages, client, userId, { workspaceId, initiativeId: initiativeId ?? null, withinMs: LANGUAGE_WITHIN_MS });

  /** A new-initiative form for someone who may create one, else a kind answer naming who can. */
  async function newInitiativeView(t: Translate, client: WebClient, workspaceId: string, userId: string) {
    const check = await mayCreate(client, workspaceId, userId);
    return check.kind === 'allowed' ? renderSetupModal(t, { needsConsent: true }) : renderNotAllowedToCreate(t, check.creators);
  }

  /** The edit form, for coordinators only; consent is asked again when the text changed since they gave it. */
  async function editView(t: Translate, workspaceId: string, userId: string, initiativeId: string) {
    const initiative = await getInitiative(services.db, workspaceId, initiativeId);
    if (!initiative) return renderInitiativeGone(t);
    if (!(await hasRole(services.db, initiative.id, userId, 'coordinator'))) return renderNotCoordinator(t);
    const [people, needsConsent] = await Promise.all([
      peopleOf(services.db, initiative.id, services.clock.now()),
      needsCoordinatorConsent(services.db, workspaceId, initiative.id, userId),
    ]);
    return renderSetupModal(t, { initiative, people, needsConsent });
  }

  /** The setup form for `initiativeId` (edit, coordinators only) or a new initiative. */
  async function setupView(client: WebClient, workspaceId: string, userId: string, initiativeId: string) {
    const isNew = initiativeId === NEW_INITIATIVE;
    const t = await formLanguage(client, userId, workspaceId, isNew ? undefined : initiativeId);
    return isNew ? newInitiativeView(t, client, workspaceId, userId) : editView(t, workspaceId, userId, initiativeId);
  }
  deps.flows.register(SETUP_FLOW, ({ workspaceId, userId, initiativeId, client }) => setupView(client, workspaceId, userId, initiativeId));

  /** Setting up: straight to a new form, unless the person coordinates initiatives they may want to edit. */
  async function openSetup(client: WebClient, triggerId: string, workspaceId: string, userId: string) {
    const t = await formLanguage(client, userId, workspaceId);
    await openThenUpdate(client, triggerId, t, t('setup.title'), async () => {
      const initiatives = await listInitiatives(services.db, workspaceId);
      const coordinated = [];
      for (const i of initiatives) if (await hasRole(services.db, i.id, userId, 'coordinator')) coordinated.push(i);
      if (coordinated.length === 0) return newInitiativeView(t, client, workspaceId, userId);
      return renderChooseModal({ purpose: SETUP_FLOW, initiatives: coordinated, allowNew: true, t });
    });
  }

  app.action(InitiativeIds.setupButton, async ({ ack, body, client }) => {
    await ack();
    const a = parseAction(body);
    if (a.triggerId) await openSetup(client, a.triggerId, a.workspaceId, a.userId);
  });

  app.action(InitiativeIds.editButton, async ({ ack, body, client }) => {
    await ack();
    const a = parseAction(body);
    if (!a.triggerId || !a.value) return;
    const initiativeId = a.value;
    const t = await formLanguage(client, a.userId, a.workspaceId, initiativeId);
    await openThenUpdate(client, a.triggerId, t, t('setup.editTitle'), () => editView(t, a.workspaceId, a.userId, initiativeId));
  });

  // "Preview as a seeker": the request form built from what the coordinator has typed so far, pushed on
  // top of the setup form; closing it returns to the form with nothing lost and nothing saved.
  app.action(InitiativeIds.previewButton, async ({ ack, body, client }) => {
    await ack();
    const a = parseAction(body);
    const values = previewState.safeParse(body);
    if (!a.triggerId || !values.success) return;
    const form = readForm(values.data.view.state.values);
    const text = (key: string) => (typeof form[key] === 'string' ? (form[key] as string) : '');
    const lines = Array.isArray(form[InitiativeIds.blocks.resourceLines]) ? (form[InitiativeIds.blocks.resourceLines] as string[]) : [];
    // In the form's language: the preview shows what a seeker in that language would see.
    const t = translatorFor(languageIn(previewMetadata.safeParse(body).data?.view.private_metadata));
    await client.views.push({
      trigger_id: a.triggerId,
      view: renderSeekerPreview(t, {
        name: cleanText(text(InitiativeIds.blocks.name)),
        resources: [cleanText(text(InitiativeIds.blocks.resources)), ...pickedLines(lines, t.language)].filter((line) => line.trim() !== '').join('\n'),
        topics: parseTopicList(text(InitiativeIds.blocks.topics)),
      }),
    });
  });

  // The preview's only button closes it (back to the setup form).
  app.view(InitiativeIds.previewModal, async ({ ack }) => {
    await ack();
  });

  app.view(InitiativeIds.chooseModal, async ({ ack, body, client }) => {
    const s = parseSubmission(body);
    const metadata = parseJson(chooseMetadata, s.privateMetadata);
    const purpose = metadata?.purpose;
    const choice = readForm(s.values)[InitiativeIds.blocks.choice];
    const next = purpose ? deps.flows.get(purpose) : undefined;
    if (typeof choice !== 'string' || !next) {
      const t = translatorFor(metadata?.language ?? FALLBACK_LANGUAGE);
      await ack({ response_action: 'errors', errors: { [InitiativeIds.blocks.choice]: t('initiatives.choose.error') } });
      return;
    }
    // Each flow checks the person and the choice against the database itself: the chooser trusts neither.
    const view = await next({ workspaceId: s.workspaceId, userId: s.userId, initiativeId: choice, viewId: s.viewId, client });
    await ack({ response_action: 'update', view });
  });

  app.view<ViewSubmitAction>(InitiativeIds.setupModal, async (args) => submitSetup(args));

  /** The form again, with consent asked, keeping what was typed: the server decided consent is needed. */
  function askConsentAgain(t: Translate, settings: InitiativeSettings, current: Initiative | null) {
    const people = { coordinators: settings.coordinatorIds, hrViewers: settings.hrViewerIds };
    const typed = {
      ...settings,
      language: settings.language ?? current?.language,
      texts: settings.texts ? serializeTexts(settings.texts) : current?.texts,
      topics: settings.topics.map((label) => ({ label })),
    };
    return renderSetupModal(t, { initiative: current ? { ...typed, id: current.id } : typed, people, needsConsent: true });
  }

  async function submitSetup({ ack, body, client }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs) {
    const s = parseSubmission(body);
    const metadata = parseJson(setupMetadata, s.privateMetadata);
    const initiativeId = metadata?.initiativeId ?? null;
    // The language the form was shown in: its errors, its answers and the consent version recorded.
    const t = translatorFor(metadata?.language ?? FALLBACK_LANGUAGE);
    // Who may save and whether consent is due are decided here, from the database, whatever the form says.
    let current: Initiative | null = null;
    if (initiativeId === null) {
      // Before the ack, so a refusal replaces the form. Slack is asked only for people nothing stored
      // allows; users.info is Tier 4 and the interactive client never waits out a 429 (README).
      const check = await mayCreate(client, s.workspaceId, s.userId);
      if (check.kind === 'refused') {
        await ack({ response_action: 'update', view: renderNotAllowedToCreate(t, check.creators) });
        return;
      }
    } else {
      current = await getInitiative(services.db, s.workspaceId, initiativeId);
      if (!current) {
        await ack({ response_action: 'update', view: renderInitiativeGone(t) });
        return;
      }
      if (!(await hasRole(services.db, current.id, s.userId, 'coordinator'))) {
        await ack({ response_action: 'update', view: renderNotCoordinator(t) });
        return;
      }
    }
    const needsConsent = current === null || (await needsCoordinatorConsent(services.db, s.workspaceId, current.id, s.userId));
    const form = readForm(s.values);
    const consentShown = InitiativeIds.blocks.consent in form;
    // Errors go only on fields the form has: a missing consent box is answered with the form that has it.
    const parsed = setupInputSchema(needsConsent && consentShown, t).safeParse(form);
    if (!parsed.success) {
      await ack({ response_action: 'errors', errors: fieldErrors(parsed.error, SETUP_BLOCK_IDS) });
      return;
    }
    const settings = toSettings(parsed.data);
    if (needsConsent && !consentShown) {
      // A form without the consent box (opened before the text changed, or forged): show it, save nothing.
      await ack({ response_action: 'update', view: askConsentAgain(t, settings, current) });
      return;
    }
    const consentGiven = parsed.data[InitiativeIds.blocks.consent].includes(CONSENT_GIVEN);

    if (current === null) {
      // Saved before the form closes, so a failure shows in the form itself (answer-failures.ts).
      const result = await createInitiative(services, {
        workspaceId: s.workspaceId,
        enterpriseId: s.enterpriseId,
        actorId: s.userId,
        settings,
        consentGiven,
        language: t.language,
      });
      if (result.kind === 'consent-needed') {
        await ack({ response_action: 'update', view: askConsentAgain(t, settings, null) });
        return;
      }
      deps.initiativesChanged?.(s.workspaceId);
      await ack();
      await client.chat.postMessage({ channel: s.userId, ...renderConfirmation(t, copy.created(t, result.initiative.name, result.invited)) });
      await deps.effects.run([...effects.send(result.outboxIds), ...effects.refreshHomes(s.workspaceId, [s.userId])]);
      return;
    }

    const result = await updateInitiative(services, {
      workspaceId: s.workspaceId,
      initiativeId: current.id,
      actorId: s.userId,
      settings,
      consentGiven,
      language: t.language,
    });
    if (result.kind === 'not-coordinator') {
      await ack({ response_action: 'update', view: renderNotCoordinator(t) });
      return;
    }
    if (result.kind === 'not-found') {
      await ack({ response_action: 'update', view: renderInitiativeGone(t) });
      return;
    }
    if (result.kind === 'consent-needed') {
      await ack({ response_action: 'update', view: askConsentAgain(t, settings, current) });
      return;
    }
    deps.initiativesChanged?.(s.workspaceId);
    await ack();
    await client.chat.postMessage({ channel: s.userId, ...renderConfirmation(t, copy.saved(t, result.initiative.name, result.invited)) });
    const members = await membersOf(services.db, result.initiative.id);
    await deps.effects.run([
      ...effects.send(result.outboxIds),
      ...effects.refreshHomes(s.workspaceId, [s.userId, ...members.coordinators, ...result.removedMembers]),
    ]);
  }

  registerInvitationAnswers(app, deps);

  return {
    setup: async ({ ack, command, client }) => {
      await ack();
      await openSetup(client, command.trigger_id, command.team_id, command.user_id);
    },
  };
}
