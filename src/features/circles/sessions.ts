import { Prisma, type Tx } from '../../db/client.js';
import { sessionAtOrAfter, slotOf, type CircleClock } from '../../domain/circle-sessions.js';
import type { CircleCadence } from '../../domain/circles.js';
import { incrementCount } from '../common/anonymous-counts.js';

// A circle's sessions (issue 20) ride on the check-in machinery: one CheckIn of kind 'circle_session' per
// member per session (subject: the CircleMember, sequence: the circle's session number), so the unique
// (subjectId, kind, sequence) key and the lease send each prompt once across replicas. Its deliverAt
// starts at the slot; the dispatcher moves it to a humane hour for the member, as for every check-in.

export const CIRCLE_SESSION_KIND = 'circle_session';

function cadenceOf(text: string): CircleCadence {
  return text === 'fortnightly' ? 'fortnightly' : 'weekly';
}

/**
 * Takes the member row's lock for the rest of the transaction (a no-op UPDATE both providers support),
 * so scheduling and removing a member's sessions run one after the other. False if the member is gone
 * (they left or erased their data): nothing to schedule then.
 */
async function lockMember(tx: Tx, memberId: string): Promise<boolean> {
  const updated = await tx.$executeRaw`UPDATE "CircleMember" SET "joinedAt" = "joinedAt" WHERE "id" = ${memberId}`;
  return updated === 1;
}

/** Schedules the member's next session prompt (the first slot at or after `after`), inside the caller's tx. Idempotent. */
export async function scheduleNextSession(
  tx: Tx,
  input: {
    memberId: string;
    userId: string;
    circle: { id: string; initiativeId: string; cadence: string; firstSessionAt: Date; timezone?: string; localTime?: string };
    after: Date;
  },
): Promise<void> {
  if (!(await lockMember(tx, input.memberId))) return;
  const mine = { subjectId: input.memberId, kind: CIRCLE_SESSION_KIND };
  const pending = await tx.checkIn.findFirst({ where: { ...mine, status: { in: ['scheduled', 'sending'] } }, select: { id: true } });
  if (pending) return;
  const clock = await circleClock(tx, input.circle);
  const last = await tx.checkIn.findFirst({ where: mine, orderBy: { sequence: 'desc' }, select: { sequence: true } });
  // Never a session this member already had a prompt for (the unique key would refuse it anyway).
  const sequence = Math.max(sessionAtOrAfter(clock, input.after), (last?.sequence ?? 0) + 1);
  const slot = slotOf(clock, sequence);
  await tx.checkIn.create({
    data: {
      initiativeId: input.circle.initiativeId,
      kind: CIRCLE_SESSION_KIND,
      subjectId: input.memberId,
      pairingId: null,
      requestId: null,
      recipientId: input.userId,
      sequence,
      dueAt: slot,
      deliverAt: slot,
      status: 'scheduled',
    },
  });
}

/** The circle's slots on its own local clock: the timezone and time come from its row when not given. */
async function circleClock(
  tx: Tx,
  circle: { id: string; cadence: string; firstSessionAt: Date; timezone?: string; localTime?: string },
): Promise<CircleClock> {
  const zone =
    circle.timezone !== undefined && circle.localTime !== undefined
      ? { timezone: circle.timezone, localTime: circle.localTime }
      : await tx.circle.findUnique({ where: { id: circle.id }, select: { timezone: true, localTime: true } });
  return { firstSessionAt: circle.firstSessionAt, cadence: cadenceOf(circle.cadence), timezone: zone?.timezone ?? null, localTime: zone?.localTime ?? null };
}

/**
 * A member who leaves or erases their data gets no more prompts: their session check-ins go. One being
 * sent right now is cancelled instead, so its sender settles it quietly (as a listener's own check-ins).
 */
export async function removeMemberSessions(tx: Tx, memberId: string): Promise<void> {
  await lockMember(tx, memberId);
  const mine = { subjectId: memberId, kind: CIRCLE_SESSION_KIND };
  await tx.checkIn.updateMany({ where: { ...mine, status: 'sending' }, data: { status: 'cancelled' } });
  await tx.checkIn.deleteMany({ where: { ...mine, status: { not: 'cancelled' } } });
  await tx.checkIn.deleteMany({ where: { ...mine, status: 'cancelled', leaseOwner: null } });
}

/**
 * A member's prompt for session `sequence` was sent, inside the transaction that records the send: the
 * session is held, and the member's next prompt is scheduled.
 *
 * Whichever prompt of a session goes first, on whichever replica, inserts its CircleSession row, and only
 * that one counts the session: a circle of four counts each session once. ON CONFLICT DO NOTHING, as a
 * read-then-insert races between replicas and a failed insert would abort (on PostgreSQL) the whole
 * transaction, and with it the record of a prompt already posted.
 */
export async function afterSessionPrompt(tx: Tx, input: { memberId: string; sequence: number; startsAt: Date; now: Date }): Promise<void> {
  const member = await tx.circleMember.findUnique({
    where: { id: input.memberId },
    select: {
      userId: true,
      circle: { select: { id: true, initiativeId: true, topicId: true, cadence: true, firstSessionAt: true, timezone: true, localTime: true, status: true } },
    },
  });
  if (!member) return;
  const { circle } = member;
  const inserted = await tx.$executeRaw(
    Prisma.sql`INSERT INTO "CircleSession" ("circleId", "sequence", "startsAt", "heldAt") VALUES (${circle.id}, ${input.sequence}, ${input.startsAt}, ${input.now}) ON CONFLICT ("circleId", "sequence") DO NOTHING`,
  );
  if (inserted === 1) {
    await incrementCount(tx, { initiativeId: circle.initiativeId, metric: 'circle_session_held', at: input.now, topicId: circle.topicId ?? '' });
  }
  if (circle.status !== 'open') return;
  // The slot after this one; after a long downtime, the first still ahead (a prompt long past helps no one).
  const afterThisOne = new Date(slotOf({ ...circle, cadence: cadenceOf(circle.cadence) }, input.sequence).getTime() + 1);
  const after = afterThisOne.getTime() > input.now.getTime() ? afterThisOne : input.now;
  await scheduleNextSession(tx, { memberId: input.memberId, userId: member.userId, circle, after });
}
