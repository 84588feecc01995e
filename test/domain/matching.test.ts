import { describe, expect, it } from 'vitest';
import {
  ineligibility,
  offerStillExcludes,
  planOffers,
  rankListeners,
  splitByListener,
  type CandidateListener,
  type RequestToMatch,
} from '../../src/domain/matching.js';
import type { WorkingHours } from '../../src/domain/availability.js';

const NOW = new Date('2026-03-02T10:00:00Z'); // a Monday, 10:00 UTC
const ANY_TIME: WorkingHours = { days: [0, 1, 2, 3, 4, 5, 6], start: '00:00', end: '00:00' };
const HOUR = 60 * 60 * 1000;
const OFFICE: WorkingHours = { days: [1, 2, 3, 4, 5], start: '09:00', end: '18:00' };

function listener(overrides: Partial<CandidateListener> & { id: string }): CandidateListener {
  return {
    userId: `U-${overrides.id}`,
    status: 'active',
    capacity: 2,
    reservedSlots: 0,
    topicIds: ['anxiety'],
    languages: ['en'],
    timezone: 'Europe/London',
    quietHoursStart: null,
    quietHoursEnd: null,
    // Any time by default, so the tests that are not about hours do not depend on them.
    workingHours: ANY_TIME,
    lastOfferAt: null,
    ...overrides,
  };
}

function request(overrides: Partial<RequestToMatch> = {}): RequestToMatch {
  return {
    id: 'R1',
    seekerId: 'U-seeker',
    topicId: 'anxiety',
    language: null,
    sameTimezone: false,
    seekerTimezone: null,
    excludedListenerIds: new Set(),
    pastOffers: [],
    blockedListenerUserIds: new Set(),
    ...overrides,
  };
}

describe('ineligibility', () => {
  it.each([
    ['an active listener who shares the topic and has a free slot', listener({ id: 'a' }), request(), null],
    ['a paused listener', listener({ id: 'a', status: 'paused' }), request(), 'not-active'],
    ['a listener waiting for approval', listener({ id: 'a', status: 'pending' }), request(), 'not-active'],
    ['a listener without the topic', listener({ id: 'a', topicIds: ['grief'] }), request(), 'no-topic'],
    ['a listener with every slot taken', listener({ id: 'a', capacity: 2, reservedSlots: 2 }), request(), 'full'],
    ['the seeker themself', listener({ id: 'a', userId: 'U-seeker' }), request(), 'is-seeker'],
    ['a listener once paired on this request (the seeker asked for someone else)', listener({ id: 'a' }), request({ excludedListenerIds: new Set(['a']) }), 'excluded'],
    [
      'a listener who declined this request a month ago',
      listener({ id: 'a' }),
      request({ pastOffers: [{ listenerId: 'a', status: 'declined', respondedAt: new Date(NOW.getTime() - 30 * 24 * HOUR) }] }),
      'excluded',
    ],
    [
      'a listener whose offer of this request timed out an hour ago',
      listener({ id: 'a' }),
      request({ pastOffers: [{ listenerId: 'a', status: 'timed_out', respondedAt: new Date(NOW.getTime() - HOUR) }] }),
      'excluded',
    ],
    [
      'a listener whose offer of this request timed out a day ago',
      listener({ id: 'a' }),
      request({ pastOffers: [{ listenerId: 'a', status: 'timed_out', respondedAt: new Date(NOW.getTime() - 24 * HOUR) }] }),
      null,
    ],
    [
      'a listener who declined this request, though a later offer of it timed out days ago',
      listener({ id: 'a' }),
      request({
        pastOffers: [
          { listenerId: 'a', status: 'declined', respondedAt: new Date(NOW.getTime() - 5 * 24 * HOUR) },
          { listenerId: 'a', status: 'timed_out', respondedAt: new Date(NOW.getTime() - 3 * 24 * HOUR) },
        ],
      }),
      'excluded',
    ],
    ['a listener blocked with the seeker', listener({ id: 'a' }), request({ blockedListenerUserIds: new Set(['U-a']) }), 'blocked'],
    [
      'a listener in their quiet hours (09:00 to 17:00 London, now 10:00)',
      listener({ id: 'a', quietHoursStart: '09:00', quietHoursEnd: '17:00' }),
      request(),
      'quiet-hours',
    ],
    [
      'a listener whose quiet hours wrap past midnight but are over (22:00 to 07:00)',
      listener({ id: 'a', quietHoursStart: '22:00', quietHoursEnd: '07:00' }),
      request(),
      null,
    ],
    [
      'a listener in Auckland at 23:00 their time inside 22:00 to 07:00',
      listener({ id: 'a', timezone: 'Pacific/Auckland', quietHoursStart: '22:00', quietHoursEnd: '07:00' }),
      request(),
      'quiet-hours',
    ],
  ])('%s → %s', (_name, l, r, expected) => {
    expect(ineligibility(r, l, NOW)).toBe(expected);
  });
});

