import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { pgStatements, type ArrayRows, type PgClasses, type PgTypes } from '../../src/db/pg-statement.js';
import { createTestDatabase, TEST_PROVIDERS } from '../support/databases.js';

// The lean path's statements on pg (src/db/pg-statement.ts): pg's protocol and prepared statements,
// rows as arrays through the parsers it is given, and none of pg's own per-result row template.

describe.skipIf(!TEST_PROVIDERS.includes('postgresql'))('lean statements on pg', () => {
  let pool: pg.Pool;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const created = await createTestDatabase('postgresql', inject('templates'));
    drop = created.drop;
    pool = new pg.Pool({ connectionString: created.url, max: 1 });
  });
  afterAll(async () => {
    await pool?.end();
    await drop?.();
  });

  /** pg's parsers, but `int4` doubled, so a test sees that these parsers were the ones used. */
  const types: PgTypes = {
    getTypeParser: (oid, format) => (oid === 23 ? (text: string) => Number(text) * 2 : pg.types.getTypeParser(oid, format as 'text')),
  };
  const statement = pgStatements(pg as unknown as PgClasses, types);
  const run = (name: string | undefined, text: string, values: unknown[]) => pool.query(statement(name, text, values) as never) as unknown as Promise<ArrayRows>;

  it('reads rows as arrays through the parsers it was given, named or not, without pg building a row template', async () => {
    // pg's Result (not in @types/pg's declarations): its addFields is what builds the template.
    const { Result } = pg as unknown as { Result: { prototype: { addFields(fields: unknown[]): void } } };
    const template = vi.spyOn(Result.prototype, 'addFields');
    try {
      for (const name of ['lean_test_1', 'lean_test_1', undefined]) {
        const result = await run(name, 'SELECT $1::int4 AS "doubled", $2::text AS "said", NULL::text AS "nothing"', [21, 'hello "there"']);
        expect(result.fields.map((f) => f.name)).toEqual(['doubled', 'said', 'nothing']);
        expect(result.rows).toEqual([[42, 'hello "there"', null]]);
        expect(result.rowCount).toBe(1);
      }
      // pg's own addFields (the template) never ran: each result picked its parsers only.
      expect(template).not.toHaveBeenCalled();
    } finally {
      template.mockRestore();
    }
    const prepared = await pool.query<{ name: string }>(`SELECT "name" FROM pg_prepared_statements WHERE "name" = 'lean_test_1'`);
    expect(prepared.rows).toHaveLength(1);
  });

  it('counts the rows a write changed and passes a failed statement’s error on', async () => {
    await pool.query('CREATE TABLE lean_t (id text PRIMARY KEY)');
    const inserted = await run('lean_test_2', 'INSERT INTO lean_t (id) VALUES ($1), ($2)', ['a', 'b']);
    expect(inserted.rowCount).toBe(2);
    const error = (await run(undefined, 'INSERT INTO lean_t (id) VALUES ($1)', ['a']).catch((e: unknown) => e)) as { code?: string };
    expect(error.code).toBe('23505');
    // The pool runs the next statement (pg-pool drops a connection whose statement failed).
    expect((await run('lean_test_3', 'SELECT count(*)::int4 AS n FROM lean_t', [])).rows).toEqual([[4]]); // 2, doubled by the int4 parser
  });
});
