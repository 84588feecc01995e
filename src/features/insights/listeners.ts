import type { Routes } from '../../slack/routes.js';
import type { ModalView } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import { serviceDeps, type FeatureDeps } from '../../app-deps.js';
import { buildInsights, type ShownInsights } from '../../domain/insights-table.js';
import { renderFailureModal } from '../common/answer-failures.js';
import { loadingModal, messageModal } from '../common/blocks.js';
import { translatorFor, type Translate } from '../../i18n/translate.js';
import { openDm } from '../common/dm.js';
import { parseAction } from '../common/payloads.js';
import { answerClick } from '../common/reply.js';
import type { CommandHandler } from '../commands/listeners.js';
import { renderChooseModal } from '../initiatives/views.js';
import * as copy from './copy.js';
import { renderCsv } from './csv.js';
import { INSIGHTS_FLOW, InsightsIds } from './ids.js';
import {
  accessLog,
  insightsAccess,
  insightsInitiativesOf,
  loadDailyInsights,
  recordAccess,
  retireOldCharts,
  storeChart,
  type DailyInsights,
} from './service.js';
import { renderAccessLog, renderInsights } from './views.js';
import { LANGUAGE_WITHIN_MS } from '../common/person-language.js';

/** A view ready to show, and whether its chart was uploaded just now (Slack may not show it yet). */
interface Prepared {
  view: ModalView;
  freshChart: boolean;
}

