import { writeFileSync } from 'node:fs';
import nock from 'nock';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { DatabaseProvider } from '../../src/config.js';
import { diffSnapshots, fingerprintDatabase, restoreDatabase, snapshotDatabase, undoChanges, type DatabaseSnapshot, type TableChange } from '../support/database-snapshot.js';
import { openTestDatabase } from '../support/databases.js';
import { createInProcessApp, type InProcessApp } from '../support/in-process-app.js';
import { MATRIX, userOf, type Cell, type Text } from './matrix.js';
import { addresseeOf, recordSlack, type SlackCall, type SlackRecorder } from './slack-recorder.js';
import { ADMINS, buildWorld, NOW, TEAM, USERS, type World } from './world.js';

// Runs every cell of the matrix against the real app in process (Bolt's router, the real services, a
// real database of `provider`), then puts the database back if the cell changed it, so each cell starts
// from the same world.

/** Written by the app for every event id; not a state change anyone asked for. */
const IGNORED_TABLES = ['ProcessedEvent'];

export interface CellResult {
  surface: string;
  role: string;
  variant: string;
  expected: string;
  passed: boolean;
  failure?: string;
  /** What the person acting was shown, in short. */
  shown: string;
  /** The handler failed and the person got the generic apology (answer-failures.ts). */
  crashed: boolean;
  changed: string[];
  messaged: string[];
}

function textLeaves(value: unknown, into: string[] = []): string[] {
  if (typeof value === 'string') into.push(value);
  else if (Array.isArray(value)) value.forEach((v) => textLeaves(v, into));
  else if (typeof value === 'object' && value !== null) Object.values(value).forEach((v) => textLeaves(v, into));
  return into;
}

/** The visible words of what the person was shown, for the report: message and modal texts. */
function shownWords(response: unknown, calls: readonly SlackCall[]): string {
  const texts: string[] = [];
  const collect = (value: unknown) => {
    const walk = (v: unknown, key = '') => {
      if (typeof v === 'string' && (key === 'text' || key === 'initial_comment')) texts.push(v);
      else if (Array.isArray(v)) v.forEach((x) => walk(x));
      else if (typeof v === 'object' && v !== null) for (const [k, x] of Object.entries(v)) walk(x, k);
    };
    walk(value);
  };
  if (response !== undefined) collect(response);
  for (const call of calls) if (call.method !== 'views.publish') collect(call.args);
  return [...new Set(texts)].join(' | ').replace(/\s+/g, ' ').slice(0, 300);
}

