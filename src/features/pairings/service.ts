import type { Db, Tx } from '../../db/client.js';
import { pickPseudonym, type Random } from '../../domain/pseudonyms.js';
import type { ServiceDeps } from '../initiatives/service.js';
import { weekStart } from '../../domain/weeks.js';
import { cancelForPairing, scheduleForPairing, scheduleWaitingUpdate } from '../check-ins/service.js';
import { incrementCount } from '../common/anonymous-counts.js';
import { releaseSlot } from '../requests/matching.js';

// Offers answered, pairings started and ended, mutual reveal, reports. Each state change is one
// conditional update inside a transaction, so a double click or a second process changes nothing twice.

export type Side = 'seeker' | 'listener';

export interface Pairing {
  id: string;
  requestId: string;
  initiativeId: string;
  listenerId: string;
  seekerId: string;
  listenerUserId: string;
  seekerPseudonym: string;
  listenerPseudonym: string;
  seekerChannel: string;
  listenerChannel: string;
  seekerThreadTs: string | null;
  listenerThreadTs: string | null;
  status: 'active' | 'ended';
  seekerRevealed: boolean;
  listenerRevealed: boolean;
}

type PairingRow = Omit<Pairing, 'initiativeId' | 'status'> & { status: string; request: { initiativeId: string } };

function toPairing(row: PairingRow): Pairing {
  return {
    id: row.id,
    requestId: row.requestId,
    initiativeId: row.request.initiativeId,
    listenerId: row.listenerId,
    seekerId: row.seekerId,
    listenerUserId: row.listenerUserId,
    seekerPseudonym: row.seekerPseudonym,
    listenerPseudonym: row.listenerPseudonym,
    seekerChannel: row.seekerChannel,
    listenerChannel: row.listenerChannel,
    seekerThreadTs: row.seekerThreadTs,
    listenerThreadTs: row.listenerThreadTs,
    status: row.status === 'active' ? 'active' : 'ended',
    seekerRevealed: row.seekerRevealed,
    listenerRevealed: row.listenerRevealed,
  };
}

const withRequest = { request: { select: { initiativeId: true } } };

export async function getPairing(db: Db | Tx, pairingId: string): Promise<Pairing | null> {
  const row = await db.pairing.findUnique({ where: { id: pairingId }, include: withRequest });
  return row ? toPairing(row) : null;
}

/** Active pairings a person is in, on either side. */
export async function activePairingsOf(db: Db, userId: string): Promise<{ pairing: Pairing; side: Side }[]> {
  const rows = await db.pairing.findMany({
    where: { status: 'active', OR: [{ seekerId: userId }, { listenerUserId: userId }] },
    include: withRequest,
    orderBy: { startedAt: 'asc' },
  });
  return rows.map((row) => {
    const pairing = toPairing(row);
    return { pairing, side: pairing.seekerId === userId ? 'seeker' : 'listener' };
  });
}

export function sideOf(pairing: Pairing, userId: string): Side | null {
  if (pairing.seekerId === userId) return 'seeker';
  if (pairing.listenerUserId === userId) return 'listener';
  return null;
}

export interface OfferDetails {
  offerId: string;
  requestId: string;
  initiativeId: string;
  initiativeName: string;
  topic: string | null;
  note: string | null;
  seekerPseudonym: string;
  listenerUserId: string;
  expiresAt: Date;
  status: string;
}

export async function getOffer(db: Db, offerId: string): Promise<OfferDetails | null> {
  const offer = await db.offer.findUnique({
    where: { id: offerId },
    include: {
      listener: { select: { userId: true } },
      request: { include: { topic: { select: { label: true } }, initiative: { select: { name: true } } } },
    },
  });
  if (!offer) return null;
  return {
    offerId: offer.id,
    requestId: offer.requestId,
    initiativeId: offer.request.initiativeId,
    initiativeName: offer.request.initiative.name,
    topic: offer.request.topic?.label ?? null,
    note: offer.request.note,
    seekerPseudonym: offer.request.seekerPseudonym,
    listenerUserId: offer.listener.userId,
    expiresAt: offer.expiresAt,
    status: offer.status,
  };
}

