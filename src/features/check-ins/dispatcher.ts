import { isHumaneTime, isWakingTime, nextDeliveryTime, nextWakingTime, type QuietHours } from '../../domain/delivery.js';
import { PARKED, UNAVAILABLE_RETRY_MS } from '../../delivery/unavailable.js';
import { WorkspaceUnavailableError } from '../../slack/workspace-tokens.js';
import { drain, type DeliveryDeps, type DispatchOptions, type DispatchReport, type PacedSender, type Queue, type SendOutcome } from '../../delivery/dispatcher.js';
import { LeaseRunningOut, withinLease, type Claim } from '../../delivery/lease.js';
import { errorCodeOf, retryAfterOf } from '../../slack/bulk-sender.js';
import { chooseAppLanguage } from '../../domain/app-language.js';
import { resourcesIn } from '../../domain/initiative-texts.js';
import { translatorFor, type Translate } from '../../i18n/translate.js';
import { cachedPerson, type CachedPerson, type SlackPerson } from '../common/timezones.js';
import { REVIEW_KINDS, type CheckInKind } from './ids.js';
import { cancelClaimed, cancelIdleListenerCheckIn, loadClaimed, markSent, postpone, recordFailure, type ClaimedCheckIn } from './service.js';
import { renderCircleSessionPrompt, renderListenerCheckIn, renderReviewCheckIn, renderSeekerCheckIn, renderWaitingUpdate } from './views.js';

// Sends due check-ins through the one dispatcher (src/delivery/dispatcher.ts): check the subject is
// still open and the hour is humane for the recipient, send through the paced bulk client, record
// Slack's ts and schedule the next. A 429 puts the row back for Retry-After without counting an
// attempt; any other failure is retried with backoff and given up after a bounded number of tries.

/** Everything a batch of claimed check-ins needs, loaded with one query per table. */
interface BatchContext {
  initiatives: Map<string, { resources: string; checkInEveryDays: number; waitingUpdateEveryDays: number; workspaceId: string; language: string; texts: string }>;
  requests: Map<string, string>;
  pairings: Map<string, { status: string; seekerPseudonym: string; listenerPseudonym: string; startedAt: Date; quiet: QuietHours | null }>;
  /** Listener profiles (the subject of 'listener' check-ins) that still exist, with their load. */
  listeners: Map<string, { activeConversations: number; quiet: QuietHours | null }>;
  /** Circle members (the subject of 'circle_session' check-ins) still in their circle, with its words. */
  circleMembers: Map<string, CircleMemberContext>;
  people: Map<string, CachedPerson>;
  /** The languages recipients chose in the app (issue 19), by user id; most have none. */
  chosen: Map<string, string | null>;
}

interface CircleMemberContext {
  channel: string | null;
  threadTs: string | null;
  circle: { status: string; prompt: string; guidelines: string };
}

function quietOf(profile: { quietHoursStart: string | null; quietHoursEnd: string | null }): QuietHours | null {
  const { quietHoursStart: start, quietHoursEnd: end } = profile;
  return start && end ? { start, end } : null;
}

async function loadContext(deps: DeliveryDeps, claimed: ClaimedCheckIn[]): Promise<BatchContext> {
  const subjects = (kinds: readonly CheckInKind[]) => claimed.filter((c) => kinds.includes(c.kind)).map((c) => c.subjectId);
  const recipients = [...new Set(claimed.map((c) => c.recipientId))];
  const [initiatives, requests, pairings, listeners, circleMembers, people, preferences] = await Promise.all([
    deps.db.initiative.findMany({
      where: { id: { in: [...new Set(claimed.map((c) => c.initiativeId))] } },
      select: { id: true, resources: true, checkInEveryDays: true, waitingUpdateEveryDays: true, workspaceId: true, language: true, texts: true },
    }),
    deps.db.supportRequest.findMany({ where: { id: { in: subjects(['waiting']) } }, select: { id: true, status: true } }),
    deps.db.pairing.findMany({
      where: { id: { in: subjects(['seeker', ...REVIEW_KINDS]) } },
      select: {
        id: true,
        status: true,
        seekerPseudonym: true,
        listenerPseudonym: true,
        startedAt: true,
        listener: { select: { quietHoursStart: true, quietHoursEnd: true } },
      },
    }),
    deps.db.listenerProfile.findMany({
      where: { id: { in: subjects(['listener']) } },
      select: { id: true, quietHoursStart: true, quietHoursEnd: true, _count: { select: { pairings: { where: { status: 'active' } } } } },
    }),
    deps.db.circleMember.findMany({
      where: { id: { in: subjects(['circle_session']) } },
      select: { id: true, channel: true, threadTs: true, circle: { select: { status: true, prompt: true, guidelines: true } } },
    }),
    deps.db.personTimezone.findMany({ where: { userId: { in: recipients } } }),
    deps.db.personPreference.findMany({ where: { userId: { in: recipients }, language: { not: null } }, select: { userId: true, language: true } }),
  ]);
  return {
    initiatives: new Map(initiatives.map((i) => [i.id, i])),
    requests: new Map(requests.map((r) => [r.id, r.status])),
    pairings: new Map(
      pairings.map((p) => [
        p.id,
        { status: p.status, seekerPseudonym: p.seekerPseudonym, listenerPseudonym: p.listenerPseudonym, startedAt: p.startedAt, quiet: quietOf(p.listener) },
      ]),
    ),
    listeners: new Map(listeners.map((l) => [l.id, { activeConversations: l._count.pairings, quiet: quietOf(l) }])),
    circleMembers: new Map(circleMembers.map((m) => [m.id, m])),
    people: new Map(people.map((p) => [p.userId, p])),
    chosen: new Map(preferences.map((p) => [p.userId, p.language])),
  };
}

