import { startAppProcess } from '../test/support/app-process.js';
import { createEmptyDatabase } from '../test/support/databases.js';
import { startFakeSlack } from '../src/simulator/web-api.js';
import { startBenchProcess } from './bench-process.js';
import { drive, kinds, prepare, RATE_PER_SECOND, type Endpoint, type Kind } from './load.js';
import { line } from './report.js';
import { nvpCollections } from './trace-gc-nvp.js';

// Which part of a `/peer help` request's path moves memory into the old generation (issue 17). Objects
// that outlive a scavenge are promoted, and promoted bytes are what brings the full collections the
// slowest acks fall in. Each target is started with --trace-gc-nvp and given the same signed commands at
// 200 a second, one target at a time: Node's HTTP server alone, Bolt's receiver alone (an ack and nothing
// else behind it), bare Bolt (bench/bare-bolt.ts, acknowledging) and the app (SQLite). The bench sums
// V8's account of the collections during the measured requests, after a warm-up.

const WARM_UP = Number(process.env.PROMOTION_WARM_UP ?? 1000);
const REQUESTS = Number(process.env.PROMOTION_REQUESTS ?? 3000);

interface Target extends Endpoint {
  readonly name: string;
  output(): string;
  stop(): Promise<unknown>;
}

/** The load bench's sender (bench/load.ts `drive`): same requests, same schedule. */
async function measure(target: Target, help: Kind): Promise<void> {
  await drive(target, prepare(help, WARM_UP));
  const from = target.output().length;
  // drive returns once the process is quiet again, so the last collections' lines have arrived.
  const window = await drive(target, prepare(help, REQUESTS));
  const gc = nvpCollections(target.output().slice(from));
  const kib = (bytes: number) => (bytes / REQUESTS / 1024).toFixed(2);
  line(`${target.name}: promoted / allocated a request`, `${kib(gc.promotedBytes)} / ${kib(gc.allocatedBytes)} KiB`);
  line(`${target.name}: scavenges / full collections`, `${gc.scavenges} / ${gc.full}`);
  if (window.failures.length > 0) line(`${target.name}: failed requests (must be 0)`, window.failures.length);
}

/**
 * BENCH=promotion: promoted and allocated KiB per `/peer help` for each target, over PROMOTION_REQUESTS
 * (3,000) after PROMOTION_WARM_UP (1,000) requests, each target with PROMOTION_NODE_ARGS as well.
 */
export async function benchPromotion(): Promise<void> {
  const slack = await startFakeSlack();
  const database = await createEmptyDatabase('sqlite');
  // PROMOTION_NODE_ARGS: more node flags for every target (space-separated), to try a collector's options.
  const nodeArgs = ['--trace-gc-nvp', ...(process.env.PROMOTION_NODE_ARGS ?? '').split(' ').filter(Boolean)];
  const help = kinds(slack.teamId).find((kind) => kind.name === '/peer help')!;
  try {
    line('requests measured (after a warm-up) at', `${REQUESTS} (${WARM_UP}) at ${RATE_PER_SECOND}/s`);
    const baseline = (name: string, script: string, env?: Record<string, string>) => async (): Promise<Target> => ({
      name,
      ...(await startBenchProcess(script, { slackApiUrl: slack.url, nodeArgs, ...(env ? { env } : {}) })),
    });
    const starts = [
      baseline('node:http', 'plain-http.js'),
      baseline('Bolt receiver', 'bolt-receiver.js'),
      baseline('bare Bolt', 'bare-bolt.js', { BARE_MODE: 'ack' }),
      async (): Promise<Target> => ({ name: 'app', ...(await startAppProcess({ databaseUrl: database.url, slackApiUrl: slack.url, env: { LOG_LEVEL: 'warn' }, nodeArgs })) }),
    ];
    for (const start of starts) {
      const target = await start();
      try {
        await measure(target, help);
      } finally {
        await target.stop();
      }
    }
  } finally {
    await database.drop();
    await slack.close();
  }
}
