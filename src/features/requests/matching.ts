import { randomUUID } from 'node:crypto';
import { Prisma, type Db, type Tx } from '../../db/client.js';
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

const requestInclude = {
  offers: { where: { status: { in: ['declined', 'timed_out'] } }, select: { listenerId: true } },
  pairings: { select: { listenerId: true } },
} satisfies Prisma.SupportRequestInclude;

type RequestRow = {
  id: string;
  initiativeId: string;
  status: string;
  seekerId: string;
  topicId: string | null;
  language: string | null;
  sameTimezone: boolean;
  seekerTimezone: string | null;
  offers: { listenerId: string }[];
  pairings: { listenerId: string }[];
};

function toRequestToMatch(row: RequestRow, blocked: Set<string>): RequestToMatch {
  return {
    id: row.id,
    seekerId: row.seekerId,
    topicId: row.topicId,
    language: row.language,
    sameTimezone: row.sameTimezone,
    seekerTimezone: row.seekerTimezone,
    // A listener who declined, timed out, or was already paired on this request (for example before
    // the seeker asked for someone else) is not offered it again.
    excludedListenerIds: new Set([...row.offers.map((o) => o.listenerId), ...row.pairings.map((p) => p.listenerId)]),
    blockedListenerUserIds: blocked,
  };
}