/**
 * A check-in goes only while its subject is open: the request still waiting, the pairing still active,
 * for a listener's own check-in, the listener still a listener with at least one conversation, or, for
 * a circle's session prompt, the person still in the circle and the circle still open.
 */
function isOpen(context: BatchContext, c: ClaimedCheckIn): 'open' | 'closed' | 'idle-listener' {
  if (c.kind === 'waiting') {
    const status = context.requests.get(c.subjectId);
    return status === 'waiting' || status === 'offered' ? 'open' : 'closed';
  }
  if (c.kind === 'circle_session') return context.circleMembers.get(c.subjectId)?.circle.status === 'open' ? 'open' : 'closed';
  if (c.kind === 'listener') {
    const listener = context.listeners.get(c.subjectId);
    if (!listener) return 'closed';
    return listener.activeConversations > 0 ? 'open' : 'idle-listener';
  }
  return context.pairings.get(c.subjectId)?.status === 'active' ? 'open' : 'closed';
}

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

/** The listener's quiet hours for what goes to a listener; a seeker's check-ins have none. */
function quietFor(context: BatchContext, c: ClaimedCheckIn): QuietHours | null {
  if (c.kind === 'listener') return context.listeners.get(c.subjectId)!.quiet;
  if (c.kind === 'listener_review') return context.pairings.get(c.subjectId)!.quiet;
  return null;
}

/**
 * Where a check-in goes: the recipient's DM with the app; a circle's session prompt goes in the person's
 * circle thread, where replies reach the circle, and is broadcast so it shows in the DM too (issue 20).
 */
function destinationOf(context: BatchContext, c: ClaimedCheckIn): { channel: string } | { channel: string; thread_ts: string; reply_broadcast: true } {
  const member = c.kind === 'circle_session' ? context.circleMembers.get(c.subjectId) : undefined;
  if (member?.channel && member.threadTs) return { channel: member.channel, thread_ts: member.threadTs, reply_broadcast: true };
  return { channel: c.recipientId };
}

/** The check-in, worded in the recipient's language (`t`). */
function render(t: Translate, context: BatchContext, c: ClaimedCheckIn, now: Date) {
  const initiative = context.initiatives.get(c.initiativeId);
  // The coordinators' resources in the recipient's language where they wrote them (issue 19).
  const resources = initiative ? resourcesIn(initiative, t.language) : '';
  if (c.kind === 'waiting') return renderWaitingUpdate(t, { requestId: c.subjectId, resources });
  if (c.kind === 'circle_session') {
    const { circle } = context.circleMembers.get(c.subjectId)!;
    return renderCircleSessionPrompt(t, { sequence: c.sequence, prompt: circle.prompt, guidelines: circle.guidelines, resources });
  }
  if (c.kind === 'listener') return renderListenerCheckIn(t, { checkInId: c.id, conversations: context.listeners.get(c.subjectId)!.activeConversations });
  const pairing = context.pairings.get(c.subjectId)!;
  if (c.kind === 'seeker') return renderSeekerCheckIn(t, { checkInId: c.id, listenerPseudonym: pairing.listenerPseudonym, resources });
  // The planned-ending question says how long they have really talked (delivery may wait for a humane hour).
  const weeks = Math.max(1, Math.floor((now.getTime() - pairing.startedAt.getTime()) / WEEK_MS));
  const other = c.kind === 'seeker_review' ? pairing.listenerPseudonym : pairing.seekerPseudonym;
  return renderReviewCheckIn(t, { checkInId: c.id, otherPseudonym: other, weeks });
}

