import type { Db, Tx } from '../../db/client.js';
import { claimRows, dueIds, RELEASED, underClaim, type Claim } from '../../delivery/lease.js';
import { MAX_SEND_ATTEMPTS, nextOnCadence, retryDelayMinutes } from '../../domain/delivery.js';
import { enqueue, outboxKey } from '../../outbox/outbox.js';
import { incrementCount } from '../common/anonymous-counts.js';
import { section } from '../common/blocks.js';
import { afterSessionPrompt } from '../circles/sessions.js';
import { endPairingIn, type Ended } from '../pairings/end.js';
import * as copy from './copy.js';
import { coordinatorsOf, type ServiceDeps } from '../initiatives/service.js';
import { isReviewKind, kindsAnswerable, type CheckInAnswer, type CheckInKind } from './ids.js';

// Check-ins as rows (issue 5). Creating, claiming with a lease, marking sent, rescheduling and
// answering are each conditional updates, so two app processes on one database send each check-in
// once, and a process that dies after claiming leaves a row another process sends once the lease ends.

const DAY = 24 * 60 * 60 * 1000;
const WEEK = 7 * DAY;
const FIRST_WAITING_UPDATE_MS = DAY;
export { LEASE_MS } from '../../delivery/lease.js';

/**
 * What a new pairing sets going: the seeker's first check-in N days after it starts, the planned-ending
 * question to each side after `reviewAfterWeeks` (once, issue 15), and the listener's check-in unless
 * one is already on its way: a listener hears from us once a period, whatever their number of
 * conversations (subject: their profile, no pairing).
 */
export async function scheduleForPairing(
  tx: Tx,
  pairing: { id: string; listenerId: string; seekerId: string; listenerUserId: string; startedAt: Date },
  initiative: { id: string; firstCheckInDays: number; reviewAfterWeeks: number },
): Promise<void> {
  const dueAt = new Date(pairing.startedAt.getTime() + initiative.firstCheckInDays * DAY);
  const reviewAt = new Date(pairing.startedAt.getTime() + initiative.reviewAfterWeeks * WEEK);
  await tx.checkIn.createMany({
    data: [
      { kind: 'seeker', recipientId: pairing.seekerId, dueAt },
      { kind: 'seeker_review', recipientId: pairing.seekerId, dueAt: reviewAt },
      { kind: 'listener_review', recipientId: pairing.listenerUserId, dueAt: reviewAt },
    ].map((c) => ({
      initiativeId: initiative.id,
      kind: c.kind,
      subjectId: pairing.id,
      pairingId: pairing.id,
      recipientId: c.recipientId,
      sequence: 1,
      dueAt: c.dueAt,
      deliverAt: c.dueAt,
      status: 'scheduled',
    })),
  });
  await scheduleListenerCheckIn(tx, { profileId: pairing.listenerId, userId: pairing.listenerUserId, initiativeId: initiative.id, dueAt });
}

/**
 * Takes the listener profile's row lock for the rest of the transaction (a no-op UPDATE: both providers
 * support it). Deciding whether a listener needs a check-in (a pairing starting) and deciding they no
 * longer do (the dispatcher finding no active conversation) both hold it, so on PostgreSQL two pairings
 * of one listener starting at once, or a pairing starting while their check-in is being cancelled, run
 * one after the other and the second sees what the first committed. False if the profile is gone.
 */
async function lockListenerProfile(tx: Tx, profileId: string): Promise<boolean> {
  const updated = await tx.$executeRaw`UPDATE "ListenerProfile" SET "reservedSlots" = "reservedSlots" WHERE "id" = ${profileId}`;
  return updated === 1;
}

/** The listener's check-in, if none is scheduled or being sent: one per listener, not per conversation. */
async function scheduleListenerCheckIn(tx: Tx, input: { profileId: string; userId: string; initiativeId: string; dueAt: Date }): Promise<void> {
  await lockListenerProfile(tx, input.profileId);
  const mine = { subjectId: input.profileId, kind: 'listener' };
  const pending = await tx.checkIn.findFirst({ where: { ...mine, status: { in: ['scheduled', 'sending'] } }, select: { id: true } });
  if (pending) return;
  const last = await tx.checkIn.findFirst({ where: mine, orderBy: { sequence: 'desc' }, select: { sequence: true } });
  // Under the profile's lock no twin can insert the same sequence (without it, two pairings starting at
  // once on PostgreSQL both read "none pending" and the second fails on the unique (subjectId, kind,
  // sequence) key, taking its pairing down with it). The key still stands behind the lock: never two
  // check-ins for one period.
  await tx.checkIn.create({
    data: {
      initiativeId: input.initiativeId,
      kind: 'listener',
      subjectId: input.profileId,
      pairingId: null,
      recipientId: input.userId,
      sequence: (last?.sequence ?? 0) + 1,
      dueAt: input.dueAt,
      deliverAt: input.dueAt,
      status: 'scheduled',
    },
  });
}

