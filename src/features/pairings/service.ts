import { Prisma, type Db, type Tx } from '../../db/client.js';
import { leanRead } from '../../db/lean-read.js';
import { enqueue, outboxKey, type OutboxEntry } from '../../outbox/outbox.js';
import { incrementCount } from '../common/anonymous-counts.js';
import { coordinatorsOf, hasRole, workspaceOfInitiative, type ServiceDeps } from '../initiatives/service.js';
import type { ReportNotice } from './copy.js';
import { REPORT_REASON_KEYS, type ReportReason } from './ids.js';
import { english } from '../../i18n/translate.js';
import { endPairingIn, pairingCopyNote, type Ended, type EndReason } from './end.js';
import { fromRawRow, getPairing, PAIRING_COLUMNS, toPairing, withRequest, type Pairing, type PairingRawRow, type Side } from './pairing-row.js';

// Pairings: who is in which, ending, mutual reveal, reports. Each state change is one conditional
// update inside a transaction, so a double click or a second process changes nothing twice, and the
// messages that must follow it are outbox rows in that same transaction.

export { getPairing, type Pairing, type Side } from './pairing-row.js';
export type { EndReason } from './end.js';

/** Active pairings a person is in, on either side, in one workspace (one Enterprise Grid user may be in several). */
export async function activePairingsOf(db: Db, workspaceId: string, userId: string): Promise<{ pairing: Pairing; side: Side }[]> {
  // One statement with its joins: read for every message a person writes to the app (twice when it is
  // relayed), where Prisma's include cost a second query even when there was no pairing (issue 17).
  const rows = await leanRead<PairingRawRow>(
    db,
    Prisma.sql`SELECT ${PAIRING_COLUMNS} FROM "Pairing" p
      JOIN "SupportRequest" r ON r."id" = p."requestId"
      JOIN "Initiative" i ON i."id" = r."initiativeId"
      WHERE p."status" = 'active' AND (p."seekerId" = ${userId} OR p."listenerUserId" = ${userId}) AND i."workspaceId" = ${workspaceId}
      ORDER BY p."startedAt" ASC`,
  );
  return rows.map((row) => {
    const pairing = fromRawRow(row);
    return { pairing, side: pairing.seekerId === userId ? 'seeker' : 'listener' };
  });
}

/**
 * One of a listener's own conversations as their Home shows it: the seeker's pseudonym and when it began.
 * The seeker's id is never selected, so it cannot reach the listener's Home (DESIGN.md invariant 1).
 */
export interface ListenerConversation {
  /** The listener profile (hence the initiative) the conversation belongs to. */
  listenerId: string;
  seekerPseudonym: string;
  startedAt: Date;
}

/** A person's active conversations as a listener in this workspace, oldest first: one query. */
export async function listenerConversationsOf(db: Db, workspaceId: string, userId: string): Promise<ListenerConversation[]> {
  return db.pairing.findMany({
    where: { status: 'active', listenerUserId: userId, listener: { initiative: { workspaceId } } },
    select: { listenerId: true, seekerPseudonym: true, startedAt: true },
    orderBy: { startedAt: 'asc' },
  });
}

/**
 * How many active conversations each listener of these initiatives is in, by listener profile id: a count,
 * never whom (DESIGN.md invariant 5). One grouped query however many listeners the initiatives have.
 */
export async function activeLoadOf(db: Db, initiativeIds: readonly string[]): Promise<Map<string, number>> {
  if (initiativeIds.length === 0) return new Map();
  const rows = await db.pairing.groupBy({
    by: ['listenerId'],
    where: { status: 'active', listener: { initiativeId: { in: [...initiativeIds] } } },
    _count: { _all: true },
  });
  return new Map(rows.map((r) => [r.listenerId, r._count._all]));
}

export function sideOf(pairing: Pairing, userId: string): Side | null {
  if (pairing.seekerId === userId) return 'seeker';
  if (pairing.listenerUserId === userId) return 'listener';
  return null;
}

/** Records where one side's introduction went: replies in its thread belong to this pairing. */
export async function recordIntroduction(db: Db | Tx, pairingId: string, side: Side, channel: string, ts: string): Promise<void> {
  await db.pairing.updateMany({
    where: { id: pairingId },
    data: side === 'seeker' ? { seekerChannel: channel, seekerThreadTs: ts } : { listenerChannel: channel, listenerThreadTs: ts },
  });
}

export type EndResult = { kind: 'ended'; ended: Ended } | { kind: 'already-ended' };

