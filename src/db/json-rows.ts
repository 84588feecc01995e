/**
 * Many rows as one statement parameter, for set-based statements: a JSON object of objects, read in SQL
 * with `jsonb_each(...)` and `value ->> 'field'`, which SQLite (3.45 and later) and PostgreSQL write
 * alike; jsonb, so each row is parsed once, not once per field read. One parameter instead of one per
 * value: with Prisma each parameter costs a microsecond or two on its way to the driver, and a
 * 1,000-offer claim had over 20,000 of them; the statement's text also stays the same whatever the
 * number of rows, so it is prepared once and reused. Every value read this way is text (ids, names);
 * timestamps stay ordinary parameters.
 */
export function jsonRows(rows: readonly Record<string, string | null>[]): string {
  return JSON.stringify(Object.fromEntries(rows.map((row, i) => [i, row])));
}
