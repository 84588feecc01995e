import { describe, expect, it } from 'vitest';
import {
  ineligibility,
  planOffers,
  rankListeners,
  type CandidateListener,
  type RequestToMatch,
} from '../../src/domain/matching.js';

const NOW = new Date('2026-03-02T10:00:00Z'); // a Monday, 10:00 UTC

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
    ['a listener who declined or timed out on this request', listener({ id: 'a' }), request({ excludedListenerIds: new Set(['a']) }), 'excluded'],
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
    expect(rankListeners(request(), [listener({ id: 'a', status: 'paused' })], NOW)).toEqual({ kind: 'no-listener', waitingForQuietHours: false });
    expect(rankListeners(request(), [listener({ id: 'a', quietHoursStart: '08:00', quietHoursEnd: '12:00' })], NOW)).toEqual({
      kind: 'no-listener',
      waitingForQuietHours: true,
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
});