/** Ends an active pairing once (the one path in end.ts), in its own transaction. */
export async function endPairing(deps: ServiceDeps, input: { pairingId: string; by: Side | 'system'; reason: EndReason }): Promise<EndResult> {
  const now = deps.clock.now();
  const ended = await deps.db.$transaction((tx) => endPairingIn(tx, { ...input, now }));
  return ended ? { kind: 'ended', ended } : { kind: 'already-ended' };
}

export type EndingAnswer = { kind: 'counted' | 'already-answered' | 'gone' | 'not-yours' };

/**
 * "Did this help?" on the seeker's ending note: only the pairing's seeker, once per pairing (one
 * conditional update of `feedbackGiven`, so a double tap or two processes count it once). The answer
 * itself is only an anonymous weekly count; the pairing may be gone already (retention, erasure).
 */
export async function answerEnding(deps: ServiceDeps, input: { pairingId: string; userId: string; helped: boolean }): Promise<EndingAnswer> {
  const now = deps.clock.now();
  return deps.db.$transaction(async (tx): Promise<EndingAnswer> => {
    const row = await tx.pairing.findUnique({ where: { id: input.pairingId }, select: { seekerId: true, request: { select: { initiativeId: true } } } });
    if (!row) return { kind: 'gone' };
    if (row.seekerId !== input.userId) return { kind: 'not-yours' };
    const claimed = await tx.pairing.updateMany({ where: { id: input.pairingId, seekerId: input.userId, feedbackGiven: false }, data: { feedbackGiven: true } });
    if (claimed.count !== 1) return { kind: 'already-answered' };
    await incrementCount(tx, { initiativeId: row.request.initiativeId, metric: input.helped ? 'ending_helped' : 'ending_not_helped', at: now });
    return { kind: 'counted' };
  });
}

export type RevealResult =
  | { kind: 'both' | 'waiting-for-other'; pairing: Pairing; outboxIds: string[] }
  | { kind: 'not-active' };

/** Names are shown only when both have chosen to reveal them (DESIGN.md invariant 1). */
export async function chooseReveal(deps: ServiceDeps, input: { pairingId: string; userId: string }): Promise<RevealResult> {
  const now = deps.clock.now();
  return deps.db.$transaction(async (tx): Promise<RevealResult> => {
    const pairing = await getPairing(tx, input.pairingId);
    if (!pairing || pairing.status !== 'active') return { kind: 'not-active' };
    const side = sideOf(pairing, input.userId);
    if (!side) return { kind: 'not-active' };
    const updated = toPairing(
      await tx.pairing.update({
        where: { id: pairing.id },
        data: side === 'seeker' ? { seekerRevealed: true } : { listenerRevealed: true },
        include: withRequest,
      }),
    );
    const workspaceId = await workspaceOfInitiative(tx, pairing.initiativeId);
    const other: Side = side === 'seeker' ? 'listener' : 'seeker';
    const both = updated.seekerRevealed && updated.listenerRevealed;
    // Each note goes in its conversation's thread, so someone in two conversations knows which person
    // offered, and reveals themselves only to the one they mean. Only when both chose does either
    // side's user id go to the other.
    const entries: OutboxEntry[] = both
      ? [
          pairingCopyNote(updated, 'seeker', workspaceId, outboxKey.once(`revealed:${pairing.id}`), { note: 'pairings.reveal.done', values: { user: `<@${updated.listenerUserId}>` } }),
          pairingCopyNote(updated, 'listener', workspaceId, outboxKey.once(`revealed:${pairing.id}`), { note: 'pairings.reveal.done', values: { user: `<@${updated.seekerId}>` } }),
        ]
      : [
          pairingCopyNote(updated, side, workspaceId, outboxKey.once(`reveal-waiting:${pairing.id}`), { note: 'pairings.reveal.waiting' }),
          pairingCopyNote(updated, other, workspaceId, outboxKey.once(`reveal-offer:${pairing.id}`), { note: 'pairings.reveal.offered', revealButton: pairing.id }),
        ];
    return { kind: both ? 'both' : 'waiting-for-other', pairing: updated, outboxIds: await enqueue(tx, now, entries) };
  });
}

export type ReportResult = { kind: 'reported'; outboxIds: string[]; ended: Ended | null } | { kind: 'not-in-pairing' };

/**
 * A concern about a pairing, stored as a Report row (so a coordinator can reply to the reporter later)
 * with a notice to each coordinator: the initiative, the reporter's pseudonym, the reason, and, when a
 * seeker reports their listener, that listener's name. Never the seeker's name or a message
 * (invariant 5). The reporter is thanked; with `block`, the pair is never matched again and the
 * pairing ends. One transaction.
 */
