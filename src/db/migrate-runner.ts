import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { DatabaseProvider } from '../config.js';

// Applies the committed migrations at start-up, as `prisma migrate deploy` does, without the schema
// engine (issue 17): loading the WebAssembly engine cost most of the start-up time and a large share of
// the idle memory, for work that is a few statements when nothing is pending. The engine stays for
// creating and diffing migrations (src/db/migrations.ts); test/db/migrate-runner.test.ts proves that
// after this runner the engine finds nothing to apply, no edited or failed migration, and no drift.
//
// What it does, in Prisma's own terms:
// - a lock: on PostgreSQL the session advisory lock Prisma Migrate takes (key 72707369), so a replica
//   starting at the same moment, or a `prisma migrate deploy` from the CLI, waits for this one; SQLite
//   belongs to one process (DESIGN.md), and the file's write lock covers each step;
// - `_prisma_migrations`, created if missing with the engine's own definition;
// - refusal to go on while a migration is recorded as failed (finished, not rolled back: Prisma's P3009);
// - every migration directory not yet applied, in name order, recorded with the SHA-256 of its
//   `migration.sql` as checksum, its start and finish times and one applied step. On PostgreSQL each
//   script runs in one transaction with its record, so a failure leaves nothing half-applied; the failure
//   is then recorded (with the error in `logs`) so that later starts refuse until someone resolves it,
//   as after a failed `prisma migrate deploy`. SQLite scripts run as Prisma runs them, not wrapped in a
//   transaction: a table redefinition turns foreign keys off with a PRAGMA, which a transaction ignores.

/** Prisma Migrate's advisory lock key (schema-engine's postgres connector). */
export const PRISMA_ADVISORY_LOCK_KEY = 72707369;

export class MigrationRunError extends Error {
  readonly code = 'migration_failed';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'MigrationRunError';
  }
}

export interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

/** The committed migrations of one provider, in the order they apply. */
export function readMigrations(migrationsDir: string): MigrationFile[] {
  if (!existsSync(migrationsDir)) return [];
  return readdirSync(migrationsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const file = join(migrationsDir, name, 'migration.sql');
      if (!existsSync(file)) throw new MigrationRunError(`${file} is missing`);
      const bytes = readFileSync(file);
      return { name, sql: bytes.toString('utf8'), checksum: createHash('sha256').update(bytes).digest('hex') };
    });
}

interface Recorded {
  migration_name: string;
  finished_at: unknown;
  rolled_back_at: unknown;
}

/** What is left to apply, or the failed migration that stops everything. */
export function pending(migrations: readonly MigrationFile[], recorded: readonly Recorded[]): MigrationFile[] {
  const failed = recorded.find((r) => r.finished_at == null && r.rolled_back_at == null);
  if (failed) {
    throw new MigrationRunError(
      `migration ${failed.migration_name} failed earlier and is not resolved: fix the database, then mark it ` +
        `with \`prisma migrate resolve --rolled-back ${failed.migration_name}\` (or --applied) and start again`,
    );
  }
  const applied = new Set(recorded.filter((r) => r.finished_at != null && r.rolled_back_at == null).map((r) => r.migration_name));
  return migrations.filter((m) => !applied.has(m.name));
}

// The engine's own definitions of the table (schema-engine: sql-migration-connector).
const POSTGRES_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

const SQLITE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;

/** Applies what is pending on `url`; returns the names applied. Safe at every start, on any number of replicas. */
export async function runMigrations(url: string, provider: DatabaseProvider, migrationsDir: string): Promise<string[]> {
  const migrations = readMigrations(migrationsDir);
  return provider === 'sqlite' ? runSqlite(url, migrations) : runPostgres(url, migrations);
}

