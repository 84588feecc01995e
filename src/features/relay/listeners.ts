import type { Routes } from '../../slack/routes.js';
import type { WebClient } from '@slack/web-api';
import { z } from 'zod';
import { serviceDeps, type FeatureDeps } from '../../app-deps.js';
import { crisisWordsOf, mentionsCrisis } from '../../domain/crisis.js';
import { messageNotPassedOn } from '../common/copy.js';
import { resourcesIn } from '../../domain/initiative-texts.js';
import { isNewDirectMessage, type EventClaim } from '../events/dedupe.js';
import { coordinatorsOf } from '../initiatives/service.js';
import { claimCrisisNote, releaseCrisisNote, type Pairing, type Side } from '../pairings/service.js';
import { renderCrisisNote, renderNote, renderRelayed } from '../pairings/views.js';
import { previewsOn } from '../preferences/service.js';
import { safetyNetOf } from '../safety/service.js';
import { renderSafetyNet } from '../safety/views.js';
import { translatorFor, type Translate } from '../../i18n/translate.js';
import { activePairingsOf } from '../pairings/service.js';
import { circleRelay } from '../circles/relay.js';
import { crisisWordsFor, findMirror, findOriginalOfMirror, pairingOfThread, readMessageContext, recordRelayed, resourcesFor, routeAmong } from './service.js';

// The anonymous relay: what either person writes to the app in their DM goes to the other under the
// sender's pseudonym. The text is passed through in memory: never stored, never logged (invariant 2).
// A reply in the welcome thread of a circle (issue 20) goes to the circle instead (src/features/circles/
// relay.ts): the app has one `message` handler, and this is it. Pairing threads go to their pairing, a
// circle's thread to its circle, and a DM outside any thread is routed as it always was.

const messageEvent = z.object({
  channel_type: z.string().optional(),
  channel: z.string(),
  user: z.string().optional(),
  bot_id: z.string().optional(),
  subtype: z.string().optional(),
  text: z.string().optional(),
  ts: z.string(),
  thread_ts: z.string().optional(),
  files: z.array(z.unknown()).optional(),
  message: z.object({ user: z.string().optional(), text: z.string().optional(), ts: z.string(), thread_ts: z.string().optional() }).optional(),
  previous_message: z.object({ user: z.string().optional(), ts: z.string(), thread_ts: z.string().optional() }).optional(),
  deleted_ts: z.string().optional(),
});

const reactionEvent = z.object({
  user: z.string(),
  reaction: z.string(),
  item: z.object({ type: z.string(), channel: z.string().optional(), ts: z.string().optional() }),
});

function other(side: Side): Side {
  return side === 'seeker' ? 'listener' : 'seeker';
}

function channelOf(pairing: Pairing, side: Side): string {
  return side === 'seeker' ? pairing.seekerChannel : pairing.listenerChannel;
}

/** The Slack user id of one side: whose notification previews decide a relayed message's text. */
function recipientOf(pairing: Pairing, side: Side): string {
  return side === 'seeker' ? pairing.seekerId : pairing.listenerUserId;
}

function threadOf(pairing: Pairing, side: Side): string | null {
  return side === 'seeker' ? pairing.seekerThreadTs : pairing.listenerThreadTs;
}

/** Thread arguments for a note about `pairing` in `side`'s DM: its introduction's thread, broadcast. */
function inThread(pairing: Pairing, side: Side) {
  const ts = threadOf(pairing, side);
  return ts ? { thread_ts: ts, reply_broadcast: true } : {};
}

/** How long the relay waits for a person's language before it words its own notes in the initiative's. */
const RELAY_LANGUAGE_MS = 800;

