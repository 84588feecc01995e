import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import type { PrismaClient as SqlitePrismaClient } from '../generated/sqlite/client.js';
import type { DatabaseProvider } from '../config.js';
import { sqliteFilePath } from './sqlite-path.js';
import { withStatementCache } from './statement-cache.js';
import { rememberingConnection } from './lean-read.js';
import { within } from '../domain/within.js';

// Prisma.sql and Prisma.join build raw SQL the same way for both providers (src/db/raw-sql.ts).
export * as Prisma from './raw-sql.js';

/**
 * The Prisma client the application uses. Both providers' clients are generated from the same model
 * (prisma/model.prisma) and application code uses only what both support, so their model APIs are the
 * same; the SQLite client's type stands for both.
 */
export type Db = InstanceType<typeof SqlitePrismaClient>;
/** The client handed to `$transaction(async (tx) => ...)`. */
export type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];

export interface Database {
  readonly db: Db;
  readonly provider: DatabaseProvider;
  close(): Promise<void>;
}

export function providerOf(url: string): DatabaseProvider {
  return url.startsWith('file:') ? 'sqlite' : 'postgresql';
}

/**
 * The driver adapter for a database URL; shared by the client and the migration engine. Each provider's
 * driver is loaded only when it is used: pg alone was a tenth of a SQLite process's start-up (issue 17).
 */
export async function createAdapterFactory(url: string): Promise<SqlMigrationAwareDriverAdapterFactory> {
  if (providerOf(url) === 'sqlite') {
    const file = sqliteFilePath(url);
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    const { PrismaBetterSqlite3 } = await import('@prisma/adapter-better-sqlite3');
    // Writers wait on the file lock instead of failing at once when two connections write.
    return new PrismaBetterSqlite3({ url: file, timeout: 10_000 });
  }
  const [{ PrismaPg }, { parseIntoClientConfig }] = await Promise.all([import('@prisma/adapter-pg'), import('pg-connection-string')]);
  // Split the URL into fields: pg lets a connectionString override `database`, which would point the
  // migration engine's shadow database back at the main one. `min`: the connections warmed at start-up
  // (WARM_CONNECTIONS) are kept open when idle, instead of closing after 10 s and opening again, at the
  // cost of a connection handshake, for the next request or sweep that needs them.
  return new PrismaPg({ ...parseIntoClientConfig(url), max: 10, min: WARM_CONNECTIONS });
}

export { sqliteFilePath };

/**
 * PostgreSQL connections opened at start-up and kept: as many as the hot paths read with at once (a
 * matching sweep sends its four reads together). Without them the first sweep after start-up, or after
 * a quiet spell, spent 20-70 ms opening connections (issue 17: 127-181 ms cold against 105 warm).
 */
const WARM_CONNECTIONS = 4;

/** Clients opened on SQLite, so file-level work (clearDeletedRemnants) can tell providers apart from a `Db`. */
const sqliteClients = new WeakSet<Db>();

export async function openDatabase(url: string): Promise<Database> {
  const provider = providerOf(url);
  const factory = await createAdapterFactory(url);
  // SQLite: prepared statements reused (src/db/statement-cache.ts); PostgreSQL plans on the server.
  // The connection is remembered for the lean reads on the hot path (src/db/lean-read.ts).
  const connection = rememberingConnection(provider === 'sqlite' ? withStatementCache(factory) : factory);
  const adapter = connection.factory;
  const db = (
    provider === 'sqlite'
      ? new (await import('../generated/sqlite/client.js')).PrismaClient({ adapter })
      : (new (await import('../generated/postgresql/client.js')).PrismaClient({ adapter }) as unknown as Db)
  );
  await db.$connect();
  connection.attach(db);
  if (provider === 'sqlite') {
    // WAL lets readers carry on while a write is in progress; foreign keys are off by default in SQLite.
    await db.$queryRawUnsafe('PRAGMA journal_mode = WAL');
    await db.$executeRawUnsafe('PRAGMA foreign_keys = ON');
    // Erased means unreadable, not only gone from every table (invariant 3): SQLite otherwise leaves a
    // deleted row's bytes in the page's free space and on free pages. The setting is per connection and
    // this client is the only one that deletes rows; the migration engine's own connection never holds
    // a person's data (migrations run before any is written), so it needs nothing.
    await db.$queryRawUnsafe('PRAGMA secure_delete = ON');
    sqliteClients.add(db);
  } else {
    // Opened together, one each, so they are ready (and kept, by `min`) before the first request.
    await Promise.all(Array.from({ length: WARM_CONNECTIONS }, () => db.$queryRawUnsafe('SELECT 1')));
  }
  return {
    db,
    provider,
    close: () => db.$disconnect(),
  };
}

/**
 * Clears the remnants of deleted rows from the database files, after an erasure and after retention.
 *
 * SQLite: `secure_delete` zeroes a row where it is deleted, but in WAL mode that only writes a new,
 * zeroed image of the page to the WAL; the frames written before (when the row was inserted or
 * updated) keep the old page images, readable in the -wal file until the WAL is reset and overwritten.
 * Measured in test/e2e/my-data.test.ts after delete-my-data: without secure_delete the -wal file held
 * the person's id 45 times, and the main file 16 to 22 times in free space once checkpointed; with it,
 * the main file was clean after a checkpoint but the -wal file still held the id 29 times. A TRUNCATE
 * checkpoint copies the newest (zeroed) pages into the main file and cuts the WAL to zero bytes; both
 * are needed (with the checkpoint alone the main file held the id 22 times). It waits (the busy timeout,
 * blocking: better-sqlite3 is synchronous) for other connections' reads to finish; when it cannot
 * finish it returns false, and the hourly retention job tries again. The -shm file holds only the WAL's
 * index (page numbers), never row content.
 *
 * PostgreSQL: the equivalent is VACUUM, and it is weaker: a deleted row stays in its page until VACUUM
 * (autovacuum, within minutes on a busy table) marks the space reusable and later writes overwrite it;
 * VACUUM does not promise to overwrite the bytes, and the server's WAL, archives, replicas and backups
 * keep old row images until they are recycled. VACUUM FULL rewrites a table but locks it and leaves the old file's
 * blocks to the filesystem. So nothing is done here: the rows are gone for every query at once, and the
 * server's files are protected by its operator (disk encryption, WAL and backup retention; see README).
 */
export async function clearDeletedRemnants(db: Db): Promise<boolean> {
  if (!sqliteClients.has(db)) return true;
  try {
    const rows = await db.$queryRawUnsafe<{ busy: number | bigint }[]>('PRAGMA wal_checkpoint(TRUNCATE)');
    return rows.every((row) => Number(row.busy) === 0);
  } catch {
    // SQLITE_LOCKED: the one connection is inside another flow's transaction at this moment. Nothing is
    // lost; the next call (the hourly retention job) clears it.
    return false;
  }
}

/**
 * True when the database answers a trivial query within `timeoutMs`; used by GET /readyz, which must
 * answer quickly even while a connection attempt hangs.
 */
export async function isDatabaseReachable(db: Db, timeoutMs = 2_000): Promise<boolean> {
  try {
    return await within(db.$queryRawUnsafe('SELECT 1').then(() => true), timeoutMs, false);
  } catch {
    return false;
  }
}