async function sendCheckIn(sender: PacedSender, deps: DeliveryDeps, context: BatchContext, c: ClaimedCheckIn): Promise<SendOutcome> {
  const now = deps.clock.now();
  const open = isOpen(context, c);
  if (open === 'idle-listener') {
    // No conversation left: cancelled, unless a pairing started meanwhile (then it goes at the next tick).
    const idle = await cancelIdleListenerCheckIn(deps.db, { claim: c.claim, profileId: c.subjectId });
    if (idle === 'cancelled') return 'cancelled';
    return (await postpone(deps.db, { claim: c.claim, deliverAt: now })) ? 'postponed' : 'lease-lost';
  }
  if (open === 'closed') {
    await cancelClaimed(deps.db, { claim: c.claim });
    return 'cancelled';
  }
  const quiet = quietFor(context, c);
  const initiative = context.initiatives.get(c.initiativeId);
  const workspaceId = initiative?.workspaceId ?? '';
  let person: SlackPerson;
  try {
    person = await cachedPerson(await sender.clientFor(workspaceId), deps.db, c.recipientId, now, deps.logger, context.people.get(c.recipientId) ?? null);
  } catch (error) {
    if (error instanceof WorkspaceUnavailableError) return parkUnavailable(deps, c);
    throw error;
  }
  const { timezone } = person;
  const language = chooseAppLanguage({ chosen: context.chosen.get(c.recipientId), slackLocale: person.locale, initiative: initiative?.language });
  const message = render(translatorFor(language), context, c, now);
  // A circle's prompt keeps the circle's own hour, any day (src/domain/delivery.ts); the rest, working hours.
  const circle = c.kind === 'circle_session';
  if (circle ? !isWakingTime(now, timezone) : !isHumaneTime(now, timezone, quiet)) {
    await postpone(deps.db, { claim: c.claim, deliverAt: circle ? nextWakingTime(now, timezone) : nextDeliveryTime(now, timezone, quiet) });
    return 'postponed';
  }
  let posted: { channel?: string; ts?: string };
  try {
    posted = await sender.paced(workspaceId, (client) =>
      withinLease(c.claim, () => deps.clock.now(), () => client.chat.postMessage({ ...destinationOf(context, c), ...message })),
    );
  } catch (error) {
    if (error instanceof LeaseRunningOut) {
      // Not sent and not an attempt: back in the queue at once, for whoever claims it next.
      return (await postpone(deps.db, { claim: c.claim, deliverAt: deps.clock.now() })) ? 'postponed' : 'lease-lost';
    }
    if (error instanceof WorkspaceUnavailableError) return parkUnavailable(deps, c);
    const retryAfter = retryAfterOf(error);
    if (retryAfter !== null) {
      // Slack asked us to slow down: not a failed attempt, so it does not use up the row's tries.
      await postpone(deps.db, { claim: c.claim, deliverAt: new Date(deps.clock.now().getTime() + retryAfter * 1000) });
      return 'rate-limited';
    }
    const code = errorCodeOf(error);
    const outcome = await recordFailure(deps.db, { checkIn: c, now: deps.clock.now(), code });
    if (outcome === 'gave-up') deps.logger.error({ checkInId: c.id, code, attempts: c.attempts }, 'gave up sending a check-in');
    else if (outcome === 'retry') deps.logger.warn({ checkInId: c.id, code, attempts: c.attempts }, 'check-in send failed; will retry');
    return outcome === 'gave-up' ? 'failed' : outcome === 'retry' ? 'retried' : 'lease-lost';
  }
  const recorded = await markSent(deps.db, {
    checkIn: c,
    now: deps.clock.now(),
    channel: posted.channel ?? c.recipientId,
    ts: posted.ts ?? '',
    // A seeker still waiting hears every few days; a pairing and a listener are checked on less often
    // (a planned-ending question is asked once: markSent schedules no next one).
    everyDays: (c.kind === 'waiting' ? initiative?.waitingUpdateEveryDays : initiative?.checkInEveryDays) ?? 14,
  });
  if (recorded === true) return 'sent';
  if (recorded === 'cancelled') return 'cancelled';
  deps.logger.error({ checkInId: c.id, code: 'lease_lost' }, 'a check-in lease expired while sending');
  return 'lease-lost';
}

/**
 * The app was uninstalled from the workspace (or its token revoked): nothing is sent there. The row is
 * kept, not an attempt, and looked at again a day later: a reinstall within the grace period brings it
 * back at once (reinstateWorkspace), the end of the grace period erases it.
 */
async function parkUnavailable(deps: DeliveryDeps, c: ClaimedCheckIn): Promise<SendOutcome> {
  const later = new Date(deps.clock.now().getTime() + UNAVAILABLE_RETRY_MS);
  return (await postpone(deps.db, { claim: c.claim, deliverAt: later, lastError: PARKED })) ? 'postponed' : 'lease-lost';
}

/** The check-in queue for the dispatcher. */
export function checkInQueue(sender: PacedSender, deps: DeliveryDeps): Queue<{ context: BatchContext; checkIn: ClaimedCheckIn }> {
  return {
    name: 'check_in',
    table: 'CheckIn',
    async load(claims: Claim[]) {
      const claimed = await loadClaimed(deps.db, claims);
      const context = await loadContext(deps, claimed);
      return claimed.map((checkIn) => ({ context, checkIn }));
    },
    send: ({ context, checkIn }) => sendCheckIn(sender, deps, context, checkIn),
  };
}

/** Sends everything due now, a few at a time. Safe to run in any number of processes at once. */
export async function dispatchDueCheckIns(sender: PacedSender, deps: DeliveryDeps, options: DispatchOptions): Promise<DispatchReport> {
  return drain(deps, checkInQueue(sender, deps), options);
}
