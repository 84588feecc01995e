import type { KnownBlock } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import { z } from 'zod';
import type { Routes } from '../../slack/routes.js';
import { serviceDeps, type FeatureDeps } from '../../app-deps.js';
import { FALLBACK_LANGUAGE } from '../../domain/app-language.js';
import { crisisWordsOf, mentionsCrisis } from '../../domain/crisis.js';
import { resourcesIn } from '../../domain/initiative-texts.js';
import { effects } from '../../effects/effects.js';
import { translatorFor, type Translate } from '../../i18n/translate.js';
import { openThenUpdate } from '../common/flows.js';
import { metadataLanguage, parseAction, parseJson, parseSubmission } from '../common/payloads.js';
import { LANGUAGE_WITHIN_MS } from '../common/person-language.js';
import { readForm } from '../common/view-state.js';
import { REPORT_REASONS } from '../pairings/ids.js';
import { renderPlain } from '../requests/views.js';
import { CIRCLE_RELAY_PARALLEL, CircleRelayIds } from './relay-ids.js';
import {
  circleCopiesOf,
  circleOfThread,
  circleReportChoices,
  claimCircleCrisisNote,
  releaseCircleCrisisNote,
  forgetCircleCopies,
  previewsAmong,
  recordCircleCopies,
  reportCircleConcern,
  type CircleSeat,
  type CircleThread,
} from './relay-service.js';
import {
  renderCircleCrisisNote,
  renderCircleNote,
  renderCircleRelayed,
  renderCircleReportAnswer,
  renderCircleReportModal,
  renderPausedNote,
  slackDateTime,
  type CircleAuthor,
} from './relay-views.js';
import { pauseMember } from './service.js';
import { settleBounded } from '../../delivery/settle-bounded.js';

// The circles' anonymous group conversation (issue 20). A reply in someone's welcome thread reaches
// everyone else in the circle, in their own welcome thread, under the writer's circle pseudonym. The
// app has one `message` handler (src/features/relay/listeners.ts): it asks `circleRelay` whether a
// threaded reply is in a circle, and hands it over. The words are passed through in memory: never
// stored, never logged (DESIGN.md invariant 2). Also here: the crisis note's pause button and
// "Report a concern" in a circle.

/** A circle message, as the relay hands it over. */
export interface CircleMessage {
  workspaceId: string;
  thread: CircleThread;
  /** The original's ts in the writer's DM: the key of its copies. */
  ts: string;
  text: string;
  hasFiles: boolean;
}

export interface CircleRelay {
  /** The circle whose welcome thread `threadTs` is, for `userId`; null when it is none (one query). */
  inThread(workspaceId: string, userId: string, threadTs: string): Promise<CircleThread | null>;
  relay(client: WebClient, message: CircleMessage): Promise<void>;
  /** An edit of an original: every copy is updated. */
  mirrorEdit(client: WebClient, input: { workspaceId: string; thread: CircleThread; sourceTs: string; text: string }): Promise<void>;
  /** A deletion of an original: every copy is deleted. */
  mirrorDelete(client: WebClient, input: { thread: CircleThread; sourceTs: string }): Promise<void>;
}

function authorOf(seat: CircleSeat): CircleAuthor {
  // The writer's user id goes into a copy only once they chose to reveal it to the circle (invariant 1).
  return { pseudonym: seat.pseudonym, role: seat.role, revealedUserId: seat.revealed ? seat.userId : null };
}

type Reachable = CircleSeat & { channel: string; threadTs: string };
const reachable = (seat: CircleSeat): seat is Reachable => seat.channel !== null && seat.threadTs !== null;

