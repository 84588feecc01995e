import { describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../../src/db/client.js';
import { dispatchDueCheckIns } from '../../../src/features/check-ins/dispatcher.js';
import { claimCheckIns, claimDue, dueCheckInIds, LEASE_MS } from '../../../src/features/check-ins/service.js';
import { answerOffer } from '../../../src/features/pairings/offers.js';
import { endPairing } from '../../../src/features/pairings/service.js';
import { matchRequest } from '../../../src/features/requests/matching.js';
import { createRequest } from '../../../src/features/requests/service.js';
import { TEST_PROVIDERS } from '../../support/databases.js';
import { makeInitiative, makeListener } from '../../support/factories.js';
import { serviceWorld } from '../../support/service-world.js';

const DAY = 86_400_000;

describe.each(TEST_PROVIDERS)('check-in dispatch on %s', (provider) => {
  const world = serviceWorld(provider, { start: '2026-03-02T10:00:00Z' }); // Monday
  const { clock, deps } = world;

  /** A pairing between a seeker and a listener in the given timezones, started at the clock's now. */
  async function pair(options: { seekerTz?: string; listenerTz?: string; quiet?: [string, string]; first?: number; every?: number } = {}) {
    const initiative = await makeInitiative(world.db);
    await world.db.initiative.update({ where: { id: initiative.id }, data: { firstCheckInDays: options.first ?? 7, checkInEveryDays: options.every ?? 14 } });
    const topicId = initiative.topics[0]!.id;
    const listener = await makeListener(world.db, { initiativeId: initiative.id, topicIds: [topicId], capacity: 1 });
    const seekerId = `USEEK${Math.random().toString(36).slice(2, 8).toUpperCase()}`;
    world.slack.addUser({ id: seekerId, tz: options.seekerTz ?? 'Europe/London' });
    world.slack.addUser({ id: listener.userId, tz: options.listenerTz ?? 'Europe/London' });
    const { requestId } = await createRequest(deps(), { workspaceId: initiative.workspaceId, initiativeId: initiative.id, seekerId, topicId, note: null, language: null, sameTimezone: false, seekerTimezone: null });
    const offered = await matchRequest(deps(), requestId);
    if (offered.kind !== 'offered') throw new Error('no offer');
    const answer = await answerOffer(deps(), { offerId: offered.offer.offerId, userId: listener.userId, accept: true });
    if (answer.kind !== 'paired') throw new Error('not paired');
    // Quiet hours set after the offer, so they only affect the check-ins.
    if (options.quiet) await world.db.listenerProfile.update({ where: { id: listener.id }, data: { quietHoursStart: options.quiet[0], quietHoursEnd: options.quiet[1] } });
    return { pairing: answer.pairing, seekerId, listenerUserId: listener.userId, requestId };
  }

  const postsTo = (userId: string) => world.slack.callsTo('chat.postMessage').filter((c) => c.args.channel === userId);

  it('sends the first check-ins N days after the pairing starts, then every M days', async () => {
    const { pairing, seekerId, listenerUserId } = await pair({ first: 7, every: 14 });
    clock.advance(6 * DAY);
    await dispatchDueCheckIns(world.sender, deps(), { owner: 'a' });
    expect(postsTo(seekerId)).toHaveLength(0);
    clock.advance(1 * DAY); // Monday 9 March, 10:00 London
    const report = await dispatchDueCheckIns(world.sender, deps(), { owner: 'a' });
    expect(postsTo(seekerId)).toHaveLength(1);
    expect(postsTo(listenerUserId)).toHaveLength(1);
    expect(report.sent).toBeGreaterThanOrEqual(2);
    expect(JSON.stringify(postsTo(seekerId)[0]!.args)).toContain(pairing.listenerPseudonym);
    expect(JSON.stringify(postsTo(seekerId)[0]!.args)).not.toContain(listenerUserId);
    const sent = await world.db.checkIn.findFirstOrThrow({ where: { pairingId: pairing.id, kind: 'seeker', sequence: 1 } });
    expect(sent.status).toBe('sent');
    expect(sent.messageTs).toBeTruthy();
    const next = await world.db.checkIn.findFirstOrThrow({ where: { pairingId: pairing.id, kind: 'seeker', sequence: 2 } });
    expect(next.dueAt.toISOString()).toBe('2026-03-23T10:00:00.000Z');
    clock.advance(13 * DAY);
    await dispatchDueCheckIns(world.sender, deps(), { owner: 'a' });
    expect(postsTo(seekerId)).toHaveLength(1);
    clock.advance(1 * DAY);
    await dispatchDueCheckIns(world.sender, deps(), { owner: 'a' });
    expect(postsTo(seekerId)).toHaveLength(2);
  });

  it('waits for a workday between 09:00 and 17:00 local, for people in UTC+13 and UTC-10', async () => {
    // Due Monday 9 March 10:00 UTC: 23:00 in Tonga, 00:00 in Hawaii.
    const { pairing, seekerId, listenerUserId } = await pair({ seekerTz: 'Pacific/Tongatapu', listenerTz: 'Pacific/Honolulu' });
    clock.advance(7 * DAY);
    const first = await dispatchDueCheckIns(world.sender, deps(), { owner: 'a' });
    expect(first.postponed).toBe(2);
    expect(postsTo(seekerId)).toHaveLength(0);
    // The listener's check-in is about the listener (subject: their profile), not this pairing.
    const rows = await world.db.checkIn.findMany({ where: { OR: [{ pairingId: pairing.id }, { subjectId: pairing.listenerId }], kind: { in: ['seeker', 'listener'] }, sequence: 1 } });
    const byKind = Object.fromEntries(rows.map((r) => [r.kind, r.deliverAt.toISOString()]));
    expect(byKind.seeker).toBe('2026-03-09T20:00:00.000Z'); // Tuesday 09:00 in Tonga
    expect(byKind.listener).toBe('2026-03-09T19:00:00.000Z'); // Monday 09:00 in Hawaii
    clock.set('2026-03-09T19:00:00Z');
    await dispatchDueCheckIns(world.sender, deps(), { owner: 'a' });
    expect(postsTo(listenerUserId)).toHaveLength(1);
    expect(postsTo(seekerId)).toHaveLength(0);
    clock.set('2026-03-09T20:00:00Z');
    await dispatchDueCheckIns(world.sender, deps(), { owner: 'a' });
    expect(postsTo(seekerId)).toHaveLength(1);
  });

  it('keeps out of a listener\'s quiet hours', async () => {
    const { listenerUserId, pairing } = await pair({ quiet: ['09:00', '13:00'] });
    clock.advance(7 * DAY);
    await dispatchDueCheckIns(world.sender, deps(), { owner: 'a' });
    expect(postsTo(listenerUserId)).toHaveLength(0);
    const row = await world.db.checkIn.findFirstOrThrow({ where: { subjectId: pairing.listenerId, kind: 'listener' } });
    expect(row.deliverAt.toISOString()).toBe('2026-03-09T13:00:00.000Z');
  });

  it('sends no check-in for a pairing that ended before it was due', async () => {
    const { pairing, seekerId, listenerUserId } = await pair();
    clock.advance(3 * DAY);
    await endPairing(deps(), { pairingId: pairing.id, by: 'seeker', reason: 'ended' });
    clock.advance(5 * DAY);
    await dispatchDueCheckIns(world.sender, deps(), { owner: 'a' });
    expect(postsTo(seekerId)).toHaveLength(0);
    expect(postsTo(listenerUserId)).toHaveLength(0);
    expect(await world.db.checkIn.count({ where: { pairingId: pairing.id, status: { in: ['scheduled', 'sending', 'sent'] } } })).toBe(0);
    // The listener's own check-in, with no conversation left, is cancelled when due, and no next one follows.
    expect(await world.db.checkIn.findMany({ where: { subjectId: pairing.listenerId }, select: { kind: true, status: true } })).toEqual([{ kind: 'listener', status: 'cancelled' }]);
  });

  it('a sender killed between claim and send leaves a check-in another sender sends exactly once', async () => {
    const { seekerId } = await pair();
    clock.advance(7 * DAY);
    const claimed = await claimDue(world.db, { owner: 'dead-process', now: clock.now(), limit: 1000 });
    expect(claimed.length).toBeGreaterThan(0);
    // The claimer "dies": nothing is sent. Before the lease ends, nobody else may take the row.
    await dispatchDueCheckIns(world.sender, deps(), { owner: 'b' });
    expect(postsTo(seekerId)).toHaveLength(0);
    clock.advance(LEASE_MS + 1000);
    await dispatchDueCheckIns(world.sender, deps(), { owner: 'b' });
    await dispatchDueCheckIns(world.sender, deps(), { owner: 'c' });
    expect(postsTo(seekerId)).toHaveLength(1);
  });

  it('two senders that both saw the same due check-ins cannot both claim them', async () => {
    const { pairing } = await pair();
    clock.advance(7 * DAY);
    const ids = await dueCheckInIds(world.db, { now: clock.now(), limit: 1000 });
    expect(ids.length).toBeGreaterThanOrEqual(2);
    const first = await claimCheckIns(world.db, { owner: 'a', now: clock.now(), ids });
    const second = await claimCheckIns(world.db, { owner: 'b', now: clock.now(), ids });
    expect(first.map((c) => c.id).sort()).toEqual([...ids].sort());
    expect(second).toEqual([]);
    expect(await world.db.checkIn.count({ where: { OR: [{ pairingId: pairing.id }, { subjectId: pairing.listenerId }], leaseOwner: 'a' } })).toBe(2);
  });

  it('after a long downtime sends what is due once, not once per missed tick', async () => {
    const { seekerId, pairing } = await pair({ first: 7, every: 7 });
    clock.advance(91 * DAY); // a Monday, three months on
    for (let tick = 0; tick < 5; tick++) await dispatchDueCheckIns(world.sender, deps(), { owner: 'a' });
    // One check-in, and the planned-ending question (due after 6 weeks), once.
    const asked = postsTo(seekerId).map((c) => JSON.stringify(c.args.blocks));
    expect(asked.filter((b) => b.includes('checkin.answer.helpful'))).toHaveLength(1);
    expect(asked.filter((b) => b.includes('checkin.answer.keep_going'))).toHaveLength(1);
    expect(asked).toHaveLength(2);
    const next = await world.db.checkIn.findFirstOrThrow({ where: { pairingId: pairing.id, kind: 'seeker', status: 'scheduled' } });
    expect(next.dueAt.getTime()).toBeGreaterThan(clock.now().getTime());
  });

  it('retries a failed send with backoff and gives up after five tries, logging no text', async () => {
    const { seekerId, pairing } = await pair();
    world.slack.setResponse('chat.postMessage', (call, fallback) =>
      call.args.channel === seekerId ? { status: 200, body: { ok: false, error: 'internal_error' } } : fallback(),
    );
    clock.advance(7 * DAY);
    for (let attempt = 0; attempt < 8; attempt++) {
      await dispatchDueCheckIns(world.sender, deps(), { owner: 'a' });
      clock.advance(61 * 60_000);
    }
    world.slack.clearResponse('chat.postMessage');
    const row = await world.db.checkIn.findFirstOrThrow({ where: { pairingId: pairing.id, kind: 'seeker', sequence: 1 } });
    expect(row.status).toBe('failed');
    expect(row.attempts).toBe(5);
    expect(row.lastError).toBe('internal_error');
    expect(postsTo(seekerId)).toHaveLength(5);
  });

  it('sends a waiting seeker a status update every M days with the resources and a Cancel button', async () => {
    const initiative = await makeInitiative(world.db, { topics: ['Nobody listens on this'] });
    const seekerId = 'UWAITING01';
    world.slack.addUser({ id: seekerId, tz: 'Europe/London' });
    const { requestId } = await createRequest(deps(), { workspaceId: initiative.workspaceId, initiativeId: initiative.id, seekerId, topicId: initiative.topics[0]!.id, note: null, language: null, sameTimezone: false, seekerTimezone: null });
    clock.advance(14 * DAY);
    await dispatchDueCheckIns(world.sender, deps(), { owner: 'a' });
    const posts = postsTo(seekerId);
    expect(posts).toHaveLength(1);
    expect(JSON.stringify(posts[0]!.args)).toContain('0800 000 000');
    expect(JSON.stringify(posts[0]!.args)).toContain(requestId);
  });

  it('two dispatchers on one database send each of many due check-ins exactly once', async () => {
    const count = provider === 'postgresql' ? 1000 : 300;
    const initiative = await makeInitiative(world.db);
    const now = clock.now();
    await world.db.checkIn.createMany({
      data: Array.from({ length: count }, (_, i) => ({
        initiativeId: initiative.id,
        kind: 'waiting',
        subjectId: `bulk-${i}`,
        recipientId: `UBULK${i}`,
        sequence: 1,
        dueAt: now,
        deliverAt: now,
        status: 'scheduled',
      })),
    });
    // Waiting check-ins need an open request: make the subjects real requests.
    await world.db.supportRequest.createMany({
      data: Array.from({ length: count }, (_, i) => ({ id: `bulk-${i}`, initiativeId: initiative.id, seekerId: `UBULK${i}`, seekerPseudonym: 'Otter', status: 'waiting' })),
    });
    for (let i = 0; i < count; i++) world.slack.addUser({ id: `UBULK${i}`, tz: 'Europe/London' });
    const second: Database = await openDatabase(world.database.url);
    try {
      const [a, b] = await Promise.all([
        dispatchDueCheckIns(world.sender, deps(), { owner: 'process-a', batchSize: 20 }),
        dispatchDueCheckIns(world.sender, deps(second.db), { owner: 'process-b', batchSize: 20 }),
      ]);
      // How the work splits depends on timing (one may even do it all); that each is sent once does not.
      expect(a.sent + b.sent).toBe(count);
      expect(a['lease-lost'] + b['lease-lost']).toBe(0);
    } finally {
      await second.close();
    }
    const perRecipient = new Map<string, number>();
    for (const call of world.slack.callsTo('chat.postMessage')) {
      const channel = String(call.args.channel);
      if (channel.startsWith('UBULK')) perRecipient.set(channel, (perRecipient.get(channel) ?? 0) + 1);
    }
    expect(perRecipient.size).toBe(count);
    expect([...perRecipient.values()].every((n) => n === 1)).toBe(true);
  });
});
