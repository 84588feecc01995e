import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Sqlite from 'better-sqlite3';
import pg from 'pg';
import { parseIntoClientConfig } from 'pg-connection-string';
import { afterEach, describe, expect, it } from 'vitest';
import type { DatabaseProvider } from '../../src/config.js';
import { openDatabase } from '../../src/db/client.js';
import { deployMigrations, MigrationRunError, PRISMA_ADVISORY_LOCK_KEY } from '../../src/db/migrate-runner.js';
import { applyMigrations, diagnoseHistory, migrationsDir } from '../../src/db/migrations.js';
import { sqliteFilePath } from '../../src/db/sqlite-path.js';
import { createEmptyDatabase, TEST_PROVIDERS, type TestDatabase } from '../support/databases.js';

// Issue 17: start-up applies migrations with our own runner instead of the schema engine. These tests
// hold it to what `prisma migrate deploy` does, using the engine itself as the judge: after our runner
// the engine has nothing to apply, finds no failed or edited migration and a history in step, and the
// schema is the one the engine builds (no drift); a failed migration stops later starts for both.

const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

function names(provider: DatabaseProvider, root = PROJECT_ROOT): string[] {
  return readdirSync(migrationsDir(provider, root), { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}

interface Row {
  migration_name: string;
  checksum: string;
  finished_at: unknown;
  rolled_back_at: unknown;
  started_at: unknown;
  applied_steps_count: unknown;
  logs: string | null;
}

async function recorded(url: string): Promise<Row[]> {
  const database = await openDatabase(url);
  try {
    return await database.db.$queryRawUnsafe<Row[]>(
      'SELECT migration_name, checksum, finished_at, rolled_back_at, started_at, applied_steps_count, logs FROM _prisma_migrations ORDER BY started_at, migration_name',
    );
  } finally {
    await database.close();
  }
}

/** Every table, column, index and constraint, as the database describes them (never _prisma_migrations). */
async function schemaOf(url: string, provider: DatabaseProvider): Promise<unknown> {
  const database = await openDatabase(url);
  try {
    if (provider === 'sqlite') {
      return await database.db.$queryRawUnsafe(
        "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' AND tbl_name <> '_prisma_migrations' ORDER BY type, name",
      );
    }
    const columns = await database.db.$queryRawUnsafe(
      "SELECT table_name, column_name, data_type, is_nullable, column_default FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations' ORDER BY table_name, column_name",
    );
    const indexes = await database.db.$queryRawUnsafe(
      "SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY indexname",
    );
    const constraints = await database.db.$queryRawUnsafe(
      "SELECT conrelid::regclass::text AS tbl, conname, pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text <> '\"_prisma_migrations\"' ORDER BY conname",
    );
    return { columns, indexes, constraints };
  } finally {
    await database.close();
  }
}

function copyOfPrisma(): string {
  const root = mkdtempSync(join(tmpdir(), 'peer-runner-'));
  cpSync(join(PROJECT_ROOT, 'prisma'), join(root, 'prisma'), { recursive: true });
  writeFileSync(join(root, 'package.json'), '{}');
  return root;
}

describe.each(TEST_PROVIDERS)('the start-up migration runner on %s', (provider) => {
  const made: TestDatabase[] = [];
  const roots: string[] = [];
  const fresh = async () => {
    const db = await createEmptyDatabase(provider);
    made.push(db);
    return db;
  };
  afterEach(async () => {
    for (const db of made.splice(0)) await db.drop();
    for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
  });

  it('applies every migration in name order, recorded as prisma migrate deploy records them, and nothing the second time', async () => {
    const db = await fresh();
    expect(await deployMigrations(db.url)).toEqual(names(provider));
    const rows = await recorded(db.url);
    expect(rows.map((r) => r.migration_name)).toEqual(names(provider));
    for (const row of rows) {
      const file = readFileSync(join(migrationsDir(provider), row.migration_name, 'migration.sql'));
      expect(row.checksum).toBe(createHash('sha256').update(file).digest('hex'));
      expect(row.finished_at).not.toBeNull();
      expect(row.started_at).not.toBeNull();
      expect(row.rolled_back_at).toBeNull();
      expect(row.logs).toBeNull();
      expect(Number(row.applied_steps_count)).toBe(1);
    }
    expect(await deployMigrations(db.url)).toEqual([]);
    expect(await recorded(db.url)).toHaveLength(rows.length);
  });

  // Issue 17, start-up: in the rollback journal a fresh file's migrations took 250-285 ms here, in the
  // write-ahead log (which the app sets on the file anyway) 35-65 ms.
  it.skipIf(provider !== 'sqlite')('migrates a SQLite file in the write-ahead log the app opens it with', async () => {
    const db = await fresh();
    await deployMigrations(db.url);
    const file = new Sqlite(sqliteFilePath(db.url), { readonly: true });
    try {
      expect(file.pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      file.close();
    }
  });

  it('leaves the schema engine nothing to apply, no failed or edited migration, a history in step and no drift', async () => {
    const ours = await fresh();
    const engines = await fresh();
    await deployMigrations(ours.url);
    await applyMigrations(engines.url);

    expect(await applyMigrations(ours.url)).toEqual([]);
    expect(await diagnoseHistory(ours.url)).toEqual({ failed: [], edited: [], history: null, hasMigrationsTable: true });
    expect(await schemaOf(ours.url, provider)).toEqual(await schemaOf(engines.url, provider));
  });

  it('takes over a database the engine migrated, and the engine one the runner migrated, applying only what is new', async () => {
    const root = copyOfPrisma();
    roots.push(root);
    const db = await fresh();
    await applyMigrations(db.url);
    const extra = '99990101000000_probe';
    mkdirSync(join(migrationsDir(provider, root), extra));
    writeFileSync(join(migrationsDir(provider, root), extra, 'migration.sql'), 'CREATE TABLE "RunnerProbe" ("id" TEXT NOT NULL PRIMARY KEY);\n');
    expect(await deployMigrations(db.url, root)).toEqual([extra]);
    expect(await applyMigrations(db.url, root)).toEqual([]);
  });

  it('records a failed migration and refuses to go on until it is resolved, as the engine does', async () => {
    const root = copyOfPrisma();
    roots.push(root);
    const db = await fresh();
    await deployMigrations(db.url);
    const broken = '99990101000000_broken';
    mkdirSync(join(migrationsDir(provider, root), broken));
    writeFileSync(
      join(migrationsDir(provider, root), broken, 'migration.sql'),
      'CREATE TABLE "HalfDone" ("id" TEXT NOT NULL PRIMARY KEY);\nINSERT INTO "NoSuchTable" ("id") VALUES (\'x\');\n',
    );

    await expect(deployMigrations(db.url, root)).rejects.toThrow(MigrationRunError);
    const failed = (await recorded(db.url)).find((r) => r.migration_name === broken)!;
    expect(failed.finished_at).toBeNull();
    expect(failed.logs).toMatch(/NoSuchTable/);
    if (provider === 'postgresql') {
      // One transaction per script: nothing of it stayed.
      const database = await openDatabase(db.url);
      const tables = await database.db.$queryRawUnsafe<{ n: bigint }[]>("SELECT count(*) AS n FROM information_schema.tables WHERE table_name = 'HalfDone'");
      await database.close();
      expect(Number(tables[0]!.n)).toBe(0);
    }
    // Every later start refuses, and the engine sees the same failed migration.
    await expect(deployMigrations(db.url, root)).rejects.toThrow(/failed earlier/);
    expect((await diagnoseHistory(db.url, root)).failed).toEqual([broken]);
  });
});

describe.skipIf(!TEST_PROVIDERS.includes('postgresql'))('the start-up migration runner with several replicas (PostgreSQL)', () => {
  const made: TestDatabase[] = [];
  afterEach(async () => {
    for (const db of made.splice(0)) await db.drop();
  });

  it('waits for Prisma Migrate\'s advisory lock, so a CLI deploy or another replica goes first', async () => {
    const db = await createEmptyDatabase('postgresql');
    made.push(db);
    const holder = new pg.Client(parseIntoClientConfig(db.url));
    await holder.connect();
    await holder.query(`SELECT pg_advisory_lock(${PRISMA_ADVISORY_LOCK_KEY})`);
    let done = false;
    const running = deployMigrations(db.url).then((applied) => {
      done = true;
      return applied;
    });
    await new Promise((r) => setTimeout(r, 500));
    expect(done).toBe(false);
    await holder.query(`SELECT pg_advisory_unlock(${PRISMA_ADVISORY_LOCK_KEY})`);
    await holder.end();
    expect(await running).toEqual(names('postgresql'));
  });

  it('three replicas starting at once apply each migration once', async () => {
    const db = await createEmptyDatabase('postgresql');
    made.push(db);
    const results = await Promise.all([deployMigrations(db.url), deployMigrations(db.url), deployMigrations(db.url)]);
    expect(results.flat().sort()).toEqual(names('postgresql'));
    expect(await recorded(db.url)).toHaveLength(names('postgresql').length);
  });
});
