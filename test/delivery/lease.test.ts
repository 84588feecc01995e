import { randomUUID } from 'node:crypto';
import { ErrorCode, WebClient } from '@slack/web-api';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { fixedClock } from '../../src/clock.js';
import type { PacedSender, SendOutcome } from '../../src/delivery/dispatcher.js';
import { claimRows, dueIds, LEASE_MS, RELEASED, renewLeases, underClaim, type Claim } from '../../src/delivery/lease.js';
import {
  cancelClaimed,
  claimCheckIns,
  markSent,
  postpone,
  recordFailure,
  type ClaimedCheckIn,
} from '../../src/features/check-ins/service.js';
import { createLogger } from '../../src/logger.js';
import { outboxQueue } from '../../src/outbox/send.js';
import { openTestDatabase, TEST_PROVIDERS } from '../support/databases.js';
import { makeInitiative } from '../support/factories.js';

// Fencing (issue 12): every change to a claimed row is made under the claim it was taken with, owner
// AND attempt. A worker whose lease ran out and whose row was claimed again, by another worker or by
// itself on a later tick, must change nothing: not mark it sent (and schedule the next check-in), not
// put it back, not fail it. Only the newest claim settles the row.
//
// This file can fail: with `attempts` removed from `underClaim` (src/delivery/lease.ts), every case
// "reclaimed by the same worker on a later attempt" fails (14 of 28: the stale claim marks the row
// sent and schedules a second check-in, puts it back, fails it), while the "another worker" cases still
// pass, as the owner alone tells those apart. Tried on a copy of the tree (the shared src untouched).

const DAY = 24 * 60 * 60 * 1000;
/** A Monday, 10:00 in London. */
const START = '2026-03-02T10:00:00Z';

type Reclaimer = 'another worker' | 'the same worker on a later attempt';
const RECLAIMERS: readonly Reclaimer[] = ['another worker', 'the same worker on a later attempt'];
const FIRST = 'worker-a';
const ownerFor = (reclaimer: Reclaimer) => (reclaimer === 'another worker' ? 'worker-b' : FIRST);

