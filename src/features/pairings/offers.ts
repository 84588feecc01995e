import { randomUUID } from 'node:crypto';
import { Prisma, type Db, type Tx } from '../../db/client.js';
import { jsonRows } from '../../db/json-rows.js';
import type { CandidateListener } from '../../domain/matching.js';
import { getOrCreate } from '../../domain/maps.js';
import { pausesForNoAnswer } from '../../domain/pause.js';
import { pickPseudonym, type Random } from '../../domain/pseudonyms.js';
import { weekStart } from '../../domain/weeks.js';
import { enqueue, outboxKey, type OutboxEntry } from '../../outbox/outbox.js';
import { scheduleForPairing } from '../check-ins/service.js';
import { incrementCount } from '../common/anonymous-counts.js';
import { coordinatorsOf, type ServiceDeps } from '../initiatives/service.js';
import type { OfferClosed } from './copy.js';
import { enqueueWaiting, waitingEntry } from '../requests/waiting.js';
import { toPairing, withRequest, type Pairing } from './pairing-row.js';

// The one owner of offers and listeners' slots (STYLE.md "One owner per lifecycle"): an offer is
// claimed with a slot, answered, expired or withdrawn here and nowhere else. Every change is a
// conditional update inside a transaction, so a double click or a second process changes nothing
// twice, and a listener's slot is taken only while reserved < capacity (DESIGN.md "Data layer").
// The offer DM and the note that replaces it are outbox rows written in the same transaction.

export interface OfferMade {
  offerId: string;
  requestId: string;
  listenerId: string;
  listenerUserId: string;
  expiresAt: Date;
}

/** Outbox rows that offer a listener a request; sent right after commit, or later by the scheduler. */
function offerMessages(workspaceId: string, made: readonly OfferMade[]): OutboxEntry[] {
  return made.map((o) => ({
    key: outboxKey.offer(o.offerId),
    workspaceId,
    recipientId: o.listenerUserId,
    subjectId: o.offerId,
    message: { kind: 'offer', offerId: o.offerId },
  }));
}

/** The note that replaces an offer message once it can no longer be answered: why, worded when sent. */
function offerClosedMessage(workspaceId: string, offer: { id: string; listenerUserId: string }, closed: OfferClosed): OutboxEntry {
  return {
    key: outboxKey.offerClosed(offer.id),
    workspaceId,
    recipientId: offer.listenerUserId,
    subjectId: offer.id,
    message: { kind: 'offer_closed', offerId: offer.id, closed },
  };
}

export type Claim = { kind: 'made'; offer: OfferMade; outboxIds: string[] } | { kind: 'request-gone' } | { kind: 'slot-gone' };

/**
 * The names each listener (by user id: one DM with the app holds all their conversations) already sees
 * in their conversations and pending offers: every active pairing's two pseudonyms and every pending
 * offer's seeker pseudonym. One query however many listeners, naming each of them once (a sweep asks
 * for a thousand).
 */
async function pseudonymsInUse(tx: Tx, listenerUserIds: readonly string[]): Promise<Map<string, Set<string>>> {
  const inUse = new Map<string, Set<string>>(listenerUserIds.map((id) => [id, new Set<string>()]));
  if (listenerUserIds.length === 0) return inUse;
  const ids = jsonRows([...inUse.keys()].map((id) => ({ id })));
  const rows = await tx.$queryRaw<{ userId: string; name: string; own: string | null }[]>`
    WITH "ids" ("userId") AS (SELECT x.value ->> 'id' FROM jsonb_each(${ids}) x)
    SELECT p."listenerUserId" AS "userId", p."seekerPseudonym" AS "name", p."listenerPseudonym" AS "own" FROM "Pairing" p
      WHERE p."status" = 'active' AND p."listenerUserId" IN (SELECT "userId" FROM "ids")
    UNION ALL
    SELECT l."userId" AS "userId", r."seekerPseudonym" AS "name", NULL AS "own" FROM "Offer" o
      JOIN "ListenerProfile" l ON l."id" = o."listenerId"
      JOIN "SupportRequest" r ON r."id" = o."requestId"
      WHERE o."status" = 'pending' AND l."userId" IN (SELECT "userId" FROM "ids")`;
  for (const r of rows) {
    const seen = inUse.get(r.userId);
    seen?.add(r.name);
    if (r.own !== null) seen?.add(r.own);
  }
  return inUse;
}

