import type { Db, Tx } from '../../db/client.js';
import { retryOnceOnUniqueViolation } from '../../db/errors.js';
import { FALLBACK_LANGUAGE, isAppLanguage, type AppLanguage } from '../../domain/app-language.js';
import { translatorFor } from '../../i18n/translate.js';
import { enqueue, outboxKey, type OutboxEntry } from '../../outbox/outbox.js';
import { recordConsent } from '../consent/record.js';
import * as copy from './invitation-copy.js';
import { renderInvitationAnswer } from './invitation-views.js';
import { hasRole, type Role, type ServiceDeps } from './service.js';

// The one owner of invitations' lifecycle (issue 13): invited, accepted, declined, withdrawn, expired.
// An Invitation row is the only thing stored about a person before they consent (DESIGN.md invariant 3):
// the initiative, the role, the invitee's Slack user id and the time, plus where its DM went so the DM
// can be replaced when it closes, and the language it was worded in (issue 19): its closing words and
// the consent recorded on accepting follow the words the person saw. Nothing is granted from a button:
// answering needs a standing row for the acting user.

/** Unanswered invitations close after this many days (DESIGN.md invariant 3). */
export const INVITATION_DAYS = 14;
const INVITATION_MS = INVITATION_DAYS * 24 * 60 * 60 * 1000;

export const ROLES = ['coordinator', 'hr_viewer'] as const satisfies readonly Role[];

function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** Invitations made on or before this time have expired. */
export function invitationCutoff(now: Date): Date {
  return new Date(now.getTime() - INVITATION_MS);
}

/** The language an invitation's DM was worded in; null before it was sent (and for DMs sent before issue 19, which were English). */
function storedLanguage(row: { language: string | null }): AppLanguage | null {
  return isAppLanguage(row.language) ? row.language : null;
}

export interface PendingInvitation {
  id: string;
  role: Role;
  inviteeId: string;
}

/** Invitations still waiting for an answer, to show in the setup form's pickers beside the members. */
export async function pendingInvitations(db: Db | Tx, initiativeId: string, now: Date): Promise<PendingInvitation[]> {
  const rows = await db.invitation.findMany({
    where: { initiativeId, createdAt: { gt: invitationCutoff(now) } },
    orderBy: { createdAt: 'asc' },
  });
  return rows.flatMap((r) => (isRole(r.role) ? [{ id: r.id, role: r.role, inviteeId: r.inviteeId }] : []));
}

interface ClosedRow {
  id: string;
  role: string;
  inviteeId: string;
  channel: string | null;
  messageTs: string | null;
  language: string | null;
}

/**
 * Deletes one invitation if it still stands, and replaces its DM (when it was sent) with why it closed,
 * in the language the DM was worded in. The conditional delete is the claim: of a save, an expiry and an
 * answer racing for one invitation, exactly one finds it, so its DM is replaced once.
 */
async function closeInvitation(
  tx: Tx,
  workspaceId: string,
  row: ClosedRow,
  closing: { why: 'withdrawn' | 'expired'; initiativeName: string },
): Promise<{ closed: boolean; entries: OutboxEntry[] }> {
  const { count } = await tx.invitation.deleteMany({ where: { id: row.id } });
  if (count !== 1) return { closed: false, entries: [] };
  // A DM not sent yet needs no replacing: its outbox row finds the invitation gone and is cancelled.
  if (!row.channel || !row.messageTs) return { closed: true, entries: [] };
  const t = translatorFor(storedLanguage(row) ?? FALLBACK_LANGUAGE);
  const role: Role = isRole(row.role) ? row.role : 'coordinator';
  const text =
    closing.why === 'withdrawn' ? copy.invitationWithdrawn(t, role, closing.initiativeName) : copy.invitationExpired(t, role, closing.initiativeName);
  const entries: OutboxEntry[] = [
    {
      key: outboxKey.invitationClosed(row.id),
      workspaceId,
      recipientId: row.inviteeId,
      subjectId: row.id,
      message: { kind: 'invitation_closed', channel: row.channel, ts: row.messageTs, message: renderInvitationAnswer(text) },
    },
  ];
  return { closed: true, entries };
}

export interface InvitationChanges {
  outboxIds: string[];
  /** People newly invited by this save. */
  invited: number;
  /** Invitations withdrawn because the person was taken off the form before answering. */
  withdrawn: number;
}

