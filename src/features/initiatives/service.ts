import type { Db, Tx } from '../../db/client.js';
import type { Logger } from '../../logger.js';
import type { Clock } from '../../clock.js';
import { recordConsent } from '../consent/record.js';
import { retryOnceOnUniqueViolation } from '../../db/errors.js';
import type { InitiativeSettings } from './input.js';

// Initiatives: create, edit, roles. Plain data in and out; no Slack types.

export type Role = 'coordinator' | 'hr_viewer';

export interface ServiceDeps {
  db: Db;
  clock: Clock;
  logger: Logger;
}

export interface Topic {
  id: string;
  label: string;
}

export interface Initiative {
  id: string;
  workspaceId: string;
  name: string;
  description: string;
  resources: string;
  guidelines: string;
  approvalRequired: boolean;
  minGroupSize: number;
  retentionDays: number;
  firstCheckInDays: number;
  checkInEveryDays: number;
  topics: Topic[];
}

export interface Invitation {
  userId: string;
  role: Role;
  initiativeId: string;
  initiativeName: string;
}

const withTopics = { topics: { orderBy: { position: 'asc' as const }, select: { id: true, label: true } } };

type InitiativeRow = Omit<Initiative, 'topics'> & { topics: Topic[] };

function toInitiative(row: InitiativeRow): Initiative {
  return {
    id: row.id,
    workspaceId: row.workspaceId,
    name: row.name,
    description: row.description,
    resources: row.resources,
    guidelines: row.guidelines,
    approvalRequired: row.approvalRequired,
    minGroupSize: row.minGroupSize,
    retentionDays: row.retentionDays,
    firstCheckInDays: row.firstCheckInDays,
    checkInEveryDays: row.checkInEveryDays,
    topics: row.topics.map((t) => ({ id: t.id, label: t.label })),
  };
}

export async function listInitiatives(db: Db, workspaceId: string): Promise<Initiative[]> {
  const rows = await db.initiative.findMany({ where: { workspaceId }, include: withTopics, orderBy: { createdAt: 'asc' } });
  return rows.map(toInitiative);
}

export async function getInitiative(db: Db | Tx, workspaceId: string, initiativeId: string): Promise<Initiative | null> {
  const row = await db.initiative.findFirst({ where: { id: initiativeId, workspaceId }, include: withTopics });
  return row ? toInitiative(row) : null;
}

export async function rolesOf(db: Db, workspaceId: string, userId: string): Promise<{ coordinatorOf: string[]; hrViewerOf: string[] }> {
  const rows = await db.initiativeMember.findMany({
    where: { userId, initiative: { workspaceId } },
    select: { initiativeId: true, role: true },
  });
  return {
    coordinatorOf: rows.filter((r) => r.role === 'coordinator').map((r) => r.initiativeId),
    hrViewerOf: rows.filter((r) => r.role === 'hr_viewer').map((r) => r.initiativeId),
  };
}

export async function hasRole(db: Db | Tx, initiativeId: string, userId: string, role: Role): Promise<boolean> {
  const row = await db.initiativeMember.findUnique({ where: { initiativeId_userId_role: { initiativeId, userId, role } } });
  return row !== null;
}

export async function membersOf(db: Db, initiativeId: string): Promise<{ coordinators: string[]; hrViewers: string[] }> {
  const rows = await db.initiativeMember.findMany({ where: { initiativeId }, orderBy: { createdAt: 'asc' } });
  return {
    coordinators: rows.filter((r) => r.role === 'coordinator').map((r) => r.userId),
    hrViewers: rows.filter((r) => r.role === 'hr_viewer').map((r) => r.userId),
  };
}

function settingsData(settings: InitiativeSettings) {
  return {
    name: settings.name,
    description: settings.description,
    resources: settings.resources,
    guidelines: settings.guidelines,
    approvalRequired: settings.approvalRequired,
    minGroupSize: settings.minGroupSize,
    retentionDays: settings.retentionDays,
    firstCheckInDays: settings.firstCheckInDays,
    checkInEveryDays: settings.checkInEveryDays,
  };
}

function invitationsFor(
  settings: InitiativeSettings,
  initiative: { id: string; name: string },
  existing: { coordinators: string[]; hrViewers: string[] },
  actorId: string,
): Invitation[] {
  const invite = (ids: string[], role: Role, already: string[]) =>
    [...new Set(ids)]
      .filter((id) => id !== actorId && !already.includes(id))
      .map((userId) => ({ userId, role, initiativeId: initiative.id, initiativeName: initiative.name }));
  return [
    ...invite(settings.coordinatorIds, 'coordinator', existing.coordinators),
    ...invite(settings.hrViewerIds, 'hr_viewer', existing.hrViewers),
  ];
}

/**
 * Creates an initiative whose coordinator is the person who set it up, with their consent recorded.
 * People named as coordinators or HR viewers are not stored: they are invited and stored only when they
 * accept (DESIGN.md invariant 3).
 */
