import type { WebClient } from '@slack/web-api';
import { isHumaneTime, nextDeliveryTime, type QuietHours } from '../../domain/delivery.js';
import { cachedTimezone, type CachedTimezone } from '../common/timezones.js';
import type { NotifyDeps } from '../requests/notify.js';
import {
  cancelClaimed,
  claimDue,
  markSent,
  postpone,
  recordFailure,
  type ClaimedCheckIn,
} from './service.js';
import { renderListenerCheckIn, renderSeekerCheckIn, renderWaitingUpdate } from './views.js';

// Sends due check-ins: claim with a lease, check the subject is still open and the hour is humane for
// the recipient, send, record Slack's ts. Sends run a few at a time; the Web API client itself waits
// out Retry-After on HTTP 429 (it pauses its whole queue), and a send that still fails is retried
// with backoff and given up after a bounded number of tries.

export interface DispatchOptions {
  owner: string;
  batchSize?: number;
  concurrency?: number;
  /** Stop after this many batches in one tick, so one tick never runs for ever. */
  maxBatches?: number;
}

export interface DispatchReport {
  sent: number;
  postponed: number;
  cancelled: number;
  retried: number;
  failed: number;
  lostLease: number;
}

/** Everything a batch of claimed check-ins needs, loaded with one query per table. */
interface BatchContext {
  initiatives: Map<string, { resources: string; checkInEveryDays: number }>;
  requests: Map<string, string>;
  pairings: Map<string, { status: string; listenerPseudonym: string; quiet: QuietHours | null }>;
  timezones: Map<string, CachedTimezone>;
}

async function loadContext(deps: NotifyDeps, claimed: ClaimedCheckIn[]): Promise<BatchContext> {
  const waiting = claimed.filter((c) => c.kind === 'waiting').map((c) => c.subjectId);
  const paired = claimed.filter((c) => c.kind !== 'waiting').map((c) => c.subjectId);
  const [initiatives, requests, pairings, timezones] = await Promise.all([
    deps.db.initiative.findMany({
      where: { id: { in: [...new Set(claimed.map((c) => c.initiativeId))] } },
      select: { id: true, resources: true, checkInEveryDays: true },
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

function errorCode(error: unknown): string {
  const data = (error as { data?: { error?: unknown } }).data;
  if (data && typeof data.error === 'string') return data.error;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : 'send_failed';
}

async function handle(
  client: WebClient,
  deps: NotifyDeps,
  owner: string,
  context: BatchContext,
  c: ClaimedCheckIn,
  report: DispatchReport,
): Promise<void> {
  const now = deps.clock.now();
  if (!isOpen(context, c)) {
    await cancelClaimed(deps.db, { id: c.id, owner });
    report.cancelled += 1;
    return;
  }
  const { message, quiet } = render(context, c);
  const timezone = await cachedTimezone(client, deps.db, c.recipientId, now, deps.logger, context.timezones.get(c.recipientId) ?? null);
  if (!isHumaneTime(now, timezone, quiet)) {
    await postpone(deps.db, { id: c.id, owner, deliverAt: nextDeliveryTime(now, timezone, quiet) });
    report.postponed += 1;
    return;
  }
  let posted: { channel?: string; ts?: string };
  try {
    posted = await client.chat.postMessage({ channel: c.recipientId, ...message });
  } catch (error) {
    const code = errorCode(error);
    const outcome = await recordFailure(deps.db, { checkIn: c, owner, now: deps.clock.now(), code });
    if (outcome === 'gave-up') {
      report.failed += 1;
      deps.logger.error({ checkInId: c.id, code, attempts: c.attempts }, 'gave up sending a check-in');
    } else {
      report.retried += 1;
      deps.logger.warn({ checkInId: c.id, code, attempts: c.attempts }, 'check-in send failed; will retry');
    }
    return;
  }
  const recorded = await markSent(deps.db, {
    checkIn: c,
    owner,
    now: deps.clock.now(),
    channel: posted.channel ?? c.recipientId,
    ts: posted.ts ?? '',
    everyDays: context.initiatives.get(c.initiativeId)?.checkInEveryDays ?? 14,
  });
  if (recorded === true) report.sent += 1;
  else if (recorded === 'cancelled') report.cancelled += 1;
  else {
    report.lostLease += 1;
    deps.logger.error({ checkInId: c.id, code: 'lease_lost' }, 'a check-in lease expired while sending');
  }
}

/** Sends everything due now, a few at a time. Safe to run in any number of processes at once. */
export async function dispatchDueCheckIns(client: WebClient, deps: NotifyDeps, options: DispatchOptions): Promise<DispatchReport> {
  const report: DispatchReport = { sent: 0, postponed: 0, cancelled: 0, retried: 0, failed: 0, lostLease: 0 };
  const batchSize = options.batchSize ?? 100;
  const concurrency = options.concurrency ?? 8;
  for (let batch = 0; batch < (options.maxBatches ?? 50); batch++) {
    const claimed = await claimDue(deps.db, { owner: options.owner, now: deps.clock.now(), limit: batchSize });
    if (claimed.length === 0) break;
    const context = await loadContext(deps, claimed);
    let next = 0;
    const worker = async () => {
      while (next < claimed.length) {
        const c = claimed[next++]!;
        try {
          await handle(client, deps, options.owner, context, c, report);
        } catch (error) {
          deps.logger.error({ err: error, checkInId: c.id, code: 'check_in_dispatch_failed' }, 'check-in dispatch failed');
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, claimed.length) }, worker));
  }
  return report;
}
