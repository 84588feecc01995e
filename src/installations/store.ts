import type { Installation, InstallationQuery, InstallationStore } from '@slack/bolt';
import { ErrorCode, LogLevel, WebClient, type FetchFunction, type Logger as SlackLogger } from '@slack/web-api';
import type { Clock } from '../clock.js';
import type { Db } from '../db/client.js';
import type { Installation as InstallationRow } from '../generated/sqlite/client.js';
import type { Logger } from '../logger.js';
import { reinstateWorkspace } from '../features/workspaces/service.js';
import type { TokenCipher } from '../slack/token-crypto.js';
import { WorkspaceUnavailableError } from '../slack/workspace-tokens.js';
import { boundedCalls } from '../slack/fetch-within.js';

// OAuth installs (issue 16): Bolt's InstallationStore on our own Installation table, field by field
// (prisma/model.prisma), on both providers. One row per install, keyed 'T:<team>' or, for an org-wide
// install, 'E:<enterprise>'. Bot and refresh tokens are sealed (src/slack/token-crypto.ts) with the team id
// (the enterprise id for an org-wide install) as associated data, so a token copied into another
// workspace's row does not open. No user token is kept: the app asks for no user scopes. Logs carry keys
// and ids only, never a token.
//
// Token rotation: a token that expires within REFRESH_WINDOW_MS is refreshed on the next read, by one
// replica at a time. A replica takes the row's refresh lease with a single conditional update (free or
// expired, and the row still holds the token it saw expiring); the winner calls oauth.v2.access, stores
// the new sealed tokens and frees the lease in one update; everyone else waits for the new token.

/** A token this close to its expiry is refreshed before use. */
export const REFRESH_WINDOW_MS = 5 * 60 * 1000;
/** How long a refresh lease holds: longer than a refresh can take (REFRESH_TIMEOUT_MS). */
export const REFRESH_LEASE_MS = 30_000;
const REFRESH_TIMEOUT_MS = 10_000;
/** A replica that lost the lease re-reads the row this often, for at most WAIT_FOR_REFRESH_MS. */
const POLL_MS = 100;
const WAIT_FOR_REFRESH_MS = 10_000;
/** Slack's answers to a refresh that say the install is gone for good. */
const DEAD_REFRESH_CODES: ReadonlySet<string> = new Set(['invalid_refresh_token', 'token_revoked', 'invalid_auth', 'account_inactive', 'team_disabled']);

export interface InstallationStoreDeps {
  db: Db;
  cipher: TokenCipher;
  clock: Clock;
  logger: Logger;
  /** Web API base URL for refreshes (SLACK_API_URL); Slack's when unset. */
  slackApiUrl?: string | undefined;
  clientId: string;
  /** Secret: sent to Slack on a refresh, never logged. */
  clientSecret: string;
  /** This process's name on refresh leases. */
  owner: string;
  /** The observed fetch (metrics), when there is one. */
  fetch?: FetchFunction | undefined;
}

/** A usable bot token and when it stops working (null: it does not expire). */
export interface BotToken {
  token: string;
  expiresAt: Date | null;
}

export interface PrismaInstallationStore extends InstallationStore {
  /** The bot token of the install stored under `key` ('T:<team>' or 'E:<enterprise>'), refreshed if due; null when none. */
  botToken(key: string): Promise<BotToken | null>;
  /**
   * Seals every stored token that an older key sealed with the newest key (TOKEN_ENCRYPTION_KEYS rotation);
   * `left` counts rows still sealed with an older key afterwards (0: the older keys can go).
   */
  resealAll(): Promise<{ installations: number; resealed: number; left: number }>;
}

export function installationKey(query: { teamId?: string | undefined; enterpriseId?: string | undefined; isEnterpriseInstall?: boolean | undefined }): string {
  if (query.isEnterpriseInstall && query.enterpriseId) return `E:${query.enterpriseId}`;
  if (query.teamId) return `T:${query.teamId}`;
  throw new Error('an installation needs a team id, or an enterprise id for an org-wide install');
}