export async function reportConcern(
  deps: ServiceDeps,
  input: { pairingId: string; userId: string; reason: ReportReason; block: boolean },
): Promise<ReportResult> {
  const now = deps.clock.now();
  return deps.db.$transaction(async (tx): Promise<ReportResult> => {
    const pairing = await getPairing(tx, input.pairingId);
    const side = pairing ? sideOf(pairing, input.userId) : null;
    if (!pairing || !side) return { kind: 'not-in-pairing' };
    const initiative = await tx.initiative.findUniqueOrThrow({ where: { id: pairing.initiativeId }, select: { workspaceId: true } });
    const [from, about] = side === 'seeker' ? [pairing.seekerPseudonym, pairing.listenerPseudonym] : [pairing.listenerPseudonym, pairing.seekerPseudonym];
    const aboutListenerUserId = side === 'seeker' ? pairing.listenerUserId : null;
    const report = await tx.report.create({
      data: {
        initiativeId: pairing.initiativeId,
        pairingId: pairing.id,
        reporterId: input.userId,
        reporterSide: side,
        reporterPseudonym: from,
        aboutListenerUserId,
        // The reason's label as the app wrote it first (English); each coordinator reads it in their language.
        reason: english(REPORT_REASON_KEYS[input.reason]),
        createdAt: now,
      },
    });
    const base = { reportId: report.id, reporterPseudonym: from, aboutPseudonym: about, reason: input.reason };
    const notice: ReportNotice = side === 'seeker' ? { ...base, reporterSide: 'seeker', aboutListenerUserId: pairing.listenerUserId } : { ...base, reporterSide: 'listener' };
    // One notice per coordinator, worded when sent in that coordinator's language (src/outbox/send.ts).
    const entries: OutboxEntry[] = (await coordinatorsOf(tx, pairing.initiativeId)).map((coordinator) => ({
      key: outboxKey.once(`report:${pairing.id}`),
      workspaceId: initiative.workspaceId,
      recipientId: coordinator,
      subjectId: pairing.id,
      message: { kind: 'report_notice', initiativeId: pairing.initiativeId, notice },
    }));
    entries.push(pairingCopyNote(pairing, side, initiative.workspaceId, outboxKey.once(`report-sent:${pairing.id}`), { note: 'pairings.report.sent' }));
    const outboxIds = await enqueue(tx, now, entries);
    let ended: Ended | null = null;
    if (input.block) {
      await blockPairIn(tx, pairing);
      ended = await endPairingIn(tx, { pairingId: pairing.id, by: side, reason: 'reported', now });
    }
    return { kind: 'reported', outboxIds, ended };
  });
}

// ---- Replying to a report (issue 15) -----------------------------------------------------------------

/** What a reply needs: whom to send it to, under which pseudonym, from which initiative. */
export interface ReportForReply {
  id: string;
  reporterId: string;
  reporterPseudonym: string;
  initiativeName: string;
  repliedAt: Date | null;
}

export type ReportAccess = { kind: 'gone' } | { kind: 'not-coordinator' } | { kind: 'ok'; report: ReportForReply };

/**
 * A report, for one of its initiative's coordinators only. Gone: its reporter erased their data, or
 * retention deleted it (nobody is left to reach; a non-coordinator learns nothing more from that).
 */
export async function reportForReply(db: Db, input: { reportId: string; userId: string }): Promise<ReportAccess> {
  const row = await db.report.findUnique({
    where: { id: input.reportId },
    select: { id: true, initiativeId: true, reporterId: true, reporterPseudonym: true, repliedAt: true, initiative: { select: { name: true } } },
  });
  if (!row) return { kind: 'gone' };
  if (!(await hasRole(db, row.initiativeId, input.userId, 'coordinator'))) return { kind: 'not-coordinator' };
  return {
    kind: 'ok',
    report: { id: row.id, reporterId: row.reporterId, reporterPseudonym: row.reporterPseudonym, initiativeName: row.initiative.name, repliedAt: row.repliedAt },
  };
}

export type ReplyResult =
  | { kind: 'replied'; reporterPseudonym: string }
  /** Slack did not take it: nothing was sent and nothing changed, so the coordinator can try again. */
  | { kind: 'not-sent'; error: unknown }
  | { kind: 'gone' }
  | { kind: 'not-coordinator' };

/**
 * A coordinator's reply to a reporter. The words are a person's: this function never sees them, only
 * `deliver`, which sends them straight to Slack (never stored, logged or put in the outbox, like the
 * relay). No transaction is held across that call; the report is marked replied only once it succeeded.
 */