/**
 * Before offers go out: a request whose seeker pseudonym the listener already sees (a seeker or their own
 * name in an active pairing, a seeker in a pending offer, or an earlier claim of this batch) gets a new
 * one, picked at random avoiding those. Safe only because no pairing exists yet: the seeker has not been
 * told their pseudonym (the waiting message does not name it) and the offer is rendered from the row
 * when it is sent. Runs after the listener's slot was taken, so on PostgreSQL a concurrent claim for
 * the same profile waits on that row lock and then sees this one's pending offer.
 */
async function avoidPseudonymClashes(
  tx: Tx,
  claims: readonly { requestId: string; listenerUserId: string; seekerPseudonym: string }[],
  random: Random,
): Promise<void> {
  if (claims.length === 0) return;
  const inUse = await pseudonymsInUse(tx, claims.map((c) => c.listenerUserId));
  // First every name that can stay does (the first of two equal names in a batch keeps it), then the
  // others are re-picked avoiding all of those, so a new name never takes a later claim's.
  const clashing = claims.filter((c) => {
    const seen = inUse.get(c.listenerUserId)!;
    if (seen.has(c.seekerPseudonym)) return true;
    seen.add(c.seekerPseudonym);
    return false;
  });
  if (clashing.length === 0) return;
  const renamed = clashing.map((c) => {
    const seen = inUse.get(c.listenerUserId)!;
    const name = pickPseudonym(random, seen);
    seen.add(name);
    return { requestId: c.requestId, name };
  });
  const rename = Prisma.sql`CASE "id" ${Prisma.join(
    renamed.map((r) => Prisma.sql`WHEN ${r.requestId} THEN ${r.name}`),
    ' ',
  )} ELSE "seekerPseudonym" END`;
  await tx.$executeRaw`UPDATE "SupportRequest" SET "seekerPseudonym" = ${rename} WHERE "id" IN (${Prisma.join(renamed.map((r) => r.requestId))})`;
}

/**
 * Makes one offer inside `tx`, or changes nothing: the request must still be waiting and the listener
 * must still be active with a free slot. Decided by the row counts of conditional updates, so it holds
 * with any number of processes.
 */
export async function claimOffer(tx: Tx, requestId: string, listener: CandidateListener, now: Date, expiresAt: Date, random: Random): Promise<Claim> {
  const claimed = await tx.$queryRaw<{ seekerPseudonym: string }[]>`UPDATE "SupportRequest" SET "status" = 'offered' WHERE "id" = ${requestId} AND "status" = 'waiting' RETURNING "seekerPseudonym"`;
  if (claimed.length !== 1) return { kind: 'request-gone' };
  // One statement compares and increments, so the last free slot goes to exactly one request.
  const slot = await tx.$executeRaw`UPDATE "ListenerProfile" SET "reservedSlots" = "reservedSlots" + 1, "lastOfferAt" = ${now} WHERE "id" = ${listener.id} AND "status" = 'active' AND "reservedSlots" < "capacity"`;
  if (slot !== 1) {
    await tx.supportRequest.update({ where: { id: requestId }, data: { status: 'waiting' } });
    return { kind: 'slot-gone' };
  }
  await avoidPseudonymClashes(tx, [{ requestId, listenerUserId: listener.userId, seekerPseudonym: claimed[0]!.seekerPseudonym }], random);
  const row = await tx.offer.create({
    data: { requestId, listenerId: listener.id, status: 'pending', offeredAt: now, expiresAt },
    include: { request: { select: { initiative: { select: { workspaceId: true } } } } },
  });
  const offer = { offerId: row.id, requestId, listenerId: listener.id, listenerUserId: listener.userId, expiresAt };
  const outboxIds = await enqueue(tx, now, offerMessages(row.request.initiative.workspaceId, [offer]));
  return { kind: 'made', offer, outboxIds };
}

/**
 * Many claims in one transaction, set-based: one statement claims the requests that are still waiting,
 * one per distinct number of planned slots takes each listener's slots only where all of them still
 * fit, and one inserts the offers; pseudonym clashes are found with one more and renamed with one more,
 * and the offer messages are one insert into the outbox. Requests whose listener no longer had room go
 * back to waiting and are returned in `lost`.
 */
