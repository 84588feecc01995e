import { Agent, request } from 'node:http';
import { E2E_SIGNING_SECRET, startAppProcess } from '../test/support/app-process.js';
import { createEmptyDatabase } from '../test/support/databases.js';
import { startFakeSlack } from '../src/simulator/web-api.js';
import { signSlackRequest, slashCommand } from '../src/simulator/requests.js';
import { startBenchProcess } from './bench-process.js';
import { line } from './report.js';
import { nvpCollections } from './trace-gc-nvp.js';

// Which part of a `/peer help` request's path moves memory into the old generation (issue 17). Objects
// that outlive a scavenge are promoted, and promoted bytes are what brings the full collections the
// slowest acks fall in. Each target is started with --trace-gc-nvp and given the same signed commands at
// 200 a second, one target at a time: Node's HTTP server alone, Bolt's receiver alone (an ack and nothing
// else behind it), bare Bolt (bench/bare-bolt.ts, acknowledging) and the app (SQLite). The bench sums
// V8's account of the collections during the measured requests, after a warm-up.

const RATE_PER_SECOND = 200;
const WARM_UP = Number(process.env.PROMOTION_WARM_UP ?? 1000);
const REQUESTS = Number(process.env.PROMOTION_REQUESTS ?? 3000);
const USERS = 100;

interface Target {
  readonly name: string;
  readonly port: number;
  output(): string;
  stop(): Promise<unknown>;
}

/** The signed `/peer help` commands, from USERS people of the fake Slack's workspace. */
function helpCommands(teamId: string, count: number): { raw: Buffer; headers: Record<string, string | number> }[] {
  const timestamp = Math.floor(Date.now() / 1000);
  return Array.from({ length: count }, (_, i) => {
    const body = slashCommand({ text: 'help', userId: `U0LOAD${String(i % USERS).padStart(4, '0')}`, teamId });
    const raw = Buffer.from(body.raw);
    return { raw, headers: { ...signSlackRequest(E2E_SIGNING_SECRET, body.raw, timestamp, body.contentType), 'content-length': raw.length } };
  });
}

/** Sends `commands` at RATE_PER_SECOND (each on its timer, answered or not); resolves with the failures once all are answered. */
async function send(target: Target, commands: ReturnType<typeof helpCommands>): Promise<number> {
  const agent = new Agent({ keepAlive: true, timeout: 4_000 });
  let failures = 0;
  const answers: Promise<void>[] = [];
  const start = performance.now();
  for (const [i, command] of commands.entries()) {
    const wait = start + (i * 1000) / RATE_PER_SECOND - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    answers.push(
      new Promise<void>((resolve) => {
        const req = request({ host: '127.0.0.1', port: target.port, path: '/slack/events', method: 'POST', agent, headers: command.headers }, (res) => {
          if ((res.statusCode ?? 0) !== 200) failures += 1;
          res.resume();
          res.on('end', resolve);
        });
        req.on('error', () => {
          failures += 1;
          resolve();
        });
        req.end(command.raw);
      }),
    );
  }
  await Promise.all(answers);
  agent.destroy();
  return failures;
}

async function measure(target: Target, teamId: string): Promise<void> {
  await send(target, helpCommands(teamId, WARM_UP));
  const from = target.output().length;
  const failures = await send(target, helpCommands(teamId, REQUESTS));
  // The last collections' lines are written as they end; a moment for them to arrive.
  await new Promise((resolve) => setTimeout(resolve, 200));
  const gc = nvpCollections(target.output().slice(from));
  const kib = (bytes: number) => (bytes / REQUESTS / 1024).toFixed(2);
  line(`${target.name}: promoted / allocated a request`, `${kib(gc.promotedBytes)} / ${kib(gc.allocatedBytes)} KiB`);
  line(`${target.name}: scavenges / full collections`, `${gc.scavenges} / ${gc.full}`);
  if (failures > 0) line(`${target.name}: failed requests (must be 0)`, failures);
}

/**
 * BENCH=promotion: promoted and allocated KiB per `/peer help` for each target, over PROMOTION_REQUESTS
 * (3,000) after PROMOTION_WARM_UP (1,000) requests.
 */
export async function benchPromotion(): Promise<void> {
  const slack = await startFakeSlack();
  const database = await createEmptyDatabase('sqlite');
  const nodeArgs = ['--trace-gc-nvp'];
  try {
    line('requests measured (after a warm-up) at', `${REQUESTS} (${WARM_UP}) at ${RATE_PER_SECOND}/s`);
    const starts: (() => Promise<Target>)[] = [
      async () => ({ name: 'node:http', ...(await startBenchProcess('plain-http.js', { slackApiUrl: slack.url, nodeArgs })) }),
      async () => ({ name: 'Bolt receiver', ...(await startBenchProcess('bolt-receiver.js', { slackApiUrl: slack.url, nodeArgs })) }),
      async () => ({ name: 'bare Bolt', ...(await startBenchProcess('bare-bolt.js', { slackApiUrl: slack.url, nodeArgs, env: { BARE_MODE: 'ack' } })) }),
      async () => ({ name: 'app', ...(await startAppProcess({ databaseUrl: database.url, slackApiUrl: slack.url, env: { LOG_LEVEL: 'warn' }, nodeArgs })) }),
    ];
    for (const start of starts) {
      const target = await start();
      try {
        await measure(target, slack.teamId);
      } finally {
        await target.stop();
      }
    }
  } finally {
    await database.drop();
    await slack.close();
  }
}
