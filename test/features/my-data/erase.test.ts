import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { fixedClock } from '../../../src/clock.js';
import { sqliteFilePath } from '../../../src/db/client.js';
import { clearErasureRemnants, eraseMyData } from '../../../src/features/my-data/service.js';
import { createLogger } from '../../../src/logger.js';
import { openTestDatabase, TEST_PROVIDERS } from '../../support/databases.js';
import { makeInitiative } from '../../support/factories.js';

// Issue 13: erasure covers the tables retention now prunes too (the timezone cache, the insights access
// log, do-not-pair records on either side), leaves everyone else's rows, and leaves nothing readable in
// the SQLite files.

const logger = createLogger('silent');
const user = (label: string) => `U${label.toUpperCase()}${randomUUID().slice(0, 6).toUpperCase()}`;

describe.each(TEST_PROVIDERS)('erasure on %s', (provider) => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  const clock = fixedClock('2026-06-01T10:00:00Z');

  beforeAll(async () => {
    database = await openTestDatabase(provider, inject('templates'));
  });
  afterAll(async () => {
    await database?.drop();
  });

  it('erases the person\'s cached timezone, insights access records and do-not-pair records on either side, and nobody else\'s', async () => {
    const db = database.db;
    const initiative = await makeInitiative(db);
    const [person, listener, seeker, bystander] = [user('person'), user('listener'), user('seeker'), user('bystander')];
    for (const userId of [person, listener, seeker, bystander]) {
      await db.personTimezone.create({ data: { userId, timezone: 'Europe/Madrid', fetchedAt: clock.now() } });
    }
    await db.pairBlock.createMany({
      data: [
        { initiativeId: initiative.id, seekerId: person, listenerUserId: listener }, // the person reported a listener
        { initiativeId: initiative.id, seekerId: seeker, listenerUserId: person }, // a seeker reported the person
        { initiativeId: initiative.id, seekerId: seeker, listenerUserId: listener },
      ],
    });
    await db.insightsAccess.createMany({
      data: [
        { initiativeId: initiative.id, viewerId: person, action: 'view', createdAt: clock.now() },
        { initiativeId: initiative.id, viewerId: person, action: 'export', createdAt: clock.now() },
        { initiativeId: initiative.id, viewerId: bystander, action: 'view', createdAt: clock.now() },
      ],
    });

    await eraseMyData({ db, clock, logger }, initiative.workspaceId, person);
    await clearErasureRemnants({ db, logger });

    expect(await db.personTimezone.count({ where: { userId: person } })).toBe(0);
    expect(await db.pairBlock.count({ where: { OR: [{ seekerId: person }, { listenerUserId: person }] } })).toBe(0);
    expect(await db.insightsAccess.count({ where: { viewerId: person } })).toBe(0);

    expect((await db.personTimezone.findMany({ where: { userId: { in: [listener, seeker, bystander] } } })).length).toBe(3);
    expect(await db.pairBlock.findMany({ where: { initiativeId: initiative.id }, select: { seekerId: true, listenerUserId: true } })).toEqual([
      { seekerId: seeker, listenerUserId: listener },
    ]);
    expect(await db.insightsAccess.count({ where: { initiativeId: initiative.id } })).toBe(1);

    if (provider === 'sqlite') {
      const main = sqliteFilePath(database.url);
      for (const file of [main, `${main}-wal`, `${main}-shm`].filter((f) => existsSync(f))) {
        expect(readFileSync(file).includes(person), `${file} still holds the erased user id`).toBe(false);
        expect(readFileSync(file).includes(bystander), `${file} should still hold the bystander`).toBe(file === main);
      }
    }
  });
});
