import type { Db } from '../../db/client.js';
import { english } from '../../i18n/translate.js';
import { enqueue, outboxKey, type OutboxEntry } from '../../outbox/outbox.js';
import { coordinatorsOf, type ServiceDeps } from '../initiatives/service.js';
import { REPORT_REASON_KEYS, type ReportReason } from '../pairings/ids.js';
import type { CircleReportNotice } from './relay-views.js';
import type { CircleMember } from './service.js';

// The circle relay's data (issue 20): which circle a reply in a welcome thread belongs to, which copy
// of a message sits in whose DM (timestamps only: the text is never stored, DESIGN.md invariant 2), the
// once-a-day crisis note, and concerns raised in a circle. No Slack types.

/** Someone in a circle as the relay needs them: where their welcome thread is, and how they appear. */
export type CircleSeat = Omit<CircleMember, 'circleId' | 'joinedAt'>;

/** A message's circle: the writer's seat, the circle, everyone else in it, and the initiative's safety texts. */
export interface CircleThread {
  sender: CircleSeat;
  circle: { id: string; initiativeId: string; status: string };
  others: CircleSeat[];
  /** The initiative's crisis words (empty: the built-in list) and resources, with their other languages. */
  initiative: { crisisWords: string; resources: string; texts: string };
}

const SEAT = { id: true, userId: true, role: true, pseudonym: true, channel: true, threadTs: true, revealed: true, pausedUntil: true } as const;

function toSeat(row: { id: string; userId: string; role: string; pseudonym: string; channel: string | null; threadTs: string | null; revealed: boolean; pausedUntil: Date | null }): CircleSeat {
  return { ...row, role: row.role === 'facilitator' ? 'facilitator' : 'member' };
}

/**
 * The circle whose welcome thread (in `userId`'s DM with the app) `threadTs` is, or null. One query,
 * and it is asked only for a threaded reply that is none of the person's pairings' (issue 17: a DM
 * without a thread, or in a pairing's thread, never pays for it). Everything a relayed message then
 * needs comes with it: the other members' threads and the initiative's crisis words and resources.
 */
export async function circleOfThread(db: Db, workspaceId: string, userId: string, threadTs: string): Promise<CircleThread | null> {
  const row = await db.circleMember.findFirst({
    where: { userId, threadTs, circle: { initiative: { workspaceId } } },
    select: {
      ...SEAT,
      circle: {
        select: {
          id: true,
          initiativeId: true,
          status: true,
          members: { select: SEAT, orderBy: { joinedAt: 'asc' } },
          initiative: { select: { crisisWords: true, resources: true, texts: true } },
        },
      },
    },
  });
  if (!row) return null;
  const { circle, ...sender } = row;
  return {
    sender: toSeat(sender),
    circle: { id: circle.id, initiativeId: circle.initiativeId, status: circle.status },
    others: circle.members.filter((m) => m.id !== sender.id).map(toSeat),
    initiative: circle.initiative,
  };
}

/** Who of `userIds` turned notification previews on for themselves (src/features/preferences): one query. */
export async function previewsAmong(db: Db, userIds: readonly string[]): Promise<Set<string>> {
  if (userIds.length === 0) return new Set();
  const rows = await db.personPreference.findMany({ where: { userId: { in: [...userIds] }, previews: true }, select: { userId: true } });
  return new Set(rows.map((r) => r.userId));
}

/** Where each copy of one message went: one row per copy, timestamps only (invariant 2). */
export async function recordCircleCopies(
  db: Db,
  input: { circleId: string; fromMemberId: string; sourceTs: string; copies: readonly { toMemberId: string; mirrorTs: string }[] },
): Promise<void> {
  if (input.copies.length === 0) return;
  await db.circleRelayed.createMany({
    data: input.copies.map((c) => ({ circleId: input.circleId, fromMemberId: input.fromMemberId, sourceTs: input.sourceTs, toMemberId: c.toMemberId, mirrorTs: c.mirrorTs })),
  });
}

/** A copy of one message in another member's DM, with whose it is (for their language and previews). */
export interface CircleCopy {
  mirrorTs: string;
  to: { id: string; userId: string; channel: string | null };
}

/** Every copy of the message `fromMemberId` wrote at `sourceTs`. */
export async function circleCopiesOf(db: Db, fromMemberId: string, sourceTs: string): Promise<CircleCopy[]> {
  return db.circleRelayed.findMany({
    where: { fromMemberId, sourceTs },
    select: { mirrorTs: true, to: { select: { id: true, userId: true, channel: true } } },
  });
}

/** Once the copies are deleted, where they were is not needed any more. */
export async function forgetCircleCopies(db: Db, fromMemberId: string, sourceTs: string): Promise<void> {
  await db.circleRelayed.deleteMany({ where: { fromMemberId, sourceTs } });
}

const CRISIS_NOTE_EVERY_MS = 24 * 60 * 60 * 1000;

