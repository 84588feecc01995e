import type { WebClient } from '@slack/web-api';
import type { ServiceDeps } from '../initiatives/service.js';
import { listInitiatives, rolesOf } from '../initiatives/service.js';
import { listenersOf, profilesOf } from '../listeners/service.js';
import { previewsOn } from '../preferences/service.js';
import { openRequestsOf } from '../requests/service.js';
import { renderHome, type HomeModel } from './views.js';

export async function loadHome(deps: ServiceDeps, workspaceId: string, userId: string): Promise<HomeModel> {
  const [initiatives, profiles, roles, requests, previews] = await Promise.all([
    listInitiatives(deps.db, workspaceId),
    profilesOf(deps.db, workspaceId, userId),
    rolesOf(deps.db, workspaceId, userId),
    openRequestsOf(deps.db, workspaceId, userId),
    previewsOn(deps.db, userId),
  ]);
  const coordinated = await Promise.all(
    initiatives
      .filter((i) => roles.coordinatorOf.includes(i.id))
      .map(async (initiative) => ({ initiative, listeners: await listenersOf(deps.db, initiative.id) })),
  );
  const insightsOf = initiatives.filter((i) => roles.coordinatorOf.includes(i.id) || roles.hrViewerOf.includes(i.id));
  return { initiatives, requests, profiles, coordinated, insightsOf, previews };
}

/** Re-renders a person's Home tab; a failure is logged, never shown, since it only affects freshness. */
export async function publishHome(client: WebClient, deps: ServiceDeps, workspaceId: string, userId: string): Promise<void> {
  try {
    const view = renderHome(await loadHome(deps, workspaceId, userId));
    await client.views.publish({ user_id: userId, view });
  } catch (error) {
    deps.logger.warn({ err: error, code: 'home_publish_failed' }, 'could not refresh the Home tab');
  }
}

export async function publishHomes(client: WebClient, deps: ServiceDeps, workspaceId: string, userIds: Iterable<string>): Promise<void> {
  await Promise.all([...new Set(userIds)].map((userId) => publishHome(client, deps, workspaceId, userId)));
}
