import { isHumaneTime, nextDeliveryTime, type QuietHours } from '../../domain/delivery.js';
import { drain, type DeliveryDeps, type DispatchOptions, type DispatchReport, type PacedSender, type Queue, type SendOutcome } from '../../delivery/dispatcher.js';
import { LeaseRunningOut, withinLease, type Claim } from '../../delivery/lease.js';
import { errorCodeOf, retryAfterOf } from '../../slack/bulk-sender.js';
import { cachedTimezone, type CachedTimezone } from '../common/timezones.js';
import { cancelClaimed, loadClaimed, markSent, postpone, recordFailure, type ClaimedCheckIn } from './service.js';
import { renderListenerCheckIn, renderSeekerCheckIn, renderWaitingUpdate } from './views.js';

// Sends due check-ins through the one dispatcher (src/delivery/dispatcher.ts): check the subject is
// still open and the hour is humane for the recipient, send through the paced bulk client, record
// Slack's ts and schedule the next. A 429 puts the row back for Retry-After without counting an
// attempt; any other failure is retried with backoff and given up after a bounded number of tries.

/** Everything a batch of claimed check-ins needs, loaded with one query per table. */
interface BatchContext {
  initiatives: Map<string, { resources: string; checkInEveryDays: number; waitingUpdateEveryDays: number; workspaceId: string }>;
  requests: Map<string, string>;
  pairings: Map<string, { status: string; listenerPseudonym: string; quiet: QuietHours | null }>;
  timezones: Map<string, CachedTimezone>;
}

async function loadContext(deps: DeliveryDeps, claimed: ClaimedCheckIn[]): Promise<BatchContext> {
  const waiting = claimed.filter((c) => c.kind === 'waiting').map((c) => c.subjectId);
  const paired = claimed.filter((c) => c.kind !== 'waiting').map((c) => c.subjectId);
  const [initiatives, requests, pairings, timezones] = await Promise.all([
    deps.db.initiative.findMany({
      where: { id: { in: [...new Set(claimed.map((c) => c.initiativeId))] } },
      select: { id: true, resources: true, checkInEveryDays: true, waitingUpdateEveryDays: true, workspaceId: true },
    }),
    deps.db.supportRequest.findMany({ where: { id: { in: waiting } }, select: { id: true, status: true } }),
    deps.db.pairing.findMany({
      where: { id: { in: paired } },
      select: { id: true, status: true, listenerPseudonym: true, listener: { select: { quietHoursStart: true, quietHoursEnd: true } } },
    }),
    deps.db.personTimezone.findMany({ where: { userId: { in: [...new Set(claimed.map((c) => c.recipientId))] } } }),
  ]);
  return {
    initiatives: new Map(initiatives.map((i) => [i.id, i])),
    requests: new Map(requests.map((r) => [r.id, r.status])),
    pairings: new Map(
      pairings.map((p) => {
        const { quietHoursStart: start, quietHoursEnd: end } = p.listener;
        return [p.id, { status: p.status, listenerPseudonym: p.listenerPseudonym, quiet: start && end ? { start, end } : null }];
      }),
    ),
    timezones: new Map(timezones.map((t) => [t.userId, t])),
  };
}

/** The pairing must still be active, or the request still waiting, for its check-in to go. */
function isOpen(context: BatchContext, c: ClaimedCheckIn): boolean {
  if (c.kind === 'waiting') {
    const status = context.requests.get(c.subjectId);
    return status === 'waiting' || status === 'offered';
  }
  return context.pairings.get(c.subjectId)?.status === 'active';
}

function render(context: BatchContext, c: ClaimedCheckIn) {
  const resources = context.initiatives.get(c.initiativeId)?.resources ?? '';
  if (c.kind === 'waiting') return { message: renderWaitingUpdate({ requestId: c.subjectId, resources }), quiet: null };
  const pairing = context.pairings.get(c.subjectId)!;
  if (c.kind === 'seeker') {
    return { message: renderSeekerCheckIn({ checkInId: c.id, listenerPseudonym: pairing.listenerPseudonym, resources }), quiet: null };
  }
  return { message: renderListenerCheckIn({ checkInId: c.id }), quiet: pairing.quiet };
}

async function sendCheckIn(sender: PacedSender, deps: DeliveryDeps, context: BatchContext, c: ClaimedCheckIn): Promise<SendOutcome> {
  const now = deps.clock.now();
  if (!isOpen(context, c)) {
    await cancelClaimed(deps.db, { claim: c.claim });
    return 'cancelled';
  }
  const { message, quiet } = render(context, c);
  const timezone = await cachedTimezone(sender.client, deps.db, c.recipientId, now, deps.logger, context.timezones.get(c.recipientId) ?? null);
  if (!isHumaneTime(now, timezone, quiet)) {
    await postpone(deps.db, { claim: c.claim, deliverAt: nextDeliveryTime(now, timezone, quiet) });
    return 'postponed';
  }
  const initiative = context.initiatives.get(c.initiativeId);
  let posted: { channel?: string; ts?: string };
  try {
    posted = await sender.paced(initiative?.workspaceId ?? '', (client) =>
      withinLease(c.claim, () => deps.clock.now(), () => client.chat.postMessage({ channel: c.recipientId, ...message })),
    );
  } catch (error) {
    if (error instanceof LeaseRunningOut) {
      // Not sent and not an attempt: back in the queue at once, for whoever claims it next.
      return (await postpone(deps.db, { claim: c.claim, deliverAt: deps.clock.now() })) ? 'postponed' : 'lease-lost';
    }
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
    // A seeker still waiting hears every few days; a pairing is checked on less often.
    everyDays: (c.kind === 'waiting' ? initiative?.waitingUpdateEveryDays : initiative?.checkInEveryDays) ?? 14,
  });
  if (recorded === true) return 'sent';
  if (recorded === 'cancelled') return 'cancelled';
  deps.logger.error({ checkInId: c.id, code: 'lease_lost' }, 'a check-in lease expired while sending');
  return 'lease-lost';
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