describe('offerStillExcludes: an unanswered offer may come back a day later, a declined one never', () => {
  const at = new Date('2026-03-01T10:00:00Z');
  it.each([
    ['declined', 0, true],
    ['declined', 365 * 24, true],
    ['timed_out', 0, true],
    ['timed_out', 23, true],
    ['timed_out', 23.999, true],
    ['timed_out', 24, false],
    ['timed_out', 72, false],
  ] as const)('%s, %s hours later → %s', (status, hours, expected) => {
    expect(offerStillExcludes({ listenerId: 'a', status, respondedAt: at }, new Date(at.getTime() + hours * HOUR))).toBe(expected);
  });
});

describe('rankListeners', () => {
  it('prefers a listener who speaks the requested language', () => {
    const outcome = rankListeners(request({ language: 'fr' }), [listener({ id: 'en' }), listener({ id: 'fr', languages: ['en', 'fr'] })], NOW);
    expect(outcome.kind === 'matched' && outcome.ranked.map((l) => l.id)).toEqual(['fr', 'en']);
  });

  it('prefers a similar timezone only when the seeker asked for one', () => {
    const tokyo = listener({ id: 'tokyo', timezone: 'Asia/Tokyo' });
    const paris = listener({ id: 'paris', timezone: 'Europe/Paris', lastOfferAt: new Date('2026-03-01T00:00:00Z') });
    const asked = rankListeners(request({ sameTimezone: true, seekerTimezone: 'Europe/London' }), [tokyo, paris], NOW);
    expect(asked.kind === 'matched' && asked.ranked[0]!.id).toBe('paris');
    const notAsked = rankListeners(request(), [paris, tokyo], NOW);
    // Without the preference, the listener who has waited longest since an offer comes first.
    expect(notAsked.kind === 'matched' && notAsked.ranked[0]!.id).toBe('tokyo');
  });

  it('prefers fewer active pairings, then the longest time since the last offer', () => {
    const busy = listener({ id: 'busy', reservedSlots: 1 });
    const recent = listener({ id: 'recent', lastOfferAt: new Date('2026-03-02T09:00:00Z') });
    const rested = listener({ id: 'rested', lastOfferAt: new Date('2026-02-20T09:00:00Z') });
    const outcome = rankListeners(request(), [busy, recent, rested], NOW);
    expect(outcome.kind === 'matched' && outcome.ranked.map((l) => l.id)).toEqual(['rested', 'recent', 'busy']);
  });

  it('says nobody is free, and whether someone will be after their quiet hours', () => {
    expect(rankListeners(request(), [listener({ id: 'a', status: 'paused' })], NOW)).toEqual({ kind: 'no-listener', waitingForHours: false });
    expect(rankListeners(request(), [listener({ id: 'a', quietHoursStart: '08:00', quietHoursEnd: '12:00' })], NOW)).toEqual({
      kind: 'no-listener',
      waitingForHours: true,
    });
  });
});

describe('planOffers', () => {
  it('never plans more offers for a listener than their free slots', () => {
    const listeners = [listener({ id: 'a', capacity: 2 }), listener({ id: 'b', capacity: 1, reservedSlots: 0 })];
    const requests = Array.from({ length: 10 }, (_, i) => request({ id: `R${i}`, seekerId: `U-s${i}` }));
    const plans = planOffers(requests, listeners, NOW);
    expect(plans).toHaveLength(3);
    expect(plans.filter((p) => p.listenerId === 'a')).toHaveLength(2);
    expect(plans.filter((p) => p.listenerId === 'b')).toHaveLength(1);
    expect(plans.map((p) => p.requestId)).toEqual(['R0', 'R1', 'R2']);
  });

  it('spreads offers across listeners before doubling anyone up', () => {
    const listeners = ['a', 'b', 'c'].map((id) => listener({ id, capacity: 3 }));
    const plans = planOffers([request({ id: 'R1' }), request({ id: 'R2' }), request({ id: 'R3' })], listeners, NOW);
    expect(new Set(plans.map((p) => p.listenerId)).size).toBe(3);
  });

  it('matches only on the requested topic and skips requests whose topic is gone', () => {
    const plans = planOffers(
      [request({ id: 'grief', topicId: 'grief' }), request({ id: 'none', topicId: null }), request({ id: 'anx' })],
      [listener({ id: 'a' })],
      NOW,
    );
    expect(plans).toEqual([{ requestId: 'anx', listenerId: 'a' }]);
  });

  it('offers a request again to a listener whose offer of it timed out a day ago, never to one who declined it', () => {
    const past = (listenerId: string, status: 'declined' | 'timed_out', hoursAgo: number) => ({ listenerId, status, respondedAt: new Date(NOW.getTime() - hoursAgo * HOUR) });
    const listeners = [listener({ id: 'a', capacity: 5 })];
    const plans = planOffers(
      [
        request({ id: 'missed-yesterday', pastOffers: [past('a', 'timed_out', 25)] }),
        request({ id: 'missed-this-morning', pastOffers: [past('a', 'timed_out', 2)] }),
        request({ id: 'declined', pastOffers: [past('a', 'declined', 48)] }),
      ],
      listeners,
      NOW,
    );
    expect(plans).toEqual([{ requestId: 'missed-yesterday', listenerId: 'a' }]);
  });
});

