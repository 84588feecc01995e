import { isWithinWorkingHoursAt, type WorkingHours } from './availability.js';
import { isInQuietHoursAt, localTime, utcOffsetMinutes, type LocalTime } from './local-time.js';
import { getOrCreate } from './maps.js';

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
    return getOrCreate(cache, timeZone, () => localTime(now, timeZone));
  };
}

/** What decides when offers may reach a listener: their quiet and working hours, in their timezone. */
type ListenerHours = Pick<CandidateListener, 'timezone' | 'quietHoursStart' | 'quietHoursEnd' | 'workingHours'>;

/** Whether the listener's own hours keep offers away at this local time: quiet hours, then working hours. */
function hoursExclusion(listener: ListenerHours, local: LocalTime): 'quiet-hours' | 'off-hours' | null {
  if (isInQuietHoursAt(local, listener.quietHoursStart, listener.quietHoursEnd)) return 'quiet-hours';
  if (!isWithinWorkingHoursAt(local, listener.workingHours)) return 'off-hours';
  return null;
}

/**
 * `hoursExclusion` at one instant, worked out once per distinct set of hours: most listeners share a few
 * (the default working hours in a handful of timezones), and parsing every listener's clock strings
 * showed in profiles of a 5,000-listener sweep. Working hours are told apart by object, so a caller that
 * shares one object among listeners with the same hours (the sweep does) gets the most from this.
 */
function hoursCache(now: Date): (listener: CandidateListener) => 'quiet-hours' | 'off-hours' | null {
  const local = localTimeCache(now);
  const cache = new Map<WorkingHours, Map<string, 'quiet-hours' | 'off-hours' | null>>();
  return (l) => {
    const byZone = getOrCreate(cache, l.workingHours, () => new Map<string, 'quiet-hours' | 'off-hours' | null>());
    const key = `${l.timezone}|${l.quietHoursStart}|${l.quietHoursEnd}`;
    return getOrCreate(byZone, key, () => hoursExclusion(l, local(l.timezone)));
  };
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
    return getOrCreate(cache, timeZone, () => utcOffsetMinutes(now, timeZone));
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

/** A listener who can take offers now, as the planner tracks them. */
interface Ready {
  listener: CandidateListener;
  /** Slots reserved so far, counting the offers planned in this run. */
  reserved: number;
  offset: number;
  lastOffer: number;
}

/** The order among listeners with as many slots reserved: longest since their last offer first, then by id (as `keyOf`). */
function before(a: Ready, b: Ready): boolean {
  if (a.lastOffer !== b.lastOffer) return a.lastOffer < b.lastOffer;
  return a.listener.id < b.listener.id;
}

/** Inserts `ready` into a list kept in `before` order; returns where. */
function insertSorted(list: Ready[], ready: Ready): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (before(list[mid]!, ready)) lo = mid + 1;
    else hi = mid;
  }
  list.splice(lo, 0, ready);
  return lo;
}

/**
 * One topic's listeners by slots reserved: `levels[n]` holds those who had n reserved when put there, in
 * `before` order. A listener planned an offer moves up a level; the entry left behind is skipped (its
 * `reserved` no longer matches), and `starts[n]` steps past such entries at the front.
 */
interface TopicQueue {
  levels: Ready[][];
  starts: number[];
}

function levelOf(queue: TopicQueue, n: number): Ready[] {
  while (queue.levels.length <= n) {
    queue.levels.push([]);
    queue.starts.push(0);
  }
  return queue.levels[n]!;
}

/**
 * Plans one offer for each of many waiting requests (oldest first), so a sweep after a listener frees
 * up, or 1,000 requests against 5,000 listeners, is one pass in memory: the same rules and order as
 * `rankListeners`. Everything that does not depend on the request (hours, timezone offsets) is worked
 * out once per listener, and each topic's listeners are kept in order of fewest reserved slots, then
 * longest since the last offer, so a request usually stops at the first listener who suits it instead of
 * comparing every listener of the topic. Slots are counted down as they are planned; the service still
 * takes each slot atomically in the database, because another process may be planning at the same time.
 */
