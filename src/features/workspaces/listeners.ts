import type { Routes } from '../../slack/routes.js';
import type { FeatureDeps } from '../../app-deps.js';
import { uninstallWorkspace } from './service.js';

// Slack tells us the app was removed: app_uninstalled, or tokens_revoked naming the bot's token. Either
// (in either order, and again on a retry or from another replica) stops the workspace's work at once.
// Bolt hands both events over without authorizing them: the token they would need is already gone.

export function register(app: Routes, deps: FeatureDeps): void {
  const stop = (workspaceId: string, reason: 'app_uninstalled' | 'tokens_revoked') =>
    uninstallWorkspace({ db: deps.database.db, clock: deps.clock, logger: deps.logger }, {
      workspaceId,
      graceDays: deps.config.uninstallGraceDays,
      reason,
    });

  app.event('app_uninstalled', async ({ body }) => {
    const workspaceId = teamOf(body);
    if (!workspaceId) return;
    await stop(workspaceId, 'app_uninstalled');
    deps.workspaceTokens.forget(workspaceId);
  });

  app.event('tokens_revoked', async ({ event, body }) => {
    const workspaceId = teamOf(body);
    // Only the bot's token matters: the app asks for no user tokens.
    if (!workspaceId || (event.tokens.bot ?? []).length === 0) return;
    await stop(workspaceId, 'tokens_revoked');
    deps.workspaceTokens.forget(workspaceId);
  });
}

function teamOf(body: unknown): string | undefined {
  const teamId = typeof body === 'object' && body !== null && 'team_id' in body ? body.team_id : undefined;
  return typeof teamId === 'string' && teamId !== '' ? teamId : undefined;
}
