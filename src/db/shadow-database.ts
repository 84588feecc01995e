import { randomUUID } from 'node:crypto';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import type {
  SqlDriverAdapter,
  SqlMigrationAwareDriverAdapterFactory,
  SqlQuery,
} from '@prisma/driver-adapter-utils';
import pg from 'pg';
import { parseIntoClientConfig } from 'pg-connection-string';
import type { DatabaseProvider } from '../config.js';

// The schema engine replays the migration history on a "shadow" database to learn what it produces.
// Two details of the 7.10 adapters break that replay, so we hand the engine shadow databases of our own:
// - SQLite: the engine sends each migration script through `executeRaw`, which better-sqlite3 refuses
//   for more than one statement; scripts without parameters are sent to `executeScript` instead.
// - PostgreSQL: adapter-pg drops its temporary database before closing the pool that still uses it, so
//   the drop fails and the database is left behind; here the pool is closed first. And adapter-pg has no
//   column type for PostgreSQL's internal one-byte "char" (OID 18), which the engine's catalog queries
//   return; the engine's connections report it as text, which is how pg already parses its value.

function runScriptsWhole(adapter: SqlDriverAdapter): SqlDriverAdapter {
  return new Proxy(adapter, {
    get(target, property, receiver) {
      if (property === 'executeRaw') {
        return async (query: SqlQuery) => {
          if (query.args.length === 0 && hasSeveralStatements(query.sql)) {
            await target.executeScript(query.sql);
            return 0;
          }
          return target.executeRaw(query);
        };
      }
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

function hasSeveralStatements(sql: string): boolean {
  return sql.split(';').filter((part) => part.replace(/--.*$/gm, '').trim() !== '').length > 1;
}

const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;

type QueryResultLike = { fields?: { dataTypeID: number }[] };
type Callback = (error: Error | null, result?: QueryResultLike) => void;

class CharAsTextClient extends pg.Client {
  override query(...args: unknown[]): never {
    const callback = typeof args.at(-1) === 'function' ? (args.pop() as Callback) : undefined;
    const run = super.query as unknown as (...a: unknown[]) => Promise<QueryResultLike>;
    const result = run.apply(this, args).then((value) => {
      for (const field of value.fields ?? []) {
        if (field.dataTypeID === PG_CHAR_OID) field.dataTypeID = PG_TEXT_OID;
      }
      return value;
    });
    if (!callback) return result as never;
    result.then(
      (value) => callback(null, value),
      (error: Error) => callback(error),
    );
    return undefined as never;
  }
}

function createEnginePool(url: string, database?: string): pg.Pool {
  const config = parseIntoClientConfig(url);
  return new pg.Pool({ ...config, ...(database ? { database } : {}), max: 2, Client: CharAsTextClient });
}

/** A PostgreSQL adapter factory for the schema engine (not for the app's client). */
export function createPostgresEngineAdapterFactory(url: string): PrismaPg {
  return new PrismaPg({ ...parseIntoClientConfig(url), max: 2, Client: CharAsTextClient });
}

async function connectPostgresShadow(url: string): Promise<SqlDriverAdapter> {
  const config = parseIntoClientConfig(url);
  const name = `peer_shadow_${randomUUID().replace(/-/g, '')}`;
  const admin = new pg.Client(config);
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const pool = createEnginePool(url, name);
  // The DROP below (WITH FORCE) ends any connection still closing; pg-pool reports that on the pool,
  // and an 'error' event nobody listens to is an uncaught exception (it failed a CI run once).
  pool.on('error', () => {});
  const adapter = await new PrismaPg(pool).connect();
  // The engine disposes its shadow database and disposeAll() does too: once, whoever asks first.
  let disposed: Promise<void> | undefined;
  const dispose = async () => {
    await adapter.dispose();
    await pool.end();
    const cleanup = new pg.Client(config);
    await cleanup.connect();
    try {
      await cleanup.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    } finally {
      await cleanup.end();
    }
  };
  return new Proxy(adapter, {
    get(target, property, receiver) {
      if (property === 'dispose') return () => (disposed ??= dispose());
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/**
 * Wraps an adapter factory so that the engine's shadow databases work on both providers, and remembers
 * every connection the engine opens: `engine.free()` does not close them, and an open SQLite connection
 * keeps the file locked against the app's own client.
 */
export function engineAdapterFactory(
  provider: DatabaseProvider,
  url: string,
  factory: SqlMigrationAwareDriverAdapterFactory,
): { factory: SqlMigrationAwareDriverAdapterFactory; disposeAll(): Promise<void> } {
  const opened: SqlDriverAdapter[] = [];
  const remember = (adapter: SqlDriverAdapter) => {
    opened.push(adapter);
    return adapter;
  };
  const wrapped = new Proxy(factory, {
    get(target, property, receiver) {
      if (property === 'connect') {
        return async () => remember(await target.connect());
      }
      if (property === 'connectToShadowDb') {
        return async () =>
          remember(
            provider === 'sqlite'
              ? runScriptsWhole(await new PrismaBetterSqlite3({ url: ':memory:' }).connect())
              : await connectPostgresShadow(url),
          );
      }
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return {
    factory: wrapped,
    async disposeAll() {
      const adapters = opened.splice(0);
      // The engine disposes shadow databases itself; disposing twice is harmless for both adapters.
      await Promise.allSettled(adapters.map((adapter) => adapter.dispose()));
    },
  };
}
