import { Prisma, type Db, type Tx } from '../../db/client.js';
import { MAX_SEND_ATTEMPTS, nextOnCadence, retryDelayMinutes } from '../../domain/delivery.js';
import type { ServiceDeps } from '../initiatives/service.js';
import { SEEKER_ANSWERS, type CheckInAnswer, type CheckInKind } from './ids.js';

// Check-ins as rows (issue 5). Creating, claiming with a lease, marking sent, rescheduling and
// answering are each conditional updates, so two app processes on one database send each check-in
// once, and a process that dies after claiming leaves a row another process sends once the lease ends.

const DAY = 24 * 60 * 60 * 1000;
export const LEASE_MS = 10 * 60 * 1000;

/** The first seeker and listener check-ins of a new pairing, N days after it starts. */
export async function scheduleForPairing(
  tx: Tx,
  pairing: { id: string; requestId: string; seekerId: string; listenerUserId: string; startedAt: Date },
  initiative: { id: string; firstCheckInDays: number },
): Promise<void> {
  const dueAt = new Date(pairing.startedAt.getTime() + initiative.firstCheckInDays * DAY);
  await tx.checkIn.createMany({
    data: [
      { kind: 'seeker', recipientId: pairing.seekerId },
      { kind: 'listener', recipientId: pairing.listenerUserId },
    ].map((c) => ({
      initiativeId: initiative.id,
      kind: c.kind,
      subjectId: pairing.id,
      pairingId: pairing.id,
      recipientId: c.recipientId,
      sequence: 1,
      dueAt,
      deliverAt: dueAt,
      status: 'scheduled',
    })),
  });
}

/** A status update for a seeker still waiting, M days from now, unless one is already scheduled. */
export async function scheduleWaitingUpdate(
  tx: Tx,
  request: { id: string; seekerId: string },
  initiative: { id: string; checkInEveryDays: number },
  now: Date,
): Promise<void> {
  const pending = await tx.checkIn.findFirst({ where: { subjectId: request.id, kind: 'waiting', status: { in: ['scheduled', 'sending'] } } });
  if (pending) return;
  const last = await tx.checkIn.findFirst({ where: { subjectId: request.id, kind: 'waiting' }, orderBy: { sequence: 'desc' } });
  const dueAt = new Date(now.getTime() + initiative.checkInEveryDays * DAY);
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

/** A pairing that ended sends no more check-ins. */
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
  const candidates = await db.checkIn.findMany({
    where: {
      OR: [
        { status: 'scheduled', deliverAt: { lte: input.now } },
        { status: 'sending', leaseUntil: { lt: input.now } },
      ],
    },
    orderBy: { deliverAt: 'asc' },
    take: input.limit,
    select: { id: true },
  });
  return candidates.map((c) => c.id);
}

/** The claim itself: the conditions are checked again in the UPDATE, so stale ids claim nothing. */
export async function claimCheckIns(db: Db, input: { owner: string; now: Date; ids: string[] }): Promise<ClaimedCheckIn[]> {
  if (input.ids.length === 0) return [];
  const leaseUntil = new Date(input.now.getTime() + LEASE_MS);
  const claimed = await db.$queryRaw<{ id: string }[]>`UPDATE "CheckIn" SET "status" = 'sending', "leaseOwner" = ${input.owner}, "leaseUntil" = ${leaseUntil}, "attempts" = "attempts" + 1 WHERE "id" IN (${Prisma.join(input.ids)}) AND (("status" = 'scheduled' AND "deliverAt" <= ${input.now}) OR ("status" = 'sending' AND "leaseUntil" < ${input.now})) RETURNING "id"`;
  if (claimed.length === 0) return [];
  const rows = await db.checkIn.findMany({ where: { id: { in: claimed.map((c) => c.id) }, leaseOwner: input.owner } });
  return rows.map((r) => ({
    id: r.id,
    initiativeId: r.initiativeId,
    kind: r.kind as CheckInKind,
    subjectId: r.subjectId,
    recipientId: r.recipientId,
    sequence: r.sequence,
    dueAt: r.dueAt,
    attempts: r.attempts,
  }));
}