export async function replyToReport(
  deps: ServiceDeps,
  input: { reportId: string; userId: string; deliver: (report: ReportForReply) => Promise<void> },
): Promise<ReplyResult> {
  const access = await reportForReply(deps.db, input);
  if (access.kind !== 'ok') return access;
  try {
    await input.deliver(access.report);
  } catch (error) {
    return { kind: 'not-sent', error };
  }
  try {
    await deps.db.report.updateMany({ where: { id: access.report.id }, data: { repliedAt: deps.clock.now() } });
  } catch (error) {
    // The reply has reached them: saying otherwise would invite a second copy. Only the date is missing.
    deps.logger.warn({ err: error, reportId: access.report.id, code: 'report_replied_at' }, 'a reply was sent but its date was not recorded');
  }
  return { kind: 'replied', reporterPseudonym: access.report.reporterPseudonym };
}

/** Stops this seeker and listener from being paired again in the initiative. */
async function blockPairIn(tx: Tx, pairing: Pairing): Promise<void> {
  await tx.pairBlock.upsert({
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

// ---- Crisis notes (issue 14) -------------------------------------------------------------------------

const CRISIS_NOTE_EVERY_MS = 24 * 60 * 60 * 1000;

/**
 * Claims this conversation's crisis note: at most one a day. One conditional update, so two replicas
 * handling the same message (or two messages at once) send one note between them. Only the time is
 * stored, never the words that set it off (invariant 2). Returns the claim's time, or null when a note
 * already went within the day.
 */
export async function claimCrisisNote(deps: ServiceDeps, pairingId: string): Promise<Date | null> {
  const now = deps.clock.now();
  const since = new Date(now.getTime() - CRISIS_NOTE_EVERY_MS);
  const { count } = await deps.db.pairing.updateMany({
    where: { id: pairingId, status: 'active', OR: [{ crisisNotedAt: null }, { crisisNotedAt: { lt: since } }] },
    data: { crisisNotedAt: now },
  });
  return count === 1 ? now : null;
}

/**
 * Gives back a claim whose note Slack did not take, so the seeker's next crisis message tries again.
 * Only this claim (its time): one made since by another message stands. Cleared rather than set back,
 * which the claim treats alike: an earlier note was more than a day before.
 */
export async function releaseCrisisNote(db: Db, pairingId: string, claimedAt: Date): Promise<void> {
  await db.pairing.updateMany({ where: { id: pairingId, crisisNotedAt: claimedAt }, data: { crisisNotedAt: null } });
}

export type ShareResourcesResult =
  | { kind: 'not-listener' }
  | { kind: 'not-active' }
  | { kind: 'share'; pairing: Pairing; initiative: { resources: string; texts: string } };

/** What sharing the resources with the seeker needs: only the pairing's listener, while it is active. */
export async function resourcesToShare(db: Db, input: { pairingId: string; userId: string }): Promise<ShareResourcesResult> {
  const pairing = await getPairing(db, input.pairingId);
  if (!pairing || sideOf(pairing, input.userId) !== 'listener') return { kind: 'not-listener' };
  if (pairing.status !== 'active') return { kind: 'not-active' };
  const initiative = await db.initiative.findUniqueOrThrow({ where: { id: pairing.initiativeId }, select: { resources: true, texts: true } });
  return { kind: 'share', pairing, initiative };
}

export type AskCoordinatorResult = { kind: 'not-listener' } | { kind: 'asked'; outboxIds: string[] };

/**
 * A listener asks the coordinators for support now: a note to each, through the outbox, naming the
 * listener only. Never the seeker, their pseudonym or the pairing (invariant 5), so the row has no subject.
 */
export async function askCoordinatorForSupport(deps: ServiceDeps, input: { pairingId: string; userId: string }): Promise<AskCoordinatorResult> {
  const now = deps.clock.now();
  return deps.db.$transaction(async (tx): Promise<AskCoordinatorResult> => {
    const pairing = await getPairing(tx, input.pairingId);
    if (!pairing || sideOf(pairing, input.userId) !== 'listener') return { kind: 'not-listener' };
    const workspaceId = await workspaceOfInitiative(tx, pairing.initiativeId);
    // One note per coordinator, worded when sent in that coordinator's language (src/outbox/send.ts).
    const outboxIds = await enqueue(
      tx,
      now,
      (await coordinatorsOf(tx, pairing.initiativeId)).map((coordinator) => ({
        key: outboxKey.once('crisis-coordinator'),
        workspaceId,
        recipientId: coordinator,
        message: { kind: 'support_asked', initiativeId: pairing.initiativeId, listenerId: input.userId },
      })),
    );
    return { kind: 'asked', outboxIds };
  });
}
