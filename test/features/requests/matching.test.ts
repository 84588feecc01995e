import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { fixedClock } from '../../../src/clock.js';
import { createLogger } from '../../../src/logger.js';
import { answerOffer, claimBatch, expireOffers } from '../../../src/features/pairings/offers.js';
import { matchRequest, matchWaitingRequests } from '../../../src/features/requests/matching.js';
import { createRequest } from '../../../src/features/requests/service.js';
import { openTestDatabase, TEST_PROVIDERS } from '../../support/databases.js';
import { makeInitiative, makeListener, makeRequest } from '../../support/factories.js';

const logger = createLogger('silent');

describe.each(TEST_PROVIDERS)('matching on %s', (provider) => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  const clock = fixedClock('2026-03-02T10:00:00Z');
  const deps = () => ({ db: database.db, clock, logger, random: () => 0.42 });

  beforeAll(async () => {
    database = await openTestDatabase(provider, inject('templates'));
  });
  afterAll(async () => {
    await database?.drop();
  });

  async function newRequest(initiative: { id: string; workspaceId: string }, topicId: string, seekerId: string) {
    return (await createRequest(deps(), { workspaceId: initiative.workspaceId, initiativeId: initiative.id, seekerId, topicId, note: null, language: null, sameTimezone: false, seekerTimezone: null })).requestId;
  }

  it('50 simultaneous requests at listeners with 10 free slots make exactly 10 pairings, nobody over capacity', async () => {
    const initiative = await makeInitiative(database.db);
    const topicId = initiative.topics[0]!.id;
    // 10 free slots in total: capacities 1, 2, 3, 4, one of them already holding a pairing elsewhere.
    const listeners = await Promise.all([1, 2, 3, 4].map((capacity) => makeListener(database.db, { initiativeId: initiative.id, topicIds: [topicId], capacity })));
    const extra = await makeListener(database.db, { initiativeId: initiative.id, topicIds: [topicId], capacity: 2 });
    await database.db.listenerProfile.update({ where: { id: extra.id }, data: { reservedSlots: 2 } });
    const requestIds = await Promise.all(Array.from({ length: 50 }, (_, i) => newRequest(initiative, topicId, `USEEKER${i}`)));

    const results = await Promise.all(requestIds.map((id) => matchRequest(deps(), id)));
    const offers = results.flatMap((r) => (r.kind === 'offered' ? [r.offer] : []));
    expect(offers).toHaveLength(10);

    const answers = await Promise.all(offers.map((o) => answerOffer(deps(), { offerId: o.offerId, userId: o.listenerUserId, accept: true })));
    expect(answers.filter((a) => a.kind === 'paired')).toHaveLength(10);

    const rows = await database.db.listenerProfile.findMany({ where: { initiativeId: initiative.id } });
    for (const row of rows) expect(row.reservedSlots).toBeLessThanOrEqual(row.capacity);
    const pairings = await database.db.pairing.groupBy({ by: ['listenerId'], where: { request: { initiativeId: initiative.id } }, _count: true });
    for (const p of pairings) {
      const l = rows.find((r) => r.id === p.listenerId)!;
      expect(p._count).toBeLessThanOrEqual(l.capacity);
    }
    expect(await database.db.supportRequest.count({ where: { initiativeId: initiative.id, status: 'waiting' } })).toBe(40);
    expect(await database.db.supportRequest.count({ where: { initiativeId: initiative.id, status: 'paired' } })).toBe(10);
    expect(listeners).toHaveLength(4);
  });

  it('two sweeps of many waiting requests at once never offer one request twice', async () => {
    const initiative = await makeInitiative(database.db);
    const topicId = initiative.topics[0]!.id;
    await Promise.all([2, 2, 2].map((capacity) => makeListener(database.db, { initiativeId: initiative.id, topicIds: [topicId], capacity })));
    await Promise.all(Array.from({ length: 20 }, (_, i) => newRequest(initiative, topicId, `USWEEP${i}`)));
    const [a, b] = await Promise.all([matchWaitingRequests(deps(), initiative.id), matchWaitingRequests(deps(), initiative.id)]);
    const all = [...a.offers, ...b.offers];
    expect(all).toHaveLength(6);
    expect(new Set(all.map((o) => o.requestId)).size).toBe(6);
    expect(await database.db.offer.count({ where: { request: { initiativeId: initiative.id }, status: 'pending' } })).toBe(6);
  });

  it('a sweep racing single matches never pushes a listener over capacity', async () => {
    const initiative = await makeInitiative(database.db);
    const topicId = initiative.topics[0]!.id;
    await Promise.all([2, 2, 2].map((capacity) => makeListener(database.db, { initiativeId: initiative.id, topicIds: [topicId], capacity })));
    const ids = await Promise.all(Array.from({ length: 30 }, (_, i) => newRequest(initiative, topicId, `URACE${i}`)));
    const results = await Promise.all([
      matchWaitingRequests(deps(), initiative.id),
      ...ids.reverse().map((id) => matchRequest(deps(), id)),
      matchWaitingRequests(deps(), initiative.id),
    ]);
    const rows = await database.db.listenerProfile.findMany({ where: { initiativeId: initiative.id } });
    for (const row of rows) expect(row.reservedSlots).toBeLessThanOrEqual(row.capacity);
    expect(await database.db.offer.count({ where: { request: { initiativeId: initiative.id }, status: 'pending' } })).toBe(6);
    expect(results.length).toBe(32);
  });

  it('two sweeps big enough to claim in transactions at once offer each request once, fill every slot exactly, one name per listener', async () => {
    // Over 200 planned offers: on PostgreSQL each sweep claims in two transactions at the same time
    // (matching.ts SPLIT_FROM), split so that no listener is in both; SQLite claims in one.
    const initiative = await makeInitiative(database.db);
    const topicId = initiative.topics[0]!.id;
    const listeners = await Promise.all(Array.from({ length: 80 }, () => makeListener(database.db, { initiativeId: initiative.id, topicIds: [topicId], capacity: 3 })));
    const start = clock.now().getTime() - 3_600_000;
    // Every seeker is "Otter" (the factory's name): a listener's three offers need two new names.
    await Promise.all(Array.from({ length: 260 }, (_, i) => makeRequest(database.db, { initiativeId: initiative.id, topicId, seekerId: `UBIG${i}`, createdAt: new Date(start + i * 1000) })));

    const [a, b] = await Promise.all([matchWaitingRequests(deps(), initiative.id), matchWaitingRequests(deps(), initiative.id)]);
    const all = [...a.offers, ...b.offers];
    expect(all).toHaveLength(240);
    expect(new Set(all.map((o) => o.requestId)).size).toBe(240);
    const rows = await database.db.listenerProfile.findMany({ where: { initiativeId: initiative.id } });
    expect(rows.map((r) => r.reservedSlots)).toEqual(listeners.map(() => 3));
    expect(await database.db.supportRequest.count({ where: { initiativeId: initiative.id, status: 'offered' } })).toBe(240);
    expect(await database.db.supportRequest.count({ where: { initiativeId: initiative.id, status: 'waiting' } })).toBe(20);
    const pending = await database.db.offer.findMany({ where: { request: { initiativeId: initiative.id }, status: 'pending' }, include: { request: true } });
    expect(pending).toHaveLength(240);
    const namesOf = new Map<string, Set<string>>();
    for (const o of pending) namesOf.set(o.listenerId, (namesOf.get(o.listenerId) ?? new Set()).add(o.request.seekerPseudonym));
    for (const names of namesOf.values()) expect(names.size).toBe(3);
  });

  it('a batch claim planned on stale slot counts takes no slot that is no longer free', async () => {
    const initiative = await makeInitiative(database.db);
    const topicId = initiative.topics[0]!.id;
    const profile = await makeListener(database.db, { initiativeId: initiative.id, topicIds: [topicId], capacity: 2 });
    const [r1, r2] = await Promise.all([newRequest(initiative, topicId, 'USTALE1'), newRequest(initiative, topicId, 'USTALE2')]);
    // The plan saw two free slots; meanwhile another process took one.
    const stale = { id: profile.id, userId: profile.userId, status: 'active' as const, capacity: 2, reservedSlots: 0, topicIds: [topicId], languages: ['en'], timezone: null, quietHoursStart: null, quietHoursEnd: null, workingHours: { days: [0, 1, 2, 3, 4, 5, 6], start: '00:00', end: '00:00' }, lastOfferAt: null };
    await database.db.listenerProfile.update({ where: { id: profile.id }, data: { reservedSlots: 1 } });
    const now = clock.now();
    const result = await database.db.$transaction((tx) =>
      claimBatch(tx, [{ requestId: r1!, listener: stale }, { requestId: r2!, listener: stale }], now, new Date(now.getTime() + 3_600_000), initiative.workspaceId, () => 0.42),
    );
    expect(result.made).toHaveLength(0);
    expect(result.lost.sort()).toEqual([r1, r2].sort());
    expect((await database.db.listenerProfile.findUniqueOrThrow({ where: { id: profile.id } })).reservedSlots).toBe(1);
    expect(await database.db.supportRequest.count({ where: { id: { in: [r1!, r2!] }, status: 'waiting' } })).toBe(2);
    // The sweep then matches them one by one: exactly the one free slot is used.
    const { offers } = await matchWaitingRequests(deps(), initiative.id);
    expect(offers).toHaveLength(1);
    expect((await database.db.listenerProfile.findUniqueOrThrow({ where: { id: profile.id } })).reservedSlots).toBe(2);
  });

  it('a declined offer frees the slot and the request goes to the next listener, never back', async () => {
    const initiative = await makeInitiative(database.db);
    const topicId = initiative.topics[0]!.id;
    const [first, second] = await Promise.all([0, 1].map(() => makeListener(database.db, { initiativeId: initiative.id, topicIds: [topicId], capacity: 1 })));
    const requestId = await newRequest(initiative, topicId, 'USEEKERX');
    const offered = await matchRequest(deps(), requestId);
    expect(offered.kind).toBe('offered');
    const firstOffer = offered.kind === 'offered' ? offered.offer : null;
    const declined = await answerOffer(deps(), { offerId: firstOffer!.offerId, userId: firstOffer!.listenerUserId, accept: false });
    expect(declined.kind).toBe('declined');
    const again = await matchRequest(deps(), requestId);
    expect(again.kind === 'offered' && again.offer.listenerId).not.toBe(firstOffer!.listenerId);
    expect([first!.id, second!.id]).toContain(again.kind === 'offered' ? again.offer.listenerId : '');
    const declinedListener = await database.db.listenerProfile.findUniqueOrThrow({ where: { id: firstOffer!.listenerId } });
    expect(declinedListener.reservedSlots).toBe(0);
    // After the second listener declines too, nobody is left: the request waits.
    const secondOffer = again.kind === 'offered' ? again.offer : null;
    await answerOffer(deps(), { offerId: secondOffer!.offerId, userId: secondOffer!.listenerUserId, accept: false });
    expect((await matchRequest(deps(), requestId)).kind).toBe('waiting');
  });

  it('an offer times out once, however many sweeps run, and the request waits again', async () => {
    const initiative = await makeInitiative(database.db, { offerTimeoutHours: 4 });
    const topicId = initiative.topics[1]!.id;
    await makeListener(database.db, { initiativeId: initiative.id, topicIds: [topicId], capacity: 1 });
    const requestId = await newRequest(initiative, topicId, 'USEEKERT');
    expect((await matchRequest(deps(), requestId)).kind).toBe('offered');
    clock.advance(3 * 60 * 60 * 1000);
    expect((await expireOffers(deps())).count).toBe(0);
    clock.advance(61 * 60 * 1000);
    const sweeps = await Promise.all([expireOffers(deps()), expireOffers(deps()), expireOffers(deps())]);
    // Other tests' offers in this database expire too; this request's offer timed out exactly once.
    expect(sweeps.reduce((n, s) => n + s.count, 0)).toBe(await database.db.offer.count({ where: { status: 'timed_out', respondedAt: clock.now() } }));
    expect(await database.db.offer.count({ where: { requestId, status: 'timed_out' } })).toBe(1);
    const request = await database.db.supportRequest.findUniqueOrThrow({ where: { id: requestId } });
    expect(request.status).toBe('waiting');
  });

  it('a double click on Accept makes one pairing', async () => {
    const initiative = await makeInitiative(database.db);
    const topicId = initiative.topics[0]!.id;
    await makeListener(database.db, { initiativeId: initiative.id, topicIds: [topicId], capacity: 1 });
    const requestId = await newRequest(initiative, topicId, 'USEEKERD');
    const offered = await matchRequest(deps(), requestId);
    const offer = offered.kind === 'offered' ? offered.offer : null;
    const answers = await Promise.all([0, 1, 2].map(() => answerOffer(deps(), { offerId: offer!.offerId, userId: offer!.listenerUserId, accept: true })));
    expect(answers.filter((a) => a.kind === 'paired')).toHaveLength(1);
    expect(await database.db.pairing.count({ where: { requestId } })).toBe(1);
  });

  it('someone other than the listener cannot answer their offer', async () => {
    const initiative = await makeInitiative(database.db);
    const topicId = initiative.topics[0]!.id;
    await makeListener(database.db, { initiativeId: initiative.id, topicIds: [topicId], capacity: 1 });
    const requestId = await newRequest(initiative, topicId, 'USEEKERN');
    const offered = await matchRequest(deps(), requestId);
    const offer = offered.kind === 'offered' ? offered.offer : null;
    expect((await answerOffer(deps(), { offerId: offer!.offerId, userId: 'USEEKERN', accept: true })).kind).toBe('not-yours');
  });
});
