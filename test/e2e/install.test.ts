import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parse } from 'yaml';
import { openDatabase } from '../../src/db/client.js';
import { createTokenCipher } from '../../src/slack/token-crypto.js';
import { E2E_SIGNING_SECRET, REPO_ROOT, runToExit, startAppProcess, type AppProcess } from '../support/app-process.js';
import { createTestDatabase, TEST_PROVIDERS, type TestDatabase } from '../support/databases.js';
import { startFakeSlack, type FakeSlack } from '../../src/simulator/web-api.js';
import { sendToApp, slashCommand } from '../../src/simulator/requests.js';

// OAuth installs end to end (issue 16): `npm start` with the three OAuth variables and no bot token serves
// Bolt's "Add to Slack" page, and the redirect Slack sends the browser back to stores the installation,
// its token sealed; the app then acts in that workspace with it.

const TEAM = 'T0INSTALL1';
const INSTALLED_TOKEN = 'xoxb-T0INSTALL1-installed-secret';
const CLIENT_ID = '1234567890.1029384756';
const CLIENT_SECRET = 'e2eclientsecret0123456789abcdef';
const STATE_SECRET = 'e2e-state-secret-0123456789abcdef';
const KEY = Buffer.alloc(32, 0x5e);
const OAUTH_ENV = {
  SLACK_BOT_TOKEN: '',
  SLACK_CLIENT_ID: CLIENT_ID,
  SLACK_CLIENT_SECRET: CLIENT_SECRET,
  SLACK_STATE_SECRET: STATE_SECRET,
  TOKEN_ENCRYPTION_KEYS: KEY.toString('base64'),
};
const STATE_COOKIE = 'slack-app-oauth-state';

const manifestScopes = (parse(readFileSync(join(REPO_ROOT, 'manifest.yml'), 'utf8')) as { oauth_config: { scopes: { bot: string[] } } })
  .oauth_config.scopes.bot;

interface InstallPage {
  status: number;
  html: string;
  authorizeUrl: URL;
  /** The state cookie the page set in the browser. */
  cookie: string;
}

async function openInstallPage(bot: AppProcess): Promise<InstallPage> {
  const res = await fetch(`${bot.baseUrl}/slack/install`);
  const html = await res.text();
  const href = /href="(https:\/\/slack\.com\/oauth\/v2\/authorize\?[^"]+)"/.exec(html)?.[1];
  if (!href) throw new Error(`no authorize link on the install page:\n${html}`);
  const setCookie = res.headers.get('set-cookie') ?? '';
  const cookie = new RegExp(`${STATE_COOKIE}=([^;]+)`).exec(setCookie)?.[1] ?? '';
  return { status: res.status, html, authorizeUrl: new URL(href.replace(/&amp;/g, '&')), cookie };
}

describe('npm start with both ways to run configured', () => {
  it('exits 2 with one line saying to choose SLACK_BOT_TOKEN or the OAuth variables, and no secret in it', async () => {
    const result = await runToExit({ ...OAUTH_ENV, SLACK_BOT_TOKEN: 'xoxb-e2e-both-secret', SLACK_SIGNING_SECRET: E2E_SIGNING_SECRET });
    expect(result.code).toBe(2);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('SLACK_BOT_TOKEN and SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_STATE_SECRET are both set: choose one way to run');
    expect(result.stderr).not.toMatch(/\n\s+at /);
    for (const secret of ['xoxb-e2e-both-secret', CLIENT_SECRET, STATE_SECRET, KEY.toString('base64'), E2E_SIGNING_SECRET]) {
      expect(result.stderr + result.stdout).not.toContain(secret);
    }
  });
});

