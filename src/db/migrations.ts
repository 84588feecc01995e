import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import type {
  MigrationList,
  SchemaEngine,
  SchemaFilter,
} from '@prisma/schema-engine-wasm';
import { createAdapterFactory, providerOf } from './client.js';
import { createPostgresEngineAdapterFactory, engineAdapterFactory } from './shadow-database.js';
import type { DatabaseProvider } from '../config.js';
import { migrationsDir, PROJECT_ROOT, schemaPath } from './paths.js';

// Migrations run on Prisma's official WebAssembly schema engine (the one the CLI bundles), because the
// native engine the CLI wants cannot be downloaded on our machines. `applyMigrations` records
// `_prisma_migrations` exactly as `prisma migrate deploy` does, so the CLI can take over where it exists.

const NO_FILTER: SchemaFilter = { externalTables: [], externalEnums: [] };

export const PROVIDERS: readonly DatabaseProvider[] = ['sqlite', 'postgresql'];

export { migrationsDir, schemaPath };

export class MigrationError extends Error {
  readonly code = 'migration_failed';
  constructor(message: string, readonly original?: unknown) {
    super(message);
    this.name = 'MigrationError';
  }
}

type SchemaEngineModule = typeof import('@prisma/schema-engine-wasm');
let engineModule: Promise<SchemaEngineModule> | undefined;

/**
 * The package's entry imports a `.wasm` file, which Node 20 only allows behind
 * --experimental-wasm-modules; instantiating the module from its bytes works on every Node version.
 */
function loadEngineModule(): Promise<SchemaEngineModule> {
  engineModule ??= (async () => {
    const require = createRequire(import.meta.url);
    const bindingsPath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
    const bindings = (await import(pathToFileURL(bindingsPath).href)) as SchemaEngineModule & {
      __wbg_set_wasm(exports: WebAssembly.Exports): void;
    };
    const bytes = readFileSync(join(dirname(bindingsPath), 'schema_engine_bg.wasm'));
    const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), {
      './schema_engine_bg.js': bindings as unknown as WebAssembly.ModuleImports,
    });
    bindings.__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start?: () => void }).__wbindgen_start?.();
    return bindings;
  })();
  return engineModule;
}

/** Runs `work` with a schema engine connected to `url`, and frees it (and its file lock) afterwards. */
export async function withSchemaEngine<T>(
  url: string,
  work: (engine: SchemaEngine, schema: { path: string; content: string }) => Promise<T>,
  root = PROJECT_ROOT,
): Promise<T> {
  const { SchemaEngine } = await loadEngineModule();
  const path = schemaPath(providerOf(url), root);
  const content = readFileSync(path, 'utf8');
  const provider = providerOf(url);
  const adapters = engineAdapterFactory(
    provider,
    url,
    provider === 'sqlite' ? await createAdapterFactory(url) : createPostgresEngineAdapterFactory(url),
  );
  const adapter = bindMigrationAwareSqlAdapterFactory(adapters.factory);
  let engine: SchemaEngine;
  try {
    engine = await SchemaEngine.new({ datamodels: [[path, content]] }, () => {}, adapter);
  } catch (error) {
    await adapters.disposeAll();
    throw new MigrationError(`Could not connect the schema engine: ${describe(error)}`, error);
  }
  try {
    return await work(engine, { path, content });
  } catch (error) {
    throw error instanceof MigrationError ? error : new MigrationError(describe(error), error);
  } finally {
    // SQLite: the app's own client cannot open the file while the engine holds it.
    engine.free();
    await adapters.disposeAll();
  }
}

/** The migration history on disk in the shape the engine expects. */
export function readMigrationList(provider: DatabaseProvider, root = PROJECT_ROOT): MigrationList {
  const baseDir = migrationsDir(provider, root);
  const lockPath = join(baseDir, 'migration_lock.toml');
  const directories = existsSync(baseDir)
    ? readdirSync(baseDir, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name)
        .sort()
    : [];
  return {
    baseDir,
    lockfile: {
      path: 'migration_lock.toml',
      content: existsSync(lockPath) ? readFileSync(lockPath, 'utf8') : null,
    },
    shadowDbInitScript: '',
    migrationDirectories: directories.map((name) => {
      const file = join(baseDir, name, 'migration.sql');
      return {
        path: name,
        migrationFile: {
          path: 'migration.sql',
          content: existsSync(file)
            ? { tag: 'ok' as const, value: readFileSync(file, 'utf8') }
            : { tag: 'error' as const, value: `${file} is missing` },
        },
      };
    }),
  };
}

