import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { claimEvent, pruneProcessedEvents } from '../../../src/features/events/dedupe.js';
import { openTestDatabase, TEST_PROVIDERS } from '../../support/databases.js';

const NOW = new Date('2026-03-10T12:00:00Z');
const HOUR = 60 * 60 * 1000;

describe.each(TEST_PROVIDERS)('event deduplication on %s', (provider) => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>;

  beforeAll(async () => {
    database = await openTestDatabase(provider, inject('templates'));
  });

  afterAll(async () => {
    await database?.drop();
  });

  beforeEach(async () => {
    await database.db.processedEvent.deleteMany();
  });

  it('lets the first claim of an event id through and refuses the same id again', async () => {
    expect(await claimEvent(database.db, 'Ev0001', NOW)).toBe(true);
    expect(await claimEvent(database.db, 'Ev0001', NOW)).toBe(false);
    expect(await claimEvent(database.db, 'Ev0001', new Date(NOW.getTime() + HOUR))).toBe(false);
    expect(await claimEvent(database.db, 'Ev0002', NOW)).toBe(true);
    expect(await database.db.processedEvent.count()).toBe(2);
  });

  it('lets exactly one of 20 concurrent claims of one event id through', async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, () => claimEvent(database.db, 'Ev0RETRIED', NOW)),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await database.db.processedEvent.count()).toBe(1);
  });

  it('prunes only the event ids received more than a day before now', async () => {
    const at = (hoursAgo: number) => new Date(NOW.getTime() - hoursAgo * HOUR);
    await database.db.processedEvent.createMany({
      data: [
        { eventId: 'Ev0WEEK', receivedAt: at(24 * 7) },
        { eventId: 'Ev0DAYANDMORE', receivedAt: new Date(at(24).getTime() - 1) },
        { eventId: 'Ev0EXACTLYADAY', receivedAt: at(24) },
        { eventId: 'Ev0HOUR', receivedAt: at(1) },
        { eventId: 'Ev0NOW', receivedAt: NOW },
      ],
    });

    expect(await pruneProcessedEvents(database.db, NOW)).toBe(2);

    const left = await database.db.processedEvent.findMany({ orderBy: { eventId: 'asc' } });
    expect(left.map((row) => row.eventId)).toEqual(['Ev0EXACTLYADAY', 'Ev0HOUR', 'Ev0NOW']);
    expect(await pruneProcessedEvents(database.db, NOW)).toBe(0);
  });

  it('keeps refusing an event id received within the last day after a prune', async () => {
    await claimEvent(database.db, 'Ev0RECENT', new Date(NOW.getTime() - HOUR));
    await pruneProcessedEvents(database.db, NOW);
    expect(await claimEvent(database.db, 'Ev0RECENT', NOW)).toBe(false);
  });
});
