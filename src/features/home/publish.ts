import type { WebClient } from '@slack/web-api';
import type { ServiceDeps } from '../initiatives/service.js';
import { coordinatorsOfInitiatives, listInitiatives, rolesOf } from '../initiatives/service.js';
import { listenersOfInitiatives, profilesOf } from '../listeners/service.js';
import { activeLoadOf, listenerConversationsOf } from '../pairings/service.js';
import { preferencesOf } from '../preferences/service.js';
import type { PersonLanguages } from '../common/person-language.js';
import { FALLBACK_LANGUAGE } from '../../domain/app-language.js';
import { openRequestsOf, waitingByTopic } from '../requests/service.js';
import { renderHome, type HomeModel } from './views.js';
import { circleCountOf } from '../circles/service.js';

/**
 * Everything one person's Home shows, in a fixed number of queries (one per table, never one per listener
 * or request: a coordinator of 500 listeners costs what a coordinator of 5 does).
 */
export async function loadHome(deps: ServiceDeps, workspaceId: string, userId: string): Promise<HomeModel> {
  const now = deps.clock.now();
  const [initiatives, profiles, roles, requests, preferences, conversations, circles] = await Promise.all([
    listInitiatives(deps.db, workspaceId),
    profilesOf(deps.db, workspaceId, userId),
    rolesOf(deps.db, workspaceId, userId),
    openRequestsOf(deps.db, workspaceId, userId),
    preferencesOf(deps.db, userId),
    listenerConversationsOf(deps.db, workspaceId, userId),
    circleCountOf(deps.db, workspaceId, userId),
  ]);
  const coordinatedIds = initiatives.filter((i) => roles.coordinatorOf.includes(i.id)).map((i) => i.id);
  const [listeners, load, waiting, coordinators] = await Promise.all([
    listenersOfInitiatives(deps.db, coordinatedIds),
    activeLoadOf(deps.db, coordinatedIds),
    waitingByTopic(deps.db, coordinatedIds),
    coordinatorsOfInitiatives(deps.db, profiles.map((p) => p.initiativeId)),
  ]);
  const coordinated = initiatives
    .filter((i) => coordinatedIds.includes(i.id))
    .map((initiative) => {
      const theirs = listeners.filter((l) => l.initiativeId === initiative.id);
      const labelOf = (topicId: string | null) => initiative.topics.find((t) => t.id === topicId)?.label ?? null;
      return {
        initiative,
        listeners: theirs,
        // Counts only: whom a listener supports never leaves the database for a coordinator (invariant 5).
        load: Object.fromEntries(theirs.map((l) => [l.id, load.get(l.id) ?? 0])),
        waiting: waiting.filter((w) => w.initiativeId === initiative.id).map((w) => ({ topic: labelOf(w.topicId), count: w.count, oldestAt: w.oldestAt })),
      };
    });
  const insightsOf = initiatives.filter((i) => roles.coordinatorOf.includes(i.id) || roles.hrViewerOf.includes(i.id));
  return {
    now,
    initiatives,
    requests,
    profiles,
    conversations,
    coordinatorsOf: Object.fromEntries(coordinators),
    coordinated,
    insightsOf,
    circles,
    previews: preferences.previews,
    // What they chose, else English until publishHome asks their Slack (the language needs a client).
    language: { current: preferences.language ?? FALLBACK_LANGUAGE, chosen: preferences.language },
  };
}

/** What a Home tab is published with: the person's language (issue 19) comes from `languages` (English without). */
export type HomeDeps = ServiceDeps & { languages?: PersonLanguages };

/** Re-renders a person's Home tab; a failure is logged, never shown, since it only affects freshness. */
export async function publishHome(client: WebClient, deps: HomeDeps, workspaceId: string, userId: string): Promise<void> {
  try {
    const [model, current] = await Promise.all([
      loadHome(deps, workspaceId, userId),
      deps.languages ? deps.languages.of(client, userId, { workspaceId }) : FALLBACK_LANGUAGE,
    ]);
    const view = renderHome({ ...model, language: { current: model.language?.chosen ?? current, chosen: model.language?.chosen ?? null } });
    await client.views.publish({ user_id: userId, view });
  } catch (error) {
    deps.logger.warn({ err: error, code: 'home_publish_failed' }, 'could not refresh the Home tab');
  }
}

export async function publishHomes(client: WebClient, deps: HomeDeps, workspaceId: string, userIds: Iterable<string>): Promise<void> {
  await Promise.all([...new Set(userIds)].map((userId) => publishHome(client, deps, workspaceId, userId)));
}