/**
 * Records the send and schedules the next check-in on the cadence, in one transaction. Returns false
 * if the lease was lost (another sender took over), which is logged as a possible duplicate.
 */
export async function markSent(
  db: Db,
  input: { checkIn: ClaimedCheckIn; owner: string; now: Date; channel: string; ts: string; everyDays: number },
): Promise<true | false | 'cancelled'> {
  return db.$transaction(async (tx) => {
    const done = await tx.checkIn.updateMany({
      where: { id: input.checkIn.id, status: 'sending', leaseOwner: input.owner },
      data: { status: 'sent', sentAt: input.now, channel: input.channel, messageTs: input.ts, leaseOwner: null, leaseUntil: null },
    });
    if (done.count !== 1) {
      const row = await tx.checkIn.findUnique({ where: { id: input.checkIn.id }, select: { status: true } });
      // The pairing ended while this was being sent: it was cancelled meanwhile, not taken over.
      return row?.status === 'cancelled' ? 'cancelled' : false;
    }
    // After a long downtime, one check-in goes now and the next is a full period away, not overdue.
    const dueAt = nextOnCadence(input.checkIn.dueAt, input.everyDays, input.now);
    const c = input.checkIn;
    await tx.checkIn.create({
      data: {
        initiativeId: c.initiativeId,
        kind: c.kind,
        subjectId: c.subjectId,
        pairingId: c.kind === 'waiting' ? null : c.subjectId,
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
export async function postpone(db: Db, input: { id: string; owner: string; deliverAt: Date }): Promise<void> {
  await db.checkIn.updateMany({
    where: { id: input.id, status: 'sending', leaseOwner: input.owner },
    data: { status: 'scheduled', deliverAt: input.deliverAt, leaseOwner: null, leaseUntil: null, attempts: { decrement: 1 } },
  });
}

export async function cancelClaimed(db: Db, input: { id: string; owner: string }): Promise<void> {
  await db.checkIn.updateMany({ where: { id: input.id, status: 'sending', leaseOwner: input.owner }, data: { status: 'cancelled', leaseOwner: null, leaseUntil: null } });
}

/** A failed send is retried with backoff, and given up after a bounded number of tries. */
export async function recordFailure(
  db: Db,
  input: { checkIn: ClaimedCheckIn; owner: string; now: Date; code: string },
): Promise<'retry' | 'gave-up'> {
  const gaveUp = input.checkIn.attempts >= MAX_SEND_ATTEMPTS;
  await db.checkIn.updateMany({
    where: { id: input.checkIn.id, status: 'sending', leaseOwner: input.owner },
    data: gaveUp
      ? { status: 'failed', lastError: input.code, leaseOwner: null, leaseUntil: null }
      : {
          status: 'scheduled',
          lastError: input.code,
          deliverAt: new Date(input.now.getTime() + retryDelayMinutes(input.checkIn.attempts) * 60_000),
          leaseOwner: null,
          leaseUntil: null,
        },
  });
  return gaveUp ? 'gave-up' : 'retry';
}

export interface AnsweredCheckIn {
  id: string;
  initiativeId: string;
  kind: CheckInKind;
  subjectId: string;
  channel: string | null;
  messageTs: string | null;
}

/** The first answer counts; a second click changes nothing. Answers are choices, never free text. */
export async function recordAnswer(
  deps: ServiceDeps,
  input: { checkInId: string; userId: string; answer: CheckInAnswer },
): Promise<AnsweredCheckIn | null> {
  const now = deps.clock.now();
  // An answer must be one offered for that kind of check-in (a listener's choices never apply to a seeker's).
  const kinds = (SEEKER_ANSWERS as readonly string[]).includes(input.answer) ? ['seeker'] : ['listener'];
  const done = await deps.db.checkIn.updateMany({
    where: { id: input.checkInId, recipientId: input.userId, status: 'sent', answer: null, kind: { in: kinds } },
    data: { answer: input.answer, answeredAt: now },
  });
  if (done.count !== 1) return null;
  const row = await deps.db.checkIn.findUniqueOrThrow({ where: { id: input.checkInId } });
  return { id: row.id, initiativeId: row.initiativeId, kind: row.kind as CheckInKind, subjectId: row.subjectId, channel: row.channel, messageTs: row.messageTs };
}
