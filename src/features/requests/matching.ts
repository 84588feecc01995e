import type { Db, Tx } from '../../db/client.js';
import { claimBatch, claimOffer, type OfferMade } from '../pairings/offers.js';
import { workingHoursOf } from '../../domain/availability.js';
import {
  planOffers,
  rankListeners,
  type CandidateListener,
  type PastOffer,
  type RequestToMatch,
} from '../../domain/matching.js';
import type { Random } from '../../domain/pseudonyms.js';
import type { ServiceDeps } from '../initiatives/service.js';
import type { Prisma } from '../../db/client.js';

// Turns the matching rules into offers. Everything that must happen once is a conditional update in one
// transaction (DESIGN.md "Data layer"): the request moves from waiting to offered only once, and a
// listener's slot is taken only while reserved < capacity, so two processes on one database can never
// offer one request twice or push a listener over capacity.

export type { OfferMade } from '../pairings/offers.js';

export type MatchResult =
  | { kind: 'offered'; offer: OfferMade; outboxIds: string[] }
  /** offHours: someone could take it but for their quiet or working hours; it goes out when those begin. */
  | { kind: 'waiting'; offHours: boolean }
  | { kind: 'not-waiting' };

const HOUR = 60 * 60 * 1000;

const requestInclude = {
  offers: { where: { status: { in: ['declined', 'timed_out'] } }, select: { listenerId: true, status: true, respondedAt: true, expiresAt: true } },
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
  offers: { listenerId: string; status: string; respondedAt: Date | null; expiresAt: Date }[];
  pairings: { listenerId: string }[];
};

/** Only declined and timed-out offers are loaded (`requestInclude`); the row's string becomes the domain's union here. */
function toPastOffer(o: RequestRow['offers'][number]): PastOffer {
  // A timed-out offer always has respondedAt (expireOffers sets it); the expiry is the latest it can have been.
  return { listenerId: o.listenerId, status: o.status === 'declined' ? 'declined' : 'timed_out', respondedAt: o.respondedAt ?? o.expiresAt };
}

function toRequestToMatch(row: RequestRow, blocked: Set<string>): RequestToMatch {
  return {
    id: row.id,
    seekerId: row.seekerId,
    topicId: row.topicId,
    language: row.language,
    sameTimezone: row.sameTimezone,
    seekerTimezone: row.seekerTimezone,
    // A listener already paired on this request (before the seeker asked for someone else) is not
    // offered it again; declined and timed-out offers are judged by the domain (offerStillExcludes).
    excludedListenerIds: new Set(row.pairings.map((p) => p.listenerId)),
    pastOffers: row.offers.map(toPastOffer),
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
      workingHours: workingHoursOf(r),
      lastOfferAt: r.lastOfferAt,
    }));
}

/** Offers a waiting request to the best eligible listener, trying the next if a slot was just taken. */
export async function matchRequest(deps: ServiceDeps & { random: Random }, requestId: string): Promise<MatchResult> {
  const row = await deps.db.supportRequest.findUnique({ where: { id: requestId }, include: requestInclude });
  if (!row || row.status !== 'waiting') return { kind: 'not-waiting' };
  const blocks = await loadBlocks(deps.db, row.initiativeId, [row.seekerId]);
  const request = toRequestToMatch(row, blocks.get(row.seekerId) ?? new Set());
  const initiative = await deps.db.initiative.findUniqueOrThrow({ where: { id: row.initiativeId }, select: { offerTimeoutHours: true } });
  const candidates = await loadCandidates(deps.db, row.initiativeId, request.topicId ? [request.topicId] : []);
  const now = deps.clock.now();
  const outcome = rankListeners(request, candidates, now);
  if (outcome.kind === 'no-listener') return { kind: 'waiting', offHours: outcome.waitingForHours };
  const expiresAt = new Date(now.getTime() + initiative.offerTimeoutHours * HOUR);
  for (const listener of outcome.ranked) {
    const claim = await deps.db.$transaction((tx) => claimOffer(tx, request.id, listener, now, expiresAt, deps.random));
    if (claim.kind === 'made') return { kind: 'offered', offer: claim.offer, outboxIds: claim.outboxIds };
    if (claim.kind === 'request-gone') return { kind: 'not-waiting' };
  }
  return { kind: 'waiting', offHours: false };
}

const CLAIMS_PER_TRANSACTION = 100;

/**
 * Offers every waiting request of an initiative that can be offered now, oldest first: three queries
 * to load, one pass to plan (domain/matching.ts), then the claims in transactions of up to 100. Run
 * when a listener becomes available (new, resumed, a slot freed) and by the scheduler.
 */
export async function matchWaitingRequests(deps: ServiceDeps & { random: Random }, initiativeId: string): Promise<{ offers: OfferMade[]; outboxIds: string[] }> {
  const rows = await deps.db.supportRequest.findMany({
    where: { initiativeId, status: 'waiting' },
    include: requestInclude,
    orderBy: { createdAt: 'asc' },
  });
  if (rows.length === 0) return { offers: [], outboxIds: [] };
  const initiative = await deps.db.initiative.findUniqueOrThrow({ where: { id: initiativeId }, select: { offerTimeoutHours: true, workspaceId: true } });
  const blocks = await loadBlocks(deps.db, initiativeId, [...new Set(rows.map((r) => r.seekerId))]);
  const requests = rows.map((r) => toRequestToMatch(r, blocks.get(r.seekerId) ?? new Set()));
  const candidates = new Map((await loadCandidates(deps.db, initiativeId)).map((c) => [c.id, c]));
  const now = deps.clock.now();
  const expiresAt = new Date(now.getTime() + initiative.offerTimeoutHours * HOUR);
  const plans = planOffers(requests, [...candidates.values()], now);

  const made: OfferMade[] = [];
  const outboxIds: string[] = [];
  const retry: string[] = [];
  for (let i = 0; i < plans.length; i += CLAIMS_PER_TRANSACTION) {
    const chunk = plans.slice(i, i + CLAIMS_PER_TRANSACTION).map((p) => ({ requestId: p.requestId, listener: candidates.get(p.listenerId)! }));
    try {
      const result = await deps.db.$transaction((tx) => claimBatch(tx, chunk, now, expiresAt, initiative.workspaceId, deps.random));
      made.push(...result.made);
      outboxIds.push(...result.outboxIds);
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
    if (result.kind === 'offered') {
      made.push(result.offer);
      outboxIds.push(...result.outboxIds);
    }
  }
  return { offers: made, outboxIds };
}
