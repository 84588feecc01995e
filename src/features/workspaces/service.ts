import type { Clock } from '../../clock.js';
import type { Db } from '../../db/client.js';
import { PARKED, UNAVAILABLE_RETRY_MS } from '../../delivery/unavailable.js';
import type { Logger } from '../../logger.js';

// A workspace's life with the app (issue 16): uninstalled (app_uninstalled, tokens_revoked, or Slack
// refusing its token), which stops all work there at once and schedules its erasure after the grace
// period; reinstated (installed again within it), which picks the kept work up again; erased, which
// deletes every row that belongs to it.

export interface WorkspaceDeps {
  db: Db;
  clock: Clock;
  logger: Logger;
}

export type UninstallReason = 'app_uninstalled' | 'tokens_revoked' | 'token_refused';

export { PARKED };

/**
 * Stops all work for the workspace and schedules its erasure. Idempotent and order-free: the second of
 * app_uninstalled and tokens_revoked (or a refused token after either) changes nothing, and keeps the
 * first erasure date. Its stored tokens are deleted at once: Slack has revoked them.
 */
export async function uninstallWorkspace(
  deps: WorkspaceDeps,
  input: { workspaceId: string; graceDays: number; reason: UninstallReason },
): Promise<{ stopped: boolean }> {
  const now = deps.clock.now();
  const eraseAfter = new Date(now.getTime() + input.graceDays * 24 * 60 * 60 * 1000);
  const parkedUntil = new Date(now.getTime() + UNAVAILABLE_RETRY_MS);
  const stopped = await deps.db.$transaction(async (tx) => {
    await tx.installation.deleteMany({ where: { teamId: input.workspaceId, isEnterpriseInstall: false } });
    // A workspace that never set anything up has a row now, so its erasure date is kept like any other.
    await tx.workspace.upsert({ where: { id: input.workspaceId }, create: { id: input.workspaceId }, update: {} });
    const { count } = await tx.workspace.updateMany({
      where: { id: input.workspaceId, uninstalledAt: null },
      data: { uninstalledAt: now, eraseAfter },
    });
    if (count === 0) return false;
    // Nothing more is sent there, from any replica: what was due waits (a reinstall brings it back).
    const park = { deliverAt: parkedUntil, lastError: PARKED };
    await tx.outboxMessage.updateMany({ where: { workspaceId: input.workspaceId, status: 'scheduled', deliverAt: { lte: now } }, data: park });
    await tx.checkIn.updateMany({ where: { initiativeId: { in: await initiativeIdsOf(tx, input.workspaceId) }, status: 'scheduled', deliverAt: { lte: now } }, data: park });
    return true;
  });
  if (stopped) deps.logger.info({ workspaceId: input.workspaceId, reason: input.reason, graceDays: input.graceDays }, 'app uninstalled from a workspace: work stopped, erasure scheduled');
  return { stopped };
}

/**
 * The app is installed again (a new installation, or a valid token at start-up): the erasure is called
 * off and what was kept is sent now.
 */
export async function reinstateWorkspace(db: Db, workspaceId: string, now: Date): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.workspace.updateMany({ where: { id: workspaceId, uninstalledAt: { not: null } }, data: { uninstalledAt: null, eraseAfter: null } });
    if (count === 0) return false;
    const resume = { deliverAt: now, lastError: null };
    await tx.outboxMessage.updateMany({ where: { workspaceId, status: 'scheduled', lastError: PARKED }, data: resume });
    await tx.checkIn.updateMany({ where: { initiativeId: { in: await initiativeIdsOf(tx, workspaceId) }, status: 'scheduled', lastError: PARKED }, data: resume });
    return true;
  });
}

/**
 * Erases every workspace whose grace period has ended: all its rows, one workspace per transaction.
 * Rows about a person that are kept per person rather than per workspace (their timezone, their
 * preferences) go too, unless the same person still uses the app in another workspace (Enterprise Grid).
 */
