import type { Routes } from '../../slack/routes.js';
import type { WebClient } from '@slack/web-api';
import { serviceDeps, type FeatureDeps } from '../../app-deps.js';
import { openDm } from '../common/dm.js';
import { openThenUpdate } from '../common/flows.js';
import { parseAction, parseSubmission } from '../common/payloads.js';
import type { CommandHandler } from '../commands/listeners.js';
import { effects } from '../../effects/effects.js';
import * as copy from './copy.js';
import { MyDataIds } from './ids.js';
import { clearErasureRemnants, collectMyData, eraseMyData, soleCoordinatorOf } from './service.js';
import { renderConfirmDelete, renderErased, renderMyData } from './views.js';

export function register(app: Routes, deps: FeatureDeps): { 'my-data': CommandHandler; 'delete-my-data': CommandHandler } {
  const services = serviceDeps(deps);

  /** A readable summary and the full JSON file, in the person's DM with the app. */
  async function sendMyData(client: WebClient, workspaceId: string, userId: string) {
    const data = await collectMyData(services.db, workspaceId, userId, services.clock.now());
    const channel = await openDm(client, userId);
    await client.chat.postMessage({ channel, ...renderMyData(data) });
    await client.files.uploadV2({
      channel_id: channel,
      filename: 'peer-support-my-data.json',
      title: 'Everything Peer Support stores about you',
      content: JSON.stringify(data, null, 2),
    });
  }

  async function openConfirm(client: WebClient, triggerId: string, workspaceId: string, userId: string) {
    await openThenUpdate(client, triggerId, copy.CONFIRM_TITLE, async () =>
      renderConfirmDelete(await soleCoordinatorOf(services.db, workspaceId, userId)),
    );
  }

  app.action(MyDataIds.showButton, async ({ ack, body, client }) => {
    await ack();
    const a = parseAction(body);
    await sendMyData(client, a.workspaceId, a.userId);
  });

  app.action(MyDataIds.deleteButton, async ({ ack, body, client }) => {
    await ack();
    const a = parseAction(body);
    if (a.triggerId) await openConfirm(client, a.triggerId, a.workspaceId, a.userId);
  });

  app.view(MyDataIds.confirmModal, async ({ ack, body, client }) => {
    const s = parseSubmission(body);
    // Erased before the form closes: if it fails, the form says nothing was deleted (answer-failures.ts).
    const erasure = await eraseMyData(services, s.workspaceId, s.userId);
    // Their locale leaves this process's memory too (another replica's forgets it within minutes).
    deps.languages.forget(s.userId);
    await ack();
    // One affected person per conversation the erasure ended (the other side of each).
    deps.metrics.pairingsEnded('erased', erasure.affectedUserIds.length);
    // Before the confirmation, so "erased" is true of the database files too (invariant 3).
    await clearErasureRemnants(services);
    await client.chat.postMessage({ channel: s.userId, ...renderErased() });
    // The people they were talking with are told kindly, by pseudonym (outbox); seekers get someone else.
    await deps.effects.run([
      ...effects.send(erasure.outboxIds),
      ...erasure.initiativesToMatch.map(effects.matchInitiative),
      ...effects.refreshHomes(s.workspaceId, [s.userId, ...erasure.affectedUserIds]),
    ]);
  });

  return {
    'my-data': async ({ ack, command, client, respond }) => {
      await ack();
      await sendMyData(client, command.team_id, command.user_id);
      await respond({ response_type: 'ephemeral', text: 'I have sent you everything Peer Support stores about you, in your messages with the app.' });
    },
    'delete-my-data': async ({ ack, command, client }) => {
      await ack();
      await openConfirm(client, command.trigger_id, command.team_id, command.user_id);
    },
  };
}
