import type { Db } from '../../db/client.js';
import { incrementCount } from '../common/anonymous-counts.js';
import type { ServiceDeps } from '../initiatives/service.js';

// Everything stored about a person, and erasing it (DESIGN.md invariant 3). Adding a table that holds a
// person's id means adding it to both functions below; test/e2e/my-data.test.ts scans every table.

export interface MyData {
  generatedAt: string;
  workspaceId: string;
  userId: string;
  listenerProfiles: {
    initiative: string;
    status: string;
    capacity: number;
    introduction: string | null;
    languages: string[];
    quietHours: { start: string; end: string } | null;
    topics: string[];
    createdAt: string;
  }[];
  roles: { initiative: string; role: string; since: string }[];
  consentRecords: { initiative: string | null; purpose: string; action: string; textVersion: string; surface: string; at: string }[];
}

export async function collectMyData(db: Db, workspaceId: string, userId: string, now: Date): Promise<MyData> {
  const [profiles, roles, consents, initiatives] = await Promise.all([
    db.listenerProfile.findMany({
      where: { userId, initiative: { workspaceId } },
      include: { initiative: { select: { name: true } }, topics: { include: { topic: { select: { label: true } } } } },
      orderBy: { createdAt: 'asc' },
    }),
    db.initiativeMember.findMany({
      where: { userId, initiative: { workspaceId } },
      include: { initiative: { select: { name: true } } },
      orderBy: { createdAt: 'asc' },
    }),
    db.consentRecord.findMany({ where: { workspaceId, userId }, orderBy: { createdAt: 'asc' } }),
    db.initiative.findMany({ where: { workspaceId }, select: { id: true, name: true } }),
  ]);
  const initiativeName = (id: string | null) => (id ? (initiatives.find((i) => i.id === id)?.name ?? 'an initiative that no longer exists') : null);
  return {
    generatedAt: now.toISOString(),
    workspaceId,
    userId,
    listenerProfiles: profiles.map((p) => ({
      initiative: p.initiative.name,
      status: p.status,
      capacity: p.capacity,
      introduction: p.intro,
      languages: p.languages ? p.languages.split(',') : [],
      quietHours: p.quietHoursStart && p.quietHoursEnd ? { start: p.quietHoursStart, end: p.quietHoursEnd } : null,
      topics: p.topics.map((t) => t.topic.label),
      createdAt: p.createdAt.toISOString(),
    })),
    roles: roles.map((r) => ({ initiative: r.initiative.name, role: r.role, since: r.createdAt.toISOString() })),
    consentRecords: consents.map((c) => ({
      initiative: initiativeName(c.initiativeId),
      purpose: c.purpose,
      action: c.action,
      textVersion: c.textVersion,
      surface: c.surface,
      at: c.createdAt.toISOString(),
    })),
  };
}

export interface EraseSummary {
  listenerProfiles: number;
  roles: number;
  consentRecords: number;
}

/** Erases every row that names the person, in one transaction; only anonymous counts remain. */
export async function eraseMyData(deps: ServiceDeps, workspaceId: string, userId: string): Promise<EraseSummary> {
  const now = deps.clock.now();
  const summary = await deps.db.$transaction(async (tx) => {
    const profiles = await tx.listenerProfile.findMany({ where: { userId, initiative: { workspaceId } }, select: { id: true, initiativeId: true } });
    for (const p of profiles) await incrementCount(tx, { initiativeId: p.initiativeId, metric: 'listener_left', at: now });
    const listenerProfiles = (await tx.listenerProfile.deleteMany({ where: { id: { in: profiles.map((p) => p.id) } } })).count;
    const roles = (await tx.initiativeMember.deleteMany({ where: { userId, initiative: { workspaceId } } })).count;
    const consentRecords = (await tx.consentRecord.deleteMany({ where: { workspaceId, userId } })).count;
    return { listenerProfiles, roles, consentRecords };
  });
  deps.logger.info({ erased: summary }, 'a person erased their data');
  return summary;
}

/** Initiatives the person is the only coordinator of, to warn before they erase their data. */
export async function soleCoordinatorOf(db: Db, workspaceId: string, userId: string): Promise<string[]> {
  const mine = await db.initiativeMember.findMany({
    where: { userId, role: 'coordinator', initiative: { workspaceId } },
    include: { initiative: { select: { name: true, members: { where: { role: 'coordinator' }, select: { id: true } } } } },
  });
  return mine.filter((m) => m.initiative.members.length === 1).map((m) => m.initiative.name);
}