/** Blocked listener user ids per seeker in an initiative. */
async function loadBlocks(db: Db | Tx, initiativeId: string, seekerIds: string[]): Promise<Map<string, Set<string>>> {
  const rows = await db.pairBlock.findMany({
    where: { initiativeId, seekerId: { in: seekerIds } },
    select: { seekerId: true, listenerUserId: true },
  });
  const blocks = new Map<string, Set<string>>();
  for (const r of rows) {
    let set = blocks.get(r.seekerId);
    if (!set) blocks.set(r.seekerId, (set = new Set()));
    set.add(r.listenerUserId);
  }
  return blocks;
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

type Claim = { kind: 'made'; offer: OfferMade } | { kind: 'request-gone' } | { kind: 'slot-gone' };

/**
 * Makes one offer inside `tx`, or changes nothing: the request must still be waiting and the listener
 * must still be active with a free slot. Decided by the row counts of conditional updates, so it holds
 * with any number of processes, and several claims can share one transaction.
 */
async function claimOffer(tx: Tx, requestId: string, listener: CandidateListener, now: Date, expiresAt: Date): Promise<Claim> {
  const claimed = await tx.supportRequest.updateMany({ where: { id: requestId, status: 'waiting' }, data: { status: 'offered' } });
  if (claimed.count !== 1) return { kind: 'request-gone' };
  // One statement compares and increments, so the last free slot goes to exactly one request.
  const slot = await tx.$executeRaw`UPDATE "ListenerProfile" SET "reservedSlots" = "reservedSlots" + 1, "lastOfferAt" = ${now} WHERE "id" = ${listener.id} AND "status" = 'active' AND "reservedSlots" < "capacity"`;
  if (slot !== 1) {
    await tx.supportRequest.update({ where: { id: requestId }, data: { status: 'waiting' } });
    return { kind: 'slot-gone' };
  }
  const offer = await tx.offer.create({ data: { requestId, listenerId: listener.id, status: 'pending', offeredAt: now, expiresAt } });
  return { kind: 'made', offer: { offerId: offer.id, requestId, listenerId: listener.id, listenerUserId: listener.userId, expiresAt } };
}

/**
 * Many claims in one transaction, set-based: one statement claims the requests that are still waiting,
 * one takes every listener's planned slots only where all of them still fit, and one inserts the
 * offers. Requests whose listener no longer had room go back to waiting and are returned in `lost`.
 */
export async function claimBatch(
  tx: Tx,
  plans: readonly { requestId: string; listener: CandidateListener }[],
  now: Date,
  expiresAt: Date,
): Promise<{ made: OfferMade[]; lost: string[] }> {
  const claimedRows = await tx.$queryRaw<{ id: string }[]>`UPDATE "SupportRequest" SET "status" = 'offered' WHERE "status" = 'waiting' AND "id" IN (${Prisma.join(plans.map((p) => p.requestId))}) RETURNING "id"`;
  const claimed = new Set(claimedRows.map((r) => r.id));
  const mine = plans.filter((p) => claimed.has(p.requestId));
  if (mine.length === 0) return { made: [], lost: [] };

  const perListener = new Map<string, number>();
  for (const p of mine) perListener.set(p.listener.id, (perListener.get(p.listener.id) ?? 0) + 1);
  const ids = [...perListener.keys()];
  const increment = Prisma.sql`CASE "id" ${Prisma.join(
    ids.map((id) => Prisma.sql`WHEN ${id} THEN ${perListener.get(id)!}`),
    ' ',
  )} ELSE 0 END`;
  const fitted = await tx.$queryRaw<{ id: string }[]>`UPDATE "ListenerProfile" SET "reservedSlots" = "reservedSlots" + ${increment}, "lastOfferAt" = ${now} WHERE "id" IN (${Prisma.join(ids)}) AND "status" = 'active' AND "reservedSlots" + ${increment} <= "capacity" RETURNING "id"`;
  const fits = new Set(fitted.map((r) => r.id));

  const lost = mine.filter((p) => !fits.has(p.listener.id)).map((p) => p.requestId);
  if (lost.length > 0) {
    await tx.supportRequest.updateMany({ where: { id: { in: lost } }, data: { status: 'waiting' } });
  }
  const made = mine
    .filter((p) => fits.has(p.listener.id))
    .map((p) => ({ offerId: randomUUID(), requestId: p.requestId, listenerId: p.listener.id, listenerUserId: p.listener.userId, expiresAt }));
  await tx.offer.createMany({
    data: made.map((o) => ({ id: o.offerId, requestId: o.requestId, listenerId: o.listenerId, status: 'pending', offeredAt: now, expiresAt })),
  });
  return { made, lost };
}

/** Offers a waiting request to the best eligible listener, trying the next if a slot was just taken. */
export async function matchRequest(deps: ServiceDeps, requestId: string): Promise<MatchResult> {
  const row = await deps.db.supportRequest.findUnique({ where: { id: requestId }, include: requestInclude });
  if (!row || row.status !== 'waiting') return { kind: 'not-waiting' };
  const blocks = await loadBlocks(deps.db, row.initiativeId, [row.seekerId]);
  const request = toRequestToMatch(row, blocks.get(row.seekerId) ?? new Set());
  const initiative = await deps.db.initiative.findUniqueOrThrow({ where: { id: row.initiativeId }, select: { offerTimeoutHours: true } });
  const candidates = await loadCandidates(deps.db, row.initiativeId, request.topicId ? [request.topicId] : []);
  const now = deps.clock.now();
  const outcome = rankListeners(request, candidates, now);
  if (outcome.kind === 'no-listener') return { kind: 'waiting', quietHours: outcome.waitingForQuietHours };
  const expiresAt = new Date(now.getTime() + initiative.offerTimeoutHours * HOUR);
  for (const listener of outcome.ranked) {
    const claim = await deps.db.$transaction((tx) => claimOffer(tx, request.id, listener, now, expiresAt));
    if (claim.kind === 'made') return { kind: 'offered', offer: claim.offer };
    if (claim.kind === 'request-gone') return { kind: 'not-waiting' };
  }
  return { kind: 'waiting', quietHours: false };
}

const CLAIMS_PER_TRANSACTION = 100;

/**
 * Offers every waiting request of an initiative that can be offered now, oldest first: three queries
 * to load, one pass to plan (domain/matching.ts), then the claims in transactions of up to 100. Run
 * when a listener becomes available (new, resumed, a slot freed) and by the scheduler.
 */
export async function matchWaitingRequests(deps: ServiceDeps, initiativeId: string): Promise<OfferMade[]> {
  const rows = await deps.db.supportRequest.findMany({
    where: { initiativeId, status: 'waiting' },
    include: requestInclude,
    orderBy: { createdAt: 'asc' },
  });
  if (rows.length === 0) return [];
  const initiative = await deps.db.initiative.findUniqueOrThrow({ where: { id: initiativeId }, select: { offerTimeoutHours: true } });
  const blocks = await loadBlocks(deps.db, initiativeId, [...new Set(rows.map((r) => r.seekerId))]);
  const requests = rows.map((r) => toRequestToMatch(r, blocks.get(r.seekerId) ?? new Set()));
  const candidates = new Map((await loadCandidates(deps.db, initiativeId)).map((c) => [c.id, c]));
  const now = deps.clock.now();
  const expiresAt = new Date(now.getTime() + initiative.offerTimeoutHours * HOUR);
  const plans = planOffers(requests, [...candidates.values()], now);

  const made: OfferMade[] = [];
  const retry: string[] = [];
  for (let i = 0; i < plans.length; i += CLAIMS_PER_TRANSACTION) {
    const chunk = plans.slice(i, i + CLAIMS_PER_TRANSACTION).map((p) => ({ requestId: p.requestId, listener: candidates.get(p.listenerId)! }));
    try {
      const result = await deps.db.$transaction((tx) => claimBatch(tx, chunk, now, expiresAt));
      made.push(...result.made);
      retry.push(...result.lost);
    } catch (error) {
      // Another process may hold the same rows (PostgreSQL can pick this transaction as a deadlock
      // victim); nothing of the chunk was kept, so match its requests one by one instead.
      deps.logger.warn({ err: error, code: 'batch_claim_failed' }, 'matching one by one');
      retry.push(...chunk.map((p) => p.requestId));
    }
  }
  // A planned slot went elsewhere meanwhile: match those requests on their own.
  for (const requestId of retry) {
    const result = await matchRequest(deps, requestId);
    if (result.kind === 'offered') made.push(result.offer);
  }
  return made;
}

/** Gives a reserved slot back (offer declined or expired, pairing ended); never below zero. */
export async function releaseSlot(tx: Tx | Db, listenerId: string): Promise<void> {
  await tx.$executeRaw`UPDATE "ListenerProfile" SET "reservedSlots" = "reservedSlots" - 1 WHERE "id" = ${listenerId} AND "reservedSlots" > 0`;
}
