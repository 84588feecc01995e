import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import Sqlite from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { clearDeletedRemnants, openDatabase, sqliteFilePath, type Database } from '../../src/db/client.js';
import { CHECKPOINT_POLICY, startCheckpointThread } from '../../src/db/checkpoint-thread.js';
import { createLogger } from '../../src/logger.js';
import { memoryLogger } from '../support/memory-logger.js';
import { createEmptyDatabase, type TestDatabase } from '../support/databases.js';

// Issue 17, stop 40: SQLite's checkpoints (which sync the files while better-sqlite3 holds the event
// loop) move to a thread of their own once the log first reaches SQLite's own threshold; the app's
// connection runs none while the thread lives, and runs them again once it is gone.

describe("SQLite's checkpoint thread on a real file", () => {
  let created: TestDatabase | undefined;
  let database: Database | undefined;
  const copies: string[] = [];
  afterEach(async () => {
    await database?.close();
    database = undefined;
    await created?.drop();
    for (const dir of copies.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  /** How many rows the database file holds without its log: what checkpoints have copied into it. */
  function rowsInFileAlone(path: string): number {
    const dir = mkdtempSync(join(tmpdir(), 'peer-ckpt-'));
    copies.push(dir);
    copyFileSync(path, join(dir, 'copy.db'));
    const copy = new Sqlite(join(dir, 'copy.db'), { readonly: true });
    try {
      const table = copy.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'scratch'").get() as { n: number };
      return table.n === 0 ? -1 : (copy.prepare('SELECT count(*) AS n FROM scratch').get() as { n: number }).n;
    } finally {
      copy.close();
    }
  }

  async function writeRows(db: Database['db'], count: number): Promise<void> {
    for (let i = 0; i < count; i++) await db.$executeRawUnsafe(`INSERT INTO scratch (v) VALUES ('${'x'.repeat(200)}')`);
  }

  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  /** Waits until `done` holds or 10 s have passed; the test's own expectation then says which. */
  async function until(done: () => boolean | Promise<boolean>): Promise<void> {
    for (let waited = 0; !(await done()) && waited < 10_000; waited += 50) await sleep(50);
  }

  async function autocheckpoint(db: Database['db']): Promise<number> {
    const [setting] = await db.$queryRawUnsafe<{ wal_autocheckpoint: number | bigint }[]>('PRAGMA wal_autocheckpoint');
    return Number(setting!.wal_autocheckpoint);
  }

  async function open(): Promise<{ db: Database['db']; path: string }> {
    created = await createEmptyDatabase('sqlite');
    database = await openDatabase(created.url);
    await database.db.$executeRawUnsafe('CREATE TABLE scratch (id INTEGER PRIMARY KEY, v TEXT)');
    return { db: database.db, path: sqliteFilePath(created.url) };
  }

  it('starts once the log is large enough, copies the log into the file off the main thread, and hands checkpoints back at stop', async () => {
    const { db, path } = await open();
    expect(CHECKPOINT_POLICY.startAtBytes).toBe(4_096_000);
    const thread = startCheckpointThread(db, path, createLogger('silent'), { watchMs: 20, startAtBytes: 64 * 1024, everyMs: 20 });
    try {
      await writeRows(db, 300);
      expect(existsSync(`${path}-wal`)).toBe(true);
      await until(() => rowsInFileAlone(path) === 300);
      expect(rowsInFileAlone(path)).toBe(300);
      // The app's connection runs no checkpoint of its own while the thread does.
      expect(await autocheckpoint(db)).toBe(0);
    } finally {
      await thread.stop();
    }
    expect(await autocheckpoint(db)).toBe(1_000);
    // Stopped: what is written now stays in the log (50 rows are far below 1,000 pages).
    await writeRows(db, 50);
    await sleep(200);
    expect(rowsInFileAlone(path)).toBe(300);
    const [all] = await db.$queryRawUnsafe<{ n: number | bigint }[]>('SELECT count(*) AS n FROM scratch');
    expect(Number(all!.n)).toBe(350);
  });

  it('leaves no remnant of erased rows in either file while the thread runs (DESIGN.md invariant 3)', async () => {
    const { db, path } = await open();
    const thread = startCheckpointThread(db, path, createLogger('silent'), { watchMs: 20, startAtBytes: 64 * 1024, everyMs: 5 });
    const marker = 'vermilion-pangolin-4417';
    const holds = (file: string) => (existsSync(file) ? readFileSync(file).includes(marker) : false);
    try {
      for (let i = 0; i < 300; i++) await db.$executeRawUnsafe(`INSERT INTO scratch (v) VALUES ('${i % 3 === 0 ? marker : 'x'.repeat(23)}${'.'.repeat(180)}')`);
      await until(async () => (await autocheckpoint(db)) === 0);
      expect(await autocheckpoint(db)).toBe(0);
      await until(() => holds(path));
      // The thread has copied the rows into the file: the marker is in both files now.
      expect(holds(path)).toBe(true);
      expect(holds(`${path}-wal`)).toBe(true);

      await db.$executeRawUnsafe(`DELETE FROM scratch WHERE v LIKE '${marker}%'`);
      // The erasure's own call, while the thread checkpoints every 5 ms; a busy answer is tried again
      // (the hourly retention job does the same in the app).
      let cleared = false;
      for (let attempt = 0; !cleared && attempt < 20; attempt++) cleared = await clearDeletedRemnants(db);
      expect(cleared).toBe(true);
      expect(holds(path)).toBe(false);
      expect(holds(`${path}-wal`)).toBe(false);
      const [left] = await db.$queryRawUnsafe<{ n: number | bigint }[]>('SELECT count(*) AS n FROM scratch');
      expect(Number(left!.n)).toBe(200);
    } finally {
      await thread.stop();
    }
  });

  it('starts no thread while the log is small, and SQLite keeps its own checkpoints', async () => {
    const { db, path } = await open();
    const thread = startCheckpointThread(db, path, createLogger('silent'), { watchMs: 20, startAtBytes: 64 * 1024 * 1024, everyMs: 20 });
    try {
      await writeRows(db, 100);
      await sleep(300);
      expect(rowsInFileAlone(path)).toBe(-1);
      expect(await autocheckpoint(db)).toBe(1_000);
    } finally {
      await thread.stop();
    }
  });

  it('warns and leaves checkpoints to SQLite when the thread cannot start', async () => {
    const { db } = await open();
    const { logger, lines } = memoryLogger('warn');
    // A file that is not there: the thread's connection refuses to open it.
    const missing = join(mkdtempSync(join(tmpdir(), 'peer-ckpt-')), 'missing.db');
    copies.push(join(missing, '..'));
    const thread = startCheckpointThread(db, missing, logger, { watchMs: 20, startAtBytes: 0, everyMs: 20 });
    try {
      await until(() => lines().length > 0);
      expect(lines()[0]).toMatchObject({ level: 40, code: 'checkpoint_thread_failed' });
      expect(await autocheckpoint(db)).toBe(1_000);
    } finally {
      await thread.stop();
    }
  });

  it('warns and gives checkpoints back to SQLite when the running thread is lost', async () => {
    const { db, path } = await open();
    const { logger, lines } = memoryLogger('warn');
    // Node announces every new thread on `process`: the only way to reach this one from outside.
    const threads: Worker[] = [];
    const seen = (worker: Worker) => threads.push(worker);
    process.on('worker', seen);
    const thread = startCheckpointThread(db, path, logger, { watchMs: 20, startAtBytes: 64 * 1024, everyMs: 20 });
    try {
      await writeRows(db, 300);
      await until(async () => (await autocheckpoint(db)) === 0);
      expect(await autocheckpoint(db)).toBe(0);
      expect(threads).toHaveLength(1);

      await threads[0]!.terminate();
      await until(async () => (await autocheckpoint(db)) === 1_000);
      expect(await autocheckpoint(db)).toBe(1_000);
      expect(lines()).toEqual([
        expect.objectContaining({ level: 40, code: 'checkpoint_thread_lost' }),
      ]);
      // SQLite checkpoints on the app's connection again: the rows written so far reach the file once
      // the log passes its 1,000 pages (4 MiB here: 20,000 rows of 200 bytes and more).
      const before = rowsInFileAlone(path);
      await db.$executeRawUnsafe(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 25000) INSERT INTO scratch (v) SELECT '${'y'.repeat(200)}' FROM n`);
      await writeRows(db, 1);
      expect(rowsInFileAlone(path)).toBeGreaterThan(before);
    } finally {
      process.off('worker', seen);
      await thread.stop();
    }
    // Stopping after the loss changes nothing and logs nothing more.
    expect(await autocheckpoint(db)).toBe(1_000);
    expect(lines()).toHaveLength(1);
  });
});