export async function recordOfferMessage(db: Db, offerId: string, channel: string, ts: string): Promise<void> {
  await db.offer.update({ where: { id: offerId }, data: { channel, messageTs: ts } });
}

export type OfferAnswer =
  | { kind: 'paired'; pairing: Pairing }
  | { kind: 'declined'; requestId: string; initiativeId: string }
  | { kind: 'gone' }
  | { kind: 'not-yours' };

/**
 * The listener accepts or declines. Accepting turns the reserved slot into a pairing; declining gives
 * the slot back and puts the request back in the queue (the caller re-matches it).
 */
export async function answerOffer(
  deps: ServiceDeps & { random: Random },
  input: { offerId: string; userId: string; accept: boolean },
): Promise<OfferAnswer> {
  const now = deps.clock.now();
  return deps.db.$transaction(async (tx): Promise<OfferAnswer> => {
    const offer = await tx.offer.findUnique({ where: { id: input.offerId }, include: { listener: true, request: true } });
    if (!offer) return { kind: 'gone' };
    if (offer.listener.userId !== input.userId) return { kind: 'not-yours' };
    const settled = await tx.offer.updateMany({
      where: { id: offer.id, status: 'pending' },
      data: { status: input.accept ? 'accepted' : 'declined', respondedAt: now },
    });
    if (settled.count !== 1) return { kind: 'gone' };
    if (!input.accept) {
      await releaseSlot(tx, offer.listenerId);
      await tx.supportRequest.updateMany({ where: { id: offer.requestId, status: 'offered' }, data: { status: 'waiting' } });
      return { kind: 'declined', requestId: offer.requestId, initiativeId: offer.request.initiativeId };
    }
    const moved = await tx.supportRequest.updateMany({
      where: { id: offer.requestId, status: 'offered' },
      data: { status: 'paired', matchedAt: now },
    });
    if (moved.count !== 1) {
      await releaseSlot(tx, offer.listenerId);
      return { kind: 'gone' };
    }
    const row = await tx.pairing.create({
      data: {
        requestId: offer.requestId,
        listenerId: offer.listenerId,
        seekerId: offer.request.seekerId,
        listenerUserId: offer.listener.userId,
        seekerPseudonym: offer.request.seekerPseudonym,
        listenerPseudonym: pickPseudonym(deps.random, offer.request.seekerPseudonym),
        // Posting to a user id opens the DM; the real channel ids are recorded after the introductions.
        seekerChannel: offer.request.seekerId,
        listenerChannel: offer.listener.userId,
        status: 'active',
        startedAt: now,
      },
      include: withRequest,
    });
    const initiative = await tx.initiative.findUniqueOrThrow({ where: { id: offer.request.initiativeId }, select: { id: true, firstCheckInDays: true } });
    await scheduleForPairing(tx, { ...row, startedAt: now }, initiative);
    await incrementCount(tx, { initiativeId: initiative.id, metric: 'request_matched', at: now, topicId: offer.request.topicId ?? undefined });
    // How long the request waited, without who waited (for the median and 90th percentile).
    await tx.matchTime.create({
      data: { initiativeId: initiative.id, weekStart: weekStart(now), minutes: Math.round((now.getTime() - offer.request.createdAt.getTime()) / 60_000) },
    });
    return { kind: 'paired', pairing: toPairing(row) };
  });
}

export async function recordIntroductions(
  db: Db,
  pairingId: string,
  seeker: { channel: string; ts: string },
  listener: { channel: string; ts: string },
): Promise<void> {
  await db.pairing.update({
    where: { id: pairingId },
    data: { seekerChannel: seeker.channel, seekerThreadTs: seeker.ts, listenerChannel: listener.channel, listenerThreadTs: listener.ts },
  });
}

