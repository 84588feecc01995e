import type { Db, Tx } from '../../db/client.js';
import {
  planOffers,
  rankListeners,
  type CandidateListener,
  type RequestToMatch,
} from '../../domain/matching.js';
import type { ServiceDeps } from '../initiatives/service.js';

// Turns the matching rules into offers. Everything that must happen once is a conditional update in one
// transaction (DESIGN.md "Data layer"): the request moves from waiting to offered only once, and a
// listener's slot is taken only while reserved < capacity, so two processes on one database can never
// offer one request twice or push a listener over capacity.

export interface OfferMade {
  offerId: string;
  requestId: string;
  listenerId: string;
  listenerUserId: string;
  expiresAt: Date;
}

export type MatchResult =
  | { kind: 'offered'; offer: OfferMade }
  | { kind: 'waiting'; quietHours: boolean }
  | { kind: 'not-waiting' };

const HOUR = 60 * 60 * 1000;

async function loadRequestToMatch(db: Db | Tx, requestId: string): Promise<(RequestToMatch & { initiativeId: string; status: string }) | null> {
  const request = await db.supportRequest.findUnique({
    where: { id: requestId },
    include: {
      offers: { where: { status: { in: ['declined', 'timed_out'] } }, select: { listenerId: true } },
      pairings: { select: { listenerId: true } },
    },
  });
  if (!request) return null;
  const blocks = await db.pairBlock.findMany({
    where: { initiativeId: request.initiativeId, seekerId: request.seekerId },
    select: { listenerUserId: true },
  });
  return {
    id: request.id,
    initiativeId: request.initiativeId,
    status: request.status,
    seekerId: request.seekerId,
    topicId: request.topicId,
    language: request.language,
    sameTimezone: request.sameTimezone,
    seekerTimezone: request.seekerTimezone,
    // A listener who declined, timed out, or was already paired on this request (for example before
    // the seeker asked for someone else) is not offered it again.
    excludedListenerIds: new Set([...request.offers.map((o) => o.listenerId), ...request.pairings.map((p) => p.listenerId)]),
    blockedListenerUserIds: new Set(blocks.map((b) => b.listenerUserId)),
  };
}

async function loadCandidates(db: Db | Tx, initiativeId: string, topicIds?: string[]): Promise<CandidateListener[]> {
  const rows = await db.listenerProfile.findMany({
    where: {
      initiativeId,
      status: 'active',
      ...(topicIds ? { topics: { some: { topicId: { in: topicIds } } } } : {}),
    },
    include: { topics: { select: { topicId: true } } },
  });
  return rows
    .filter((r) => r.reservedSlots < r.capacity)
    .map((r) => ({
      id: r.id,
      userId: r.userId,
      status: 'active' as const,
      capacity: r.capacity,
      reservedSlots: r.reservedSlots,
      topicIds: r.topics.map((t) => t.topicId),
      languages: r.languages ? r.languages.split(',') : [],
      timezone: r.timezone,
      quietHoursStart: r.quietHoursStart,
      quietHoursEnd: r.quietHoursEnd,
      lastOfferAt: r.lastOfferAt,
    }));
}

/**
 * Makes one offer atomically, or nothing: the request must still be waiting and the listener must still
 * be active with a free slot. Returns null when either changed under us.
 */
async function makeOffer(deps: ServiceDeps, requestId: string, listener: CandidateListener, timeoutHours: number): Promise<OfferMade | null> {
  const now = deps.clock.now();
  const expiresAt = new Date(now.getTime() + timeoutHours * HOUR);
  try {
    return await deps.db.$transaction(async (tx) => {
      const claimed = await tx.supportRequest.updateMany({ where: { id: requestId, status: 'waiting' }, data: { status: 'offered' } });
      if (claimed.count !== 1) throw new Abort('request');
      // One statement compares and increments, so the last free slot goes to exactly one request.
      const slot = await tx.$executeRaw`UPDATE "ListenerProfile" SET "reservedSlots" = "reservedSlots" + 1 WHERE "id" = ${listener.id} AND "status" = 'active' AND "reservedSlots" < "capacity"`;
      if (slot !== 1) throw new Abort('slot');
      await tx.listenerProfile.update({ where: { id: listener.id }, data: { lastOfferAt: now } });
      const offer = await tx.offer.create({
        data: { requestId, listenerId: listener.id, status: 'pending', offeredAt: now, expiresAt },
      });
      return { offerId: offer.id, requestId, listenerId: listener.id, listenerUserId: listener.userId, expiresAt };
    });
  } catch (error) {
    if (error instanceof Abort) {
      if (error.what === 'request') throw error;
      return null;
    }
    throw error;
  }
}