async function runPostgres(url: string, migrations: MigrationFile[]): Promise<string[]> {
  const [{ default: pg }, { parseIntoClientConfig }] = await Promise.all([import('pg'), import('pg-connection-string')]);
  const client = new pg.Client(parseIntoClientConfig(url));
  await client.connect();
  try {
    // Session-level, like the engine's: released by the unlock below, or by the server if we die.
    await client.query(`SELECT pg_advisory_lock(${PRISMA_ADVISORY_LOCK_KEY})`);
    try {
      await client.query(POSTGRES_TABLE);
      const { rows } = await client.query<Recorded>('SELECT "migration_name", "finished_at", "rolled_back_at" FROM "_prisma_migrations"');
      const applied: string[] = [];
      for (const migration of pending(migrations, rows)) {
        const id = randomUUID();
        try {
          await client.query('BEGIN');
          await client.query('INSERT INTO "_prisma_migrations" ("id", "checksum", "migration_name", "started_at", "applied_steps_count") VALUES ($1, $2, $3, now(), 0)', [id, migration.checksum, migration.name]);
          // No parameters: the simple query protocol runs the whole script, every statement in it.
          await client.query(migration.sql);
          await client.query('UPDATE "_prisma_migrations" SET "finished_at" = now(), "applied_steps_count" = 1 WHERE "id" = $1', [id]);
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK').catch(() => {});
          await client
            .query('INSERT INTO "_prisma_migrations" ("id", "checksum", "migration_name", "logs", "started_at", "applied_steps_count") VALUES ($1, $2, $3, $4, now(), 0)', [id, migration.checksum, migration.name, describe(error)])
            .catch(() => {});
          throw new MigrationRunError(`migration ${migration.name} failed and was rolled back: ${describe(error)}`, { cause: error });
        }
        applied.push(migration.name);
      }
      return applied;
    } finally {
      await client.query(`SELECT pg_advisory_unlock(${PRISMA_ADVISORY_LOCK_KEY})`).catch(() => {});
    }
  } finally {
    await client.end();
  }
}

async function runSqlite(url: string, migrations: MigrationFile[]): Promise<string[]> {
  const [{ default: Sqlite }, { sqliteFilePath }] = await Promise.all([import('better-sqlite3'), import('./sqlite-path.js')]);
  const file = sqliteFilePath(url);
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Sqlite(file, { timeout: 10_000 });
  try {
    // The write-ahead log the app opens the file with anyway (src/db/client.ts), set before the
    // migrations rather than after: in the rollback journal every statement of a migration script
    // committed with two or three fsyncs, 270 ms of a fresh start here (issue 17, start-up). Without an
    // fsync per commit on this connection (NORMAL), a crash or power cut keeps the file whole and loses
    // at most the last commits, in order: as if the runner had stopped earlier, which a migration left
    // unfinished already covers (the next start refuses to go on).
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.exec(SQLITE_TABLE);
    const recorded = db.prepare('SELECT "migration_name", "finished_at", "rolled_back_at" FROM "_prisma_migrations"').all() as Recorded[];
    const applied: string[] = [];
    const insert = db.prepare('INSERT INTO "_prisma_migrations" ("id", "checksum", "migration_name", "started_at", "applied_steps_count") VALUES (?, ?, ?, ?, 0)');
    const finish = db.prepare('UPDATE "_prisma_migrations" SET "finished_at" = ?, "applied_steps_count" = 1 WHERE "id" = ?');
    const fail = db.prepare('UPDATE "_prisma_migrations" SET "logs" = ? WHERE "id" = ?');
    for (const migration of pending(migrations, recorded)) {
      const id = randomUUID();
      insert.run(id, migration.checksum, migration.name, sqliteTime(new Date()));
      try {
        db.exec(migration.sql);
      } catch (error) {
        fail.run(describe(error), id);
        throw new MigrationRunError(`migration ${migration.name} failed: ${describe(error)}`, { cause: error });
      }
      finish.run(sqliteTime(new Date()), id);
      applied.push(migration.name);
    }
    return applied;
  } finally {
    db.close();
  }
}

/** The engine's text form of a time in SQLite: RFC 3339 with milliseconds and an explicit offset. */
export function sqliteTime(at: Date): string {
  return at.toISOString().replace('Z', '+00:00');
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** `runMigrations` for a database URL and the project's committed migrations of its provider. */
export async function deployMigrations(url: string, root?: string): Promise<string[]> {
  const { migrationsDir } = await import('./paths.js');
  const provider: DatabaseProvider = url.startsWith('file:') ? 'sqlite' : 'postgresql';
  return runMigrations(url, provider, migrationsDir(provider, root));
}