/**
 * Brings an initiative's invitations in line with the saved form, inside the caller's transaction: each
 * person named who is neither a member in that role nor already invited gets an invitation (its DM goes
 * through the outbox); each pending invitation whose person is no longer named is withdrawn, and their
 * DM says so. The person saving is never invited.
 */
export async function syncInvitations(
  tx: Tx,
  now: Date,
  input: {
    workspaceId: string;
    initiative: { id: string; name: string };
    actorId: string;
    named: Record<Role, readonly string[]>;
    members: readonly { userId: string; role: string }[];
  },
): Promise<InvitationChanges> {
  const existing = await tx.invitation.findMany({ where: { initiativeId: input.initiative.id } });
  const entries: OutboxEntry[] = [];
  let invited = 0;
  let withdrawn = 0;
  for (const role of ROLES) {
    const wanted = new Set(
      input.named[role].filter((id) => id !== input.actorId && !input.members.some((m) => m.role === role && m.userId === id)),
    );
    const cutoff = invitationCutoff(now).getTime();
    const initiativeName = input.initiative.name;
    const standing = [];
    for (const row of existing.filter((i) => i.role === role)) {
      if (row.createdAt.getTime() <= cutoff) {
        // Expired but not yet deleted by the scheduler: close it now; if still named, invite afresh below.
        entries.push(...(await closeInvitation(tx, input.workspaceId, row, { why: 'expired', initiativeName })).entries);
      } else if (!wanted.has(row.inviteeId)) {
        const closed = await closeInvitation(tx, input.workspaceId, row, { why: 'withdrawn', initiativeName });
        entries.push(...closed.entries);
        if (closed.closed) withdrawn += 1;
      } else {
        standing.push(row);
      }
    }
    for (const inviteeId of wanted) {
      if (standing.some((i) => i.inviteeId === inviteeId)) continue;
      const created = await tx.invitation.create({ data: { initiativeId: input.initiative.id, role, inviteeId, createdAt: now } });
      entries.push({
        key: outboxKey.invitation(created.id),
        workspaceId: input.workspaceId,
        recipientId: inviteeId,
        subjectId: created.id,
        message: { kind: 'invitation', invitationId: created.id, inviterId: input.actorId },
      });
      invited += 1;
    }
  }
  return { outboxIds: await enqueue(tx, now, entries), invited, withdrawn };
}

/** The invitation as the send of its DM needs it; null when it no longer stands (the DM is then not sent). */
export async function invitationForMessage(
  db: Db,
  invitationId: string,
): Promise<{ id: string; role: Role; inviteeId: string; initiativeId: string; initiativeName: string } | null> {
  const row = await db.invitation.findUnique({ where: { id: invitationId }, include: { initiative: { select: { name: true } } } });
  if (!row || !isRole(row.role)) return null;
  return { id: row.id, role: row.role, inviteeId: row.inviteeId, initiativeId: row.initiativeId, initiativeName: row.initiative.name };
}

/**
 * Records where an invitation's DM went, and the language it was worded in, so it can be replaced when
 * the invitation closes and its consent recorded in the words the person saw. When it closed while the
 * DM was on its way, the DM is replaced at once (a row written in the same transaction), in that language.
 * Unless it was accepted: someone who clicked Accept as soon as the DM appeared, before it was recorded,
 * holds the role, and their answer has replaced the DM already (it must not then say "withdrawn").
 */
export async function recordInvitationMessage(
  tx: Tx,
  now: Date,
  input: {
    invitationId: string;
    workspaceId: string;
    inviteeId: string;
    initiativeId: string;
    role: Role;
    initiativeName: string;
    channel: string;
    ts: string;
    language: AppLanguage;
  },
): Promise<void> {
  const { count } = await tx.invitation.updateMany({
    where: { id: input.invitationId },
    data: { channel: input.channel, messageTs: input.ts, language: input.language },
  });
  if (count === 1) return;
  if (await hasRole(tx, input.initiativeId, input.inviteeId, input.role)) return;
  await enqueue(tx, now, [
    {
      key: outboxKey.invitationClosed(input.invitationId),
      workspaceId: input.workspaceId,
      recipientId: input.inviteeId,
      subjectId: input.invitationId,
      message: {
        kind: 'invitation_closed',
        channel: input.channel,
        ts: input.ts,
        message: renderInvitationAnswer(copy.invitationWithdrawn(translatorFor(input.language), input.role, input.initiativeName)),
      },
    },
  ]);
}

