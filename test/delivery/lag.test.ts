import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { LEASE_MS } from '../../src/delivery/lease.js';
import { oldestDueSeconds } from '../../src/delivery/lag.js';
import { openTestDatabase, TEST_PROVIDERS } from '../support/databases.js';

// The oldest due item's lag (issue 16 metrics): what the dispatcher would claim now and has not yet,
// in each queue. Rows postponed to later, sent, or being sent under a live lease are not lag.

const NOW = new Date('2026-03-02T10:00:00Z');
const at = (seconds: number) => new Date(NOW.getTime() + seconds * 1000);

describe.each(TEST_PROVIDERS)('oldestDueSeconds on %s', (provider) => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  const db = () => database.db;

  beforeAll(async () => {
    database = await openTestDatabase(provider, inject('templates'));
  });
  afterAll(async () => {
    await database?.drop();
  });
  beforeEach(async () => {
    await db().checkIn.deleteMany({});
    await db().outboxMessage.deleteMany({});
  });

  function checkIn(deliverAt: Date, status: string, leaseUntil: Date | null = null) {
    return db().checkIn.create({
      data: {
        initiativeId: randomUUID(),
        kind: 'waiting',
        subjectId: randomUUID(),
        recipientId: 'U0SEEKER01',
        sequence: 1,
        dueAt: deliverAt,
        deliverAt,
        status,
        leaseUntil,
        ...(status === 'sending' ? { leaseOwner: 'worker-a', attempts: 1 } : {}),
      },
    });
  }

  function outbox(deliverAt: Date, status: string, leaseUntil: Date | null = null) {
    return db().outboxMessage.create({
      data: {
        dedupeKey: randomUUID(),
        workspaceId: 'T0FAKE0001',
        kind: 'message',
        recipientId: 'U0SEEKER01',
        args: '{}',
        status,
        deliverAt,
        leaseUntil,
        createdAt: deliverAt,
        ...(status === 'sending' ? { leaseOwner: 'worker-a', attempts: 1 } : {}),
      },
    });
  }

  it('is 0 for both queues when nothing is due', async () => {
    await checkIn(at(60), 'scheduled');
    await outbox(at(-600), 'sent');
    await outbox(at(-600), 'cancelled');
    await checkIn(at(-600), 'failed');
    expect(await oldestDueSeconds(db(), NOW)).toEqual({ check_in: 0, outbox: 0 });
  });

  it('is the age of the oldest scheduled row that is due, per queue', async () => {
    await checkIn(at(-30), 'scheduled');
    await checkIn(at(-300), 'scheduled');
    await checkIn(at(3600), 'scheduled');
    await outbox(at(-5), 'scheduled');
    await outbox(at(-7200), 'sent');
    expect(await oldestDueSeconds(db(), NOW)).toEqual({ check_in: 300, outbox: 5 });
  });

  it('counts a row whose sender died (lease run out), not one being sent under a live lease', async () => {
    // Due two minutes ago, claimed 20 s ago: its lease (renewed while it is sent) is still running.
    await outbox(at(-120), 'sending', at(LEASE_MS / 1000 - 20));
    expect(await oldestDueSeconds(db(), NOW)).toEqual({ check_in: 0, outbox: 0 });
    await checkIn(at(-900), 'sending', at(-1));
    expect(await oldestDueSeconds(db(), NOW)).toEqual({ check_in: 900, outbox: 0 });
  });
});