/**
 * A listener's check-in found due with no conversation left: cancelled (no next one; their next pairing
 * schedules a new one). Under the profile's lock, so a pairing starting at this moment either commits
 * first (and the check-in goes: 'still-needed') or finds this one cancelled and schedules its own.
 */
export async function cancelIdleListenerCheckIn(db: Db, input: { claim: Claim; profileId: string }): Promise<'cancelled' | 'still-needed'> {
  return db.$transaction(async (tx) => {
    if (await lockListenerProfile(tx, input.profileId)) {
      const active = await tx.pairing.count({ where: { listenerId: input.profileId, status: 'active' } });
      if (active > 0) return 'still-needed';
    }
    await tx.checkIn.updateMany({ where: underClaim(input.claim), data: { status: 'cancelled', ...RELEASED } });
    return 'cancelled';
  });
}

/**
 * A listener who stops or erases their data is checked on no more: their check-ins go with their
 * profile (no pairing cascades them). One being sent right now is cancelled instead, so its sender
 * settles it quietly.
 */
export async function removeListenerCheckIns(tx: Tx, profileId: string): Promise<void> {
  const mine = { subjectId: profileId, kind: 'listener' };
  await tx.checkIn.updateMany({ where: { ...mine, status: 'sending' }, data: { status: 'cancelled' } });
  await tx.checkIn.deleteMany({ where: { ...mine, status: { not: 'cancelled' } } });
  await tx.checkIn.deleteMany({ where: { ...mine, status: 'cancelled', leaseOwner: null } });
}

/**
 * A status update for a seeker still waiting: 24 hours after they asked, then every M days
 * (`waitingUpdateEveryDays`, on from markSent), unless one is already scheduled.
 */
export async function scheduleWaitingUpdate(
  tx: Tx,
  request: { id: string; seekerId: string },
  initiative: { id: string },
  now: Date,
): Promise<void> {
  const pending = await tx.checkIn.findFirst({ where: { subjectId: request.id, kind: 'waiting', status: { in: ['scheduled', 'sending'] } } });
  if (pending) return;
  const last = await tx.checkIn.findFirst({ where: { subjectId: request.id, kind: 'waiting' }, orderBy: { sequence: 'desc' } });
  // Whenever a request starts waiting (asked, or asked again for someone else), the first update
  // comes after a day: longer is silence for someone who may be struggling.
  const dueAt = new Date(now.getTime() + FIRST_WAITING_UPDATE_MS);
  await tx.checkIn.create({
    data: {
      initiativeId: initiative.id,
      kind: 'waiting',
      subjectId: request.id,
      requestId: request.id,
      recipientId: request.seekerId,
      sequence: (last?.sequence ?? 0) + 1,
      dueAt,
      deliverAt: dueAt,
      status: 'scheduled',
    },
  });
}

/**
 * A pairing that ended sends no more check-ins: its seeker check-ins and both planned-ending questions.
 * The listener's own check-in is about the listener, not this pairing (no pairingId): it goes on while
 * they have another conversation, and the dispatcher cancels it when it finds none.
 */
export async function cancelForPairing(tx: Tx, pairingId: string): Promise<void> {
  await tx.checkIn.updateMany({ where: { pairingId, status: { in: ['scheduled', 'sending'] } }, data: { status: 'cancelled' } });
}

export interface ClaimedCheckIn {
  id: string;
  initiativeId: string;
  kind: CheckInKind;
  subjectId: string;
  recipientId: string;
  sequence: number;
  dueAt: Date;
  attempts: number;
  /** The claim it was taken under; every change to the row until it is settled is fenced by it. */
  claim: Claim;
}

/**
 * Claims up to `limit` due check-ins for `owner`: scheduled ones whose time has come, and ones another
 * sender claimed but whose lease ran out (it died between claiming and sending). One UPDATE ...
 * RETURNING decides; a row another process claimed first is simply not returned.
 */
export async function claimDue(db: Db, input: { owner: string; now: Date; limit: number }): Promise<ClaimedCheckIn[]> {
  return claimCheckIns(db, { ...input, ids: await dueCheckInIds(db, input) });
}

