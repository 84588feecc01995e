import { isWithinWorkingHoursAt, type WorkingHours } from './availability.js';
import { isInQuietHoursAt, localTime, utcOffsetMinutes, type LocalTime } from './local-time.js';

// Matching (DESIGN.md, issue 4): plain rules over plain data, no Slack or Prisma.
// Eligible: approved and active, shares the topic, has a free slot, is not the seeker, has not declined
// this request (nor left it unanswered in the last day, see `offerStillExcludes`), is not blocked with the
// seeker, is outside their quiet hours now, and is within their working hours now (issue 15: no offer at
// 2 a.m.), both in their own timezone.
// Preference order: language match, timezone overlap when asked, fewest reserved slots, longest since
// their last offer (so offers spread fairly), then id for a stable order.

export interface CandidateListener {
  id: string;
  userId: string;
  status: 'pending' | 'active' | 'paused';
  capacity: number;
  reservedSlots: number;
  topicIds: readonly string[];
  languages: readonly string[];
  timezone: string | null;
  quietHoursStart: string | null;
  quietHoursEnd: string | null;
  /** When offers may reach them, in `timezone` (UTC when unknown). */
  workingHours: WorkingHours;
  lastOfferAt: Date | null;
}

/** An offer of this request that was declined or timed out, and when. */
export interface PastOffer {
  listenerId: string;
  status: 'declined' | 'timed_out';
  respondedAt: Date;
}

/** How long an unanswered offer keeps its listener from the request. */
export const TIMED_OUT_EXCLUSION_HOURS = 24;

/**
 * Whether a past offer still keeps its listener from the request at `now`: a declined one for good (they
 * said no), an unanswered one for a day after it timed out (they may have been away; without this, a
 * small initiative's only listener back from a pause would never see those seekers again).
 */
export function offerStillExcludes(offer: PastOffer, now: Date): boolean {
  if (offer.status === 'declined') return true;
  return now.getTime() < offer.respondedAt.getTime() + TIMED_OUT_EXCLUSION_HOURS * 60 * 60 * 1000;
}

export interface RequestToMatch {
  id: string;
  seekerId: string;
  topicId: string | null;
  language: string | null;
  sameTimezone: boolean;
  seekerTimezone: string | null;
  /** Listener profile ids never offered this request again, whatever the time: those left by "someone else". */
  excludedListenerIds: ReadonlySet<string>;
  /** This request's declined and timed-out offers (see `offerStillExcludes`). */
  pastOffers: readonly PastOffer[];
  /** Listener user ids blocked with this seeker. */
  blockedListenerUserIds: ReadonlySet<string>;
}

export type Ineligibility =
  | 'not-active'
  | 'no-topic'
  | 'full'
  | 'is-seeker'
  | 'excluded'
  | 'blocked'
  | 'quiet-hours'
  | 'off-hours';

/** Local times at one instant, computed once per timezone (Intl is slow enough to matter at scale). */
function localTimeCache(now: Date): (timeZone: string | null) => LocalTime {
  const cache = new Map<string | null, LocalTime>();
  return (timeZone) => {
    let local = cache.get(timeZone);
    if (local === undefined) cache.set(timeZone, (local = localTime(now, timeZone)));
    return local;
  };
}

/** Whether the listener's own hours keep offers away at this local time: quiet hours, then working hours. */
function hoursExclusion(listener: CandidateListener, local: LocalTime): 'quiet-hours' | 'off-hours' | null {
  if (isInQuietHoursAt(local, listener.quietHoursStart, listener.quietHoursEnd)) return 'quiet-hours';
  if (!isWithinWorkingHoursAt(local, listener.workingHours)) return 'off-hours';
  return null;
}

/**
 * Why a listener cannot take this request now, or null when they can. The hours come last, so
 * 'quiet-hours' and 'off-hours' mean the listener could take it at another time of day.
 */
export function ineligibility(request: RequestToMatch, listener: CandidateListener, now: Date): Ineligibility | null {
  return ineligibleAt(request, excludedAt(request, now), listener, localTime(now, listener.timezone));
}

/** Listener profile ids this request may not be offered to at `now`, worked out once per request. */
function excludedAt(request: RequestToMatch, now: Date): ReadonlySet<string> {
  if (request.pastOffers.length === 0) return request.excludedListenerIds;
  const excluded = new Set(request.excludedListenerIds);
  for (const offer of request.pastOffers) if (offerStillExcludes(offer, now)) excluded.add(offer.listenerId);
  return excluded;
}

/** The same, with the excluded listeners and the listener's local time now already worked out. */
function ineligibleAt(request: RequestToMatch, excluded: ReadonlySet<string>, listener: CandidateListener, local: LocalTime): Ineligibility | null {
  if (listener.status !== 'active') return 'not-active';
  if (listener.userId === request.seekerId) return 'is-seeker';
  if (request.topicId === null || !listener.topicIds.includes(request.topicId)) return 'no-topic';
  if (listener.reservedSlots >= listener.capacity) return 'full';
  if (excluded.has(listener.id)) return 'excluded';
  if (request.blockedListenerUserIds.has(listener.userId)) return 'blocked';
  return hoursExclusion(listener, local);
}