class Abort extends Error {
  constructor(readonly what: 'request' | 'slot') {
    super(`claim lost: ${what}`);
  }
}

/** Offers a waiting request to the best eligible listener, trying the next if a slot was just taken. */
export async function matchRequest(deps: ServiceDeps, requestId: string): Promise<MatchResult> {
  const request = await loadRequestToMatch(deps.db, requestId);
  if (!request || request.status !== 'waiting') return { kind: 'not-waiting' };
  const initiative = await deps.db.initiative.findUniqueOrThrow({ where: { id: request.initiativeId }, select: { offerTimeoutHours: true } });
  const candidates = await loadCandidates(deps.db, request.initiativeId, request.topicId ? [request.topicId] : []);
  const outcome = rankListeners(request, candidates, deps.clock.now());
  if (outcome.kind === 'no-listener') return { kind: 'waiting', quietHours: outcome.waitingForQuietHours };
  for (const listener of outcome.ranked) {
    try {
      const offer = await makeOffer(deps, request.id, listener, initiative.offerTimeoutHours);
      if (offer) return { kind: 'offered', offer };
    } catch (error) {
      if (error instanceof Abort) return { kind: 'not-waiting' };
      throw error;
    }
  }
  return { kind: 'waiting', quietHours: false };
}

/**
 * Offers every waiting request of an initiative that can be offered now, oldest first. Run when a
 * listener becomes available (new, resumed, a slot freed) and by the scheduler (quiet hours ending).
 */
export async function matchWaitingRequests(deps: ServiceDeps, initiativeId: string): Promise<OfferMade[]> {
  const waiting = await deps.db.supportRequest.findMany({
    where: { initiativeId, status: 'waiting' },
    orderBy: { createdAt: 'asc' },
    select: { id: true },
  });
  if (waiting.length === 0) return [];
  const initiative = await deps.db.initiative.findUniqueOrThrow({ where: { id: initiativeId }, select: { offerTimeoutHours: true } });
  const requests = (await Promise.all(waiting.map((w) => loadRequestToMatch(deps.db, w.id)))).filter(
    (r): r is NonNullable<typeof r> => r !== null && r.status === 'waiting',
  );
  const candidates = await loadCandidates(deps.db, initiativeId);
  const plans = planOffers(requests, candidates, deps.clock.now());
  const made: OfferMade[] = [];
  for (const plan of plans) {
    const listener = candidates.find((c) => c.id === plan.listenerId)!;
    try {
      const offer = await makeOffer(deps, plan.requestId, listener, initiative.offerTimeoutHours);
      if (offer) made.push(offer);
      else {
        // The planned slot went elsewhere meanwhile: fall back to matching this request on its own.
        const retry = await matchRequest(deps, plan.requestId);
        if (retry.kind === 'offered') made.push(retry.offer);
      }
    } catch (error) {
      if (!(error instanceof Abort)) throw error;
    }
  }
  return made;
}

/** Gives a reserved slot back (offer declined or expired, pairing ended); never below zero. */
export async function releaseSlot(tx: Tx | Db, listenerId: string): Promise<void> {
  await tx.$executeRaw`UPDATE "ListenerProfile" SET "reservedSlots" = "reservedSlots" - 1 WHERE "id" = ${listenerId} AND "reservedSlots" > 0`;
}