/** Ids of check-ins that look due now; only a claim makes one this process's to send. */
export async function dueCheckInIds(db: Db, input: { now: Date; limit: number }): Promise<string[]> {
  return dueIds(db, 'CheckIn', input);
}

/** The claim itself: the conditions are checked again in the UPDATE, so stale ids claim nothing. */
export async function claimCheckIns(db: Db, input: { owner: string; now: Date; ids: string[] }): Promise<ClaimedCheckIn[]> {
  return loadClaimed(db, await claimRows(db, 'CheckIn', input));
}

/** The rows behind claims the dispatcher made. */
export async function loadClaimed(db: Db, claims: Claim[]): Promise<ClaimedCheckIn[]> {
  if (claims.length === 0) return [];
  const rows = new Map((await db.checkIn.findMany({ where: { id: { in: claims.map((c) => c.id) } } })).map((r) => [r.id, r]));
  return claims.flatMap((claim) => {
    const r = rows.get(claim.id);
    if (!r) return [];
    return [
      {
        id: r.id,
        initiativeId: r.initiativeId,
        kind: r.kind as CheckInKind,
        subjectId: r.subjectId,
        recipientId: r.recipientId,
        sequence: r.sequence,
        dueAt: r.dueAt,
        attempts: claim.attempt,
        claim,
      },
    ];
  });
}

/**
 * Records the send and schedules the next check-in on the cadence, in one transaction (a planned-ending
 * question is asked once: no next one; a circle's session prompt marks the session held and schedules
 * the member's next session). Returns false if the lease was lost (another sender took
 * over), which is logged as a possible duplicate.
 */
export async function markSent(
  db: Db,
  input: { checkIn: ClaimedCheckIn; now: Date; channel: string; ts: string; everyDays: number },
): Promise<true | false | 'cancelled'> {
  return db.$transaction(async (tx) => {
    const done = await tx.checkIn.updateMany({
      where: underClaim(input.checkIn.claim),
      data: { status: 'sent', sentAt: input.now, channel: input.channel, messageTs: input.ts, ...RELEASED },
    });
    if (done.count !== 1) {
      const row = await tx.checkIn.findUnique({ where: { id: input.checkIn.id }, select: { status: true } });
      // The pairing ended while this was being sent: it was cancelled meanwhile, not taken over; or the
      // listener stopped or erased their data, and it went with their profile.
      return row === null || row.status === 'cancelled' ? 'cancelled' : false;
    }
    const c = input.checkIn;
    if (isReviewKind(c.kind)) return true;
    // A circle's next session is on the circle's own clock, not the initiative's check-in cadence.
    if (c.kind === 'circle_session') {
      await afterSessionPrompt(tx, { memberId: c.subjectId, sequence: c.sequence, startsAt: c.dueAt, now: input.now });
      return true;
    }
    // After a long downtime, one check-in goes now and the next is a full period away, not overdue.
    const dueAt = nextOnCadence(c.dueAt, input.everyDays, input.now);
    await tx.checkIn.create({
      data: {
        initiativeId: c.initiativeId,
        kind: c.kind,
        subjectId: c.subjectId,
        // A listener's check-in is about the listener (subject: their profile), never one pairing.
        pairingId: c.kind === 'seeker' ? c.subjectId : null,
        requestId: c.kind === 'waiting' ? c.subjectId : null,
        recipientId: c.recipientId,
        sequence: c.sequence + 1,
        dueAt,
        deliverAt: dueAt,
        status: 'scheduled',
      },
    });
    return true;
  });
}

/** Not a humane hour for the recipient: put it back for later; this was not a failed attempt. */
/** Also for a 429: Slack asked us to wait, which is not a failed attempt either. */
export async function postpone(db: Db, input: { claim: Claim; deliverAt: Date; lastError?: string }): Promise<boolean> {
  const { count } = await db.checkIn.updateMany({
    where: underClaim(input.claim),
    data: { status: 'scheduled', deliverAt: input.deliverAt, ...RELEASED, attempts: { decrement: 1 }, ...(input.lastError ? { lastError: input.lastError } : {}) },
  });
  return count === 1;
}

export async function cancelClaimed(db: Db, input: { claim: Claim }): Promise<void> {
  await db.checkIn.updateMany({ where: underClaim(input.claim), data: { status: 'cancelled', ...RELEASED } });
}