export function register(app: Routes, deps: FeatureDeps): void {
  const services = serviceDeps(deps);
  const circles = circleRelay(deps);

  async function tell(client: WebClient, channel: string, text: string, threadTs?: string) {
    await client.chat.postMessage({ channel, ...(threadTs ? { thread_ts: threadTs } : {}), ...renderNote(text) });
  }

  /**
   * Someone's translator (issue 19): their choice, Slack's locale or the initiative's language. From
   * memory after the first message; a slow Slack never holds a relayed message back for long (the
   * initiative's language then).
   */
  async function translatorOf(client: WebClient, userId: string, workspaceId: string, initiativeId?: string): Promise<Translate> {
    return translatorFor(await deps.languages.of(client, userId, { workspaceId, initiativeId, withinMs: RELAY_LANGUAGE_MS }));
  }

  app.event('message', async ({ event, context, client }) => {
    const parsed = messageEvent.safeParse(event);
    if (!parsed.success) return;
    const e = parsed.data;
    if (e.channel_type !== 'im' || e.bot_id) return;

    if (e.subtype === 'message_changed') {
      const edited = e.message;
      if (!edited?.user || edited.text === undefined) return;
      const workspaceId = context.teamId ?? '';
      const threadTs = edited.thread_ts ?? null;
      const mine = await activePairingsOf(services.db, workspaceId, edited.user);
      const circle = threadTs && !pairingOfThread(mine, threadTs) ? await circles.inThread(workspaceId, edited.user, threadTs) : null;
      if (circle) return void (await circles.mirrorEdit(client, { workspaceId, thread: circle, sourceTs: edited.ts, text: edited.text }));
      const route = await routeAmong(services.db, workspaceId, mine, threadTs);
      if (route.kind !== 'pairing') return;
      const mirror = await findMirror(services.db, route.pairing.id, route.side, edited.ts);
      if (!mirror) return;
      const pseudonym = route.side === 'seeker' ? route.pairing.seekerPseudonym : route.pairing.listenerPseudonym;
      const recipient = recipientOf(route.pairing, other(route.side));
      const [previews, t] = await Promise.all([previewsOn(services.db, recipient), translatorOf(client, recipient, context.teamId ?? '', route.pairing.initiativeId)]);
      await client.chat.update({ channel: channelOf(route.pairing, other(route.side)), ts: mirror, ...renderRelayed(pseudonym, edited.text, { previews, t }) });
      return;
    }

    if (e.subtype === 'message_deleted') {
      const author = e.previous_message?.user;
      const ts = e.deleted_ts ?? e.previous_message?.ts;
      if (!author || !ts) return;
      // A reply in a conversation's thread names its pairing, as for new messages and edits: without
      // it, someone in two conversations could not delete a message they had sent. A circle's thread
      // names its circle.
      const workspaceId = context.teamId ?? '';
      const threadTs = e.previous_message?.thread_ts ?? null;
      const mine = await activePairingsOf(services.db, workspaceId, author);
      const circle = threadTs && !pairingOfThread(mine, threadTs) ? await circles.inThread(workspaceId, author, threadTs) : null;
      if (circle) return void (await circles.mirrorDelete(client, { thread: circle, sourceTs: ts }));
      const route = await routeAmong(services.db, workspaceId, mine, threadTs);
      if (route.kind !== 'pairing') return;
      const mirror = await findMirror(services.db, route.pairing.id, route.side, ts);
      if (mirror) await client.chat.delete({ channel: channelOf(route.pairing, other(route.side)), ts: mirror });
      return;
    }

    if (!isNewDirectMessage(e)) return;
    const hasFiles = (e.files?.length ?? 0) > 0 || e.subtype === 'file_share';
    const text = e.text ?? '';
    // The route and, should there be no conversation, the safety net's rows: one statement (issue 17).
    // On PostgreSQL the event's dedupe claim is part of that statement (src/features/events/dedupe.ts).
    const read = await readMessageContext(services.db, context.teamId ?? '', e.user, context.eventClaim as EventClaim | undefined);
    if (!read.fresh) return;
    const threadTs = e.thread_ts ?? null;
    // Only a threaded reply that is in none of the person's pairings' threads asks whether it is in a
    // circle's: a DM outside a thread, or in a pairing's thread, pays nothing more (issue 17).
    if (threadTs && !pairingOfThread(read.mine, threadTs)) {
      const circle = await circles.inThread(context.teamId ?? '', e.user, threadTs);
      if (circle) return void (await circles.relay(client, { workspaceId: context.teamId ?? '', thread: circle, ts: e.ts, text, hasFiles }));
    }
    const route = await routeAmong(services.db, context.teamId ?? '', read.mine, threadTs);
    if (route.kind === 'none') {
      // Outside a conversation: the safety net (issue 14). The words are checked for crisis words in
      // memory and go no further: not stored, not logged, not quoted back (invariant 2).
      const [net, language] = await Promise.all([
        safetyNetOf(services.db, read.safetyNet, context.teamId ?? '', e.user),
        deps.languages.of(client, e.user, { workspaceId: context.teamId ?? '' }),
      ]);
      const crisis = mentionsCrisis(text, net.crisisWords);
      const safetyNet = renderSafetyNet(translatorFor(language), { resources: net.resources, crisis, requests: net.requests });
      await client.chat.postMessage({ channel: e.channel, ...safetyNet });
      return;
    }
    const workspaceId = context.teamId ?? '';
    if (route.kind === 'ambiguous') {
      await tell(client, e.channel, (await translatorOf(client, e.user, workspaceId))('pairings.whichPairing'));
      return;
    }
    const { pairing, side } = route;
    const to = other(side);
    // What the app itself says to the sender (a note, a refusal), in their language; read once, when needed.
    const senderT = () => translatorOf(client, e.user, workspaceId, pairing.initiativeId);
    if (text.trim() !== '') {
      const pseudonym = side === 'seeker' ? pairing.seekerPseudonym : pairing.listenerPseudonym;
      const thread = route.counterpartHasOthers ? threadOf(pairing, to) : null;
      const recipient = recipientOf(pairing, to);
      let posted: { ts?: string };
      try {
        // The notification text (previews off) in the recipient's language: from memory after their first message.
        const [previews, t] = await Promise.all([previewsOn(services.db, recipient), translatorOf(client, recipient, workspaceId, pairing.initiativeId)]);
        posted = await client.chat.postMessage({
          channel: channelOf(pairing, to),
          ...(thread ? { thread_ts: thread } : {}),
          ...renderRelayed(pseudonym, text, { previews, t }),
        });
      } catch (error) {
        // The text is never stored (invariant 2), so it cannot be sent later: the sender is told at
        // once that it was not passed on, and can send it again.
        deps.logger.warn({ err: error, code: 'relay_failed', pairingId: pairing.id }, 'a message was not relayed');
        await tell(client, e.channel, messageNotPassedOn(await senderT()), e.thread_ts);
        return;
      }
      if (posted.ts) await recordRelayed(services.db, { pairingId: pairing.id, fromSide: side, sourceTs: e.ts, mirrorTs: posted.ts });
      deps.logger.debug({ pairingId: pairing.id, from: side }, 'message relayed');

      if (side === 'seeker' && mentionsCrisis(text, crisisWordsOf(await crisisWordsFor(services.db, pairing.initiativeId)))) {
        // Only the seeker's words count (issue 14): a listener writing about their own past is not a
        // crisis in this conversation. The seeker gets the resources, sent directly and never through
        // the outbox; the listener's note goes at most once a day, claimed with one conditional update
        // so two replicas send it once. Only that time is stored, never the words (invariant 2). Each
        // goes in its conversation's thread (broadcast to the DM), so a listener in two conversations
        // knows which one it is about.
        // Each in its reader's language, with the initiative's resources in it where written (issue 19).
        // The seeker's message went: a note Slack does not take is logged, never answered with "your
        // message was not passed on" (the failure middleware's answer to a DM), and the listener's claim
        // is given back so the seeker's next crisis message tries again.
        const [initiative, seekerT] = await Promise.all([resourcesFor(services.db, pairing.initiativeId), senderT()]);
        try {
          await client.chat.postMessage({
            channel: pairing.seekerChannel,
            ...inThread(pairing, 'seeker'),
            ...renderNote(seekerT('pairings.crisis.seekerLead'), resourcesIn(initiative, seekerT.language)),
          });
        } catch (error) {
          deps.logger.warn({ err: error, code: 'crisis_resources_not_sent', pairingId: pairing.id }, "the seeker's crisis resources were not sent");
        }
        const claimedAt = await claimCrisisNote(services, pairing.id);
        if (claimedAt) {
          try {
            const [coordinatorIds, listenerT] = await Promise.all([
              coordinatorsOf(services.db, pairing.initiativeId),
              translatorOf(client, pairing.listenerUserId, workspaceId, pairing.initiativeId),
            ]);
            await client.chat.postMessage({
              channel: pairing.listenerChannel,
              ...inThread(pairing, 'listener'),
              ...renderCrisisNote(listenerT, { pairingId: pairing.id, resources: resourcesIn(initiative, listenerT.language), coordinatorIds }),
            });
          } catch (error) {
            deps.logger.warn({ err: error, code: 'crisis_note_not_sent', pairingId: pairing.id }, "the listener's crisis note was not sent; the next crisis message tries again");
            await releaseCrisisNote(services.db, pairing.id, claimedAt);
          }
        }
        deps.logger.info({ pairingId: pairing.id }, 'crisis guidance sent');
      }
    }
    if (hasFiles) await tell(client, e.channel, (await senderT())('pairings.filesNotRelayed'), e.thread_ts);
  });

  // A reaction to a relayed copy is mirrored onto the original, as the app (Slack allows no more).
  for (const kind of ['reaction_added', 'reaction_removed'] as const) {
    app.event(kind, async ({ event, context, client }) => {
      const parsed = reactionEvent.safeParse(event);
      if (!parsed.success || parsed.data.item.type !== 'message' || !parsed.data.item.ts) return;
      const found = await findOriginalOfMirror(services.db, context.teamId ?? '', parsed.data.user, parsed.data.item.ts);
      if (!found) return;
      const args = { channel: channelOf(found.pairing, found.originalSide), timestamp: found.originalTs, name: parsed.data.reaction };
      try {
        if (kind === 'reaction_added') await client.reactions.add(args);
        else await client.reactions.remove(args);
      } catch (error) {
        deps.logger.debug({ err: error, code: 'reaction_not_mirrored' }, 'reaction not mirrored');
      }
    });
  }
}
