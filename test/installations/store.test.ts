import type { Installation } from '@slack/bolt';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { fixedClock } from '../../src/clock.js';
import { openDatabase, type Database } from '../../src/db/client.js';
import { createInstallationStore, REFRESH_LEASE_MS, type InstallationStoreDeps } from '../../src/installations/store.js';
import { createLogger } from '../../src/logger.js';
import { createTokenCipher, TokenDecryptionError } from '../../src/slack/token-crypto.js';
import { WorkspaceUnavailableError } from '../../src/slack/workspace-tokens.js';
import { openTestDatabase, TEST_PROVIDERS } from '../support/databases.js';

// The Prisma InstallationStore behind Bolt's InstallProvider (issue 16), on both databases: tokens sealed
// at rest and bound to their team or enterprise, org-wide installs keyed by enterprise, and token rotation
// refreshed once however many replicas ask at the same moment.

const SLACK = 'http://slack.test';
const API_URL = `${SLACK}/api/`;
const CLIENT_ID = '1111111111.2222222222';
const CLIENT_SECRET = 'clientsecret0123456789abcdef';
const START = '2026-03-02T10:00:00Z';
const MINUTE = 60_000;

const OLD_KEY = Buffer.alloc(32, 0x11);
const NEW_KEY = Buffer.alloc(32, 0x22);

function install(teamId: string, overrides: { bot?: Partial<NonNullable<Installation['bot']>>; userToken?: string } = {}): Installation<'v2', false> {
  return {
    team: { id: teamId, name: 'Acme' },
    enterprise: undefined,
    user: { id: 'U0INSTALLER', token: overrides.userToken, scopes: overrides.userToken ? ['identify'] : undefined },
    bot: {
      token: `xoxb-${teamId}-bot-secret-token`,
      scopes: ['chat:write', 'commands'],
      id: 'B0BOT',
      userId: 'U0BOTUSER',
      ...overrides.bot,
    },
    appId: 'A0APP',
    tokenType: 'bot',
    isEnterpriseInstall: false,
    authVersion: 'v2',
  };
}

function captureLogs() {
  const lines: string[] = [];
  return { lines, logger: createLogger('debug', { write: (line: string) => void lines.push(line) }) };
}

/** Counts oauth.v2.access refreshes; each answers a new token after `delayMs`. */
function fakeRefreshes(answer: (n: number) => Record<string, unknown>, delayMs = 200) {
  const seen: Record<string, string>[] = [];
  nock(SLACK)
    .post('/api/oauth.v2.access')
    .times(10)
    .delay(delayMs)
    .reply((_uri, body) => {
      const args = typeof body === 'string' ? Object.fromEntries(new URLSearchParams(body)) : (body as Record<string, string>);
      seen.push(args);
      return [200, JSON.stringify(answer(seen.length)), { 'content-type': 'application/json' }];
    });
  return seen;
}

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