export async function claimBatch(
  tx: Tx,
  plans: readonly { requestId: string; listener: CandidateListener }[],
  now: Date,
  expiresAt: Date,
  workspaceId: string,
  random: Random,
): Promise<{ made: OfferMade[]; lost: string[]; outboxIds: string[] }> {
  if (plans.length === 0) return { made: [], lost: [], outboxIds: [] };
  const requestIds = jsonRows(plans.map((p) => ({ id: p.requestId })));
  const claimedRows = await tx.$queryRaw<{ id: string; seekerPseudonym: string }[]>`
    UPDATE "SupportRequest" SET "status" = 'offered'
      WHERE "status" = 'waiting' AND "id" IN (SELECT x.value ->> 'id' FROM jsonb_each(${requestIds}) x)
      RETURNING "id", "seekerPseudonym"`;
  const claimed = new Map(claimedRows.map((r) => [r.id, r.seekerPseudonym]));
  const mine = plans.filter((p) => claimed.has(p.requestId));
  if (mine.length === 0) return { made: [], lost: [], outboxIds: [] };

  const perListener = new Map<string, number>();
  for (const p of mine) perListener.set(p.listener.id, (perListener.get(p.listener.id) ?? 0) + 1);
  const byCount = new Map<number, { id: string }[]>();
  for (const [id, count] of perListener) getOrCreate(byCount, count, () => []).push({ id });
  // One statement compares and increments, so a listener's last free slots go to exactly one claim
  // (reserved never above capacity, whatever runs at the same time); one per number of slots planned,
  // so a sweep that spreads its offers (one per listener) takes every slot in a single statement.
  const fits = new Set<string>();
  for (const [count, ids] of byCount) {
    const fitted = await tx.$queryRaw<{ id: string }[]>`
      UPDATE "ListenerProfile" SET "reservedSlots" = "reservedSlots" + ${count}, "lastOfferAt" = ${now}
        WHERE "id" IN (SELECT x.value ->> 'id' FROM jsonb_each(${jsonRows(ids)}) x) AND "status" = 'active' AND "reservedSlots" + ${count} <= "capacity"
        RETURNING "id"`;
    for (const r of fitted) fits.add(r.id);
  }

  const lost = mine.filter((p) => !fits.has(p.listener.id)).map((p) => p.requestId);
  if (lost.length > 0) {
    await tx.$executeRaw`UPDATE "SupportRequest" SET "status" = 'waiting' WHERE "id" IN (SELECT x.value ->> 'id' FROM jsonb_each(${jsonRows(lost.map((id) => ({ id })))}) x)`;
  }
  const made = mine
    .filter((p) => fits.has(p.listener.id))
    .map((p) => ({ offerId: randomUUID(), requestId: p.requestId, listenerId: p.listener.id, listenerUserId: p.listener.userId, expiresAt }));
  if (made.length === 0) return { made, lost, outboxIds: [] };
  await avoidPseudonymClashes(
    tx,
    made.map((o) => ({ requestId: o.requestId, listenerUserId: o.listenerUserId, seekerPseudonym: claimed.get(o.requestId)! })),
    random,
  );
  const offers = jsonRows(made.map((o) => ({ id: o.offerId, requestId: o.requestId, listenerId: o.listenerId })));
  await tx.$executeRaw`
    INSERT INTO "Offer" ("id", "requestId", "listenerId", "status", "offeredAt", "expiresAt")
      SELECT x.value ->> 'id', x.value ->> 'requestId', x.value ->> 'listenerId', 'pending', ${now}, ${expiresAt} FROM jsonb_each(${offers}) x`;
  const outboxIds = await enqueue(tx, now, offerMessages(workspaceId, made));
  return { made, lost, outboxIds };
}

/** Gives a reserved slot back (offer declined or expired, pairing ended); never below zero. */
export async function releaseSlot(tx: Tx | Db, listenerId: string): Promise<void> {
  await tx.$executeRaw`UPDATE "ListenerProfile" SET "reservedSlots" = "reservedSlots" - 1 WHERE "id" = ${listenerId} AND "reservedSlots" > 0`;
}

export type OfferAnswer =
  | { kind: 'paired'; pairing: Pairing; workspaceId: string; outboxIds: string[] }
  | { kind: 'declined'; requestId: string; initiativeId: string; outboxIds: string[] }
  | { kind: 'gone' }
  | { kind: 'not-yours' };