describe.each(TEST_PROVIDERS)('leases and fencing on %s', (provider) => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  const clock = fixedClock(START);
  const logger = createLogger('silent');

  beforeAll(async () => {
    database = await openTestDatabase(provider, inject('templates'));
  });
  afterAll(async () => {
    await database?.drop();
  });

  const db = () => database.db;

  // ---- Check-ins --------------------------------------------------------------------------------

  /** A waiting seeker's status update, due now. */
  async function dueCheckIn() {
    clock.set(START);
    const initiative = await makeInitiative(db());
    const seekerId = `U${randomUUID().slice(0, 8).toUpperCase()}`;
    const request = await db().supportRequest.create({
      data: { initiativeId: initiative.id, seekerId, seekerPseudonym: 'Heron', topicId: initiative.topics[0]!.id, status: 'waiting', createdAt: new Date(clock.now().getTime() - 14 * DAY) },
    });
    return db().checkIn.create({
      data: {
        initiativeId: initiative.id,
        kind: 'waiting',
        subjectId: request.id,
        requestId: request.id,
        recipientId: seekerId,
        sequence: 1,
        dueAt: clock.now(),
        deliverAt: clock.now(),
        status: 'scheduled',
      },
    });
  }

  async function claimCheckIn(owner: string, id: string): Promise<ClaimedCheckIn> {
    const claimed = await claimCheckIns(db(), { owner, now: clock.now(), ids: [id] });
    expect(claimed).toHaveLength(1);
    return claimed[0]!;
  }

  /** First claimed by worker A, whose lease then runs out, then claimed again by `reclaimer`. */
  async function reclaimedCheckIn(reclaimer: Reclaimer) {
    const row = await dueCheckIn();
    const stale = await claimCheckIn(FIRST, row.id);
    // Before the lease runs out, nobody else can take it.
    expect(await claimCheckIns(db(), { owner: ownerFor(reclaimer), now: new Date(clock.now().getTime() + LEASE_MS - 1000), ids: [row.id] })).toEqual([]);
    clock.advance(LEASE_MS + 1000);
    const fresh = await claimCheckIn(ownerFor(reclaimer), row.id);
    expect(stale.claim.attempt).toBe(1);
    expect(fresh.claim.attempt).toBe(2);
    return { row, stale, fresh };
  }

  const checkInRow = (id: string) => db().checkIn.findUniqueOrThrow({ where: { id } });
  const nextCheckIns = (subjectId: string) => db().checkIn.count({ where: { subjectId, sequence: 2 } });

  const sent = (c: ClaimedCheckIn) => markSent(db(), { checkIn: c, now: clock.now(), channel: `D${c.recipientId}`, ts: '1772445600.000100', everyDays: 14 });

  describe.each(RECLAIMERS)('a check-in reclaimed by %s', (reclaimer) => {
    it('cannot be marked sent under the first claim, and no next check-in is created; the new claim can', async () => {
      const { row, stale, fresh } = await reclaimedCheckIn(reclaimer);
      const before = await checkInRow(row.id);
      expect(before).toMatchObject({ status: 'sending', leaseOwner: ownerFor(reclaimer), attempts: 2 });

      expect(await sent(stale)).toBe(false);
      expect(await checkInRow(row.id)).toEqual(before);
      expect(await nextCheckIns(row.subjectId)).toBe(0);

      expect(await sent(fresh)).toBe(true);
      expect(await checkInRow(row.id)).toMatchObject({ status: 'sent', messageTs: '1772445600.000100', leaseOwner: null, leaseUntil: null });
      expect(await nextCheckIns(row.subjectId)).toBe(1);
      // Once settled, the first claim still changes nothing.
      expect(await sent(stale)).toBe(false);
      expect(await nextCheckIns(row.subjectId)).toBe(1);
    });

    it('cannot be postponed under the first claim; the new claim can', async () => {
      const { row, stale, fresh } = await reclaimedCheckIn(reclaimer);
      const before = await checkInRow(row.id);
      const later = new Date(clock.now().getTime() + 60 * 60_000);

      expect(await postpone(db(), { claim: stale.claim, deliverAt: later })).toBe(false);
      expect(await checkInRow(row.id)).toEqual(before);

      expect(await postpone(db(), { claim: fresh.claim, deliverAt: later })).toBe(true);
      // A postponement is not a failed attempt: the claim's attempt is given back.
      expect(await checkInRow(row.id)).toMatchObject({ status: 'scheduled', deliverAt: later, attempts: 1, leaseOwner: null });
      expect(await nextCheckIns(row.subjectId)).toBe(0);
    });

    it('cannot be failed or cancelled under the first claim; the new claim can record the failure', async () => {
      const { row, stale, fresh } = await reclaimedCheckIn(reclaimer);
      const before = await checkInRow(row.id);

      expect(await recordFailure(db(), { checkIn: stale, now: clock.now(), code: 'internal_error' })).toBe('lease-lost');
      await cancelClaimed(db(), { claim: stale.claim });
      expect(await checkInRow(row.id)).toEqual(before);

      expect(await recordFailure(db(), { checkIn: fresh, now: clock.now(), code: 'internal_error' })).toBe('retry');
      expect(await checkInRow(row.id)).toMatchObject({ status: 'scheduled', lastError: 'internal_error', attempts: 2, leaseOwner: null });
      expect(await nextCheckIns(row.subjectId)).toBe(0);
    });
  });

  // ---- Outbox messages ------------------------------------------------------------------------------

  /** A message of app copy to one person, due now. */
  async function dueOutboxMessage() {
    clock.set(START);
    const now = clock.now();
    return db().outboxMessage.create({
      data: {
        dedupeKey: `fencing:${randomUUID()}`,
        workspaceId: 'T0FENCING1',
        kind: 'message',
        recipientId: 'U0FENCED01',
        args: JSON.stringify({ kind: 'message', message: { text: 'Your listener has replied.', blocks: [] } }),
        status: 'scheduled',
        deliverAt: now,
        createdAt: now,
      },
    });
  }

  async function claimOutbox(owner: string, id: string): Promise<Claim> {
    const claims = await claimRows(db(), 'OutboxMessage', { owner, now: clock.now(), ids: [id] });
    expect(claims).toHaveLength(1);
    return claims[0]!;
  }

  async function reclaimedOutbox(reclaimer: Reclaimer) {
    const row = await dueOutboxMessage();
    const stale = await claimOutbox(FIRST, row.id);
    clock.advance(LEASE_MS + 1000);
    const fresh = await claimOutbox(ownerFor(reclaimer), row.id);
    expect([stale.attempt, fresh.attempt]).toEqual([1, 2]);
    return { row, stale, fresh };
  }

  const outboxRow = (id: string) => db().outboxMessage.findUniqueOrThrow({ where: { id } });

  /** A sender that never reaches Slack: each post answers as `answer` says. */
  function fakeSender(answer: () => Promise<{ channel: string; ts: string }>): PacedSender & { posts: number } {
    const client = { chat: { postMessage: async () => answer() } } as unknown as WebClient;
    const sender = {
      posts: 0,
      clientFor: async () => client,
      paced: async <T>(_workspace: string, call: (c: WebClient) => Promise<T>): Promise<T> => {
        sender.posts += 1;
        return call(client);
      },
    };
    return sender;
  }

  const slackAnswers: Record<string, () => Promise<{ channel: string; ts: string }>> = {
    'Slack accepts it': async () => ({ channel: 'DU0FENCED01', ts: '1772445600.000200' }),
    'Slack answers an error': async () => {
      throw Object.assign(new Error('An API error occurred: internal_error'), { code: ErrorCode.PlatformError, data: { ok: false, error: 'internal_error' } });
    },
    'Slack answers 429': async () => {
      throw Object.assign(new Error('A rate limit was exceeded'), { code: ErrorCode.RateLimitedError, retryAfter: 1 });
    },
  };

  describe.each(RECLAIMERS)('an outbox message reclaimed by %s', (reclaimer) => {
    it('cannot be settled through underClaim with the first claim; the new claim can', async () => {
      const { row, stale, fresh } = await reclaimedOutbox(reclaimer);
      const before = await outboxRow(row.id);
      expect(before).toMatchObject({ status: 'sending', leaseOwner: ownerFor(reclaimer), attempts: 2 });

      for (const data of [
        { status: 'sent', sentAt: clock.now() },
        { status: 'scheduled', deliverAt: new Date(clock.now().getTime() + 5000) },
        { status: 'failed', lastError: 'internal_error' },
      ]) {
        const { count } = await db().outboxMessage.updateMany({ where: underClaim(stale), data: { ...data, ...RELEASED } });
        expect(count).toBe(0);
      }
      expect(await outboxRow(row.id)).toEqual(before);

      const { count } = await db().outboxMessage.updateMany({ where: underClaim(fresh), data: { status: 'sent', sentAt: clock.now(), ...RELEASED } });
      expect(count).toBe(1);
      expect(await outboxRow(row.id)).toMatchObject({ status: 'sent', leaseOwner: null });
    });

    it.each(Object.keys(slackAnswers))('a send under the first claim changes nothing when %s, and the lease is lost', async (answer) => {
      const { row, stale, fresh } = await reclaimedOutbox(reclaimer);
      const before = await outboxRow(row.id);
      const sender = fakeSender(slackAnswers[answer]!);
      const queue = outboxQueue(sender, { db: db(), clock, logger });

      const [staleItem] = await queue.load([stale]);
      const outcome: SendOutcome = await queue.send(staleItem!);
      expect(outcome).toBe('lease-lost');
      expect(await outboxRow(row.id)).toEqual(before);

      // The worker that holds the row now sends it, and settles it.
      const [freshItem] = await queue.load([fresh]);
      const settled = await outboxQueue(fakeSender(slackAnswers['Slack accepts it']!), { db: db(), clock, logger }).send(freshItem!);
      expect(settled).toBe('sent');
      expect(await outboxRow(row.id)).toMatchObject({ status: 'sent', leaseOwner: null, leaseUntil: null });
    });
  });
  // ---- Left to the writer ------------------------------------------------------------------------
  // A row written to be sent at once goes right after its commit from the process that wrote it, in the
  // order written; another process's tick must not take it in between and send it beside its siblings.

  describe('a row due from its writing', () => {
    it('is left to its writer for the grace; rows due later, retried or abandoned by a lost lease are not', async () => {
      const GRACE = 10_000;
      const fresh = await dueOutboxMessage();
      const later = await db().outboxMessage.update({
        where: { id: (await dueOutboxMessage()).id },
        data: { deliverAt: new Date(clock.now().getTime() + 2_000) },
      });
      const abandoned = await dueOutboxMessage();
      await claimOutbox(FIRST, abandoned.id);
      const due = async (writerGraceMs?: number) => {
        const ids = await dueIds(db(), 'OutboxMessage', { now: clock.now(), limit: 1000, writerGraceMs });
        return [fresh.id, later.id, abandoned.id].filter((id) => ids.includes(id));
      };

      expect(await due(GRACE)).toEqual([]);
      // Without a grace (check-ins), whatever is due is due.
      expect(await due()).toEqual([fresh.id]);
      clock.advance(2_000);
      expect(await due(GRACE)).toEqual([later.id]);
      clock.advance(GRACE - 2_000 - 1);
      expect(await due(GRACE)).toEqual([later.id]);
      // The writer had its chance (it died, or its own send failed without settling the row).
      clock.advance(1);
      expect(await due(GRACE)).toEqual([fresh.id, later.id]);
      clock.advance(LEASE_MS);
      expect((await due(GRACE)).sort()).toEqual([fresh.id, later.id, abandoned.id].sort());
    });
  });

  // ---- Renewal (issue 16) ------------------------------------------------------------------------
  // Leases are short so that a replica killed mid-dispatch hands its rows on within a minute; the
  // dispatcher renews them while it sends. Renewal is fenced like every change: only rows still being
  // sent under this owner are extended, and the claims carry the new time for withinLease.

  describe('renewal', () => {
    it('extends the lease of rows still being sent by this owner, and only those', async () => {
      const [a, b, c] = [await dueCheckIn(), await dueCheckIn(), await dueCheckIn()];
      const mine = await claimRows(db(), 'CheckIn', { owner: FIRST, now: clock.now(), ids: [a.id, b.id] });
      const theirs = await claimRows(db(), 'CheckIn', { owner: 'worker-b', now: clock.now(), ids: [c.id] });
      // b was settled meanwhile.
      await db().checkIn.updateMany({ where: underClaim(mine.find((m) => m.id === b.id)!), data: { status: 'sent', ...RELEASED } });
      clock.advance(LEASE_MS - 5_000);
      await renewLeases(db(), 'CheckIn', { claims: [...mine, ...theirs.map((t) => ({ ...t, owner: FIRST }))], now: clock.now() });

      const renewed = new Date(clock.now().getTime() + LEASE_MS);
      expect((await checkInRow(a.id)).leaseUntil).toEqual(renewed);
      expect(mine.find((m) => m.id === a.id)!.leaseUntil).toEqual(renewed);
      expect(await checkInRow(b.id)).toMatchObject({ status: 'sent', leaseUntil: null });
      // Another owner's lease is not extended by a claim that is not theirs.
      expect((await checkInRow(c.id)).leaseUntil).toEqual(theirs[0]!.leaseUntil);

      // Past the first lease, nobody can take the renewed row; the unrenewed one is free again.
      clock.advance(10_000);
      expect(await claimRows(db(), 'CheckIn', { owner: 'worker-c', now: clock.now(), ids: [a.id, c.id] })).toEqual([expect.objectContaining({ id: c.id })]);
    });
  });
});