describe.each(TEST_PROVIDERS)('the installation store on %s', (provider) => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  /** A second connection, as another replica has. */
  let replica: Database;
  const clock = fixedClock(START);
  const logs = captureLogs();

  const storeOn = (db: Database['db'], overrides: Partial<InstallationStoreDeps> = {}) =>
    createInstallationStore({
      db,
      cipher: createTokenCipher([NEW_KEY]),
      clock,
      logger: logs.logger,
      slackApiUrl: API_URL,
      clientId: CLIENT_ID,
      clientSecret: CLIENT_SECRET,
      owner: 'replica-a',
      ...overrides,
    });

  beforeAll(async () => {
    database = await openTestDatabase(provider, inject('templates'));
    replica = await openDatabase(database.url);
  });
  afterAll(async () => {
    await replica?.close();
    await database?.drop();
  });

  const db = () => database.db;

  it('stores a workspace install with no plaintext token in any column, and keeps no user token', async () => {
    const store = storeOn(db());
    const secrets = ['xoxb-T0STORE-bot-secret-token', 'xoxe-1-refresh-secret-token', 'xoxp-user-secret-token'];
    await store.storeInstallation(
      install('T0STORE', { bot: { refreshToken: secrets[1], expiresAt: Date.parse(START) / 1000 + 43_200 }, userToken: secrets[2] }),
    );

    const rows = await db().$queryRawUnsafe<Record<string, unknown>[]>(`SELECT * FROM "Installation" WHERE "key" = 'T:T0STORE'`);
    expect(rows).toHaveLength(1);
    const columns = Object.values(rows[0]!).map((value) => String(value));
    for (const secret of secrets) {
      for (const column of columns) {
        expect(column).not.toContain(secret);
        // Not even the distinctive part of it.
        expect(column).not.toContain(secret.slice(5, 20));
      }
    }
    const row = await db().installation.findUniqueOrThrow({ where: { key: 'T:T0STORE' } });
    expect(row).toMatchObject({
      teamId: 'T0STORE',
      enterpriseId: null,
      isEnterpriseInstall: false,
      appId: 'A0APP',
      botId: 'B0BOT',
      botUserId: 'U0BOTUSER',
      botScopes: 'chat:write,commands',
      installerUserId: 'U0INSTALLER',
      botTokenExpiresAt: new Date(Date.parse(START) + 43_200_000),
      refreshOwner: null,
      installedAt: new Date(START),
    });
    expect(row.botToken.startsWith('v1.')).toBe(true);
    expect(row.botRefreshToken?.startsWith('v1.')).toBe(true);
    for (const secret of secrets) expect(logs.lines.join('\n')).not.toContain(secret);
  });

  it('fetches it back for Bolt with the bot token open, no user token, and no expiry for Bolt to refresh on', async () => {
    const store = storeOn(db());
    await store.storeInstallation(install('T0FETCH', { bot: { refreshToken: 'xoxe-1-fetch', expiresAt: Date.parse(START) / 1000 + 43_200 }, userToken: 'xoxp-dropped' }));
    const fetched = await store.fetchInstallation({ teamId: 'T0FETCH', enterpriseId: undefined, isEnterpriseInstall: false });
    expect(fetched.team?.id).toBe('T0FETCH');
    expect(fetched.bot).toEqual({ token: 'xoxb-T0FETCH-bot-secret-token', scopes: ['chat:write', 'commands'], id: 'B0BOT', userId: 'U0BOTUSER' });
    expect(fetched.user).toEqual({ id: 'U0INSTALLER', token: undefined, scopes: undefined });
    expect(fetched.bot).not.toHaveProperty('expiresAt');
    expect(fetched.bot).not.toHaveProperty('refreshToken');
    expect(fetched.authVersion).toBe('v2');
    expect(fetched.isEnterpriseInstall).toBe(false);
  });

  it('stores a second install of the same team over the first', async () => {
    const store = storeOn(db());
    await store.storeInstallation(install('T0AGAIN'));
    clock.set('2026-03-03T10:00:00Z');
    await store.storeInstallation(install('T0AGAIN', { bot: { token: 'xoxb-T0AGAIN-reinstalled', scopes: ['chat:write'] } }));
    clock.set(START);
    expect(await db().installation.count({ where: { teamId: 'T0AGAIN' } })).toBe(1);
    const fetched = await store.fetchInstallation({ teamId: 'T0AGAIN', enterpriseId: undefined, isEnterpriseInstall: false });
    expect(fetched.bot?.token).toBe('xoxb-T0AGAIN-reinstalled');
    expect(fetched.bot?.scopes).toEqual(['chat:write']);
  });

  it('does not open a sealed token copied into another team\'s row', async () => {
    const store = storeOn(db());
    await store.storeInstallation(install('T0VICTIM'));
    await store.storeInstallation(install('T0COPY'));
    const victim = await db().installation.findUniqueOrThrow({ where: { key: 'T:T0VICTIM' } });
    await db().installation.update({ where: { key: 'T:T0COPY' }, data: { botToken: victim.botToken } });
    const error = await store.fetchInstallation({ teamId: 'T0COPY', enterpriseId: undefined, isEnterpriseInstall: false }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TokenDecryptionError);
    expect((error as TokenDecryptionError).code).toBe('tampered');
    expect(logs.lines.join('\n')).not.toContain('xoxb-T0VICTIM');
  });

  it('keys an org-wide install by its enterprise and seals it with the enterprise id', async () => {
    const store = storeOn(db());
    const org: Installation<'v2', true> = {
      team: undefined,
      enterprise: { id: 'E0ORG', name: 'Acme Group' },
      user: { id: 'U0ADMIN', token: undefined, scopes: undefined },
      bot: { token: 'xoxb-E0ORG-org-secret', scopes: ['chat:write'], id: 'B0ORG', userId: 'U0ORGBOT' },
      appId: 'A0APP',
      tokenType: 'bot',
      isEnterpriseInstall: true,
      authVersion: 'v2',
    };
    await store.storeInstallation(org);
    const row = await db().installation.findUniqueOrThrow({ where: { key: 'E:E0ORG' } });
    expect(row).toMatchObject({ teamId: null, enterpriseId: 'E0ORG', isEnterpriseInstall: true });
    expect(createTokenCipher([NEW_KEY]).decrypt(row.botToken, 'E0ORG')).toBe('xoxb-E0ORG-org-secret');

    // Bolt asks with the team the event came from, and says the install is org-wide.
    const fetched = await store.fetchInstallation({ teamId: 'T0INORG', enterpriseId: 'E0ORG', isEnterpriseInstall: true });
    expect(fetched.enterprise?.id).toBe('E0ORG');
    expect(fetched.bot?.token).toBe('xoxb-E0ORG-org-secret');
    // Not an install of that team itself.
    await expect(store.fetchInstallation({ teamId: 'T0INORG', enterpriseId: 'E0ORG', isEnterpriseInstall: false })).rejects.toBeInstanceOf(
      WorkspaceUnavailableError,
    );
  });

  it('calls off the erasure of a workspace that installs the app again within the grace period', async () => {
    await db().workspace.create({ data: { id: 'T0BACK', uninstalledAt: new Date(START), eraseAfter: new Date('2026-04-01T10:00:00Z') } });
    await db().workspace.create({ data: { id: 'T0ORGMEMBER', enterpriseId: 'E0BACK', uninstalledAt: new Date(START), eraseAfter: new Date('2026-04-01T10:00:00Z') } });
    const store = storeOn(db());
    await store.storeInstallation(install('T0BACK'));
    expect(await db().workspace.findUniqueOrThrow({ where: { id: 'T0BACK' } })).toMatchObject({ uninstalledAt: null, eraseAfter: null });
    // An org-wide install brings back the org's workspaces.
    await store.storeInstallation({ ...install('unused'), team: undefined, enterprise: { id: 'E0BACK' }, isEnterpriseInstall: true } as Installation);
    expect(await db().workspace.findUniqueOrThrow({ where: { id: 'T0ORGMEMBER' } })).toMatchObject({ uninstalledAt: null, eraseAfter: null });
  });

  it('deletes an installation', async () => {
    const store = storeOn(db());
    await store.storeInstallation(install('T0GONE'));
    await store.deleteInstallation!({ teamId: 'T0GONE', enterpriseId: undefined, isEnterpriseInstall: false });
    expect(await db().installation.count({ where: { key: 'T:T0GONE' } })).toBe(0);
    await expect(store.fetchInstallation({ teamId: 'T0GONE', enterpriseId: undefined, isEnterpriseInstall: false })).rejects.toBeInstanceOf(
      WorkspaceUnavailableError,
    );
  });

  describe('token rotation', () => {
    const query = (teamId: string) => ({ teamId, enterpriseId: undefined, isEnterpriseInstall: false as const });
    const rotating = (teamId: string, expiresInMs: number) =>
      install(teamId, { bot: { token: `xoxe.xoxb-${teamId}-old`, refreshToken: `xoxe-1-${teamId}-refresh`, expiresAt: (Date.parse(START) + expiresInMs) / 1000 } });

    it('refreshes an expiring token exactly once when five reads race on two replicas', async () => {
      clock.set(START);
      const a = storeOn(db(), { owner: 'replica-a' });
      const b = storeOn(replica.db, { owner: 'replica-b' });
      await a.storeInstallation(rotating('T0ROTATE', 2 * MINUTE));
      const refreshes = fakeRefreshes((n) => ({
        ok: true,
        token_type: 'bot',
        access_token: `xoxe.xoxb-T0ROTATE-new-${n}`,
        refresh_token: `xoxe-1-T0ROTATE-refresh-${n}`,
        expires_in: 43_200,
      }));

      const fetched = await Promise.all([a, b, a, b, b].map((store) => store.fetchInstallation(query('T0ROTATE'))));

      expect(refreshes).toHaveLength(1);
      expect(refreshes[0]).toMatchObject({
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        grant_type: 'refresh_token',
        refresh_token: 'xoxe-1-T0ROTATE-refresh',
      });
      for (const installation of fetched) {
        expect(installation.bot?.token).toBe('xoxe.xoxb-T0ROTATE-new-1');
        expect(installation.bot).not.toHaveProperty('expiresAt');
      }
      const row = await db().installation.findUniqueOrThrow({ where: { key: 'T:T0ROTATE' } });
      expect(row.refreshOwner).toBeNull();
      expect(row.refreshUntil).toBeNull();
      expect(row.botTokenExpiresAt).toEqual(new Date(Date.parse(START) + 43_200_000));
      const cipher = createTokenCipher([NEW_KEY]);
      expect(cipher.decrypt(row.botToken, 'T0ROTATE')).toBe('xoxe.xoxb-T0ROTATE-new-1');
      expect(cipher.decrypt(row.botRefreshToken!, 'T0ROTATE')).toBe('xoxe-1-T0ROTATE-refresh-1');

      // Fresh now: nothing more is refreshed.
      await Promise.all([a.fetchInstallation(query('T0ROTATE')), b.fetchInstallation(query('T0ROTATE'))]);
      expect(refreshes).toHaveLength(1);
      const joined = logs.lines.join('\n');
      for (const secret of ['T0ROTATE-new-1', 'T0ROTATE-refresh', CLIENT_SECRET]) expect(joined).not.toContain(secret);
    });

    it('leaves a token alone until it is within five minutes of expiring', async () => {
      clock.set(START);
      const store = storeOn(db());
      await store.storeInstallation(rotating('T0LATER', 6 * MINUTE));
      const refreshes = fakeRefreshes(() => ({ ok: true, access_token: 'xoxe.xoxb-T0LATER-new', refresh_token: 'xoxe-1-r', expires_in: 43_200 }));
      expect((await store.fetchInstallation(query('T0LATER'))).bot?.token).toBe('xoxe.xoxb-T0LATER-old');
      expect(refreshes).toHaveLength(0);
      clock.advance(61_000);
      expect((await store.fetchInstallation(query('T0LATER'))).bot?.token).toBe('xoxe.xoxb-T0LATER-new');
      expect(refreshes).toHaveLength(1);
      clock.set(START);
    });

    it('takes over a refresh lease that its holder abandoned', async () => {
      clock.set(START);
      const store = storeOn(db());
      await store.storeInstallation(rotating('T0ABANDON', MINUTE));
      await db().installation.update({
        where: { key: 'T:T0ABANDON' },
        data: { refreshOwner: 'a-replica-that-died', refreshUntil: new Date(Date.parse(START) - REFRESH_LEASE_MS) },
      });
      const refreshes = fakeRefreshes(() => ({ ok: true, access_token: 'xoxe.xoxb-T0ABANDON-new', refresh_token: 'xoxe-1-r', expires_in: 43_200 }));
      expect((await store.fetchInstallation(query('T0ABANDON'))).bot?.token).toBe('xoxe.xoxb-T0ABANDON-new');
      expect(refreshes).toHaveLength(1);
    });

    it.each(['invalid_refresh_token', 'token_revoked'])(
      'answers a refresh Slack refuses with %s as WorkspaceUnavailableError, and frees the lease',
      async (slackError) => {
        clock.set(START);
        const teamId = `T0REFUSED${slackError.length}`;
        const store = storeOn(db());
        await store.storeInstallation(rotating(teamId, MINUTE));
        const refreshes = fakeRefreshes(() => ({ ok: false, error: slackError }), 0);
        const error = await store.fetchInstallation(query(teamId)).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(WorkspaceUnavailableError);
        expect((error as WorkspaceUnavailableError).workspaceId).toBe(teamId);
        expect(refreshes).toHaveLength(1);
        const row = await db().installation.findUniqueOrThrow({ where: { key: `T:${teamId}` } });
        expect(row.refreshOwner).toBeNull();
        await expect(store.botToken(`T:${teamId}`)).rejects.toBeInstanceOf(WorkspaceUnavailableError);
      },
    );

    it('keeps using a token that still works when a refresh fails for another reason', async () => {
      clock.set(START);
      const store = storeOn(db());
      await store.storeInstallation(rotating('T0FLAKY', MINUTE));
      nock(SLACK).post('/api/oauth.v2.access').reply(500, 'upstream trouble');
      expect((await store.fetchInstallation(query('T0FLAKY'))).bot?.token).toBe('xoxe.xoxb-T0FLAKY-old');
      expect((await db().installation.findUniqueOrThrow({ where: { key: 'T:T0FLAKY' } })).refreshOwner).toBeNull();
    });
  });

  describe('key rotation', () => {
    it('seals tokens again with the newest key when read, and resealAll does the rest', async () => {
      clock.set(START);
      const before = storeOn(db(), { cipher: createTokenCipher([OLD_KEY]) });
      await before.storeInstallation(install('T0KEYREAD', { bot: { refreshToken: 'xoxe-1-keyread', expiresAt: Date.parse(START) / 1000 + 43_200 } }));
      await before.storeInstallation(install('T0KEYIDLE'));

      const rotated = createTokenCipher([NEW_KEY, OLD_KEY]);
      const after = storeOn(db(), { cipher: rotated });
      expect((await after.fetchInstallation({ teamId: 'T0KEYREAD', enterpriseId: undefined, isEnterpriseInstall: false })).bot?.token).toBe(
        'xoxb-T0KEYREAD-bot-secret-token',
      );
      const read = await db().installation.findUniqueOrThrow({ where: { key: 'T:T0KEYREAD' } });
      expect(rotated.needsReencryption(read.botToken)).toBe(false);
      expect(rotated.needsReencryption(read.botRefreshToken!)).toBe(false);
      expect(createTokenCipher([NEW_KEY]).decrypt(read.botRefreshToken!, 'T0KEYREAD')).toBe('xoxe-1-keyread');

      const idle = await db().installation.findUniqueOrThrow({ where: { key: 'T:T0KEYIDLE' } });
      expect(rotated.needsReencryption(idle.botToken)).toBe(true);
      const result = await after.resealAll();
      expect(result.left).toBe(0);
      expect(result.resealed).toBeGreaterThanOrEqual(1);
      // Now the old key can go.
      const newOnly = storeOn(db(), { cipher: createTokenCipher([NEW_KEY]) });
      expect((await newOnly.fetchInstallation({ teamId: 'T0KEYIDLE', enterpriseId: undefined, isEnterpriseInstall: false })).bot?.token).toBe(
        'xoxb-T0KEYIDLE-bot-secret-token',
      );
    });
  });
});
