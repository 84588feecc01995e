import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { insertRows } from '../../bench/bulk-insert.js';
import { openTestDatabase, TEST_PROVIDERS } from '../support/databases.js';
import { makeInitiative } from '../support/factories.js';

// The benchmarks' bulk seeding (bench/bulk-insert.ts) writes rows through one JSON parameter, with each
// value as text cast in SQL: what Prisma reads back must be what was written, on both databases, or the
// matching bench would time a sweep over different data than it means to (dates, booleans, numbers, nulls).

describe.each(TEST_PROVIDERS)('bulk insert for the benchmarks on %s', (provider) => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  beforeAll(async () => {
    database = await openTestDatabase(provider, inject('templates'));
  });
  afterAll(async () => {
    await database?.drop();
  });

  it('writes rows that Prisma reads back as written: text, integers, booleans, timestamps and nulls', async () => {
    const initiative = await makeInitiative(database.db);
    const at = new Date('2026-03-02T09:59:58.123Z');
    const rows = [
      { id: randomUUID(), initiativeId: initiative.id, seekerId: 'U0BULK0001', seekerPseudonym: 'Otter', topicId: initiative.topics[0]!.id, language: 'fr', sameTimezone: true, seekerTimezone: 'Europe/Paris', status: 'waiting', createdAt: at },
      { id: randomUUID(), initiativeId: initiative.id, seekerId: 'U0BULK0002', seekerPseudonym: "O'Heron \"quoted\"", topicId: null, language: null, sameTimezone: false, seekerTimezone: null, status: 'waiting', createdAt: new Date(at.getTime() + 1000) },
    ];
    await insertRows(
      database,
      'SupportRequest',
      { id: 'text', initiativeId: 'text', seekerId: 'text', seekerPseudonym: 'text', topicId: 'text', language: 'text', sameTimezone: 'boolean', seekerTimezone: 'text', status: 'text', createdAt: 'timestamp' },
      rows,
      1,
    );
    const read = await database.db.supportRequest.findMany({
      where: { initiativeId: initiative.id },
      orderBy: { createdAt: 'asc' },
      select: { id: true, initiativeId: true, seekerId: true, seekerPseudonym: true, topicId: true, language: true, sameTimezone: true, seekerTimezone: true, status: true, createdAt: true },
    });
    expect(read).toEqual(rows);

    const profile = { id: randomUUID(), initiativeId: initiative.id, userId: 'U0BULKL001', status: 'active', capacity: 3, languages: 'en,de', lastOfferAt: at, createdAt: at, updatedAt: at };
    await insertRows(database, 'ListenerProfile', { id: 'text', initiativeId: 'text', userId: 'text', status: 'text', capacity: 'int', languages: 'text', lastOfferAt: 'timestamp', createdAt: 'timestamp', updatedAt: 'timestamp' }, [profile]);
    const stored = await database.db.listenerProfile.findUniqueOrThrow({ where: { id: profile.id } });
    expect(stored).toMatchObject(profile);
    // Columns not written keep their defaults.
    expect(stored).toMatchObject({ reservedSlots: 0, workDays: '1,2,3,4,5', facilitator: false, quietHoursStart: null });
    // Timestamps compare in SQL as Prisma's own do (the sweep orders and filters by them).
    expect(await database.db.supportRequest.count({ where: { initiativeId: initiative.id, createdAt: { lt: new Date(at.getTime() + 500) } } })).toBe(1);
  });
});
