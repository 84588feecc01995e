import type { Routes } from '../../slack/routes.js';
import { z } from 'zod';
import { serviceDeps, type FeatureDeps } from '../../app-deps.js';
import { effects } from '../../effects/effects.js';
import { codeOf } from '../common/answer-failures.js';
import { openThenUpdate } from '../common/flows.js';
import { metadataLanguage, parseAction, parseJson, parseSubmission } from '../common/payloads.js';
import { readForm } from '../common/view-state.js';
import type { WebClient } from '@slack/web-api';
import { renderPlain } from '../requests/views.js';
import * as copy from './copy.js';
import { translatorFor } from '../../i18n/translate.js';
import { FALLBACK_LANGUAGE } from '../../domain/app-language.js';
import { resourcesIn } from '../../domain/initiative-texts.js';
import type { EndReason } from './end.js';
import { BLOCK_PAIR, PairingIds, REPORT_REASONS, REPORT_REPLY_MAX } from './ids.js';
import { answerOffer } from './offers.js';
import {
  answerEnding,
  askCoordinatorForSupport,
  chooseReveal,
  endPairing,
  getPairing,
  replyToReport,
  reportConcern,
  reportForReply,
  resourcesToShare,
  sideOf,
} from './service.js';
import { renderReplyAnswer, renderReportModal, renderReportReply, renderReportReplyModal, renderSharedResources } from './views.js';
import { LANGUAGE_WITHIN_MS } from '../common/person-language.js';

const reportMetadata = z.object({ pairingId: z.string(), language: metadataLanguage });
const replyMetadata = z.object({ reportId: z.string(), language: metadataLanguage });

