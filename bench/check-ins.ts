import { openDatabase } from '../src/db/client.js';
import { applyMigrations } from '../src/db/migrations.js';
import { dispatchDueCheckIns } from '../src/features/check-ins/dispatcher.js';
import { LogLevel, WebClient } from '@slack/web-api';
import { createLogger } from '../src/logger.js';
import { createBulkSender } from '../src/slack/bulk-sender.js';
import { sameTokenEverywhere } from '../src/slack/workspace-tokens.js';
import { createEmptyDatabase } from '../test/support/databases.js';
import { startFakeSlack, type FakeReply } from '../src/simulator/web-api.js';
import { line, timed } from './report.js';

const CHECK_INS = Number(process.env.BENCH_CHECK_INS ?? 10_000);
/** The rate the fake Slack allows before it answers 429 with Retry-After (a token bucket). */
const ALLOWED_PER_SECOND = Number(process.env.BENCH_ALLOWED_PER_SECOND ?? 200);
const NOW = new Date('2026-03-03T10:00:00Z'); // a Tuesday, 10:00 in London

function rateLimiter(perSecond: number) {
  let tokens = perSecond;
  let last = Date.now();
  let limited = 0;
  return {
    take(reply: () => FakeReply): FakeReply {
      const now = Date.now();
      tokens = Math.min(perSecond, tokens + ((now - last) / 1000) * perSecond);
      last = now;
      if (tokens >= 1) {
        tokens -= 1;
        return reply();
      }
      limited += 1;
      return { status: 429, headers: { 'retry-after': '1' }, body: { ok: false, error: 'ratelimited' } };
    },
    limited: () => limited,
  };
}

async function benchOne(provider: 'sqlite' | 'postgresql'): Promise<void> {
  const empty = await createEmptyDatabase(provider);
  const slack = await startFakeSlack();
  try {
    await applyMigrations(empty.url);
    const database = await openDatabase(empty.url);
    try {
      const { db } = database;
      await db.workspace.create({ data: { id: 'TBENCH' } });
      const initiative = await db.initiative.create({
        data: { workspaceId: 'TBENCH', name: 'Bench', description: 'b', resources: 'Call 0800 000 000', guidelines: 'g', topics: { create: [{ label: 'Anxiety', position: 0 }] } },
      });
      for (let i = 0; i < CHECK_INS; i += 1000) {
        const ids = Array.from({ length: Math.min(1000, CHECK_INS - i) }, (_, k) => i + k);
        await db.supportRequest.createMany({ data: ids.map((n) => ({ id: `req-${n}`, initiativeId: initiative.id, seekerId: `U${n}`, seekerPseudonym: 'Otter', status: 'waiting' })) });
        await db.personTimezone.createMany({ data: ids.map((n) => ({ userId: `U${n}`, timezone: 'Europe/London', fetchedAt: NOW })) });
        await db.checkIn.createMany({
          data: ids.map((n) => ({ initiativeId: initiative.id, kind: 'waiting', subjectId: `req-${n}`, requestId: `req-${n}`, recipientId: `U${n}`, sequence: 1, dueAt: NOW, deliverAt: NOW, status: 'scheduled' })),
        });
      }
      const limiter = rateLimiter(ALLOWED_PER_SECOND);
      slack.setResponse('chat.postMessage', (_call, reply) => limiter.take(reply));
      const logger = createLogger('silent');
      const sender = createBulkSender({ tokens: sameTokenEverywhere('xoxb-bench-fake'), slackApiUrl: slack.url, logger });
      // Real time from a Tuesday morning in London, so a 429's Retry-After passes as it would.
      const started = Date.now();
      const deps = { db, clock: { now: () => new Date(NOW.getTime() + Date.now() - started) }, logger };
      // An interactive client set up as Bolt's is (src/app.ts) opens a modal every 100 ms meanwhile.
      const interactive = new WebClient('xoxb-bench-fake', {
        slackApiUrl: slack.url,
        timeout: 5_000,
        retryConfig: { retries: 1, factor: 1, minTimeout: 300, maxTimeout: 300 },
        rejectRateLimitedCalls: true,
        logLevel: LogLevel.ERROR,
      });
      const opens: number[] = [];
      let probing = true;
      const probe = (async () => {
        while (probing) {
          const at = performance.now();
          await interactive.views.open({ trigger_id: `bench.${opens.length}`, view: { type: 'modal', title: { type: 'plain_text', text: 'Bench' }, blocks: [] } });
          opens.push(performance.now() - at);
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      })();
      const { ms, value } = await timed(async () => {
        let sent = 0;
        // Ticks, as the scheduler would run them (one owner per process), until everything is sent.
        for (let tick = 0; tick < 1000 && sent < CHECK_INS; tick++) {
          const report = await dispatchDueCheckIns(sender, deps, { owner: 'bench', batchSize: 200, concurrency: 16, maxBatches: 1000 });
          sent += report.sent;
          if (report.sent === 0) await new Promise((resolve) => setTimeout(resolve, 50));
        }
        return sent;
      });
      probing = false;
      await probe;
      const delivered = new Map<string, number>();
      for (const call of slack.callsTo('chat.postMessage')) {
        // Rate-limited answers are recorded too; count only what the fake accepted.
        delivered.set(String(call.args.channel), (delivered.get(String(call.args.channel)) ?? 0) + 1);
      }
      const accepted = slack.callsTo('chat.postMessage').length - limiter.limited();
      const duplicates = accepted - delivered.size;
      const rate = (value / ms) * 1000;
      line(`${provider}: dispatch ${CHECK_INS} due check-ins (fake Slack allows ${ALLOWED_PER_SECOND}/s)`, ms, 'ms');
      line(`${provider}:   sent / rate-limited answers (429)`, `${value} / ${limiter.limited()}`);
      line(`${provider}:   throughput`, rate, 'per s');
      line(`${provider}:   share of the allowed rate`, `${((rate / ALLOWED_PER_SECOND) * 100).toFixed(1)} %`);
      line(`${provider}:   duplicates (must be 0)`, Math.max(0, duplicates));
      const sorted = [...opens].sort((a, b) => a - b);
      const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
      line(`${provider}:   views.open meanwhile (${sorted.length} calls): p50 / p99 / max`, `${at(0.5).toFixed(1)} / ${at(0.99).toFixed(1)} / ${(sorted.at(-1) ?? 0).toFixed(1)} ms`);
    } finally {
      await database.close();
    }
  } finally {
    await slack.close();
    await empty.drop();
  }
}

export async function benchCheckIns(): Promise<void> {
  await benchOne('sqlite');
  await benchOne('postgresql');
}