export function describeMatrix(provider: DatabaseProvider): void {
  describe(`authorization matrix on ${provider}`, () => {
    let database: Awaited<ReturnType<typeof openTestDatabase>>;
    let peer: InProcessApp;
    let slack: SlackRecorder;
    let world: World;
    let baseline: DatabaseSnapshot;
    let baselineFingerprint: string;
    /** What the last cell changed, still to undo before the next one. */
    let pending: TableChange[] | 'unknown' = [];
    const results: CellResult[] = [];

    beforeAll(async () => {
      nock.disableNetConnect();
      slack = recordSlack({ teamId: TEAM, admins: ADMINS, owners: [] });
      database = await openTestDatabase(provider, inject('templates'));
      world = await buildWorld(database.db);
      baseline = await snapshotDatabase(database.db);
      baselineFingerprint = await fingerprintDatabase(database.db, provider, IGNORED_TABLES);
      peer = createInProcessApp(database, NOW);
    });

    afterAll(async () => {
      slack?.done();
      nock.enableNetConnect();
      await database?.drop();
      const out = process.env.AUTHZ_MATRIX_REPORT;
      if (out) writeFileSync(out.replace('{provider}', provider), JSON.stringify(results, null, 1));
    });

    /** Back to the world as built: undo the last cell's changes row by row, or rebuild every table. */
    async function putBack(): Promise<void> {
      if (pending !== 'unknown' && pending.length === 0) return;
      if (pending !== 'unknown') await undoChanges(database.db, baseline, pending);
      if (pending === 'unknown' || (await fingerprintDatabase(database.db, provider, IGNORED_TABLES)) !== baselineFingerprint) {
        await restoreDatabase(database.db, baseline);
      }
      pending = [];
    }

    it('puts the world back exactly as it was after a cell changed it', async () => {
      await database.db.pairing.updateMany({ data: { status: 'ended' } });
      await database.db.listenerProfile.delete({ where: { id: world.listenerProfileId } });
      await database.db.initiativeTopic.create({ data: { initiativeId: world.initiative.id, label: 'New', position: 9 } });
      expect(await fingerprintDatabase(database.db, provider, IGNORED_TABLES)).not.toBe(baselineFingerprint);
      await undoChanges(database.db, baseline, diffSnapshots(baseline, await snapshotDatabase(database.db)));
      expect(diffSnapshots(baseline, await snapshotDatabase(database.db))).toEqual([]);
      expect(await fingerprintDatabase(database.db, provider, IGNORED_TABLES)).toBe(baselineFingerprint);
      await database.db.initiative.update({ where: { id: world.initiative.id }, data: { name: 'Changed' } });
      await restoreDatabase(database.db, baseline);
      expect(diffSnapshots(baseline, await snapshotDatabase(database.db))).toEqual([]);
    });

    const label = (cell: Cell) => `${cell.surface} × ${cell.role}${cell.variant ? ` (${cell.variant})` : ''}: ${cell.expect.kind}`;
    MATRIX.forEach((cell, index) => {
      it(label(cell), async () => {
        await putBack();
        slack.reset();
        const actor = USERS[cell.role];
        const logStart = peer.logs().length;
        pending = 'unknown';
        const { response } = await peer.deliver(cell.payload({ world, actor, role: cell.role, delivery: { actor, key: `cell${index}` } }));
        if (cell.settle) {
          const until = Date.now() + 15_000;
          while (!slack.calls.some((c) => c.method === cell.settle) && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
        }
        const calls = [...slack.calls];
        // Most cells change nothing: one query says so; a snapshot says what changed when something did.
        const unchanged = (await fingerprintDatabase(database.db, provider, IGNORED_TABLES)) === baselineFingerprint;
        const changes = unchanged ? [] : diffSnapshots(baseline, await snapshotDatabase(database.db), IGNORED_TABLES);
        // A fingerprint that differs with no row to show for it would hide changes from later cells: rebuild.
        pending = unchanged || changes.length > 0 ? changes : 'unknown';

        const messaged = [...new Set(calls.map((c) => addresseeOf(c, actor)).filter((u): u is string => u !== null))];
        const toOthers = messaged.filter((u) => u !== actor);
        const actorCalls = calls.filter((c) => addresseeOf(c, actor) === actor || c.method === 'file_upload');
        const shownJson = [JSON.stringify(response ?? null), ...actorCalls.map((c) => JSON.stringify(c.args)), ...textLeaves(actorCalls.map((c) => c.args))].join('\n');
        const crashed = peer.logs().slice(logStart).includes('a handler failed');
        const result: CellResult = {
          surface: cell.surface,
          role: cell.role,
          variant: cell.variant,
          expected: cell.expect.kind,
          passed: false,
          shown: shownWords(response, actorCalls),
          crashed,
          changed: changes.map((c) => c.table),
          messaged: toOthers,
        };
        results.push(result);

        const text = (t: Text) => (typeof t === 'function' ? t(world) : t);
        const describeChanges = (list: TableChange[]) =>
          list.map((c) => `${c.table}: -${c.removed.length} +${c.added.length} ${JSON.stringify(c.added.slice(0, 2)).slice(0, 400)}`).join('; ');
        try {
          const expectation = cell.expect;
          // A refusal is decided, not an accident: the generic apology for a failed handler is neither.
          expect(crashed, `the handler failed (answer-failures apologised): ${peer.logs().slice(logStart).slice(0, 300)}`).toBe(false);
          for (const s of expectation.sees ?? []) expect(shownJson, `${actor} should be shown "${text(s)}"`).toContain(text(s));
          for (const h of expectation.hides ?? []) expect(shownJson, `${actor} must not be shown "${text(h)}"`).not.toContain(text(h));
          if (expectation.kind === 'refused') {
            const untolerated = changes.filter((c) => !(expectation.tolerates ?? []).includes(c.table));
            expect(untolerated.map((c) => c.table), `a refusal changed the database: ${describeChanges(untolerated)}`).toEqual([]);
            expect(toOthers, 'a refusal sent something to someone other than the person acting').toEqual([]);
          } else {
            const changed = changes.map((c) => c.table);
            for (const table of expectation.changes ?? []) expect(changed, `${table} should have changed (changed: ${describeChanges(changes) || 'nothing'})`).toContain(table);
            for (const { table, column } of expectation.owns ?? []) {
              const owners = changes.filter((c) => c.table === table).flatMap((c) => c.added.map((row) => row[column]));
              expect(owners.filter((o) => o !== actor), `${table} rows written for someone other than ${actor}`).toEqual([]);
            }
            for (const person of expectation.reaches ?? []) expect(messaged, `${person} should have been messaged`).toContain(userOf(person));
            if (expectation.onlyTo) {
              const allowedTo = expectation.onlyTo.map(userOf);
              expect(toOthers.filter((u) => !allowedTo.includes(u)), 'sent to someone it should not have been').toEqual([]);
            }
          }
          result.passed = true;
        } catch (error) {
          result.failure = error instanceof Error ? error.message.split('\n')[0] : String(error);
          throw error;
        }
      });
    });
  });
}