export function circleRelay(deps: FeatureDeps): CircleRelay {
  const { db } = serviceDeps(deps);
  const logger = deps.logger;

  /** Someone's translator, from memory after the first message; a slow Slack never holds the circle back for long. */
  const translatorOf = async (client: WebClient, userId: string, workspaceId: string, initiativeId: string): Promise<Translate> =>
    translatorFor(await deps.languages.of(client, userId, { workspaceId, initiativeId, withinMs: LANGUAGE_WITHIN_MS }));

  /**
   * The facilitators' private note about a member whose words suggest a crisis: at most one a day per
   * member, claimed first so two replicas send it once. In each facilitator's welcome thread (broadcast
   * to their DM), in their language, naming the member by circle pseudonym only.
   */
  async function noteFacilitators(client: WebClient, message: CircleMessage): Promise<void> {
    const { sender, circle, others, initiative } = message.thread;
    const claimedAt = deps.clock.now();
    if (!(await claimCircleCrisisNote(db, sender.id, claimedAt))) return;
    const facilitators = others.filter((o) => o.role === 'facilitator');
    const results = await settleBounded(facilitators, CIRCLE_RELAY_PARALLEL, async (f) => {
      const t = await translatorOf(client, f.userId, message.workspaceId, circle.initiativeId);
      const note = renderCircleCrisisNote(t, { circleId: circle.id, pseudonym: sender.pseudonym, resources: resourcesIn(initiative, t.language) });
      // Without a welcome thread yet (it could not be posted), straight to their DM.
      await client.chat.postMessage(reachable(f) ? { channel: f.channel, thread_ts: f.threadTs, reply_broadcast: true, ...note } : { channel: f.userId, ...note });
    });
    for (const r of results) {
      if (r.status === 'rejected') logger.warn({ err: r.reason, code: 'circle_crisis_note_failed', circleId: circle.id }, 'a crisis note did not reach a facilitator');
    }
    // Nobody heard: the day's turn is given back, so the member's next such message tries again.
    if (facilitators.length > 0 && results.every((r) => r.status === 'rejected')) await releaseCircleCrisisNote(db, sender.id, claimedAt);
    logger.info({ circleId: circle.id, facilitators: facilitators.length }, 'circle crisis guidance sent');
  }

  /** Posts the words to everyone else in the circle, records where each copy went, and says how many did not go. */
  async function postCopies(client: WebClient, message: CircleMessage, recipients: readonly Reachable[]): Promise<{ missed: number; error?: unknown }> {
    const { sender, circle } = message.thread;
    const previews = await previewsAmong(db, recipients.map((r) => r.userId));
    const author = authorOf(sender);
    const results = await settleBounded(recipients, CIRCLE_RELAY_PARALLEL, async (to) => {
      // The notification text (previews off) and the author's name in the recipient's language.
      const t = await translatorOf(client, to.userId, message.workspaceId, circle.initiativeId);
      const posted = await client.chat.postMessage({
        channel: to.channel,
        thread_ts: to.threadTs,
        ...renderCircleRelayed(t, { author, text: message.text, previews: previews.has(to.userId) }),
      });
      return { toMemberId: to.id, mirrorTs: posted.ts };
    });
    const copies = results.flatMap((r) => (r.status === 'fulfilled' && r.value.mirrorTs ? [{ toMemberId: r.value.toMemberId, mirrorTs: r.value.mirrorTs }] : []));
    await recordCircleCopies(db, { circleId: circle.id, fromMemberId: sender.id, sourceTs: message.ts, copies });
    const failed = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    return { missed: failed.length, error: failed[0]?.reason };
  }

  return {
    inThread: (workspaceId, userId, threadTs) => circleOfThread(db, workspaceId, userId, threadTs),

    async relay(client, message) {
      const { sender, circle, others, initiative } = message.thread;
      const now = deps.clock.now();
      // What the app says to the writer goes in their welcome thread, in their language (read once, when needed).
      let senderT: Promise<Translate> | undefined;
      const writerT = () => (senderT ??= translatorOf(client, sender.userId, message.workspaceId, circle.initiativeId));
      const tell = async (note: { text: string; blocks: KnownBlock[] }) =>
        client.chat.postMessage({ channel: sender.channel ?? sender.userId, ...(sender.threadTs ? { thread_ts: sender.threadTs } : {}), ...note });

      if (circle.status !== 'open') {
        await tell(renderCircleNote((await writerT())('circles.relay.closed')));
        return;
      }
      const hasText = message.text.trim() !== '';
      // Only a member's words count: a facilitator writing about their own past is not a crisis in the circle.
      const crisis = hasText && sender.role === 'member' && mentionsCrisis(message.text, crisisWordsOf(initiative.crisisWords));

      if (sender.pausedUntil && sender.pausedUntil.getTime() > now.getTime()) {
        // Nothing is passed on. The writer is told kindly, with the resources; words that suggest a crisis
        // still reach the facilitators as a note (never the words themselves).
        const t = await writerT();
        await tell(renderPausedNote(t, { until: sender.pausedUntil, resources: resourcesIn(initiative, t.language) }));
        if (crisis) await noteFacilitators(client, message);
        logger.debug({ circleId: circle.id }, 'a paused member wrote: nothing relayed');
        return;
      }

      if (hasText) {
        const recipients = others.filter(reachable);
        if (recipients.length === 0) {
          await tell(renderCircleNote((await writerT())('circles.relay.nobodyYet')));
        } else {
          const { missed, error } = await postCopies(client, message, recipients);
          if (missed > 0) {
            // The text is never stored (invariant 2), so it cannot be sent again later: the writer is told
            // at once, and never left thinking everyone read it.
            logger.warn({ err: error, code: 'circle_relay_failed', circleId: circle.id, missed, of: recipients.length }, 'a circle message did not reach everyone');
            const t = await writerT();
            await tell(renderCircleNote(missed === recipients.length ? t('circles.relay.notPassedOn') : t('circles.relay.notReachedEveryone', { missed })));
          }
          logger.debug({ circleId: circle.id, copies: recipients.length - missed }, 'circle message relayed');
        }
        if (crisis) {
          // The member gets the resources at once, sent directly and never through the outbox: nothing is
          // stored that says a message touched on a crisis, but the day of the facilitators' note.
          const t = await writerT();
          await tell(renderCircleNote(t('circles.safety.memberLead'), resourcesIn(initiative, t.language)));
          await noteFacilitators(client, message);
        }
      }
      if (message.hasFiles) await tell(renderCircleNote((await writerT())('circles.relay.filesNotRelayed')));
    },

    async mirrorEdit(client, input) {
      const { sender, circle } = input.thread;
      const copies = (await circleCopiesOf(db, sender.id, input.sourceTs)).filter((c) => c.to.channel !== null);
      if (copies.length === 0) return;
      const previews = await previewsAmong(db, copies.map((c) => c.to.userId));
      const author = authorOf(sender);
      const results = await settleBounded(copies, CIRCLE_RELAY_PARALLEL, async (copy) => {
        const t = await translatorOf(client, copy.to.userId, input.workspaceId, circle.initiativeId);
        await client.chat.update({ channel: copy.to.channel!, ts: copy.mirrorTs, ...renderCircleRelayed(t, { author, text: input.text, previews: previews.has(copy.to.userId) }) });
      });
      const failed = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      if (failed.length > 0) logger.warn({ err: failed[0]!.reason, code: 'circle_edit_not_mirrored', circleId: circle.id, missed: failed.length }, 'an edit did not reach every copy');
    },

    async mirrorDelete(client, input) {
      const { sender, circle } = input.thread;
      const copies = (await circleCopiesOf(db, sender.id, input.sourceTs)).filter((c) => c.to.channel !== null);
      if (copies.length === 0) return;
      const results = await settleBounded(copies, CIRCLE_RELAY_PARALLEL, (copy) => client.chat.delete({ channel: copy.to.channel!, ts: copy.mirrorTs }));
      const failed = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      if (failed.length > 0) {
        // Kept, so deleting the original again can still reach the copies that stayed.
        logger.warn({ err: failed[0]!.reason, code: 'circle_delete_not_mirrored', circleId: circle.id, missed: failed.length }, 'a deletion did not reach every copy');
        return;
      }
      await forgetCircleCopies(db, sender.id, input.sourceTs);
    },
  };
}