export function planOffers(requests: readonly RequestToMatch[], listeners: readonly CandidateListener[], now: Date): PlannedOffer[] {
  const offset = offsetCache(now);
  const hours = hoursCache(now);
  const ready: Ready[] = [];
  for (const l of listeners) {
    if (l.status !== 'active' || l.reservedSlots >= l.capacity || hours(l) !== null) continue;
    ready.push({ listener: l, reserved: l.reservedSlots, offset: offset(l.timezone), lastOffer: l.lastOfferAt ? l.lastOfferAt.getTime() : 0 });
  }
  // Sorted once, so each level starts in order by appending.
  ready.sort((a, b) => (before(a, b) ? -1 : 1));
  const queues = new Map<string, TopicQueue>();
  const queueOf = (topicId: string): TopicQueue => getOrCreate(queues, topicId, () => ({ levels: [], starts: [] }));
  for (const r of ready) for (const t of new Set(r.listener.topicIds)) levelOf(queueOf(t), r.reserved).push(r);

  const plans: PlannedOffer[] = [];
  for (const request of requests) {
    if (request.topicId === null) continue;
    const queue = queues.get(request.topicId);
    if (!queue) continue;
    const seekerOffset = offset(request.seekerTimezone);
    const excluded = excludedAt(request, now);
    const blocked = request.blockedListenerUserIds;
    // Language and timezone come before slots in the order (see keyOf): the first listener met of each
    // class is that class's best, and the first of class 0 (both suit) is the best of all.
    let best: Ready | undefined;
    let bestClass = 4;
    levels: for (let level = 0; level < queue.levels.length; level++) {
      const list = queue.levels[level]!;
      let i = queue.starts[level]!;
      while (i < list.length && list[i]!.reserved !== level) i++;
      queue.starts[level] = i;
      for (; i < list.length; i++) {
        const r = list[i]!;
        if (r.reserved !== level) continue;
        const l = r.listener;
        if (l.userId === request.seekerId || excluded.has(l.id) || blocked.has(l.userId)) continue;
        const language = request.language && !l.languages.includes(request.language) ? 2 : 0;
        const timezone = request.sameTimezone && !timezonesClose(seekerOffset, r.offset) ? 1 : 0;
        const cls = language + timezone;
        if (cls < bestClass) {
          best = r;
          bestClass = cls;
          if (cls === 0) break levels;
        }
      }
    }
    if (!best) continue;
    best.reserved += 1;
    if (best.reserved < best.listener.capacity) {
      for (const t of new Set(best.listener.topicIds)) {
        const queue = queueOf(t);
        const at = insertSorted(levelOf(queue, best.reserved), best);
        // It may land before entries already stepped past.
        if (at < queue.starts[best.reserved]!) queue.starts[best.reserved] = at;
      }
    }
    plans.push({ requestId: request.id, listenerId: best.listener.id });
  }
  return plans;
}

/**
 * Planned offers in `parts` groups of about equal size (more groups when a group would otherwise hold
 * over about `maxPerPart`), each listener's offers all in one group and each group in plan order: groups
 * then share no listener (and no request), so their claims can run at the same time on separate
 * connections without waiting on each other's row locks.
 */
export function splitByListener<P extends { listenerId: string }>(plans: readonly P[], parts: number, maxPerPart: number): P[][] {
  const count = Math.max(1, parts, Math.ceil(plans.length / maxPerPart));
  if (count === 1) return plans.length === 0 ? [] : [[...plans]];
  const groups: P[][] = Array.from({ length: count }, () => []);
  const groupOf = new Map<string, number>();
  // Each listener, at their first planned offer, goes to the group with the fewest offers so far.
  const sizes = new Map<string, number>();
  for (const p of plans) sizes.set(p.listenerId, (sizes.get(p.listenerId) ?? 0) + 1);
  const load = groups.map(() => 0);
  for (const p of plans) {
    let group = groupOf.get(p.listenerId);
    if (group === undefined) {
      group = load.indexOf(Math.min(...load));
      groupOf.set(p.listenerId, group);
      load[group]! += sizes.get(p.listenerId)!;
    }
    groups[group]!.push(p);
  }
  return groups.filter((g) => g.length > 0);
}
