import { ColumnTypeEnum, type ArgType, type SqlDriverAdapter, type SqlMigrationAwareDriverAdapterFactory, type SqlQuery } from '@prisma/driver-adapter-utils';
import type { Prisma } from '../generated/sqlite/client.js';
import { createRequire } from 'node:module';
import { afterConnect } from './connect-hook.js';
import { pgStatements, type ArrayRows, type PgClasses, type PgStatement, type PgTypes } from './pg-statement.js';

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
//
// On PostgreSQL they go one step further down, to the adapter's pg pool (its public `underlyingDriver()`):
// the adapter's own `queryRaw` logs each statement through @prisma/debug (which, even switched off, reads
// DEBUG and builds regular expressions every time), converts every argument and names every column's
// type, about a tenth of the CPU a DM costs the app. The pool, the connections and the statement are the
// same; arguments and timestamps are converted here exactly as the adapter converts them. Each runs as
// a pg statement without pg's config copy and object-row template (src/db/pg-statement.ts): a DM's
// context read went from 125-152 to 91-101 µs of the app's CPU.

interface Connection {
  adapter: SqlDriverAdapter;
  /** PostgreSQL numbers its placeholders ($1); SQLite takes ?. */
  numbered: boolean;
  /** PostgreSQL: the adapter's pool, when it shows it, and how lean statements are made for it. */
  pg?: LeanPg;
}

/** What lean statements use of pg's Pool: it runs a statement pg submits itself (src/db/pg-statement.ts). */
interface PgPool {
  query(statement: PgStatement): Promise<ArrayRows>;
}

interface LeanPg {
  pool: PgPool;
  statement: (name: string | undefined, text: string, values: unknown[]) => PgStatement;
}

/** PostgreSQL's `timestamp` (without time zone), as Prisma's columns are: UTC, as the adapter reads it. */
const PG_TIMESTAMP = 1114;
const PG_TIMESTAMPTZ = 1184;
/** `date`, `json` and `jsonb`: text from the adapter (pg would make a local Date, or parse the JSON). */
const AS_TEXT = new Set([1082, 114, 3802]);

/** `2026-03-01 09:08:07.654` (a UTC `timestamp`) as a Date; whatever the process's time zone. */
export function utcTimestamp(text: string): Date {
  return new Date(`${text.replace(' ', 'T')}Z`);
}

/**
 * pg's parsers but where the adapter's differ: `timestamp` is UTC (pg would read it in the process's
 * time zone) and comes as a Date, as from leanRead's adapter path; `timestamptz` too. The rest (text,
 * numbers, booleans, `bigint` as text) is pg's default, which the adapter keeps as well.
 */
function leanTypes(base: PgTypes): PgTypes {
  return {
    // Asked for each column of each result: the parsers are made once, here, not per column.
    getTypeParser(oid, format) {
      if (oid === PG_TIMESTAMP) return utcTimestamp;
      if (oid === PG_TIMESTAMPTZ) return zonedTimestamp;
      if (AS_TEXT.has(oid)) return asText;
      return base.getTypeParser(oid, format);
    },
  };
}

const zonedTimestamp = (text: string): Date => new Date(text);
const asText = (text: string): string => text;

/** The pool under Prisma's PostgreSQL adapter (`PrismaPgAdapter.underlyingDriver()`), or undefined. */
function poolOf(adapter: SqlDriverAdapter): LeanPg | undefined {
  const driver = (adapter as { underlyingDriver?: () => unknown }).underlyingDriver?.();
  if (typeof driver !== 'object' || driver === null || typeof (driver as PgPool).query !== 'function') return undefined;
  // pg itself is loaded already (the adapter imports it); only the PostgreSQL path asks for it.
  const pg = createRequire(import.meta.url)('pg') as PgClasses & { types: PgTypes };
  return { pool: driver as PgPool, statement: pgStatements(pg, leanTypes(pg.types)) };
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
      if (!connected) return;
      const numbered = connected.provider === 'postgres';
      const pg = numbered ? poolOf(connected) : undefined;
      connections.set(db, { adapter: connected, numbered, ...(pg ? { pg } : {}) });
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
  if (connection.pg) return pgRead<T>(connection.pg, lean);
  const { columnNames, columnTypes, rows } = await connection.adapter.queryRaw(lean);
  // The adapters give timestamps as text (PostgreSQL) or as stored (SQLite: text or epoch milliseconds).
  return asObjects<T>(columnNames, rows, columnTypes.map((type) => type === ColumnTypeEnum.DateTime));
}

