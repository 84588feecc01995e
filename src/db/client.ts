import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import { parseIntoClientConfig } from 'pg-connection-string';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { PrismaClient as SqlitePrismaClient } from '../generated/sqlite/client.js';
import { PrismaClient as PostgresPrismaClient } from '../generated/postgresql/client.js';
import type { DatabaseProvider } from '../config.js';

// Prisma.sql and Prisma.join build raw SQL the same way for both providers.
export { Prisma } from '../generated/sqlite/client.js';

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

/** The driver adapter for a database URL; shared by the client and the migration engine. */
export function createAdapterFactory(url: string): SqlMigrationAwareDriverAdapterFactory {
  if (providerOf(url) === 'sqlite') {
    const file = sqliteFilePath(url);
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    // Writers wait on the file lock instead of failing at once when two connections write.
    return new PrismaBetterSqlite3({ url: file, timeout: 10_000 });
  }
  // Split the URL into fields: pg lets a connectionString override `database`, which would point the
  // migration engine's shadow database back at the main one.
  return new PrismaPg({ ...parseIntoClientConfig(url), max: 10 });
}

export function sqliteFilePath(url: string): string {
  const rest = url.replace(/^file:/, '');
  return rest.startsWith('//') ? fileURLToPath(url) : rest;
}

export async function openDatabase(url: string): Promise<Database> {
  const provider = providerOf(url);
  const adapter = createAdapterFactory(url);
  const db = (
    provider === 'sqlite'
      ? new SqlitePrismaClient({ adapter })
      : (new PostgresPrismaClient({ adapter }) as unknown as Db)
  );
  await db.$connect();
  if (provider === 'sqlite') {
    // WAL lets readers carry on while a write is in progress; foreign keys are off by default in SQLite.
    await db.$queryRawUnsafe('PRAGMA journal_mode = WAL');
    await db.$executeRawUnsafe('PRAGMA foreign_keys = ON');
  }
  return {
    db,
    provider,
    close: () => db.$disconnect(),
  };
}

/**
 * True when the database answers a trivial query within `timeoutMs`; used by GET /readyz, which must
 * answer quickly even while a connection attempt hangs.
 */
export async function isDatabaseReachable(db: Db, timeoutMs = 2_000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    return await Promise.race([db.$queryRawUnsafe('SELECT 1').then(() => true), timedOut]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
