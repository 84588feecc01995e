import { readFileSync } from 'node:fs';
import { startAppProcess, E2E_SIGNING_SECRET } from '../test/support/app-process.js';
import { createEmptyDatabase } from '../test/support/databases.js';
import { startFakeSlack } from '../src/simulator/web-api.js';
import { sendToApp, slashCommand } from '../src/simulator/requests.js';
import { line, percentile, timed } from './report.js';

function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
  return kb / 1024;
}

/** Start-up time (empty database, so migrations included), idle memory, and /peer help latency. */
export async function benchStartup(): Promise<void> {
  for (const provider of ['sqlite', 'postgresql'] as const) {
    const slack = await startFakeSlack();
    const database = await createEmptyDatabase(provider);
    try {
      const { ms, value: bot } = await timed(() => startAppProcess({ databaseUrl: database.url, slackApiUrl: slack.url, env: { LOG_LEVEL: 'warn' } }));
      try {
        line(`${provider}: start to healthy (incl. migrations)`, ms, 'ms');
        await new Promise((resolve) => setTimeout(resolve, 2000));
        line(`${provider}: idle RSS after 2 s`, rssMiB(bot.pid), 'MiB');
        const latencies: number[] = [];
        for (let i = 0; i < 200; i++) {
          const { ms: one } = await timed(() =>
            sendToApp(bot.baseUrl, slashCommand({ text: 'help', userId: 'U0BENCH001', teamId: 'T0FAKE0001' }), {
              secret: E2E_SIGNING_SECRET,
            }),
          );
          latencies.push(one);
        }
        latencies.sort((a, b) => a - b);
        line(`${provider}: /peer help p50 / p95 over 200`, `${percentile(latencies, 50).toFixed(1)} / ${percentile(latencies, 95).toFixed(1)}`, 'ms');
        line(`${provider}: RSS after 200 requests`, rssMiB(bot.pid), 'MiB');
      } finally {
        await bot.stop();
      }
    } finally {
      await slack.close();
      await database.drop();
    }
  }
}