/**
 * `language`: the one the invitation's DM was worded in (null if none is stored), for the answer that
 * replaces it. `initiativeId` of someone else's invitation: its default language stands in for a
 * clicker's locale the app does not speak.
 */
export type InvitationAnswer =
  | { kind: 'accepted'; role: Role; initiativeId: string; initiativeName: string; language: AppLanguage | null }
  | { kind: 'declined'; language: AppLanguage | null }
  /** A standing invitation, for someone else: nothing changes. */
  | { kind: 'not-yours'; initiativeId: string }
  /** No standing invitation with that id (withdrawn, answered, expired, or never made): nothing granted. */
  | { kind: 'gone' };

/**
 * The invited person answers. Accepting, in one transaction: the invitation must stand, be for the acting
 * user and belong to this workspace; then the membership is created with their consent recorded (purpose:
 * the role) and the invitation deleted. Declining deletes it. Everything comes from the row, never from
 * the button, which carries only the id.
 */
export async function answerInvitation(
  deps: ServiceDeps,
  input: { workspaceId: string; invitationId: string; userId: string; accept: boolean },
): Promise<InvitationAnswer> {
  const now = deps.clock.now();
  const answer = () =>
    deps.db.$transaction(async (tx): Promise<InvitationAnswer> => {
      const row = await tx.invitation.findUnique({
        where: { id: input.invitationId },
        include: { initiative: { select: { name: true, workspaceId: true } } },
      });
      if (!row || row.initiative.workspaceId !== input.workspaceId || !isRole(row.role)) return { kind: 'gone' };
      if (row.inviteeId !== input.userId) return { kind: 'not-yours', initiativeId: row.initiativeId };
      // The conditional delete is the claim: of two clicks (or a click and a withdrawal), one wins.
      const { count } = await tx.invitation.deleteMany({ where: { id: row.id } });
      if (count !== 1) return { kind: 'gone' };
      // Past 14 days an invitation no longer stands, even before the scheduler has deleted it.
      if (row.createdAt.getTime() <= invitationCutoff(now).getTime()) return { kind: 'gone' };
      const language = storedLanguage(row);
      if (!input.accept) return { kind: 'declined', language };
      if (!(await hasRole(tx, row.initiativeId, row.inviteeId, row.role))) {
        await tx.initiativeMember.create({ data: { initiativeId: row.initiativeId, userId: row.inviteeId, role: row.role, createdAt: now } });
        await recordConsent(tx, {
          workspaceId: input.workspaceId,
          userId: row.inviteeId,
          initiativeId: row.initiativeId,
          purpose: row.role,
          action: 'given',
          surface: 'message:invitation',
          at: now,
          // The version of the words they agreed to: the consent text in the language of their DM.
          language: language ?? FALLBACK_LANGUAGE,
        });
      }
      return { kind: 'accepted', role: row.role, initiativeId: row.initiativeId, initiativeName: row.initiative.name, language };
    });
  const result = await retryOnceOnUniqueViolation(answer);
  deps.logger.info({ invitationId: input.invitationId, outcome: result.kind }, 'invitation answered');
  return result;
}

/**
 * Invitations unanswered for 14 days are deleted and their DMs say so (DESIGN.md invariant 3). A batch
 * at a time; each deletion is its own claim, so two processes running this at once close each once.
 */
export async function expireInvitations(deps: { db: Db; clock: { now(): Date } }, batch = 200): Promise<{ expired: number; outboxIds: string[] }> {
  const now = deps.clock.now();
  return deps.db.$transaction(async (tx) => {
    const rows = await tx.invitation.findMany({
      where: { createdAt: { lte: invitationCutoff(now) } },
      include: { initiative: { select: { name: true, workspaceId: true } } },
      orderBy: { createdAt: 'asc' },
      take: batch,
    });
    const entries: OutboxEntry[] = [];
    let expired = 0;
    for (const row of rows) {
      const closed = await closeInvitation(tx, row.initiative.workspaceId, row, { why: 'expired', initiativeName: row.initiative.name });
      entries.push(...closed.entries);
      if (closed.closed) expired += 1;
    }
    return { expired, outboxIds: await enqueue(tx, now, entries) };
  });
}
