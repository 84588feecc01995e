import type { Routes } from '../../slack/routes.js';
import type { WebClient } from '@slack/web-api';
import { serviceDeps, type FeatureDeps } from '../../app-deps.js';
import { openDm } from '../common/dm.js';
import { openThenUpdate } from '../common/flows.js';
import { parseAction, parseSubmission } from '../common/payloads.js';
import type { CommandHandler } from '../commands/listeners.js';
import { effects } from '../../effects/effects.js';
import { translatorFor, type Translate } from '../../i18n/translate.js';
import { MyDataIds } from './ids.js';
import { clearErasureRemnants, collectMyData, eraseMyData, soleCoordinatorOf, type Erasure } from './service.js';
import { renderConfirmDelete, renderErased, renderMyData } from './views.js';
import { LANGUAGE_WITHIN_MS } from '../common/person-language.js';
import { tellCircleMembers } from '../circles/notes.js';


export function register(app: Routes, deps: FeatureDeps): { 'my-data': CommandHandler; 'delete-my-data': CommandHandler } {
  const services = serviceDeps(deps);

  /** The person's translator (issue 19); `withinMs` where Slack's 3 seconds apply. */
  const translatorOf = async (client: WebClient, workspaceId: string, userId: string, withinMs?: number) =>
    translatorFor(await deps.languages.of(client, userId, { workspaceId, ...(withinMs ? { withinMs } : {}) }));

  /** A readable summary and the full JSON file (its keys as stored), in the person's DM with the app. */
  async function sendMyData(client: WebClient, workspaceId: string, userId: string): Promise<Translate> {
    const [data, t] = await Promise.all([collectMyData(services.db, workspaceId, userId, services.clock.now()), translatorOf(client, workspaceId, userId)]);
    const channel = await openDm(client, userId);
    await client.chat.postMessage({ channel, ...renderMyData(data, t) });
    await client.files.uploadV2({
      channel_id: channel,
      filename: 'peer-support-my-data.json',
      title: t('myData.fileTitle'),
      content: JSON.stringify(data, null, 2),
    });
    return t;
  }

  /**
   * A circle whose last facilitator erased their data is closed (nobody would hear of a member in
   * crisis): everyone left in it is told in their circle thread, in their language, naming nobody.
   */
  async function tellClosedCircles(client: WebClient, workspaceId: string, closed: Erasure['circlesClosed']): Promise<void> {
    await tellCircleMembers(client, deps, workspaceId, closed.flatMap((c) => c.members), (t) => t('myData.circles.closedNotice'));
  }

  async function openConfirm(client: WebClient, triggerId: string, workspaceId: string, userId: string) {
    const t = await translatorOf(client, workspaceId, userId, LANGUAGE_WITHIN_MS);
    await openThenUpdate(client, triggerId, t, t('myData.confirm.title'), async () =>
      renderConfirmDelete(await soleCoordinatorOf(services.db, workspaceId, userId), t),
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
    // Their language before the erasure takes their choice with it: the confirmation is worded in it.
    const t = await translatorOf(client, s.workspaceId, s.userId, LANGUAGE_WITHIN_MS);
    // Erased before the form closes: if it fails, the form says nothing was deleted (answer-failures.ts).
    const erasure = await eraseMyData(services, s.workspaceId, s.userId);
    // Their locale leaves this process's memory too (another replica's forgets it within minutes).
    deps.languages.forget(s.userId);
    await ack();
    // One affected person per conversation the erasure ended (the other side of each).
    deps.metrics.pairingsEnded('erased', erasure.affectedUserIds.length);
    // Before the confirmation, so "erased" is true of the database files too (invariant 3).
    await clearErasureRemnants(services);
    await client.chat.postMessage({ channel: s.userId, ...renderErased(t) });
    // The people they were talking with are told kindly, by pseudonym (outbox); seekers get someone else.
    await deps.effects.run([
      ...effects.send(erasure.outboxIds),
      ...erasure.initiativesToMatch.map(effects.matchInitiative),
      // Those in a circle it closed see it gone from their Home's circles too.
      ...effects.refreshHomes(s.workspaceId, [s.userId, ...erasure.affectedUserIds, ...erasure.circlesClosed.flatMap((c) => c.members.map((m) => m.userId))]),
    ]);
    await tellClosedCircles(client, s.workspaceId, erasure.circlesClosed);
  });

  return {
    'my-data': async ({ ack, command, client, respond }) => {
      await ack();
      const t = await sendMyData(client, command.team_id, command.user_id);
      await respond({ response_type: 'ephemeral', text: t('myData.sent') });
    },
    'delete-my-data': async ({ ack, command, client }) => {
      await ack();
      await openConfirm(client, command.trigger_id, command.team_id, command.user_id);
    },
  };
}
