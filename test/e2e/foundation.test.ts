import Sqlite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, startAppProcess, runToExit, type AppProcess } from '../support/app-process.js';
import { deployMigrations } from '../../src/db/migrate-runner.js';
import { sqliteFilePath } from '../../src/db/sqlite-path.js';
import { createEmptyDatabase, TEST_PROVIDERS, type TestDatabase } from '../support/databases.js';
import { startFakeSlack, type FakeSlack } from '../../src/simulator/web-api.js';
import { sendToApp, slashCommand } from '../../src/simulator/requests.js';
import { E2E_SIGNING_SECRET } from '../support/app-process.js';

const TEAM = 'T0FAKE0001';

describe('npm start without credentials', () => {
  it('prints one friendly line naming what is missing and exits 2', async () => {
    const result = await runToExit({});
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('SLACK_BOT_TOKEN');
    expect(result.stderr).toContain('manifest.yml');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('names a malformed variable and exits 2', async () => {
    const result = await runToExit({ SLACK_BOT_TOKEN: 'xoxb-e2e', SLACK_SIGNING_SECRET: 'abcdef123456', PORT: 'eighty' });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('PORT');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });
});

// A database that cannot be used ends the start with one friendly line naming the code and exit code 1,
// never a stack trace (src/main.ts).
describe('npm start when the database cannot be used', () => {
  const credentials = { SLACK_BOT_TOKEN: 'xoxb-e2e', SLACK_SIGNING_SECRET: E2E_SIGNING_SECRET };

  it('names the code when PostgreSQL refuses the connection, and exits 1', async () => {
    const closed = await freePort();
    const result = await runToExit({ ...credentials, DATABASE_URL: `postgresql://postgres@127.0.0.1:${closed}/peer`, PORT: String(await freePort()) });
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^Peer Support could not start \(ECONNREFUSED\): /)]);
  });

  it('refuses a database whose last migration failed, with one line, and exits 1', async () => {
    const database = await createEmptyDatabase('sqlite');
    try {
      // Migrated, then the last migration marked as one that started and neither finished nor was rolled back.
      await deployMigrations(database.url);
      const file = new Sqlite(sqliteFilePath(database.url));
      const last = file.prepare('SELECT "migration_name" AS name FROM "_prisma_migrations" ORDER BY "migration_name" DESC LIMIT 1').get() as { name: string };
      file.prepare('UPDATE "_prisma_migrations" SET "finished_at" = NULL WHERE "migration_name" = ?').run(last.name);
      file.close();
      const result = await runToExit({ ...credentials, DATABASE_URL: database.url, PORT: String(await freePort()) });
      expect(result.code).toBe(1);
      expect(result.stderr.trim().split('\n')).toEqual([expect.stringMatching(new RegExp(`^Peer Support could not start \\(migration_failed\\): migration ${last.name} failed earlier`))]);
    } finally {
      await database.drop();
    }
  });
});

describe.each(TEST_PROVIDERS)('the running bot on %s', (provider) => {
  let slack: FakeSlack;
  let database: TestDatabase;
  let bot: AppProcess;

  beforeAll(async () => {
    slack = await startFakeSlack({ teamId: TEAM });
    // An empty database: start-up applies the migrations itself.
    database = await createEmptyDatabase(provider);
    bot = await startAppProcess({ databaseUrl: database.url, slackApiUrl: slack.url });
  });

  afterAll(async () => {
    await bot?.stop();
    await slack?.close();
    await database?.drop();
  });

  it('serves /healthz and /readyz', async () => {
    expect((await fetch(`${bot.baseUrl}/healthz`)).status).toBe(200);
    const ready = await fetch(`${bot.baseUrl}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ ok: true });
  });

  it('answers /peer help with the command list', async () => {
    const res = await sendToApp(bot.baseUrl, slashCommand({ text: 'help', userId: 'U0SEEKER01', teamId: TEAM }), {
      secret: E2E_SIGNING_SECRET,
    });
    expect(res.status).toBe(200);
    const body = res.json as { response_type: string; text: string };
    expect(body.response_type).toBe('ephemeral');
    for (const sub of ['request', 'listen', 'pause', 'resume', 'stop', 'my-data', 'delete-my-data', 'setup', 'insights']) {
      expect(body.text).toContain(`/peer ${sub}`);
    }
  });

  it('answers /peer with no argument and an unknown subcommand with help', async () => {
    for (const text of ['', 'fly-me-to-the-moon']) {
      const res = await sendToApp(bot.baseUrl, slashCommand({ text, userId: 'U0SEEKER01', teamId: TEAM }), {
        secret: E2E_SIGNING_SECRET,
      });
      expect(res.status).toBe(200);
      expect((res.json as { text: string }).text).toContain('/peer request');
    }
  });

  it('rejects a request with a bad signature with 401 and does nothing', async () => {
    const before = slack.calls.length;
    const res = await sendToApp(bot.baseUrl, slashCommand({ text: 'help', userId: 'U0SEEKER01', teamId: TEAM }), {
      secret: E2E_SIGNING_SECRET,
      badSignature: true,
    });
    expect(res.status).toBe(401);
    expect(res.text).not.toContain('/peer request');
    expect(slack.calls.length).toBe(before);
  });

  it('rejects a correctly signed request older than 5 minutes with 401', async () => {
    const sixMinutesAgo = Math.floor(Date.now() / 1000) - 6 * 60;
    const res = await sendToApp(bot.baseUrl, slashCommand({ text: 'help', userId: 'U0SEEKER01', teamId: TEAM }), {
      secret: E2E_SIGNING_SECRET,
      timestamp: sixMinutesAgo,
    });
    expect(res.status).toBe(401);
    expect(res.text).not.toContain('/peer request');
  });

  it('never writes the bot token or signing secret to its logs', () => {
    expect(bot.output()).not.toContain('xoxb-e2e-fake-token');
    expect(bot.output()).not.toContain(E2E_SIGNING_SECRET);
  });

  it('shuts down gracefully on SIGTERM with exit code 0', async () => {
    const code = await bot.stop('SIGTERM');
    expect(code).toBe(0);
    expect(bot.output()).toContain('"msg":"stopped"');
  });
});