/**
 * Claims the facilitators' crisis note about one member: at most one a day. One conditional update, so
 * two replicas (or two messages at once) send one note between them. Only the time is stored, never the
 * words that set it off (invariant 2).
 */
export async function claimCircleCrisisNote(db: Db, memberId: string, now: Date): Promise<boolean> {
  const since = new Date(now.getTime() - CRISIS_NOTE_EVERY_MS);
  const { count } = await db.circleMember.updateMany({
    where: { id: memberId, OR: [{ crisisNotedAt: null }, { crisisNotedAt: { lt: since } }] },
    data: { crisisNotedAt: now },
  });
  return count === 1;
}

/**
 * Gives back a claim whose note reached no facilitator, so the member's next such message tries again.
 * Only this claim (its time); cleared rather than set back, which the claim treats alike.
 */
export async function releaseCircleCrisisNote(db: Db, memberId: string, claimedAt: Date): Promise<void> {
  await db.circleMember.updateMany({ where: { id: memberId, crisisNotedAt: claimedAt }, data: { crisisNotedAt: null } });
}

// ---- Concerns raised in a circle ---------------------------------------------------------------------

export type CircleReportChoices = { kind: 'member'; pseudonym: string; others: string[] } | { kind: 'not-member' };

/** What the report form offers: the other people in the circle, by pseudonym only; only for someone in it. */
export async function circleReportChoices(db: Db, input: { workspaceId: string; circleId: string; userId: string }): Promise<CircleReportChoices> {
  const members = await db.circleMember.findMany({ where: { circleId: input.circleId, circle: { initiative: { workspaceId: input.workspaceId } } }, select: { userId: true, pseudonym: true }, orderBy: { joinedAt: 'asc' } });
  const me = members.find((m) => m.userId === input.userId);
  if (!me) return { kind: 'not-member' };
  return { kind: 'member', pseudonym: me.pseudonym, others: members.filter((m) => m !== me).map((m) => m.pseudonym) };
}

export type CircleReportResult = { kind: 'reported'; reporterPseudonym: string; outboxIds: string[] } | { kind: 'not-member' };

/**
 * A concern raised in a circle, by someone in it: a Report row (so a coordinator can reply to the
 * reporter later, as in pairings) and a notice to each coordinator, in one transaction. The notice names
 * the circle and pseudonyms only, never a person (invariant 5). Who may report, and whom a concern may
 * be about, is read here: a pseudonym that is not someone else in this circle is dropped.
 */
export async function reportCircleConcern(
  deps: ServiceDeps,
  input: { workspaceId: string; circleId: string; userId: string; reason: ReportReason; aboutPseudonym: string | null },
): Promise<CircleReportResult> {
  const now = deps.clock.now();
  return deps.db.$transaction(async (tx): Promise<CircleReportResult> => {
    const circle = await tx.circle.findFirst({
      where: { id: input.circleId, initiative: { workspaceId: input.workspaceId } },
      select: { id: true, initiativeId: true, initiative: { select: { workspaceId: true } }, members: { select: { userId: true, pseudonym: true } } },
    });
    const me = circle?.members.find((m) => m.userId === input.userId);
    if (!circle || !me) return { kind: 'not-member' };
    const about = circle.members.some((m) => m !== me && m.pseudonym === input.aboutPseudonym) ? input.aboutPseudonym : null;
    const report = await tx.report.create({
      data: {
        initiativeId: circle.initiativeId,
        circleId: circle.id,
        pairingId: null,
        reporterId: input.userId,
        reporterSide: 'member',
        reporterPseudonym: me.pseudonym,
        aboutPseudonym: about,
        // The reason's label as the app wrote it first (English); each coordinator reads it in their language.
        reason: english(REPORT_REASON_KEYS[input.reason]),
        createdAt: now,
      },
    });
    const notice: CircleReportNotice = { reporterSide: 'member', reportId: report.id, circleId: circle.id, reporterPseudonym: me.pseudonym, aboutPseudonym: about, reason: input.reason };
    // One notice per coordinator, worded when sent in that coordinator's language (src/outbox/send.ts).
    const entries: OutboxEntry[] = (await coordinatorsOf(tx, circle.initiativeId)).map((coordinator) => ({
      key: outboxKey.once(`circle-report:${circle.id}`),
      workspaceId: circle.initiative.workspaceId,
      recipientId: coordinator,
      subjectId: circle.id,
      message: { kind: 'report_notice', initiativeId: circle.initiativeId, notice },
    }));
    return { kind: 'reported', reporterPseudonym: me.pseudonym, outboxIds: await enqueue(tx, now, entries) };
  });
}

/** The circle's description as coordinators read it in a notice, or null when the circle is gone. */
export async function circleDescriptionOf(db: Db, circleId: string): Promise<string | null> {
  return (await db.circle.findUnique({ where: { id: circleId }, select: { description: true } }))?.description ?? null;
}