export function createInstallationStore(deps: InstallationStoreDeps): PrismaInstallationStore {
  const { db, cipher, clock, logger, owner } = deps;
  const log = logger.child({ component: 'installations' });
  const slack = new WebClient(undefined, {
    ...(deps.slackApiUrl ? { slackApiUrl: deps.slackApiUrl } : {}),
    ...boundedCalls(REFRESH_TIMEOUT_MS, deps.fetch),
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    logger: quietLogger(log),
  });
  // Reads of one row on this replica share one refresh instead of polling the lease against each other.
  const refreshing = new Map<string, Promise<InstallationRow | null>>();

  /** The row under `key` with a token that is not about to expire (refreshed if it was); null when none. */
  async function freshRow(key: string): Promise<InstallationRow | null> {
    const row = await db.installation.findUnique({ where: { key } });
    if (!row) return null;
    if (!dueForRefresh(row, clock.now())) return (await reseal(row)) ?? row;
    let pending = refreshing.get(key);
    if (!pending) {
      pending = refreshUnderLease(row).finally(() => refreshing.delete(key));
      refreshing.set(key, pending);
    }
    return pending;
  }

  async function refreshUnderLease(expiring: InstallationRow): Promise<InstallationRow | null> {
    const { key } = expiring;
    let stale = expiring;
    const waitUntil = Date.now() + WAIT_FOR_REFRESH_MS;
    for (;;) {
      const now = clock.now();
      // The lease is free or abandoned, and the row still holds the token we saw expiring (so a replica
      // that read it just before another's refresh finished does not refresh a second time).
      const taken = await db.installation.updateMany({
        where: {
          key,
          botToken: stale.botToken,
          OR: [{ refreshOwner: null }, { refreshUntil: null }, { refreshUntil: { lt: now } }],
        },
        data: { refreshOwner: owner, refreshUntil: new Date(now.getTime() + REFRESH_LEASE_MS) },
      });
      if (taken.count === 1) return refresh(stale);

      const current = await db.installation.findUnique({ where: { key } });
      if (!current) return null;
      if (current.botToken !== stale.botToken) {
        // Refreshed by another replica (or stored anew by a reinstall): use it.
        if (!dueForRefresh(current, clock.now())) return current;
        // Only sealed again with a newer key meanwhile: still due, so try for the lease on what is there now.
        stale = current;
        continue;
      }
      if (Date.now() >= waitUntil) {
        // The token may still work for a few minutes: better than nothing while the refresh is stuck.
        if (!isExpired(current, clock.now())) return current;
        throw new Error('token refresh by another process did not finish in time');
      }
      await sleep(POLL_MS);
    }
  }

  /**
   * Key rotation: a row sealed with an older key of TOKEN_ENCRYPTION_KEYS is sealed again with the newest
   * (same tokens), only if it still holds what was read. Returns the row as stored now; undefined when
   * nothing needed doing.
   */
  async function reseal(row: InstallationRow): Promise<InstallationRow | undefined> {
    const stale = cipher.needsReencryption(row.botToken) || (row.botRefreshToken !== null && cipher.needsReencryption(row.botRefreshToken));
    if (!stale) return undefined;
    const sealedFor = associatedDataOf(row);
    const botToken = cipher.encrypt(cipher.decrypt(row.botToken, sealedFor), sealedFor);
    const botRefreshToken = row.botRefreshToken === null ? null : cipher.encrypt(cipher.decrypt(row.botRefreshToken, sealedFor), sealedFor);
    const { count } = await db.installation.updateMany({
      where: { key: row.key, botToken: row.botToken, botRefreshToken: row.botRefreshToken },
      data: { botToken, botRefreshToken },
    });
    if (count === 0) return undefined;
    log.info({ key: row.key }, 'stored tokens sealed again with the newest key');
    return { ...row, botToken, botRefreshToken };
  }

  /** Holding the lease: asks Slack for new tokens, stores them sealed and frees the lease in one update. */
  async function refresh(row: InstallationRow): Promise<InstallationRow | null> {
    const sealedFor = associatedDataOf(row);
    const release = () =>
      db.installation.updateMany({ where: { key: row.key, refreshOwner: owner }, data: { refreshOwner: null, refreshUntil: null } });
    let refreshToken: string;
    try {
      refreshToken = cipher.decrypt(row.botRefreshToken!, sealedFor);
    } catch (error) {
      await release();
      log.error({ key: row.key, code: errorCodeOf(error) }, 'a stored refresh token does not open');
      throw error;
    }
    let answer;
    try {
      answer = await slack.oauth.v2.access({
        client_id: deps.clientId,
        client_secret: deps.clientSecret,
        grant_type: 'refresh_token',
        refresh_token: refreshToken,
      });
    } catch (error) {
      await release();
      const code = slackErrorOf(error);
      if (code !== undefined && DEAD_REFRESH_CODES.has(code)) {
        log.warn({ key: row.key, code }, 'Slack refused to refresh the bot token: the install is gone');
        throw new WorkspaceUnavailableError(row.teamId ?? sealedFor, 'refused');
      }
      log.warn({ key: row.key, code: code ?? errorCodeOf(error) }, 'bot token refresh failed');
      // A token that has not expired yet still works: the next read tries again.
      if (!isExpired(row, clock.now())) return row;
      throw error;
    }
    const token = answer.access_token;
    const expiresIn = answer.expires_in;
    if (typeof token !== 'string' || token === '' || typeof expiresIn !== 'number') {
      await release();
      throw new Error('oauth.v2.access answered a refresh without a token or its lifetime');
    }
    const now = clock.now();
    const updated = await db.installation.updateMany({
      where: { key: row.key, refreshOwner: owner },
      data: {
        botToken: cipher.encrypt(token, sealedFor),
        botRefreshToken: cipher.encrypt(answer.refresh_token ?? refreshToken, sealedFor),
        botTokenExpiresAt: new Date(now.getTime() + expiresIn * 1000),
        refreshOwner: null,
        refreshUntil: null,
        updatedAt: now,
      },
    });
    if (updated.count === 0) {
      // Our lease ran out and someone else holds the row now (or it was deleted): theirs is the truth.
      log.warn({ key: row.key }, 'refresh lease lost before the new token was stored');
    } else {
      log.info({ key: row.key }, 'bot token refreshed');
    }
    return db.installation.findUnique({ where: { key: row.key } });
  }

  return {
    async storeInstallation(installation) {
      const bot = installation.bot;
      if (!bot) throw new Error('an installation without a bot token cannot be used: the app acts as its bot');
      const isEnterpriseInstall = installation.isEnterpriseInstall === true;
      const teamId = installation.team?.id ?? null;
      const enterpriseId = installation.enterprise?.id ?? null;
      const key = installationKey({ teamId: teamId ?? undefined, enterpriseId: enterpriseId ?? undefined, isEnterpriseInstall });
      const sealedFor = key.slice(2);
      const now = clock.now();
      const fields = {
        teamId,
        enterpriseId,
        isEnterpriseInstall,
        appId: installation.appId ?? null,
        botId: bot.id,
        botUserId: bot.userId,
        botScopes: bot.scopes.join(','),
        botToken: cipher.encrypt(bot.token, sealedFor),
        botRefreshToken: bot.refreshToken ? cipher.encrypt(bot.refreshToken, sealedFor) : null,
        botTokenExpiresAt: bot.expiresAt ? new Date(bot.expiresAt * 1000) : null,
        installerUserId: installation.user.id,
        refreshOwner: null,
        refreshUntil: null,
        updatedAt: now,
      };
      // installation.user.token is dropped on purpose: the app asks for no user scopes and keeps no user token.
      await db.installation.upsert({ where: { key }, create: { key, ...fields, installedAt: now }, update: fields });
      // Installed again within the grace period: the erasure is called off and kept work goes out.
      const workspaces = teamId ? [teamId] : (await db.workspace.findMany({ where: { enterpriseId }, select: { id: true } })).map((w) => w.id);
      for (const workspaceId of workspaces) await reinstateWorkspace(db, workspaceId, now);
      log.info({ key, rotating: fields.botRefreshToken !== null }, 'installation stored');
    },

    async fetchInstallation(query: InstallationQuery<boolean>) {
      const key = installationKey(query);
      const row = await freshRow(key);
      if (!row) throw new WorkspaceUnavailableError(query.teamId ?? key.slice(2));
      return toInstallation(row, openBotToken(row));
    },

    async deleteInstallation(query: InstallationQuery<boolean>) {
      const key = installationKey(query);
      const { count } = await db.installation.deleteMany({ where: { key } });
      if (count > 0) log.info({ key }, 'installation deleted');
    },

    async botToken(key) {
      const row = await freshRow(key);
      return row ? { token: openBotToken(row), expiresAt: row.botTokenExpiresAt } : null;
    },

    async resealAll() {
      const rows = await db.installation.findMany({ orderBy: { key: 'asc' } });
      let resealed = 0;
      for (const row of rows) if (await reseal(row)) resealed += 1;
      const left = (await db.installation.findMany({ select: { botToken: true, botRefreshToken: true } })).filter(
        (row) => cipher.needsReencryption(row.botToken) || (row.botRefreshToken !== null && cipher.needsReencryption(row.botRefreshToken)),
      ).length;
      return { installations: rows.length, resealed, left };
    },
  };

  function openBotToken(row: InstallationRow): string {
    try {
      return cipher.decrypt(row.botToken, associatedDataOf(row));
    } catch (error) {
      // The code says why (a key missing from TOKEN_ENCRYPTION_KEYS, a row copied from elsewhere); never the token.
      log.error({ key: row.key, code: errorCodeOf(error) }, 'a stored bot token does not open');
      throw error;
    }
  }
}

