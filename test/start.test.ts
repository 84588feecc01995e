import { networkInterfaces } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../src/clock.js';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/client.js';
import { createLogger } from '../src/logger.js';
import { SIMULATOR_BOT_TOKEN, SIMULATOR_SIGNING_SECRET } from '../src/simulator/credentials.js';
import { eventCallback, sendToApp } from '../src/simulator/requests.js';
import { startFakeSlack, type FakeSlack } from '../src/simulator/web-api.js';
import { startPeerSupport, type Running } from '../src/start.js';
import { freePort } from './support/app-process.js';
import { createEmptyDatabase } from './support/databases.js';

// startPeerSupport is what `npm start` runs (src/main.ts adds only the environment and the signals); the
// demo (issue 18) calls it with a clock it moves and an address of its own. Both must reach the app.

describe('starting the app in-process with a clock and an address', () => {
  let slack: FakeSlack;
  let database: Awaited<ReturnType<typeof createEmptyDatabase>>;
  let running: Running;
  let port: number;
  const clock = fixedClock('2026-03-02T10:00:00.000Z');

  beforeAll(async () => {
    slack = await startFakeSlack();
    database = await createEmptyDatabase('sqlite');
    port = await freePort();
    const config = loadConfig({
      SLACK_BOT_TOKEN: SIMULATOR_BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIMULATOR_SIGNING_SECRET,
      SLACK_API_URL: slack.url,
      DATABASE_URL: database.url,
      PORT: String(port),
      LOG_LEVEL: 'silent',
    });
    running = await startPeerSupport(config, { clock, host: '127.0.0.1', logger: createLogger('silent') });
  });
  afterAll(async () => {
    await running?.stop();
    await slack?.close();
    await database?.drop();
  });

  it('listens on the address it is given and nowhere else', async () => {
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    const other = Object.values(networkInterfaces())
      .flat()
      .find((a) => a && a.family === 'IPv4' && !a.internal);
    if (other) await expect(fetch(`http://${other.address}:${port}/healthz`)).rejects.toThrow();
  });

  it("uses the clock it is handed: an event's arrival is recorded at the clock's time", async () => {
    const sent = await sendToApp(`http://127.0.0.1:${port}`, eventCallback({ type: 'app_home_opened', user: 'U0START001', channel: 'DU0START001', tab: 'home', event_ts: '1.0' }, { teamId: slack.teamId, eventId: 'Ev0START01' }), {
      secret: SIMULATOR_SIGNING_SECRET,
    });
    expect(sent.status).toBe(200);
    await slack.waitFor('views.publish', (call) => call.args.user_id === 'U0START001');
    const reader = await openDatabase(database.url);
    try {
      const row = await reader.db.processedEvent.findUniqueOrThrow({ where: { eventId: 'Ev0START01' } });
      expect(row.receivedAt).toEqual(new Date('2026-03-02T10:00:00.000Z'));
    } finally {
      await reader.close();
    }
  });
});

describe('stopping right after a start', () => {
  let slack: FakeSlack;
  let database: Awaited<ReturnType<typeof createEmptyDatabase>>;
  afterAll(async () => {
    await slack?.close();
    await database?.drop();
  });

  it('waits for the start-up token check before it closes the database', async () => {
    slack = await startFakeSlack();
    database = await createEmptyDatabase('sqlite');
    let answer!: () => void;
    const held = new Promise<void>((resolve) => (answer = resolve));
    slack.setResponse('auth.test', async (_call, reply) => {
      await held;
      return reply();
    });
    const lines: string[] = [];
    const config = loadConfig({
      SLACK_BOT_TOKEN: SIMULATOR_BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIMULATOR_SIGNING_SECRET,
      SLACK_API_URL: slack.url,
      DATABASE_URL: database.url,
      PORT: String(await freePort()),
    });
    const running = await startPeerSupport(config, { host: '127.0.0.1', logger: createLogger('info', { write: (line: string) => void lines.push(line) }) });
    await slack.waitFor('auth.test');
    let stopped = false;
    const stopping = running.stop().then(() => (stopped = true));
    await new Promise((resolve) => setTimeout(resolve, 300));
    // The check is still out: the database stays open for it.
    expect(stopped).toBe(false);
    answer();
    await stopping;
    expect(lines.filter((line) => line.includes('reinstate_check_failed'))).toEqual([]);
  });
});