/** A failed send is retried with backoff, and given up after a bounded number of tries. */
export async function recordFailure(
  db: Db,
  input: { checkIn: ClaimedCheckIn; now: Date; code: string },
): Promise<'retry' | 'gave-up' | 'lease-lost'> {
  const gaveUp = input.checkIn.attempts >= MAX_SEND_ATTEMPTS;
  const { count } = await db.checkIn.updateMany({
    where: underClaim(input.checkIn.claim),
    data: gaveUp
      ? { status: 'failed', lastError: input.code, ...RELEASED }
      : {
          status: 'scheduled',
          lastError: input.code,
          deliverAt: new Date(input.now.getTime() + retryDelayMinutes(input.checkIn.attempts) * 60_000),
          ...RELEASED,
        },
  });
  if (count !== 1) return 'lease-lost';
  return gaveUp ? 'gave-up' : 'retry';
}

export type AnswerResult =
  | { kind: 'already-answered' }
  | {
      kind: 'answered';
      answer: CheckInAnswer;
      workspaceId: string;
      initiativeId: string;
      ended: Ended | null;
      paused: boolean;
      outboxIds: string[];
    };

/**
 * A check-in answer and what it sets off, in one transaction (issues 5 and 15): stored as a choice (never
 * free text), counted anonymously, and acted on: "someone else" and "end" end the pairing through the
 * one path (pairings/end.ts), "a break" pauses new offers, "talk to a coordinator" writes a note to each
 * coordinator naming the listener, never whom they support (invariant 5); on the planned-ending question,
 * "let's wrap up" ends the pairing as planned (the request closes) and "keep going" changes nothing.
 * The first answer counts.
 */
export async function answerCheckIn(
  deps: ServiceDeps,
  input: { checkInId: string; userId: string; answer: CheckInAnswer },
): Promise<AnswerResult> {
  const now = deps.clock.now();
  // An answer must be one offered for that kind of check-in (a listener's choices never apply to a seeker's).
  const kinds = kindsAnswerable(input.answer);
  return deps.db.$transaction(async (tx): Promise<AnswerResult> => {
    const done = await tx.checkIn.updateMany({
      where: { id: input.checkInId, recipientId: input.userId, status: 'sent', answer: null, kind: { in: kinds } },
      data: { answer: input.answer, answeredAt: now },
    });
    if (done.count !== 1) return { kind: 'already-answered' };
    const row = await tx.checkIn.findUniqueOrThrow({ where: { id: input.checkInId } });
    const initiative = await tx.initiative.findUniqueOrThrow({ where: { id: row.initiativeId }, select: { name: true, workspaceId: true } });
    await incrementCount(tx, { initiativeId: row.initiativeId, metric: `checkin_${input.answer}`, at: now });
    const result: AnswerResult = {
      kind: 'answered',
      answer: input.answer,
      workspaceId: initiative.workspaceId,
      initiativeId: row.initiativeId,
      ended: null,
      paused: false,
      outboxIds: [],
    };
    if (row.kind === 'waiting') return result;
    if ((input.answer === 'someone_else' || input.answer === 'end') && row.pairingId) {
      result.ended = await endPairingIn(tx, { pairingId: row.pairingId, by: 'seeker', reason: input.answer === 'end' ? 'ended' : 'someone_else', now });
    } else if (input.answer === 'wrap_up' && row.pairingId) {
      // Whoever answered ends it; the request closes (a planned end is not a request for someone else).
      const by = row.kind === 'seeker_review' ? 'seeker' : 'listener';
      result.ended = await endPairingIn(tx, { pairingId: row.pairingId, by, reason: 'planned', now });
    } else if (input.answer === 'break') {
      // A listener's check-in is about them, not one conversation: their profile in this initiative pauses.
      const { count } = await tx.listenerProfile.updateMany({
        where: { initiativeId: row.initiativeId, userId: input.userId, status: 'active' },
        data: { status: 'paused', pausedAt: now, pauseReason: 'break', pausedUntil: null },
      });
      result.paused = count > 0;
    } else if (input.answer === 'coordinator') {
      const coordinators = await coordinatorsOf(tx, row.initiativeId);
      const notice = copy.coordinatorNotice(input.userId, initiative.name);
      result.outboxIds = await enqueue(
        tx,
        now,
        coordinators.map((coordinator) => ({
          key: outboxKey.once(`checkin-coordinator:${row.id}`),
          workspaceId: initiative.workspaceId,
          recipientId: coordinator,
          message: { kind: 'message', message: { text: notice, blocks: [section(notice)] } },
        })),
      );
    }
    return result;
  });
}
