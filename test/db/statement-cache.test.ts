import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { cacheStatements } from '../../src/db/statement-cache.js';
import { openDatabase } from '../../src/db/client.js';
import { createTestDatabase } from '../support/databases.js';
import { inject } from 'vitest';
import { TEST_PROVIDERS } from '../support/databases.js';

// Issue 17: the SQLite connection reuses prepared statements; each use still gets its own arguments.

describe('reused SQLite statements', () => {
  it('prepares each SQL text once and binds every use afresh, as the adapter calls it', () => {
    const db = new Database(':memory:');
    db.defaultSafeIntegers(true);
    db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)');
    let prepared = 0;
    const original = db.prepare.bind(db);
    (db as unknown as { prepare: (sql: string) => unknown }).prepare = (sql: string) => {
      prepared += 1;
      return original(sql);
    };
    cacheStatements(db as never);
    const client = db as unknown as { prepare(sql: string): { bind(a: unknown[]): { reader: boolean; run(): { changes: number }; columns(): { name: string }[]; raw(): { all(): unknown[][] } } } };

    for (const [id, name] of [[1, 'a'], [2, 'b'], [3, 'c']] as const) {
      expect(client.prepare('INSERT INTO t (id, name) VALUES (?, ?)').bind([id, name]).run().changes).toBe(1);
    }
    const select = (id: number) => {
      const stmt = client.prepare('SELECT id, name FROM t WHERE id >= ? ORDER BY id').bind([id]);
      expect(stmt.reader).toBe(true);
      return { columns: stmt.columns().map((c) => c.name), rows: stmt.raw().all() };
    };
    expect(select(2)).toEqual({ columns: ['id', 'name'], rows: [[2n, 'b'], [3n, 'c']] });
    expect(select(3)).toEqual({ columns: ['id', 'name'], rows: [[3n, 'c']] });
    expect(select(1).rows).toHaveLength(3);
    // One INSERT and one SELECT, whatever the number of uses.
    expect(prepared).toBe(2);
    db.close();
  });
});

describe.skipIf(!TEST_PROVIDERS.includes('sqlite'))('the app client on SQLite with reused statements', () => {
  it('answers the same query with different arguments correctly, inside and outside transactions', async () => {
    const created = await createTestDatabase('sqlite', inject('templates'));
    const database = await openDatabase(created.url);
    try {
      const { db } = database;
      for (const id of ['T1', 'T2', 'T3']) await db.workspace.create({ data: { id } });
      expect((await db.workspace.findUnique({ where: { id: 'T2' } }))?.id).toBe('T2');
      expect(await db.workspace.findUnique({ where: { id: 'T9' } })).toBeNull();
      await db.$transaction(async (tx) => {
        await tx.workspace.update({ where: { id: 'T1' }, data: { enterpriseId: 'E1' } });
        expect((await tx.workspace.findUnique({ where: { id: 'T1' } }))?.enterpriseId).toBe('E1');
      });
      await expect(
        db.$transaction(async (tx) => {
          await tx.workspace.update({ where: { id: 'T3' }, data: { enterpriseId: 'E3' } });
          throw new Error('roll back');
        }),
      ).rejects.toThrow('roll back');
      expect((await db.workspace.findUnique({ where: { id: 'T3' } }))?.enterpriseId).toBeNull();
      expect(await db.workspace.count()).toBe(3);
    } finally {
      await database.close();
      await created.drop();
    }
  });
});
