import type { Tx } from '../../db/client.js';
import { scheduleWaitingUpdate } from '../check-ins/service.js';
import { incrementCount } from '../common/anonymous-counts.js';
import { releaseSlot } from '../requests/matching.js';
import { getPairing, type Pairing } from './service.js';

// When a person leaves (a listener stops, or anyone erases their data), their offers and pairings end
// before their rows go, so the other person is told and nobody is left holding a slot.

export interface ListenerWithdrawal {
  /** Pairings that ended; their requests are waiting again for someone else. */
  endedPairings: Pairing[];
  /** Requests whose open offer to this listener was withdrawn; waiting again. */
  requeuedRequestIds: string[];
}

export async function withdrawListener(tx: Tx, profileId: string, now: Date): Promise<ListenerWithdrawal> {
  const offers = await tx.offer.findMany({ where: { listenerId: profileId, status: 'pending' } });
  for (const offer of offers) {
    await tx.offer.update({ where: { id: offer.id }, data: { status: 'withdrawn', respondedAt: now } });
    await tx.supportRequest.updateMany({ where: { id: offer.requestId, status: 'offered' }, data: { status: 'waiting' } });
  }
  const active = await tx.pairing.findMany({ where: { listenerId: profileId, status: 'active' }, select: { id: true } });
  const endedPairings: Pairing[] = [];
  for (const { id } of active) {
    await tx.pairing.update({ where: { id }, data: { status: 'ended', endedAt: now, endedBy: 'listener', endReason: 'listener_stopped' } });
    const pairing = (await getPairing(tx, id))!;
    await tx.supportRequest.update({ where: { id: pairing.requestId }, data: { status: 'waiting' } });
    await incrementCount(tx, { initiativeId: pairing.initiativeId, metric: 'pairing_ended', at: now });
    const initiative = await tx.initiative.findUniqueOrThrow({ where: { id: pairing.initiativeId }, select: { id: true, checkInEveryDays: true } });
    await scheduleWaitingUpdate(tx, { id: pairing.requestId, seekerId: pairing.seekerId }, initiative, now);
    endedPairings.push(pairing);
  }
  return { endedPairings, requeuedRequestIds: offers.map((o) => o.requestId) };
}

export interface SeekerWithdrawal {
  /** Pairings that ended because the seeker left; the listener is told. */
  endedPairings: Pairing[];
  /** Offers withdrawn from listeners, to update their offer messages. */
  withdrawnOffers: { channel: string | null; messageTs: string | null }[];
}

/** Ends a seeker's open requests in a workspace: offers withdrawn, pairings ended, slots released. */
export async function withdrawSeeker(tx: Tx, workspaceId: string, seekerId: string, now: Date): Promise<SeekerWithdrawal> {
  const requests = await tx.supportRequest.findMany({
    where: { seekerId, initiative: { workspaceId }, status: { in: ['waiting', 'offered', 'paired'] } },
    select: { id: true },
  });
  const endedPairings: Pairing[] = [];
  const withdrawnOffers: SeekerWithdrawal['withdrawnOffers'] = [];
  for (const { id } of requests) {
    const offers = await tx.offer.findMany({ where: { requestId: id, status: 'pending' } });
    for (const offer of offers) {
      await tx.offer.update({ where: { id: offer.id }, data: { status: 'withdrawn', respondedAt: now } });
      await releaseSlot(tx, offer.listenerId);
      withdrawnOffers.push({ channel: offer.channel, messageTs: offer.messageTs });
    }
    const active = await tx.pairing.findMany({ where: { requestId: id, status: 'active' }, select: { id: true } });
    for (const p of active) {
      await tx.pairing.update({ where: { id: p.id }, data: { status: 'ended', endedAt: now, endedBy: 'seeker', endReason: 'erased' } });
      const pairing = (await getPairing(tx, p.id))!;
      await incrementCount(tx, { initiativeId: pairing.initiativeId, metric: 'pairing_ended', at: now });
      await releaseSlot(tx, pairing.listenerId);
      endedPairings.push(pairing);
    }
    await tx.supportRequest.update({ where: { id }, data: { status: 'closed', closedReason: 'erased', closedAt: now } });
  }
  return { endedPairings, withdrawnOffers };
}