/** Rows (arrays in `names`' order) as objects, with the `isTime` columns made Dates. */
function asObjects<T>(names: readonly string[], rows: readonly unknown[][], isTime?: readonly boolean[]): T[] {
  return rows.map((row) => {
    const object: Record<string, unknown> = {};
    for (let i = 0; i < names.length; i++) {
      const value = row[i];
      object[names[i]!] = isTime?.[i] && value !== null ? new Date(value as string | number) : value;
    }
    return object as T;
  });
}

/** A lean write (the event dedupe on every event): rows changed, through the adapter when it can, else `$executeRaw`. */
export async function leanExecute(db: { $executeRaw(query: Prisma.Sql): Promise<number> }, query: Prisma.Sql): Promise<number> {
  const connection = connections.get(db);
  const lean = connection && adapterQuery(connection, query);
  if (!connection || !lean) return db.$executeRaw(query);
  if (connection.pg) return (await pgQuery(connection.pg, lean)).rowCount ?? 0;
  return connection.adapter.executeRaw(lean);
}

/**
 * Lean statements are few and run again and again (every DM's context, every event's claim): each is
 * prepared once per connection under a name, and later runs only bind and execute. That saves the app
 * about 50 µs of CPU per statement and PostgreSQL its parse and plan, halving the round trip (measured
 * with `pg` on this machine). A statement with many arguments (a list of ids) is run unnamed, and so is
 * any text beyond the first MAX_NAMED, so no connection holds more than MAX_NAMED statements.
 */
const MAX_NAMED = 100;
const MAX_NAMED_ARGUMENTS = 20;
const statementNames = new Map<string, string>();

function statementName(text: string, argumentCount: number): string | undefined {
  const known = statementNames.get(text);
  if (known !== undefined || argumentCount > MAX_NAMED_ARGUMENTS || statementNames.size >= MAX_NAMED) return known;
  // One name for one text, for the life of the process: pg remembers per connection which it prepared.
  const name = `lean_${statementNames.size + 1}`;
  statementNames.set(text, name);
  return name;
}

/** `lean` on the pool, its timestamp arguments written as the adapter writes them (UTC, no zone). */
async function pgQuery(pg: LeanPg, lean: SqlQuery): Promise<ArrayRows> {
  const values = lean.args.map((arg) => (arg instanceof Date ? utcText(arg) : arg));
  try {
    return await pg.pool.query(pg.statement(statementName(lean.sql, values.length), lean.sql, values));
  } catch (error) {
    // Only the code goes on (a SQLSTATE such as 23505, or ECONNREFUSED): pg's message and detail can
    // quote a row's values, which are not for logs.
    const code = (error as { code?: unknown } | null)?.code;
    throw new Error(`a database statement failed${typeof code === 'string' ? ` (${code})` : ''}`);
  }
}

/** Timestamps come as Dates already, from the pool's parsers (leanTypes). */
async function pgRead<T>(pg: LeanPg, lean: SqlQuery): Promise<T[]> {
  const { fields, rows } = await pgQuery(pg, lean);
  return asObjects<T>(fields.map((field) => field.name), rows);
}

/** A Date as the adapter binds it to a `timestamp` column: `2026-03-01 09:08:07.654`, in UTC (the same value the adapter binds, which drops `.000`). */
export function utcText(date: Date): string {
  const iso = date.toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 23)}`;
}
