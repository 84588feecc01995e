import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { Prisma } from '../../src/db/client.js';
import { hasConnectionPool, leanExecute, leanRead, utcText, utcTimestamp } from '../../src/db/lean-read.js';
import { activePairingsOf } from '../../src/features/pairings/service.js';
import { loadResources } from '../../src/features/safety/service.js';
import { openTestDatabase, TEST_PROVIDERS } from '../support/databases.js';
import { makeInitiative, makeListener, makePairing, makeRequest } from '../support/factories.js';

// The lean reads on the hot path (src/db/lean-read.ts) go to the driver adapter, not through Prisma's
// client: they must read exactly what `$queryRaw` reads, on both databases, and fall back to it for
// anything they do not handle.

describe.each(TEST_PROVIDERS)('lean reads on %s', (provider) => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  beforeAll(async () => {
    database = await openTestDatabase(provider, inject('templates'));
  });
  afterAll(async () => {
    await database?.drop();
  });

  it('reads the same rows as $queryRaw: text with quotes and newlines, numbers, booleans and nulls', async () => {
    const initiative = await makeInitiative(database.db, { coordinatorId: 'U0LEANCO01' });
    await database.db.initiative.update({ where: { id: initiative.id }, data: { resources: 'Call "Samaritans"\n116 123 ☎', crisisWords: '' } });
    const listener = await makeListener(database.db, { initiativeId: initiative.id, topicIds: [initiative.topics[0]!.id], userId: 'U0LEANLI01' });
    const request = await makeRequest(database.db, { initiativeId: initiative.id, seekerId: 'U0LEANSE01', status: 'paired' });
    await makePairing(database.db, { request, listener, startedAt: new Date('2026-03-01T10:00:00Z') });

    const query = Prisma.sql`SELECT i."id", i."resources", i."crisisWords", i."approvalRequired", l."capacity", l."quietHoursStart"
      FROM "Initiative" i JOIN "ListenerProfile" l ON l."initiativeId" = i."id" WHERE i."workspaceId" = ${initiative.workspaceId} AND l."userId" = ${'U0LEANLI01'}`;
    const lean = await leanRead<Record<string, string | number | boolean | null>>(database.db, query);
    const prisma = await database.db.$queryRaw<Record<string, unknown>[]>(query);
    expect(lean).toHaveLength(1);
    const normalise = (row: Record<string, unknown>) =>
      Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v === 1 && k === 'approvalRequired' ? true : v === 0 && k === 'approvalRequired' ? false : v]));
    expect(normalise(lean[0]!)).toEqual(normalise(prisma[0]!));
    expect(lean[0]!.resources).toBe('Call "Samaritans"\n116 123 ☎');
    expect(lean[0]!.quietHoursStart).toBeNull();

    const [resources] = (await loadResources(database.db, initiative.workspaceId, 'U0LEANSE01')).resources;
    expect(resources).toEqual({ id: initiative.id, name: initiative.name, resources: 'Call "Samaritans"\n116 123 ☎', texts: '{}' });
    const [mine] = await activePairingsOf(database.db, initiative.workspaceId, 'U0LEANSE01');
    expect(mine).toMatchObject({ side: 'seeker', pairing: { initiativeId: initiative.id, listenerUserId: 'U0LEANLI01', status: 'active', seekerRevealed: false, listenerRevealed: false } });
    expect(await activePairingsOf(database.db, 'T0ELSEWHERE', 'U0LEANSE01')).toEqual([]);
  });

  it('reads timestamps as Dates, as $queryRaw does, and knows which database has a pool of connections', async () => {
    const initiative = await makeInitiative(database.db, { coordinatorId: 'U0LEANCO02' });
    const createdAt = new Date('2026-03-01T09:08:07.654Z');
    await makeRequest(database.db, { initiativeId: initiative.id, seekerId: 'U0LEANSE02', createdAt });
    const query = Prisma.sql`SELECT "createdAt", "closedAt", "sameTimezone" FROM "SupportRequest" WHERE "seekerId" = ${'U0LEANSE02'}`;
    const [lean] = await leanRead<{ createdAt: Date; closedAt: Date | null }>(database.db, query);
    const [prisma] = await database.db.$queryRaw<{ createdAt: Date; closedAt: Date | null }[]>(query);
    expect(lean!.createdAt).toBeInstanceOf(Date);
    expect(lean!.createdAt.toISOString()).toBe(createdAt.toISOString());
    expect(lean!.createdAt).toEqual(prisma!.createdAt);
    expect(lean!.closedAt).toBeNull();
    expect(hasConnectionPool(database.db)).toBe(provider === 'postgresql');
    expect(hasConnectionPool({})).toBe(false);
  });

  it('writes a timestamp as $executeRaw does, and counts the rows it changed', async () => {
    const at = new Date('2026-03-01T09:08:07.654Z');
    const insert = (id: string) => Prisma.sql`INSERT INTO "ProcessedEvent" ("eventId", "receivedAt") VALUES (${id}, ${at}) ON CONFLICT ("eventId") DO NOTHING`;
    expect(await leanExecute(database.db, insert('Ev0LEAN1'))).toBe(1);
    expect(await leanExecute(database.db, insert('Ev0LEAN1'))).toBe(0);
    expect(await database.db.$executeRaw(insert('Ev0LEAN2'))).toBe(1);
    // Stored alike, byte for byte, so comparisons with either kind of write agree.
    const stored = await database.db.$queryRaw<{ eventId: string; text: string }[]>`
      SELECT "eventId", CAST("receivedAt" AS TEXT) AS "text" FROM "ProcessedEvent" WHERE "eventId" IN ('Ev0LEAN1', 'Ev0LEAN2') ORDER BY "eventId"`;
    expect(stored).toHaveLength(2);
    expect(stored[0]!.text).toBe(stored[1]!.text);
    const row = await database.db.processedEvent.findUniqueOrThrow({ where: { eventId: 'Ev0LEAN1' } });
    expect(row.receivedAt).toEqual(at);
  });

  it.runIf(provider === 'postgresql')('prepares a statement it runs again once per connection, under one name', async () => {
    const query = (id: string) => Prisma.sql`SELECT "eventId" FROM "ProcessedEvent" WHERE "eventId" = ${id} AND 'prepared-once' <> ${id}`;
    await leanRead(database.db, query('Ev0PREP1'));
    await leanRead(database.db, query('Ev0PREP2'));
    // One after the other, the pool hands out the connection it got back last: the same one.
    const prepared = await leanRead<{ name: string }>(
      database.db,
      Prisma.sql`SELECT "name" FROM pg_prepared_statements WHERE "statement" LIKE ${'%prepared-once%'} AND "statement" NOT LIKE ${'%pg_prepared_statements%'}`,
    );
    expect(prepared).toHaveLength(1);
    expect(prepared[0]!.name).toMatch(/^lean_\d+$/);
  });

  it('keeps the values of a failed statement out of its error', async () => {
    const at = new Date('2026-03-01T09:08:07Z');
    const insert = Prisma.sql`INSERT INTO "ProcessedEvent" ("eventId", "receivedAt") VALUES (${'Ev0LEAKY'}, ${at})`;
    expect(await leanExecute(database.db, insert)).toBe(1);
    const error = (await leanExecute(database.db, insert).catch((e: unknown) => e)) as Error;
    expect(error).toBeInstanceOf(Error);
    if (provider === 'postgresql') {
      // The pool's own path: the SQLSTATE of a unique key, nothing of the row.
      expect(error.message).toBe('a database statement failed (23505)');
      expect(JSON.stringify({ ...error, message: error.message })).not.toContain('Ev0LEAKY');
    }
  });

  it('goes through $queryRaw for a client it does not know and for arguments that are not text', async () => {
    const seen: unknown[] = [];
    const stranger = {
      $queryRaw: async <R>(query: Prisma.Sql): Promise<R> => {
        seen.push(query.sql);
        return (await database.db.$queryRaw<R>(query)) as R;
      },
    };
    await leanRead(stranger, Prisma.sql`SELECT ${'a'} AS "x"`);
    expect(seen).toHaveLength(1);
    // A number argument: the lean path only binds text, so Prisma binds this one.
    const rows = await leanRead<{ n: number }>(database.db, Prisma.sql`SELECT COUNT(*) AS "n" FROM "Initiative" WHERE 1 = ${1}`);
    expect(Number(rows[0]!.n)).toBeGreaterThanOrEqual(1);
  });
});

describe('timestamps on the PostgreSQL pool, whatever the time zone', () => {
  it('reads a `timestamp` as UTC and writes a Date as the adapter does', () => {
    expect(utcTimestamp('2026-03-01 09:08:07.654').toISOString()).toBe('2026-03-01T09:08:07.654Z');
    expect(utcTimestamp('2026-03-01 09:08:07').toISOString()).toBe('2026-03-01T09:08:07.000Z');
    expect(utcText(new Date('2026-03-01T09:08:07.654Z'))).toBe('2026-03-01 09:08:07.654');
    expect(utcText(new Date('2026-03-01T09:08:07.000Z'))).toBe('2026-03-01 09:08:07.000');
    expect(utcText(new Date('2026-03-01T09:08:07.050Z'))).toBe('2026-03-01 09:08:07.050');
  });
});
