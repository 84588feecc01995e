import type { Db, Tx } from '../../db/client.js';
import type { Logger } from '../../logger.js';
import type { Clock } from '../../clock.js';
import { isCurrentConsentVersion } from '../../domain/consent.js';
import { serializeTexts } from '../../domain/initiative-texts.js';
import { recordConsent } from '../consent/record.js';
import type { AppLanguage } from '../../domain/app-language.js';
import type { InitiativeSettings } from './input.js';
import { pendingInvitations, syncInvitations } from './invitations.js';

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
  waitingUpdateEveryDays?: number;
  reviewAfterWeeks?: number;
  /** The default language (issue 19): for people whose Slack language the app does not speak. */
  language?: string;
  /** Resources, guidelines and topic labels in other languages, as stored (domain/initiative-texts.ts). */
  texts?: string;
  topics: Topic[];
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
    waitingUpdateEveryDays: row.waitingUpdateEveryDays,
    reviewAfterWeeks: row.reviewAfterWeeks,
    language: row.language,
    texts: row.texts,
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

/** The user ids of an initiative's coordinators. */
export async function coordinatorsOf(db: Db | Tx, initiativeId: string): Promise<string[]> {
  return (await coordinatorsOfInitiatives(db, [initiativeId])).get(initiativeId)!;
}

/** The coordinators of several initiatives, by initiative id, in one query (a listener's Home names them). */
export async function coordinatorsOfInitiatives(db: Db | Tx, initiativeIds: readonly string[]): Promise<Map<string, string[]>> {
  const byInitiative = new Map<string, string[]>(initiativeIds.map((id) => [id, []]));
  if (initiativeIds.length === 0) return byInitiative;
  const rows = await db.initiativeMember.findMany({
    where: { initiativeId: { in: [...initiativeIds] }, role: 'coordinator' },
    select: { initiativeId: true, userId: true },
    orderBy: { createdAt: 'asc' },
  });
  for (const r of rows) byInitiative.get(r.initiativeId)?.push(r.userId);
  return byInitiative;
}

/** The workspace an initiative belongs to (outbox rows are paced per workspace). */
export async function workspaceOfInitiative(db: Db | Tx, initiativeId: string): Promise<string> {
  return (await db.initiative.findUniqueOrThrow({ where: { id: initiativeId }, select: { workspaceId: true } })).workspaceId;
}

export async function hasRole(db: Db | Tx, initiativeId: string, userId: string, role: Role): Promise<boolean> {
  const row = await db.initiativeMember.findUnique({ where: { initiativeId_userId_role: { initiativeId, userId, role } } });
  return row !== null;
}

export async function membersOf(db: Db | Tx, initiativeId: string): Promise<{ coordinators: string[]; hrViewers: string[] }> {
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
    waitingUpdateEveryDays: settings.waitingUpdateEveryDays,
    reviewAfterWeeks: settings.reviewAfterWeeks,
    ...(settings.language ? { language: settings.language } : {}),
    ...(settings.texts ? { texts: serializeTexts(settings.texts) } : {}),
  };
}

/** Whether the person must (re)consent as coordinator: no 'given' record of the current text stands. */
export async function needsCoordinatorConsent(db: Db | Tx, workspaceId: string, initiativeId: string, userId: string): Promise<boolean> {
  const latest = await db.consentRecord.findFirst({
    where: { workspaceId, userId, initiativeId, purpose: 'coordinator' },
    orderBy: { createdAt: 'desc' },
  });
  return !(latest?.action === 'given' && isCurrentConsentVersion('coordinator', latest.textVersion));
}

/** Who the setup form's pickers show: members and people invited who have not answered yet. */
export async function peopleOf(db: Db | Tx, initiativeId: string, now: Date): Promise<{ coordinators: string[]; hrViewers: string[] }> {
  const [members, invited] = await Promise.all([membersOf(db, initiativeId), pendingInvitations(db, initiativeId, now)]);
  const add = (list: string[], role: Role) => [...new Set([...list, ...invited.filter((i) => i.role === role).map((i) => i.inviteeId)])];
  return { coordinators: add(members.coordinators, 'coordinator'), hrViewers: add(members.hrViewers, 'hr_viewer') };
}

export type CreatorCheck = { kind: 'allowed'; because: 'listed' | 'coordinator' | 'admin' } | { kind: 'refused'; creators: readonly string[] };

/**
 * Who may create an initiative (issue 13): people listed in INITIATIVE_CREATORS, coordinators of an
 * existing initiative in the workspace, and workspace admins and owners. `isAdminOrOwner` asks Slack, so
 * it is asked last, only when nothing stored already allows the person.
 */
export async function mayCreateInitiative(
  db: Db,
  input: { workspaceId: string; userId: string; creators: readonly string[]; isAdminOrOwner: () => Promise<boolean> },
): Promise<CreatorCheck> {
  if (input.creators.includes(input.userId)) return { kind: 'allowed', because: 'listed' };
  const coordinator = await db.initiativeMember.findFirst({
    where: { userId: input.userId, role: 'coordinator', initiative: { workspaceId: input.workspaceId } },
    select: { id: true },
  });
  if (coordinator) return { kind: 'allowed', because: 'coordinator' };
  if (await input.isAdminOrOwner()) return { kind: 'allowed', because: 'admin' };
  return { kind: 'refused', creators: input.creators };
}