// Issue 15: offers only within a listener's working hours, in their own timezone. NOW is Monday 10:00
// UTC: 11:00 in Berlin, 05:00 in New York, 19:00 in Tokyo, 23:00 in Auckland (summer), 02:00 in Los Angeles.
describe('working hours', () => {
  it.each([
    ['Berlin, Mon to Fri 09:00 to 18:00, at 11:00 on Monday', null, listener({ id: 'a', timezone: 'Europe/Berlin', workingHours: OFFICE })],
    [
      'Berlin, Tuesday to Sunday only, on a Monday',
      'off-hours',
      listener({ id: 'a', timezone: 'Europe/Berlin', workingHours: { days: [0, 2, 3, 4, 5, 6], start: '09:00', end: '18:00' } }),
    ],
    ['New York, Mon to Fri 09:00 to 18:00, at 05:00', 'off-hours', listener({ id: 'a', timezone: 'America/New_York', workingHours: OFFICE })],
    ['Tokyo, Mon to Fri 09:00 to 18:00, at 19:00', 'off-hours', listener({ id: 'a', timezone: 'Asia/Tokyo', workingHours: OFFICE })],
    ['Berlin, ending at 11:00 exactly, at 11:00', 'off-hours', listener({ id: 'a', timezone: 'Europe/Berlin', workingHours: { ...OFFICE, end: '11:00' } })],
    [
      'Auckland, nights 22:00 to 06:00, at 23:00',
      null,
      listener({ id: 'a', timezone: 'Pacific/Auckland', workingHours: { days: [1], start: '22:00', end: '06:00' } }),
    ],
    [
      'Los Angeles, nights 22:00 to 06:00, at 02:00 (past midnight)',
      null,
      listener({ id: 'a', timezone: 'America/Los_Angeles', workingHours: { days: [1], start: '22:00', end: '06:00' } }),
    ],
    [
      'London, nights 22:00 to 06:00, at 10:00',
      'off-hours',
      listener({ id: 'a', timezone: 'Europe/London', workingHours: { days: [0, 1, 2, 3, 4, 5, 6], start: '22:00', end: '06:00' } }),
    ],
    ['Tokyo, the same start and end (any time), at 19:00', null, listener({ id: 'a', timezone: 'Asia/Tokyo', workingHours: { ...OFFICE, start: '09:00', end: '09:00' } })],
    [
      'Tokyo, any time but only at weekends, on a Monday',
      'off-hours',
      listener({ id: 'a', timezone: 'Asia/Tokyo', workingHours: { days: [0, 6], start: '09:00', end: '09:00' } }),
    ],
    [
      'Berlin, within working hours but in quiet hours 10:00 to 12:00',
      'quiet-hours',
      listener({ id: 'a', timezone: 'Europe/Berlin', workingHours: OFFICE, quietHoursStart: '10:00', quietHoursEnd: '12:00' }),
    ],
    ['an unknown timezone counts as UTC: 09:00 to 10:00 is over at 10:00', 'off-hours', listener({ id: 'a', timezone: null, workingHours: { ...OFFICE, start: '09:00', end: '10:00' } })],
    ['an unknown timezone counts as UTC: 10:00 to 11:00 has begun', null, listener({ id: 'a', timezone: null, workingHours: { ...OFFICE, start: '10:00', end: '11:00' } })],
    [
      'an unreadable timezone counts as UTC: 10:00 to 11:00 has begun',
      null,
      listener({ id: 'a', timezone: 'Not/A_Zone', workingHours: { ...OFFICE, start: '10:00', end: '11:00' } }),
    ],
  ])('%s → %s', (_name, expected, l) => {
    expect(ineligibility(request(), l, NOW)).toBe(expected);
  });

  it('hours only count when nothing else rules the listener out', () => {
    const tokyo = { timezone: 'Asia/Tokyo', workingHours: OFFICE };
    expect(ineligibility(request(), listener({ id: 'a', ...tokyo, reservedSlots: 2 }), NOW)).toBe('full');
    expect(ineligibility(request(), listener({ id: 'a', ...tokyo, topicIds: ['grief'] }), NOW)).toBe('no-topic');
  });

  it('the request waits for hours only when someone could take it at another time', () => {
    const tokyo = listener({ id: 'tokyo', timezone: 'Asia/Tokyo', workingHours: OFFICE });
    expect(rankListeners(request(), [tokyo, listener({ id: 'p', status: 'paused' })], NOW)).toEqual({ kind: 'no-listener', waitingForHours: true });
    // Full and off hours: a free slot is what they lack first, so this is not a wait for hours.
    expect(rankListeners(request(), [{ ...tokyo, reservedSlots: 2 }], NOW)).toEqual({ kind: 'no-listener', waitingForHours: false });
    expect(rankListeners(request(), [{ ...tokyo, userId: 'U-seeker' }], NOW)).toEqual({ kind: 'no-listener', waitingForHours: false });
    // Someone in their hours is offered it, whoever else is off.
    const berlin = listener({ id: 'berlin', timezone: 'Europe/Berlin', workingHours: OFFICE, lastOfferAt: new Date('2026-03-02T09:00:00Z') });
    const outcome = rankListeners(request(), [tokyo, berlin], NOW);
    expect(outcome.kind === 'matched' && outcome.ranked.map((l) => l.id)).toEqual(['berlin']);
  });

  it('planOffers skips listeners outside their hours, as rankListeners does', () => {
    const listeners = [
      listener({ id: 'tokyo', timezone: 'Asia/Tokyo', workingHours: OFFICE, capacity: 5 }),
      listener({ id: 'new-york', timezone: 'America/New_York', workingHours: OFFICE, capacity: 5 }),
      listener({ id: 'berlin', timezone: 'Europe/Berlin', workingHours: OFFICE, capacity: 2, lastOfferAt: new Date('2026-03-02T09:00:00Z') }),
      listener({ id: 'berlin-quiet', timezone: 'Europe/Berlin', workingHours: OFFICE, capacity: 5, quietHoursStart: '10:00', quietHoursEnd: '12:00' }),
      listener({ id: 'auckland-nights', timezone: 'Pacific/Auckland', workingHours: { days: [1], start: '22:00', end: '06:00' }, capacity: 1 }),
    ];
    const requests = Array.from({ length: 6 }, (_, i) => request({ id: `R${i}`, seekerId: `U-s${i}` }));
    const plans = planOffers(requests, listeners, NOW);
    expect(plans.map((p) => p.listenerId).sort()).toEqual(['auckland-nights', 'berlin', 'berlin']);
    const ranked = rankListeners(request(), listeners, NOW);
    expect(ranked.kind === 'matched' && ranked.ranked.map((l) => l.id).sort()).toEqual(['auckland-nights', 'berlin']);
    expect(planOffers([request()], listeners, NOW)[0]?.listenerId).toBe(ranked.kind === 'matched' ? ranked.ranked[0]!.id : null);
  });

  it('planOffers plans nothing when every listener is outside their hours', () => {
    const listeners = ['Asia/Tokyo', 'America/New_York', 'America/Los_Angeles'].map((timezone, i) => listener({ id: `l${i}`, timezone, workingHours: OFFICE }));
    expect(planOffers([request()], listeners, NOW)).toEqual([]);
  });
});

