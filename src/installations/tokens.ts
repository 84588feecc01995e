import type { Clock } from '../clock.js';
import type { Db } from '../db/client.js';
import { CACHE_MS, WorkspaceUnavailableError, type WorkspaceTokens } from '../slack/workspace-tokens.js';
import { REFRESH_WINDOW_MS, type PrismaInstallationStore } from './store.js';

// OAuth mode's WorkspaceTokens (issue 16): the bot token of a workspace (a Slack team id) is its own
// install's ('T:<team>'), else the org-wide install of its Enterprise Grid org ('E:<enterprise>', from the
// Workspace row). An uninstalled workspace, or one with neither install, has none. What was read is
// trusted for CACHE_MS, never past the point where the store would refresh the token.

interface Entry {
  token: string | null;
  until: number;
}

export function installationTokens(store: Pick<PrismaInstallationStore, 'botToken'>, db: Db, clock: Clock): WorkspaceTokens {
  const cache = new Map<string, Entry>();
  // Concurrent sends to one workspace share one read.
  const reading = new Map<string, Promise<Entry>>();

  async function read(workspaceId: string): Promise<Entry> {
    const now = clock.now().getTime();
    const none = { token: null, until: now + CACHE_MS };
    const workspace = await db.workspace.findUnique({ where: { id: workspaceId }, select: { enterpriseId: true, uninstalledAt: true } });
    if (workspace?.uninstalledAt != null) return none;
    let bot;
    try {
      bot = (await store.botToken(`T:${workspaceId}`)) ?? (workspace?.enterpriseId ? await store.botToken(`E:${workspace.enterpriseId}`) : null);
    } catch (error) {
      // Slack refused to refresh the token: the install is gone.
      if (error instanceof WorkspaceUnavailableError) return none;
      throw error;
    }
    if (!bot) return none;
    const refreshAt = bot.expiresAt === null ? Infinity : bot.expiresAt.getTime() - REFRESH_WINDOW_MS;
    return { token: bot.token, until: Math.min(now + CACHE_MS, refreshAt) };
  }

  // Bumped by forget(), so a read that was under way then is not cached afterwards.
  const generations = new Map<string, number>();

  return {
    async botToken(workspaceId) {
      let entry = cache.get(workspaceId);
      if (!entry || entry.until <= clock.now().getTime()) {
        let pending = reading.get(workspaceId);
        if (!pending) {
          const generation = generations.get(workspaceId) ?? 0;
          const started: Promise<Entry> = read(workspaceId)
            .then((read) => {
              if ((generations.get(workspaceId) ?? 0) === generation) cache.set(workspaceId, read);
              return read;
            })
            .finally(() => {
              if (reading.get(workspaceId) === started) reading.delete(workspaceId);
            });
          reading.set(workspaceId, started);
          pending = started;
        }
        entry = await pending;
      }
      if (entry.token === null) throw new WorkspaceUnavailableError(workspaceId);
      return entry.token;
    },
    forget(workspaceId) {
      cache.delete(workspaceId);
      reading.delete(workspaceId);
      generations.set(workspaceId, (generations.get(workspaceId) ?? 0) + 1);
    },
  };
}
