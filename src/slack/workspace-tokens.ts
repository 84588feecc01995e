import type { Clock } from '../clock.js';
import type { Db } from '../db/client.js';

// Which bot token acts in which workspace (issue 16). Interactive requests get theirs from Bolt (the
// environment's token, or the installation through Bolt's authorize); work the app does on its own
// (the outbox, check-ins, Home refreshes) asks here by workspace id, so each job sends with its own
// workspace's token. A workspace that uninstalled the app, or whose token Slack revoked, has none: every
// send for it stops at once (WorkspaceUnavailableError), on every replica within CACHE_MS.

export interface WorkspaceTokens {
  /** The bot token for this workspace; throws WorkspaceUnavailableError when the app may not act there. */
  botToken(workspaceId: string): Promise<string>;
  /** Forgets what is cached for the workspace (after an uninstall, a revoked token or a refresh). */
  forget(workspaceId: string): void;
}

/** The app is not installed in the workspace (uninstalled, revoked, never installed): nothing is sent there. */
export class WorkspaceUnavailableError extends Error {
  readonly code = 'workspace_unavailable';
  constructor(
    readonly workspaceId: string,
    /** 'refused': Slack has just refused the workspace's token (or its refresh), which counts as an uninstall. */
    readonly reason: 'not_installed' | 'refused' = 'not_installed',
  ) {
    super('the app is not installed in this workspace');
    this.name = 'WorkspaceUnavailableError';
  }
}

/** How long a replica trusts what it read about a workspace before reading it again. */
export const CACHE_MS = 10_000;

/**
 * SLACK_BOT_TOKEN mode: one token for the one workspace, refused for a workspace that uninstalled the
 * app (a reinstall gives a new token, so a restart with it lifts the refusal: see reinstateWorkspace).
 */
export function singleTokenWorkspaces(token: string, db: Db, clock: Clock): WorkspaceTokens {
  const cache = new Map<string, { ok: boolean; until: number }>();
  return {
    async botToken(workspaceId) {
      const now = clock.now().getTime();
      let entry = cache.get(workspaceId);
      if (!entry || entry.until <= now) {
        const workspace = await db.workspace.findUnique({ where: { id: workspaceId }, select: { uninstalledAt: true } });
        entry = { ok: workspace?.uninstalledAt == null, until: now + CACHE_MS };
        cache.set(workspaceId, entry);
      }
      if (!entry.ok) throw new WorkspaceUnavailableError(workspaceId);
      return token;
    },
    forget(workspaceId) {
      cache.delete(workspaceId);
    },
  };
}

/** One token for every workspace, asking nothing: for tools and tests that send without a database. */
export function sameTokenEverywhere(token: string): WorkspaceTokens {
  return {
    botToken: async () => token,
    forget: () => {},
  };
}
