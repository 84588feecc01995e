import { Prisma, type Db } from '../../db/client.js';
import type { Prisma as GeneratedPrisma } from '../../generated/sqlite/client.js';
import { hasConnectionPool, leanRead } from '../../db/lean-read.js';
import { claimBatch, claimOffer, type OfferMade } from '../pairings/offers.js';
import { workingHoursOf, type WorkingHours } from '../../domain/availability.js';
import { getOrCreate } from '../../domain/maps.js';
import {
  planOffers,
  rankListeners,
  splitByListener,
  type CandidateListener,
  type PastOffer,
  type RequestToMatch,
} from '../../domain/matching.js';
import type { Random } from '../../domain/pseudonyms.js';
import type { ServiceDeps } from '../initiatives/service.js';

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
} satisfies GeneratedPrisma.SupportRequestInclude;

/** What matching reads of a request (a sweep reads a thousand: nothing more). */
const requestSelect = {
  id: true,
  seekerId: true,
  topicId: true,
  language: true,
  sameTimezone: true,
  seekerTimezone: true,
} satisfies GeneratedPrisma.SupportRequestSelect;

type PastOfferRow = { listenerId: string; status: string; respondedAt: Date | null; expiresAt: Date };

type RequestRow = GeneratedPrisma.SupportRequestGetPayload<{ select: typeof requestSelect }>;

/** What a request's history adds to its matching: past offers (declined, timed out) and its pairings' listeners. */
interface RequestHistory {
  offers: PastOfferRow[];
  pairedListenerIds: string[];
}

const NO_HISTORY: RequestHistory = { offers: [], pairedListenerIds: [] };
const NOBODY: ReadonlySet<string> = new Set();

/** Only declined and timed-out offers are loaded; the row's string becomes the domain's union here. */
function toPastOffer(o: PastOfferRow): PastOffer {
  // A timed-out offer always has respondedAt (expireOffers sets it); the expiry is the latest it can have been.
  return { listenerId: o.listenerId, status: o.status === 'declined' ? 'declined' : 'timed_out', respondedAt: o.respondedAt ?? o.expiresAt };
}

function toRequestToMatch(row: RequestRow, history: RequestHistory, blocked: ReadonlySet<string>): RequestToMatch {
  return {
    id: row.id,
    seekerId: row.seekerId,
    topicId: row.topicId,
    language: row.language,
    sameTimezone: row.sameTimezone,
    seekerTimezone: row.seekerTimezone,
    // A listener already paired on this request (before the seeker asked for someone else) is not
    // offered it again; declined and timed-out offers are judged by the domain (offerStillExcludes).
    excludedListenerIds: history.pairedListenerIds.length > 0 ? new Set(history.pairedListenerIds) : NOBODY,
    pastOffers: history.offers.map(toPastOffer),
    blockedListenerUserIds: blocked,
  };
}

/**
 * The history of every waiting request of an initiative, in two statements joined on the request rather
 * than a list of a thousand request ids (what Prisma's `include` sends, and what made it slow).
 */
async function loadHistories(db: Db, initiativeId: string): Promise<Map<string, RequestHistory>> {
  const [offers, pairings] = await Promise.all([
    leanRead<PastOfferRow & { requestId: string }>(
      db,
      Prisma.sql`SELECT o."requestId", o."listenerId", o."status", o."respondedAt", o."expiresAt" FROM "Offer" o
        JOIN "SupportRequest" r ON r."id" = o."requestId"
        WHERE r."initiativeId" = ${initiativeId} AND r."status" = 'waiting' AND o."status" IN ('declined', 'timed_out')`,
    ),
    leanRead<{ requestId: string; listenerId: string }>(
      db,
      Prisma.sql`SELECT p."requestId", p."listenerId" FROM "Pairing" p
        JOIN "SupportRequest" r ON r."id" = p."requestId"
        WHERE r."initiativeId" = ${initiativeId} AND r."status" = 'waiting'`,
    ),
  ]);
  const histories = new Map<string, RequestHistory>();
  const historyOf = (requestId: string): RequestHistory => getOrCreate(histories, requestId, () => ({ offers: [], pairedListenerIds: [] }));
  for (const o of offers) historyOf(o.requestId).offers.push(o);
  for (const p of pairings) historyOf(p.requestId).pairedListenerIds.push(p.listenerId);
  return histories;
}