const pauseValue = z.object({ circleId: z.string(), pseudonym: z.string() });
const reportMetadata = z.object({ circleId: z.string(), language: metadataLanguage });

/** The crisis note's pause button and "Report a concern" in a circle. Thin handlers (STYLE.md). */
export function register(app: Routes, deps: FeatureDeps): void {
  const services = serviceDeps(deps);
  const ephemeral = (text: string) => ({ ...renderPlain(text), replace_original: false, response_type: 'ephemeral' as const });
  const clickerT = async (client: WebClient, a: { userId: string; workspaceId: string }, withinMs?: number) =>
    translatorFor(await deps.languages.of(client, a.userId, { workspaceId: a.workspaceId, ...(withinMs ? { withinMs } : {}) }));

  // Only a facilitator of the circle, or a coordinator of its initiative, may pause: decided by
  // pauseMember from the database, whatever the button's value names.
  app.action(CircleRelayIds.crisisPause, async ({ ack, body, client, respond }) => {
    await ack();
    const a = parseAction(body);
    const target = parseJson(pauseValue, a.value);
    if (!target) return;
    const [result, t] = await Promise.all([pauseMember(services.db, { workspaceId: a.workspaceId, byUserId: a.userId, circleId: target.circleId, pseudonym: target.pseudonym, now: services.clock.now() }), clickerT(client, a)]);
    if (result.kind === 'paused') {
      deps.logger.info({ circleId: target.circleId }, 'a circle member was paused from a crisis note');
      await respond(ephemeral(t('circles.safety.pausedDone', { member: target.pseudonym, until: slackDateTime(t.language, result.until) })));
      return;
    }
    await respond(ephemeral(t(result.kind === 'not-allowed' ? 'circles.safety.pauseNotAllowed' : 'circles.safety.pauseNotFound')));
  });

  app.action(CircleRelayIds.report, async ({ ack, body, client }) => {
    await ack();
    const a = parseAction(body);
    if (!a.value || !a.triggerId) return;
    const circleId = a.value;
    // In the reporter's language, within a share of the trigger's 3 seconds (the initiative's, then English, after).
    const t = await clickerT(client, a, LANGUAGE_WITHIN_MS);
    await openThenUpdate(client, a.triggerId, t, t('reports.title'), async () => {
      const choices = await circleReportChoices(services.db, { workspaceId: a.workspaceId, circleId, userId: a.userId });
      if (choices.kind === 'not-member') return renderCircleReportAnswer(t, t('circles.report.notMember'));
      return renderCircleReportModal(t, { circleId, others: choices.others });
    });
  });

  app.view(CircleRelayIds.reportModal, async ({ ack, body }) => {
    const s = parseSubmission(body);
    const form = readForm(s.values);
    const metadata = parseJson(reportMetadata, s.privateMetadata);
    const t = translatorFor(metadata?.language ?? FALLBACK_LANGUAGE);
    const reason = REPORT_REASONS.find((r) => r.value === form[CircleRelayIds.blocks.reason]);
    if (!reason) return void (await ack({ response_action: 'errors', errors: { [CircleRelayIds.blocks.reason]: t('reports.chooseReason') } }));
    if (!metadata) return void (await ack());
    const about = form[CircleRelayIds.blocks.about];
    // Saved before the form answers: if this fails, the person is told it was not sent (answer-failures).
    const result = await reportCircleConcern(services, {
      workspaceId: s.workspaceId,
      circleId: metadata.circleId,
      userId: s.userId,
      reason: reason.value,
      aboutPseudonym: typeof about === 'string' ? about : null,
    });
    if (result.kind === 'not-member') return void (await ack({ response_action: 'update', view: renderCircleReportAnswer(t, t('circles.report.notMember')) }));
    await ack({ response_action: 'update', view: renderCircleReportAnswer(t, t('circles.report.sent', { pseudonym: result.reporterPseudonym })) });
    deps.logger.info({ circleId: metadata.circleId, reason: reason.value }, 'concern reported in a circle');
    await deps.effects.run(effects.send(result.outboxIds));
  });
}
