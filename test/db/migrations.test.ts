import { createHash } from 'node:crypto';
import { appendFileSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseProvider } from '../../src/config.js';
import { openDatabase } from '../../src/db/client.js';
import {
  applyMigrations,
  createMigration,
  diffHistoryToSchema,
  migrationDirectoryName,
  migrationsDir,
  PROVIDERS,
  schemaPath,
} from '../../src/db/migrations.js';
import { providers as generatorProviders, renderSchema } from '../../scripts/prisma-generate.mjs';
import { createEmptyDatabase, postgresAdmin, TEST_PROVIDERS, type TestDatabase } from '../support/databases.js';

const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
// Later than any checked-in migration, so a new one sorts last in the history.
const LATER = new Date('2099-01-02T03:04:05Z');

const PROBE_MODEL = `
// Added by test/db/migrations.test.ts to a temporary copy of prisma/.
model MigrationProbe {
  id    String @id
  label String
}
`;

function migrationNames(provider: DatabaseProvider, root = PROJECT_ROOT): string[] {
  return readdirSync(migrationsDir(provider, root), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

function sha256Hex(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/** Shadow databases the engine (ours or adapter-pg's) would leave behind on the PostgreSQL server. */
async function shadowDatabases(): Promise<string[]> {
  const { rows } = await postgresAdmin((client) =>
    client.query<{ datname: string }>(
      `SELECT datname FROM pg_database
       WHERE datname LIKE 'peer\\_shadow\\_%' OR datname LIKE 'prisma\\_migrate\\_shadow\\_db\\_%'
       ORDER BY datname`,
    ),
  );
  return rows.map((row) => row.datname);
}

interface MigrationRow {
  migration_name: string;
  checksum: string;
  finished_at: unknown;
  rolled_back_at: unknown;
  applied_steps_count: unknown;
}

async function recordedMigrations(url: string): Promise<MigrationRow[]> {
  const database = await openDatabase(url);
  try {
    return await database.db.$queryRawUnsafe<MigrationRow[]>(
      'SELECT migration_name, checksum, finished_at, rolled_back_at, applied_steps_count ' +
        'FROM _prisma_migrations ORDER BY migration_name',
    );
  } finally {
    await database.close();
  }
}

describe.each(TEST_PROVIDERS)('migrations on %s', (provider) => {
  let scratch: TestDatabase | undefined;
  let tempRoot: string | undefined;
  let shadowsBefore: string[] = [];

  beforeEach(async () => {
    if (provider === 'postgresql') shadowsBefore = await shadowDatabases();
  });

  afterEach(async () => {
    await scratch?.drop();
    scratch = undefined;
    if (tempRoot) rmSync(tempRoot, { recursive: true, force: true });
    tempRoot = undefined;
    if (provider === 'postgresql') {
      // Compared with the list before the test, so a leftover from an interrupted earlier run does not
      // fail every later one; what this test itself created must all be gone.
      const leftover = (await shadowDatabases()).filter((name) => !shadowsBefore.includes(name));
      expect(leftover).toEqual([]);
    }
  });

  it('applying the migration history yields exactly the schema', async () => {
    scratch = await createEmptyDatabase(provider);
    expect(await diffHistoryToSchema(scratch.url)).toBe('');
  });

  it('records each applied migration in _prisma_migrations as prisma migrate deploy does', async () => {
    scratch = await createEmptyDatabase(provider);
    const names = migrationNames(provider);
    expect(names.length).toBeGreaterThan(0);

    expect(await applyMigrations(scratch.url)).toEqual(names);

    const rows = await recordedMigrations(scratch.url);
    expect(rows.map((row) => row.migration_name)).toEqual(names);
    for (const row of rows) {
      expect(row.checksum).toBe(sha256Hex(join(migrationsDir(provider), row.migration_name, 'migration.sql')));
      expect(row.finished_at).not.toBeNull();
      expect(row.rolled_back_at).toBeNull();
      expect(Number(row.applied_steps_count)).toBe(1);
    }
  });

  it('applies nothing the second time', async () => {
    scratch = await createEmptyDatabase(provider);
    await applyMigrations(scratch.url);
    expect(await applyMigrations(scratch.url)).toEqual([]);
    expect(await recordedMigrations(scratch.url)).toHaveLength(migrationNames(provider).length);
  });

  it('writes no migration when the schema has not changed', async () => {
    scratch = await createEmptyDatabase(provider);
    tempRoot = copyOfPrismaFolder();
    const before = migrationNames(provider, tempRoot);

    expect(await createMigration(provider, scratch.url, 'nothing new', LATER, tempRoot)).toEqual({ directory: null });

    expect(migrationNames(provider, tempRoot)).toEqual(before);
  });

  it('writes a migration that creates a newly added model, after which history and schema agree', async () => {
    scratch = await createEmptyDatabase(provider);
    tempRoot = copyOfPrismaFolder();
    appendFileSync(schemaPath(provider, tempRoot), PROBE_MODEL);

    const { directory } = await createMigration(provider, scratch.url, 'Add migration probe', LATER, tempRoot);

    expect(directory).toBe(join(migrationsDir(provider, tempRoot), '20990102030405_add_migration_probe'));
    const sql = readFileSync(join(directory!, 'migration.sql'), 'utf8');
    expect(sql).toContain('CREATE TABLE "MigrationProbe"');
    expect(sql).not.toContain('"Workspace"');
    expect(await diffHistoryToSchema(scratch.url, tempRoot)).toBe('');
    // The project's own history is untouched.
    expect(existsSync(join(migrationsDir(provider), '20990102030405_add_migration_probe'))).toBe(false);
  });
});

function copyOfPrismaFolder(): string {
  const root = mkdtempSync(join(tmpdir(), 'peer-prisma-'));
  cpSync(join(PROJECT_ROOT, 'prisma'), join(root, 'prisma'), { recursive: true });
  return root;
}

describe('the per-provider schemas', () => {
  it('cover the same providers as the migrations', () => {
    expect([...generatorProviders].sort()).toEqual([...PROVIDERS].sort());
  });

  it.each(PROVIDERS)('prisma/%s/schema.prisma is what npm run db:generate writes from prisma/model.prisma', (provider) => {
    const model = readFileSync(join(PROJECT_ROOT, 'prisma', 'model.prisma'), 'utf8');
    expect(readFileSync(schemaPath(provider), 'utf8')).toBe(renderSchema(provider, model));
  });
});

describe('migrationDirectoryName', () => {
  it('prefixes a UTC timestamp to a lower-case, underscored name', () => {
    expect(migrationDirectoryName('Add listener profiles!', new Date('2026-01-02T03:04:05Z'))).toBe(
      '20260102030405_add_listener_profiles',
    );
  });

  it.each(['', '   ', '!!!', '—'])('refuses a name with no letters or digits: %j', (name) => {
    expect(() => migrationDirectoryName(name, new Date('2026-01-02T03:04:05Z'))).toThrow(/letters or digits/);
  });
});