/**
 * What Bolt gets: the installation without `bot.expiresAt` and the refresh token. Bolt's InstallProvider
 * refreshes a token itself when it sees both (within 2 hours of expiry), on whichever replica handles the
 * request and without any lease, so two replicas could refresh at once and one would store a token the
 * other had already replaced. Our store refreshes first, serialised, and hands Bolt a token that is good.
 */
function toInstallation(row: InstallationRow, token: string): Installation<'v2', boolean> {
  return {
    team: row.teamId ? { id: row.teamId } : undefined,
    enterprise: row.enterpriseId ? { id: row.enterpriseId } : undefined,
    user: { id: row.installerUserId, token: undefined, scopes: undefined },
    bot: {
      token,
      scopes: row.botScopes === '' ? [] : row.botScopes.split(','),
      id: row.botId,
      userId: row.botUserId,
    },
    ...(row.appId ? { appId: row.appId } : {}),
    tokenType: 'bot',
    isEnterpriseInstall: row.isEnterpriseInstall,
    authVersion: 'v2',
  } as Installation<'v2', boolean>;
}

/** The id a row's tokens are sealed with: the enterprise for an org-wide install, else the team. */
function associatedDataOf(row: InstallationRow): string {
  return row.key.slice(2);
}

function dueForRefresh(row: InstallationRow, now: Date): boolean {
  return row.botRefreshToken !== null && row.botTokenExpiresAt !== null && row.botTokenExpiresAt.getTime() - now.getTime() <= REFRESH_WINDOW_MS;
}

function isExpired(row: InstallationRow, now: Date): boolean {
  return row.botTokenExpiresAt !== null && row.botTokenExpiresAt.getTime() <= now.getTime();
}

/** Slack's error code (`invalid_refresh_token` ...) of a Web API call that Slack answered with ok: false. */
function slackErrorOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, data } = error as { code?: unknown; data?: { error?: unknown } };
  return code === ErrorCode.PlatformError && typeof data?.error === 'string' ? data.error : undefined;
}

function errorCodeOf(error: unknown): string {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : 'unexpected';
}

/**
 * The refresh client's log lines: warnings and errors by their first words only. Its debug lines quote
 * request bodies, which hold the client secret and the refresh token.
 */
function quietLogger(logger: Logger): SlackLogger {
  let level = LogLevel.WARN;
  const text = (msg: unknown[]) => {
    const [first] = msg;
    if (typeof first === 'string') return first.slice(0, 120);
    if (first instanceof Error) return `${first.name} (${errorCodeOf(first)})`;
    return '[object]';
  };
  return {
    debug: () => {},
    info: () => {},
    warn: (...msg) => logger.warn(text(msg)),
    error: (...msg) => logger.error(text(msg)),
    setLevel: (l) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => {},
  };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