describe('splitByListener', () => {
  const plans = (listenerIds: string[]) => listenerIds.map((listenerId, i) => ({ requestId: `R${i}`, listenerId }));

  it('keeps each listener in one group, groups of about equal size in plan order', () => {
    const input = plans(['A', 'B', 'A', 'C', 'D', 'C', 'E', 'F', 'B', 'G']);
    const groups = splitByListener(input, 2, 1000);
    expect(groups).toHaveLength(2);
    expect(groups.flat().map((p) => p.requestId).sort()).toEqual(input.map((p) => p.requestId).sort());
    const groupOf = new Map<string, number>();
    groups.forEach((group, g) => {
      for (const p of group) {
        expect(groupOf.get(p.listenerId) ?? g).toBe(g);
        groupOf.set(p.listenerId, g);
      }
      // In plan order within a group.
      const order = group.map((p) => Number(p.requestId.slice(1)));
      expect(order).toEqual([...order].sort((x, y) => x - y));
    });
    expect(Math.abs(groups[0]!.length - groups[1]!.length)).toBeLessThanOrEqual(2);
  });

  it('makes more groups when one would hold more than the most per group, one group when asked for one', () => {
    const input = plans(Array.from({ length: 25 }, (_, i) => `L${i}`));
    expect(splitByListener(input, 1, 10).map((g) => g.length)).toEqual([9, 8, 8]);
    expect(splitByListener(input, 1, 1000)).toEqual([input]);
    expect(splitByListener([], 2, 1000)).toEqual([]);
  });
});
