import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { DatabaseProvider } from '../../src/config.js';
import type { Db } from '../../src/db/client.js';

// Whole-database snapshots for tests that must show "nothing changed" (a refused action) and put the
// database back after an allowed one, on either provider. Tables, columns, keys and foreign keys are read
// from the one model (prisma/model.prisma), so a new model is covered without editing this file.

const MODEL_FILE = fileURLToPath(new URL('../../prisma/model.prisma', import.meta.url));
const SCALARS = new Set(['String', 'Int', 'Boolean', 'DateTime', 'Float', 'Decimal', 'BigInt', 'Json', 'Bytes']);

export interface ModelInfo {
  name: string;
  /** Scalar columns, in model order. */
  columns: string[];
  /** The primary key's columns. */
  key: string[];
  /** Models this one points at with a foreign key: they must exist before its rows do. */
  dependsOn: string[];
}

let cached: ModelInfo[] | undefined;

/** The models in prisma/model.prisma, parents before children. */
export function modelsInDependencyOrder(): ModelInfo[] {
  if (cached) return cached;
  const text = readFileSync(MODEL_FILE, 'utf8');
  const models = new Map<string, ModelInfo>();
  for (const match of text.matchAll(/^model\s+(\w+)\s*\{([\s\S]*?)^\}/gm)) {
    const name = match[1]!;
    const body = match[2]!;
    const columns: string[] = [];
    let key: string[] = [];
    for (const line of body.split('\n')) {
      const field = /^\s*(\w+)\s+(\w+)(\?|\[\])?(.*)$/.exec(line);
      if (field && SCALARS.has(field[2]!) && field[3] !== '[]') {
        columns.push(field[1]!);
        if (/@id\b/.test(field[4]!)) key = [field[1]!];
      }
      const compound = /^\s*@@id\(\[([^\]]+)\]\)/.exec(line);
      if (compound) key = compound[1]!.split(',').map((k) => k.trim());
    }
    const dependsOn = [...body.matchAll(/^\s*\w+\s+(\w+)\??\s+@relation\((?:"[^"]*",\s*)?fields:/gm)].map((m) => m[1]!).filter((m) => m !== name);
    if (key.length === 0) throw new Error(`model ${name} has no primary key the snapshot helper can read`);
    models.set(name, { name, columns, key, dependsOn });
  }
  const ordered: ModelInfo[] = [];
  const placed = new Set<string>();
  while (ordered.length < models.size) {
    const ready = [...models.values()].filter((m) => !placed.has(m.name) && m.dependsOn.every((d) => placed.has(d)));
    if (ready.length === 0) throw new Error('prisma/model.prisma has a foreign-key cycle; the snapshot helper cannot order it');
    for (const m of ready) {
      ordered.push(m);
      placed.add(m.name);
    }
  }
  cached = ordered;
  return ordered;
}

interface Delegate {
  findMany(args?: unknown): Promise<Record<string, unknown>[]>;
  deleteMany(args?: unknown): Promise<{ count: number }>;
  updateMany(args: { where: Record<string, unknown>; data: Record<string, unknown> }): Promise<{ count: number }>;
  createMany(args: { data: Record<string, unknown>[] }): Promise<unknown>;
}

function delegateOf(db: unknown, model: string): Delegate {
  const delegate = (db as Record<string, Delegate | undefined>)[model.charAt(0).toLowerCase() + model.slice(1)];
  if (!delegate) throw new Error(`the Prisma client has no model ${model}`);
  return delegate;
}

/** Every row of every table, as the client reads them. */
export type DatabaseRows = Record<string, Record<string, unknown>[]>;

export interface DatabaseSnapshot {
  rows: DatabaseRows;
  /** Per table: row count and a hash of its sorted rows. */
  tables: Record<string, { count: number; hash: string }>;
}

function rowKey(row: Record<string, unknown>): string {
  return JSON.stringify(row, Object.keys(row).sort());
}

function keyOf(model: ModelInfo, row: Record<string, unknown>): string {
  return JSON.stringify(model.key.map((k) => row[k]));
}

export async function snapshotDatabase(db: Db): Promise<DatabaseSnapshot> {
  const models = modelsInDependencyOrder();
  const read = await Promise.all(models.map(async (m) => [m.name, await delegateOf(db, m.name).findMany()] as const));
  const rows: DatabaseRows = {};
  const tables: DatabaseSnapshot['tables'] = {};
  for (const [name, list] of read) {
    rows[name] = list;
    const keys = list.map(rowKey).sort();
    tables[name] = { count: list.length, hash: createHash('sha256').update(keys.join('\n')).digest('hex').slice(0, 16) };
  }
  return { rows, tables };
}

/**
 * A cheap fingerprint of every table but `ignore`, in one query: equal fingerprints mean equal contents.
 * For telling quickly that nothing changed; take a snapshot to see what did.
 */
export async function fingerprintDatabase(db: Db, provider: DatabaseProvider, ignore: readonly string[] = []): Promise<string> {
  const models = modelsInDependencyOrder().filter((m) => !ignore.includes(m.name));
  const select = (m: ModelInfo) => {
    const table = `"${m.name}"`;
    if (provider === 'postgresql') {
      return `SELECT '${m.name}' AS m, (SELECT coalesce(string_agg(t::text, '|' ORDER BY t::text), '') FROM ${table} t) AS h`;
    }
    const columns = m.columns.map((c) => `'${c}', "${c}"`).join(', ');
    return `SELECT '${m.name}' AS m, (SELECT coalesce(group_concat(r, '|'), '') FROM (SELECT json_object(${columns}) AS r FROM ${table} ORDER BY r)) AS h`;
  };
  const rows = await db.$queryRawUnsafe<{ m: string; h: string }[]>(models.map(select).join(' UNION ALL '));
  const hash = createHash('sha256');
  for (const row of [...rows].sort((a, b) => a.m.localeCompare(b.m))) hash.update(`${row.m}:${row.h}\n`);
  return hash.digest('hex');
}

export interface TableChange {
  table: string;
  /** Rows only before, only after (changed rows appear in both). */
  removed: Record<string, unknown>[];
  added: Record<string, unknown>[];
}

/** Tables whose rows differ between two snapshots, with the rows that differ; `ignore` skips tables. */
export function diffSnapshots(before: DatabaseSnapshot, after: DatabaseSnapshot, ignore: readonly string[] = []): TableChange[] {
  const changes: TableChange[] = [];
  for (const table of Object.keys(after.tables)) {
    if (ignore.includes(table)) continue;
    if (before.tables[table]?.hash === after.tables[table]?.hash) continue;
    const beforeKeys = new Set((before.rows[table] ?? []).map(rowKey));
    const afterKeys = new Set((after.rows[table] ?? []).map(rowKey));
    changes.push({
      table,
      removed: (before.rows[table] ?? []).filter((r) => !afterKeys.has(rowKey(r))),
      added: (after.rows[table] ?? []).filter((r) => !beforeKeys.has(rowKey(r))),
    });
  }
  return changes;
}

/** Puts every table back to `snapshot`'s rows: children emptied first, parents filled first. */
export async function restoreDatabase(db: Db, snapshot: DatabaseSnapshot): Promise<void> {
  const models = modelsInDependencyOrder();
  await db.$transaction(async (tx) => {
    for (const m of [...models].reverse()) await delegateOf(tx, m.name).deleteMany();
    for (const m of models) {
      const data = snapshot.rows[m.name] ?? [];
      if (data.length > 0) await delegateOf(tx, m.name).createMany({ data });
    }
  });
}

/**
 * Undoes `changes` (from diffSnapshots(snapshot, now)) row by row, which is much quicker than
 * restoreDatabase when a few rows changed: rows that are new go (children first), rows that went or
 * changed come back as they were (parents first). Check the result (fingerprintDatabase) and fall back
 * to restoreDatabase if it differs.
 */
export async function undoChanges(db: Db, snapshot: DatabaseSnapshot, changes: readonly TableChange[]): Promise<void> {
  const models = modelsInDependencyOrder();
  const byTable = new Map(changes.map((c) => [c.table, c]));
  await db.$transaction(async (tx) => {
    for (const m of [...models].reverse()) {
      const change = byTable.get(m.name);
      if (!change) continue;
      const before = new Set((snapshot.rows[m.name] ?? []).map((r) => keyOf(m, r)));
      for (const row of change.added) {
        if (before.has(keyOf(m, row))) continue;
        await delegateOf(tx, m.name).deleteMany({ where: Object.fromEntries(m.key.map((k) => [k, row[k]])) });
      }
    }
    for (const m of models) {
      // Rows the app deleted or changed, and rows a cascade took when a new parent went just now (a row
      // re-pointed at a new parent is itself a changed row): each is put back as it was.
      for (const row of byTable.get(m.name)?.removed ?? []) {
        const where = Object.fromEntries(m.key.map((k) => [k, row[k]]));
        const { count } = await delegateOf(tx, m.name).updateMany({ where, data: row });
        if (count === 0) await delegateOf(tx, m.name).createMany({ data: [row] });
      }
    }
  });
}