export async function createInitiative(
  deps: ServiceDeps,
  input: { workspaceId: string; enterpriseId?: string | null; actorId: string; settings: InitiativeSettings },
): Promise<{ initiative: Initiative; invitations: Invitation[] }> {
  const now = deps.clock.now();
  const initiative = await deps.db.$transaction(async (tx) => {
    await tx.workspace.upsert({
      where: { id: input.workspaceId },
      create: { id: input.workspaceId, enterpriseId: input.enterpriseId ?? null },
      update: {},
    });
    const created = await tx.initiative.create({
      data: {
        workspaceId: input.workspaceId,
        ...settingsData(input.settings),
        topics: { create: input.settings.topics.map((label, position) => ({ label, position })) },
        members: { create: { userId: input.actorId, role: 'coordinator', createdAt: now } },
      },
      include: withTopics,
    });
    await recordConsent(tx, {
      workspaceId: input.workspaceId,
      userId: input.actorId,
      initiativeId: created.id,
      purpose: 'coordinator',
      action: 'given',
      surface: 'modal:setup',
      at: now,
    });
    return toInitiative(created);
  });
  deps.logger.info({ initiativeId: initiative.id }, 'initiative created');
  return {
    initiative,
    invitations: invitationsFor(input.settings, initiative, { coordinators: [input.actorId], hrViewers: [] }, input.actorId),
  };
}

export type UpdateResult =
  | { kind: 'updated'; initiative: Initiative; invitations: Invitation[]; removedMembers: string[] }
  | { kind: 'not-coordinator' }
  | { kind: 'not-found' };

/** Saves edited settings. Topics are matched by label (ignoring case) so listeners keep their choices. */
export async function updateInitiative(
  deps: ServiceDeps,
  input: { workspaceId: string; initiativeId: string; actorId: string; settings: InitiativeSettings },
): Promise<UpdateResult> {
  return deps.db.$transaction(async (tx): Promise<UpdateResult> => {
    const current = await getInitiative(tx, input.workspaceId, input.initiativeId);
    if (!current) return { kind: 'not-found' };
    if (!(await hasRole(tx, current.id, input.actorId, 'coordinator'))) return { kind: 'not-coordinator' };

    await tx.initiative.update({ where: { id: current.id }, data: settingsData(input.settings) });

    const byLabel = new Map(current.topics.map((t) => [t.label.toLowerCase(), t]));
    const keep = new Set<string>();
    for (const [position, label] of input.settings.topics.entries()) {
      const existing = byLabel.get(label.toLowerCase());
      if (existing) {
        keep.add(existing.id);
        await tx.initiativeTopic.update({ where: { id: existing.id }, data: { label, position } });
      } else {
        const created = await tx.initiativeTopic.create({ data: { initiativeId: current.id, label, position } });
        keep.add(created.id);
      }
    }
    await tx.initiativeTopic.deleteMany({
      where: { initiativeId: current.id, id: { notIn: [...keep] } },
    });

    // Members left out of the lists lose the role; the coordinator saving the form keeps theirs.
    const members = await tx.initiativeMember.findMany({ where: { initiativeId: current.id } });
    const removed = members.filter(
      (m) =>
        m.userId !== input.actorId &&
        !(m.role === 'coordinator' ? input.settings.coordinatorIds : input.settings.hrViewerIds).includes(m.userId),
    );
    if (removed.length > 0) await tx.initiativeMember.deleteMany({ where: { id: { in: removed.map((m) => m.id) } } });

    const kept = members.filter((m) => !removed.includes(m));
    const updated = (await getInitiative(tx, input.workspaceId, current.id))!;
    return {
      kind: 'updated',
      initiative: updated,
      removedMembers: removed.map((m) => m.userId),
      invitations: invitationsFor(
        input.settings,
        updated,
        {
          coordinators: kept.filter((m) => m.role === 'coordinator').map((m) => m.userId),
          hrViewers: kept.filter((m) => m.role === 'hr_viewer').map((m) => m.userId),
        },
        input.actorId,
      ),
    };
  });
}

export type AcceptResult =
  | { kind: 'accepted'; initiativeName: string }
  | { kind: 'already'; initiativeName: string }
  | { kind: 'not-found' };

/** The invited person accepts a role: consent and membership are stored together, or not at all. */
export async function acceptRole(
  deps: ServiceDeps,
  input: { workspaceId: string; initiativeId: string; userId: string; role: Role },
): Promise<AcceptResult> {
  const now = deps.clock.now();
  const accept = () => deps.db.$transaction(async (tx): Promise<AcceptResult> => {
    const initiative = await tx.initiative.findFirst({ where: { id: input.initiativeId, workspaceId: input.workspaceId } });
    if (!initiative) return { kind: 'not-found' };
    if (await hasRole(tx, initiative.id, input.userId, input.role)) return { kind: 'already', initiativeName: initiative.name };
    await tx.initiativeMember.create({ data: { initiativeId: initiative.id, userId: input.userId, role: input.role, createdAt: now } });
    await recordConsent(tx, {
      workspaceId: input.workspaceId,
      userId: input.userId,
      initiativeId: initiative.id,
      purpose: input.role,
      action: 'given',
      surface: 'message:invitation',
      at: now,
    });
    return { kind: 'accepted', initiativeName: initiative.name };
  });
  // A double click races to the unique key; the second click finds the role already there.
  return retryOnceOnUniqueViolation(accept);
}