export async function eraseDueWorkspaces(deps: WorkspaceDeps): Promise<number> {
  const now = deps.clock.now();
  const due = await deps.db.workspace.findMany({ where: { eraseAfter: { lte: now }, uninstalledAt: { not: null } }, select: { id: true } });
  let erased = 0;
  for (const { id } of due) {
    const done = await deps.db.$transaction(async (tx) => {
      // Still due inside the transaction: a reinstall that committed meanwhile wins.
      const still = await tx.workspace.findFirst({ where: { id, eraseAfter: { lte: now }, uninstalledAt: { not: null } }, select: { id: true } });
      if (!still) return false;
      const initiativeIds = await initiativeIdsOf(tx, id);
      const people = await peopleOf(tx, id, initiativeIds);
      // Rows tied to an initiative without a relation to it (they outlive deletions of what they count).
      await tx.checkIn.deleteMany({ where: { initiativeId: { in: initiativeIds } } });
      await tx.matchTime.deleteMany({ where: { initiativeId: { in: initiativeIds } } });
      await tx.insightsAccess.deleteMany({ where: { initiativeId: { in: initiativeIds } } });
      await tx.outboxMessage.deleteMany({ where: { workspaceId: id } });
      await tx.consentRecord.deleteMany({ where: { workspaceId: id } });
      await tx.installation.deleteMany({ where: { teamId: id, isEnterpriseInstall: false } });
      // Initiatives and everything under them (members, listeners, requests, pairings, reports ...).
      await tx.workspace.delete({ where: { id } });
      const elsewhere = new Set(await peopleStillKnown(tx, people));
      const gone = people.filter((p) => !elsewhere.has(p));
      await tx.personTimezone.deleteMany({ where: { userId: { in: gone } } });
      await tx.personPreference.deleteMany({ where: { userId: { in: gone } } });
      return true;
    });
    if (done) {
      erased += 1;
      deps.logger.info({ workspaceId: id }, 'an uninstalled workspace was erased after its grace period');
    }
  }
  return erased;
}

type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];

async function initiativeIdsOf(tx: Tx, workspaceId: string): Promise<string[]> {
  return (await tx.initiative.findMany({ where: { workspaceId }, select: { id: true } })).map((i) => i.id);
}

/** Everyone the workspace's rows name. */
async function peopleOf(tx: Tx, workspaceId: string, initiativeIds: string[]): Promise<string[]> {
  const inInitiatives = { initiativeId: { in: initiativeIds } };
  const ids = new Set<string>();
  for (const r of await tx.consentRecord.findMany({ where: { workspaceId }, select: { userId: true } })) ids.add(r.userId);
  for (const r of await tx.initiativeMember.findMany({ where: inInitiatives, select: { userId: true } })) ids.add(r.userId);
  for (const r of await tx.listenerProfile.findMany({ where: inInitiatives, select: { userId: true } })) ids.add(r.userId);
  for (const r of await tx.supportRequest.findMany({ where: inInitiatives, select: { seekerId: true } })) ids.add(r.seekerId);
  for (const r of await tx.checkIn.findMany({ where: inInitiatives, select: { recipientId: true } })) ids.add(r.recipientId);
  for (const r of await tx.outboxMessage.findMany({ where: { workspaceId }, select: { recipientId: true } })) ids.add(r.recipientId);
  for (const r of await tx.invitation.findMany({ where: inInitiatives, select: { inviteeId: true } })) ids.add(r.inviteeId);
  for (const r of await tx.insightsAccess.findMany({ where: inInitiatives, select: { viewerId: true } })) ids.add(r.viewerId);
  for (const r of await tx.report.findMany({ where: inInitiatives, select: { reporterId: true } })) ids.add(r.reporterId);
  for (const r of await tx.circleMember.findMany({ where: { circle: inInitiatives }, select: { userId: true } })) ids.add(r.userId);
  return [...ids];
}

/** Of these people, those another workspace's rows still name. */
async function peopleStillKnown(tx: Tx, people: string[]): Promise<string[]> {
  if (people.length === 0) return [];
  const ids = new Set<string>();
  for (const r of await tx.consentRecord.findMany({ where: { userId: { in: people } }, select: { userId: true } })) ids.add(r.userId);
  for (const r of await tx.initiativeMember.findMany({ where: { userId: { in: people } }, select: { userId: true } })) ids.add(r.userId);
  for (const r of await tx.listenerProfile.findMany({ where: { userId: { in: people } }, select: { userId: true } })) ids.add(r.userId);
  for (const r of await tx.supportRequest.findMany({ where: { seekerId: { in: people } }, select: { seekerId: true } })) ids.add(r.seekerId);
  for (const r of await tx.circleMember.findMany({ where: { userId: { in: people } }, select: { userId: true } })) ids.add(r.userId);
  return [...ids];
}