/** Hours apart that still count as "a similar timezone". */
export const TIMEZONE_OVERLAP_HOURS = 3;

/** UTC offsets at one instant, computed once per timezone (Intl is slow enough to matter at scale). */
function offsetCache(now: Date): (timeZone: string | null) => number {
  const cache = new Map<string | null, number>();
  return (timeZone) => {
    let offset = cache.get(timeZone);
    if (offset === undefined) cache.set(timeZone, (offset = utcOffsetMinutes(now, timeZone)));
    return offset;
  };
}

function timezonesClose(a: number, b: number): boolean {
  const diff = Math.abs(a - b);
  return Math.min(diff, 24 * 60 - diff) <= TIMEZONE_OVERLAP_HOURS * 60;
}

type Key = [language: number, timezone: number, reserved: number, lastOffer: number, id: string];

/** Sort key: smaller is better. */
function keyOf(request: RequestToMatch, listener: CandidateListener, reserved: number, seekerOffset: number, listenerOffset: number): Key {
  const language = request.language && !listener.languages.includes(request.language) ? 1 : 0;
  const timezone = request.sameTimezone && !timezonesClose(seekerOffset, listenerOffset) ? 1 : 0;
  const lastOffer = listener.lastOfferAt ? listener.lastOfferAt.getTime() : 0;
  return [language, timezone, reserved, lastOffer, listener.id];
}

function compare(a: Key, b: Key): number {
  for (let i = 0; i < 4; i++) {
    const d = (a[i] as number) - (b[i] as number);
    if (d !== 0) return d;
  }
  return a[4] < b[4] ? -1 : a[4] > b[4] ? 1 : 0;
}

export type MatchOutcome =
  | { kind: 'matched'; ranked: CandidateListener[] }
  /** True when someone could take it but for their hours (quiet or working): it will be offered when those begin. */
  | { kind: 'no-listener'; waitingForHours: boolean };

/** Eligible listeners for one request, best first. */
export function rankListeners(request: RequestToMatch, listeners: readonly CandidateListener[], now: Date): MatchOutcome {
  const offset = offsetCache(now);
  const local = localTimeCache(now);
  const seekerOffset = offset(request.seekerTimezone);
  const excluded = excludedAt(request, now);
  let waitingForHours = false;
  const eligible: { listener: CandidateListener; key: Key }[] = [];
  for (const listener of listeners) {
    const why = ineligibleAt(request, excluded, listener, local(listener.timezone));
    if (why === null) eligible.push({ listener, key: keyOf(request, listener, listener.reservedSlots, seekerOffset, offset(listener.timezone)) });
    else if (why === 'quiet-hours' || why === 'off-hours') waitingForHours = true;
  }
  if (eligible.length === 0) return { kind: 'no-listener', waitingForHours };
  eligible.sort((a, b) => compare(a.key, b.key));
  return { kind: 'matched', ranked: eligible.map((e) => e.listener) };
}

export interface PlannedOffer {
  requestId: string;
  listenerId: string;
}

/**
 * Plans one offer for each of many waiting requests (oldest first), so a sweep after a listener frees
 * up, or 1,000 requests against 5,000 listeners, is one pass in memory: the same rules as
 * `rankListeners`, with everything that does not depend on the request worked out once per listener.
 * Slots are counted down as they are planned; the service still takes each slot atomically in the
 * database, because another process may be planning at the same time.
 */
export function planOffers(requests: readonly RequestToMatch[], listeners: readonly CandidateListener[], now: Date): PlannedOffer[] {
  const offset = offsetCache(now);
  const local = localTimeCache(now);
  interface Ready {
    listener: CandidateListener;
    offset: number;
    reserved: number;
  }
  const byTopic = new Map<string, Ready[]>();
  for (const l of listeners) {
    if (l.status !== 'active' || l.reservedSlots >= l.capacity) continue;
    if (hoursExclusion(l, local(l.timezone)) !== null) continue;
    const ready: Ready = { listener: l, offset: offset(l.timezone), reserved: l.reservedSlots };
    for (const t of l.topicIds) {
      let list = byTopic.get(t);
      if (!list) byTopic.set(t, (list = []));
      list.push(ready);
    }
  }
  const plans: PlannedOffer[] = [];
  for (const request of requests) {
    if (request.topicId === null) continue;
    const seekerOffset = offset(request.seekerTimezone);
    const excluded = excludedAt(request, now);
    let best: Ready | undefined;
    let bestKey: Key | undefined;
    for (const ready of byTopic.get(request.topicId) ?? []) {
      const l = ready.listener;
      if (ready.reserved >= l.capacity || l.userId === request.seekerId) continue;
      if (excluded.has(l.id) || request.blockedListenerUserIds.has(l.userId)) continue;
      const key = keyOf(request, l, ready.reserved, seekerOffset, ready.offset);
      if (!bestKey || compare(key, bestKey) < 0) {
        best = ready;
        bestKey = key;
      }
    }
    if (!best) continue;
    best.reserved += 1;
    plans.push({ requestId: request.id, listenerId: best.listener.id });
  }
  return plans;
}
