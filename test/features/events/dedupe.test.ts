import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { claimEvent, claimLater, pruneProcessedEvents } from '../../../src/features/events/dedupe.js';
import { readMessageContext } from '../../../src/features/relay/service.js';
import { openTestDatabase, TEST_PROVIDERS } from '../../support/databases.js';
import { makeInitiative } from '../../support/factories.js';

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

  // PostgreSQL: a new DM's claim rides on the relay's first read (issue 17); SQLite claims on its own.
  const dm = { type: 'message', channel_type: 'im', channel: 'D0PERSON01', user: 'U0PERSON01', text: 'hi', ts: '1.0' };
  it(`claims ${provider === 'postgresql' ? 'a new DM with its first read' : 'every event on its own'}, and everything else on its own`, () => {
    const later = provider === 'postgresql';
    expect(claimLater(database.db, dm)).toBe(later);
    expect(claimLater(database.db, { ...dm, subtype: 'file_share' })).toBe(later);
    expect(claimLater(database.db, { ...dm, subtype: 'thread_broadcast' })).toBe(later);
    // Edits, deletions, bots, channels and other events go through claimEvent first.
    expect(claimLater(database.db, { ...dm, subtype: 'message_changed' })).toBe(false);
    expect(claimLater(database.db, { ...dm, subtype: 'message_deleted' })).toBe(false);
    expect(claimLater(database.db, { ...dm, bot_id: 'B0BOT' })).toBe(false);
    expect(claimLater(database.db, { ...dm, channel_type: 'channel' })).toBe(false);
    expect(claimLater(database.db, { ...dm, user: undefined })).toBe(false);
    expect(claimLater(database.db, { type: 'app_home_opened', user: 'U0PERSON01' })).toBe(false);
    expect(claimLater(database.db, undefined)).toBe(false);
  });

  it('lets exactly one of 20 concurrent reads of a DM with its claim go on, in a workspace with or without initiatives', async () => {
    const initiative = await makeInitiative(database.db);
    for (const workspaceId of [initiative.workspaceId, 'T0EMPTY001']) {
      const eventId = `Ev0DM${workspaceId}`;
      const reads = await Promise.all(Array.from({ length: 20 }, () => readMessageContext(database.db, workspaceId, 'U0PERSON01', { eventId, receivedAt: NOW })));
      expect(reads.filter((r) => r.fresh)).toHaveLength(1);
      const fresh = reads.find((r) => r.fresh)!;
      expect(fresh.safetyNet.map((row) => row.netInitiativeId)).toEqual(workspaceId === 'T0EMPTY001' ? [] : [initiative.id]);
      for (const stale of reads.filter((r) => !r.fresh)) expect(stale).toEqual({ fresh: false, mine: [], safetyNet: [] });
      expect(await claimEvent(database.db, eventId, NOW)).toBe(false);
    }
    expect(await database.db.processedEvent.count()).toBe(2);
  });
});
