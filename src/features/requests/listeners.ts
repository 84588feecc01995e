import type { AllMiddlewareArgs, App, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { z } from 'zod';
import { serviceDeps, type FeatureDeps } from '../../app-deps.js';
import { messageModal } from '../common/blocks.js';
import { openThenUpdate } from '../common/flows.js';
import { answerClick } from '../common/reply.js';
import { publishHome } from '../home/publish.js';
import { parseAction, parseJson, parseSubmission } from '../common/payloads.js';
import { fetchTimezone } from '../common/timezones.js';
import { fieldErrors, readForm } from '../common/view-state.js';
import type { CommandHandler } from '../commands/listeners.js';
import { getInitiative, listInitiatives } from '../initiatives/service.js';
import { renderChooseModal } from '../initiatives/views.js';
import * as copy from './copy.js';
import { REQUEST_FLOW, RequestIds } from './ids.js';
import { requestInputSchema, toRequestInput } from './input.js';
import { matchAndNotify } from './notify.js';
import { cancelRequest, createRequest } from './service.js';
import { renderHelpNowModal, renderPlain, renderRequestModal, renderResourcesLead, renderWaiting } from './views.js';

const requestMetadata = z.object({ initiativeId: z.string() });

export function register(app: App, deps: FeatureDeps): { request: CommandHandler } {
  const services = serviceDeps(deps);

  async function requestView(workspaceId: string, initiativeId: string) {
    const initiative = await getInitiative(services.db, workspaceId, initiativeId);
    return initiative ? renderRequestModal(initiative) : messageModal(copy.REQUEST_TITLE, copy.NO_INITIATIVE);
  }
  deps.flows.register(REQUEST_FLOW, ({ workspaceId, initiativeId }) => requestView(workspaceId, initiativeId));

  async function openRequest(client: WebClient, triggerId: string, workspaceId: string) {
    await openThenUpdate(client, triggerId, copy.REQUEST_TITLE, async () => {
      const initiatives = await listInitiatives(services.db, workspaceId);
      if (initiatives.length === 0) return messageModal(copy.REQUEST_TITLE, copy.NO_INITIATIVE);
      if (initiatives.length === 1) return renderRequestModal(initiatives[0]!);
      return renderChooseModal({ purpose: REQUEST_FLOW, initiatives, lead: renderResourcesLead(initiatives) });
    }, copy.LOADING);
  }

  app.action(RequestIds.requestButton, async ({ ack, body, client }) => {
    await ack();
    const a = parseAction(body);
    if (a.triggerId) await openRequest(client, a.triggerId, a.workspaceId);
  });

  // "I need help right now" skips pairing and shows the resources at once (DESIGN.md invariant 6).
  app.action(RequestIds.helpNowButton, async ({ ack, body, client }) => {
    await ack();
    const a = parseAction(body);
    if (!a.viewId) return;
    const initiative = a.value ? await getInitiative(services.db, a.workspaceId, a.value) : null;
    await client.views.update({ view_id: a.viewId, view: renderHelpNowModal(initiative?.resources ?? null) });
  });

  app.view<ViewSubmitAction>(RequestIds.requestModal, async (args) => submitRequest(args));

  async function submitRequest({ ack, body, client }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs) {
    const s = parseSubmission(body);
    const metadata = parseJson(requestMetadata, s.privateMetadata);
    const initiative = metadata ? await getInitiative(services.db, s.workspaceId, metadata.initiativeId) : null;
    if (!initiative) {
      await ack({ response_action: 'update', view: messageModal(copy.REQUEST_TITLE, copy.NO_INITIATIVE) });
      return;
    }
    const parsed = requestInputSchema(initiative.topics.map((t) => t.id)).safeParse(readForm(s.values));
    if (!parsed.success) {
      await ack({ response_action: 'errors', errors: fieldErrors(parsed.error, Object.values(RequestIds.blocks)) });
      return;
    }
    await ack();
    const input = toRequestInput(parsed.data);
    const seekerTimezone = input.sameTimezone ? await fetchTimezone(client, s.userId, deps.logger) : null;
    const { requestId } = await createRequest(services, {
      workspaceId: s.workspaceId,
      initiativeId: initiative.id,
      seekerId: s.userId,
      ...input,
      seekerTimezone,
    });
    const topic = initiative.topics.find((t) => t.id === input.topicId)?.label ?? 'this';
    const result = await matchAndNotify(client, services, requestId);
    const text = result.kind === 'offered' ? copy.requestReceived(topic) : copy.noListenerYet(topic);
    await client.chat.postMessage({ channel: s.userId, ...renderWaiting({ text, resources: initiative.resources, requestId }) });
    await publishHome(client, services, s.workspaceId, s.userId);
  }

  app.action(RequestIds.cancelButton, async ({ ack, body, client, respond }) => {
    await ack();
    const a = parseAction(body);
    if (!a.value) return;
    const result = await cancelRequest(services, { requestId: a.value, seekerId: a.userId });
    await answerClick(client, respond, body, a.userId, result.kind === 'cancelled' ? copy.CANCELLED : copy.NOT_OPEN);
    await publishHome(client, services, a.workspaceId, a.userId);
    if (result.kind === 'cancelled' && result.withdrawnOffer?.channel && result.withdrawnOffer.messageTs) {
      await client.chat.update({
        channel: result.withdrawnOffer.channel,
        ts: result.withdrawnOffer.messageTs,
        ...renderPlain(copy.OFFER_WITHDRAWN),
      });
    }
  });

  return {
    request: async ({ ack, command, client }) => {
      await ack();
      await openRequest(client, command.trigger_id, command.team_id);
    },
  };
}