/** Applies pending migrations; returns the names applied. Safe to run at every start-up. */
export async function applyMigrations(url: string, root = PROJECT_ROOT): Promise<string[]> {
  const migrationsList = readMigrationList(providerOf(url), root);
  return withSchemaEngine(
    url,
    async (engine) => {
      const result = await engine.applyMigrations({ migrationsList, filters: NO_FILTER });
      return result.appliedMigrationNames;
    },
    root,
  );
}

/**
 * SQL that would take a database built from the migration history to the schema; empty when they agree.
 * The engine replays the history on a shadow database (in memory for SQLite, a temporary database for
 * PostgreSQL) reached through the adapter for `url`.
 */
export async function diffHistoryToSchema(url: string, root = PROJECT_ROOT): Promise<string> {
  const provider = providerOf(url);
  const migrations = readMigrationList(provider, root);
  return withSchemaEngine(
    url,
    async (engine, schema) => {
      const from =
        migrations.migrationDirectories.length === 0
          ? ({ tag: 'empty' } as const)
          : ({ tag: 'migrations', ...migrations } as const);
      const result = await engine.diff({
        from,
        to: { tag: 'schemaDatamodel', files: [schema] },
        script: true,
        exitCode: false,
        filters: NO_FILTER,
      });
      return stripEmptyDiff(result.stdout ?? '');
    },
    root,
  );
}

/** The engine prints a comment for an empty diff; treat it as no SQL. */
function stripEmptyDiff(sql: string): string {
  return sql.includes('This is an empty migration') ? '' : sql.trim();
}

export function migrationDirectoryName(name: string, now: Date): string {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (!slug) throw new MigrationError('A migration needs a name made of letters or digits.');
  const stamp = now.toISOString().replace(/[-:T]/g, '').slice(0, 14);
  return `${stamp}_${slug}`;
}

/**
 * Writes a new migration for one provider from the difference between its history and its schema.
 * `url` is a scratch database of that provider the engine may use for its shadow database.
 */
export async function createMigration(
  provider: DatabaseProvider,
  url: string,
  name: string,
  now: Date,
  root = PROJECT_ROOT,
): Promise<{ directory: string } | { directory: null }> {
  if (providerOf(url) !== provider) throw new MigrationError(`${url} is not a ${provider} URL`);
  const sql = await diffHistoryToSchema(url, root);
  if (!sql) return { directory: null };
  const baseDir = migrationsDir(provider, root);
  const directoryName = migrationDirectoryName(name, now);
  const last = readMigrationList(provider, root).migrationDirectories.at(-1)?.path;
  if (last && directoryName <= last) {
    // Its SQL assumes the whole history ran first, so it must sort after the newest migration.
    throw new MigrationError(`${directoryName} would sort before ${last}; is the clock right?`);
  }
  const directory = join(baseDir, directoryName);
  mkdirSync(directory, { recursive: true });
  writeFileSync(join(directory, 'migration.sql'), `${sql}\n`);
  const lockPath = join(baseDir, 'migration_lock.toml');
  if (!existsSync(lockPath)) {
    writeFileSync(
      lockPath,
      '# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\n' +
        `provider = "${provider}"\n`,
    );
  }
  return { directory };
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'object' && error !== null && 'message' in error) return String(error.message);
  return String(error);
}

/**
 * What the engine thinks of a database's migration history (as `prisma migrate status`): migrations
 * recorded as failed, applied ones whose file changed since, and whether the history is behind or
 * diverges (null when in step). Used by tests to check our start-up runner (src/db/migrate-runner.ts).
 */
export async function diagnoseHistory(url: string, root = PROJECT_ROOT): Promise<{ failed: string[]; edited: string[]; history: unknown; hasMigrationsTable: boolean }> {
  const migrationsList = readMigrationList(providerOf(url), root);
  return withSchemaEngine(
    url,
    async (engine) => {
      const result = await engine.diagnoseMigrationHistory({ migrationsList, optInToShadowDatabase: false, filters: NO_FILTER });
      return { failed: result.failedMigrationNames, edited: result.editedMigrationNames, history: result.history, hasMigrationsTable: result.hasMigrationsTable };
    },
    root,
  );
}
