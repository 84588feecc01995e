import { isInQuietHours, utcOffsetMinutes } from './local-time.js';

// Matching (DESIGN.md, issue 4): plain rules over plain data, no Slack or Prisma.
// Eligible: approved and active, shares the topic, has a free slot, is not the seeker, has not declined
// or timed out on this request, is not blocked with the seeker, and is outside their quiet hours now.
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
  lastOfferAt: Date | null;
}

export interface RequestToMatch {
  id: string;
  seekerId: string;
  topicId: string | null;
  language: string | null;
  sameTimezone: boolean;
  seekerTimezone: string | null;
  /** Listener profile ids that declined or timed out on this request, or were left by "someone else". */
  excludedListenerIds: ReadonlySet<string>;
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
  | 'quiet-hours';

/** Why a listener cannot take this request now, or null when they can. */
export function ineligibility(request: RequestToMatch, listener: CandidateListener, now: Date): Ineligibility | null {
  if (listener.status !== 'active') return 'not-active';
  if (listener.userId === request.seekerId) return 'is-seeker';
  if (request.topicId === null || !listener.topicIds.includes(request.topicId)) return 'no-topic';
  if (listener.reservedSlots >= listener.capacity) return 'full';
  if (request.excludedListenerIds.has(listener.id)) return 'excluded';
  if (request.blockedListenerUserIds.has(listener.userId)) return 'blocked';
  if (isInQuietHours(now, listener.timezone, listener.quietHoursStart, listener.quietHoursEnd)) return 'quiet-hours';
  return null;
}

/** Hours apart that still count as "a similar timezone". */
export const TIMEZONE_OVERLAP_HOURS = 3;

function timezoneClose(request: RequestToMatch, listener: CandidateListener, now: Date): boolean {
  const diff = Math.abs(utcOffsetMinutes(now, request.seekerTimezone) - utcOffsetMinutes(now, listener.timezone));
  return Math.min(diff, 24 * 60 - diff) <= TIMEZONE_OVERLAP_HOURS * 60;
}

/** Sort key: smaller is better. */
function score(request: RequestToMatch, listener: CandidateListener, now: Date): [number, number, number, number, string] {
  const language = request.language && !listener.languages.includes(request.language) ? 1 : 0;
  const timezone = request.sameTimezone && !timezoneClose(request, listener, now) ? 1 : 0;
  const lastOffer = listener.lastOfferAt ? listener.lastOfferAt.getTime() : 0;
  return [language, timezone, listener.reservedSlots, lastOffer, listener.id];
}

function compare(a: [number, number, number, number, string], b: [number, number, number, number, string]): number {
  for (let i = 0; i < 4; i++) {
    const d = (a[i] as number) - (b[i] as number);
    if (d !== 0) return d;
  }
  return a[4] < b[4] ? -1 : a[4] > b[4] ? 1 : 0;
}

export type MatchOutcome =
  | { kind: 'matched'; ranked: CandidateListener[] }
  | { kind: 'no-listener'; waitingForQuietHours: boolean };

/** Eligible listeners for one request, best first. */
export function rankListeners(request: RequestToMatch, listeners: readonly CandidateListener[], now: Date): MatchOutcome {
  let quiet = false;
  const eligible: { listener: CandidateListener; key: ReturnType<typeof score> }[] = [];
  for (const listener of listeners) {
    const why = ineligibility(request, listener, now);
    if (why === null) eligible.push({ listener, key: score(request, listener, now) });
    else if (why === 'quiet-hours') quiet = true;
  }
  if (eligible.length === 0) return { kind: 'no-listener', waitingForQuietHours: quiet };
  eligible.sort((a, b) => compare(a.key, b.key));
  return { kind: 'matched', ranked: eligible.map((e) => e.listener) };
}

export interface PlannedOffer {
  requestId: string;
  listenerId: string;
}

/**
 * Plans one offer for each of many waiting requests (oldest first), so a sweep after a listener frees
 * up, or a bench of 1,000 requests against 5,000 listeners, is one pass in memory. Slots are counted
 * down as they are planned; the service still takes each slot atomically in the database, because
 * another process may be planning at the same time.
 */
export function planOffers(requests: readonly RequestToMatch[], listeners: readonly CandidateListener[], now: Date): PlannedOffer[] {
  const byTopic = new Map<string, CandidateListener[]>();
  for (const l of listeners) {
    if (l.status !== 'active' || l.reservedSlots >= l.capacity) continue;
    if (isInQuietHours(now, l.timezone, l.quietHoursStart, l.quietHoursEnd)) continue;
    for (const t of l.topicIds) {
      let list = byTopic.get(t);
      if (!list) byTopic.set(t, (list = []));
      list.push(l);
    }
  }
  const reserved = new Map<string, number>();
  const plans: PlannedOffer[] = [];
  for (const request of requests) {
    if (request.topicId === null) continue;
    const pool = (byTopic.get(request.topicId) ?? []).map((l) => ({ ...l, reservedSlots: l.reservedSlots + (reserved.get(l.id) ?? 0) }));
    const outcome = rankListeners(request, pool, now);
    if (outcome.kind !== 'matched') continue;
    const best = outcome.ranked[0]!;
    reserved.set(best.id, (reserved.get(best.id) ?? 0) + 1);
    plans.push({ requestId: request.id, listenerId: best.id });
  }
  return plans;
}