/**
 * Blocked listener user ids per seeker in an initiative: of the given seekers, or of all of them (a
 * sweep: blocks follow only reports, so an initiative has few, and naming a thousand seekers cost more).
 */
async function loadBlocks(db: Db, initiativeId: string, seekerIds?: string[]): Promise<Map<string, Set<string>>> {
  const rows = await leanRead<{ seekerId: string; listenerUserId: string }>(
    db,
    Prisma.sql`SELECT "seekerId", "listenerUserId" FROM "PairBlock" WHERE "initiativeId" = ${initiativeId}
      ${seekerIds ? Prisma.sql`AND "seekerId" IN (${Prisma.join(seekerIds)})` : Prisma.empty}`,
  );
  const blocks = new Map<string, Set<string>>();
  for (const r of rows) getOrCreate(blocks, r.seekerId, () => new Set<string>()).add(r.listenerUserId);
  return blocks;
}

/** A listener profile as matching reads it with raw SQL (numbers may come back as bigints). */
type CandidateRow = {
  id: string;
  userId: string;
  capacity: number | bigint;
  reservedSlots: number | bigint;
  languages: string;
  timezone: string | null;
  quietHoursStart: string | null;
  quietHoursEnd: string | null;
  workDays: string;
  workStart: string;
  workEnd: string;
  lastOfferAt: Date | null;
};

/**
 * Active listeners with a free slot (sharing one of `topicIds`, when given), with their topics. Two
 * lean reads (src/db/lean-read.ts): Prisma's mapping of 5,000 rows cost more than reading them, and
 * Prisma's `include` would send every profile id back as a parameter, which took longer than the rest
 * of a 5,000-listener sweep together (issue 17).
 */
async function loadCandidates(db: Db, initiativeId: string, topicIds?: string[]): Promise<CandidateListener[]> {
  if (topicIds?.length === 0) return [];
  const onTopics = topicIds ? Prisma.sql`AND EXISTS (SELECT 1 FROM "ListenerTopic" lt WHERE lt."listenerId" = l."id" AND lt."topicId" IN (${Prisma.join(topicIds)}))` : Prisma.empty;
  const [rows, topicRows] = await Promise.all([
    leanRead<CandidateRow>(
      db,
      Prisma.sql`SELECT l."id", l."userId", l."capacity", l."reservedSlots", l."languages", l."timezone", l."quietHoursStart", l."quietHoursEnd",
          l."workDays", l."workStart", l."workEnd", l."lastOfferAt"
        FROM "ListenerProfile" l
        WHERE l."initiativeId" = ${initiativeId} AND l."status" = 'active' AND l."reservedSlots" < l."capacity" ${onTopics}`,
    ),
    // The initiative's topics, by topic (a handful of index scans, whatever the statistics): rows of
    // listeners who are not candidates are skipped below. Read apart from the profiles, a topic may
    // change in between: harmless, as the plan only suggests offers and every slot is taken atomically.
    leanRead<{ listenerId: string; topicId: string }>(
      db,
      Prisma.sql`SELECT t."listenerId", t."topicId" FROM "ListenerTopic" t
        JOIN "InitiativeTopic" it ON it."id" = t."topicId"
        WHERE it."initiativeId" = ${initiativeId} ${topicIds ? Prisma.sql`AND t."topicId" IN (${Prisma.join(topicIds)})` : Prisma.empty}`,
    ),
  ]);
  // Thousands of listeners share a few sets of working hours: each set is parsed once and shared
  // (the planner works hours out once per set, too).
  const hoursOf = new Map<string, WorkingHours>();
  const workingHours = (r: { workDays: string; workStart: string; workEnd: string }): WorkingHours =>
    getOrCreate(hoursOf, `${r.workDays}|${r.workStart}|${r.workEnd}`, () => workingHoursOf(r));
  const topicsOf = new Map<string, string[]>();
  for (const t of topicRows) getOrCreate(topicsOf, t.listenerId, () => []).push(t.topicId);
  return rows.map((r) => ({
    id: r.id,
    userId: r.userId,
    status: 'active' as const,
    capacity: Number(r.capacity),
    reservedSlots: Number(r.reservedSlots),
    topicIds: topicsOf.get(r.id) ?? [],
    languages: r.languages ? r.languages.split(',') : [],
    timezone: r.timezone,
    quietHoursStart: r.quietHoursStart,
    quietHoursEnd: r.quietHoursEnd,
    workingHours: workingHours(r),
    lastOfferAt: r.lastOfferAt,
  }));
}

