import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planOffers, rankListeners, type CandidateListener, type PlannedOffer, type RequestToMatch } from '../../src/domain/matching.js';
import type { WorkingHours } from '../../src/domain/availability.js';

// planOffers keeps each topic's listeners in queues by slots reserved and stops at the first listener who
// suits a request (issue 17: a sweep of 1,000 requests in milliseconds). Whatever the shortcuts, its plan
// must be the one the plain rules give: each request in turn offered to rankListeners' first choice,
// with the slots planned so far counted. Checked here on random initiatives against that reference.

const NOW = new Date('2026-03-02T10:00:00Z'); // a Monday, 10:00 UTC
const ANY_TIME: WorkingHours = { days: [0, 1, 2, 3, 4, 5, 6], start: '00:00', end: '00:00' };
const OFFICE: WorkingHours = { days: [1, 2, 3, 4, 5], start: '09:00', end: '18:00' };
const TOPICS = ['anxiety', 'grief', 'caring'];
const ZONES = [null, 'Europe/London', 'America/New_York', 'Asia/Tokyo'];
const LANGUAGES = ['en', 'de', 'es'];
const LAST_OFFERS = [null, new Date('2026-03-01T10:00:00Z'), new Date('2026-02-20T10:00:00Z'), new Date('2026-03-01T10:00:00Z')];

/** The plain rules, one request at a time: the reference planOffers must agree with. */
function reference(requests: readonly RequestToMatch[], listeners: readonly CandidateListener[], now: Date): PlannedOffer[] {
  const current = listeners.map((l) => ({ ...l }));
  const plans: PlannedOffer[] = [];
  for (const request of requests) {
    const outcome = rankListeners(request, current, now);
    if (outcome.kind !== 'matched') continue;
    const best = outcome.ranked[0]!;
    best.reservedSlots += 1;
    plans.push({ requestId: request.id, listenerId: best.id });
  }
  return plans;
}

const listenerArb = (index: number) =>
  fc
    .record({
      user: fc.integer({ min: 0, max: 5 }),
      status: fc.constantFrom<CandidateListener['status']>('active', 'active', 'active', 'paused'),
      capacity: fc.integer({ min: 1, max: 3 }),
      reserved: fc.integer({ min: 0, max: 3 }),
      topics: fc.subarray(TOPICS, { minLength: 1 }),
      languages: fc.subarray(LANGUAGES),
      timezone: fc.constantFrom(...ZONES),
      quiet: fc.constantFrom<[string | null, string | null]>([null, null], ['09:00', '11:00'], ['22:00', '07:00']),
      hours: fc.constantFrom(ANY_TIME, OFFICE, { ...OFFICE }),
      lastOffer: fc.constantFrom(...LAST_OFFERS),
    })
    .map(
      (r): CandidateListener => ({
        id: `L${String(index).padStart(2, '0')}`,
        // A few listeners share a user id (one person in two initiatives' profiles would not, but the
        // planner must not care), and some are a seeker.
        userId: `U${r.user}`,
        status: r.status,
        capacity: r.capacity,
        reservedSlots: Math.min(r.reserved, r.capacity),
        topicIds: r.topics,
        languages: r.languages,
        timezone: r.timezone,
        quietHoursStart: r.quiet[0],
        quietHoursEnd: r.quiet[1],
        workingHours: r.hours,
        lastOfferAt: r.lastOffer,
      }),
    );

const requestArb = (index: number, listenerCount: number) =>
  fc
    .record({
      seeker: fc.integer({ min: 0, max: 9 }),
      topic: fc.constantFrom<string | null>(...TOPICS, null),
      language: fc.constantFrom<string | null>(null, ...LANGUAGES),
      sameTimezone: fc.boolean(),
      seekerTimezone: fc.constantFrom(...ZONES),
      excluded: fc.subarray(Array.from({ length: listenerCount }, (_, i) => `L${String(i).padStart(2, '0')}`), { maxLength: Math.min(3, listenerCount) }),
      declined: fc.subarray(Array.from({ length: listenerCount }, (_, i) => `L${String(i).padStart(2, '0')}`), { maxLength: Math.min(2, listenerCount) }),
      blocked: fc.subarray(['U0', 'U1', 'U2', 'U3'], { maxLength: 2 }),
    })
    .map(
      (r): RequestToMatch => ({
        id: `R${String(index).padStart(2, '0')}`,
        seekerId: `U${r.seeker}`,
        topicId: r.topic,
        language: r.language,
        sameTimezone: r.sameTimezone,
        seekerTimezone: r.seekerTimezone,
        excludedListenerIds: new Set(r.excluded),
        pastOffers: r.declined.map((listenerId, i) => ({
          listenerId,
          status: i % 2 === 0 ? ('declined' as const) : ('timed_out' as const),
          respondedAt: new Date(NOW.getTime() - (i + 1) * 20 * 60 * 60 * 1000),
        })),
        blockedListenerUserIds: new Set(r.blocked),
      }),
    );

const worldArb = fc
  .record({ listeners: fc.integer({ min: 0, max: 14 }), requests: fc.integer({ min: 0, max: 25 }) })
  .chain(({ listeners, requests }) =>
    fc.record({
      listeners: fc.tuple(...Array.from({ length: listeners }, (_, i) => listenerArb(i))),
      requests: fc.tuple(...Array.from({ length: requests }, (_, i) => requestArb(i, listeners))),
    }),
  );

describe('planOffers against the plain rules', () => {
  it('plans what offering each request in turn to its best-ranked listener would', () => {
    fc.assert(
      fc.property(worldArb, ({ listeners, requests }) => {
        expect(planOffers(requests, listeners, NOW)).toEqual(reference(requests, listeners, NOW));
      }),
      { numRuns: 2000 },
    );
  });

  it('never plans a listener past their capacity', () => {
    fc.assert(
      fc.property(worldArb, ({ listeners, requests }) => {
        const planned = new Map<string, number>();
        for (const p of planOffers(requests, listeners, NOW)) planned.set(p.listenerId, (planned.get(p.listenerId) ?? 0) + 1);
        for (const l of listeners) expect(l.reservedSlots + (planned.get(l.id) ?? 0)).toBeLessThanOrEqual(Math.max(l.capacity, l.reservedSlots));
      }),
      { numRuns: 500 },
    );
  });
});
