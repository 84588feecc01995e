import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { parseIntoClientConfig } from 'pg-connection-string';
import type { DatabaseProvider } from '../../src/config.js';
import { openDatabase, type Database } from '../../src/db/client.js';
// The app's start-up runner (src/db/migrate-runner.ts), as the process itself migrates.
import { deployMigrations as applyMigrations } from '../../src/db/migrate-runner.js';

// Each test file gets a fresh database of each provider (STYLE.md, epic-stack): the migration history is
// applied once per run to a template (test/global-setup.ts), then copied (SQLite file copy, PostgreSQL
// CREATE DATABASE ... TEMPLATE), which is much faster than migrating per file.

/** Providers under test: all by default; TEST_DATABASES=sqlite narrows a local run. */
export const TEST_PROVIDERS: DatabaseProvider[] = (process.env.TEST_DATABASES ?? 'sqlite,postgresql')
  .split(',')
  .map((p) => p.trim())
  .filter((p): p is DatabaseProvider => p === 'sqlite' || p === 'postgresql');

/** A PostgreSQL server URL with a database we may connect to for CREATE/DROP DATABASE. */
export const POSTGRES_ADMIN_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export function postgresUrlFor(database: string): string {
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function postgresAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client(parseIntoClientConfig(POSTGRES_ADMIN_URL));
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export interface Templates {
  sqliteFile?: string;
  postgresDatabase?: string;
}

export async function createTemplates(providers: DatabaseProvider[]): Promise<Templates & { cleanup(): Promise<void> }> {
  const templates: Templates = {};
  const dir = mkdtempSync(join(tmpdir(), 'peer-test-'));
  if (providers.includes('sqlite')) {
    templates.sqliteFile = join(dir, 'template.db');
    await applyMigrations(`file:${templates.sqliteFile}`);
  }
  if (providers.includes('postgresql')) {
    const name = `peer_template_${process.pid}_${Date.now()}`;
    await postgresAdmin((c) => c.query(`CREATE DATABASE "${name}"`));
    await applyMigrations(postgresUrlFor(name));
    templates.postgresDatabase = name;
  }
  return {
    ...templates,
    async cleanup() {
      rmSync(dir, { recursive: true, force: true });
      if (templates.postgresDatabase) {
        await postgresAdmin((c) => c.query(`DROP DATABASE IF EXISTS "${templates.postgresDatabase}" WITH (FORCE)`));
      }
    },
  };
}

export interface TestDatabase {
  readonly provider: DatabaseProvider;
  readonly url: string;
  /** Drops the database (closing nothing: close your clients first). */
  drop(): Promise<void>;
}

/** A fresh, migrated, empty database copied from the run's template. */
export async function createTestDatabase(provider: DatabaseProvider, templates: Templates): Promise<TestDatabase> {
  if (provider === 'sqlite') {
    if (!templates.sqliteFile) throw new Error('no SQLite template: is sqlite in TEST_DATABASES?');
    const dir = mkdtempSync(join(tmpdir(), 'peer-db-'));
    const file = join(dir, 'test.db');
    copyFileSync(templates.sqliteFile, file);
    return { provider, url: `file:${file}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  if (!templates.postgresDatabase) throw new Error('no PostgreSQL template: is postgresql in TEST_DATABASES?');
  const name = `peer_test_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  await postgresAdmin((c) => c.query(`CREATE DATABASE "${name}" TEMPLATE "${templates.postgresDatabase}"`));
  return {
    provider,
    url: postgresUrlFor(name),
    drop: () => postgresAdmin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => {}),
  };
}

/** A fresh database with the app's client open on it. */
export async function openTestDatabase(
  provider: DatabaseProvider,
  templates: Templates,
): Promise<Database & { url: string; drop(): Promise<void> }> {
  const created = await createTestDatabase(provider, templates);
  const database = await openDatabase(created.url);
  return {
    ...database,
    url: created.url,
    async drop() {
      await database.close();
      await created.drop();
    },
  };
}

/** A brand-new database with no tables at all, for tests of start-up migrations. */
export async function createEmptyDatabase(provider: DatabaseProvider): Promise<TestDatabase> {
  if (provider === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'peer-db-'));
    return { provider, url: `file:${join(dir, 'empty.db')}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `peer_empty_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  await postgresAdmin((c) => c.query(`CREATE DATABASE "${name}"`));
  return {
    provider,
    url: postgresUrlFor(name),
    drop: () => postgresAdmin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => {}),
  };
}