export function register(app: Routes, deps: FeatureDeps): { insights: CommandHandler } {
  const services = serviceDeps(deps);
  /** The viewer's translator (issue 19): their choice, Slack's locale or the initiatives' language. */
  const translatorOf = async (client: WebClient, workspaceId: string, userId: string) =>
    translatorFor(await deps.languages.of(client, userId, { workspaceId, withinMs: LANGUAGE_WITHIN_MS }));

  /**
   * The day's chart in the viewer's language: the stored one, or drawn and uploaded now by the first
   * view of the day in that language. Uploaded with no channel, so the file is the app's own, in
   * nobody's DM, and shown only through the image block; a viewer who can see the insights sees the
   * chart, and a second view in the same language makes no new file.
   */
  async function chartOf(client: WebClient, initiative: { id: string; name: string }, daily: DailyInsights, shown: ShownInsights, t: Translate): Promise<{ fileId: string | null; fresh: boolean }> {
    const stored = daily.snapshot.charts[t.language];
    if (stored) return { fileId: stored, fresh: false };
    try {
      // Vega and resvg are loaded on first use: most processes never draw a chart, and they are large.
      const { renderChartPng } = await import('./chart.js');
      const png = await renderChartPng(shown, initiative.name, t);
      const uploaded = await client.files.uploadV2({ filename: copy.CHART_FILENAME, title: t('insights.chart.fileTitle', { initiative: initiative.name }), file: png });
      const fileId = firstFileId(uploaded);
      if (!fileId) return { fileId: null, fresh: false };
      const kept = await storeChart(services.db, daily.snapshot.id, t.language, fileId);
      // Another view drew the day's chart in this language at the same moment and stored it first: show that one.
      if (kept !== fileId) await deleteFiles(client, [fileId]);
      else await deleteFiles(client, await retireOldCharts(services.db, initiative.id, services.clock.now()));
      return { fileId: kept, fresh: kept === fileId };
    } catch (error) {
      deps.logger.warn({ err: error, code: 'chart_failed', initiativeId: initiative.id }, 'insights chart not shown');
      return { fileId: null, fresh: false };
    }
  }

  async function deleteFiles(client: WebClient, fileIds: string[]): Promise<void> {
    for (const file of fileIds) {
      await client.files.delete({ file }).catch((error: unknown) => deps.logger.warn({ err: error, code: 'chart_not_deleted' }, 'an old insights chart was not deleted'));
    }
  }

  /** The view for one initiative: refused, or the day's suppressed aggregates with the day's chart. */
  async function insightsView(client: WebClient, workspaceId: string, userId: string, initiativeId: string, t: Translate): Promise<Prepared> {
    const access = await insightsAccess(services.db, workspaceId, initiativeId, userId);
    if (access.kind === 'refused') return { view: messageModal(t, t('insights.title'), t('insights.refused')), freshChart: false };
    const daily = await loadDailyInsights(services.db, access.initiative, services.clock.now());
    const shown = copy.topicsIn(buildInsights(daily.raw), access.initiative, t);
    await recordAccess(services, { initiativeId, viewerId: userId, action: 'view' });
    const chart = await chartOf(client, access.initiative, daily, shown, t);
    const view = renderInsights({ initiative: access.initiative, shown, chartFileId: chart.fileId, isCoordinator: access.isCoordinator, t });
    return { view, freshChart: chart.fresh };
  }

  /**
   * Slack processes an upload after completeUploadExternal answers, and an image block naming a file
   * it has not finished refuses the whole view (invalid_blocks). Only the first view of the day meets
   * a fresh file: if Slack refuses it, that view shows the figures without the chart.
   */
  async function show(client: WebClient, viewId: string, prepared: Prepared): Promise<void> {
    try {
      await client.views.update({ view_id: viewId, view: prepared.view });
    } catch (error) {
      if (!prepared.freshChart || slackError(error) !== 'invalid_blocks') throw error;
      deps.logger.warn({ code: 'chart_not_ready' }, 'insights shown without the chart Slack has not processed yet');
      await client.views.update({ view_id: viewId, view: { ...prepared.view, blocks: prepared.view.blocks.filter((b) => b.type !== 'image') } });
    }
  }

  /** As openThenUpdate (common/flows.ts): open at once (the trigger lasts 3 seconds), then load and show. */
  async function openInsights(client: WebClient, triggerId: string, workspaceId: string, userId: string, initiativeId?: string) {
    const t = await translatorOf(client, workspaceId, userId);
    const opened = await client.views.open({ trigger_id: triggerId, view: loadingModal(t, t('insights.title')) });
    const viewId = opened.view?.id;
    if (!viewId) throw new Error('views.open returned no view id');
    let prepared: Prepared;
    try {
      prepared = await (async (): Promise<Prepared> => {
        if (initiativeId) return insightsView(client, workspaceId, userId, initiativeId, t);
        const mine = await insightsInitiativesOf(services.db, workspaceId, userId);
        if (mine.length === 0) return { view: messageModal(t, t('insights.title'), t('insights.refused')), freshChart: false };
        if (mine.length === 1) return insightsView(client, workspaceId, userId, mine[0]!.id, t);
        return { view: renderChooseModal({ purpose: INSIGHTS_FLOW, initiatives: mine, t }), freshChart: false };
      })();
    } catch (error) {
      // The open modal must not keep saying "one moment" (answer-failures.ts logs the error).
      await client.views.update({ view_id: viewId, view: renderFailureModal(t('common.somethingWentWrong'), null, t) });
      throw Object.assign(error instanceof Error ? error : new Error('load failed'), { answered: true });
    }
    await show(client, viewId, prepared);
  }

  // The chooser must answer within 3 seconds, and a chart takes a moment: answer with a placeholder and
  // replace it when the insights are ready.
  deps.flows.register(INSIGHTS_FLOW, async ({ workspaceId, userId, initiativeId, viewId, client }) => {
    const t = await translatorOf(client, workspaceId, userId);
    void insightsView(client, workspaceId, userId, initiativeId, t)
      .then((prepared) => show(client, viewId, prepared))
      .catch((error: unknown) => deps.logger.error({ err: error, code: 'insights_failed' }, 'insights view failed'));
    return loadingModal(t, t('insights.title'));
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
    const [access, t] = await Promise.all([insightsAccess(services.db, a.workspaceId, a.value, a.userId), translatorOf(client, a.workspaceId, a.userId)]);
    if (access.kind === 'refused') {
      await answerClick(client, respond, body, a.userId, t('insights.refused'), false);
      return;
    }
    // The same day's figures as the view: an export later in the day differs from the view in nothing.
    const shown = copy.topicsIn(buildInsights((await loadDailyInsights(services.db, access.initiative, services.clock.now())).raw), access.initiative, t);
    await recordAccess(services, { initiativeId: access.initiative.id, viewerId: a.userId, action: 'export' });
    await client.files.uploadV2({
      channel_id: await openDm(client, a.userId),
      filename: 'peer-support-insights.csv',
      title: t('insights.csv.fileTitle', { initiative: access.initiative.name }),
      content: renderCsv(shown, access.initiative.name, t),
      initial_comment: t('insights.exportSent'),
    });
  });

  app.action(InsightsIds.accessLogButton, async ({ ack, body, client }) => {
    await ack();
    const a = parseAction(body);
    if (!a.value || !a.triggerId) return;
    const [access, t] = await Promise.all([insightsAccess(services.db, a.workspaceId, a.value, a.userId), translatorOf(client, a.workspaceId, a.userId)]);
    const view =
      access.kind === 'allowed' && access.isCoordinator
        ? renderAccessLog(access.initiative.name, await accessLog(services.db, access.initiative.id), t)
        : messageModal(t, t('insights.title'), t('insights.refused'));
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

/** Slack's error code on a refused Web API call (`invalid_blocks`), else null. */
function slackError(error: unknown): string | null {
  const data = (error as { data?: { error?: unknown } } | null)?.data;
  return typeof data?.error === 'string' ? data.error : null;
}
