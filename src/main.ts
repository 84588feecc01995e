import { ConfigError, loadConfig } from './config.js';
import { startPeerSupport } from './start.js';

// `npm start`: validate the environment, then start (src/start.ts). Shutdown on SIGTERM/SIGINT: stop
// taking requests, let running listeners finish, close the database.

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

  const running = await startPeerSupport(config);
  const { logger } = running;
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
      await running.stop();
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

main().catch((error: unknown) => {
  // A friendly line instead of a stack trace; the code tells us where to look.
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : 'unexpected';
  const reason =
    (error instanceof Error ? error.message : String(error)).split('\n').find((line) => line.trim() !== '') ?? '';
  process.stderr.write(`Peer Support could not start (${code}): ${reason}\n`);
  process.exit(1);
});