/**
 * The listener accepts or declines. Accepting turns the reserved slot into a pairing and writes both
 * introductions to the outbox in the same transaction, so a pairing never exists that nobody is told
 * about; declining gives the slot back and puts the request back in the queue.
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
    await resetUnanswered(tx, offer.listenerId);
    if (!input.accept) {
      const outboxIds = await afterDecline(tx, offer, now);
      return { kind: 'declined', requestId: offer.requestId, initiativeId: offer.request.initiativeId, outboxIds };
    }
    const moved = await tx.supportRequest.updateMany({
      where: { id: offer.requestId, status: 'offered' },
      data: { status: 'paired', matchedAt: now },
    });
    if (moved.count !== 1) {
      await releaseSlot(tx, offer.listenerId);
      return { kind: 'gone' };
    }
    // The listener's name differs from this seeker's and from every name the listener already sees (their
    // other seekers, pending offers included), so no seeker's name is ever theirs too. The no-op update
    // takes the profile's row lock first (PostgreSQL), as a claim does, so an offer being made to this
    // listener right now either committed before (its seeker is seen here) or waits and then sees this pairing.
    await tx.$executeRaw`UPDATE "ListenerProfile" SET "reservedSlots" = "reservedSlots" WHERE "id" = ${offer.listenerId}`;
    const seen = (await pseudonymsInUse(tx, [offer.listener.userId])).get(offer.listener.userId)!;
    const row = await tx.pairing.create({
      data: {
        requestId: offer.requestId,
        listenerId: offer.listenerId,
        seekerId: offer.request.seekerId,
        listenerUserId: offer.listener.userId,
        seekerPseudonym: offer.request.seekerPseudonym,
        listenerPseudonym: pickPseudonym(deps.random, [offer.request.seekerPseudonym, ...seen]),
        // Posting to a user id opens the DM; the real channel ids are recorded as each introduction goes.
        seekerChannel: offer.request.seekerId,
        listenerChannel: offer.listener.userId,
        status: 'active',
        startedAt: now,
      },
      include: withRequest,
    });
    const initiative = await tx.initiative.findUniqueOrThrow({
      where: { id: offer.request.initiativeId },
      select: { id: true, firstCheckInDays: true, reviewAfterWeeks: true, workspaceId: true },
    });
    await scheduleForPairing(tx, { ...row, startedAt: now }, initiative);
    await incrementCount(tx, { initiativeId: initiative.id, metric: 'request_matched', at: now, topicId: offer.request.topicId ?? undefined });
    // How long the request waited, without who waited (for the median and 90th percentile).
    await tx.matchTime.create({
      data: { initiativeId: initiative.id, weekStart: weekStart(now), minutes: Math.round((now.getTime() - offer.request.createdAt.getTime()) / 60_000) },
    });
    const pairing = toPairing(row);
    const outboxIds = await enqueue(tx, now, [
      ...(['seeker', 'listener'] as const).map((side): OutboxEntry => ({
        key: outboxKey.intro(pairing.id, side),
        workspaceId: initiative.workspaceId,
        recipientId: side === 'seeker' ? pairing.seekerId : pairing.listenerUserId,
        subjectId: pairing.id,
        message: { kind: 'intro', pairingId: pairing.id, side },
      })),
      // The waiting message, if one went out, now says a listener said yes (none is posted for this).
      ...(offer.request.waitingMessageTs
        ? [waitingEntry({ id: offer.requestId, seekerId: offer.request.seekerId, workspaceId: initiative.workspaceId }, 'paired')]
        : []),
    ]);
    return { kind: 'paired', pairing, workspaceId: initiative.workspaceId, outboxIds };
  });
}

/** Any answer, yes or no, ends a run of unanswered offers (issue 15: noticing without blaming). */
async function resetUnanswered(tx: Tx, listenerId: string): Promise<void> {
  await tx.listenerProfile.updateMany({ where: { id: listenerId, unansweredOffers: { gt: 0 } }, data: { unansweredOffers: 0 } });
}

/** A settled decline: the slot goes back, the request waits again, and the seeker's waiting message says so at once. */
async function afterDecline(tx: Tx, offer: { listenerId: string; requestId: string }, now: Date): Promise<string[]> {
  await releaseSlot(tx, offer.listenerId);
  const requeued = await tx.supportRequest.updateMany({ where: { id: offer.requestId, status: 'offered' }, data: { status: 'waiting' } });
  return requeued.count === 1 ? await enqueueWaiting(tx, now, offer.requestId, 'declined') : [];
}

export type DeclineWhilePausing = { kind: 'declined'; requestId: string; outboxIds: string[] } | { kind: 'gone' } | { kind: 'not-yours' };