export type CreateResult =
  | { kind: 'created'; initiative: Initiative; invited: number; outboxIds: string[] }
  /** The consent box was not ticked: nothing is stored. */
  | { kind: 'consent-needed' };

/**
 * Creates an initiative whose coordinator is the person who set it up, with their consent recorded.
 * People named as coordinators or HR viewers are not members: each gets an Invitation row and a DM
 * (outbox), in the same transaction, and is stored as a member only when they accept (DESIGN.md
 * invariant 3). The caller has checked that the person may create initiatives (mayCreateInitiative).
 */
export async function createInitiative(
  deps: ServiceDeps,
  input: {
    workspaceId: string;
    enterpriseId?: string | null;
    actorId: string;
    settings: InitiativeSettings;
    consentGiven: boolean;
    /** The language of the consent text the form showed: its version is the one recorded (issue 19). */
    language?: AppLanguage;
  },
): Promise<CreateResult> {
  // A new initiative always asks: its creator has never consented to coordinate it.
  if (!input.consentGiven) return { kind: 'consent-needed' };
  const now = deps.clock.now();
  const result = await deps.db.$transaction(async (tx): Promise<CreateResult & { kind: 'created' }> => {
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
      ...(input.language ? { language: input.language } : {}),
    });
    const initiative = toInitiative(created);
    const invitations = await syncInvitations(tx, now, {
      workspaceId: input.workspaceId,
      initiative,
      actorId: input.actorId,
      named: { coordinator: input.settings.coordinatorIds, hr_viewer: input.settings.hrViewerIds },
      members: [{ userId: input.actorId, role: 'coordinator' }],
    });
    return { kind: 'created', initiative, invited: invitations.invited, outboxIds: invitations.outboxIds };
  });
  deps.logger.info({ initiativeId: result.initiative.id, invited: result.invited }, 'initiative created');
  return result;
}

export type UpdateResult =
  | { kind: 'updated'; initiative: Initiative; invited: number; withdrawn: number; removedMembers: string[]; outboxIds: string[] }
  | { kind: 'not-coordinator' }
  | { kind: 'not-found' }
  /** The coordinator's consent is not to the current text and the box was not ticked: nothing saved. */
  | { kind: 'consent-needed' };

/**
 * Saves edited settings. Topics are matched by label (ignoring case) so listeners keep their choices.
 * Whether the coordinator must consent again is decided here, from their stored consent and the current
 * text, never from the form. Members left off the form lose the role (a 'withdrawn' consent record says
 * so); invitations follow the form (syncInvitations).
 */
export async function updateInitiative(
  deps: ServiceDeps,
  input: {
    workspaceId: string;
    initiativeId: string;
    actorId: string;
    settings: InitiativeSettings;
    consentGiven: boolean;
    /** The language of the consent text the form showed: its version is the one recorded (issue 19). */
    language?: AppLanguage;
  },
): Promise<UpdateResult> {
  const now = deps.clock.now();
  return deps.db.$transaction(async (tx): Promise<UpdateResult> => {
    const current = await getInitiative(tx, input.workspaceId, input.initiativeId);
    if (!current) return { kind: 'not-found' };
    if (!(await hasRole(tx, current.id, input.actorId, 'coordinator'))) return { kind: 'not-coordinator' };
    if (await needsCoordinatorConsent(tx, input.workspaceId, current.id, input.actorId)) {
      if (!input.consentGiven) return { kind: 'consent-needed' };
      await recordConsent(tx, {
        workspaceId: input.workspaceId,
        userId: input.actorId,
        initiativeId: current.id,
        purpose: 'coordinator',
        action: 'given',
        surface: 'modal:setup',
        at: now,
        ...(input.language ? { language: input.language } : {}),
      });
    }

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
    // The purpose they consented to has ended for them: the log says so (DESIGN.md invariant 3).
    for (const m of removed) {
      await recordConsent(tx, {
        workspaceId: input.workspaceId,
        userId: m.userId,
        initiativeId: current.id,
        purpose: m.role === 'coordinator' ? 'coordinator' : 'hr_viewer',
        action: 'withdrawn',
        surface: 'coordinator:removed',
        at: now,
      });
    }

    const kept = members.filter((m) => !removed.includes(m));
    const updated = (await getInitiative(tx, input.workspaceId, current.id))!;
    const invitations = await syncInvitations(tx, now, {
      workspaceId: input.workspaceId,
      initiative: updated,
      actorId: input.actorId,
      named: { coordinator: input.settings.coordinatorIds, hr_viewer: input.settings.hrViewerIds },
      members: kept,
    });
    return {
      kind: 'updated',
      initiative: updated,
      removedMembers: removed.map((m) => m.userId),
      invited: invitations.invited,
      withdrawn: invitations.withdrawn,
      outboxIds: invitations.outboxIds,
    };
  });
}