describe.each(TEST_PROVIDERS)('OAuth installs on %s', (provider) => {
  let slack: FakeSlack;
  let database: TestDatabase;
  let bot: AppProcess;

  beforeAll(async () => {
    slack = await startFakeSlack({
      workspaces: [{ teamId: TEAM, botToken: INSTALLED_TOKEN }],
      oauth: { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET },
    });
    database = await createTestDatabase(provider, inject('templates'));
    bot = await startAppProcess({ databaseUrl: database.url, slackApiUrl: slack.url, env: OAUTH_ENV });
  });

  afterAll(async () => {
    await bot?.stop();
    await slack?.close();
    await database?.drop();
  });

  it("serves an Add to Slack page whose authorize link carries the client id and exactly the manifest's bot scopes", async () => {
    const page = await openInstallPage(bot);
    expect(page.status).toBe(200);
    expect(page.html).toContain('Add to Slack');
    expect(page.authorizeUrl.origin + page.authorizeUrl.pathname).toBe('https://slack.com/oauth/v2/authorize');
    expect(page.authorizeUrl.searchParams.get('client_id')).toBe(CLIENT_ID);
    expect(page.authorizeUrl.searchParams.get('scope')?.split(',')).toEqual(manifestScopes);
    expect(page.authorizeUrl.searchParams.has('user_scope')).toBe(false);
    // The state is in the link and in a cookie of this browser, so the redirect can be checked against both.
    expect(page.authorizeUrl.searchParams.get('state')).toBe(page.cookie);
    expect(page.cookie).not.toBe('');
  });

  it('ignores a redirect whose state is not from this browser, and stores nothing', async () => {
    const page = await openInstallPage(bot);
    const { code, state } = slack.authorize(page.authorizeUrl.toString(), { teamId: TEAM });
    const res = await fetch(`${bot.baseUrl}/slack/oauth_redirect?code=${code}&state=${encodeURIComponent(state ?? '')}`);
    expect(res.status).not.toBe(200);
    expect(slack.callsTo('oauth.v2.access')).toHaveLength(0);
    const db = await openDatabase(database.url);
    try {
      expect(await db.db.installation.count()).toBe(0);
    } finally {
      await db.close();
    }
  });

  it('stores the installation from the redirect, its token sealed for the team, and then acts in that workspace', async () => {
    const page = await openInstallPage(bot);
    const { code, state } = slack.authorize(page.authorizeUrl.toString(), { teamId: TEAM });
    const res = await fetch(`${bot.baseUrl}/slack/oauth_redirect?code=${encodeURIComponent(code)}&state=${encodeURIComponent(state ?? '')}`, {
      headers: { cookie: `${STATE_COOKIE}=${page.cookie}` },
    });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('Thank you!');

    // Bolt exchanged the code with the app's credentials, at SLACK_API_URL.
    const [exchange] = slack.callsTo('oauth.v2.access');
    expect(exchange?.args).toMatchObject({ client_id: CLIENT_ID, code });

    const db = await openDatabase(database.url);
    try {
      const rows = await db.db.$queryRawUnsafe<Record<string, unknown>[]>('SELECT * FROM "Installation"');
      expect(rows).toHaveLength(1);
      for (const value of Object.values(rows[0]!)) expect(String(value)).not.toContain(INSTALLED_TOKEN);
      const row = await db.db.installation.findUniqueOrThrow({ where: { key: `T:${TEAM}` } });
      expect(row).toMatchObject({ teamId: TEAM, isEnterpriseInstall: false, botUserId: slack.workspace(TEAM).botUserId, refreshOwner: null });
      expect(row.botScopes.split(',')).toEqual(manifestScopes);
      expect(createTokenCipher([KEY]).decrypt(row.botToken, TEAM)).toBe(INSTALLED_TOKEN);
      expect(row.botRefreshToken).toBeNull();
    } finally {
      await db.close();
    }

    // Bolt authorizes requests from that workspace with the stored installation.
    const help = await sendToApp(bot.baseUrl, slashCommand({ text: 'help', userId: 'U0INSTALLER', teamId: TEAM }), { secret: E2E_SIGNING_SECRET });
    expect(help.status).toBe(200);
    expect((help.json as { text: string }).text).toContain('/peer request');

    for (const secret of [INSTALLED_TOKEN, CLIENT_SECRET, STATE_SECRET, KEY.toString('base64')]) expect(bot.output()).not.toContain(secret);
  });
});