// Thin handlers (STYLE.md): ack, parse, use case, reply, run effects.
export function register(app: Routes, deps: FeatureDeps): void {
  const services = serviceDeps(deps);
  const ephemeral = (text: string) => ({ ...renderPlain(text), replace_original: false, response_type: 'ephemeral' as const });
  /** The clicker's translator (issue 19): their choice, Slack's locale or the initiative's language. */
  const translatorOf = async (client: WebClient, a: { userId: string; workspaceId: string }) =>
    translatorFor(await deps.languages.of(client, a.userId, { workspaceId: a.workspaceId }));

  for (const [actionId, accept] of [
    [PairingIds.acceptOffer, true],
    [PairingIds.declineOffer, false],
  ] as const) {
    app.action(actionId, async ({ ack, body, client, respond }) => {
      await ack();
      const a = parseAction(body);
      if (!a.value) return;
      const [answer, t] = await Promise.all([answerOffer(services, { offerId: a.value, userId: a.userId, accept }), translatorOf(client, a)]);
      if (answer.kind === 'not-yours') return void (await respond(ephemeral(t('offers.notYours'))));
      if (answer.kind === 'gone') return void (await respond({ ...renderPlain(t('offers.gone')), replace_original: true }));
      if (answer.kind === 'declined') {
        await respond({ ...renderPlain(t('offers.declined')), replace_original: true });
        await deps.effects.run([...effects.send(answer.outboxIds), effects.rematchRequest(answer.requestId)]);
        return;
      }
      deps.metrics.pairingStarted();
      await respond({ ...renderPlain(t('offers.accepted')), replace_original: true });
      // The introductions were written with the pairing; a failed send is retried by the scheduler.
      await deps.effects.run([
        ...effects.send(answer.outboxIds),
        ...effects.refreshHomes(answer.workspaceId, [answer.pairing.seekerId, answer.pairing.listenerUserId]),
      ]);
    });
  }

  /** End, or ask for someone else: only someone in the pairing, and "someone else" only for the seeker. */
  for (const [actionId, reason] of [
    [PairingIds.end, 'ended'],
    [PairingIds.someoneElse, 'someone_else'],
  ] as const satisfies readonly (readonly [string, EndReason])[]) {
    app.action(actionId, async ({ ack, body, client, respond }) => {
      await ack();
      const a = parseAction(body);
      if (!a.value) return;
      const pairing = await getPairing(services.db, a.value);
      const side = pairing ? sideOf(pairing, a.userId) : null;
      if (!pairing || !side || (reason === 'someone_else' && side !== 'seeker')) return;
      const result = await endPairing(services, { pairingId: pairing.id, by: side, reason });
      if (result.kind === 'already-ended') return void (await respond(ephemeral((await translatorOf(client, a))('pairings.alreadyEnded'))));
      deps.metrics.pairingsEnded(result.ended.reason);
      await deps.effects.run(effects.afterPairingEnded(a.workspaceId, result.ended));
    });
  }

  /** "Did this help?" at the end: the seeker's one anonymous answer; everyone else is told kindly. */
  for (const [actionId, helped] of [
    [PairingIds.endingHelped, true],
    [PairingIds.endingNotHelped, false],
  ] as const) {
    app.action(actionId, async ({ ack, body, client, respond }) => {
      await ack();
      const a = parseAction(body);
      if (!a.value) return;
      const [answer, language] = await Promise.all([
        answerEnding(services, { pairingId: a.value, userId: a.userId, helped }),
        deps.languages.of(client, a.userId, { workspaceId: a.workspaceId }),
      ]);
      await respond(ephemeral(translatorFor(language)(copy.ENDING_ANSWER_KEYS[answer.kind])));
    });
  }

  app.action(PairingIds.reveal, async ({ ack, body, client, respond }) => {
    await ack();
    const a = parseAction(body);
    if (!a.value) return;
    const result = await chooseReveal(services, { pairingId: a.value, userId: a.userId });
    if (result.kind === 'not-active') return void (await respond(ephemeral((await translatorOf(client, a))('pairings.alreadyEnded'))));
    await deps.effects.run(effects.send(result.outboxIds));
  });

  // The crisis note's buttons (issue 14): only the pairing's listener may use them.
  app.action(PairingIds.shareResources, async ({ ack, body, client, respond }) => {
    await ack();
    const a = parseAction(body);
    if (!a.value) return;
    const [found, language] = await Promise.all([
      resourcesToShare(services.db, { pairingId: a.value, userId: a.userId }),
      deps.languages.of(client, a.userId, { workspaceId: a.workspaceId }),
    ]);
    const t = translatorFor(language);
    if (found.kind === 'not-listener') return void (await respond(ephemeral(t('pairings.crisis.notYours'))));
    if (found.kind === 'not-active') return void (await respond(ephemeral((await translatorOf(client, a))('pairings.alreadyEnded'))));
    const { pairing } = found;
    // Sent directly, like the crisis note itself: nothing is stored that says a conversation touched on a
    // crisis. In the seeker's language, with the resources in it where the coordinators wrote them.
    const seekerT = translatorFor(await deps.languages.of(client, pairing.seekerId, { workspaceId: a.workspaceId, initiativeId: pairing.initiativeId }));
    const shared = { channel: pairing.seekerChannel, ...renderSharedResources(seekerT, pairing.listenerPseudonym, resourcesIn(found.initiative, seekerT.language)) };
    // In the conversation's thread (broadcast to the DM), so a seeker in two conversations knows which one.
    await client.chat.postMessage(pairing.seekerThreadTs ? { ...shared, thread_ts: pairing.seekerThreadTs, reply_broadcast: true } : shared);
    await respond(ephemeral(copy.resourcesShared(t, pairing.seekerPseudonym)));
  });

  app.action(PairingIds.askCoordinator, async ({ ack, body, client, respond }) => {
    await ack();
    const a = parseAction(body);
    if (!a.value) return;
    const [result, language] = await Promise.all([
      askCoordinatorForSupport(services, { pairingId: a.value, userId: a.userId }),
      deps.languages.of(client, a.userId, { workspaceId: a.workspaceId }),
    ]);
    const t = translatorFor(language);
    if (result.kind === 'not-listener') return void (await respond(ephemeral(t('pairings.crisis.notYours'))));
    await respond(ephemeral(t('pairings.crisis.coordinatorAsked')));
    await deps.effects.run(effects.send(result.outboxIds));
  });

  app.action(PairingIds.report, async ({ ack, body, client }) => {
    await ack();
    const a = parseAction(body);
    if (!a.value || !a.triggerId) return;
    // In the reporter's language, within a share of the trigger's 3 seconds (English after).
    const t = translatorFor(await deps.languages.of(client, a.userId, { workspaceId: a.workspaceId, withinMs: LANGUAGE_WITHIN_MS }));
    await client.views.open({ trigger_id: a.triggerId, view: renderReportModal(a.value, t) });
  });

  app.view(PairingIds.reportModal, async ({ ack, body }) => {
    const s = parseSubmission(body);
    const form = readForm(s.values);
    const metadata = parseJson(reportMetadata, s.privateMetadata);
    const reason = REPORT_REASONS.find((r) => r.value === form[PairingIds.blocks.reason]);
    if (!reason) {
      const t = translatorFor(metadata?.language ?? FALLBACK_LANGUAGE);
      await ack({ response_action: 'errors', errors: { [PairingIds.blocks.reason]: t('reports.chooseReason') } });
      return;
    }
    const pairingId = metadata?.pairingId;
    if (!pairingId) return void (await ack());
    const block = Array.isArray(form[PairingIds.blocks.block]) && (form[PairingIds.blocks.block] as string[]).includes(BLOCK_PAIR);
    // Saved before the form closes: if this fails, the person is told it was not sent (answer-failures).
    // Coordinators read the reason each in their own language.
    const result = await reportConcern(services, { pairingId, userId: s.userId, reason: reason.value, block });
    await ack();
    if (result.kind !== 'reported') return;
    deps.logger.info({ pairingId, reason: reason.value, blocked: block }, 'concern reported');
    if (result.ended) deps.metrics.pairingsEnded(result.ended.reason);
    await deps.effects.run([
      ...effects.send(result.outboxIds),
      ...(result.ended ? effects.afterPairingEnded(s.workspaceId, result.ended) : []),
    ]);
  });

  // Reports coordinators can act on (issue 15). The notice's button opens the reply form for the
  // report's initiative's coordinators only; anyone else is told so in the modal, and the submission is
  // checked again on the server.
  app.action(PairingIds.replyToReport, async ({ ack, body, client }) => {
    await ack();
    const a = parseAction(body);
    if (!a.value || !a.triggerId) return;
    const reportId = a.value;
    // In the coordinator's language, within a share of the trigger's 3 seconds (English after).
    const t = translatorFor(await deps.languages.of(client, a.userId, { workspaceId: a.workspaceId, withinMs: LANGUAGE_WITHIN_MS }));
    await openThenUpdate(
      client,
      a.triggerId,
      t,
      t('reports.coordinators.replyTitle'),
      async () => {
        const access = await reportForReply(services.db, { reportId, userId: a.userId });
        if (access.kind === 'gone') return renderReplyAnswer(t, t('reports.coordinators.reporterGone'));
        if (access.kind === 'not-coordinator') return renderReplyAnswer(t, t('reports.coordinators.notCoordinator'));
        const { report } = access;
        return renderReportReplyModal(t, { reportId: report.id, reporterPseudonym: report.reporterPseudonym, initiativeName: report.initiativeName, repliedAt: report.repliedAt });
      },
    );
  });

  // The reply is a person's words: sent straight to the reporter before the form closes, never stored,
  // logged or put in the outbox (like the relay). If Slack does not take it, the form stays open with
  // the words in it and says so. Answered in the language the form was shown in.
  app.view(PairingIds.reportReplyModal, async ({ ack, body, client }) => {
    const s = parseSubmission(body);
    const field = PairingIds.blocks.replyText;
    const metadata = parseJson(replyMetadata, s.privateMetadata);
    const t = translatorFor(metadata?.language ?? FALLBACK_LANGUAGE);
    const reportId = metadata?.reportId;
    if (!reportId) return void (await ack({ response_action: 'update', view: renderReplyAnswer(t, t('reports.coordinators.reporterGone')) }));
    const text = readForm(s.values)[field];
    if (typeof text !== 'string' || text.trim() === '') return void (await ack({ response_action: 'errors', errors: { [field]: t('reports.coordinators.replyEmpty') } }));
    if (text.length > REPORT_REPLY_MAX) {
      return void (await ack({ response_action: 'errors', errors: { [field]: t('reports.coordinators.replyTooLong', { max: REPORT_REPLY_MAX }) } }));
    }
    const result = await replyToReport(services, {
      reportId,
      userId: s.userId,
      deliver: async (report) => {
        // The reporter's language, briefly: the coordinator's form is waiting for its answer.
        const reporter = translatorFor(await deps.languages.of(client, report.reporterId, { workspaceId: s.workspaceId, withinMs: LANGUAGE_WITHIN_MS }));
        await client.chat.postMessage({
          channel: report.reporterId,
          ...renderReportReply({ initiativeName: report.initiativeName, reporterPseudonym: report.reporterPseudonym, text }, reporter),
        });
      },
    });
    if (result.kind === 'not-coordinator') return void (await ack({ response_action: 'errors', errors: { [field]: t('reports.coordinators.notCoordinator') } }));
    if (result.kind === 'gone') return void (await ack({ response_action: 'update', view: renderReplyAnswer(t, t('reports.coordinators.reporterGone')) }));
    if (result.kind === 'not-sent') {
      deps.logger.warn({ reportId, code: codeOf(result.error) }, 'a reply to a report could not be sent');
      return void (await ack({ response_action: 'errors', errors: { [field]: t('reports.coordinators.notSent') } }));
    }
    await ack({ response_action: 'update', view: renderReplyAnswer(t, t('reports.coordinators.replySent', { pseudonym: result.reporterPseudonym })) });
    deps.logger.info({ reportId }, 'a coordinator replied to a report');
  });
}