export type EndReason = 'ended' | 'someone_else' | 'listener_stopped' | 'reported' | 'erased';

export type EndResult = { kind: 'ended'; pairing: Pairing; requeued: boolean } | { kind: 'already-ended' };

/**
 * Ends an active pairing once. `someone_else` (the seeker's choice) and `listener_stopped` put the
 * request back in the queue without this listener; anything else closes the request.
 */
export async function endPairing(
  deps: ServiceDeps,
  input: { pairingId: string; by: Side | 'system'; reason: EndReason },
): Promise<EndResult> {
  const now = deps.clock.now();
  return deps.db.$transaction(async (tx): Promise<EndResult> => {
    const ended = await tx.pairing.updateMany({
      where: { id: input.pairingId, status: 'active' },
      data: { status: 'ended', endedAt: now, endedBy: input.by, endReason: input.reason },
    });
    if (ended.count !== 1) return { kind: 'already-ended' };
    const pairing = (await getPairing(tx, input.pairingId))!;
    await releaseSlot(tx, pairing.listenerId);
    await cancelForPairing(tx, pairing.id);
    await incrementCount(tx, { initiativeId: pairing.initiativeId, metric: 'pairing_ended', at: now });
    const requeued = input.reason === 'someone_else' || input.reason === 'listener_stopped';
    await tx.supportRequest.update({
      where: { id: pairing.requestId },
      data: requeued ? { status: 'waiting' } : { status: 'closed', closedReason: 'ended', closedAt: now },
    });
    if (requeued) {
      const initiative = await tx.initiative.findUniqueOrThrow({ where: { id: pairing.initiativeId }, select: { id: true, checkInEveryDays: true } });
      await scheduleWaitingUpdate(tx, { id: pairing.requestId, seekerId: pairing.seekerId }, initiative, now);
    }
    return { kind: 'ended', pairing, requeued };
  });
}

export type RevealResult =
  | { kind: 'both'; pairing: Pairing }
  | { kind: 'waiting-for-other'; pairing: Pairing }
  | { kind: 'not-active' };

/** Names are shown only when both have chosen to reveal them (DESIGN.md invariant 1). */
export async function chooseReveal(deps: ServiceDeps, input: { pairingId: string; userId: string }): Promise<RevealResult> {
  return deps.db.$transaction(async (tx): Promise<RevealResult> => {
    const pairing = await getPairing(tx, input.pairingId);
    if (!pairing || pairing.status !== 'active') return { kind: 'not-active' };
    const side = sideOf(pairing, input.userId);
    if (!side) return { kind: 'not-active' };
    const updated = await tx.pairing.update({
      where: { id: pairing.id },
      data: side === 'seeker' ? { seekerRevealed: true } : { listenerRevealed: true },
      include: withRequest,
    });
    const now = toPairing(updated);
    return now.seekerRevealed && now.listenerRevealed ? { kind: 'both', pairing: now } : { kind: 'waiting-for-other', pairing: now };
  });
}

/** Stops this seeker and listener from being paired again in the initiative. */
export async function blockPair(db: Db, pairing: Pairing): Promise<void> {
  await db.pairBlock.upsert({
    where: {
      initiativeId_seekerId_listenerUserId: {
        initiativeId: pairing.initiativeId,
        seekerId: pairing.seekerId,
        listenerUserId: pairing.listenerUserId,
      },
    },
    create: { initiativeId: pairing.initiativeId, seekerId: pairing.seekerId, listenerUserId: pairing.listenerUserId },
    update: {},
  });
}

export async function coordinatorsOf(db: Db, initiativeId: string): Promise<string[]> {
  const rows = await db.initiativeMember.findMany({ where: { initiativeId, role: 'coordinator' }, select: { userId: true } });
  return rows.map((r) => r.userId);
}
