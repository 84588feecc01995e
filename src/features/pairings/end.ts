import type { Tx } from '../../db/client.js';
import { enqueue, outboxKey, type OutboxEntry, type RenderedMessage } from '../../outbox/outbox.js';
import { cancelForPairing, scheduleWaitingUpdate } from '../check-ins/service.js';
import { incrementCount } from '../common/anonymous-counts.js';
import * as copy from './copy.js';
import { releaseSlot } from './offers.js';
import { getPairing, type Pairing, type Side } from './pairing-row.js';
import { renderNote, renderSeekerEnding } from './views.js';

// The one way a pairing ends (STYLE.md "One owner per lifecycle"), whatever the reason: the person
// pressed End, the seeker asked for someone else, a check-in answer, a planned ending after N weeks
// (issue 15), a report, the listener stopped, or someone erased their data. Inside the caller's
// transaction: the pairing ends once, the slot is given back, its check-ins are cancelled, it is
// counted, the request waits again or closes, and the kind notes to each side are written to the
// outbox, so they arrive even if the process dies now.

/** 'erased' by 'listener': the listener erased their data (the seeker is found someone else). */
export type EndReason = 'ended' | 'someone_else' | 'listener_stopped' | 'reported' | 'erased' | 'planned';

export interface Ended {
  pairing: Pairing;
  /** Why it ended (counted for operators, src/metrics). */
  reason: EndReason;
  /** The request waits for someone else (someone else, or the listener left). */
  requeued: boolean;
  outboxIds: string[];
}

/** The listener left (stopped, or erased their data): the seeker's request waits for someone else. */
function listenerLeft(by: Side | 'system', reason: EndReason): boolean {
  return reason === 'listener_stopped' || (reason === 'erased' && by === 'listener');
}

/**
 * What each side is told; null where that side is not told (they erased their data). The listener's
 * note always ends with a thank-you naming the seeker by pseudonym (issue 15), however it ended.
 */
export function endNotes(by: Side | 'system', reason: EndReason, seekerPseudonym: string): Record<Side, string | null> {
  const seeker =
    reason === 'someone_else'
      ? copy.SOMEONE_ELSE_SEEKER
      : listenerLeft(by, reason)
        ? copy.LISTENER_STOPPED_SEEKER
        : reason === 'erased' && by === 'seeker'
          ? null
          : reason === 'planned'
            ? by === 'seeker'
              ? copy.PLANNED_BY_YOU
              : copy.PLANNED_FOR_SEEKER
            : by === 'seeker'
              ? copy.ENDED_BY_YOU
              : copy.ENDED_FOR_SEEKER_BY_LISTENER;
  const listener =
    reason === 'erased' && by === 'listener'
      ? null
      : reason === 'listener_stopped'
        ? copy.LISTENER_STOPPED_LISTENER
        : reason === 'someone_else'
          ? copy.SOMEONE_ELSE_LISTENER
          : reason === 'planned'
            ? by === 'listener'
              ? copy.PLANNED_BY_YOU
              : copy.PLANNED_FOR_LISTENER
            : by === 'listener'
              ? copy.ENDED_BY_YOU
              : copy.ENDED_BY_OTHER;
  return { seeker, listener: listener === null ? null : `${listener}\n\n${copy.listenerThanks(seekerPseudonym)}` };
}

/** A note to one side of a pairing, in its conversation's thread (broadcast to the DM). */
export function pairingNote(pairing: Pairing, side: Side, workspaceId: string, key: string, message: RenderedMessage): OutboxEntry {
  const threadTs = side === 'seeker' ? pairing.seekerThreadTs : pairing.listenerThreadTs;
  return {
    key,
    workspaceId,
    recipientId: side === 'seeker' ? pairing.seekerId : pairing.listenerUserId,
    subjectId: pairing.id,
    message: {
      kind: 'message',
      channel: side === 'seeker' ? pairing.seekerChannel : pairing.listenerChannel,
      threadTs,
      broadcast: threadTs !== null,
      message,
    },
  };
}

/** Ends an active pairing once, inside `tx`; null if it had already ended. */
export async function endPairingIn(tx: Tx, input: { pairingId: string; by: Side | 'system'; reason: EndReason; now: Date }): Promise<Ended | null> {
  const { now } = input;
  const ended = await tx.pairing.updateMany({
    where: { id: input.pairingId, status: 'active' },
    data: { status: 'ended', endedAt: now, endedBy: input.by, endReason: input.reason },
  });
  if (ended.count !== 1) return null;
  const pairing = (await getPairing(tx, input.pairingId))!;
  await releaseSlot(tx, pairing.listenerId);
  await cancelForPairing(tx, pairing.id);
  await incrementCount(tx, { initiativeId: pairing.initiativeId, metric: 'pairing_ended', at: now });
  const requeued = input.reason === 'someone_else' || listenerLeft(input.by, input.reason);
  const initiative = await tx.initiative.findUniqueOrThrow({
    where: { id: pairing.initiativeId },
    select: { id: true, checkInEveryDays: true, workspaceId: true, name: true, resources: true },
  });
  await tx.supportRequest.update({
    where: { id: pairing.requestId },
    data: requeued ? { status: 'waiting', waitingChannel: null, waitingMessageTs: null } : { status: 'closed', closedReason: input.reason === 'erased' ? 'erased' : 'ended', closedAt: now },
  });
  if (requeued) await scheduleWaitingUpdate(tx, { id: pairing.requestId, seekerId: pairing.seekerId }, initiative, now);
  const notes = endNotes(input.by, input.reason, pairing.seekerPseudonym);
  const entries = (['seeker', 'listener'] as const).flatMap((side) => {
    const text = notes[side];
    if (!text) return [];
    // A kind ending (issue 14): a seeker whose conversation is over (not one being found someone else)
    // gets the resources, a way to ask again and "Did this help?". The resources are the initiative's
    // own copy, which the outbox may hold.
    const message =
      side === 'seeker' && !requeued
        ? renderSeekerEnding({ text, pairingId: pairing.id, initiativeName: initiative.name, resources: initiative.resources })
        : renderNote(text);
    return [pairingNote(pairing, side, initiative.workspaceId, outboxKey.ended(pairing.id, side), message)];
  });
  return { pairing, reason: input.reason, requeued, outboxIds: await enqueue(tx, now, entries) };
}
