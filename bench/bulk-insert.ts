import { Prisma, type Database } from '../src/db/client.js';
import { jsonRows } from '../src/db/json-rows.js';

// Seeding for the benchmarks, as one INSERT of many rows read from a single JSON parameter (the way the
// app writes offers and outbox rows, src/db/json-rows.ts). Prisma's createMany of the matching bench's
// 14,000 rows grew the bench process's heap by 100-300 MB, and V8's full collection of that garbage
// fell inside the sweep timed next: PostgreSQL's first sweep took 217-245 ms in CI, its load phase
// 112-125 ms instead of 50-65, with 41 ms of marking steps during it in a local trace (issue 17).

export type ColumnType = 'text' | 'int' | 'boolean' | 'timestamp';
export type Value = string | number | boolean | Date | null;

/** Each value as text in the JSON, as the provider's adapter would have written it. */
function asText(provider: Database['provider'], value: Value): string | null {
  if (value === null) return null;
  if (value instanceof Date) return provider === 'sqlite' ? value.toISOString().replace('Z', '+00:00') : value.toISOString();
  if (typeof value === 'boolean') return provider === 'sqlite' ? (value ? '1' : '0') : String(value);
  return String(value);
}

function read(provider: Database['provider'], column: string, type: ColumnType): Prisma.Sql {
  const text = Prisma.sql`x.value ->> ${column}`;
  switch (type) {
    case 'text':
      return text;
    case 'int':
      return Prisma.sql`CAST(${text} AS INTEGER)`;
    case 'boolean':
      return provider === 'sqlite' ? Prisma.sql`CAST(${text} AS INTEGER)` : Prisma.sql`CAST(${text} AS BOOLEAN)`;
    case 'timestamp':
      return provider === 'sqlite' ? text : Prisma.sql`CAST(${text} AS TIMESTAMP(3))`;
  }
}

/** Inserts `rows` into `table` (every row has every column of `columns`), in statements of `perStatement` rows. */
export async function insertRows(
  database: Database,
  table: string,
  columns: Record<string, ColumnType>,
  rows: readonly Record<string, Value>[],
  perStatement = 5_000,
): Promise<void> {
  const names = Object.keys(columns);
  const into = Prisma.raw(names.map((n) => `"${n}"`).join(', '));
  const reads = Prisma.join(names.map((n) => read(database.provider, n, columns[n]!)));
  for (let i = 0; i < rows.length; i += perStatement) {
    const json = jsonRows(rows.slice(i, i + perStatement).map((row) => Object.fromEntries(names.map((n) => [n, asText(database.provider, row[n] ?? null)]))));
    await database.db.$executeRaw`INSERT INTO ${Prisma.raw(`"${table}"`)} (${into}) SELECT ${reads} FROM jsonb_each(${json}) x`;
  }
}
