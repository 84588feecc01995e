import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import type { Routes } from '../../slack/routes.js';
import type { WebClient } from '@slack/web-api';
import { z } from 'zod';
import { serviceDeps, type FeatureDeps } from '../../app-deps.js';
import { effects } from '../../effects/effects.js';
import { resourcesIn } from '../common/answer-failures.js';
import { messageModal } from '../common/blocks.js';
import { openThenUpdate } from '../common/flows.js';
import { answerClick } from '../common/reply.js';
import { metadataLanguage, parseAction, parseJson, parseSubmission } from '../common/payloads.js';
import { fetchTimezone } from '../common/timezones.js';
import { fieldErrors, readForm } from '../common/view-state.js';
import type { CommandHandler } from '../commands/listeners.js';
import { FALLBACK_LANGUAGE, type AppLanguage } from '../../domain/app-language.js';
import { translatorFor } from '../../i18n/translate.js';
import { resourcesIn as resourcesInLanguage } from '../../domain/initiative-texts.js';
import { getInitiative, listInitiatives, type Initiative } from '../initiatives/service.js';
import { renderChooseModal } from '../initiatives/views.js';
import { REQUEST_FLOW, RequestIds } from './ids.js';
import { requestInputSchema, toRequestInput } from './input.js';
import { matchRequest } from './matching.js';
import { cancelRequest, createRequest, recordSeekerTimezone } from './service.js';
import { renderHelpNowModal, renderRequestModal, renderRequestSent, renderResourcesLead } from './views.js';
import { tellWaiting, waitingEventAfterMatch } from './waiting.js';
import { LANGUAGE_WITHIN_MS } from '../common/person-language.js';


const requestMetadata = z.object({ initiativeId: z.string(), language: metadataLanguage });
const viewBlocks = z.object({ view: z.object({ blocks: z.array(z.unknown()).optional() }).optional() });

