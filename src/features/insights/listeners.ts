import type { App } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { serviceDeps, type FeatureDeps } from '../../app-deps.js';
import { buildInsights } from '../../domain/insights-table.js';
import { loadingModal, messageModal } from '../common/blocks.js';
import { openDm } from '../common/dm.js';
import { openThenUpdate } from '../common/flows.js';
import { parseAction } from '../common/payloads.js';
import { answerClick } from '../common/reply.js';
import type { CommandHandler } from '../commands/listeners.js';
import { renderChooseModal } from '../initiatives/views.js';
import * as copy from './copy.js';
import { renderCsv } from './csv.js';
import { INSIGHTS_FLOW, InsightsIds } from './ids.js';
import { accessLog, insightsAccess, insightsInitiativesOf, loadInsights, recordAccess } from './service.js';
import { renderAccessLog, renderInsights } from './views.js';

export function register(app: App, deps: FeatureDeps): { insights: CommandHandler } {
  const services = serviceDeps(deps);

  /** The view for one initiative: refused, or suppressed aggregates with the chart uploaded to Slack. */
  async function insightsView(client: WebClient, workspaceId: string, userId: string, initiativeId: string) {
    const access = await insightsAccess(services.db, workspaceId, initiativeId, userId);
    if (access.kind === 'refused') return messageModal(copy.TITLE, copy.REFUSED);
    const shown = buildInsights(await loadInsights(services.db, access.initiative, services.clock.now()));
    await recordAccess(services, { initiativeId, viewerId: userId, action: 'view' });
    let chartFileId: string | null = null;
    try {
      // Vega and resvg are loaded on first use: most processes never draw a chart, and they are large.
      const { renderChartPng } = await import('./chart.js');
      const png = await renderChartPng(shown, access.initiative.name);
      const uploaded = await client.files.uploadV2({
        channel_id: await openDm(client, userId),
        filename: 'peer-support-insights.png',
        title: `${access.initiative.name}: insights chart`,
        file: png,
      });
      chartFileId = firstFileId(uploaded);
    } catch (error) {
      deps.logger.warn({ err: error, code: 'chart_failed', initiativeId }, 'insights chart not shown');
    }
    return renderInsights({ initiative: access.initiative, shown, chartFileId, isCoordinator: access.isCoordinator });
  }

  async function openInsights(client: WebClient, triggerId: string, workspaceId: string, userId: string, initiativeId?: string) {
    await openThenUpdate(client, triggerId, copy.TITLE, async () => {
      if (initiativeId) return insightsView(client, workspaceId, userId, initiativeId);
      const mine = await insightsInitiativesOf(services.db, workspaceId, userId);
      if (mine.length === 0) return messageModal(copy.TITLE, copy.REFUSED);
      if (mine.length === 1) return insightsView(client, workspaceId, userId, mine[0]!.id);
      return renderChooseModal({ purpose: INSIGHTS_FLOW, initiatives: mine });
    });
  }

  // The chooser must answer within 3 seconds, and a chart takes a moment: answer with a placeholder and
  // replace it when the insights are ready.
  deps.flows.register(INSIGHTS_FLOW, async ({ workspaceId, userId, initiativeId, viewId }) => {
    void insightsView(app.client, workspaceId, userId, initiativeId)
      .then((view) => app.client.views.update({ view_id: viewId, view }))
      .catch((error: unknown) => deps.logger.error({ err: error, code: 'insights_failed' }, 'insights view failed'));
    return loadingModal(copy.TITLE);
  });

  app.action(InsightsIds.openButton, async ({ ack, body, client }) => {
    await ack();
    const a = parseAction(body);
    if (a.triggerId) await openInsights(client, a.triggerId, a.workspaceId, a.userId, a.value ?? undefined);
  });

  app.action(InsightsIds.exportButton, async ({ ack, body, client, respond }) => {
    await ack();
    const a = parseAction(body);
    if (!a.value) return;
    const access = await insightsAccess(services.db, a.workspaceId, a.value, a.userId);
    if (access.kind === 'refused') {
      await answerClick(client, respond, body, a.userId, copy.REFUSED, false);
      return;
    }
    const shown = buildInsights(await loadInsights(services.db, access.initiative, services.clock.now()));
    await recordAccess(services, { initiativeId: access.initiative.id, viewerId: a.userId, action: 'export' });
    await client.files.uploadV2({
      channel_id: await openDm(client, a.userId),
      filename: 'peer-support-insights.csv',
      title: `${access.initiative.name}: insights (CSV)`,
      content: renderCsv(shown, access.initiative.name),
      initial_comment: copy.EXPORT_SENT,
    });
  });

  app.action(InsightsIds.accessLogButton, async ({ ack, body, client }) => {
    await ack();
    const a = parseAction(body);
    if (!a.value || !a.triggerId) return;
    const access = await insightsAccess(services.db, a.workspaceId, a.value, a.userId);
    const view =
      access.kind === 'allowed' && access.isCoordinator
        ? renderAccessLog(access.initiative.name, await accessLog(services.db, access.initiative.id))
        : messageModal(copy.TITLE, copy.REFUSED);
    await client.views.push({ trigger_id: a.triggerId, view });
  });

  return {
    insights: async ({ ack, command, client }) => {
      await ack();
      await openInsights(client, command.trigger_id, command.team_id, command.user_id);
    },
  };
}

function firstFileId(uploaded: unknown): string | null {
  const files = (uploaded as { files?: { files?: { id?: string }[]; id?: string }[] }).files;
  const first = files?.[0];
  return first?.files?.[0]?.id ?? first?.id ?? null;
}
