import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixedClock } from '../clock.js';
import { loadConfig } from '../config.js';
import { createLogger } from '../logger.js';
import { SIMULATOR_BOT_TOKEN, SIMULATOR_SIGNING_SECRET } from '../simulator/credentials.js';
import { freePort } from '../simulator/free-port.js';
import { startFakeSlack } from '../simulator/web-api.js';
import { startPeerSupport } from '../start.js';
import type { DemoPerson } from './page.js';
import { startDemoServer } from './server.js';

// `npm run demo` (issue 18): the real app (startPeerSupport, as `npm start` runs it, HTTP mode) on a SQLite
// file in a temporary folder, against the built-in Slack simulator, with a clock the page can move a day
// on; everything on 127.0.0.1, with the simulator's own made-up token and signing secret.

export const DEMO_PEOPLE: readonly DemoPerson[] = [
  { id: 'U0DEMOSEEK', name: 'Sam', role: 'asks for a listener' },
  { id: 'U0DEMOLIS1', name: 'Alex', role: 'listener' },
  { id: 'U0DEMOLIS2', name: 'Jo', role: 'listener' },
  { id: 'U0DEMOCOOR', name: 'Dana', role: 'coordinator (workspace admin)' },
  { id: 'U0DEMOHRVW', name: 'Kim', role: 'HR viewer' },
];

const TICK_SECONDS = 1;

/** Where the demo's story starts: 09:30 UTC (morning in Europe/London, the simulated people's timezone) on the next Tuesday. */
export function demoMorning(now: Date): Date {
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 9, 30));
  const daysToTuesday = (2 - start.getUTCDay() + 7) % 7 || 7;
  start.setUTCDate(start.getUTCDate() + daysToTuesday);
  return start;
}

export async function startDemo(port: number) {
  const folder = mkdtempSync(join(tmpdir(), 'peer-support-demo-'));
  const slack = await startFakeSlack({
    users: DEMO_PEOPLE.map((p) => ({ id: p.id, real_name: p.name, name: p.name.toLowerCase(), is_admin: p.id === 'U0DEMOCOOR' })),
  });
  const appPort = await freePort();
  const config = loadConfig({
    SLACK_BOT_TOKEN: SIMULATOR_BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIMULATOR_SIGNING_SECRET,
    SLACK_API_URL: slack.url,
    DATABASE_URL: `file:${join(folder, 'demo.db')}`,
    PORT: String(appPort),
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    SCHEDULER_TICK_SECONDS: String(TICK_SECONDS),
  });
  // The app's clock runs with real time from a Tuesday morning, plus the days the page adds ("One day
  // later"): offers reach listeners in their working hours and check-ins come at a humane hour, whenever
  // the demo is run.
  const started = Date.now();
  const clock = fixedClock(demoMorning(new Date(started)));
  const moving = { now: () => new Date(clock.now().getTime() + (Date.now() - started)), advance: (ms: number) => clock.advance(ms) };
  const app = await startPeerSupport(config, { clock: moving, host: '127.0.0.1', logger: createLogger(config.logLevel) });
  const page = await startDemoServer({ appUrl: `http://127.0.0.1:${appPort}`, slack, people: DEMO_PEOPLE, clock: moving, schedulerTickMs: TICK_SECONDS * 1000, port });
  return {
    url: page.url,
    slack,
    act: page.act,
    seen: page.seen,
    stop: async () => {
      try {
        page.server.close();
        await app.stop();
        await slack.close();
      } finally {
        // The temporary database goes whatever happened above.
        rmSync(folder, { recursive: true, force: true });
      }
    },
  };
}
