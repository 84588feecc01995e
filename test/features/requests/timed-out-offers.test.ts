import { describe, expect, it } from 'vitest';
import { TIMED_OUT_EXCLUSION_HOURS } from '../../../src/domain/matching.js';
import { setPaused } from '../../../src/features/listeners/service.js';
import { answerOffer, expireOffers } from '../../../src/features/pairings/offers.js';
import { matchRequest, matchWaitingRequests } from '../../../src/features/requests/matching.js';
import { createRequest } from '../../../src/features/requests/service.js';
import { TEST_PROVIDERS } from '../../support/databases.js';
import { makeInitiative, makeListener } from '../../support/factories.js';
import { serviceWorld } from '../../support/service-world.js';
import { countingQueries } from '../../support/counting-queries.js';

// "An unanswered offer may come back a day later, a declined one never." A listener who missed an
// offer (away, then paused after three) is offered that request again 24 hours after it timed out, so
// in a small initiative those seekers do not wait forever; one who declined is never offered it again.

const HOUR = 60 * 60 * 1000;
const MINUTE = 60 * 1000;


describe.each(TEST_PROVIDERS)('timed-out and declined offers on %s', (provider) => {
  const world = serviceWorld(provider, { start: '2026-03-02T10:00:00Z' });
  const { clock, deps } = world;

  /** One listener (any hours), and requests for their topic. Offers time out after 4 hours. */
  async function setUp(capacity: number) {
    const initiative = await makeInitiative(world.db, { offerTimeoutHours: 4 });
    const topicId = initiative.topics[0]!.id;
    const listener = await makeListener(world.db, { initiativeId: initiative.id, topicIds: [topicId], capacity });
    let n = 0;
    const ask = async () =>
      (
        await createRequest(deps(), {
          workspaceId: initiative.workspaceId,
          initiativeId: initiative.id,
          seekerId: `U0TO${provider.slice(0, 2).toUpperCase()}${(n += 1)}${Math.random().toString(36).slice(2, 6).toUpperCase()}`,
          topicId,
          note: null,
          language: null,
          sameTimezone: false,
          seekerTimezone: null,
        })
      ).requestId;
    return { initiative, listener, ask };
  }

  it('a single listener who timed out on a request is offered it again 24 hours later, and not before', async () => {
    const { initiative, listener, ask } = await setUp(1);
    const requestId = await ask();
    expect((await matchRequest(deps(), requestId)).kind).toBe('offered');
    clock.advance(4 * HOUR);
    await expireOffers(deps());
    const timedOutAt = clock.now();
    expect(await world.db.offer.count({ where: { requestId, status: 'timed_out', respondedAt: timedOutAt } })).toBe(1);

    // Right after, and a minute short of a day: she is the only listener, and still not asked again.
    expect(await matchRequest(deps(), requestId)).toEqual({ kind: 'waiting', offHours: false });
    clock.set(new Date(timedOutAt.getTime() + TIMED_OUT_EXCLUSION_HOURS * HOUR - MINUTE));
    expect(await matchRequest(deps(), requestId)).toEqual({ kind: 'waiting', offHours: false });
    expect((await matchWaitingRequests(deps(), initiative.id)).offers).toEqual([]);

    // A day after it timed out, the sweep offers it to her again.
    clock.advance(MINUTE);
    const swept = await matchWaitingRequests(deps(), initiative.id);
    expect(swept.offers.map((o) => [o.requestId, o.listenerId])).toEqual([[requestId, listener.id]]);
    expect(await world.db.offer.count({ where: { requestId, listenerId: listener.id, status: 'pending' } })).toBe(1);
  });

  it('a request that timed out a day ago is offered again by a match of that request alone too', async () => {
    const { listener, ask } = await setUp(1);
    const requestId = await ask();
    expect((await matchRequest(deps(), requestId)).kind).toBe('offered');
    clock.advance(4 * HOUR);
    await expireOffers(deps());
    clock.advance(TIMED_OUT_EXCLUSION_HOURS * HOUR);
    const again = await matchRequest(deps(), requestId);
    expect(again.kind === 'offered' && again.offer.listenerId).toBe(listener.id);
  });

  it('a listener who declined a request is never offered it again, however long it waits', async () => {
    const { initiative, listener, ask } = await setUp(1);
    const requestId = await ask();
    const offered = await matchRequest(deps(), requestId);
    if (offered.kind !== 'offered') throw new Error('no offer');
    expect((await answerOffer(deps(), { offerId: offered.offer.offerId, userId: listener.userId, accept: false })).kind).toBe('declined');
    for (const days of [1, 2, 30]) {
      clock.set(new Date(Date.parse('2026-03-02T10:00:00Z') + days * 24 * HOUR));
      expect(await matchRequest(deps(), requestId)).toEqual({ kind: 'waiting', offHours: false });
      expect((await matchWaitingRequests(deps(), initiative.id)).offers).toEqual([]);
    }
  });

  it('a listener who declined once is not asked again even after a later offer of it timed out', async () => {
    const { initiative, ask } = await setUp(1);
    const other = await makeListener(world.db, { initiativeId: initiative.id, topicIds: [initiative.topics[0]!.id], capacity: 1 });
    const requestId = await ask();
    // Whoever gets it first declines; the other lets it time out.
    const first = await matchRequest(deps(), requestId);
    if (first.kind !== 'offered') throw new Error('no offer');
    await answerOffer(deps(), { offerId: first.offer.offerId, userId: first.offer.listenerUserId, accept: false });
    const second = await matchRequest(deps(), requestId);
    if (second.kind !== 'offered') throw new Error('no second offer');
    expect(second.offer.listenerId).not.toBe(first.offer.listenerId);
    clock.advance(4 * HOUR);
    await expireOffers(deps());
    clock.advance(TIMED_OUT_EXCLUSION_HOURS * HOUR);
    const swept = await matchWaitingRequests(deps(), initiative.id);
    // Only the one who timed out comes back.
    expect(swept.offers.map((o) => o.listenerId)).toEqual([second.offer.listenerId]);
    expect([first.offer.listenerId, second.offer.listenerId]).toContain(other.id);
  });

  it('a listener paused after missing three offers while away gets those seekers again once she resumes a day later', async () => {
    const { initiative, listener, ask } = await setUp(3);
    const requests = [await ask(), await ask(), await ask()];
    expect((await matchWaitingRequests(deps(), initiative.id)).offers).toHaveLength(3);
    clock.advance(4 * HOUR);
    expect((await expireOffers(deps())).count).toBe(3);
    expect((await world.db.listenerProfile.findUniqueOrThrow({ where: { id: listener.id } })).status).toBe('paused');

    // She comes back the next morning, a little under a day after they timed out: not yet.
    clock.advance(20 * HOUR);
    expect((await setPaused(deps(), { initiativeId: initiative.id, userId: listener.userId, paused: false })).kind).toBe('changed');
    expect((await matchWaitingRequests(deps(), initiative.id)).offers).toEqual([]);
    // The sweep that runs once the day has passed offers all three to her again, loading no more than before.
    clock.advance(4 * HOUR);
    const counted = countingQueries(world.db);
    const swept = await matchWaitingRequests({ ...deps(), db: counted.db }, initiative.id);
    expect(swept.offers.map((o) => o.requestId).sort()).toEqual([...requests].sort());
    // The loads, the same few statements whatever the number of requests (the claims run in a transaction,
    // on its own client): the waiting requests, then together the initiative, blocks, listeners and their
    // topics, and the requests' past offers and pairings.
    // All raw (lean reads, src/db/lean-read.ts; through this counting proxy they fall back to $queryRaw).
    expect(counted.calls).toEqual(Array.from({ length: 7 }, () => '$queryRaw'));
  });
});