/** Offers a waiting request to the best eligible listener, trying the next if a slot was just taken. */
export async function matchRequest(deps: ServiceDeps & { random: Random }, requestId: string): Promise<MatchResult> {
  const row = await deps.db.supportRequest.findUnique({ where: { id: requestId }, select: { ...requestSelect, initiativeId: true, status: true, ...requestInclude } });
  if (!row || row.status !== 'waiting') return { kind: 'not-waiting' };
  const blocks = await loadBlocks(deps.db, row.initiativeId, [row.seekerId]);
  const history = { offers: row.offers, pairedListenerIds: row.pairings.map((p) => p.listenerId) };
  const request = toRequestToMatch(row, history, blocks.get(row.seekerId) ?? new Set());
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

/**
 * Claims per transaction. Each step of a claim is one statement for the whole batch (offers.ts
 * `claimBatch`), so a bigger batch costs hardly more; the bound keeps the time its locks are held, and
 * the work redone when another process wins a race for them, to that of 1,000 offers.
 */
const CLAIMS_PER_TRANSACTION = 1000;

/**
 * On PostgreSQL a sweep with more planned offers than this splits them into CLAIMS_AT_ONCE transactions
 * that share no listener, run at the same time, each on its own pooled connection, so the server's cores
 * work on them together (a 1,000-offer claim is mostly the server's work on indexes and foreign keys:
 * 77-85 ms in one transaction, 55-70 in two, on 2 cores; four were no faster; issue 17). SQLite's one
 * connection would take them in turn, each with its own commit: one transaction there.
 */
const SPLIT_FROM = 200;
const CLAIMS_AT_ONCE = 2;

interface SweepResult {
  made: OfferMade[];
  outboxIds: string[];
  /** Planned, but the slot (or the whole transaction) went to another process first. */
  lost: string[];
}

/** One pass: load, plan, claim. Logs its phases at debug level (code matching_sweep). */
async function sweepOnce(deps: ServiceDeps & { random: Random }, initiativeId: string, pass: number): Promise<SweepResult> {
  const started = performance.now();
  // A lean read, oldest first: Prisma's mapping of a thousand model rows cost more than reading them (issue 17).
  const rows = (
    await leanRead<Omit<RequestRow, 'sameTimezone'> & { sameTimezone: boolean | number }>(
      deps.db,
      Prisma.sql`SELECT "id", "seekerId", "topicId", "language", "sameTimezone", "seekerTimezone" FROM "SupportRequest"
        WHERE "initiativeId" = ${initiativeId} AND "status" = 'waiting' ORDER BY "createdAt" ASC`,
    )
  ).map((r): RequestRow => ({ ...r, sameTimezone: r.sameTimezone === true || r.sameTimezone === 1 }));
  if (rows.length === 0) return { made: [], outboxIds: [], lost: [] };
  const now = deps.clock.now();
  // Independent reads, sent together: on PostgreSQL they run on several pooled connections at once.
  const [initiative, blocks, listeners, histories] = await Promise.all([
    leanRead<{ offerTimeoutHours: number | bigint; workspaceId: string }>(
      deps.db,
      Prisma.sql`SELECT "offerTimeoutHours", "workspaceId" FROM "Initiative" WHERE "id" = ${initiativeId}`,
    ).then(([row]) => {
      if (!row) throw new Error(`initiative ${initiativeId} not found`);
      return { offerTimeoutHours: Number(row.offerTimeoutHours), workspaceId: row.workspaceId };
    }),
    loadBlocks(deps.db, initiativeId),
    loadCandidates(deps.db, initiativeId),
    loadHistories(deps.db, initiativeId),
  ]);
  const candidates = new Map(listeners.map((c) => [c.id, c]));
  const requests = rows.map((r) => toRequestToMatch(r, histories.get(r.id) ?? NO_HISTORY, blocks.get(r.seekerId) ?? NOBODY));
  const loaded = performance.now();
  const expiresAt = new Date(now.getTime() + initiative.offerTimeoutHours * HOUR);
  const plans = planOffers(requests, listeners, now);
  const planned = performance.now();

  const result: SweepResult = { made: [], outboxIds: [], lost: [] };
  const together = plans.length >= SPLIT_FROM && hasConnectionPool(deps.db) ? CLAIMS_AT_ONCE : 1;
  const groups = splitByListener(plans, together, CLAIMS_PER_TRANSACTION);
  for (let i = 0; i < groups.length; i += together) {
    const claims = await Promise.all(
      groups.slice(i, i + together).map(async (group) => {
        const chunk = group.map((p) => ({ requestId: p.requestId, listener: candidates.get(p.listenerId)! }));
        try {
          return await deps.db.$transaction((tx) => claimBatch(tx, chunk, now, expiresAt, initiative.workspaceId, deps.random));
        } catch (error) {
          // Another process may hold the same rows (PostgreSQL can pick this transaction as a deadlock
          // victim); nothing of the chunk was kept, so its requests are tried again.
          deps.logger.warn({ err: error, code: 'batch_claim_failed' }, 'matching again');
          return { made: [], outboxIds: [], lost: chunk.map((p) => p.requestId) };
        }
      }),
    );
    for (const claimed of claims) {
      result.made.push(...claimed.made);
      result.outboxIds.push(...claimed.outboxIds);
      result.lost.push(...claimed.lost);
    }
  }
  const ms = (from: number, to: number) => Math.round((to - from) * 10) / 10;
  deps.logger.debug(
    {
      code: 'matching_sweep',
      pass,
      requests: rows.length,
      listeners: listeners.length,
      offers: result.made.length,
      lost: result.lost.length,
      loadMs: ms(started, loaded),
      planMs: ms(loaded, planned),
      claimMs: ms(planned, performance.now()),
    },
    'matching sweep',
  );
  return result;
}

/**
 * Offers every waiting request of an initiative that can be offered now, oldest first: a few queries
 * to load, one pass to plan (domain/matching.ts), then the claims, set-based, in transactions of up to
 * 1,000. Run when a listener becomes available (new, resumed, a slot freed) and by the scheduler.
 */
export async function matchWaitingRequests(deps: ServiceDeps & { random: Random }, initiativeId: string): Promise<{ offers: OfferMade[]; outboxIds: string[] }> {
  const first = await sweepOnce(deps, initiativeId, 1);
  const made = first.made;
  const outboxIds = first.outboxIds;
  let lost = first.lost;
  if (lost.length > 0) {
    // A planned slot went to another process meanwhile: plan once more on fresh counts (one pass for
    // them all, where matching each on its own would load the listeners again for every one).
    const second = await sweepOnce(deps, initiativeId, 2);
    made.push(...second.made);
    outboxIds.push(...second.outboxIds);
    lost = second.lost;
  }
  // Still racing: those few are matched on their own.
  for (const requestId of lost) {
    const result = await matchRequest(deps, requestId);
    if (result.kind === 'offered') {
      made.push(result.offer);
      outboxIds.push(...result.outboxIds);
    }
  }
  return { offers: made, outboxIds };
}
