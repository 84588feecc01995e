import type { Server } from 'node:http';
import { buildApp, type BuiltApp } from './app.js';
import { reinstateWorkspace } from './features/workspaces/service.js';
import type { Logger } from './logger.js';
import type { Database } from './db/client.js';
import { startScheduler } from './scheduler/index.js';
import { systemClock } from './clock.js';
import { ConfigError, loadConfig } from './config.js';
import { openDatabase } from './db/client.js';
import { deployMigrations } from './db/migrate-runner.js';
import { healthRoutes, startHealthServer } from './http/health.js';
import { createLogger } from './logger.js';
import { oldestDueSeconds } from './delivery/lag.js';
import { startMetricsServer, stopMetricsServer } from './metrics/server.js';

// Start-up: validate the environment, migrate, open the database, start Bolt. Shutdown on SIGTERM/SIGINT:
// stop taking requests, let running listeners finish, close the database.

const SHUTDOWN_GRACE_MS = 10_000;

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`Peer Support cannot start: ${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }

  const logger = createLogger(config.logLevel);
  // Our own runner (src/db/migrate-runner.ts), not the schema engine: nothing pending costs a few queries.
  const applied = await deployMigrations(config.database.url);
  if (applied.length > 0) logger.info({ migrations: applied }, 'database migrations applied');
  const database = await openDatabase(config.database.url);
  // One registry for this process (issue 16): only when METRICS_PORT asks for it, and prom-client is
  // loaded only then (issue 17: nothing at start-up that a request does not need).
  const prometheus =
    config.metricsPort !== undefined
      ? (await import('./metrics/prometheus.js')).createPrometheusMetrics({ logger, oldestDue: () => oldestDueSeconds(database.db, systemClock.now()) })
      : undefined;
  const deps = { config, database, logger, clock: systemClock, random: Math.random, ...(prometheus ? { metrics: prometheus.metrics } : {}) };
  const { app, whenIdle, sender, effects, owner, metrics } = buildApp(deps);
  // Before the app listens, so a process that answers /healthz also answers /metrics.
  const metricsServer = prometheus && config.metricsPort !== undefined ? await startMetricsServer(prometheus.registry, config.metricsPort, logger) : undefined;

  let healthServer: Server | undefined;
  if (config.mode === 'socket') {
    await app.start();
    healthServer = await startHealthServer(healthRoutes(database.db), config.port);
  } else {
    await app.start(config.port);
  }
  const scheduler = startScheduler({ db: database.db, clock: deps.clock, logger, sender, effects, owner, metrics }, config.schedulerTickSeconds);
  logger.info({ mode: config.mode, installs: config.slack.oauth ? 'oauth' : 'single-workspace', port: config.port, metricsPort: config.metricsPort, database: config.database.provider }, 'peer support is running');
  if (config.slack.botToken) void reinstateTokenWorkspace(app, database.db, logger);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const timer = setTimeout(() => {
      logger.error('shutdown took too long; exiting');
      process.exit(1);
    }, SHUTDOWN_GRACE_MS);
    timer.unref();
    try {
      await app.stop();
      healthServer?.close();
      if (metricsServer) await stopMetricsServer(metricsServer);
      await scheduler.stop();
      await whenIdle();
      await database.close();
      logger.info('stopped');
      process.exit(0);
    } catch (error) {
      logger.error({ err: error }, 'error while shutting down');
      process.exit(1);
    }
  };
  // `on`, not `once`: the same signal often arrives twice (Ctrl-C under `npm start` reaches node from the
  // terminal and again from npm, which forwards it; a supervisor may signal the whole process group). A
  // second one must not fall through to Node's default handler and kill the shutdown half-way.
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

/**
 * SLACK_BOT_TOKEN mode: a token Slack accepts means the app is installed in its workspace, so an
 * uninstall recorded earlier (and its erasure) is called off: the app was installed again with a new
 * token. Off the start-up path; a failure only means it is checked at the next start.
 */
async function reinstateTokenWorkspace(app: BuiltApp['app'], db: Database['db'], logger: Logger): Promise<void> {
  try {
    const auth = await app.client.auth.test();
    if (auth.team_id && (await reinstateWorkspace(db, auth.team_id, systemClock.now()))) {
      logger.info({ workspaceId: auth.team_id }, 'the app was installed again: erasure called off, kept work resumed');
    }
  } catch (error) {
    logger.warn({ err: error, code: 'reinstate_check_failed' }, 'could not check the bot token at start-up');
  }
}

main().catch((error: unknown) => {
  // A friendly line instead of a stack trace; the code tells us where to look.
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : 'unexpected';
  const reason =
    (error instanceof Error ? error.message : String(error)).split('\n').find((line) => line.trim() !== '') ?? '';
  process.stderr.write(`Peer Support could not start (${code}): ${reason}\n`);
  process.exit(1);
});
