import { crisisWordsOfEach } from '../../domain/crisis.js';
import { resourcesToShow } from '../../domain/signposting.js';
import { Prisma, type Db } from '../../db/client.js';
import { leanRead } from '../../db/lean-read.js';
import { openRequestsOf, type OpenRequest } from '../requests/service.js';
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

/** Own initiatives are those where the person has a request, a listener profile or a role. */
export async function loadResources(db: Db, workspaceId: string, userId: string): Promise<SignpostedResources> {
  const inWorkspace = { initiative: { workspaceId } };
  // A lean read: on the path of every /peer help and every message outside a conversation (issue 17).
  const all = await leanRead<{ id: string; name: string; resources: string; crisisWords: string }>(
    db,
    Prisma.sql`SELECT "id", "name", "resources", "crisisWords" FROM "Initiative" WHERE "workspaceId" = ${workspaceId} ORDER BY "createdAt" ASC`,
  );
  // With one initiative or none, whose it is changes nothing (resourcesToShow): one query, not four, on
  // the path of every /peer help and every message outside a conversation (issue 17).
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

export async function loadSafetyNet(db: Db, workspaceId: string, userId: string): Promise<SafetyNet> {
  const [signposted, requests] = await Promise.all([loadResources(db, workspaceId, userId), openRequestsOf(db, workspaceId, userId)]);
  return { ...signposted, requests };
}
