import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { afterConnect } from './connect-hook.js';

// Prisma's better-sqlite3 adapter prepares every query's SQL again (`client.prepare(sql).bind(args)`):
// SQLite parses and plans the statement each time, the largest single cost of a query in our profiles
// (issue 17: about a tenth of the CPU of a message or /peer help under load). The app's queries are a
// small fixed set, so their statements are kept, per connection, and reused with fresh arguments.
//
// better-sqlite3 binds a statement's parameters once for good (`bind`), so a cached statement is handed
// out through a view whose `bind` only remembers the arguments and passes them to each run instead.
// The calls the adapter makes (reader, bind, run, columns, raw().all) are the view's whole surface.

/** Statements kept per connection; the app has well under this many distinct queries. */
const MAX_STATEMENTS = 500;

interface Statement {
  readonly reader: boolean;
  run(...args: unknown[]): unknown;
  all(...args: unknown[]): unknown[];
  columns(): unknown[];
  raw(toggle?: boolean): Statement;
}

interface SqliteClient {
  prepare(sql: string): Statement;
}

export function cacheStatements(connection: SqliteClient): void {
  const prepare = connection.prepare.bind(connection);
  const cache = new Map<string, Statement>();
  connection.prepare = (sql: string) => {
    let statement = cache.get(sql);
    if (statement) {
      cache.delete(sql);
    } else {
      statement = prepare(sql);
      if (cache.size >= MAX_STATEMENTS) cache.delete(cache.keys().next().value!);
    }
    cache.set(sql, statement);
    return reusable(statement);
  };
}

function reusable(statement: Statement): Statement {
  let args: unknown[] = [];
  const view: Statement & { bind(bound: unknown[]): Statement } = {
    get reader() {
      return statement.reader;
    },
    bind(bound: unknown[]) {
      args = bound;
      return view;
    },
    run: () => statement.run(args),
    all: () => statement.raw(false).all(args),
    columns: () => statement.columns(),
    raw: () => ({ ...view, all: () => statement.raw(true).all(args) }),
  };
  return view;
}

/** The factory, with each connection it makes (the app's client) reusing its prepared statements. */
export function withStatementCache(factory: SqlMigrationAwareDriverAdapterFactory): SqlMigrationAwareDriverAdapterFactory {
  return afterConnect(factory, (adapter) => {
    const client = (adapter as unknown as { client?: SqliteClient }).client;
    if (client && typeof client.prepare === 'function') cacheStatements(client);
  });
}