/**
 * Declines an offer inside the caller's transaction, as part of pausing from that offer ("Pause
 * until…" on the offer message). As a click on Decline, except that no click answer replaces the offer
 * message, so the note that it passed on is an outbox row too. The caller sends the request on.
 */
export async function declineOfferWhilePausing(tx: Tx, input: { offerId: string; userId: string }, now: Date): Promise<DeclineWhilePausing> {
  const offer = await tx.offer.findUnique({
    where: { id: input.offerId },
    include: { listener: { select: { userId: true } }, request: { select: { initiative: { select: { workspaceId: true } } } } },
  });
  if (!offer) return { kind: 'gone' };
  if (offer.listener.userId !== input.userId) return { kind: 'not-yours' };
  const settled = await tx.offer.updateMany({ where: { id: offer.id, status: 'pending' }, data: { status: 'declined', respondedAt: now } });
  if (settled.count !== 1) return { kind: 'gone' };
  await resetUnanswered(tx, offer.listenerId);
  const outboxIds = await afterDecline(tx, offer, now);
  const closed = await enqueue(tx, now, [
    offerClosedMessage(offer.request.initiative.workspaceId, { id: offer.id, listenerUserId: offer.listener.userId }, 'declined'),
  ]);
  return { kind: 'declined', requestId: offer.requestId, outboxIds: [...closed, ...outboxIds] };
}

/**
 * One more offer went unanswered (inside the expiry's transaction). The third in a row pauses new
 * offers, once: only the update that moved the profile from active writes the kind note (issue 15).
 */
async function noticeUnanswered(
  tx: Tx,
  listener: { id: string; userId: string },
  initiative: { id: string; name: string; workspaceId: string },
  now: Date,
): Promise<{ outboxIds: string[]; homes: string[] } | null> {
  // One statement counts, so two sweeps expiring two offers of one listener count both.
  const rows = await tx.$queryRaw<{ unansweredOffers: number | bigint }[]>`UPDATE "ListenerProfile" SET "unansweredOffers" = "unansweredOffers" + 1 WHERE "id" = ${listener.id} RETURNING "unansweredOffers"`;
  if (!pausesForNoAnswer(Number(rows[0]?.unansweredOffers ?? 0))) return null;
  const paused = await tx.listenerProfile.updateMany({
    where: { id: listener.id, status: 'active' },
    data: { status: 'paused', pauseReason: 'no_answer', pausedAt: now, pausedUntil: null },
  });
  if (paused.count !== 1) return null;
  const outboxIds = await enqueue(tx, now, [
    {
      key: outboxKey.once(`no-answer-pause:${listener.id}`),
      workspaceId: initiative.workspaceId,
      recipientId: listener.userId,
      subjectId: listener.id,
      // Worded when sent, in the listener's language then.
      message: { kind: 'listener_note', note: 'pausedForNoAnswer', initiativeId: initiative.id },
    },
  ]);
  // Coordinators see "paused (no answer)" in their listener list.
  return { outboxIds, homes: [listener.userId, ...(await coordinatorsOf(tx, initiative.id))] };
}

export interface ExpiredOffers {
  count: number;
  initiativeIds: string[];
  outboxIds: string[];
  /** Listeners paused because offers went unanswered: their Homes, and their coordinators', to refresh. */
  homes: { workspaceId: string; userIds: string[] }[];
}

/**
 * Times out offers nobody answered. Each offer is claimed with a conditional update, so with two
 * processes sweeping at once each expiry happens once; the requests go back to waiting and the offer
 * message is replaced (through the outbox).
 */
