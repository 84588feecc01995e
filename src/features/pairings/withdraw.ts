import type { Tx } from '../../db/client.js';
import { removeListenerCheckIns } from '../check-ins/service.js';
import { endPairingIn, type Ended } from './end.js';
import { withdrawOffers } from './offers.js';

// When a person leaves (a listener stops, or anyone erases their data), their offers and pairings end
// before their rows go, through the same paths as everything else (offers.ts, end.ts), so the other
// person is told (outbox) and nobody is left holding a slot.

export interface Withdrawal {
  ended: Ended[];
  /** Requests waiting again (their listener left); the caller re-matches their initiatives. */
  requeuedRequestIds: string[];
  outboxIds: string[];
}

/**
 * A listener leaves: `'listener_stopped'` when they stop (each conversation's thread thanks them), or
 * `'erased'` when they erase their data (they are sent nothing more). Either way the seekers are found
 * someone else, and the listener's own check-ins go.
 */
export async function withdrawListener(tx: Tx, profileId: string, now: Date, reason: 'listener_stopped' | 'erased' = 'listener_stopped'): Promise<Withdrawal> {
  const offers = await withdrawOffers(tx, { listenerId: profileId }, now);
  const active = await tx.pairing.findMany({ where: { listenerId: profileId, status: 'active' }, select: { id: true } });
  const ended: Ended[] = [];
  for (const { id } of active) {
    const done = await endPairingIn(tx, { pairingId: id, by: 'listener', reason, now });
    if (done) ended.push(done);
  }
  await removeListenerCheckIns(tx, profileId);
  return {
    ended,
    requeuedRequestIds: [...offers.requestIds, ...ended.map((e) => e.pairing.requestId)],
    outboxIds: [...offers.outboxIds, ...ended.flatMap((e) => e.outboxIds)],
  };
}

/** Ends a seeker's open requests in a workspace: offers withdrawn, pairings ended, requests closed. */
export async function withdrawSeeker(tx: Tx, workspaceId: string, seekerId: string, now: Date): Promise<Withdrawal> {
  const requests = await tx.supportRequest.findMany({
    where: { seekerId, initiative: { workspaceId }, status: { in: ['waiting', 'offered', 'paired'] } },
    select: { id: true },
  });
  const ended: Ended[] = [];
  const outboxIds: string[] = [];
  for (const { id } of requests) {
    // Closed first, so a withdrawn offer does not put it back in the queue.
    await tx.supportRequest.update({ where: { id }, data: { status: 'closed', closedReason: 'erased', closedAt: now } });
    outboxIds.push(...(await withdrawOffers(tx, { requestId: id }, now)).outboxIds);
    const active = await tx.pairing.findMany({ where: { requestId: id, status: 'active' }, select: { id: true } });
    for (const p of active) {
      const done = await endPairingIn(tx, { pairingId: p.id, by: 'seeker', reason: 'erased', now });
      if (done) {
        ended.push(done);
        outboxIds.push(...done.outboxIds);
      }
    }
  }
  return { ended, requeuedRequestIds: [], outboxIds };
}
