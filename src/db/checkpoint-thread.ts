import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Logger } from '../logger.js';
import type { Db } from './client.js';

// SQLite in WAL mode copies the log back into the database file at a checkpoint, which syncs the files
// to disk. better-sqlite3 is synchronous, so a checkpoint holds the event loop for as long: SQLite runs
// one in the commit that takes the log past 1,000 pages, every 2 s or so under a load of DMs (15-25 ms
// each on stop 40's machine), and the acks caught behind it were a DM's slowest 1 % (issue 17: a DM's
// p99 12-85 ms there, 3-11 ms with no checkpoints). Raising the threshold only makes each one longer
// (10,000 pages: 100-110 ms). So checkpoints leave the main thread: once the log first reaches 1,000
// pages (4 MiB; until then there is nothing to copy that SQLite would have copied), a worker thread
// with a connection of its own runs a PASSIVE checkpoint four times a second; PASSIVE never waits for
// and never stops the app's connection. The app's connection runs none itself (`wal_autocheckpoint`
// 0) while the thread is alive. The thread costs about 9 MiB, only in a process that has written that
// much. Should it fail to start or stop, SQLite's own checkpoints come back (`wal_autocheckpoint`
// 1000). Commits are exactly as durable as before: a checkpoint only moves what the log holds.

export interface CheckpointPolicy {
  /** How often the log's size is read while no thread runs. */
  readonly watchMs: number;
  /** The log's size, in bytes, that starts the thread (SQLite's own threshold: 1,000 pages of 4 KiB). */
  readonly startAtBytes: number;
  /** How often the thread checkpoints. */
  readonly everyMs: number;
}

export const CHECKPOINT_POLICY: CheckpointPolicy = { watchMs: 1_000, startAtBytes: 1_000 * 4_096, everyMs: 250 };

/** SQLite's default, restored when the thread is gone. */
const SQLITE_AUTOCHECKPOINT_PAGES = 1_000;

// The thread's whole program: CommonJS, as `eval` workers are. A checkpoint that cannot copy everything
// (a reader holds frames back) or fails copies the rest at a later run.
const THREAD = `
const { parentPort, workerData } = require('node:worker_threads');
const Sqlite = require(workerData.driver);
const db = new Sqlite(workerData.path, { fileMustExist: true });
db.pragma('busy_timeout = 0');
const checkpoint = db.prepare('PRAGMA wal_checkpoint(PASSIVE)');
setInterval(() => {
  try { checkpoint.get(); } catch {}
}, workerData.everyMs);
parentPort.postMessage('ready');
`;

function logBytes(path: string): number {
  try {
    return statSync(`${path}-wal`).size;
  } catch {
    return 0;
  }
}

export interface CheckpointThread {
  /** Stops the thread (and the watch); SQLite's own checkpoints come back on the app's connection. */
  stop(): Promise<void>;
}

/** Watches the log of the SQLite file at `path` (`db` is the app's connection) and starts the thread when it is due. */
export function startCheckpointThread(db: Db, path: string, logger: Logger, policy: CheckpointPolicy = CHECKPOINT_POLICY): CheckpointThread {
  let worker: Worker | undefined;
  let starting: Promise<void> | undefined;
  let stopped = false;
  const ownCheckpoints = (pages: number) => db.$executeRawUnsafe(`PRAGMA wal_autocheckpoint = ${pages}`);

  const start = async () => {
    const thread = new Worker(THREAD, { eval: true, workerData: { path, everyMs: policy.everyMs, driver: createRequire(import.meta.url).resolve('better-sqlite3') }, resourceLimits: { maxYoungGenerationSizeMb: 1, maxOldGenerationSizeMb: 16 } });
    thread.unref();
    try {
      await new Promise<void>((resolve, reject) => {
        thread.once('message', () => resolve());
        thread.once('error', reject);
        thread.once('exit', (code) => reject(new Error(`the checkpoint thread exited (${code})`)));
      });
    } catch (error) {
      await thread.terminate();
      throw error;
    }
    if (stopped) return void (await thread.terminate());
    worker = thread;
    await ownCheckpoints(0);
    thread.on('error', (error) => void lost(error));
    thread.on('exit', () => void lost(undefined));
  };

  const lost = async (error: unknown) => {
    if (!worker) return;
    worker = undefined;
    if (stopped) return;
    logger.warn({ err: error, code: 'checkpoint_thread_lost' }, "SQLite's checkpoints are back on the main thread");
    await ownCheckpoints(SQLITE_AUTOCHECKPOINT_PAGES).catch(() => {});
  };

  // Read until the thread is due, then never again: it is started at most once.
  const watch = setInterval(() => {
    if (logBytes(path) < policy.startAtBytes) return;
    clearInterval(watch);
    starting = start().catch((error: unknown) => {
      logger.warn({ err: error, code: 'checkpoint_thread_failed' }, "could not start SQLite's checkpoint thread; checkpoints stay on the main thread");
    });
  }, policy.watchMs);
  watch.unref();

  return {
    async stop() {
      stopped = true;
      clearInterval(watch);
      await starting;
      const thread = worker;
      worker = undefined;
      if (!thread) return;
      await thread.terminate();
      await ownCheckpoints(SQLITE_AUTOCHECKPOINT_PAGES);
    },
  };
}
