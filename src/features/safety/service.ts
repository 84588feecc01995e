import { crisisWordsOfEach } from '../../domain/crisis.js';
import { resourcesToShow } from '../../domain/signposting.js';
import { Prisma, type Db } from '../../db/client.js';
import { leanRead } from '../../db/lean-read.js';
import { OPEN_STATUSES, toOpenRequest, type OpenRequest } from '../requests/service.js';
import type { InitiativeResources } from './views.js';

// What the safety net shows a person (issue 14): reads only, nothing is written. What they wrote never
// reaches this module (invariant 2); the crisis check runs on it in memory in the listener.

export interface SignpostedResources {
  /** The person's own initiatives, else every initiative of the workspace; at most a few. */
  resources: InitiativeResources[];
  /** The crisis words of those initiatives, or the built-in list. */
  crisisWords: string[];
}

export interface SafetyNet extends SignpostedResources {
  requests: OpenRequest[];
}

type InitiativeRow = { id: string; name: string; resources: string; crisisWords: string };

/** Own initiatives are those where the person has a request, a listener profile or a role. */
export async function loadResources(db: Db, workspaceId: string, userId: string): Promise<SignpostedResources> {
  // A lean read: on the path of every /peer help (issue 17).
  const all = await leanRead<InitiativeRow>(
    db,
    Prisma.sql`SELECT "id", "name", "resources", "crisisWords" FROM "Initiative" WHERE "workspaceId" = ${workspaceId} ORDER BY "createdAt" ASC`,
  );
  return signpost(db, all, workspaceId, userId);
}

/** The resources to show of the workspace's initiatives `all`, oldest first: the person's own, else all. */
async function signpost(db: Db, all: InitiativeRow[], workspaceId: string, userId: string): Promise<SignpostedResources> {
  const inWorkspace = { initiative: { workspaceId } };
  // With one initiative or none, whose it is changes nothing (resourcesToShow): no more queries, on the
  // path of every /peer help and every message outside a conversation (issue 17).
  const [requested, profiles, roles] =
    all.length <= 1
      ? [[], [], []]
      : await Promise.all([
          db.supportRequest.findMany({ where: { seekerId: userId, ...inWorkspace }, select: { initiativeId: true }, distinct: ['initiativeId'] }),
          db.listenerProfile.findMany({ where: { userId, ...inWorkspace }, select: { initiativeId: true } }),
          db.initiativeMember.findMany({ where: { userId, ...inWorkspace }, select: { initiativeId: true } }),
        ]);
  const own = new Set([...requested, ...profiles, ...roles].map((r) => r.initiativeId));
  const shown = resourcesToShow(all, own);
  return {
    resources: shown.map(({ id, name, resources }) => ({ id, name, resources })),
    crisisWords: crisisWordsOfEach(shown.map((i) => i.crisisWords)),
  };
}

/**
 * Everything the safety net shows, for every message outside a conversation: the workspace's initiatives
 * and, joined to them, the person's open requests, in one lean statement (issue 17: a statement costs
 * the app a fifth of a millisecond of CPU on PostgreSQL, and a DM had four).
 */
export async function loadSafetyNet(db: Db, workspaceId: string, userId: string): Promise<SafetyNet> {
  const rows = await leanRead<InitiativeRow & { requestId: string | null; status: string | null; topic: string | null; requestedAt: Date | null }>(
    db,
    Prisma.sql`SELECT i."id", i."name", i."resources", i."crisisWords", r."id" AS "requestId", r."status", t."label" AS "topic", r."createdAt" AS "requestedAt"
      FROM "Initiative" i
        LEFT JOIN "SupportRequest" r ON r."initiativeId" = i."id" AND r."seekerId" = ${userId} AND r."status" IN ${OPEN_STATUSES}
        LEFT JOIN "InitiativeTopic" t ON t."id" = r."topicId"
      WHERE i."workspaceId" = ${workspaceId}
      ORDER BY i."createdAt" ASC`,
  );
  const initiatives = new Map<string, InitiativeRow>();
  const requests: OpenRequest[] = [];
  for (const row of rows) {
    if (!initiatives.has(row.id)) initiatives.set(row.id, { id: row.id, name: row.name, resources: row.resources, crisisWords: row.crisisWords });
    if (row.requestId !== null && row.status !== null && row.requestedAt !== null) {
      requests.push(toOpenRequest({ id: row.requestId, initiativeId: row.id, status: row.status, topic: row.topic, createdAt: row.requestedAt }));
    }
  }
  // Oldest request first, as openRequestsOf reads them.
  requests.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  return { ...(await signpost(db, [...initiatives.values()], workspaceId, userId)), requests };
}
