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

type InitiativeRow = { id: string; name: string; resources: string; crisisWords: string; texts: string };

/**
 * Own initiatives are those where the person has a request, a listener profile or a role. `initiatives`
 * reads the workspace's initiatives (by default straight from the database; /peer help passes its
 * cache, src/features/safety/initiatives-cache.ts).
 */
export async function loadResources(
  db: Db,
  workspaceId: string,
  userId: string,
  initiatives: (workspaceId: string) => Promise<InitiativeRow[]> = (id) => readInitiatives(db, id),
): Promise<SignpostedResources> {
  return signpost(db, await initiatives(workspaceId), workspaceId, userId);
}

/** A workspace's initiatives as the safety net shows them, oldest first: a lean read, on the path of /peer help (issue 17). */
export async function readInitiatives(db: Db, workspaceId: string): Promise<(InitiativeRow & { language: string })[]> {
  return leanRead<InitiativeRow & { language: string }>(
    db,
    Prisma.sql`SELECT "id", "name", "resources", "crisisWords", "texts", "language" FROM "Initiative" WHERE "workspaceId" = ${workspaceId} ORDER BY "createdAt" ASC`,
  );
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
    resources: shown.map(({ id, name, resources, texts }) => ({ id, name, resources, texts })),
    crisisWords: crisisWordsOfEach(shown.map((i) => i.crisisWords)),
  };
}

/**
 * The safety net's columns, from "Initiative" i joined to the person's open requests (SAFETY_NET_JOINS),
 * named so they can share a row with a pairing's columns (src/features/relay/service.ts reads both in
 * one statement for every message written to the app).
 */
export const SAFETY_NET_COLUMNS = Prisma.sql`i."id" AS "netInitiativeId", i."name" AS "netName", i."resources" AS "netResources", i."crisisWords" AS "netCrisisWords",
  i."texts" AS "netTexts", i."createdAt" AS "netCreatedAt", o."id" AS "netRequestId", o."status" AS "netStatus", ot."label" AS "netTopic", o."createdAt" AS "netRequestedAt"`;

export const SAFETY_NET_JOINS = (userId: string) => Prisma.sql`LEFT JOIN "SupportRequest" o ON o."initiativeId" = i."id" AND o."seekerId" = ${userId} AND o."status" IN ${OPEN_STATUSES}
  LEFT JOIN "InitiativeTopic" ot ON ot."id" = o."topicId"`;

export type SafetyNetRow = {
  netInitiativeId: string;
  netName: string;
  netTexts: string;
  netResources: string;
  netCrisisWords: string;
  netCreatedAt: Date;
  netRequestId: string | null;
  netStatus: string | null;
  netTopic: string | null;
  netRequestedAt: Date | null;
};

/** The safety net from its rows (one per initiative and open request, in any order). */
export async function safetyNetOf(db: Db, rows: readonly SafetyNetRow[], workspaceId: string, userId: string): Promise<SafetyNet> {
  const initiatives = new Map<string, InitiativeRow & { createdAt: Date }>();
  const requests = new Map<string, OpenRequest>();
  for (const row of rows) {
    if (!initiatives.has(row.netInitiativeId)) {
      initiatives.set(row.netInitiativeId, {
        id: row.netInitiativeId,
        name: row.netName,
        resources: row.netResources,
        crisisWords: row.netCrisisWords,
        texts: row.netTexts,
        createdAt: row.netCreatedAt,
      });
    }
    if (row.netRequestId !== null && row.netStatus !== null && row.netRequestedAt !== null && !requests.has(row.netRequestId)) {
      requests.set(row.netRequestId, toOpenRequest({ id: row.netRequestId, initiativeId: row.netInitiativeId, status: row.netStatus, topic: row.netTopic, createdAt: row.netRequestedAt }));
    }
  }
  // Oldest first, as loadResources and openRequestsOf read them.
  const oldestFirst = <T extends { createdAt: Date }>(list: Iterable<T>) => [...list].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  const all = oldestFirst(initiatives.values()).map(({ id, name, resources, crisisWords, texts }) => ({ id, name, resources, crisisWords, texts }));
  return { ...(await signpost(db, all, workspaceId, userId)), requests: oldestFirst(requests.values()) };
}