export async function expireOffers(deps: ServiceDeps): Promise<ExpiredOffers> {
  const now = deps.clock.now();
  const due = await deps.db.offer.findMany({
    where: { status: 'pending', expiresAt: { lte: now } },
    include: {
      listener: { select: { userId: true } },
      request: { select: { initiativeId: true, initiative: { select: { workspaceId: true, name: true } } } },
    },
    orderBy: { expiresAt: 'asc' },
    take: 500,
  });
  const result: ExpiredOffers = { count: 0, initiativeIds: [], outboxIds: [], homes: [] };
  for (const offer of due) {
    const { workspaceId, name } = offer.request.initiative;
    const done = await deps.db.$transaction(async (tx) => {
      const claimed = await tx.offer.updateMany({ where: { id: offer.id, status: 'pending' }, data: { status: 'timed_out', respondedAt: now } });
      if (claimed.count !== 1) return null;
      await releaseSlot(tx, offer.listenerId);
      const requeued = await tx.supportRequest.updateMany({ where: { id: offer.requestId, status: 'offered' }, data: { status: 'waiting' } });
      const closed = await enqueue(tx, now, [
        offerClosedMessage(workspaceId, { id: offer.id, listenerUserId: offer.listener.userId }, 'expired'),
      ]);
      const waiting = requeued.count === 1 ? await enqueueWaiting(tx, now, offer.requestId, 'declined') : [];
      const noticed = await noticeUnanswered(
        tx,
        { id: offer.listenerId, userId: offer.listener.userId },
        { id: offer.request.initiativeId, name, workspaceId },
        now,
      );
      return { outboxIds: [...closed, ...waiting, ...(noticed?.outboxIds ?? [])], homes: noticed?.homes ?? null };
    });
    if (done) {
      result.count += 1;
      result.outboxIds.push(...done.outboxIds);
      if (done.homes) result.homes.push({ workspaceId, userIds: done.homes });
      if (!result.initiativeIds.includes(offer.request.initiativeId)) result.initiativeIds.push(offer.request.initiativeId);
    }
  }
  return result;
}

/**
 * Withdraws pending offers (the seeker cancelled or left, or the listener stopped): each slot is given
 * back, each request that was on offer waits again, and each offer message is replaced.
 */
export async function withdrawOffers(
  tx: Tx,
  where: { requestId: string } | { listenerId: string },
  now: Date,
): Promise<{ requestIds: string[]; outboxIds: string[] }> {
  const offers = await tx.offer.findMany({
    where: { ...where, status: 'pending' },
    include: { listener: { select: { userId: true } }, request: { select: { initiativeId: true, initiative: { select: { workspaceId: true } } } } },
  });
  const outboxIds: string[] = [];
  for (const offer of offers) {
    const withdrawn = await tx.offer.updateMany({ where: { id: offer.id, status: 'pending' }, data: { status: 'withdrawn', respondedAt: now } });
    if (withdrawn.count !== 1) continue;
    await releaseSlot(tx, offer.listenerId);
    const requeued = await tx.supportRequest.updateMany({ where: { id: offer.requestId, status: 'offered' }, data: { status: 'waiting' } });
    const { workspaceId } = offer.request.initiative;
    outboxIds.push(...(await enqueue(tx, now, [offerClosedMessage(workspaceId, { id: offer.id, listenerUserId: offer.listener.userId }, 'withdrawn')])));
    // The listener stopped: the seeker, still waiting, hears it (a cancel closed the request first).
    if (requeued.count === 1) outboxIds.push(...(await enqueueWaiting(tx, now, offer.requestId, 'declined')));
  }
  return { requestIds: offers.map((o) => o.requestId), outboxIds };
}

export interface OfferDetails {
  offerId: string;
  requestId: string;
  initiativeId: string;
  initiativeName: string;
  /** The initiative's texts in other languages, as stored (the topic label in the listener's language). */
  initiativeTexts: string;
  offerTimeoutHours: number;
  topic: string | null;
  note: string | null;
  seekerPseudonym: string;
  listenerUserId: string;
  expiresAt: Date;
  status: string;
  channel: string | null;
  messageTs: string | null;
}

export async function getOffer(db: Db | Tx, offerId: string): Promise<OfferDetails | null> {
  const offer = await db.offer.findUnique({
    where: { id: offerId },
    include: {
      listener: { select: { userId: true } },
      request: { include: { topic: { select: { label: true } }, initiative: { select: { name: true, offerTimeoutHours: true, texts: true } } } },
    },
  });
  if (!offer) return null;
  return {
    offerId: offer.id,
    requestId: offer.requestId,
    initiativeId: offer.request.initiativeId,
    initiativeName: offer.request.initiative.name,
    initiativeTexts: offer.request.initiative.texts,
    offerTimeoutHours: offer.request.initiative.offerTimeoutHours,
    topic: offer.request.topic?.label ?? null,
    note: offer.request.note,
    seekerPseudonym: offer.request.seekerPseudonym,
    listenerUserId: offer.listener.userId,
    expiresAt: offer.expiresAt,
    status: offer.status,
    channel: offer.channel,
    messageTs: offer.messageTs,
  };
}

export async function recordOfferMessage(db: Db | Tx, offerId: string, channel: string, ts: string): Promise<void> {
  await db.offer.updateMany({ where: { id: offerId }, data: { channel, messageTs: ts } });
}
