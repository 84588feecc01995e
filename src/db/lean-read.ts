import { ColumnTypeEnum, type ArgType, type SqlDriverAdapter, type SqlMigrationAwareDriverAdapterFactory, type SqlQuery } from '@prisma/driver-adapter-utils';
import type { Prisma } from '../generated/sqlite/client.js';
import { afterConnect } from './connect-hook.js';

// A lean read (or write) for the few statements on the path of (almost) every request (the resources
// `/peer help` shows, a message's routing and safety net, the event dedupe) and for matching's loads of
// thousands of rows (issue 17). Prisma's client spends several times the statement's own cost on each
// query (request pipeline, tracing hooks, result mapping): on PostgreSQL 0.27-0.30 ms of the app's CPU
// per statement against 0.11-0.19 ms here. These statements go to the driver adapter Prisma itself
// uses, the same connection and the same statement cache, and rows come back as plain objects.
//
// Only outside transactions, only text, number, boolean and timestamp columns (timestamps come back as
// Dates, as from `$queryRaw`), only text and timestamp arguments: anything else (and any client this
// module was not told about, such as a test's proxy) goes through `$queryRaw` or `$executeRaw`
// unchanged, so a lean statement never reads or writes differently from Prisma.

interface Connection {
  adapter: SqlDriverAdapter;
  /** PostgreSQL numbers its placeholders ($1); SQLite takes ?. */
  numbered: boolean;
}

const connections = new WeakMap<object, Connection>();

/** The factory, remembering the connection it makes so `leanRead` can use it once `attach`ed. */
export function rememberingConnection(factory: SqlMigrationAwareDriverAdapterFactory): {
  factory: SqlMigrationAwareDriverAdapterFactory;
  attach(db: object): void;
} {
  let connected: SqlDriverAdapter | undefined;
  const wrapped = afterConnect(factory, (adapter) => (connected = adapter));
  return {
    factory: wrapped,
    attach(db) {
      if (connected) connections.set(db, { adapter: connected, numbered: connected.provider === 'postgres' });
    },
  };
}

/**
 * True when `db` (a client opened by openDatabase) runs on PostgreSQL: a pool of connections, so its
 * transactions really run at the same time; SQLite's one connection takes them in turn. False for a
 * client this module was not told about.
 */
export function hasConnectionPool(db: object): boolean {
  return connections.get(db)?.numbered === true;
}

/** A column's value; integers may come back as bigints when the read falls back to `$queryRaw`. */
type Cell = string | number | bigint | boolean | Date | null;

/** The statement as the adapter takes it, or null when an argument is not text or a timestamp. */
function adapterQuery(connection: Connection, query: Prisma.Sql): SqlQuery | null {
  const argTypes: ArgType[] = [];
  for (const value of query.values) {
    // Timestamps go as Prisma sends them: the adapter writes them in the format its own columns use.
    if (typeof value === 'string') argTypes.push({ scalarType: 'string', arity: 'scalar' });
    else if (value instanceof Date) argTypes.push({ scalarType: 'datetime', arity: 'scalar' });
    else return null;
  }
  return { sql: connection.numbered ? query.text : query.sql, args: query.values, argTypes };
}

/** Rows of `query` as objects: through the adapter when it can, else through `$queryRaw`. */
export async function leanRead<T extends Record<string, Cell>>(
  db: { $queryRaw<R>(query: Prisma.Sql): Promise<R> },
  query: Prisma.Sql,
): Promise<T[]> {
  const connection = connections.get(db);
  const lean = connection && adapterQuery(connection, query);
  if (!connection || !lean) return db.$queryRaw<T[]>(query);
  const result = await connection.adapter.queryRaw(lean);
  const { columnNames, columnTypes, rows } = result;
  // The adapters give timestamps as text (PostgreSQL) or as stored (SQLite: text or epoch milliseconds).
  const isTime = columnTypes.map((type) => type === ColumnTypeEnum.DateTime);
  return rows.map((row) => {
    const object: Record<string, Cell> = {};
    for (let i = 0; i < columnNames.length; i++) {
      const value = row[i] as string | number | boolean | null;
      object[columnNames[i]!] = isTime[i] && value !== null ? new Date(value as string | number) : value;
    }
    return object as T;
  });
}

/** A lean write (the event dedupe on every event): rows changed, through the adapter when it can, else `$executeRaw`. */
export async function leanExecute(db: { $executeRaw(query: Prisma.Sql): Promise<number> }, query: Prisma.Sql): Promise<number> {
  const connection = connections.get(db);
  const lean = connection && adapterQuery(connection, query);
  if (!connection || !lean) return db.$executeRaw(query);
  return connection.adapter.executeRaw(lean);
}
