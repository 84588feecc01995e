import type { Server } from 'node:http';
import { buildApp, type BuiltApp } from './app.js';
import { systemClock, type Clock } from './clock.js';
import type { Config } from './config.js';
import { openDatabase, sqliteFilePath, type Database } from './db/client.js';
import { startCheckpointThread } from './db/checkpoint-thread.js';
import { deployMigrations } from './db/migrate-runner.js';
import { within } from './domain/within.js';
import { oldestDueSeconds } from './delivery/lag.js';
import { reinstateWorkspace } from './features/workspaces/service.js';
import { healthRoutes, startHealthServer } from './http/health.js';
import { createLogger, type Logger } from './logger.js';
import { startIdleCollection } from './runtime/idle-collection.js';
import { startMetricsServer, stopMetricsServer } from './metrics/server.js';
import { startScheduler } from './scheduler/index.js';

// Start-up, shared by `npm start` (src/main.ts) and `npm run demo` (issue 18, which hands in a clock it
// moves and binds to 127.0.0.1): migrate, open the database, start Bolt and the scheduler; `stop` stops
// taking requests, lets running listeners finish and closes the database.

/** How long `stop` waits for the start-up token check; a stop must finish within main.ts's 10 s grace. */
const REINSTATE_WAIT_ON_STOP_MS = 3_000;

export interface StartOptions {
  /** The app's clock (default: the system's). */
  clock?: Clock;
  /** The address to listen on in HTTP mode (default: every interface). */
  host?: string;
  logger?: Logger;
}

export interface Running {
  logger: Logger;
  stop(): Promise<void>;
}

export async function startPeerSupport(config: Config, options: StartOptions = {}): Promise<Running> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const clock = options.clock ?? systemClock;
  // Our own runner (src/db/migrate-runner.ts), not the schema engine: nothing pending costs a few queries.
  const applied = await deployMigrations(config.database.url);
  if (applied.length > 0) logger.info({ migrations: applied }, 'database migrations applied');
  const database = await openDatabase(config.database.url);
  // SQLite: the log is copied back into the file by a thread of its own, not in a request's commit.
  const checkpoints = database.provider === 'sqlite' ? startCheckpointThread(database.db, sqliteFilePath(config.database.url), logger) : undefined;
  // One registry for this process (issue 16): only when METRICS_PORT asks for it, and prom-client is
  // loaded only then (issue 17: nothing at start-up that a request does not need).
  const prometheus =
    config.metricsPort !== undefined
      ? (await import('./metrics/prometheus.js')).createPrometheusMetrics({ logger, oldestDue: () => oldestDueSeconds(database.db, clock.now()) })
      : undefined;
  const deps = { config, database, logger, clock, random: Math.random, ...(prometheus ? { metrics: prometheus.metrics } : {}) };
  const { app, whenIdle, sender, effects, owner, metrics, languages } = buildApp(deps);
  // Before the app listens, so a process that answers /healthz also answers /metrics.
  const metricsServer = prometheus && config.metricsPort !== undefined ? await startMetricsServer(prometheus.registry, config.metricsPort, logger) : undefined;

  let healthServer: Server | undefined;
  if (config.mode === 'socket') {
    await app.start();
    healthServer = await startHealthServer(healthRoutes(database.db), config.port);
  } else {
    await app.start(options.host !== undefined ? { port: config.port, host: options.host } : config.port);
  }
  const scheduler = startScheduler({ db: database.db, clock: deps.clock, logger, sender, effects, owner, metrics, languages }, config.schedulerTickSeconds);
  // Gives back what a load grew, once the process has idled for half a minute (src/runtime/).
  const idleCollection = startIdleCollection(logger);
  logger.info({ mode: config.mode, installs: config.slack.oauth ? 'oauth' : 'single-workspace', port: config.port, metricsPort: config.metricsPort, database: config.database.provider }, 'peer support is running');
  // Off the start-up path, but `stop` waits for it (a while: Slack may be slow) before it closes the
  // database: closing it under the check's transaction made a stop right after a start log a failure.
  const reinstating = config.slack.botToken ? reinstateTokenWorkspace(app, config.slack.botToken, database.db, logger, clock) : undefined;

  return {
    logger,
    stop: async () => {
      idleCollection.stop();
      await app.stop();
      healthServer?.close();
      if (metricsServer) await stopMetricsServer(metricsServer);
      await scheduler.stop();
      if (reinstating) await within(reinstating, REINSTATE_WAIT_ON_STOP_MS, undefined);
      await whenIdle();
      await checkpoints?.stop();
      await database.close();
    },
  };
}

/**
 * SLACK_BOT_TOKEN mode: a token Slack accepts means the app is installed in its workspace, so an
 * uninstall recorded earlier (and its erasure) is called off: the app was installed again with a new
 * token. Off the start-up path; a failure only means it is checked at the next start.
 */
async function reinstateTokenWorkspace(app: BuiltApp['app'], token: string, db: Database['db'], logger: Logger, clock: Clock): Promise<void> {
  try {
    const auth = await app.client.auth.test({ token });
    if (auth.team_id && (await reinstateWorkspace(db, auth.team_id, clock.now()))) {
      logger.info({ workspaceId: auth.team_id }, 'the app was installed again: erasure called off, kept work resumed');
    }
  } catch (error) {
    logger.warn({ err: error, code: 'reinstate_check_failed' }, 'could not check the bot token at start-up');
  }
}