/** The resources block holds mrkdwn as the app escaped it; the help modal escapes it again. */
function unescapeMrkdwn(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

export function register(app: Routes, deps: FeatureDeps): { request: CommandHandler } {
  const services = serviceDeps(deps);

  /** The request form in the person's language (issue 19), or why there is none. */
  /** An initiative's resources in `language` where its coordinators wrote them, else as written; null when it is gone. */
  async function initiativeResources(workspaceId: string, initiativeId: string, language: AppLanguage): Promise<string | null> {
    const initiative = await getInitiative(services.db, workspaceId, initiativeId);
    return initiative ? resourcesInLanguage(initiative, language) : null;
  }

  function requestForm(language: AppLanguage, initiative: Initiative | null) {
    if (initiative) return renderRequestModal(language, initiative);
    const t = translatorFor(language);
    return messageModal(t, t('requests.title'), t('requests.noInitiative'));
  }

  deps.flows.register(REQUEST_FLOW, async ({ workspaceId, initiativeId, client, userId }) => {
    const [initiative, language] = await Promise.all([
      getInitiative(services.db, workspaceId, initiativeId),
      deps.languages.of(client, userId, { withinMs: LANGUAGE_WITHIN_MS, workspaceId, initiativeId }),
    ]);
    return requestForm(language, initiative);
  });

  async function openRequest(client: WebClient, triggerId: string, workspaceId: string, userId: string) {
    // The language first (from memory, or one quick users.info): the placeholder shown at once is worded
    // in it too. Bounded, as the trigger_id lasts 3 seconds: a person asking for help must get the form.
    const language = await deps.languages.of(client, userId, { withinMs: LANGUAGE_WITHIN_MS, workspaceId });
    const t = translatorFor(language);
    await openThenUpdate(client, triggerId, t, t('requests.title'), async () => {
      const initiatives = await listInitiatives(services.db, workspaceId);
      if (initiatives.length === 0) return requestForm(language, null);
      if (initiatives.length === 1) return requestForm(language, initiatives[0]!);
      return renderChooseModal({ purpose: REQUEST_FLOW, initiatives, lead: renderResourcesLead(t, initiatives), t });
    }, t('requests.loading'));
  }

  app.action(RequestIds.requestButton, async ({ ack, body, client }) => {
    await ack();
    const a = parseAction(body);
    if (a.triggerId) await openRequest(client, a.triggerId, a.workspaceId, a.userId);
  });

  // "I need help right now" skips pairing and shows the resources at once (DESIGN.md invariant 6). They
  // are read from the form it was clicked in, so they show even when the database cannot be reached.
  app.action(RequestIds.helpNowButton, async ({ ack, body, client }) => {
    await ack();
    const a = parseAction(body);
    if (!a.viewId) return;
    const shown = resourcesIn(viewBlocks.parse(body).view?.blocks);
    const language = await deps.languages.of(client, a.userId, { workspaceId: a.workspaceId, initiativeId: a.value ?? null });
    const resources = shown !== null ? unescapeMrkdwn(shown) : a.value ? await initiativeResources(a.workspaceId, a.value, language) : null;
    await client.views.update({ view_id: a.viewId, view: renderHelpNowModal(translatorFor(language), resources) });
  });

  // A link button opens its page in the person's browser; Slack also sends the click, which needs only an ack.
  for (const actionId of RequestIds.resourceLinks) app.action(actionId, async ({ ack }) => ack());

  app.view<ViewSubmitAction>(RequestIds.requestModal, async (args) => submitRequest(args));

  async function submitRequest({ ack, body, client }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs) {
    const s = parseSubmission(body);
    const metadata = parseJson(requestMetadata, s.privateMetadata);
    // The form's own language: its errors, its last word and the consent recorded (the words they saw).
    const language = metadata?.language ?? FALLBACK_LANGUAGE;
    const t = translatorFor(language);
    const initiative = metadata ? await getInitiative(services.db, s.workspaceId, metadata.initiativeId) : null;
    if (!initiative) {
      await ack({ response_action: 'update', view: requestForm(language, null) });
      return;
    }
    const parsed = requestInputSchema(t, initiative.topics.map((topic) => topic.id)).safeParse(readForm(s.values));
    if (!parsed.success) {
      await ack({ response_action: 'errors', errors: fieldErrors(parsed.error, Object.values(RequestIds.blocks)) });
      return;
    }
    const input = toRequestInput(parsed.data);
    // Stored before the form closes, so a failure shows in the form itself, with the resources, and
    // the person knows their request was not sent (answer-failures.ts).
    const { requestId } = await createRequest(services, {
      workspaceId: s.workspaceId,
      initiativeId: initiative.id,
      seekerId: s.userId,
      ...input,
      seekerTimezone: null,
      consentLanguage: language,
    });
    deps.metrics.requestCreated();
    // The form's last word says the request went and where the answer will come, with the resources.
    await ack({ response_action: 'update', view: renderRequestSent(t, resourcesInLanguage(initiative, t.language)) });
    // Slack is asked only when a similar timezone matters, after the form has closed (3-second rule).
    if (input.sameTimezone) await recordSeekerTimezone(services.db, requestId, await fetchTimezone(client, s.userId, deps.logger));
    const result = await matchRequest(services, requestId);
    if (result.kind === 'offered') deps.metrics.offersMade(1);
    const told = await tellWaiting(services, { requestId, event: waitingEventAfterMatch(result) });
    await deps.effects.run([
      ...effects.send([...(result.kind === 'offered' ? result.outboxIds : []), ...told]),
      ...effects.refreshHomes(s.workspaceId, [s.userId]),
    ]);
  }

  app.action(RequestIds.cancelButton, async ({ ack, body, client, respond }) => {
    await ack();
    const a = parseAction(body);
    if (!a.value) return;
    const [result, language] = await Promise.all([cancelRequest(services, { requestId: a.value, seekerId: a.userId }), deps.languages.of(client, a.userId, { workspaceId: a.workspaceId })]);
    await answerClick(client, respond, body, a.userId, translatorFor(language)(result.kind === 'cancelled' ? 'waiting.cancelled' : 'requests.notOpen'));
    await deps.effects.run([...effects.send(result.kind === 'cancelled' ? result.outboxIds : []), ...effects.refreshHomes(a.workspaceId, [a.userId])]);
  });

  return {
    request: async ({ ack, command, client }) => {
      await ack();
      await openRequest(client, command.trigger_id, command.team_id, command.user_id);
    },
  };
}
