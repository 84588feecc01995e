import type { Tx } from '../../db/client.js';
import { enqueue, outboxKey, type OutboxEntry, type RenderedMessage } from '../../outbox/outbox.js';
import { cancelForPairing, scheduleWaitingUpdate } from '../check-ins/service.js';
import { incrementCount } from '../common/anonymous-counts.js';
import * as copy from './copy.js';
import { END_NOTE_KEYS, type EndNote, type PairingNoteKey } from './copy.js';
import type { Translate } from '../../i18n/translate.js';
import { releaseSlot } from './offers.js';
import { getPairing, type Pairing, type Side } from './pairing-row.js';

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
 * What each side is told; null where that side is not told (they erased their data). Worded when sent,
 * in each side's language (endNoteText).
 */
export function endNotes(by: Side | 'system', reason: EndReason): Record<Side, EndNote | null> {
  const seeker: EndNote | null =
    reason === 'someone_else'
      ? 'someoneElseSeeker'
      : listenerLeft(by, reason)
        ? 'listenerStoppedSeeker'
        : reason === 'erased' && by === 'seeker'
          ? null
          : reason === 'planned'
            ? by === 'seeker'
              ? 'plannedByYou'
              : 'plannedForSeeker'
            : by === 'seeker'
              ? 'byYou'
              : 'forSeekerByListener';
  const listener: EndNote | null =
    reason === 'erased' && by === 'listener'
      ? null
      : reason === 'listener_stopped'
        ? 'listenerStoppedListener'
        : reason === 'someone_else'
          ? 'someoneElseListener'
          : reason === 'planned'
            ? by === 'listener'
              ? 'plannedByYou'
              : 'plannedForListener'
            : by === 'listener'
              ? 'byYou'
              : 'byOther';
  return { seeker, listener };
}

/** A note's words in one language. The listener's always ends with a thank-you naming the seeker by pseudonym (issue 15). */
export function endNoteText(t: Translate, side: Side, note: EndNote, seekerPseudonym: string): string {
  const text = t(END_NOTE_KEYS[note]);
  return side === 'listener' ? `${text}\n\n${copy.listenerThanks(t, seekerPseudonym)}` : text;
}

/** Where a note to one side of a pairing goes: its conversation's thread, broadcast to the DM. */
function noteTarget(pairing: Pairing, side: Side) {
  const threadTs = side === 'seeker' ? pairing.seekerThreadTs : pairing.listenerThreadTs;
  return { channel: side === 'seeker' ? pairing.seekerChannel : pairing.listenerChannel, threadTs, broadcast: threadTs !== null };
}

/**
 * The app's own note to one side of a pairing, worded when sent in that side's language (issue 19): in
 * its conversation's thread (broadcast to the DM). With `revealButton`, the offer to share names.
 */
export function pairingCopyNote(
  pairing: Pairing,
  side: Side,
  workspaceId: string,
  key: string,
  note: { note: PairingNoteKey; values?: Record<string, string>; revealButton?: string },
): OutboxEntry {
  return {
    key,
    workspaceId,
    recipientId: side === 'seeker' ? pairing.seekerId : pairing.listenerUserId,
    subjectId: pairing.id,
    message: { kind: 'note', ...noteTarget(pairing, side), initiativeId: pairing.initiativeId, ...note },
  };
}

/** A note to one side of a pairing, in its conversation's thread (broadcast to the DM). */
export function pairingNote(pairing: Pairing, side: Side, workspaceId: string, key: string, message: RenderedMessage): OutboxEntry {
  return {
    key,
    workspaceId,
    recipientId: side === 'seeker' ? pairing.seekerId : pairing.listenerUserId,
    subjectId: pairing.id,
    message: { kind: 'message', ...noteTarget(pairing, side), message },
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
    select: { id: true, checkInEveryDays: true, workspaceId: true },
  });
  await tx.supportRequest.update({
    where: { id: pairing.requestId },
    data: requeued ? { status: 'waiting', waitingChannel: null, waitingMessageTs: null } : { status: 'closed', closedReason: input.reason === 'erased' ? 'erased' : 'ended', closedAt: now },
  });
  if (requeued) await scheduleWaitingUpdate(tx, { id: pairing.requestId, seekerId: pairing.seekerId }, initiative, now);
  const notes = endNotes(input.by, input.reason);
  const entries = (['seeker', 'listener'] as const).flatMap((side): OutboxEntry[] => {
    const note = notes[side];
    if (!note) return [];
    // Rendered when sent, in that side's language (issue 19). A kind ending (issue 14): a seeker whose
    // conversation is over (not one being found someone else) gets the resources, a way to ask again
    // and "Did this help?". The row holds only which note, the pseudonym and ids: erasing the pairing
    // leaves the note to the other side intact.
    return [
      {
        key: outboxKey.ended(pairing.id, side),
        workspaceId: initiative.workspaceId,
        recipientId: side === 'seeker' ? pairing.seekerId : pairing.listenerUserId,
        subjectId: pairing.id,
        message: {
          kind: 'pairing_end',
          ...noteTarget(pairing, side),
          pairingId: pairing.id,
          initiativeId: initiative.id,
          side,
          note,
          seekerPseudonym: pairing.seekerPseudonym,
          kindEnding: side === 'seeker' && !requeued,
        },
      },
    ];
  });
  return { pairing, reason: input.reason, requeued, outboxIds: await enqueue(tx, now, entries) };
}
