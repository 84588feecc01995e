import type { AllMiddlewareArgs, App, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { z } from 'zod';
import { serviceDeps, type FeatureDeps } from '../../app-deps.js';
import { messageModal } from '../common/blocks.js';
import { openThenUpdate } from '../common/flows.js';
import { parseAction, parseJson, parseSubmission } from '../common/payloads.js';
import { fieldErrors, readForm } from '../common/view-state.js';
import type { CommandHandler } from '../commands/listeners.js';
import { effects } from '../../effects/effects.js';
import * as copy from './copy.js';
import { InitiativeIds, NEW_INITIATIVE } from './ids.js';
import { setupInputSchema, toSettings } from './input.js';
import {
  acceptRole,
  createInitiative,
  getInitiative,
  hasRole,
  listInitiatives,
  membersOf,
  updateInitiative,
  type Invitation,
} from './service.js';
import {
  renderChooseModal,
  renderConfirmation,
  renderInvitation,
  renderInvitationAnswer,
  renderNotCoordinator,
  renderSetupModal,
} from './views.js';

export const SETUP_FLOW = 'setup';

const setupMetadata = z.object({ initiativeId: z.string().nullable(), needsConsent: z.boolean() });
const chooseMetadata = z.object({ purpose: z.string() });
const invitationValue = z.object({ initiativeId: z.string(), role: z.enum(['coordinator', 'hr_viewer']), userId: z.string() });

export function register(app: App, deps: FeatureDeps): { setup: CommandHandler } {
  const services = serviceDeps(deps);

  /** The setup form for `initiativeId` (edit, coordinators only) or a new initiative. */
  async function setupView(workspaceId: string, userId: string, initiativeId: string) {
    if (initiativeId === NEW_INITIATIVE) return renderSetupModal({ needsConsent: true });
    const initiative = await getInitiative(services.db, workspaceId, initiativeId);
    if (!initiative) return messageModal(copy.EDIT_TITLE, copy.INITIATIVE_GONE);
    if (!(await hasRole(services.db, initiative.id, userId, 'coordinator'))) return renderNotCoordinator();
    return renderSetupModal({ initiative, members: await membersOf(services.db, initiative.id), needsConsent: false });
  }
  deps.flows.register(SETUP_FLOW, ({ workspaceId, userId, initiativeId }) => setupView(workspaceId, userId, initiativeId));

  /** Setting up: straight to a new form, unless the person coordinates initiatives they may want to edit. */
  async function openSetup(client: WebClient, triggerId: string, workspaceId: string, userId: string) {
    await openThenUpdate(client, triggerId, copy.SETUP_TITLE, async () => {
      const initiatives = await listInitiatives(services.db, workspaceId);
      const coordinated = [];
      for (const i of initiatives) if (await hasRole(services.db, i.id, userId, 'coordinator')) coordinated.push(i);
      if (coordinated.length === 0) return renderSetupModal({ needsConsent: true });
      return renderChooseModal({ purpose: SETUP_FLOW, initiatives: coordinated, allowNew: true });
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
    await openThenUpdate(client, a.triggerId, copy.EDIT_TITLE, () => setupView(a.workspaceId, a.userId, initiativeId));
  });

  app.view(InitiativeIds.chooseModal, async ({ ack, body }) => {
    const s = parseSubmission(body);
    const purpose = parseJson(chooseMetadata, s.privateMetadata)?.purpose;
    const choice = readForm(s.values)[InitiativeIds.blocks.choice];
    const next = purpose ? deps.flows.get(purpose) : undefined;
    if (typeof choice !== 'string' || !next) {
      await ack({ response_action: 'errors', errors: { [InitiativeIds.blocks.choice]: 'Please choose one.' } });
      return;
    }
    const view = await next({ workspaceId: s.workspaceId, userId: s.userId, initiativeId: choice, viewId: s.viewId });
    await ack({ response_action: 'update', view });
  });

  app.view<ViewSubmitAction>(InitiativeIds.setupModal, async (args) => submitSetup(args));

  async function submitSetup({ ack, body, client }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs) {
    const s = parseSubmission(body);
    const metadata = parseJson(setupMetadata, s.privateMetadata) ?? { initiativeId: null, needsConsent: true };
    const blocks = Object.values(InitiativeIds.blocks);
    const parsed = setupInputSchema(metadata.needsConsent).safeParse(readForm(s.values));
    if (!parsed.success) {
      await ack({ response_action: 'errors', errors: fieldErrors(parsed.error, blocks) });
      return;
    }
    const settings = toSettings(parsed.data);

    if (metadata.initiativeId === null) {
      await ack();
      const { initiative, invitations } = await createInitiative(services, {
        workspaceId: s.workspaceId,
        enterpriseId: s.enterpriseId,
        actorId: s.userId,
        settings,
      });
      await client.chat.postMessage({ channel: s.userId, ...renderConfirmation(copy.created(initiative.name, invitations.length)) });
      await sendInvitations(client, s.userId, invitations);
      await deps.effects.run(effects.refreshHomes(s.workspaceId, [s.userId]));
      return;
    }

    const result = await updateInitiative(services, {
      workspaceId: s.workspaceId,
      initiativeId: metadata.initiativeId,
      actorId: s.userId,
      settings,
    });
    if (result.kind === 'not-coordinator') {
      await ack({ response_action: 'update', view: renderNotCoordinator() });
      return;
    }
    if (result.kind === 'not-found') {
      await ack({ response_action: 'update', view: messageModal(copy.EDIT_TITLE, copy.INITIATIVE_GONE) });
      return;
    }
    await ack();
    await client.chat.postMessage({ channel: s.userId, ...renderConfirmation(copy.saved(result.initiative.name, result.invitations.length)) });
    await sendInvitations(client, s.userId, result.invitations);
    const members = await membersOf(services.db, result.initiative.id);
    await deps.effects.run(effects.refreshHomes(s.workspaceId, [s.userId, ...members.coordinators, ...result.removedMembers]));
  }

  async function sendInvitations(client: WebClient, inviterId: string, invitations: Invitation[]) {
    for (const invitation of invitations) {
      try {
        await client.chat.postMessage({ channel: invitation.userId, ...renderInvitation({ inviterId, invitation }) });
      } catch (error) {
        deps.logger.warn({ err: error, code: 'invitation_failed', initiativeId: invitation.initiativeId }, 'could not send an invitation');
      }
    }
  }

  for (const [actionId, accepting] of [
    [InitiativeIds.acceptRole, true],
    [InitiativeIds.declineRole, false],
  ] as const) {
    app.action(actionId, async ({ ack, body, client }) => {
      await ack();
      const a = parseAction(body);
      const invitation = parseJson(invitationValue, a.value);
      if (!invitation || !a.message) return;
      // Only the invited person can answer; the button lives in their DM, but check all the same.
      if (invitation.userId !== a.userId) {
        await client.chat.postEphemeral({ channel: a.message.channel, user: a.userId, text: copy.NOT_YOUR_INVITATION });
        return;
      }
      if (!accepting) {
        await client.chat.update({ channel: a.message.channel, ts: a.message.ts, ...renderInvitationAnswer(copy.ROLE_DECLINED) });
        return;
      }
      const result = await acceptRole(services, {
        workspaceId: a.workspaceId,
        initiativeId: invitation.initiativeId,
        userId: a.userId,
        role: invitation.role,
      });
      const text = result.kind === 'not-found' ? copy.INITIATIVE_GONE : copy.roleAccepted(invitation.role, result.initiativeName);
      await client.chat.update({ channel: a.message.channel, ts: a.message.ts, ...renderInvitationAnswer(text) });
      await deps.effects.run(effects.refreshHomes(a.workspaceId, [a.userId]));
    });
  }

  return {
    setup: async ({ ack, command, client }) => {
      await ack();
      await openSetup(client, command.trigger_id, command.team_id, command.user_id);
    },
  };
}
